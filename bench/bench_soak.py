"""The long chaos soak (issue 13): the drill of tests/test_chaos.py with ≥ 20,000 desk operations per backend.

    .venv/bin/python bench/bench_soak.py                         # 20,000 operations, SQLite and PostgreSQL
    .venv/bin/python bench/bench_soak.py --operations 50000 --backend sqlite --seed 7

Three registered terminals (two through fault proxies) against a real `memberdesk-server` process on
127.0.0.1; every fault of tests/faultproxy.py, concurrent and killed `memberdesk sync` processes, the
server SIGKILLed and restarted; then quiesce and every invariant checked from the databases
(tests/chaos.py). Figures go to bench/results/soak.json and docs/RELIABILITY.md; violations must be 0.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
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


def soak(backend: str, operations: int, seed: int, work: Path, cluster: object) -> dict:
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
    finally:
        factory.close()
        server.close()
    summary = report.summary()
    summary["violation_list"] = report.violations[:20]
    summary["ops_per_s"] = round(report.operations / report.seconds, 1) if report.seconds else 0
    print(json.dumps(summary, ensure_ascii=False))
    return summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--operations", type=int, default=20_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--seed", type=int, default=13)
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
            results[backend] = soak(backend, args.operations, args.seed, sub, cluster)
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "soak.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print("wrote bench/results/soak.json")
    if any(results[b]["violations"] for b in ("sqlite", "postgresql") if b in results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
