"""Exactly once on every terminal: pages applied twice, two sync writers on one store, answers arriving twice,
late anchor requests, lost registration answers, server faults quarantined, a hung server, restore."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import enroll
from faultproxy import FaultProxy
from server_fixtures import ROOT, assert_converged, quiesce, server_state, terminal_state, wait_until

from server import admin
from sync.audit_anchor import AuditAnchor
from sync.client import TransientError
from sync.engine import SyncEngine, register_terminal
from sync.outbox import Outbox
from sync.pull import PullApplier
from sync.store import Store
from sync.sync_keys import CURSOR, SERVER_URL, TOKEN


@pytest.fixture
def proxy(server):
    p = FaultProxy(server.port)
    yield p
    p.close()


def _ledger(store: Store) -> list[tuple]:
    return sorted(tuple(r) for r in store.query("SELECT member_no, op_id, kind, delta FROM ledger"))


def _busy_desk(server, desk, members: int = 3) -> list[str]:
    made = [enroll(desk.services, desk.desk, phone=f"1390000{n:04d}").member_no for n in range(members)]
    for n, member in enumerate(made * 2):
        desk.services.earn(desk.cashier, member, 2_000 + n * 100)
    return made


def test_a_page_applied_twice_is_applied_once(server, make_terminal):
    a, b = make_terminal(server, 7), make_terminal(server, 8)
    _busy_desk(server, a)
    admin.allocate_stock(server.db, b.store.terminal().terminal_id, "G001", 5, datetime.now(UTC))
    a.sync()
    rep = PullApplier(b.store)
    since = rep.cursor()
    page = b.engine.client.pull(since, 5000)
    assert page["changes"] and not page["more"]
    first = rep.apply_page(page, b.clock(), since=since)
    assert not first.skipped and rep.cursor() == page["next"]
    ledger, stock = _ledger(b.store), b.store.stock_level("G001")
    # The same page again with the cursor it was pulled at: the cursor moved, so it is skipped whole.
    assert rep.apply_page(page, b.clock(), since=since).skipped
    # Even past the cursor check (as an older release would apply it), the unique keys keep every
    # foreign line, move and claim once.
    rep.apply_page(page, b.clock())
    assert _ledger(b.store) == ledger and b.store.stock_level("G001") == stock
    quiesce(a, b)
    assert_converged(server, a, b)


def test_two_sync_writers_on_one_store_apply_each_change_once(server, make_terminal, tmp_path):
    a, b = make_terminal(server, 7), make_terminal(server, 8)
    second = Store(b.store.path)  # a second program on the same file: its own connection and engine
    engine2 = SyncEngine(second, clock=b.clock, page_size=7, batch_size=2)
    b.engine.page_size, b.engine.batch_size = 7, 2
    try:
        members = _busy_desk(server, a, members=4)
        a.sync()
        b.sync()
        for n in range(4):
            a.services.earn(a.cashier, members[n], 3_000 + n)
        for member in members[:2]:
            b.services.earn(b.cashier, member, 1_500)
        a.sync()
        errors: list[BaseException] = []

        def run(engine: SyncEngine) -> None:
            for _ in range(3):
                try:
                    engine.sync_once(lock_timeout=60)
                except BaseException as exc:  # collected: the test fails below with it
                    errors.append(exc)

        threads = [threading.Thread(target=run, args=(e,)) for e in (b.engine, engine2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors
        quiesce(a, b)
        assert_converged(server, a, b)
    finally:
        engine2.client.close()
        second.close()


def test_a_push_answer_that_arrives_twice_is_recorded_once(server, make_terminal):
    desk = make_terminal(server, 7)
    _busy_desk(server, desk, members=1)
    rep = Outbox(desk.store)
    batch = rep.pending_batch(100)
    answer = desk.engine.client.push(batch)
    rep.record_outcomes(answer["results"])
    before = desk.store.query("SELECT op_id, status, outcome FROM oplog ORDER BY id")
    rep.record_outcomes(desk.engine.client.push(batch)["results"])  # the replay's answer, a second time
    assert desk.store.query("SELECT op_id, status, outcome FROM oplog ORDER BY id") == before
    desk.sync()
    audit_rows = desk.store.scalar("SELECT count(*) FROM audit")
    adopted = desk.store.query("SELECT op_id, status, outcome FROM oplog ORDER BY id")
    rep.record_outcomes(answer["results"])  # the first answer again, late, after the pull adopted outcomes
    assert desk.store.query("SELECT op_id, status, outcome FROM oplog ORDER BY id") == adopted
    assert desk.store.scalar("SELECT count(*) FROM audit") == audit_rows
    assert_converged(server, desk)


def test_late_and_duplicated_anchor_requests_are_not_tampering(server, make_terminal, proxy):
    desk = make_terminal(server, 7, base_url=proxy.base_url)
    member = enroll(desk.services, desk.desk).member_no
    anchor = AuditAnchor(desk.store)
    old = anchor.request()  # a request that will arrive late
    desk.sync()
    for n in range(3):
        desk.services.earn(desk.cashier, member, 1_000 + n)
    proxy.add("/v1/audit", "duplicate", "late:0.2", "duplicate")
    desk.sync()
    desk.sync()
    wait_until(lambda: proxy.late_sent >= 1, 20, what="the late copy")
    answer = desk.engine.client.anchor_audit(old)  # shorter than what is anchored, and older: stale
    assert answer["status"] == "stale"
    desk.sync()
    assert server.scalar("SELECT count(*) FROM exceptions WHERE code = 'audit_tampered'") == 0
    assert server.scalar("SELECT count(*) FROM audit_branches") == 0
    anchored = server.scalar("SELECT head_id FROM audit_anchors WHERE terminal_id = 'T007'")
    assert anchored == desk.store.scalar("SELECT max(id) FROM audit")


def test_a_lost_registration_answer_is_asked_again_and_gets_the_same_terminal(server, template_store, tmp_path, proxy):
    from conftest import START, Clock, copy_store

    path = copy_store(template_store, tmp_path / "new.sqlite3")
    store = Store(path)
    try:
        code = server.issue_code("Desk 5", 5)
        proxy.add("/v1/terminals/register", "drop_response")
        with pytest.raises(TransientError):
            register_terminal(store, proxy.base_url, code, now=START)
        assert server.scalar("SELECT count(*) FROM terminals") == 1  # committed, the answer lost
        proxy.add("/v1/terminals/register", "drop_response", "duplicate")
        with pytest.raises(TransientError):  # asked again with the same code, and the answer lost again
            register_terminal(store, proxy.base_url, code, now=START)
        # A new code (the installer asked for one; the request even arrives twice) finds the same terminal:
        # no orphan, the same terminal code.
        again = register_terminal(store, proxy.base_url, server.issue_code("Desk 5 again", None), now=START)
        assert (again.terminal_id, again.terminal_code) == ("T005", 5)
        assert server.scalar("SELECT count(*) FROM terminals") == 1
        engine = SyncEngine(store, clock=Clock(START))
        engine.sync_once()  # the token works
        assert engine.status.online and store.setting(SERVER_URL) == proxy.base_url
        assert store.setting(TOKEN)
        engine.client.close()
    finally:
        store.close()


def _inject_fault(server, member: str) -> None:
    """A constraint the server should never hit: every ledger line for this member fails (an integrity error)."""
    from sqlalchemy import text

    with server.db.engine.begin() as conn:
        if server.db.is_sqlite:
            conn.execute(
                text(
                    f"CREATE TRIGGER injected_fault BEFORE INSERT ON ledger WHEN NEW.member_no = '{member}' "
                    "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
                )
            )
        else:
            conn.execute(
                text(
                    "CREATE FUNCTION injected_fault() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'injected fault' USING ERRCODE = 'check_violation'; END $$ LANGUAGE plpgsql"
                )
            )
            conn.execute(
                text(
                    "CREATE TRIGGER injected_fault BEFORE INSERT ON ledger FOR EACH ROW "
                    f"WHEN (NEW.member_no = '{member}') EXECUTE FUNCTION injected_fault()"
                )
            )


def _remove_fault(server) -> None:
    from sqlalchemy import text

    with server.db.engine.begin() as conn:
        if server.db.is_sqlite:
            conn.execute(text("DROP TRIGGER injected_fault"))
        else:
            conn.execute(text("DROP TRIGGER injected_fault ON ledger"))
            conn.execute(text("DROP FUNCTION injected_fault()"))


def test_a_server_fault_quarantines_the_operation_and_reapply_applies_it(server, make_terminal):
    desk, other = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(desk.services, desk.desk).member_no
    desk.sync()
    _inject_fault(server, member)
    desk.services.earn(desk.cashier, member, 30_000)
    shown = desk.services.summary(desk.desk, member).balance
    desk.sync()
    op_id = desk.store.scalar("SELECT op_id FROM oplog WHERE kind = 'earn'")
    assert server.scalar("SELECT status FROM ops WHERE op_id = :o", o=op_id) == "quarantined"
    desk.sync()
    # Not a rejection: the desk keeps what it did, says an operation is held, and sends it no more.
    assert desk.services.summary(desk.desk, member).balance == shown
    assert desk.engine.status.quarantined == 1 and desk.engine.status.pending == 0
    assert desk.store.scalar("SELECT count(*) FROM ledger WHERE op_id = :o", (op_id,)) >= 1
    assert not any(r[0] == "sync_rejected" for r in desk.store.query("SELECT action FROM audit"))
    _remove_fault(server)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "--db", server.db_url, "reapply"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert op_id in done.stdout and "applied" in done.stdout
    quiesce(desk, other)
    assert desk.engine.status.quarantined == 0
    assert desk.services.summary(desk.desk, member).balance == shown
    assert other.services.summary(other.desk, member).balance == shown
    assert server.scalar("SELECT count(*) FROM exceptions WHERE code = 'server_error' AND status = 'open'") == 0
    assert_converged(server, desk, other)


def test_server_errors_are_errors_with_backoff_and_retry_after(server, make_terminal, proxy):
    desk = make_terminal(server, 7, base_url=proxy.base_url)
    enroll(desk.services, desk.desk)
    proxy.add("/v1/push", "status:500")
    assert not desk.engine.step()
    status = desk.engine.status
    assert status.problem and status.error is not None and "internal error" in str(status.error)
    assert status.pending == 1  # not rejected: sent again later
    proxy.add("/v1/sync/status", "retry_after:7")
    assert not desk.engine.step()
    assert desk.engine.next_delay() >= 7
    assert desk.engine.step() and not desk.engine.status.problem and desk.engine.status.pending == 0


def test_the_engine_survives_an_answer_it_does_not_understand(server, make_terminal, proxy):
    desk = make_terminal(server, 7, base_url=proxy.base_url)
    enroll(desk.services, desk.desk)
    proxy.add("/v1/push", 'body:{"unexpected": true}')
    desk.engine.interval = 0.05
    desk.engine.start()
    try:
        wait_until(lambda: proxy.pending_faults() == 0, 30, what="the broken answer")
        wait_until(lambda: desk.engine.status.pending == 0 and not desk.engine.status.problem, 30, what="recovery")
        assert desk.engine._thread is not None and desk.engine._thread.is_alive()
    finally:
        desk.engine.stop()
    assert_converged(server, desk)


def test_each_thread_has_its_own_http_session(server, make_terminal):
    desk = make_terminal(server, 7)
    sessions = []
    threads = [threading.Thread(target=lambda: sessions.append(desk.engine.client.session)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sessions.append(desk.engine.client.session)
    assert len({id(s) for s in sessions}) == 4


def test_a_hung_server_shows_offline_and_online_checks_give_up(server, make_terminal):
    desk = make_terminal(server, 7)
    member = enroll(desk.services, desk.desk).member_no
    desk.sync()
    engine = desk.engine
    engine.probe_interval, engine.interval, engine.online_check_timeout = 1.0, 30.0, 1.0
    engine.start()
    try:
        wait_until(lambda: engine.status.online, 20, what="online")
        os.kill(server.proc.pid, signal.SIGSTOP)  # hung: connections are accepted, nothing answers
        try:
            # probe interval + probe read timeout = 4 s; the slack is for a loaded test machine.
            wait_until(lambda: not engine.status.online, 8, what="offline")
            outcome: list[BaseException | int] = []

            def check() -> None:
                try:
                    outcome.append(engine.server_balance(member))
                except BaseException as exc:
                    outcome.append(exc)

            asker = threading.Thread(target=check)
            asker.start()
            asker.join(6)
            assert not asker.is_alive(), "the online check did not give up"
            assert isinstance(outcome[0], TransientError)
        finally:
            os.kill(server.proc.pid, signal.SIGCONT)
        wait_until(lambda: engine.status.online, 30, what="online again")
    finally:
        engine.stop()


_WRITER = """
import sys, time
sys.path.insert(0, {root!r})
from sync.store import Store
store = Store({path!r}, key=bytes.fromhex({key!r}))
store.conn.execute("PRAGMA wal_autocheckpoint = 0")  # the WAL keeps every page until the kill
n = 0
while True:
    with store.transaction() as conn:
        store.set_setting(conn, "crash.counter", str(n))
        store.append_audit(conn, "2026-01-01T00:00:00Z", "SYSTEM", "crash_test", str(n))
    n += 1
    if n == 50:
        print("written", flush=True)
"""


def test_restore_over_a_crashed_store_installs_the_backup_and_starts_a_new_epoch(server, make_terminal, tmp_path):
    from sync.snapshot import restore_backup

    desk = make_terminal(server, 7)
    member = enroll(desk.services, desk.desk).member_no
    desk.services.earn(desk.cashier, member, 10_000)
    desk.sync()
    backup = tmp_path / "backup.sqlite3"
    desk.store.backup_to(backup)
    desk.services.earn(desk.cashier, member, 20_000)  # made after the backup: on the server, not in it
    desk.sync()
    path, key, epoch = desk.store.path, desk.store.key, desk.store.terminal().epoch
    desk.close()
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER.format(root=str(ROOT), path=str(path), key=key.hex())],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "written"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(10)
    wal = Path(str(path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the crash left its WAL
    report = restore_backup(path, backup)
    assert report.epoch > epoch and report.set_aside.exists()
    assert Path(str(report.set_aside) + "-wal").exists()  # moved aside with its store, never replayed
    restored = Store(path)
    try:
        assert restored.integrity_check() == "ok"
        assert restored.setting("crash.counter") is None  # nothing of the crashed store's WAL
        assert restored.verify_audit_chain().ok
        engine = SyncEngine(restored, clock=desk.clock)
        engine.sync_once()
        engine.sync_once()
        got, want = terminal_state(restored), server_state(server)
        assert got["ledger"] == want["ledger"] and got["members"] == want["members"]
        assert server.scalar("SELECT count(*) FROM exceptions WHERE code = 'audit_tampered'") == 0
        assert restored.setting(CURSOR) is not None
        engine.client.close()
    finally:
        restored.close()


def test_look_up_audits_are_written_at_close(server, make_terminal):
    desk = make_terminal(server, 7)
    member = enroll(desk.services, desk.desk).member_no
    desk.services.lookup(desk.desk, member)
    path = desk.store.path
    desk.close()
    store = Store(path)
    try:
        rows = store.query("SELECT subject FROM audit WHERE action = 'lookup'")
        assert [r[0] for r in rows] == [member]
        assert store.verify_audit_chain().ok
    finally:
        store.close()


def test_the_cli_writes_its_look_up_audit(server, make_terminal):
    desk = make_terminal(server, 7)
    member = enroll(desk.services, desk.desk).member_no
    path = desk.store.path
    desk.close()
    env = {**os.environ, "MEMBERDESK_DB": str(path), "MEMBERDESK_LANG": "en", "MEMBERDESK_PIN": "2345"}
    done = subprocess.run(
        [sys.executable, "-m", "sync.cli", "lookup", "--staff", "D001", member],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and member in done.stdout, done.stdout + done.stderr
    store = Store(path)
    try:
        assert [r[0] for r in store.query("SELECT staff_no FROM audit WHERE action = 'lookup'")] == ["D001"]
    finally:
        store.close()


def _inject_database_failure(server, member: str) -> None:
    """A failure of the database itself (not a constraint): every ledger line for this member fails."""
    from sqlalchemy import text

    with server.db.engine.begin() as conn:
        if server.db.is_sqlite:  # a table the trigger needs is missing: an OperationalError when it fires
            conn.execute(text("CREATE TABLE injected_gone (x INTEGER)"))
            conn.execute(
                text(
                    f"CREATE TRIGGER injected_fault BEFORE INSERT ON ledger WHEN NEW.member_no = '{member}' "
                    "BEGIN SELECT x FROM injected_gone; END"
                )
            )
            conn.execute(text("DROP TABLE injected_gone"))
        else:  # lock_not_available: what a lock time-out raises
            conn.execute(
                text(
                    "CREATE FUNCTION injected_fault() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'injected lock time-out' USING ERRCODE = 'lock_not_available'; END $$ "
                    "LANGUAGE plpgsql"
                )
            )
            conn.execute(
                text(
                    "CREATE TRIGGER injected_fault BEFORE INSERT ON ledger FOR EACH ROW "
                    f"WHEN (NEW.member_no = '{member}') EXECUTE FUNCTION injected_fault()"
                )
            )


def test_a_database_failure_while_applying_is_transient_not_quarantined(server, make_terminal):
    """The operation's statements run on the driver's cursor, so its errors are the driver's classes: a
    failure of the database (not of a constraint) fails the batch, and the terminal sends it again."""
    desk = make_terminal(server, 7)
    member = enroll(desk.services, desk.desk).member_no
    desk.sync()
    _inject_database_failure(server, member)
    desk.services.earn(desk.cashier, member, 30_000)
    shown = desk.services.summary(desk.desk, member).balance
    assert not desk.engine.step()
    op_id = desk.store.scalar("SELECT op_id FROM oplog WHERE kind = 'earn'")
    assert server.scalar("SELECT count(*) FROM ops WHERE op_id = :o", o=op_id) == 0  # not recorded at all
    assert desk.engine.status.pending == 1 and desk.engine.status.quarantined == 0
    _remove_fault(server)
    # The engine goes on by itself (a step may first meet the connection the failed request left behind).
    wait_until(lambda: desk.engine.step() and desk.engine.status.pending == 0, timeout=60, what="the retry")
    quiesce(desk)
    assert server.scalar("SELECT status FROM ops WHERE op_id = :o", o=op_id) == "applied"
    assert desk.services.summary(desk.desk, member).balance == shown
    assert server.scalar("SELECT count(*) FROM exceptions WHERE code = 'server_error'") == 0
    assert_converged(server, desk)


def test_the_member_row_in_the_change_feed_is_the_stored_one_with_or_without_a_tier_change(server, make_terminal):
    """The feed sends the members row a decision read when the operation wrote no member (server.apply):
    after an upgrade it must still send the row as written, and another desk must end with both."""
    import json

    from membership.tables import MEMBER_COLUMNS

    a, b = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(a.services, a.desk, phone="13900000077").member_no
    a.services.earn(a.cashier, member, 2_000)  # a few points: the member row stays as it is
    a.services.earn(a.cashier, member, 600_000)  # 6,000 yuan: an upgrade writes the member's tier
    a.sync()

    def last_sent() -> dict:
        data = server.scalar(
            "SELECT data FROM changes WHERE entity = 'member' AND key = :m ORDER BY change_no DESC LIMIT 1",
            m=member,
        )
        return json.loads(data)

    def stored() -> dict:
        [row] = server.rows(f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members WHERE member_no = :m", m=member)
        return dict(zip(MEMBER_COLUMNS, row, strict=True))

    sent = last_sent()
    assert sent == stored() and sent["tier"] != "regular"
    sends = server.scalar("SELECT count(*) FROM changes WHERE entity = 'member' AND key = :m", m=member)
    a.services.earn(a.cashier, member, 3_000)  # no change to the member: the row read for the decision is sent
    a.sync()
    assert server.scalar("SELECT count(*) FROM changes WHERE entity = 'member' AND key = :m", m=member) == sends + 1
    assert last_sent() == stored() == sent
    b.sync()
    assert b.services.summary(b.desk, member).tier.code == sent["tier"]
    a.sync()
    assert_converged(server, a, b)
