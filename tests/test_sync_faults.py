"""Faults between terminal and server — lost answers, duplicates, resets, latency, 5xx, a killed server, a
restored terminal, a wrong clock — and after recovery every operation is applied exactly once."""

from __future__ import annotations

import shutil
import threading
from datetime import UTC, datetime, timedelta

import pytest
from conftest import Clock, enroll
from faultproxy import FaultProxy
from server_fixtures import assert_converged, quiesce, wait_until


@pytest.fixture
def proxy(server):
    p = FaultProxy(server.port)
    yield p
    p.close()


def exactly_once(server, *terminals) -> None:
    logged = [r["op_id"] for t in terminals for r in t.store.query("SELECT op_id FROM oplog")]
    applied = [r[0] for r in server.rows("SELECT op_id FROM ops WHERE terminal_id IS NOT NULL")]
    assert sorted(applied) == sorted(logged)
    # Each applied operation wrote its effects once: no ledger rows under an op id twice as often as decided.
    dupes = server.rows("SELECT key, count(*) FROM changes WHERE entity = 'op' GROUP BY key HAVING count(*) > 1")
    assert dupes == []


def drive(terminal, proxy, limit: int = 200) -> None:
    """Let the engine retry (as its background loop would) until the log is pushed and the faults are used up."""
    for _ in range(limit):
        ok = terminal.engine.step()
        if ok and proxy.pending_faults() == 0 and terminal.engine.status.pending == 0:
            return
    raise AssertionError(f"sync did not recover: {proxy.log[-10:]}")


def test_push_and_pull_survive_every_transport_fault(server, make_terminal, proxy):
    desk = make_terminal(server, 7, base_url=proxy.base_url)
    other = make_terminal(server, 8)
    desk.engine.batch_size = 3
    desk.engine.page_size = 5
    members = [enroll(desk.services, desk.desk, phone=f"1380000{n:04d}").member_no for n in range(4)]
    for n, member in enumerate(members * 3):
        desk.services.earn(desk.cashier, member, 1_000 + n)
    proxy.add(
        "/v1/push",
        "drop_response",
        "duplicate",
        "reset_mid_body",
        "status:503",
        "status_after:500",
        "delay:0.3",
        "drop_response",
    )
    proxy.add("/v1/pull", "drop_response", "status:503", "duplicate", "reset_mid_body")
    drive(desk, proxy)
    quiesce(desk, other)
    exactly_once(server, desk, other)
    assert_converged(server, desk, other)
    assert {action for _, action in proxy.log} >= {"drop_response", "duplicate", "reset_mid_body", "status:503"}
    for member in members:
        assert desk.services.summary(desk.desk, member).balance == other.services.summary(other.desk, member).balance


def test_a_duplicated_request_in_flight_is_applied_once(server, make_terminal, proxy):
    desk = make_terminal(server, 7, base_url=proxy.base_url)
    member = enroll(desk.services, desk.desk, phone="13800000001").member_no
    desk.services.earn(desk.cashier, member, 50_000)
    proxy.add("/v1/push", "duplicate")
    proxy.add("/v1/pull", "duplicate")
    drive(desk, proxy)
    exactly_once(server, desk)
    assert server.scalar("SELECT sum(delta) FROM ledger WHERE member_no = :m", m=member) == 600


def test_server_killed_mid_push_then_restarted(server, make_terminal):
    desk = make_terminal(server, 7)
    desk.engine.batch_size = 40
    members = [enroll(desk.services, desk.desk, phone=f"1390000{n:04d}").member_no for n in range(10)]
    for n in range(400):
        desk.services.earn(desk.cashier, members[n % 10], 100 + n)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set() and not (desk.engine.step() and desk.engine.status.pending == 0):
            pass

    worker = threading.Thread(target=loop)
    worker.start()
    try:
        wait_until(lambda: (server.scalar("SELECT count(*) FROM ops") or 0) > 40, timeout=60, what="first batches")
        server.kill()
        server.start()
        worker.join(120)
    finally:
        stop.set()
        worker.join(10)
    desk.sync()
    exactly_once(server, desk)
    assert_converged(server, desk)
    assert server.scalar("SELECT count(*) FROM ops") == 410


def test_terminal_restored_from_an_old_backup_continues_in_a_new_epoch(server, make_terminal, tmp_path):
    desk = make_terminal(server, 7)
    other = make_terminal(server, 8)
    member = enroll(desk.services, desk.desk, phone="13800000001").member_no
    desk.services.earn(desk.cashier, member, 10_000)
    desk.sync()
    backup = tmp_path / "backup.sqlite3"
    desk.store.conn.execute(f"VACUUM INTO '{backup}'")
    # After the backup: more work, pushed to the server, then the disk dies.
    later = enroll(desk.services, desk.desk, phone="13800000002").member_no
    desk.services.earn(desk.cashier, later, 20_000)
    desk.services.earn(desk.cashier, member, 30_000)
    desk.sync()
    path = desk.store.path
    desk.close()
    for suffix in ("", "-wal", "-shm"):
        (path.parent / (path.name + suffix)).unlink(missing_ok=True)
    shutil.copyfile(backup, path)
    restored = make_terminal.open(path, desk.clock)
    # Offline work on the restored terminal reuses sequence numbers the server has already seen.
    restored.services.earn(restored.cashier, member, 5_000)
    restored.sync()
    newcomer = enroll(restored.services, restored.desk, phone="13800000003").member_no
    assert newcomer not in (member, later)  # numbers used by the lost operations are skipped
    quiesce(restored, other)
    assert_converged(server, restored, other)
    assert restored.store.terminal().epoch > 1
    epochs = server.rows("SELECT epoch, last_seq FROM epochs WHERE terminal_id = 'T007' ORDER BY epoch")
    assert epochs[0] == (1, 5) and len(epochs) >= 2
    # The lost operations' effects came back through the pull; nothing was applied twice.
    assert restored.services.summary(restored.desk, later).balance == 100 + 200
    assert restored.services.summary(restored.desk, member).balance == 100 + 100 + 300 + 50
    assert server.scalar("SELECT count(*) FROM ops") == 7


def test_terminal_clock_a_day_off(server, make_terminal):
    now = datetime.now(UTC)
    fast = make_terminal(server, 7, clock=Clock(now + timedelta(days=1)))
    slow = make_terminal(server, 8, clock=Clock(now - timedelta(days=1)))
    member = enroll(fast.services, fast.desk, phone="13800000001").member_no
    fast.services.earn(fast.cashier, member, 10_000)
    fast.services.claim_benefit(fast.desk, member, "parking")
    quiesce(fast, slow)
    slow.services.earn(slow.cashier, member, 20_000)
    slow.services.claim_benefit(slow.desk, member, "parking")  # "yesterday" for the server too
    quiesce(slow, fast)
    exactly_once(server, fast, slow)
    assert_converged(server, fast, slow)
    # The fast terminal's operations were booked on the server's day, never tomorrow; the terminal adopted it.
    days = {r[0] for r in server.rows("SELECT DISTINCT business_day FROM ledger")}
    assert max(days) <= (now + timedelta(hours=8)).date().isoformat()
    assert fast.engine.status.clock_skew_s > 80_000
