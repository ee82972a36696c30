"""The desk's garbage-collection policy: cycles go on the GUI thread, the long pass only when idle."""

from __future__ import annotations

import gc
import weakref

from desktop.gcpolicy import IDLE_S, GuiGarbageCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_cycles_are_collected_on_the_timer_and_the_old_pass_waits_for_idle(qapp):
    clock = FakeClock()
    collector = GuiGarbageCollector(qapp, clock=clock)
    try:
        assert not gc.isenabled()  # nothing collects on a worker thread now
        node = Node()
        ref = weakref.ref(node)
        del node
        gc.collect(0)  # a young pass moves the surviving-by-cycle object on; force it old
        gc.collect(1)
        for _ in range(3):
            gc.collect(1)
        collector.middle_passes = 1  # the timer has seen middle-generation work since the last old pass
        clock.now += IDLE_S / 2
        collector.check()  # someone is at the desk: no old pass yet
        assert collector.old_passes == 0
        clock.now += IDLE_S  # no input for IDLE_S: the old pass runs and frees the cycle
        collector.check()
        assert collector.old_passes == 1
        assert ref() is None
        assert gc.get_freeze_count() > 0  # the survivors are frozen: later passes skip them
    finally:
        collector.stop()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_input_defers_the_old_pass(qapp, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    clock = FakeClock()
    collector = GuiGarbageCollector(qapp, clock=clock)
    try:
        field = QLineEdit()
        qtbot.addWidget(field)
        clock.now += IDLE_S * 2
        qtbot.keyClick(field, Qt.Key.Key_A)  # a key press counts as someone at the desk
        assert collector.last_input == clock.now
        collector.middle_passes = 1
        collector.check()
        assert collector.old_passes == 0
    finally:
        collector.stop()
