"""Scanner input: keyboard-wedge bursts recognised anywhere in the app, and the camera worker.

A wedge scanner "types" a code at about 8 ms a character and presses Enter; a person types at 80 ms
or slower. The detector watches every key press in the application: once two characters arrive
faster than ``max_gap_ms`` it swallows the rest of the burst (and takes back the first character it
let through), and at Enter emits the whole code as one ``code_scanned`` event. A fast burst that
never reaches Enter is typed back into the focused field, so nothing a person types is lost.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget


class WedgeDetector(QObject):
    code_scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, max_gap_ms: float = 35.0, min_length: int = 4):
        super().__init__(parent)
        self.max_gap = max_gap_ms / 1000
        self.min_length = min_length
        self._chars: list[str] = []
        self._last = 0.0
        self._burst = False
        self._target: QWidget | None = None
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.timeout.connect(self._give_back)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched is not QApplication.focusWidget() and QApplication.focusWidget() is not None:
            return False  # Qt offers the event to each ancestor too; look at it once
        return self._key(event)  # type: ignore[arg-type]

    def _key(self, event: QKeyEvent) -> bool:
        now = time.monotonic()
        fast = bool(self._chars) and now - self._last <= self.max_gap
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._burst and fast and len(self._chars) >= self.min_length:
                code = "".join(self._chars)
                self._reset()
                self.code_scanned.emit(code)
                return True
            self._give_back()
            return False
        text = event.text()
        if (
            len(text) != 1
            or not text.isprintable()
            or event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._give_back()
            return False
        self._last = now
        if not fast:
            self._give_back()
            self._chars = [text]
            self._target = QApplication.focusWidget()
            return False  # a single key is a person's until the next one proves otherwise
        self._chars.append(text)
        if not self._burst:
            self._burst = True
            if isinstance(self._target, QLineEdit) and self._target.text().endswith(self._chars[0]):
                self._target.backspace()  # take back the first character of the burst
        self._flush.start(int(self.max_gap * 4000))
        return True

    def _give_back(self) -> None:
        """A burst that did not end in Enter was a fast typist: put the characters where they were going."""
        if self._burst and isinstance(self._target, QLineEdit):
            self._target.insert("".join(self._chars))
        self._reset()

    def _reset(self) -> None:
        self._flush.stop()
        self._chars = []
        self._burst = False
        self._target = None


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
