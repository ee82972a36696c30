"""Python's cyclic garbage collector on the desk's terms: on the GUI thread, and the long pass only when idle.

Left alone, the collector runs whenever allocations cross its thresholds, on whichever thread allocates
— the sync engine's, while it parses and applies a page of 2,000 changes — and a full pass over a few
hundred thousand live objects holds the interpreter lock for 100–250 ms (measured with
bench/bench_gui_stall.py: the GUI thread stood still that long during a catch-up pull). A collection on
a worker thread may also be the one that drops the last reference to a Qt object, which Qt does not allow
off the GUI thread. So, as pyqtgraph and Anki do, automatic collection is switched off and a timer on the
GUI thread collects instead:

- the young generations as their counts say (each pass looks only at objects made since the last one, a
  few milliseconds);
- the full pass only after the desk has had no key, mouse or touch input for ``IDLE_S`` seconds, so
  nobody waits for it;
- what is alive after start-up and after each pass of the old generation is frozen (``gc.freeze``), so
  later passes do not walk the window, the rules and the translations again. The idle pass unfreezes
  first, so nothing frozen is kept for ever; on a desk that is never idle for long, the old generation's
  own objects (not the frozen ones) are collected every ``OLD_PASS_EVERY`` middle passes.

Reference counting frees almost everything at once anyway; this only decides when reference cycles go.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

IDLE_S = 10.0  # no input for this long: the desk is not serving anyone, a full pass is unnoticed
CHECK_MS = 500
OLD_PASS_EVERY = 50  # middle-generation passes between passes of the unfrozen old generation, if never idle

INPUT_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
)


class GuiGarbageCollector(QObject):
    """Install once, on the GUI thread, after the main window is built."""

    def __init__(self, app: QApplication, clock=time.monotonic):
        super().__init__(app)
        self.clock = clock
        self.last_input = clock()
        self.thresholds = gc.get_threshold()
        self.middle_passes = 0
        self.old_passes = 0
        app.installEventFilter(self)
        gc.collect()
        gc.freeze()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.last_input = self.clock()
        return False

    def check(self) -> None:
        young, middle, _old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                self.middle_passes += 1
        if not self.middle_passes:
            return
        if self.clock() - self.last_input >= IDLE_S:
            gc.unfreeze()  # everything, the frozen too: the desk is idle
            self.old_pass()
        elif self.middle_passes >= OLD_PASS_EVERY:
            self.old_pass()  # only what is not frozen: short even while the desk is busy

    def old_pass(self) -> None:
        gc.collect(2)
        gc.freeze()
        self.middle_passes = 0
        self.old_passes += 1

    def stop(self) -> None:
        """Back to Python's own collector (tests, and the app on its way out)."""
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)
        gc.unfreeze()
        gc.enable()
