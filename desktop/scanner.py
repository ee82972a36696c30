"""Scanner input: keyboard-wedge bursts recognised anywhere in the app, and the camera worker.

A wedge scanner "types" a code at about 8 ms a character and ends it with a suffix (Enter, Return, Tab,
or a CR/LF character); a person types at 80 ms or slower. The detector watches every key press in the
application: once two characters arrive faster than ``max_gap_ms`` it swallows the rest of the burst
(and takes back the first character it let through), and at the suffix emits the whole code as one
``code_scanned`` event. A fast burst that never reaches a suffix is typed back into the focused field,
so nothing a person types is lost.

What a real scanner sends besides characters, and what the detector does with it:

- a separate Shift press and release around every capital letter, CapsLock, and any other modifier
  key on its own: ignored (these events carry no text and must not break the burst);
- keypad digits (``KeypadModifier``): characters like any other;
- ASCII text committed by an active input method (``QInputMethodEvent`` with a commit string, as an
  engine that passes plain ASCII through character by character delivers it): taken as characters of
  the burst, and swallowed while the burst lasts;
- anything while a modal dialog is open: left alone (the dialog gets its keys, no scan is routed).

On X11 (Qt's ``xcb`` platform) an active input method takes the keys before this filter sees them, and
ibus-libpinyin does not give a scan back intact; there ``desktop.xkeys`` reads the scan from the raw X
key events first and hands it over with :meth:`WedgeDetector.deliver`.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QTextEdit, QWidget

MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Hyper_L,
        Qt.Key.Key_Hyper_R,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
        Qt.Key.Key_ScrollLock,
    }
)
SUFFIX_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
SUFFIX_TEXT = frozenset({"\r", "\n", "\t"})
# Modifiers a scanner's characters may carry: Shift for capitals, Keypad for keypad digits.
_ALLOWED_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def _take_back(target: QWidget | None, text: str) -> None:
    """Remove ``text`` from the end of the field it was typed into (the start of a burst)."""
    if not text:
        return
    if isinstance(target, QLineEdit) and target.text().endswith(text):
        for _ in text:
            target.backspace()
    elif isinstance(target, QAbstractSpinBox):
        line = target.findChild(QLineEdit)
        if line is not None and line.text().endswith(text):
            for _ in text:
                line.backspace()


def _put_back(target: QWidget | None, text: str) -> None:
    if not text:
        return
    if isinstance(target, QLineEdit):
        target.insert(text)
    elif isinstance(target, QTextEdit):
        target.insertPlainText(text)
    elif isinstance(target, QAbstractSpinBox):
        line = target.findChild(QLineEdit)
        if line is not None:
            line.insert(text)


class WedgeDetector(QObject):
    code_scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, max_gap_ms: float = 35.0, min_length: int = 4):
        super().__init__(parent)
        self.max_gap = max_gap_ms / 1000
        self.min_length = min_length
        self._chars: list[str] = []
        self._last = 0.0
        self._last_stamp = 0  # the window system's time of the previous key (ms), 0 when it had none
        self._burst = False
        self._target: QWidget | None = None
        self._first_let_through = ""  # what of the first key reached the field before the burst was known
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.timeout.connect(self._give_back)

    # -- events ------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.InputMethod) or not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        if watched is not focus and focus is not None:
            return False  # Qt offers the event to each ancestor too; look at it once
        if QApplication.activeModalWidget() is not None:
            self._give_back()
            return False  # a PIN prompt or a question is open: its keys are its own, no scan is routed
        if kind == QEvent.Type.InputMethod:
            return self._commit(event)  # type: ignore[arg-type]
        return self._key(event)  # type: ignore[arg-type]

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in MODIFIER_KEYS:
            return False  # Shift around a capital, CapsLock: no text, part of the burst
        text = event.text()
        if key in SUFFIX_KEYS or (len(text) == 1 and text in SUFFIX_TEXT):
            return self._suffix(event.isAutoRepeat(), event.timestamp())
        if len(text) != 1 or not text.isprintable() or event.modifiers() & ~_ALLOWED_MODIFIERS or event.isAutoRepeat():
            self._give_back()
            return False
        return self._char(text, event.timestamp())

    def _commit(self, event: QInputMethodEvent) -> bool:
        """Text an input method commits. A pinyin engine passes a scanner's ASCII through as commits, one
        character (or a few) at a time; they count like key presses. A preedit without commit (the IME
        composing Chinese) is the person's and left alone."""
        text = event.commitString()
        if not text:
            return False
        if not all(c.isprintable() or c in SUFFIX_TEXT for c in text):
            self._give_back()
            return False
        swallowed = False
        for char in text:
            if char in SUFFIX_TEXT:
                swallowed = self._suffix(False) or swallowed
            elif not char.isascii():
                # Chinese committed by the IME is a person typing a name: never part of a scan.
                self._give_back()
                return False
            else:
                swallowed = self._char(char) or swallowed
        return swallowed and not event.preeditString()

    def _gap(self, stamp: int) -> float:
        """Seconds since the previous character. Key events from the window system carry the time the key
        was pressed (X server time): the gap between two of them is the scanner's, even when the GUI
        thread was busy for a moment and handles both late. Without stamps (an IME commit), the time
        they are handled."""
        now = time.monotonic()
        gap = (stamp - self._last_stamp) / 1000 if stamp and self._last_stamp else now - self._last
        self._last, self._last_stamp = now, stamp
        return gap

    def _char(self, text: str, stamp: int = 0) -> bool:
        gap = self._gap(stamp)
        fast = bool(self._chars) and gap <= self.max_gap
        if not fast:
            self._give_back()
            self._chars = [text]
            self._target = QApplication.focusWidget()
            self._first_let_through = text
            return False  # a single key is a person's until the next one proves otherwise
        self._chars.append(text)
        if not self._burst:
            self._burst = True
            _take_back(self._target, self._first_let_through)
        self._flush.start(int(self.max_gap * 4000))
        return True

    def _suffix(self, repeat: bool, stamp: int = 0) -> bool:
        gap = self._gap(stamp)
        fast = bool(self._chars) and gap <= self.max_gap * 2
        if not repeat and self._burst and fast and len(self._chars) >= self.min_length:
            code = "".join(self._chars)
            self._reset()
            self.code_scanned.emit(code)
            return True
        self._give_back()
        return False

    def deliver(self, code: str) -> None:
        """A scan read before Qt saw its keys (``desktop.xkeys`` on X11): routed like one read here."""
        self._give_back()
        self.code_scanned.emit(code)

    def _give_back(self) -> None:
        """A burst that did not end in a suffix was a fast typist: put the characters where they were going."""
        if self._burst:
            _put_back(self._target, "".join(self._chars))
        self._reset()

    def _reset(self) -> None:
        self._flush.stop()
        self._chars = []
        self._burst = False
        self._target = None
        self._first_let_through = ""


class CameraWorker(QThread):
    """Runs the Qt-free scan loop on its own thread; results come back as signals."""

    code_scanned = Signal(str)
    frame_ready = Signal(object, object)  # numpy frame, list of QrResult
    failed = Signal(str)

    def __init__(self, source_factory, reader=None, parent: QObject | None = None, emit_frames: bool = True):
        super().__init__(parent)
        self._source_factory = source_factory
        self._reader = reader
        self._emit_frames = emit_frames
        self._stop = threading.Event()  # shared with the loop, so a stop before it starts still counts

    def run(self) -> None:
        from .qrreader import get_reader
        from .qrreader.scanloop import ScanLoop

        try:
            source = self._source_factory()
            reader = self._reader or get_reader()
        except Exception as exc:
            self.failed.emit(str(exc))
            return
        loop = ScanLoop(
            source,
            reader,
            on_code=lambda text, corners: self.code_scanned.emit(text),
            on_frame=(lambda frame, results: self.frame_ready.emit(frame, results)) if self._emit_frames else None,
            stop_event=self._stop,
        )
        loop.run()  # closes the source when it ends

    def stop(self) -> None:
        self._stop.set()
        self.wait(3000)
