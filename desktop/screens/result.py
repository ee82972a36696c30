"""The result panel every action ends in: what happened, points before and after, and printing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout

from ..i18n import render
from ..widgets import Screen, button, key_shortcut, label, row, with_key

if TYPE_CHECKING:
    from ..shell import Shell
# Keys of the result panel's buttons besides Enter (print the receipt) and Esc (back).
PDF_KEY = "F3"
WELCOME_KEY = "F2"


class ResultScreen(Screen):
    def __init__(self, win: Shell):
        super().__init__(win)
        self.result = None
        card = QFrame()
        card.setObjectName("Card")
        box = QVBoxLayout(card)
        self.headline = label(name="Subtitle", wrap=True)
        self.lines = label(wrap=True)
        self.lines.setObjectName("ResultLines")
        self.points = label(name="Big")
        box.addWidget(self.headline)
        box.addWidget(self.lines)
        box.addWidget(self.points)
        self.status = label(name="Ok", wrap=True)
        self.print_button = button(primary=True)
        self.print_button.setObjectName("Print")
        self.pdf_button = button()
        self.pdf_button.setObjectName("SavePdf")
        self.welcome_button = button()
        self.welcome_button.setObjectName("WelcomeSlip")
        self.done_button = button()
        self.done_button.setObjectName("Done")
        self.layout_.addWidget(card)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(row(self.print_button, self.pdf_button, self.welcome_button, self.done_button))
        self.layout_.addStretch(1)
        self.print_button.clicked.connect(lambda: self.win.print_receipt(self.result.receipt))
        self.pdf_button.clicked.connect(lambda: self.win.save_receipt_pdf(self.result.receipt))
        self.welcome_button.clicked.connect(lambda: self.win.print_welcome_slip(self.result))
        self.done_button.clicked.connect(self._done)
        key_shortcut(self.pdf_button, PDF_KEY)
        key_shortcut(self.welcome_button, WELCOME_KEY)  # after enrolling: the welcome slip without the mouse
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Done"))
        self.print_button.setText(with_key(self.tr("Print receipt"), "Enter"))
        self.pdf_button.setText(with_key(self.tr("Save as PDF"), PDF_KEY))
        self.welcome_button.setText(with_key(self.tr("Print welcome slip"), WELCOME_KEY))
        if self.result is not None:
            self.show_result(self.result)

    def show_result(self, result) -> None:
        self.result = result
        r = result.receipt
        self.show_error(None)
        self.status.setText("")
        self.headline.setText(
            f"{render(r.kind_label)} · {result.op_ref} · {r.at_local}"
            + (f" · {r.member_no} {r.member_name_masked}" if r.member_no else "")
        )
        self.lines.setText("\n".join(render(line) for line in r.lines))
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if r.member_no:
            self.points.setText(
                self.tr("{before} → {after} points").format(
                    before=f"{r.points_before:,d}", after=f"{r.points_after:,d}"
                )
            )
        else:
            self.points.setText("")
        if not r.online:
            self.status.setText(self.tr("Saved on this terminal; it will be sent to the server when online."))
        token = result.extra.get("member_token")
        self.done_button.setText(with_key(self.tr("Back to member") if r.member_no else self.tr("Back"), "Esc"))
        self.print_button.setEnabled(self.win.printing_available())
        self.pdf_button.setEnabled(self.win.printing_available())
        self.welcome_button.setVisible(bool(token) and self.win.printing_available())
        if self.isVisible():  # a language change re-runs this on a hidden screen: it must not take the focus
            self.focus_primary()

    def focus_primary(self) -> None:
        """Enter prints the receipt (the focused button), Esc goes back to the member."""
        (self.print_button if self.print_button.isEnabled() else self.done_button).setFocus()

    def back(self) -> None:
        self._done()

    def _done(self) -> None:
        member = self.result.member_no if self.result else None
        if member:
            self.win.show_member(member)
        else:
            self.win.show_home()
