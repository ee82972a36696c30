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


def scan(code: str, suffix: str = "Return", keypad_digits: bool = False, gap_s: float = 0.008) -> None:
    """Type ``code`` as a wedge scanner does, into the focused widget, and end it with ``suffix``."""
    for char in code:
        target = focus()
        if char.isupper():
            QTest.keyPress(target, Qt.Key.Key_Shift, SHIFT)  # Shift down: a key event with no text
            QTest.keyPress(target, char, SHIFT)
            QTest.keyRelease(target, char, SHIFT)
            QTest.keyRelease(target, Qt.Key.Key_Shift)
        elif char.isdigit() and keypad_digits:
            key = Qt.Key(Qt.Key.Key_0.value + int(char))
            QTest.keyPress(target, key, KEYPAD)
            QTest.keyRelease(target, key, KEYPAD)
        else:
            QTest.keyPress(target, char)
            QTest.keyRelease(target, char)
        time.sleep(gap_s)
    target = focus()
    if suffix in ("Return", "Enter", "Tab"):
        key = {"Return": Qt.Key.Key_Return, "Enter": Qt.Key.Key_Enter, "Tab": Qt.Key.Key_Tab}[suffix]
        QTest.keyPress(target, key, KEYPAD if suffix == "Enter" else Qt.KeyboardModifier.NoModifier)
        QTest.keyRelease(target, key)
    else:  # a scanner set to send the control character itself: a key event carrying only that text
        text = "\r" if suffix == "CR" else "\n"
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text))
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
