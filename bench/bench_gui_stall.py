"""Benchmark: the longest GUI-thread stall of the desk app while its sync engine pulls ~100,000 changes.

    .venv/bin/python bench/bench_gui_stall.py                 # 100,000 changes (50,000 earns from 10 desks)
    .venv/bin/python bench/bench_gui_stall.py --ops 4000      # a quick look

A real `memberdesk-server` (SQLite, 127.0.0.1) gets a backlog of earn operations from ten other desks. A
freshly registered terminal then runs the real main window (offscreen) with a manager logged in and a
member open, its sync engine in the background thread as in the app, and pulls everything. A 5 ms
`QTimer` on the GUI thread records the gaps between its ticks; the longest gap beyond the period is the
stall a person at the desk would feel (a frozen scan, a button that does not answer). Figures go to
bench/results/gui-stall.json and docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402
from bench_sync import NOW, START, earn_ops, seed_members  # noqa: E402

from server import admin  # noqa: E402
from server.db import ServerDB  # noqa: E402

TICK_MS = 5


def push_backlog(base_url: str, tokens: list[str], backlogs: list[list[dict]], batch: int = 500) -> None:
    def push_all(token: str, ops: list[dict]) -> None:
        session = requests.Session()
        for start in range(0, len(ops), batch):
            r = session.post(
                base_url + "/v1/push",
                json={"ops": ops[start : start + batch]},
                headers={"Authorization": f"Bearer {token}"},
                timeout=300,
            )
            r.raise_for_status()

    threads = [threading.Thread(target=push_all, args=pair) for pair in zip(tokens, backlogs, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def main() -> None:
    from keyring_env import ensure_keyring

    ensure_keyring()
    parser = argparse.ArgumentParser()
    parser.add_argument("--ops", type=int, default=50_000, help="earn operations from other desks (2 changes each)")
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--page", type=int, default=2000, help="the engine's pull page size (the app's default)")
    args = parser.parse_args()

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from server_fixtures import ServerProcess

    from desktop.app import create_app
    from desktop.i18n import install_language
    from desktop.main_window import MainWindow
    from sync.engine import SyncEngine, register_terminal
    from sync.inbox import SyncedDeskServices
    from sync.setup import init_store

    work = Path(tempfile.mkdtemp(prefix="memberdesk-stall-"))
    proc = None
    try:
        url = f"sqlite:///{work / 'server.sqlite3'}"
        admin.migrate(url)
        db = ServerDB(url)
        admin.load_rules(db, None, None, START)
        admin.save_staff(db, "M001", "王经理", "manager", "1234", NOW)
        members = seed_members(db, 20_000)
        rng = random.Random(11)
        tokens = []
        for n in range(args.desks):
            code = admin.issue_registration_code(db, f"Desk {n}", NOW, 100 + n)
            tokens.append(admin.register(db, code, NOW).token)
        per_desk = args.ops // args.desks
        backlogs = [earn_ops(members, per_desk, rng) for _ in range(args.desks)]
        proc = ServerProcess(url, work).start()

        store = init_store(work / "terminal.sqlite3", 7, "服务台 1", now=START)
        register_terminal(store, proc.base_url, admin.issue_registration_code(db, "服务台 1", NOW, 7))
        engine = SyncEngine(store, page_size=args.page)
        engine.sync_once()  # staff, rules and the members before the backlog
        t0 = time.perf_counter()
        push_backlog(proc.base_url, tokens, backlogs)
        print(
            f"pushed {per_desk * args.desks:,} operations from {args.desks} desks in {time.perf_counter() - t0:.1f} s"
        )
        changes_waiting = proc.scalar("SELECT max(change_no) FROM changes")

        app = create_app()
        install_language("zh_CN")
        services = SyncedDeskServices(store, engine=engine)
        window = MainWindow(services, store, engine=engine)
        window.resize(1280, 800)
        window.show()
        from desktop.gcpolicy import GuiGarbageCollector

        collector = GuiGarbageCollector(app)  # as desktop.app.main installs it
        window.logged_in(services.login("M001", "1234"))
        window.show_member(members[0])
        app.processEvents()

        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]

        def tick() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        timer.start()
        loop = QEventLoop()
        done = threading.Event()
        report: dict = {}

        def pull() -> None:  # the engine's own background thread does this in the app
            t = time.perf_counter()
            rep = engine.sync_once()
            report.update(pulled=rep.pulled, seconds=time.perf_counter() - t)
            done.set()

        poll = QTimer()
        poll.setInterval(20)
        poll.timeout.connect(lambda: loop.quit() if done.is_set() else None)
        poll.start()
        threading.Thread(target=pull, daemon=True).start()
        loop.exec()
        timer.stop()
        collector.stop()
        window.shutdown()
        stalls = [g - TICK_MS for g in gaps]
        out = {
            "changes_pulled": report["pulled"],
            "changes_waiting": changes_waiting,
            "pull_seconds": round(report["seconds"], 2),
            "page_size": args.page,
            "ticks": len(gaps),
            "longest_gui_stall_ms": round(max(stalls), 1),
            "p99_gap_ms": round(sorted(gaps)[int(len(gaps) * 0.99)], 1),
            "median_gap_ms": round(statistics.median(gaps), 2),
        }
        print(json.dumps(out, indent=1))
        path = ROOT / "bench" / "results" / "gui-stall.json"
        path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        store.close()
        db.dispose()
    finally:
        if proc is not None:
            proc.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
