"""Benchmark the office console and the scheduled jobs on a large server database.

    .venv/bin/python bench/bench_console.py                     # 1,000,000 members
    .venv/bin/python bench/bench_console.py --members 100000

Builds a migrated SQLite server database with ``--members`` members (direct inserts: a tenth silver with
last year's spend, so the review moves them down; a third holding points of 2025, so the sweep writes
them off), a ledger row or two each and a day of operations at ten desks. Then, against a real
``memberdesk-server`` process on 127.0.0.1: member search (phone, member number, card, name prefix)
and the Today page over HTTP with a logged-in session; then the annual review and the year-end sweep
over every member, in process. Figures go to bench/results/console-<members>.json and docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from membership import codes  # noqa: E402
from server import admin, jobs  # noqa: E402
from server.console import auth  # noqa: E402
from server.db import ServerDB  # noqa: E402

START = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
RESULTS = ROOT / "bench" / "results"
PASSWORD = "bench-password-1"
AT = "2026-11-20T02:00:00.000Z"


def build(path: Path, members: int) -> dict[str, float]:
    url = f"sqlite:///{path}"
    began = time.perf_counter()
    admin.migrate(url)
    db = ServerDB(url)
    try:
        admin.load_rules(db, None, None, START)
        auth.save_user(db, "OM1", "王主管", "office_manager", PASSWORD, START)
    finally:
        db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(7)
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
    batch_m: list[tuple] = []
    batch_l: list[tuple] = []
    consent = '{"accepted":true,"at":"' + AT + '","wording_version":"P2026.1"}'
    for i in range(members):
        member_no = codes.make_member_no(900 + i // 999_999, i % 999_999 + 1)
        name = rng.choice(surnames) + rng.choice(given) + rng.choice(given)
        silver = i % 10 == 0
        old_points = i % 3 == 0
        batch_m.append(
            (
                member_no,
                name,
                f"13{i:09d}",
                f"C{i:08d}" if i % 4 == 0 else None,
                "--03-15",
                "silver" if silver else "regular",
                "2025-12-15" if silver else "2026-01-10",
                AT,
                "2025-12-15" if silver else "2026-01-10",
                consent,
            )
        )
        if silver:  # last year's spend: not in the rolling year at the 2027 review
            batch_l.append((member_no, "srv-seed", "earn", 6000, 2025, 600_000, "2025-12-15", AT))
        elif old_points:
            batch_l.append((member_no, "srv-seed", "earn", 250, 2025, 25_000, "2025-06-01", AT))
        batch_l.append((member_no, "srv-seed", "earn", 120, 2026, 12_000, "2026-11-19", AT))
        if len(batch_m) >= 50_000:
            _flush(conn, batch_m, batch_l)
    _flush(conn, batch_m, batch_l)
    ops = []
    for n in range(20_000):
        terminal = f"T{n % 10 + 1:03d}"
        kind = ("earn", "enroll", "credit_receipt", "redeem_gift", "verify_coupon")[n % 5]
        ops.append(
            (
                f"bench-op-{n:08d}",
                terminal,
                1,
                n // 10 + 1,
                kind,
                "D001",
                codes.make_member_no(900, n + 1),
                codes.make_member_no(900, n + 1),
                AT,
                "2026-11-20",
                1,
                "{}",
                "0" * 64,
                "applied",
                "{}",
                AT,
            )
        )
    conn.executemany(
        "INSERT INTO ops (op_id, terminal_id, epoch, seq, kind, staff_no, member_no, effective_member, local_time, "
        "business_day, online, payload, payload_hash, status, outcome, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ops,
    )
    for n in range(10):
        conn.execute(
            "INSERT INTO terminals (terminal_id, terminal_code, name, status, registered_at, last_seen, pulled_through) "
            "VALUES (?, ?, ?, 'active', ?, ?, 0)",
            (f"T{n + 1:03d}", n + 1, f"服务台 {n + 1}", AT, AT),
        )
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return {"build_s": round(time.perf_counter() - began, 1)}


def _flush(conn: sqlite3.Connection, members: list[tuple], ledger: list[tuple]) -> None:
    conn.executemany(
        "INSERT INTO members (member_no, name, phone, card_no, birthday, gender, tier, tier_since, enrolled_at, "
        "enrolled_day, channel, privacy_consent, status, updated_at) "
        f"VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, 'import', ?, 'active', '{AT}')",
        members,
    )
    conn.executemany(
        "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ledger,
    )
    conn.commit()
    members.clear()
    ledger.clear()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure_pages(url: str, work: Path, members: int) -> dict[str, object]:
    from server_fixtures import ServerProcess

    server = ServerProcess(url, work, env={"MEMBERDESK_JOBS": "off", "MEMBERDESK_NOW": "2026-11-20T08:00:00Z"})
    server.start()
    try:
        http = requests.Session()
        page = http.get(server.base_url + "/console/login", timeout=30)
        token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
        answer = http.post(
            server.base_url + "/console/login", data={"csrf": token, "user_no": "OM1", "password": PASSWORD}, timeout=30
        )
        assert answer.url.endswith("/console/today"), answer.text[:300]
        rng = random.Random(11)
        surnames = "王李张刘陈杨黄赵吴周"
        queries = []
        for n in range(200):
            i = rng.randrange(members)
            queries.append(
                (
                    f"13{i:09d}",
                    codes.make_member_no(900 + i // 999_999, i % 999_999 + 1),
                    f"C{(i // 4) * 4:08d}",
                    rng.choice(surnames) + "伟",
                )[n % 4]
            )
        times: dict[str, list[float]] = {"phone": [], "member_no": [], "card": [], "name": []}
        for n, q in enumerate(queries):
            began = time.perf_counter()
            found = http.get(server.base_url + "/console/members", params={"q": q}, timeout=30)
            times[("phone", "member_no", "card", "name")[n % 4]].append((time.perf_counter() - began) * 1000)
            assert found.status_code == 200 and "/console/members/" in found.text, q
        every = [t for v in times.values() for t in v]
        today = []
        for _ in range(20):
            began = time.perf_counter()
            page = http.get(server.base_url + "/console/today", timeout=30)
            today.append((time.perf_counter() - began) * 1000)
            assert page.status_code == 200 and 'id="ops-total">20000<' in page.text
        return {
            "search_ms": {
                "p50": round(statistics.median(every), 1),
                "p95": round(percentile(every, 0.95), 1),
                "max": round(max(every), 1),
                **{k: round(percentile(v, 0.95), 1) for k, v in times.items()},
            },
            "today_ms": {"p50": round(statistics.median(today), 1), "max": round(max(today), 1)},
        }
    finally:
        server.close()


def measure_jobs(url: str) -> dict[str, object]:
    db = ServerDB(url)
    out: dict[str, object] = {}
    try:
        for name, period in (("annual_review", "2027"), ("expiry_sweep", "2026")):
            began = time.perf_counter()
            run_id = jobs.run_job(db, name, period)
            elapsed = time.perf_counter() - began
            run = next(r for r in jobs.runs(db, 5) if r["id"] == run_id)
            assert run["status"] == "ok", run
            out[name] = {"seconds": round(elapsed, 1), "rows": run["rows"]}
    finally:
        db.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database at this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="memberdesk-bench-console-") as tmp:
        work = Path(tmp)
        path = args.keep or work / "server.sqlite3"
        result: dict[str, object] = {"members": args.members, "machine": platform.processor() or platform.machine()}
        if not path.exists():
            result.update(build(path, args.members))
            print("built", result, flush=True)
        url = f"sqlite:///{path}"
        result.update(measure_pages(url, work, args.members))
        print("pages", result, flush=True)
        result.update(measure_jobs(url))
        print(json.dumps(result, ensure_ascii=False, indent=1))
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / f"console-{args.members}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
