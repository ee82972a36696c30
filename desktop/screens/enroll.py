"""Enroll a member: name, mobile, birthday, gender, referrer, and the two consents shown with their wording."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from sync.services import DuplicatePhone

from ..i18n import render
from ..widgets import Screen, button, form, label, row, with_key

if TYPE_CHECKING:
    from ..shell import Shell


class EnrollScreen(Screen):
    def __init__(self, win: Shell):
        super().__init__(win)
        self.name, self.phone, self.birthday, self.referrer = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        for widget, key, length in (
            (self.name, "Name", 30),
            (self.phone, "Phone", 20),
            (self.birthday, "Birthday", 10),
            (self.referrer, "Referrer", 10),
        ):
            widget.setObjectName(key)
            widget.setMaxLength(length)
        self.gender = QComboBox()
        self.privacy, self.marketing = QCheckBox(), QCheckBox()
        self.privacy.setObjectName("Privacy")
        self.marketing.setObjectName("Marketing")
        self.privacy_text, self.marketing_text = label(wrap=True), label(wrap=True)
        self.labels = [label() for _ in range(5)]
        fields = form()
        for lab, widget in zip(
            self.labels, (self.name, self.phone, self.birthday, self.gender, self.referrer), strict=True
        ):
            fields.addRow(lab, widget)
        self.submit_button = button(primary=True)
        self.submit_button.setObjectName("EnrollSubmit")
        self.cancel_button = button()
        self.layout_.addLayout(fields)
        self.layout_.addWidget(self.privacy)
        self.layout_.addWidget(self.privacy_text)
        self.layout_.addWidget(self.marketing)
        self.layout_.addWidget(self.marketing_text)
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(row(self.submit_button, self.cancel_button))
        self.layout_.addStretch(1)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.win.show_home)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Enroll a new member"))
        for lab, text in zip(
            self.labels,
            (
                self.tr("Name"),
                self.tr("Mobile number"),
                self.tr("Birthday"),
                self.tr("Gender"),
                self.tr("Referrer (member no.)"),
            ),
            strict=True,
        ):
            lab.setText(text)
        self.birthday.setPlaceholderText(self.tr("month-day, e.g. 03-15 (year optional)"))
        self.phone.setPlaceholderText(self.tr("11 digits"))
        current = self.gender.currentData()
        self.gender.clear()
        for value, text in (
            ("", self.tr("Not given")),
            ("female", self.tr("Female")),
            ("male", self.tr("Male")),
            ("other", self.tr("Other")),
        ):
            self.gender.addItem(text, value)
        self.gender.setCurrentIndex(max(0, self.gender.findData(current)))
        self.privacy.setText(self.tr("The member accepts the privacy policy (required)"))
        self.marketing.setText(self.tr("The member agrees to receive marketing messages (optional)"))
        self.submit_button.setText(with_key(self.tr("Enroll"), "Enter"))
        self.cancel_button.setText(with_key(self.tr("Cancel"), "Esc"))
        try:
            rules = self.win.store.rules()
        except Exception:
            return
        self.privacy_text.setText(f"{render(rules.privacy_consent_text)}  ({rules.privacy_consent_version})")
        self.marketing_text.setText(f"{render(rules.marketing_consent_text)}  ({rules.marketing_consent_version})")

    def entered(self) -> None:
        self.show_error(None)
        for widget in (self.name, self.phone, self.birthday, self.referrer):
            widget.clear()
        self.privacy.setChecked(False)
        self.marketing.setChecked(False)
        self.gender.setCurrentIndex(0)
        self.name.setFocus()

    def required(self):
        return [self.name, self.phone, self.birthday, self.privacy]

    def primary_button(self):
        return self.submit_button

    def dirty(self) -> bool:
        return self.has_input()

    def focus_primary(self) -> None:
        self.name.setFocus()

    def submit(self) -> None:
        values = dict(
            name=self.name.text(),
            phone=self.phone.text(),
            birthday=self.birthday.text(),
            gender=self.gender.currentData(),
            referrer_no=self.referrer.text().strip() or None,
            privacy_accepted=self.privacy.isChecked(),
            marketing_accepted=self.marketing.isChecked(),
            channel="checkout" if self.win.session.role == "cashier" else "desk",
        )
        self.run(lambda: self.win.services.enroll(self.win.session, **values), self.win.show_result)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DuplicatePhone):
            self.win.show_member(exc.member_no, notice=exc)  # the member already exists: open them
            return
        super()._failed(exc)
