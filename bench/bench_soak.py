"""The long chaos soak (issue 13): the drill of tests/test_chaos.py with ≥ 20,000 desk operations per backend.

    nice -n 10 .venv/bin/python bench/bench_soak.py              # 20,000 operations, SQLite and PostgreSQL
    .venv/bin/python bench/bench_soak.py --operations 50000 --backend sqlite --seed 7

Three registered terminals in this process (two through fault proxies) and the real desk application in a
process of its own (through a third proxy, SIGKILLed at chosen moments and started again) against a real
`memberdesk-server` process on 127.0.0.1; every fault of tests/faultproxy.py, concurrent and killed
`memberdesk sync` processes, the server SIGKILLed and restarted; then quiesce and every invariant checked
from the databases (tests/chaos.py). Then, on the same server and data, push and pull throughput: a new
terminal (no proxy) catches up on everything the soak wrote, then pushes a backlog of earns worked offline.
Figures go to bench/results/soak.json and docs/RELIABILITY.md; violations must be 0.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results"


def _template(work: Path) -> Path:
    from conftest import STAFF, START

    from sync.services import DeskServices
    from sync.setup import init_store

    path = work / "template.sqlite3"
    store = init_store(path, 7, "服务台 1", now=START)
    services = DeskServices(store, clock=lambda: START)
    for staff_no, name, role, pin in STAFF:
        services.add_staff(None, staff_no, name, role, pin)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def throughput(server: object, factory: object, backlog: int) -> dict:
    """On the soaked server: a new terminal's catch-up pull of everything, then the push of an offline backlog."""
    terminal = factory(server, 11)  # type: ignore[operator]
    engine = terminal.engine
    engine.batch_size, engine.page_size = 500, 2000  # the engine's defaults (the drill shrinks them)
    t0 = time.perf_counter()
    pulled = engine.sync_once().pulled
    pull_s = time.perf_counter() - t0
    members = [r[0] for r in terminal.store.query("SELECT member_no FROM members WHERE status = 'active'")]
    rng = random.Random(11)
    for _ in range(backlog):  # worked offline: nothing pushed until the sync below
        terminal.services.earn(terminal.cashier, rng.choice(members), rng.randrange(1_000, 80_000))
    pushed_at: list[float] = []

    def progress(event: object) -> None:
        data = getattr(event, "data", None)
        if getattr(event, "kind", "") == "progress" and data and data["pulled"] == 0:
            pushed_at.append(time.perf_counter())

    engine.add_listener(progress)
    t0 = time.perf_counter()
    report = engine.sync_once()
    push_s = pushed_at[-1] - t0
    return {
        "pull_changes": pulled,
        "pull_s": round(pull_s, 2),
        "pull_changes_per_s": round(pulled / pull_s),
        "push_ops": report.pushed,
        "push_s": round(push_s, 2),
        "push_ops_per_s": round(report.pushed / push_s),
    }


def soak(backend: str, operations: int, seed: int, work: Path, cluster: object, backlog: int = 5_000) -> dict:
    from chaos import run_drill
    from conftest import START
    from server_fixtures import ServerProcess, TerminalFactory

    from server import admin
    from server.db import ServerDB

    url = f"sqlite:///{work / 'server.sqlite3'}" if backend == "sqlite" else cluster.new_database()  # type: ignore[attr-defined]
    admin.migrate(url)
    db = ServerDB(url)
    admin.load_rules(db, None, None, START)
    db.dispose()
    server = ServerProcess(url, work).start()
    factory = TerminalFactory(_template(work), work)
    try:
        report = run_drill(server, factory, backend=backend, operations=operations, seed=seed, batch=40)
        summary = report.summary()
        summary["violation_list"] = report.violations[:20]
        summary["ops_per_s"] = round(report.operations / report.seconds, 1) if report.seconds else 0
        summary["throughput"] = throughput(server, factory, backlog)
    finally:
        factory.close()
        server.close()
    print(json.dumps(summary, ensure_ascii=False))
    return summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--operations", type=int, default=20_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--backlog", type=int, default=5_000, help="operations pushed for the push figure")
    args = parser.parse_args()
    from keyring_env import ensure_keyring

    ensure_keyring()
    work = Path(tempfile.mkdtemp(prefix="memberdesk-soak-"))
    results: dict = {
        "machine": platform.machine(),
        "python": platform.python_version(),
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seed": args.seed,
    }
    cluster = None
    try:
        for backend in ("sqlite", "postgresql") if args.backend == "both" else (args.backend,):
            if backend == "postgresql":
                from server_fixtures import PostgresCluster

                cluster = PostgresCluster()
            sub = work / backend
            sub.mkdir()
            results[backend] = soak(backend, args.operations, args.seed, sub, cluster, args.backlog)
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    # One backend at a time may be soaked (two processes side by side): the other's last figures stay.
    path = RESULTS / "soak.json"
    merged = json.loads(path.read_text()) if path.exists() else {}
    merged.update({k: v for k, v in results.items() if k not in ("sqlite", "postgresql")})
    for backend in ("sqlite", "postgresql"):
        if backend in results:
            merged[backend] = results[backend]
            merged[f"at_{backend}"] = results["at"]
    path.write_text(json.dumps(merged, indent=2, ensure_ascii=False))
    print("wrote bench/results/soak.json")
    if any(results[b]["violations"] for b in ("sqlite", "postgresql") if b in results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
