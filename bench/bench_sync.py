"""Benchmark the central server and sync: push throughput, catch-up pull, snapshot bootstrap of 1M members.

    .venv/bin/python bench/bench_sync.py                      # everything, SQLite server (+ PostgreSQL push)
    .venv/bin/python bench/bench_sync.py --only push --backend postgresql
    .venv/bin/python bench/bench_sync.py --only bootstrap --members 1000000

Servers run as real uvicorn processes on 127.0.0.1 (free ports) and are stopped at the end; PostgreSQL is a
throwaway cluster as in the tests. Figures go to bench/results/sync-*.json and docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from membership import codes  # noqa: E402
from membership.operations import payload_hash  # noqa: E402
from server import admin  # noqa: E402
from server.db import ServerDB  # noqa: E402

NOW = datetime.now(UTC)
START = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
RESULTS = ROOT / "bench" / "results"


def server_url(backend: str, work: Path, cluster) -> str:
    if backend == "sqlite":
        return f"sqlite:///{work / 'server.sqlite3'}"
    return cluster.new_database()


def process_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far: compared before and after a phase, it is what
    that phase cost on a loaded machine too, where wall-clock rates are noisy."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def seed_members(db: ServerDB, count: int) -> list[str]:
    rules_day = START
    rows = [
        {"name": "测试会员", "phone": f"13{i:09d}", "birthday": "--03-15", "gender": "", "card_no": None, "points": 0}
        for i in range(count)
    ]
    with db.read() as conn:
        from server.state import Reference

        rules, _ = Reference().get(conn)
    admin.import_member_rows(db, rows, rules_day, "2026-11-20T02:00:00.000Z", rules, rules_day.date())
    return [codes.make_member_no(900, i + 1) for i in range(count)]


def earn_ops(members: list[str], n: int, rng: random.Random) -> list[dict]:
    ops = []
    for seq in range(1, n + 1):
        payload = {
            "member_no": rng.choice(members),
            "amount_fen": rng.randint(100, 50_000),
            "category": "general",
            "apply_discount": False,
            "pos_ref": "",
        }
        ops.append(
            {
                "op_id": codes.uuid7(int(NOW.timestamp() * 1000), os.urandom(10)),
                "epoch": 1,
                "seq": seq,
                "kind": "earn",
                "staff_no": "C001",
                "member_no": payload["member_no"],
                "local_time": "2026-11-20T02:00:00.000Z",
                "business_day": "2026-11-20",
                "online": False,
                "payload": payload,
                "payload_hash": payload_hash("earn", payload),
            }
        )
    return ops


def bench_push(backend: str, work: Path, cluster, terminals: int, backlog: int, batch: int) -> dict:
    from server_fixtures import ServerProcess

    url = server_url(backend, work, cluster)
    admin.migrate(url)
    db = ServerDB(url)
    admin.load_rules(db, None, None, START)
    members = seed_members(db, 20_000)
    rng = random.Random(7)
    tokens = []
    for n in range(terminals):
        code = admin.issue_registration_code(db, f"Bench {n}", NOW, n + 1)
        tokens.append(admin.register(db, code, NOW).token)
    backlogs = [earn_ops(members, backlog, rng) for _ in range(terminals)]
    proc = ServerProcess(url, work).start()
    barrier = threading.Barrier(terminals + 1)
    errors: list[str] = []

    def push_all(token: str, ops: list[dict]) -> None:
        session = requests.Session()
        barrier.wait()
        for start in range(0, len(ops), batch):
            for _attempt in range(20):
                r = session.post(
                    proc.base_url + "/v1/push",
                    json={"ops": ops[start : start + batch]},
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=300,
                )
                if r.status_code == 200:
                    break
                time.sleep(0.1)
            else:
                errors.append(r.text[:200])

    threads = [threading.Thread(target=push_all, args=(t, o)) for t, o in zip(tokens, backlogs, strict=True)]
    for thread in threads:
        thread.start()
    barrier.wait()
    t0, cpu0 = time.perf_counter(), process_cpu_s(proc.proc.pid)
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - t0
    server_cpu = process_cpu_s(proc.proc.pid) - cpu0
    total = terminals * backlog
    # Exactly once: every operation recorded once, its ledger line once; a full replay applies nothing.
    applied = proc.scalar("SELECT count(*) FROM ops")
    lines = proc.scalar("SELECT count(*) FROM ledger WHERE kind = 'earn'")
    replay = requests.post(
        proc.base_url + "/v1/push",
        json={"ops": backlogs[0][:batch]},
        headers={"Authorization": f"Bearer {tokens[0]}"},
        timeout=60,
    ).json()
    result = {
        "backend": backend,
        "terminals": terminals,
        "ops": total,
        "seconds": round(elapsed, 2),
        "ops_per_s": round(total / elapsed),
        "server_cpu_us_per_op": round(server_cpu / total * 1e6, 1),
        "exactly_once": applied == total and lines == total and replay["applied"] == 0 and not errors,
        "errors": errors[:3],
    }
    print(
        f"push {backend}: {total:,} ops from {terminals} terminals in {elapsed:.2f} s = {total / elapsed:,.0f} ops/s "
        f"(server CPU {server_cpu / total * 1e6:.0f} us/op); exactly once: {result['exactly_once']}"
    )
    result["_server"] = proc
    result["_db"] = db
    return result


def bench_pull(proc, db: ServerDB, work: Path) -> dict:
    """A fresh terminal catches up on everything the push benchmark wrote."""
    from sync.engine import SyncEngine, register_terminal
    from sync.setup import init_store

    path = work / "catchup.sqlite3"
    store = init_store(path, 899, "Catch-up", now=START)
    register_terminal(store, proc.base_url, admin.issue_registration_code(db, "Catch-up", NOW, 899))
    changes = proc.scalar("SELECT count(*) FROM changes")
    engine = SyncEngine(store, page_size=5000)
    t0, cpu0, server0 = time.perf_counter(), time.process_time(), process_cpu_s(proc.proc.pid)
    report = engine.sync_once()
    elapsed = time.perf_counter() - t0
    # This process fetches, parses and applies (the terminal's share); the server pages in parallel.
    cpu, server_cpu = time.process_time() - cpu0, process_cpu_s(proc.proc.pid) - server0
    store.close()
    n = report.pulled
    print(
        f"pull: {n:,} changes (of {changes:,}) in {elapsed:.2f} s = {n / elapsed:,.0f}/s "
        f"(terminal CPU {cpu / n * 1e6:.1f} us/change, server CPU {server_cpu / n * 1e6:.1f} us/change)"
    )
    return {
        "changes": n,
        "seconds": round(elapsed, 2),
        "per_s": round(n / elapsed),
        "terminal_cpu_us_per_change": round(cpu / n * 1e6, 1),
        "server_cpu_us_per_change": round(server_cpu / n * 1e6, 1),
    }


def bench_bootstrap(work: Path, members: int) -> dict:
    """1M members on the server; a terminal bootstraps from the snapshot vs a raw bulk load of the same rows."""
    from server_fixtures import ServerProcess

    from membership.tables import MEMBER_COLUMNS
    from server.snapshot import build_snapshot
    from sync.engine import register_terminal
    from sync.setup import init_store
    from sync.snapshot import bootstrap

    url = f"sqlite:///{work / 'big.sqlite3'}"
    admin.migrate(url)
    db = ServerDB(url)
    admin.load_rules(db, None, None, START)
    t0 = time.perf_counter()
    rows = [
        (
            codes.make_member_no(900 + i // 999_999, i % 999_999 + 1),
            f"会员{i}",
            f"1{(i * 48_271 + 12_345_679) % 10_000_000_000:010d}",
            None,
            "--03-15",
            "",
            "regular",
            "2026-01-01",
            "2026-01-01T02:00:00.000Z",
            "2026-01-01",
            "import",
            None,
            '{"accepted":true}',
            None,
            "active",
            None,
            "2026-01-01T02:00:00.000Z",
        )
        for i in range(members)
    ]
    ledger = [(r[0], "import", "welcome", 100, 2026, 0, "2026-01-01", "2026-01-01T02:00:00.000Z") for r in rows]
    path = work / "big.sqlite3"
    raw = sqlite3.connect(str(path))
    raw.execute("PRAGMA synchronous = OFF")
    raw.executemany("INSERT INTO members VALUES (" + ",".join("?" * 17) + ")", rows)
    raw.executemany(
        "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) VALUES (?,?,?,?,?,?,?,?)",
        ledger,
    )
    raw.commit()
    raw.close()
    print(f"server seeded with {members:,} members in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    info = build_snapshot(db, work / "snapshots", NOW)
    build_s = time.perf_counter() - t0
    print(f"snapshot built in {build_s:.1f} s: {info['size'] / 1e6:.0f} MB compressed")

    proc = ServerProcess(url, work).start()
    try:
        term = work / "terminal.sqlite3"
        store = init_store(term, 7, "Desk", now=START)
        register_terminal(store, proc.base_url, admin.issue_registration_code(db, "Desk", NOW, 7))
        store.close()
        t0 = time.perf_counter()
        report = bootstrap(term)
        boot_s = time.perf_counter() - t0
    finally:
        proc.close()
    print(
        f"bootstrap: {report.members:,} members in {boot_s:.2f} s (download {report.download_s:.2f}, verify {report.verify_s:.2f}, swap {report.swap_s:.2f})"
    )

    # Side by side: the same rows inserted into a fresh terminal store (the slow path the snapshot avoids).
    bulk = work / "bulk.sqlite3"
    store = init_store(bulk, 8, "Bulk", now=START)
    t0 = time.perf_counter()
    with store.transaction() as conn:
        # Through the store's triggers, like any writer: each full phone number becomes hash, seal and mask.
        conn.executemany(f"INSERT INTO members ({', '.join(MEMBER_COLUMNS)}) VALUES ({', '.join('?' * 17)})", rows)
        conn.executemany(
            "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) VALUES (?,?,?,?,?,?,?,?)",
            ledger,
        )
    bulk_s = time.perf_counter() - t0
    store.close()
    print(f"bulk insert of the same rows: {bulk_s:.2f} s")
    db.dispose()
    return {
        "members": members,
        "snapshot_build_s": round(build_s, 1),
        "snapshot_mb": round(info["size"] / 1e6, 1),
        "bootstrap_s": round(boot_s, 2),
        "download_s": round(report.download_s, 2),
        "verify_s": round(report.verify_s, 2),
        "swap_s": round(report.swap_s, 2),
        "bulk_insert_s": round(bulk_s, 2),
    }


def main() -> None:
    from keyring_env import ensure_keyring

    ensure_keyring()
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=("push", "bootstrap"))
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--terminals", type=int, default=50)
    parser.add_argument("--backlog", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--members", type=int, default=1_000_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="memberdesk-bench-"))
    results: dict = {"machine": platform.machine(), "python": platform.python_version(), "at": NOW.isoformat()}
    cluster = None
    try:
        if args.only in (None, "push"):
            backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
            for backend in backends:
                if backend == "postgresql" and cluster is None:
                    from server_fixtures import PostgresCluster

                    cluster = PostgresCluster()
                sub = work / backend
                sub.mkdir()
                push = bench_push(backend, sub, cluster, args.terminals, args.backlog, args.batch)
                proc, db = push.pop("_server"), push.pop("_db")
                results[f"push_{backend}"] = push
                if backend == "sqlite":
                    results["pull"] = bench_pull(proc, db, sub)
                proc.close()
                db.dispose()
        if args.only in (None, "bootstrap"):
            sub = work / "bootstrap"
            sub.mkdir()
            results["bootstrap"] = bench_bootstrap(sub, args.members)
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = RESULTS / f"sync-{args.only or 'all'}.json"
    name.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"wrote {name.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
