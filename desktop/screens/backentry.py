"""Back-entry after an outage: scan a paper slip (or type its serial), key in what was written on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QStackedWidget, QWidget

from membership.money import AmountError, parse_yuan

from ..i18n import render
from ..widgets import Screen, button, form, label, row, with_key

if TYPE_CHECKING:
    from ..shell import Shell


def _edit(name: str, length: int = 40) -> QLineEdit:
    widget = QLineEdit()
    widget.setObjectName(name)
    widget.setMaxLength(length)
    return widget


class BackEntryScreen(Screen):
    def __init__(self, win: Shell):
        super().__init__(win)
        self.slip_type: str | None = None
        self.serial = _edit("SlipSerial", 20)
        self.open_button = button(primary=True)
        self.kind_line = label(name="Subtitle", wrap=True)
        self.written_at, self.written_by = _edit("WrittenAt", 16), _edit("WrittenBy", 16)
        self.confirm_staff, self.confirm_pin = _edit("ConfirmStaff", 16), _edit("ConfirmPin", 8)
        self.confirm_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.common_labels = [label() for _ in range(4)]
        common = form()
        for lab, widget in zip(
            self.common_labels, (self.written_at, self.written_by, self.confirm_staff, self.confirm_pin), strict=True
        ):
            common.addRow(lab, widget)
        # One sub-form per slip type, with the boxes the printed slip has.
        self.fields: dict[str, dict[str, QWidget]] = {
            "enroll": {
                "name": _edit("SlipName", 30),
                "phone": _edit("SlipPhone", 20),
                "birthday": _edit("SlipBirthday", 10),
                "referrer_no": _edit("SlipReferrer", 10),
                "privacy_accepted": QCheckBox(),
                "marketing_accepted": QCheckBox(),
            },
            "receipt": {
                "member": _edit("SlipMember", 20),
                "tenant_code": _edit("SlipTenant", 10),
                "receipt_no": _edit("SlipReceiptNo"),
                "amount": _edit("SlipAmount", 12),
                "purchase_date": _edit("SlipPurchaseDate", 10),
            },
            "gift": {
                "member": _edit("SlipMember", 20),
                "item_code": _edit("SlipItem", 10),
                "quantity": _edit("SlipQuantity", 2),
            },
            "benefit": {"member": _edit("SlipMember", 20), "benefit": _edit("SlipBenefit", 12)},
        }
        self.field_labels: dict[str, dict[str, QWidget]] = {}
        self.forms = QStackedWidget()
        for slip_type, widgets in self.fields.items():
            page = QWidget()
            layout = form()
            page.setLayout(layout)
            self.field_labels[slip_type] = {}
            for key, widget in widgets.items():
                if isinstance(widget, QCheckBox):
                    layout.addRow("", widget)
                else:
                    lab = label()
                    self.field_labels[slip_type][key] = lab
                    layout.addRow(lab, widget)
            self.forms.addWidget(page)
        self.submit_button = button(primary=True)
        self.submit_button.setObjectName("KeyIn")
        self.back_button = button()
        self.serial_label = label()
        self.outstanding = label(name="Subtitle", wrap=True)
        self.layout_.addLayout(row(self.serial_label, self.serial, self.open_button, stretch=False))
        self.layout_.addWidget(self.outstanding)
        self.layout_.addWidget(self.kind_line)
        columns = QHBoxLayout()  # what every slip has on the left, this slip type's boxes on the right
        columns.addLayout(common, 1)
        columns.addWidget(self.forms, 1)
        self.layout_.addLayout(columns)
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(row(self.submit_button, self.back_button))
        self.layout_.addStretch(1)
        self.opened_serial: str | None = None
        self.open_button.clicked.connect(lambda: self.open_slip(self.serial.text()))
        self.serial.returnPressed.connect(self._serial_entered)
        self.submit_button.clicked.connect(self.submit)
        self.back_button.clicked.connect(self.win.show_home)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Key in paper slips"))
        self.serial_label.setText(self.tr("Slip serial"))
        self.serial.setPlaceholderText(self.tr("Scan the slip's code or type its serial"))
        self.open_button.setText(self.tr("Open"))
        for lab, text in zip(
            self.common_labels,
            (
                self.tr("Date and time on the slip"),
                self.tr("Written by (staff no.)"),
                self.tr("Second person (if the amount needs it)"),
                self.tr("Second person's PIN"),
            ),
            strict=True,
        ):
            lab.setText(text)
        self.written_at.setPlaceholderText("2026-11-22 14:30")
        names = {
            "name": self.tr("Name"),
            "phone": self.tr("Mobile number"),
            "birthday": self.tr("Birthday"),
            "referrer_no": self.tr("Referrer (member no.)"),
            "member": self.tr("Member number or mobile"),
            "tenant_code": self.tr("Store code"),
            "receipt_no": self.tr("Receipt number"),
            "amount": self.tr("Amount (¥)"),
            "purchase_date": self.tr("Purchase date"),
            "item_code": self.tr("Gift code"),
            "quantity": self.tr("Quantity"),
            "benefit": self.tr("Benefit (birthday, parking, member_day)"),
        }
        for labels in self.field_labels.values():
            for key, lab in labels.items():
                lab.setText(names[key])
        self.fields["enroll"]["privacy_accepted"].setText(
            self.tr("The member ticked the privacy policy box (required)")
        )
        self.fields["enroll"]["marketing_accepted"].setText(self.tr("The member ticked the marketing box"))
        self.submit_button.setText(with_key(self.tr("Key in"), "Enter"))
        self.back_button.setText(with_key(self.tr("Back"), "Esc"))
        self._show_type()

    def entered(self) -> None:
        self.show_error(None)
        self.refresh()
        self.serial.setFocus()

    OPTIONAL = frozenset({"referrer_no", "marketing_accepted"})

    def required(self):
        if self.slip_type is None:
            return []
        boxes = [w for key, w in self.fields[self.slip_type].items() if key not in self.OPTIONAL]
        return [self.written_at, self.written_by, *boxes]

    def primary_button(self):
        return self.submit_button if self.slip_type is not None else None

    def dirty(self) -> bool:
        return self.slip_type is not None and self.has_input(self.serial)

    def focus_primary(self) -> None:
        (self.written_at if self.slip_type is not None else self.serial).setFocus()

    def _serial_entered(self) -> None:
        """Enter in the serial field opens the slip typed there; on the slip already open it walks on."""
        serial = self.serial.text().strip().upper()
        if serial and serial != self.opened_serial:
            self.open_slip(serial)

    def refresh(self) -> None:
        self.run(self.win.services.outstanding_slips, self._show_outstanding)

    def _show_outstanding(self, serials: list[str]) -> None:
        self.outstanding.setText(
            self.tr("{count} issued slips are not keyed in yet.").format(count=len(serials))
            if serials
            else self.tr("Every issued slip has been keyed in.")
        )

    def open_slip(self, serial: str) -> None:
        self.serial.setText(serial.strip().upper())
        self.refresh()
        self.run(lambda: self.win.services.slip_status(self.win.session, serial), self._opened)

    def _opened(self, status) -> None:
        slip_type, keyed = status
        self.slip_type = slip_type
        self.opened_serial = self.serial.text().strip().upper()
        self._show_type()
        if keyed is not None:  # tell at once; keying it in would be refused anyway
            self.show_error(
                self.tr("This slip was already keyed in on {when} by {staff}.").format(
                    when=self._mall_time(keyed["keyed_at"]), staff=keyed["keyed_by"]
                )
            )
        for widget in self.fields[slip_type].values():
            if isinstance(widget, QLineEdit):
                widget.clear()
            else:
                widget.setChecked(False)
        self.written_at.setFocus()

    def _mall_time(self, utc_text: str) -> str:
        """A stored UTC time as the mall's clock shows it (Asia/Shanghai), which is what staff wrote."""
        from membership.timeutil import from_utc_text

        return from_utc_text(utc_text).astimezone(self.win.store.rules().timezone).strftime("%Y-%m-%d %H:%M")

    def _show_type(self) -> None:
        types = {
            "enroll": self.tr("Enrollment slip"),
            "receipt": self.tr("Receipt-credit slip"),
            "gift": self.tr("Redemption slip"),
            "benefit": self.tr("Benefit slip"),
        }
        visible = self.slip_type is not None
        self.forms.setVisible(visible)
        self.submit_button.setEnabled(visible)
        if visible:
            self.forms.setCurrentIndex(list(self.fields).index(self.slip_type))
            self.kind_line.setText(types[self.slip_type])
        else:
            self.kind_line.setText(self.tr("Scan a slip to begin."))

    def submit(self) -> None:
        if self.slip_type is None:
            return
        widgets = self.fields[self.slip_type]
        values: dict = {}
        for key, widget in widgets.items():
            values[key] = widget.isChecked() if isinstance(widget, QCheckBox) else widget.text().strip()
        if "amount" in values:
            try:
                values["amount_fen"] = parse_yuan(values.pop("amount"))
            except AmountError as exc:
                self.show_error(render(exc.message))
                return
        if "quantity" in values:
            values["quantity"] = int(values["quantity"]) if values["quantity"].isdigit() else 1
        confirm = (self.confirm_staff.text(), self.confirm_pin.text()) if self.confirm_staff.text().strip() else None
        serial, written_at, written_by = self.serial.text(), self.written_at.text(), self.written_by.text()
        self.confirm_pin.clear()

        def done(result) -> None:
            self.slip_type = None
            self.opened_serial = None
            self.serial.clear()
            self.win.show_result(result)

        self.run(
            lambda: self.win.services.key_in_slip(
                self.win.session, serial, written_at, written_by, values, confirm=confirm
            ),
            done,
        )
