"""Terminals offline, diverging, then syncing in every order: identical state on every terminal and the server,
and every clash (receipt, coupon, phone, overdraw) decided once with the other desks' exceptions in their inboxes."""

from __future__ import annotations

import itertools

import pytest
from conftest import START, enroll
from server_fixtures import assert_converged, quiesce

from server import admin


def inbox_codes(terminal) -> list[str]:
    return sorted(item.code for item in terminal.services.exceptions_inbox(terminal.manager))


def ledger_matches_balances(terminal) -> None:
    for (member_no,) in terminal.store.query("SELECT member_no FROM members WHERE status = 'active'"):
        total = terminal.store.scalar("SELECT coalesce(sum(delta), 0) FROM ledger WHERE member_no = ?", (member_no,))
        assert terminal.services.summary(terminal.desk, member_no).balance == total


def test_two_terminals_converge_after_offline_work(server, make_terminal):
    t1, t2 = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(t1.services, t1.desk, phone="13800000001").member_no
    quiesce(t1, t2)
    t1.services.earn(t1.cashier, member, 50_000)
    t2.services.earn(t2.cashier, member, 20_000)
    t2.services.claim_benefit(t2.desk, member, "parking")
    quiesce(t2, t1)
    assert_converged(server, t1, t2)
    assert t1.services.summary(t1.desk, member).balance == 100 + 500 + 200
    with pytest.raises(Exception) as err:  # the parking claimed at desk 8 is known at desk 7
        t1.services.claim_benefit(t1.desk, member, "parking")
    assert getattr(err.value, "code", "") == "benefit_already_claimed"


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))), ids=lambda o: "".join(map(str, o)))
def test_three_desks_clash_offline_and_each_clash_is_decided_once(server, make_terminal, order):
    desks = [make_terminal(server, code) for code in (7, 8, 9)]
    first = desks[0]
    member = enroll(first.services, first.desk, phone="13800000001", name="张三").member_no
    first.services.earn(first.cashier, member, 300_000)  # 100 + 3000 points
    [coupon] = admin.issue_coupons(server.db, "RED20", 1, START)
    quiesce(*desks)

    # Offline, every desk credits the same tenant receipt, verifies the same coupon, enrolls the same new
    # phone and hands over a 1,500-point gift: together more than the member has.
    for n, desk in enumerate(desks):
        desk.services.credit_receipt(desk.desk, member, "F101", "R-0001", 10_000, "2026-11-19")
        desk.services.verify_coupon(desk.cashier, coupon, purchase_amount_fen=20_000)
        enroll(desk.services, desk.desk, phone="13900000009", name=f"李{'一二三'[n]}")
        desk.services.redeem_gift(desk.desk, member, "G001")
        desk.services.earn(desk.cashier, member, 1_000 * (n + 1))

    for i in order:
        desks[i].sync()
    quiesce(*desks)
    assert_converged(server, *desks)

    winner = desks[order[0]]
    losers = [desks[i] for i in order[1:]]
    # The receipt counts once, for the desk that reached the server first.
    assert server.rows("SELECT count(*) FROM receipts WHERE tenant_code = 'F101' AND receipt_no = 'R-0001'") == [(1,)]
    receipt_points = server.scalar("SELECT sum(delta) FROM ledger WHERE kind = 'receipt' AND member_no = :m", m=member)
    assert receipt_points == 100
    assert server.scalar("SELECT op_id FROM receipts WHERE receipt_no = 'R-0001'") in [
        r["op_id"] for r in winner.store.query("SELECT op_id FROM oplog WHERE kind = 'credit_receipt'")
    ]
    # The coupon is used once.
    assert server.rows("SELECT status FROM coupons WHERE code = :c", c=coupon) == [("used",)]
    assert server.scalar("SELECT count(*) FROM ops WHERE kind = 'verify_coupon' AND status = 'applied'") == 1
    # One member for the phone; the later enrollments are aliases of it.
    active = server.rows("SELECT member_no FROM members WHERE phone = '13900000009' AND status = 'active'")
    aliases = server.rows("SELECT alias_of FROM members WHERE phone = '13900000009' AND status = 'alias'")
    assert len(active) == 1 and aliases == [active[0], active[0]]
    # Three gifts handed over: all booked, the balance went negative and the overdraw is an exception.
    balance = server.scalar("SELECT sum(delta) FROM ledger WHERE member_no = :m", m=member)
    assert balance == 100 + 3000 + 100 - 3 * 1500 + 10 + 20 + 30
    assert server.scalar("SELECT count(*) FROM exceptions WHERE code = 'overdrawn'") >= 1
    for desk in desks:
        ledger_matches_balances(desk)
    assert "receipt_already_credited" not in inbox_codes(winner)
    for loser in losers:
        codes = inbox_codes(loser)
        assert {"receipt_already_credited", "coupon_used", "phone_enrolled"} <= set(codes), codes
        rejected = loser.store.query("SELECT kind FROM oplog WHERE status = 'rejected' ORDER BY id")
        assert [r["kind"] for r in rejected] == ["credit_receipt", "verify_coupon", "enroll"]
    # Exactly once: every operation logged anywhere is on the server once.
    logged = sum(d.store.scalar("SELECT count(*) FROM oplog") for d in desks)
    assert server.scalar("SELECT count(*) FROM ops") == logged


@pytest.mark.parametrize("order", [(0, 1), (1, 0)], ids=["ab", "ba"])
def test_two_desks_same_receipt_and_coupon(server, make_terminal, order):
    a, b = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(a.services, a.desk, phone="13800000002").member_no
    [coupon] = admin.issue_coupons(server.db, "RED20", 1, START)
    quiesce(a, b)
    for desk in (a, b):
        desk.services.credit_receipt(desk.desk, member, "F201", "X-9", 25_000, "2026-11-20")
        desk.services.verify_coupon(desk.cashier, coupon, purchase_amount_fen=15_000)
    pair = (a, b)
    pair[order[0]].sync()
    pair[order[1]].sync()
    quiesce(a, b)
    assert_converged(server, a, b)
    loser = pair[order[1]]
    assert inbox_codes(loser) == ["coupon_used", "receipt_already_credited"]
    assert inbox_codes(pair[order[0]]) == []
    # The loser's provisional credit was reversed by an appended entry, not by deleting anything.
    op_id = loser.store.scalar("SELECT op_id FROM oplog WHERE kind = 'credit_receipt'")
    assert loser.store.scalar("SELECT count(*) FROM ledger WHERE op_id = ?", (op_id,)) == 2
    assert loser.store.scalar("SELECT sum(delta) FROM ledger WHERE op_id = ?", (op_id,)) == 0
    assert a.services.summary(a.desk, member).balance == 100 + 250
