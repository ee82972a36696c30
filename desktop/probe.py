"""What is on screen, written to a JSON file for tests that drive the real app from outside with X input.

Set ``MEMBERDESK_STATE_FILE=PATH`` and the app rewrites PATH (atomically) whenever what it shows changes:
the current screen, its title, message line and the button Enter presses, the keyboard focus (and the
text of a focused plain field), an open dialog, the member on screen, the banner, the last code the
wedge detector delivered, the longest GUI-thread stall. Nothing is read back; the desk works the same
with or without it. ``tests/test_desk_day.py`` uses it to know when a screen is ready for the next key.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

INTERVAL_MS = 100
log = logging.getLogger("memberdesk.probe")


def _text(widget: Any) -> str:
    return widget.text() if isinstance(widget, QLabel | QAbstractButton | QLineEdit) else ""


def _visible_text(widget: Any) -> str:
    return _text(widget) if isinstance(widget, QWidget) and widget.isVisible() else ""


def snapshot(window: Any) -> dict[str, Any]:
    screen = window.stack.currentWidget()
    focus = QApplication.focusWidget()
    modal = QApplication.activeModalWidget()
    popup = QApplication.activePopupWidget()
    focused: dict[str, Any] = {}
    if focus is not None:
        focused = {"class": type(focus).__name__, "name": focus.objectName()}
        if isinstance(focus, QLineEdit):
            # A password field's text is never written out; other fields show what was typed into them.
            secret = focus.echoMode() != QLineEdit.EchoMode.Normal
            focused["text"] = "" if secret else focus.text()
        elif isinstance(focus, QAbstractButton):
            focused["text"] = focus.text()
    member = window.member_screen
    primary = screen.primary_button() if hasattr(screen, "primary_button") else None
    summary = getattr(member, "summary", None)
    return {
        "screen": type(screen).__name__,
        "title": _text(getattr(screen, "title", None)),
        "message": _visible_text(getattr(screen, "message", None)),
        "status": _visible_text(getattr(screen, "status", None)),
        "primary": _visible_text(primary),  # the button Enter presses on this screen
        "focus": focused,
        "modal": modal.windowTitle() if modal is not None else "",
        "modal_class": type(modal).__name__ if modal is not None else "",
        "popup": type(popup).__name__ if popup is not None else "",
        "member": summary.member_no if summary is not None and screen is member else "",
        "points": summary.balance if summary is not None else None,
        "logged_in": window.session.staff_no if window.session is not None else "",
        "banner": _text(window.banner.text),
        "online": bool(window.banner.online),
        "pending": int(window.banner.pending),
        "open_exceptions": int(getattr(window.banner, "open_exceptions", 0)),
        "busy": not window.tasks.idle,
        "window_title": window.windowTitle(),
    }


class StateFile(QObject):
    def __init__(self, window: Any, path: Path):
        super().__init__(window)
        self.window = window
        self.path = path
        self.last = ""
        self.ticked = time.monotonic()
        self.longest_stall_ms = 0  # the longest the GUI thread kept this 100 ms timer waiting, beyond 100 ms
        self.last_scan = ""  # what the wedge detector last delivered, to tell a mangled scan from a refused one
        window.wedge.code_scanned.connect(self._scanned)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.write)
        self.timer.start(INTERVAL_MS)

    def _scanned(self, code: str) -> None:
        self.last_scan = code

    def write(self) -> None:
        now = time.monotonic()
        self.longest_stall_ms = max(self.longest_stall_ms, int((now - self.ticked) * 1000) - INTERVAL_MS)
        self.ticked = now
        try:
            state = snapshot(self.window)
            state["longest_stall_ms"] = self.longest_stall_ms
            state["last_scan"] = self.last_scan
            text = json.dumps(state, ensure_ascii=False, sort_keys=True)
        except RuntimeError:  # a widget is being torn down at exit
            return
        except Exception:  # a test aid must never disturb the desk: say so once and stop
            log.exception("the state file stops")
            self.timer.stop()
            return
        if text == self.last:
            return
        self.last = text
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, self.path)


def install(window: Any) -> StateFile | None:
    """Start writing the state file if ``MEMBERDESK_STATE_FILE`` names one."""
    path = os.environ.get("MEMBERDESK_STATE_FILE")
    if not path:
        return None
    return StateFile(window, Path(path))
