"""The chaos drill behind tests/test_chaos.py and bench/bench_soak.py: terminals through fault proxies, two sync
processes on one store, the desk app, sync runs and the server killed, then a quiet period and every
invariant read back.

A drill is a sequence of rounds. In each, one desk does a batch of desk work (enrolments, earns, receipt
credits that collide across desks on purpose, gift redemptions), faults are queued on its proxy, and it
syncs. Three desks are terminals in this process; the fourth is the real desk application in a process of
its own (tests/chaos_desk.py runs ``desktop.app.main`` offscreen: its own services, its own engine thread),
which is SIGKILLed every other turn — in the middle of an operation, after the server committed a push but
before the app heard the answer, just after it got a push's answer, or while it applies a pulled page — and
started again. Now and then a `memberdesk sync` process runs on the same store at the same time (sometimes
SIGKILLed part-way), and the server is SIGKILLed while a terminal pushes. Afterwards the faults are
cleared, late duplicates are let arrive, every terminal syncs until quiet (the app by itself, in a last
incarnation), and the invariants are checked from the databases; each broken one is reported as a
violation (the test wants none).
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

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
DESK_APP = Path(__file__).with_name("chaos_desk.py")
# Where the desk app is SIGKILLed: anywhere while it works; after the server committed its push but before it
# heard the answer; just after it got the push's answer (recording the outcomes); while it applies a page.
APP_KILLS = ("mid_operation", "push_answer_lost", "push_answer_received", "mid_pull_apply")


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
    app_operations: int = 0
    app_kills: Counter[str] = field(default_factory=Counter)
    app_starts: int = 0
    app_wait_s: float = 0.0  # the drill waiting for the app to finish its work or die (not overlapped)
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
            "app_operations": self.app_operations,
            "app_kills": dict(sorted(self.app_kills.items())),
            "app_starts": self.app_starts,
            "app_wait_s": round(self.app_wait_s, 1),
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


class DeskApp:
    """The desk application (tests/chaos_desk.py) on a registered store: told to work, killed, started again."""

    def __init__(self, store_path: Path, proxy: FaultProxy, workdir: Path):
        self.store_path = store_path
        self.proxy = proxy
        self.log = workdir / "desk-app.log"
        self.proc: subprocess.Popen[str] | None = None
        self.committed: list[str] = []  # op ids the app reported after COMMIT returned, every incarnation
        self.refused = 0
        self.errors: list[str] = []
        self.incarnation = 0
        self.ready = threading.Event()
        self.done = threading.Event()
        self.armed: tuple[str, threading.Event] | None = None  # a kill waiting for its moment
        self._reader: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        self.incarnation += 1
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "MEMBERDESK_LANG": "en",
            "MEMBERDESK_RAISE": "1",  # a crash of ours goes to the log, not to a dialog that would block the app
        }
        self.ready.clear()
        self.done.set()  # nothing asked yet
        with self.log.open("a") as log:
            log.write(f"--- incarnation {self.incarnation}\n")
            log.flush()
            self.proc = subprocess.Popen(
                [sys.executable, str(DESK_APP), str(self.store_path), str(self.incarnation)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                env=env,
                cwd=ROOT,
            )
        self._reader = threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True)
        self._reader.start()

    def _read(self, stdout: IO[str]) -> None:
        for line in stdout:
            word, _, rest = line.strip().partition(" ")
            with self._lock:
                if word == "COMMITTED":
                    self.committed.append(rest)
                elif word == "REFUSED":
                    self.refused += 1
                elif word == "ERROR":
                    self.errors.append(rest)
            if word == "READY":
                self.ready.set()
            elif word == "DONE":
                self.done.set()

    def work(self, count: int, seed: int) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        self.done.clear()
        self.proc.stdin.write(f"WORK {count} {seed}\n")
        self.proc.stdin.flush()

    def operations(self) -> int:
        with self._lock:
            return len(self.committed)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self._reap()

    def _reap(self) -> None:
        if self.proc is not None:
            self.proc.wait(60)
            if self._reader is not None:
                self._reader.join(30)  # what it printed before it died is counted too
            assert self.proc.stdin is not None
            with contextlib.suppress(OSError):
                self.proc.stdin.close()

    def quit(self) -> int | None:
        """Quit the ordinary way (window shut down, engine stopped, store closed); the exit status."""
        if self.proc is None:
            return None
        assert self.proc.stdin is not None
        with contextlib.suppress(OSError):
            self.proc.stdin.write("QUIT\n")
            self.proc.stdin.flush()
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._reap()
        return self.proc.returncode

    def work_then_die(self, kind: str, rng: random.Random, count: int, seed: int) -> None:
        """Give the app work and arm its SIGKILL at the moment ``kind`` (one of APP_KILLS); returns at once —
        the drill goes on with the other desks and lands the kill with :meth:`finish_kill`."""
        proc = self.proc
        assert proc is not None
        fired = threading.Event()
        self.armed = (kind, fired)

        def die() -> None:
            with contextlib.suppress(OSError):
                proc.send_signal(signal.SIGKILL)
            fired.set()

        if kind == "push_answer_lost":
            self.proxy.trap("/v1/push", "forwarded", die)
        elif kind == "push_answer_received":
            self.proxy.trap("/v1/push", "answered", die, delay=rng.uniform(0, 0.01))
        elif kind == "mid_pull_apply":
            self.proxy.trap("/v1/pull", "answered", die, needs=b'"changes":[{', delay=rng.uniform(0, 0.03))
        self.work(count, seed)
        if kind == "mid_operation":
            start, want, pause = self.operations(), rng.randrange(count // 2), rng.uniform(0, 0.02)

            def watch() -> None:
                deadline = time.monotonic() + 120
                while self.operations() - start < want and proc.poll() is None and time.monotonic() < deadline:
                    time.sleep(0.005)
                time.sleep(pause)  # anywhere: between operations, inside one's transaction, during its commit
                die()

            threading.Thread(target=watch, name="chaos-app-kill", daemon=True).start()

    def finish_kill(self) -> str:
        """Wait for the armed kill (a minute at most; the app is killed then anyway, "unaimed"), and start the
        app again; the moment the kill landed at."""
        assert self.armed is not None
        kind, fired = self.armed
        self.armed = None
        landed = fired.wait(60)
        self.proxy.disarm()
        self.kill()
        self.start()
        return kind if landed else "unaimed"

    def exited_by_itself(self) -> str | None:
        """A description when the app ended without being killed or asked to quit (a crash of ours)."""
        if self.proc is None or self.proc.poll() is None:
            return None
        tail = self.log.read_text(errors="replace")[-1500:]
        return f"the desk app (incarnation {self.incarnation}) exited with {self.proc.returncode}: {tail}"


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
    app_kill_every: int = 2,
    workdir: Path | None = None,
) -> DrillReport:
    from sync.engine import SyncEngine
    from sync.store import Store

    rng = random.Random(seed)
    report = DrillReport(backend)
    twins: list[Any] = []
    started = time.monotonic()
    proxies = [FaultProxy(server.port), FaultProxy(server.port), FaultProxy(server.port)]
    app: DeskApp | None = None
    try:
        terminals = [
            factory(server, 7, base_url=proxies[0].base_url),
            factory(server, 8, base_url=proxies[1].base_url),
            factory(server, 9),
            factory(server, 10, base_url=proxies[2].base_url),  # the desk app's store (this one syncs it last)
        ]
        app = DeskApp(terminals[3].store.path, proxies[2], workdir or Path(server.workdir))
        app.start()
        report.app_starts += 1
        app_kinds: list[str] = []
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
        kills_at = [operations * (k + 1) // (server_kills + 1) for k in range(server_kills)]
        desk_ops = 0
        while desk_ops + app.operations() < operations:
            report.operations = desk_ops + app.operations()
            rounds += 1
            index = rounds % len(terminals)
            if index == 3:
                # The desk app's turn. A kill armed last turn lands (the app is started again), or the app has
                # finished what it was given; then it gets new work — and every other turn a kill at one of
                # the APP_KILLS moments. The app works, syncs, dies and starts while the other desks go on.
                waited = time.monotonic()
                if app.armed is not None:
                    report.app_kills[app.finish_kill()] += 1
                    report.app_starts += 1
                elif not app.done.wait(180) or not app.alive():
                    report.violations.append(app.exited_by_itself() or "the desk app stopped working")
                    break
                report.app_wait_s += time.monotonic() - waited
                _queue_faults(proxies[2], rng, report)
                if rounds % (len(terminals) * app_kill_every) == 3:
                    if not app_kinds:
                        app_kinds = rng.sample(APP_KILLS, len(APP_KILLS))  # each moment in turn, in random order
                    app.work_then_die(app_kinds.pop(), rng, batch, rng.randrange(1 << 30))
                else:
                    app.work(batch, rng.randrange(1 << 30))
                continue
            terminal = terminals[index]
            before = report.operations
            _work(terminal, rng, batch, serial, report)
            desk_ops += report.operations - before
            proxy = proxies[index] if index < 2 else None
            if proxy is not None:
                _queue_faults(proxy, rng, report)
            if kills_at and report.operations >= kills_at[0]:
                kills_at.pop(0)
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
        if app.armed is not None:
            report.app_kills[app.finish_kill()] += 1
            report.app_starts += 1
        app.done.wait(180)
        for proxy in proxies:
            with proxy._lock:
                proxy.faults.clear()
        wait_until(lambda: all(p.late_sent >= p.late_scheduled for p in proxies), 60, 0.05, "late duplicates")
        for _ in range(3):
            for terminal in terminals[:3]:
                terminal.engine.sync_once(lock_timeout=120)
        # The app quits the ordinary way, then a last incarnation catches up by itself (its engine syncs at
        # start); only then does this process sync its store too, which must find nothing left to do.
        quit_status = app.quit()
        if quit_status != 0:
            report.violations.append(f"the desk app quit with {quit_status}")
        app.start()
        report.app_starts += 1
        if not _caught_up(server, terminals[3].store, 120):
            report.violations.append("the desk app did not catch up by itself within 120 s")
        if app.quit() != 0:
            report.violations.append("the desk app's last incarnation did not quit cleanly")
        report.operations = desk_ops + app.operations()
        report.app_operations = app.operations()
        report.refused_locally += app.refused
        report.violations += [f"the desk app: {error}" for error in app.errors]
        for terminal in terminals:
            terminal.engine.sync_once(lock_timeout=120)
        check_invariants(server, terminals, report, app.committed)
    finally:
        if app is not None:
            app.kill()
        for twin in twins:
            twin.client.close()
            twin.store.close()
        for proxy in proxies:
            proxy.close()
    report.seconds = time.monotonic() - started
    return report


def _caught_up(server: Any, store: Any, timeout: float) -> bool:
    """Whether the store pushed everything (each outcome confirmed) and pulled everything meant for it."""
    tid = store.terminal().terminal_id

    def done() -> bool:
        head = server.scalar(
            "SELECT coalesce(max(change_no), 0) FROM changes WHERE audience IS NULL OR audience = :t", t=tid
        )
        cursor = int(store.setting("sync.cursor", "0") or 0)
        unconfirmed = store.scalar("SELECT count(*) FROM oplog WHERE op_id NOT IN (SELECT op_id FROM sync_reconciled)")
        return cursor >= head and not unconfirmed

    try:
        wait_until(done, timeout, 0.2, "the desk app's catch-up")
    except AssertionError:
        return False
    return True


def check_invariants(
    server: Any, terminals: list[Any], report: DrillReport, app_committed: list[str] | None = None
) -> None:
    from server import audit

    violations = report.violations
    logged = Counter(r[0] for t in terminals for r in t.store.query("SELECT op_id FROM oplog"))
    ids = ", ".join(f"'{t.store.terminal().terminal_id}'" for t in terminals)
    applied = Counter(r[0] for r in server.rows(f"SELECT op_id FROM ops WHERE terminal_id IN ({ids})"))
    if applied != Counter(set(logged)) or any(n > 1 for n in logged.values()):
        violations.append(f"operations: {len(logged)} logged, {len(applied)} on the server, not each once")
    lost = [op for op in app_committed or () if not logged.get(op)]
    if lost:
        violations.append(f"{len(lost)} operations the desk app committed are not in its log (first {lost[0]})")
    if app_committed and len(set(app_committed)) != len(app_committed):
        violations.append("the desk app reported an operation twice")
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
