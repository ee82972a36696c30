"""The one adapter from the core's plain-Python sync events to Qt signals on the GUI thread (Electrum's pattern).

The sync engine calls its listeners on its own thread. Emitting a signal of an object that lives on the
GUI thread queues the call there, so every slot connected below runs on the GUI thread and may touch widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SyncEvents(QObject):
    status_changed = Signal(object)  # sync.engine.SyncStatus
    exceptions_opened = Signal(object)  # list of inbox item ids
    operations_rejected = Signal(object)  # list of op ids the server rejected
    progress = Signal(object)  # {"pushed": n, "pulled": n}

    def __init__(self, engine, parent: QObject | None = None):
        super().__init__(parent)
        self.engine = engine
        engine.add_listener(self.on_event)

    def on_event(self, event) -> None:  # runs on the engine's thread: only emit
        if event.kind == "status":
            self.status_changed.emit(event.status)
        elif event.kind == "exceptions":
            self.exceptions_opened.emit(event.data)
        elif event.kind == "rejected":
            self.operations_rejected.emit(event.data)
        elif event.kind == "progress":
            self.progress.emit(event.data)

    def detach(self) -> None:
        self.engine.remove_listener(self.on_event)
