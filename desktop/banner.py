"""The sync banner, always visible: online or offline, operations waiting and since when, last sync."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy


class SyncBanner(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("Banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 6, 2)
        self.text = QLabel()
        self.text.setObjectName("BannerText")
        # Wraps to a second line rather than being cut off (English at 1280 px wide with a long queue).
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("SyncNow")
        self.sync_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.sync_button)
        self.online = False
        self.pending = 0
        self.oldest: str | None = None
        self.last_success: str | None = None
        self.open_exceptions = 0
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_state(
        self, online: bool, pending: int, oldest: str | None, last_success: str | None, open_exceptions: int = 0
    ) -> None:
        self.online, self.pending, self.oldest, self.last_success = online, pending, oldest, last_success
        self.open_exceptions = open_exceptions
        self.retranslate()

    def retranslate(self) -> None:
        self.sync_button.setText(self.tr("Sync now"))
        self.setProperty("state", "online" if self.online else "offline")
        self.style().unpolish(self)
        self.style().polish(self)
        state = self.tr("Online") if self.online else self.tr("Offline")
        parts = [state]
        if self.pending:
            parts.append(
                self.tr("{count} operations waiting since {since}").format(count=self.pending, since=self.oldest or "—")
            )
        else:
            parts.append(self.tr("nothing waiting"))
        parts.append(self.tr("last sync {when}").format(when=self.last_success or self.tr("never")))
        if self.open_exceptions:  # a manager has decisions waiting in the exceptions inbox
            parts.append(self.tr("{count} open exceptions").format(count=self.open_exceptions))
        self.text.setText(" · ".join(parts))
