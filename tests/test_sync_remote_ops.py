"""Another desk's operations at this desk: in the member's history, and reversible here (a refund at the
service desk of a purchase earned at a checkout), once in the whole mall."""

from __future__ import annotations

import pytest
from conftest import enroll
from server_fixtures import assert_converged, quiesce

from membership.decisions import Refused
from server.snapshot import build_snapshot
from sync.snapshot import bootstrap


def test_a_checkout_earn_is_reversed_at_the_service_desk(server, make_terminal):
    checkout, desk = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(checkout.services, checkout.desk).member_no
    earned = checkout.services.earn(checkout.cashier, member, 38_400)
    quiesce(checkout, desk)

    history = desk.services.summary(desk.desk, member).history
    assert [h.op_id for h in history if h.op_id == earned.op_id], "the checkout's earn is in the desk's history"
    row = next(h for h in history if h.op_id == earned.op_id)
    assert (row.kind, row.points, row.reversed) == ("earn", earned.receipt.points_delta, False)

    before = desk.services.summary(desk.desk, member).balance
    reversal = desk.services.reverse(desk.manager, earned.op_id, "顾客退货", pin="1234")
    assert reversal.receipt.points_delta == -earned.receipt.points_delta
    assert desk.services.summary(desk.desk, member).balance == before - earned.receipt.points_delta
    with pytest.raises(Refused) as err:
        desk.services.reverse(desk.manager, earned.op_id, "again", pin="1234")
    assert err.value.code == "already_reversed"

    quiesce(checkout, desk)
    assert_converged(server, checkout, desk)
    # The checkout learns of it too: its own operation is now reversed there and cannot be reversed twice.
    with pytest.raises(Refused) as err:
        checkout.services.reverse(checkout.manager, earned.op_id, "twice", pin="1234")
    assert err.value.code == "already_reversed"
    assert next(h for h in checkout.services.summary(checkout.desk, member).history if h.op_id == earned.op_id).reversed
    assert server.rows("SELECT count(*) FROM ops WHERE kind = 'reverse' AND status = 'applied'")[0][0] == 1


def test_a_gift_returned_at_another_desk_goes_back_into_that_desks_stock(server, make_terminal):
    first, second = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(first.services, first.desk).member_no
    first.services.earn(first.cashier, member, 200_000)
    gift = first.services.redeem_gift(first.desk, member, "G002")
    quiesce(first, second)
    stock_before = second.store.stock_level("G002")
    second.services.reverse(second.manager, gift.op_id, "gift returned", pin="1234")
    assert second.store.stock_level("G002") == stock_before + 1  # handed back here
    quiesce(first, second)
    assert second.store.stock_level("G002") == stock_before + 1
    assert_converged(server, first, second)


def test_a_bootstrapped_desk_knows_other_desks_operations(server, make_terminal, tmp_path):
    checkout = make_terminal(server, 7)
    member = enroll(checkout.services, checkout.desk).member_no
    earned = checkout.services.earn(checkout.cashier, member, 10_000)
    quiesce(checkout)
    fresh = make_terminal(server, 9)
    quiesce(fresh)
    build_snapshot(server.db, server.workdir / "snapshots", checkout.clock())
    path = fresh.store.path
    clock = fresh.clock
    fresh.close()
    bootstrap(path)
    again = make_terminal.open(path, clock)
    assert again.store.scalar("SELECT kind FROM remote_ops WHERE op_id = ?", (earned.op_id,)) == "earn"
    again.services.reverse(again.manager, earned.op_id, "refund", pin="1234")
    quiesce(again, checkout)
    assert_converged(server, again, checkout)


def test_two_desks_reversing_the_same_operation_offline_count_it_once(server, make_terminal):
    checkout, desk = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(checkout.services, checkout.desk).member_no
    earned = checkout.services.earn(checkout.cashier, member, 20_000)
    quiesce(checkout, desk)
    # Both reverse it before either has synced; the desk's reaches the server first.
    checkout.services.reverse(checkout.manager, earned.op_id, "refund", pin="1234")
    desk.services.reverse(desk.manager, earned.op_id, "refund", pin="1234")
    desk.sync()
    quiesce(checkout, desk)
    winner = server.rows("SELECT op_id FROM ops WHERE kind = 'reverse' AND status = 'applied'")
    assert len(winner) == 1
    assert server.rows("SELECT count(*) FROM ops WHERE kind = 'reverse' AND status = 'rejected'")[0][0] == 1
    # The checkout's own reversal was refused, and its operation stays marked with the one that won.
    assert checkout.store.scalar("SELECT reversed_by FROM oplog WHERE op_id = ?", (earned.op_id,)) == winner[0][0]
    with pytest.raises(Refused) as err:
        checkout.services.reverse(checkout.manager, earned.op_id, "third time", pin="1234")
    assert err.value.code == "already_reversed"
    assert_converged(server, checkout, desk)


def test_a_pending_reversal_of_another_desks_gift_holds_back_its_coupon_row(server, make_terminal):
    from sync.pull import PageReport, _PageRun

    first, second = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(first.services, first.desk).member_no
    first.services.earn(first.cashier, member, 200_000)
    gift = first.services.redeem_gift(first.desk, member, "K001")  # a coupon item
    coupon = gift.extra["coupons_issued"][0]
    quiesce(first, second)
    second.services.reverse(second.manager, gift.op_id, "returned", pin="1234")  # provisional: not pushed
    assert second.store.scalar("SELECT status FROM coupons WHERE code = ?", (coupon,)) == "void"
    with second.store.transaction() as conn:
        run = _PageRun(second.engine.puller, conn, second.clock(), PageReport())
        # A pulled version of the coupon (still "issued") waits until the reversal's outcome is adopted.
        assert run.held[f"coupon:{coupon}"] > 0 and run.held[f"member:{member}"] > 0
    quiesce(first, second)
    assert_converged(server, first, second)
