"""The chaos drill behind tests/test_chaos.py and bench/bench_soak.py: terminals through fault proxies, two sync
processes on one store, sync runs and the server killed, then a quiet period and every invariant read back.

A drill is a sequence of rounds. In each, one terminal does a batch of desk work (enrolments, earns, receipt
credits that collide across desks on purpose, gift redemptions), faults are queued on its proxy, and it
syncs. Now and then a `memberdesk sync` process runs on the same store at the same time (sometimes SIGKILLed
part-way), and the server is SIGKILLed while a terminal pushes. Afterwards the faults are cleared, late
duplicates are let arrive, every terminal syncs until quiet, and the invariants are checked from the
databases; each broken one is reported as a violation (the test wants none).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from faultproxy import FaultProxy
from server_fixtures import ROOT, server_stock, stock_of, terminal_state, wait_until
from server_fixtures import server_state as read_server_state

FAULTS = (
    "drop_response",
    "duplicate",
    "late:0.3",
    "reset_mid_body",
    "status:502",
    "status_after:500",
    "hang:1",
    "retry_after:0",
)
PATHS = ("/v1/push", "/v1/pull", "/v1/audit", "/v1/sync/status")


@dataclass
class DrillReport:
    backend: str
    operations: int = 0
    refused_locally: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    concurrent_syncs: int = 0
    sync_kills: int = 0
    server_kills: int = 0
    rejected_on_server: int = 0
    violations: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "operations": self.operations,
            "refused_locally": self.refused_locally,
            "faults": dict(sorted(self.faults.items())),
            "faults_total": sum(self.faults.values()),
            "concurrent_sync_processes": self.concurrent_syncs,
            "sync_runs_killed": self.sync_kills,
            "server_kills": self.server_kills,
            "business_rejections": self.rejected_on_server,
            "violations": len(self.violations),
            "seconds": round(self.seconds, 1),
        }


def _cli_sync(store_path: Any) -> subprocess.Popen[bytes]:
    """`memberdesk sync` as a second process on the same store (the app plus an operator's command)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MEMBERDESK_DB": str(store_path), "MEMBERDESK_LANG": "en"}
    return subprocess.Popen(
        [sys.executable, "-m", "sync.cli", "sync"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _work(terminal: Any, rng: random.Random, count: int, serial: list[int], report: DrillReport) -> None:
    from conftest import enroll

    from membership.decisions import Refused

    services = terminal.services
    members = [r[0] for r in terminal.store.query("SELECT member_no FROM members WHERE status = 'active'")]
    for _ in range(count):
        serial[0] += 1
        n = serial[0]
        roll = rng.random()
        try:
            if not members or roll < 0.08:
                members.append(enroll(services, terminal.desk, phone=f"13{n:09d}").member_no)
            elif roll < 0.70:
                services.earn(terminal.cashier, rng.choice(members), rng.randrange(1_000, 80_000))
            elif roll < 0.88:
                # Receipt numbers from a small shared pool: two desks credit the same receipt now and then.
                services.credit_receipt(
                    terminal.desk,
                    rng.choice(members),
                    "F101",
                    f"R-{rng.randrange(max(20, n // 3))}",
                    rng.randrange(5_000, 50_000),
                    "2026-11-19",
                )
            else:
                services.redeem_gift(terminal.desk, rng.choice(members), "G001")
        except Refused:
            report.refused_locally += 1
            continue
        report.operations += 1


def _queue_faults(proxy: FaultProxy, rng: random.Random, report: DrillReport) -> None:
    for _ in range(rng.randrange(2, 6)):
        fault = rng.choice(FAULTS)
        proxy.add(rng.choice(PATHS), fault)
        report.faults[fault.split(":")[0]] += 1


def _steps(terminal: Any, times: int) -> None:
    engine = getattr(terminal, "engine", terminal)  # a terminal, or a bare engine
    for _ in range(times):
        if engine.step():
            return


def run_drill(
    server: Any,
    factory: Any,
    *,
    backend: str,
    operations: int,
    seed: int = 13,
    batch: int = 20,
    server_kills: int = 2,
    concurrent_every: int = 9,
) -> DrillReport:
    from sync.engine import SyncEngine
    from sync.store import Store

    rng = random.Random(seed)
    report = DrillReport(backend)
    twins: list[Any] = []
    started = time.monotonic()
    proxies = [FaultProxy(server.port), FaultProxy(server.port)]
    try:
        terminals = [
            factory(server, 7, base_url=proxies[0].base_url),
            factory(server, 8, base_url=proxies[1].base_url),
            factory(server, 9),
        ]
        for terminal in terminals:
            terminal.engine.batch_size, terminal.engine.page_size = 60, 150  # many requests: many faults hit
        # A second program syncing each proxied store from its own connection (the app twice, say), with
        # tiny pages so that its pulls and the first one's interleave.
        for terminal in terminals[:2]:
            twin_store = Store(terminal.store.path)
            twins.append(
                SyncEngine(
                    twin_store, clock=terminal.clock, page_size=7, batch_size=5, backoff_base=0.01, backoff_cap=0.05
                )
            )
        serial = [0]
        rounds = 0
        kills_at = {operations * (k + 1) // (server_kills + 1) for k in range(server_kills)}
        while report.operations < operations:
            rounds += 1
            index = rounds % len(terminals)
            terminal = terminals[index]
            before = report.operations
            _work(terminal, rng, batch, serial, report)
            proxy = proxies[index] if index < len(proxies) else None
            if proxy is not None:
                _queue_faults(proxy, rng, report)
            if any(before < k <= report.operations for k in kills_at):
                # The server dies mid-push (SIGKILL) and comes back on the same port.
                pusher = threading.Thread(target=_steps, args=(terminal, 2))
                pusher.start()
                time.sleep(rng.uniform(0.02, 0.3))
                server.kill()
                server.start()
                pusher.join(120)
                report.server_kills += 1
            elif proxy is not None and rounds % concurrent_every == 0:
                # A second sync process on the same store at the same time: this engine keeps syncing while
                # the process runs (its start-up takes a second or two), and every other one is killed.
                other = _cli_sync(terminal.store.path)
                twin = twins[index]
                racing = threading.Thread(target=_steps, args=(twin, 3))
                racing.start()
                report.concurrent_syncs += 1
                kill_at = time.monotonic() + rng.uniform(0.8, 2.5) if report.concurrent_syncs % 2 else None
                deadline = time.monotonic() + 60
                while other.poll() is None and time.monotonic() < deadline:
                    terminal.engine.step()
                    if kill_at is not None and time.monotonic() > kill_at and other.poll() is None:
                        other.send_signal(signal.SIGKILL)
                        report.sync_kills += 1
                        kill_at = None
                other.wait(120)
                racing.join(120)
                _steps(terminal, 3)
            else:
                _steps(terminal, 3)
        # Quiet: no more faults; late duplicates already scheduled still arrive (and must change nothing).
        for proxy in proxies:
            with proxy._lock:
                proxy.faults.clear()
        wait_until(lambda: all(p.late_sent >= p.late_scheduled for p in proxies), 60, 0.05, "late duplicates")
        for _ in range(3):
            for terminal in terminals:
                terminal.engine.sync_once(lock_timeout=120)
        check_invariants(server, terminals, report)
    finally:
        for twin in twins:
            twin.client.close()
            twin.store.close()
        for proxy in proxies:
            proxy.close()
    report.seconds = time.monotonic() - started
    return report


def check_invariants(server: Any, terminals: list[Any], report: DrillReport) -> None:
    from server import audit

    violations = report.violations
    logged = Counter(r[0] for t in terminals for r in t.store.query("SELECT op_id FROM oplog"))
    applied = Counter(r[0] for r in server.rows("SELECT op_id FROM ops WHERE terminal_id IN ('T007', 'T008', 'T009')"))
    if applied != Counter(set(logged)) or any(n > 1 for n in logged.values()):
        violations.append(f"operations: {len(logged)} logged, {len(applied)} on the server, not each once")
    expected = read_server_state(server)
    for terminal in terminals:
        tid = terminal.store.terminal().terminal_id
        got = terminal_state(terminal.store)
        for key, rows in expected.items():
            if got[key] != rows:
                differing = len(set(got[key]) ^ set(rows))
                violations.append(f"{tid}: {key} differs from the server ({differing} rows)")
        if stock_of(terminal.store) != server_stock(server, tid):
            violations.append(f"{tid}: stock differs")
        pending = terminal.store.scalar("SELECT count(*) FROM oplog WHERE status = 'pending'")
        unconfirmed = terminal.store.scalar(
            "SELECT count(*) FROM oplog WHERE op_id NOT IN (SELECT op_id FROM sync_reconciled)"
        )
        if pending or unconfirmed:
            violations.append(f"{tid}: {pending} pending, {unconfirmed} not confirmed after quiesce")
        if not terminal.store.verify_audit_chain().ok:
            violations.append(f"{tid}: audit chain broken")
        verdict = audit.verify(server.db, tid)
        if not verdict.ok:
            violations.append(f"{tid}: server's anchored chain {verdict.reason} at {verdict.first_broken_id}")
        if terminal.store.scalar(
            "SELECT count(*) FROM ledger WHERE line_no IS NOT NULL GROUP BY op_id, line_no HAVING count(*) > 1 LIMIT 1"
        ):
            violations.append(f"{tid}: a pulled line twice")
    tampered = server.scalar("SELECT count(*) FROM exceptions WHERE code = 'audit_tampered'")
    if tampered:
        violations.append(f"{tampered} false audit_tampered alarms")
    unexplained = server.scalar(
        "SELECT count(*) FROM ops o WHERE o.status = 'rejected' AND NOT EXISTS "
        "(SELECT 1 FROM exceptions e WHERE e.op_id = o.op_id)"
    )
    if unexplained:
        violations.append(f"{unexplained} rejections without an exception")
    held = server.scalar("SELECT count(*) FROM ops WHERE status = 'quarantined'")
    if held:
        violations.append(f"{held} operations quarantined (a server fault)")
    report.rejected_on_server = server.scalar("SELECT count(*) FROM ops WHERE status = 'rejected'") or 0
