"""Child process for the chaos drill: the real desk application, doing desk work on command, to be SIGKILLed.

    python tests/chaos_desk.py STORE INCARNATION

This runs ``desktop.app.main`` itself (under ``QT_QPA_PLATFORM=offscreen``): the app opens the store, composes
``SyncedDeskServices`` with its own ``engine_for`` engine, starts the engine's background thread, builds the
real ``MainWindow`` and enters Qt's event loop, exactly as at a desk. The one thing added is a driver hooked to
that window once it is built: it takes commands from stdin and performs them on the GUI thread through the
window's own ``services`` (the object its screens call), one operation per event-loop turn, so the engine
pushes and pulls in its thread while the desk keeps working:

- ``WORK N SEED``: N desk operations (enrolments, earns, receipt credits from the drill's shared pool,
  gift redemptions), printing ``COMMITTED <op_id>`` after each one returned (it is committed then) or
  ``REFUSED`` (a desk refusal), or ``ERROR <text>`` (anything else: a bug), then ``DONE``;
- ``QUIT``: quit the app the ordinary way (the window shuts down, the engine stops, the store closes).

It prints ``READY <pid>`` once the staff are logged in. The parent (tests/chaos.py) kills it whenever it likes.
"""

from __future__ import annotations

import os
import queue
import random
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Driver:
    """Feeds stdin's commands to the window's services on the GUI thread."""

    def __init__(self, window: object, incarnation: int):
        from PySide6.QtCore import QTimer

        self.window = window
        self.incarnation = incarnation
        self.commands: queue.Queue[str] = queue.Queue()
        self.todo = 0
        self.rng = random.Random(incarnation)
        self.serial = 0
        services = window.services  # type: ignore[attr-defined]
        self.desk = services.login("D001", "2345")
        self.cashier = services.login("C001", "3456")
        threading.Thread(target=self._read, name="chaos-stdin", daemon=True).start()
        self.timer = QTimer(window)  # type: ignore[arg-type]
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        _say(f"READY {os.getpid()}")

    def _read(self) -> None:
        for line in sys.stdin:
            self.commands.put(line.strip())
        self.commands.put("QUIT")  # the parent is gone

    def _tick(self) -> None:
        if self.todo == 0:
            try:
                command = self.commands.get_nowait()
            except queue.Empty:
                return
            parts = command.split()
            if not parts:
                return
            if parts[0] == "QUIT":
                from PySide6.QtWidgets import QApplication

                self.timer.stop()
                QApplication.quit()
                return
            if parts[0] == "WORK":
                self.todo = int(parts[1])
                self.rng.seed(int(parts[2]))
            return
        self._one()
        self.todo -= 1
        if self.todo == 0:
            _say("DONE")

    def _one(self) -> None:
        from sync.services import USER_ERRORS

        services = self.window.services  # type: ignore[attr-defined]
        store = services.store
        rng = self.rng
        self.serial += 1
        members = [r[0] for r in store.query("SELECT member_no FROM members WHERE status = 'active'")]
        roll = rng.random()
        today = datetime.now(store.rules().timezone).date().isoformat()
        try:
            if not members or roll < 0.08:
                result = services.enroll(
                    self.desk,
                    name="应用会员",
                    phone=f"15{self.incarnation % 1000:03d}{self.serial % 1_000_000:06d}",
                    birthday="05-05",
                    privacy_accepted=True,
                    marketing_accepted=False,
                )
            elif roll < 0.70:
                result = services.earn(self.cashier, rng.choice(members), rng.randrange(1_000, 80_000))
            elif roll < 0.88:
                # The drill's shared receipt pool: now and then another desk credits the same receipt.
                number = f"R-{rng.randrange(200)}"
                amount = rng.randrange(5_000, 50_000)
                result = services.credit_receipt(self.desk, rng.choice(members), "F101", number, amount, today)
            else:
                result = services.redeem_gift(self.desk, rng.choice(members), "G001")
        except USER_ERRORS:
            _say("REFUSED")
            return
        except Exception as exc:  # not a desk answer: a bug; the drill reports it as a violation
            traceback.print_exc()
            _say(f"ERROR {type(exc).__name__}: {exc}")
            return
        _say(f"COMMITTED {result.op_id}")


def main() -> int:
    path, incarnation = sys.argv[1], int(sys.argv[2])
    import desktop.main_window as main_window
    from desktop import app

    class DrivenWindow(main_window.MainWindow):
        def __init__(self, *args: object, **kwargs: object):
            super().__init__(*args, **kwargs)
            self.chaos_driver = Driver(self, incarnation)

    main_window.MainWindow = DrivenWindow  # type: ignore[misc]  # app.main builds the window from here
    return app.main(["--db", path, "--lang", "en"])


if __name__ == "__main__":
    sys.exit(main())
