"""One description of what an operation does: the dispatch table, the write plan, and the rule both sides
share for what can be reversed (an operation the server did not apply cannot)."""

from __future__ import annotations

import pytest
from conftest import enroll
from server_fixtures import server_state, terminal_state

from membership import operations as ops
from membership.decisions import Decision, Refused
from membership.dispatch import DECISIONS
from membership.ledger import LedgerLine
from membership.write_plan import plan_writes
from sync.services.reader import StoreReader


def test_every_operation_kind_has_exactly_one_decision():
    assert set(DECISIONS) == set(ops.KINDS)


def test_a_plan_carries_the_column_values_both_stores_share():
    decision = Decision("1234567890", ledger=[LedgerLine("1234567890", 120, "receipt", 2026, spend_fen=12_000)])
    decision.receipt = ("B101", "R-9")
    decision.member_changes = {"tier": "silver", "marketing_consent": {"accepted": True, "at": "x"}}
    payload = {"amount_fen": 12_000, "purchase_date": "2026-11-19", "member_no": "1234567890"}
    plan = plan_writes(
        decision, ops.CREDIT_RECEIPT, payload, op_id="op", at="2026-11-20T02:00:00Z", day="2026-11-20", desk_name="D"
    )
    assert plan.member_changes == {
        "tier": "silver",
        "tier_since": "2026-11-20",
        "marketing_consent": '{"accepted":true,"at":"x"}',
    }
    assert plan.receipt is not None and (plan.receipt.amount_fen, plan.receipt.purchase_date) == (12_000, "2026-11-19")
    assert [(x.kind, x.delta, x.spend_fen) for x in plan.ledger] == [("receipt", 120, 12_000)]
    assert plan.reverses is None and plan.slip is None and plan.new_member is None


def test_an_operation_the_server_rejected_cannot_be_reversed_on_either_side(
    store, services, engine, desk_server, desk, manager, make_terminal
):
    member = enroll(services, desk, phone="13922220031").member_no
    engine.sync_once()
    other = make_terminal(desk_server, 8)
    other.sync()
    other.services.credit_receipt(other.desk, member, "B101", "DUP-31", 20_000, "2026-11-19")
    other.sync()
    # This desk has not pulled that: it credits the same receipt and, still offline of the answer, reverses it.
    mine = services.credit_receipt(desk, member, "B101", "DUP-31", 20_000, "2026-11-19")
    undo = services.reverse(manager, mine.op_id, "wrong member", pin="1234")
    engine.sync_once()
    engine.sync_once()
    outcomes = {r[0]: (r[1], r[2]) for r in desk_server.rows("SELECT op_id, status, code FROM ops")}
    assert outcomes[mine.op_id] == ("rejected", "receipt_already_credited")
    assert outcomes[undo.op_id] == ("rejected", "op_unknown")  # the server: nothing of it stands
    original = StoreReader(store).original_operation(mine.op_id)
    assert original is not None and not original.applied
    # The desk now knows it was rejected: reversing it again is refused the same way, and writes nothing.
    before = store.scalar("SELECT count(*) FROM oplog")
    with pytest.raises(Refused) as refused:
        services.reverse(manager, mine.op_id, "wrong member", pin="1234")
    assert refused.value.code == "op_unknown"
    assert store.scalar("SELECT count(*) FROM oplog") == before
    engine.sync_once()
    assert terminal_state(store) == server_state(desk_server)


def test_a_pending_operation_is_reversed_at_the_desk_and_the_server_agrees(
    store, services, engine, desk_server, desk, cashier, manager
):
    member = enroll(services, desk, phone="13922220032").member_no
    earned = services.earn(cashier, member, 30_000)
    assert StoreReader(store).original_operation(earned.op_id).applied  # not yet answered: it stands
    undo = services.reverse(manager, earned.op_id, "wrong amount", pin="1234")
    assert undo.receipt.points_delta == -earned.receipt.points_delta
    engine.sync_once()
    outcomes = {r[0]: r[1] for r in desk_server.rows("SELECT op_id, status FROM ops")}
    assert outcomes[earned.op_id] == outcomes[undo.op_id] == "applied"
    assert terminal_state(store) == server_state(desk_server)
