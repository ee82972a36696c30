"""Benchmark the desk application on the 1,000,000-member store: scan → member view, cold start, memory.

    .venv/bin/python bench/bench_desk.py            # needs var/bench/store-1000000.sqlite3 (bench_store.py builds it)

Runs offscreen. "Scan → member view" is measured from the keyboard-wedge detector's code_scanned event to
the member view's member_shown signal (summary read on the store worker, every label filled).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cold_start(db: Path, runs: int = 5) -> list[float]:
    """Process start to the login screen shown and the event loop running, then quit."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "desktop.app", "--db", str(db), "--quit-after", "0"],
            check=True,
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
        )
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main() -> None:
    from keyring_env import ensure_keyring

    ensure_keyring()
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.app import create_app
    from desktop.i18n import install_language
    from desktop.main_window import MainWindow
    from sync.demo import import_member_no
    from sync.services import DeskServices
    from sync.store import Store

    members = int(os.environ.get("BENCH_MEMBERS", "1000000"))
    db = ROOT / "var" / "bench" / f"store-{members}.sqlite3"
    if not db.exists():
        sys.exit(f"{db} is missing: run bench/bench_store.py first")
    starts = cold_start(db)
    app = create_app()
    install_language("zh_CN")
    store = Store(db)
    services = DeskServices(store, online=lambda: True)
    window = MainWindow(services, store)
    window.resize(1280, 800)
    window.show()
    window.logged_in(services.login("M001", "1234"))
    rng = random.Random(3)
    tokens = [(n, services.member_token(n)) for n in (import_member_no(rng.randrange(members)) for _ in range(300))]
    samples = []
    for member_no, token in tokens:
        loop = QEventLoop()
        shown: list[str] = []

        def done(no: str, loop=loop, shown=shown) -> None:
            shown.append(no)
            loop.quit()

        window.member_shown.connect(done)
        QTimer.singleShot(5000, loop.quit)
        t0 = time.perf_counter()
        window.wedge.code_scanned.emit(token)
        if not shown:
            loop.exec()
        app.processEvents()  # let the view paint
        samples.append((time.perf_counter() - t0) * 1000)
        window.member_shown.disconnect(done)
        assert shown == [member_no], (shown, member_no)
    samples = samples[20:]  # the first scans warm the page cache, as on a terminal that has been running
    memory = rss_mb()
    window.shutdown()
    out = {
        "members": members,
        "scan_to_member_view_ms": {
            "n": len(samples),
            "median": statistics.median(samples),
            "p95": percentile(samples, 95),
            "p99": percentile(samples, 99),
        },
        "cold_start_to_login_ms": {"runs": len(starts), "median": statistics.median(starts), "max": max(starts)},
        "rss_mb_with_store_open": round(memory, 1),
    }
    print(json.dumps(out, indent=1))
    path = ROOT / "bench" / "results" / f"desk-{members}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
