"""Writes a :class:`~membership.write_plan.WritePlan` into the server's tables (SQLAlchemy Core).

The plan says what an operation writes; this module only says how, in the server's SQL. The terminal's
twin is ``sync.services.executor``. Besides the plan the server keeps its own bookkeeping: the tier
history the console shows, and which desk a stock move belongs to (stock is kept per terminal here).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text

from membership.write_plan import LedgerRow, WritePlan

from .db import raw

_LEDGER_INSERT = (
    "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) "
    "VALUES (:m, :o, :k, :d, :y, :s, :b, :a)"
)
_MEMBER_INSERT = (
    "INSERT INTO members (member_no, name, phone, birthday, gender, tier, tier_since, enrolled_at, enrolled_day, "
    "channel, referrer_no, privacy_consent, marketing_consent, status, alias_of, updated_at) VALUES (:member_no, "
    ":name, :phone, :birthday, :gender, :tier, :tier_since, :enrolled_at, :enrolled_day, :channel, :referrer_no, "
    ":privacy_consent, :marketing_consent, :status, :alias_of, :updated_at)"
)


def insert_member(conn: Connection, row: dict[str, Any]) -> None:
    """A members row (``alias_of`` set for an enrollment merged into an earlier member)."""
    conn.execute(text(_MEMBER_INSERT), {"alias_of": None, **row})


def insert_ledger(conn: Connection, op_id: str, lines: list[tuple[LedgerRow, str]], at: str) -> None:
    """Ledger lines of ``op_id``, each with its business day."""
    if lines:
        raw(conn).executemany(
            _LEDGER_INSERT,
            [
                {"m": x.member_no, "o": op_id, "k": x.kind, "d": x.delta, "y": x.lot_year, "s": x.spend_fen}
                | {"b": day, "a": at}
                for x, day in lines
            ],
        )


def _record_tier_change(conn: Connection, plan: WritePlan, terminal_id: str) -> None:
    """Keep the member's tier history (the console shows it): every change, whichever operation made it."""
    to_tier = plan.new_tier
    before = conn.execute(text("SELECT tier FROM members WHERE member_no = :m"), {"m": plan.member_no}).scalar()
    if before is None or before == to_tier:
        return
    conn.execute(
        text(
            "INSERT INTO tier_changes (member_no, op_id, kind, from_tier, to_tier, terminal_id, business_day, "
            "created_at) VALUES (:m, :o, :k, :f, :t, :term, :d, :a)"
        ),
        {
            "m": plan.member_no,
            "o": plan.op_id,
            "k": plan.kind,
            "f": before,
            "t": to_tier,
            "term": terminal_id,
            "d": plan.day,
            "a": plan.at,
        },
    )


def execute(conn: Connection, plan: WritePlan, terminal_id: str) -> dict[str, list[list[Any]]]:
    """Write ``plan`` for an operation from ``terminal_id``; returns its lines, moves and claims as the
    change feed carries them (terminals copy them from there).

    The plan's paper slip is not written here: the server claims a slip serial when the operation
    arrives (``server.merges.claim_slip``), before deciding, so that a second keying-in of one slip is refused.
    """
    op_id, at, day = plan.op_id, plan.at, plan.day
    if plan.new_member is not None:
        insert_member(conn, plan.new_member)
    if plan.member_changes:
        if plan.new_tier is not None:
            _record_tier_change(conn, plan, terminal_id)
        sets = ", ".join(f"{name} = :c_{name}" for name in plan.member_changes)
        conn.execute(
            text(f"UPDATE members SET {sets}, updated_at = :at WHERE member_no = :m"),
            {**{f"c_{k}": v for k, v in plan.member_changes.items()}, "at": at, "m": plan.member_no},
        )
    insert_ledger(conn, op_id, [(x, day) for x in plan.ledger], at)
    for move in plan.stock:
        conn.execute(
            text(
                "INSERT INTO stock (terminal_id, item_code, quantity) VALUES (:t, :i, :q) "
                "ON CONFLICT (terminal_id, item_code) DO UPDATE SET quantity = stock.quantity + excluded.quantity"
            ),
            {"t": terminal_id, "i": move.item_code, "q": move.delta},
        )
        conn.execute(
            text(
                "INSERT INTO stock_moves (terminal_id, op_id, item_code, delta, business_day, created_at) "
                "VALUES (:t, :o, :i, :d, :b, :a)"
            ),
            {"t": terminal_id, "o": op_id, "i": move.item_code, "d": move.delta, "b": day, "a": at},
        )
    for claim in plan.claims:
        conn.execute(
            text(
                "INSERT INTO benefit_claims (member_no, benefit, period, detail, op_id, status, business_day, created_at) "
                "VALUES (:m, :b, :p, :d, :o, 'claimed', :day, :a)"
            ),
            {"m": claim.member_no, "b": claim.benefit, "p": claim.period, "d": claim.detail, "o": op_id}
            | {"day": day, "a": at},
        )
    for release in plan.claims_released:
        conn.execute(
            text(
                "UPDATE benefit_claims SET status = 'reversed' WHERE member_no = :m AND benefit = :b "
                "AND period = :p AND status = 'claimed'"
            ),
            {"m": release.member_no, "b": release.benefit, "p": release.period},
        )
    for c in plan.coupons_issued:
        conn.execute(
            text(
                "INSERT INTO coupons (code, definition, member_no, status, valid_from, valid_to, issued_op, updated_at) "
                "VALUES (:c, :d, :m, 'issued', :f, :t, :o, :a)"
            ),
            {"c": c.code, "d": c.definition, "m": c.member_no, "f": c.valid_from, "t": c.valid_to, "o": op_id, "a": at},
        )
    for code in plan.coupons_voided:
        conn.execute(text("UPDATE coupons SET status = 'void', updated_at = :a WHERE code = :c"), {"a": at, "c": code})
    if plan.coupon_used:
        conn.execute(
            text(
                "UPDATE coupons SET status = 'used', used_op = :o, used_at = :u, used_where = :w, updated_at = :a "
                "WHERE code = :c AND status = 'issued'"
            ),
            {"o": op_id, "u": at, "w": plan.desk_name, "a": at, "c": plan.coupon_used},
        )
    if plan.coupon_released:
        conn.execute(
            text(
                "UPDATE coupons SET status = 'issued', used_op = NULL, used_at = NULL, used_where = NULL, "
                "updated_at = :a WHERE code = :c"
            ),
            {"a": at, "c": plan.coupon_released},
        )
    if plan.receipt is not None:
        r = plan.receipt
        conn.execute(
            text(
                "INSERT INTO receipts (tenant_code, receipt_no, member_no, amount_fen, purchase_date, op_id, "
                "terminal_name, business_day, credited_at) VALUES (:t, :r, :m, :amt, :pd, :o, :n, :b, :a)"
            ),
            {"t": r.tenant_code, "r": r.receipt_no, "m": r.member_no, "amt": r.amount_fen, "pd": r.purchase_date}
            | {"o": op_id, "n": plan.desk_name, "b": day, "a": at},
        )
    if plan.reverses:
        conn.execute(text("UPDATE ops SET reversed_by = :o WHERE op_id = :t"), {"o": op_id, "t": plan.reverses})
    return {
        "lines": [[x.member_no, x.kind, x.delta, x.lot_year, x.spend_fen, day] for x in plan.ledger],
        "moves": [[terminal_id, m.item_code, m.delta] for m in plan.stock],
        "claims": [[c.benefit, c.period] for c in plan.claims],
    }
