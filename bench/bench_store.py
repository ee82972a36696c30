"""Benchmark the terminal store on a large member base: look-ups, one desk action, the member summary.

    .venv/bin/python bench/bench_store.py                 # 1,000,000 members (builds var/bench/store-1m.sqlite3 once)
    .venv/bin/python bench/bench_store.py --members 100000 --rebuild

Prints medians and p99 per operation, and a Markdown table for docs/PERFORMANCE.md. The store and the
random choices are seeded, so reruns measure the same work.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sync.demo import generate_demo, import_member_no
from sync.services import DeskServices
from sync.setup import init_store
from sync.store import Store

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def build(path: Path, members: int) -> float:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = init_store(path, 7, "Bench desk", now=NOW)
    services = DeskServices(store, clock=lambda: NOW)
    services.add_staff(None, "M001", "王经理", "manager", "1234")
    started = time.perf_counter()
    report = generate_demo(store, members, seed=1, now=NOW)
    store.conn.execute("ANALYZE")
    store.close()
    print(f"built {members:,} members, {report.ledger_rows:,} ledger rows in {time.perf_counter() - started:.1f} s")
    return time.perf_counter() - started


def measure(label: str, fn, inputs: list, results: dict) -> None:
    samples = []
    for value in inputs:
        t0 = time.perf_counter()
        fn(value)
        samples.append((time.perf_counter() - t0) * 1000)
    results[label] = {"n": len(samples), "median_ms": statistics.median(samples), "p99_ms": percentile(samples, 99)}
    print(
        f"{label:<42} n={len(samples):>5}  median {results[label]['median_ms']:.3f} ms  p99 {results[label]['p99_ms']:.3f} ms"
    )


def main() -> None:
    from keyring_env import ensure_keyring

    ensure_keyring()
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    path = ROOT / "var" / "bench" / f"store-{args.members}.sqlite3"
    build_seconds = None
    if args.rebuild or not path.exists():
        build_seconds = build(path, args.members)
    store = Store(path)
    clock = [NOW]
    services = DeskServices(store, clock=lambda: clock[0], online=lambda: True)
    session = services.login("M001", "1234")
    rng = random.Random(7)
    numbers = [import_member_no(rng.randrange(args.members)) for _ in range(args.samples)]
    phones = [store.full_phone(n) for n in numbers[: args.samples]]  # the table keeps only mask and hash
    names = [store.member_row(n)["name"][:2] for n in numbers[: args.samples]]
    results: dict = {}
    # Warm the page cache the way a terminal that has been running is warm.
    for n in numbers[:200]:
        services.summary(session, n)
    measure("lookup by member number", lambda n: services.lookup(session, n), numbers, results)
    measure("lookup by phone", lambda p: services.lookup(session, p), phones, results)
    measure("lookup by name prefix (2 chars, 20 rows)", lambda s: services.lookup(session, s), names, results)
    measure("member summary", lambda n: services.summary(session, n), numbers, results)

    def earn(n: str) -> None:
        clock[0] += timedelta(seconds=1)
        services.earn(session, n, 12_850, "dining")

    measure("desk action committed (earn, synchronous=FULL)", earn, numbers[:1000], results)
    out = {
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLCipher {store.scalar('PRAGMA cipher_version')} (SQLite {store.scalar('SELECT sqlite_version()')})",
        "members": args.members,
        "ledger_rows": store.scalar("SELECT count(*) FROM ledger"),
        "build_seconds": build_seconds,
        "results": results,
    }
    result_path = ROOT / "bench" / "results" / f"store-{args.members}.json"
    result_path.parent.mkdir(parents=True, exist_ok=True)
    result_path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n| operation | median | p99 |\n|---|---|---|")
    for label, r in results.items():
        print(f"| {label} | {r['median_ms']:.3f} ms | {r['p99_ms']:.3f} ms |")
    store.close()


if __name__ == "__main__":
    main()
