"""Home: one always-focused scan/search field; results; enroll a new member."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem

from ..widgets import Screen, button, key_shortcut, label, row, with_key

if TYPE_CHECKING:
    from ..shell import Shell


class HomeScreen(Screen):
    def __init__(self, win: Shell):
        super().__init__(win)
        self.hint = label(name="Subtitle", wrap=True)
        self.field = QLineEdit()
        self.field.setObjectName("ScanField")
        self.field.setClearButtonEnabled(True)
        self.search_button = button(primary=True)
        self.enroll_button = button()
        self.coupon_button = button()
        self.slips_button = button()
        self.slips_button.setObjectName("BackEntry")
        self.results = QListWidget()
        self.results.setObjectName("Results")
        from ..preview import CameraPreview

        self.preview = CameraPreview()
        self.preview.hide()  # shown when a camera is configured
        self.layout_.addWidget(self.hint)
        self.layout_.addLayout(row(self.field, self.search_button, stretch=False))
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(row(self.results, self.preview, stretch=False), 1)
        self.layout_.addLayout(row(self.enroll_button, self.coupon_button, self.slips_button))
        self.field.returnPressed.connect(lambda: self.search())
        self.search_button.clicked.connect(lambda: self.search())
        self.results.itemActivated.connect(self._open_item)
        self.results.itemClicked.connect(self._open_item)
        for widget, key in ((self.enroll_button, "F1"), (self.coupon_button, "F5"), (self.slips_button, "F10")):
            key_shortcut(widget, key)  # the key acts at once (no animated click)
        self.results.setTabKeyNavigation(False)
        self.enroll_button.clicked.connect(lambda: self.win.show_enroll())
        self.coupon_button.clicked.connect(lambda: self.win.show_coupon(None))
        self.slips_button.clicked.connect(self.win.show_backentry)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Member service"))
        self.hint.setText(
            self.tr("Scan the member's code, or type a phone number, member number, card number or name.")
        )
        self.field.setPlaceholderText(self.tr("Scan or search…"))
        self.search_button.setText(with_key(self.tr("Search"), "Enter"))
        self.enroll_button.setText(with_key(self.tr("Enroll a new member"), "F1"))
        self.coupon_button.setText(with_key(self.tr("Verify a coupon"), "F5"))
        self.slips_button.setText(with_key(self.tr("Key in paper slips"), "F10"))

    def entered(self) -> None:
        self.show_error(None)
        self.slips_button.setVisible(self.win.allowed("back_entry"))
        self.focus_primary()

    def focus_primary(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def back(self) -> None:
        """Esc on Home clears the search."""
        self.field.clear()
        self.results.clear()
        self.show_error(None)
        self.field.setFocus()

    def search(self, text: str | None = None) -> None:
        query = self.field.text() if text is None else text
        if not query.strip():
            return
        self.run(lambda: self.win.services.lookup(self.win.session, query), self._show_hits)

    def _show_hits(self, hits) -> None:
        self.results.clear()
        if len(hits) == 1:
            self.field.clear()
            self.win.show_member(hits[0].member_no)
            return
        if not hits:
            self.show_error(self.tr("No member found. Check the number, or enroll a new member."))
            return
        for hit in hits:
            item = QListWidgetItem(f"{hit.member_no}   {hit.name_masked}   {hit.phone_masked}")
            item.setData(Qt.ItemDataRole.UserRole, hit.member_no)
            self.results.addItem(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.win.show_member(item.data(Qt.ItemDataRole.UserRole))
