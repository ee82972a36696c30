"""Log in and the lock screen: staff number and PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from ..widgets import Screen, button, form, label

if TYPE_CHECKING:
    from ..shell import Shell


class LoginScreen(Screen):
    def __init__(self, win: Shell):
        super().__init__(win)
        self.locked_for: str | None = None
        self.subtitle = label(name="Subtitle", wrap=True)
        self.staff = QLineEdit()
        self.staff.setObjectName("StaffNo")
        self.staff.setMaxLength(16)
        self.pin = QLineEdit()
        self.pin.setObjectName("Pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.login_button = button(primary=True)
        self.staff_label, self.pin_label = label(), label()
        fields = form()
        fields.addRow(self.staff_label, self.staff)
        fields.addRow(self.pin_label, self.pin)
        self.layout_.addWidget(self.subtitle)
        self.layout_.addLayout(fields)
        self.layout_.addWidget(self.login_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.login_button.clicked.connect(self.submit)
        self.pin.returnPressed.connect(self.submit)
        self.staff.returnPressed.connect(self.pin.setFocus)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Locked") if self.locked_for else self.tr("Log in"))
        self.subtitle.setText(
            self.tr("The terminal was locked. Log in to continue.")
            if self.locked_for
            else self.tr("Enter your staff number and PIN.")
        )
        self.staff_label.setText(self.tr("Staff number"))
        self.pin_label.setText(self.tr("PIN"))
        self.login_button.setText(self.tr("Log in"))

    def set_locked(self, staff_no: str | None) -> None:
        self.locked_for = staff_no
        self.staff.setText(staff_no or "")
        self.pin.clear()
        self.retranslate()

    def entered(self) -> None:
        self.show_error(None)
        (self.pin if self.staff.text() else self.staff).setFocus()

    def submit(self) -> None:
        staff_no, pin = self.staff.text(), self.pin.text()
        self.pin.clear()
        self.run(lambda: self.win.services.login(staff_no, pin), self.win.logged_in)
