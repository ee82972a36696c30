"""Key events as a real keyboard-wedge scanner and a person at the desk send them, for the desk tests.

A wedge scanner types about 8 ms a character and presses Shift (a separate key press and release)
around every capital letter; QTest's ``keyClicks`` sends neither the Shift events nor real timing, so
these helpers send each event by itself, to whatever has the keyboard focus, with the scanner's gap.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

SUFFIXES = ("Return", "Enter", "Tab", "CR", "LF")
SHIFT = Qt.KeyboardModifier.ShiftModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier


def focus():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _send(kind: QEvent.Type, key: int, modifiers, text: str, stamp: int) -> None:
    """One key event to the focused widget, stamped with its time as a window system stamps it."""
    event = QKeyEvent(kind, key, modifiers, text)
    event.setTimestamp(stamp)
    QApplication.sendEvent(focus(), event)


def scan(code: str, suffix: str = "Return", keypad_digits: bool = False, gap_s: float = 0.008) -> None:
    """Type ``code`` as a wedge scanner does, into the focused widget, and end it with ``suffix``.

    Each event carries a time stamp ``gap_s`` after the previous character's, as the X server stamps a
    scanner's keys; the detector measures the gaps by them, so a loaded test machine does not split a
    scan (the events are also sent ``gap_s`` apart in real time)."""
    press, release = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
    none = Qt.KeyboardModifier.NoModifier
    stamp = int(time.monotonic() * 1000) % 2**31 + 1
    for char in code:
        key_code = ord(char.upper())  # Qt's key codes for ASCII are the (upper case) character codes
        if char.isupper():
            _send(press, Qt.Key.Key_Shift, SHIFT, "", stamp)  # Shift down: a key event with no text
            _send(press, key_code, SHIFT, char, stamp + 1)
            _send(release, key_code, SHIFT, char, stamp + 2)
            _send(release, Qt.Key.Key_Shift, none, "", stamp + 3)
        else:
            modifiers = KEYPAD if char.isdigit() and keypad_digits else none
            _send(press, key_code, modifiers, char, stamp)
            _send(release, key_code, modifiers, char, stamp + 1)
        stamp += int(gap_s * 1000)
        time.sleep(gap_s)
    if suffix in ("Return", "Enter", "Tab"):
        key_code = {"Return": Qt.Key.Key_Return, "Enter": Qt.Key.Key_Enter, "Tab": Qt.Key.Key_Tab}[suffix]
        text = {"Return": "\r", "Enter": "\r", "Tab": "\t"}[suffix]
        modifiers = KEYPAD if suffix == "Enter" else none
    else:  # a scanner set to send the control character itself: a key event carrying only that text
        key_code, text, modifiers = Qt.Key.Key_unknown, "\r" if suffix == "CR" else "\n", none
    _send(press, key_code, modifiers, text, stamp)
    _send(release, key_code, modifiers, text, stamp + 1)
    QApplication.processEvents()


def ime_scan(code: str, gap_s: float = 0.008) -> None:
    """A scan with a Chinese input method active: each character arrives as the IME's commit string."""
    for char in [*code, "\r"]:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(focus(), event)
        time.sleep(gap_s)
    QApplication.processEvents()


def key(name: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key press and release by a person, to the focused widget."""
    QTest.keyClick(focus(), name, modifier)
    QApplication.processEvents()


def type_text(text: str) -> None:
    """A person typing ASCII at human speed into the focused widget (Chinese as an IME commit)."""
    for char in text:
        if char.isascii():
            QTest.keyClick(focus(), char, delay=60)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(focus(), event)
    QApplication.processEvents()


def open_window(qtbot, store, services, language: str = "zh_CN", engine=None):
    """The desk's main window on ``services`` (a generator for a fixture: yields it, shuts it down)."""
    from desktop.app import create_app
    from desktop.i18n import install_language
    from desktop.main_window import MainWindow

    create_app()
    install_language(language)
    window = MainWindow(services, store, engine=engine)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    activate(qtbot, window)
    yield window
    window.shutdown()
    install_language("zh_CN")


def activate(qtbot, window) -> None:
    """Make ``window`` the active window: shortcuts (F-keys, Esc) only reach the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=10_000)
