"""The sync engine as the desk sees it: events, backoff, the background loop, online checks, the exceptions inbox."""

from __future__ import annotations

import random

import pytest
from conftest import START, enroll
from server_fixtures import quiesce, wait_until

from membership.decisions import Refused
from membership.i18n import catalog
from server import admin
from sync.auth import AuthError
from sync.client import Revoked, TransientError


def test_events_report_connectivity_pending_and_last_success(server, make_terminal):
    desk = make_terminal(server, 7)
    events = []
    desk.engine.add_listener(events.append)
    member = enroll(desk.services, desk.desk).member_no
    desk.services.earn(desk.cashier, member, 10_000)
    status = desk.engine.refresh()
    assert status.pending == 2 and status.oldest_pending_age_s is not None
    desk.sync()
    status = desk.engine.status
    assert status.online and status.pending == 0 and status.last_success and status.error is None
    assert any(e.kind == "status" and e.status.pending == 2 for e in events)
    assert any(e.kind == "progress" for e in events)
    server.stop()
    desk.services.earn(desk.cashier, member, 10_000)
    with pytest.raises(TransientError):
        desk.sync()
    assert not desk.engine.status.online and desk.engine.status.pending == 1
    assert "cannot be reached" in str(desk.engine.status.error)
    server.start()
    assert desk.engine.step() and desk.engine.status.pending == 0


def test_backoff_is_jittered_exponential_and_capped(server, make_terminal):
    desk = make_terminal(server, 7)
    engine = desk.engine
    engine.backoff_base, engine.backoff_cap, engine.rng = 1.0, 60.0, random.Random(3)
    assert engine.next_delay() == engine.interval
    delays = []
    for failures in range(1, 12):
        engine._failures = failures
        delays.append(engine.next_delay())
    assert all(0 <= d <= min(60.0, 2 ** (n - 1)) for n, d in enumerate(delays, start=1))
    assert len(set(delays)) == len(delays)  # jitter: retries of many desks do not line up


def test_background_loop_pushes_soon_after_a_desk_action(server, make_terminal):
    desk = make_terminal(server, 7)
    desk.engine.interval = 30.0
    desk.engine.start()
    try:
        member = enroll(desk.services, desk.desk).member_no  # the services nudge the engine
        wait_until(lambda: server.scalar("SELECT count(*) FROM members WHERE member_no = :m", m=member) == 1, 20)
    finally:
        desk.engine.stop()


def test_revoked_terminal_stops_with_a_message(server, make_terminal):
    from datetime import UTC, datetime

    desk = make_terminal(server, 7)
    admin.revoke_terminal(server.db, "T007", datetime.now(UTC))
    with pytest.raises(Revoked):
        desk.sync()
    assert desk.engine.status.revoked


def test_online_redemption_asks_the_server_balance(server, make_terminal):
    a, b = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(a.services, a.desk).member_no
    a.services.earn(a.cashier, member, 200_000)  # 2,100 points
    quiesce(a, b)
    b.services.redeem_gift(b.desk, member, "G001")  # 1,500 at desk 8
    b.sync()
    a.online.value = True  # desk 7 has not pulled yet: locally the member still has 2,100
    with pytest.raises(Refused) as err:
        a.services.redeem_gift(a.desk, member, "G001")
    assert err.value.code == "insufficient_points" and "600" in str(err.value.message)
    [coupon] = admin.issue_coupons(server.db, "RED20", 1, START)
    quiesce(a, b)
    b.services.verify_coupon(b.cashier, coupon, purchase_amount_fen=20_000)
    b.sync()
    with pytest.raises(Refused) as err:  # refused at the desk, not an exception later
        a.services.verify_coupon(a.cashier, coupon, purchase_amount_fen=20_000)
    assert err.value.code == "coupon_used"


def test_manager_resolves_an_exception_from_the_inbox(server, make_terminal):
    a, b = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(a.services, a.desk).member_no
    quiesce(a, b)
    for desk in (a, b):
        desk.services.credit_receipt(desk.desk, member, "F101", "Z-1", 10_000, "2026-11-20")
    quiesce(a, b)
    [item] = b.services.exceptions_inbox(b.manager)
    assert item.code == "receipt_already_credited" and "已" in item.message.render(catalog("zh_CN"))
    with pytest.raises(AuthError):
        b.services.exceptions_inbox(b.desk)
    done = b.services.resolve_exception(b.manager, item.exception_id, "Member kept desk 7's credit; slip filed.")
    assert done.status == "resolved" and done.resolved_by == "T008/M001"
    assert server.rows("SELECT status, resolution FROM exceptions") == [
        ("resolved", "Member kept desk 7's credit; slip filed.")
    ]
    assert b.services.exceptions_inbox(b.manager) == []
