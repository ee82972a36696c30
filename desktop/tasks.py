"""One way to run work off the GUI thread (Anki's QueryOp shape): a store worker, results on the GUI thread."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread; nothing is swallowed
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


class TaskManager(QObject):
    """All store work runs on one worker thread (so writes are serialised); callbacks run on the GUI thread.

    ``run(fn, on_done, on_failed)`` — ``fn`` must not touch widgets. ``busy`` tells the UI to show progress.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._pending = 0
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def finish(kind: str, value: Any) -> None:
            self._relays.discard(relay)
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)
            callback = on_done if kind == "done" else on_failed
            if callback is not None:
                callback(value)
            elif kind == "failed":
                raise value

        relay.done.connect(lambda value: finish("done", value))
        relay.failed.connect(lambda exc: finish("failed", exc))
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self.pool.start(_Job(fn, relay))

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)

    @property
    def idle(self) -> bool:
        return self._pending == 0
