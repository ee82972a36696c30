"""Writes a :class:`~membership.write_plan.WritePlan` into the terminal's SQLite store.

The plan says what an operation writes; this module only says how, in the store's SQL. The server's
twin is ``server.executor``. A uniqueness the store enforces (phone, paper-slip serial) turns into the
refusal the desk shows.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlcipher3 import dbapi2 as sqlite3

from membership.decisions import Refused
from membership.write_plan import WritePlan


def execute(
    conn: sqlite3.Connection,
    plan: WritePlan,
    staff_no: str,
    *,
    phone_taken: Callable[[str], Refused],
    slip_keyed: Callable[[str], Refused],
) -> None:
    """Write ``plan`` (an operation made by ``staff_no`` at this desk) in the open transaction.

    ``phone_taken(phone)`` and ``slip_keyed(serial)`` make the refusals for a phone another member has
    and a slip already keyed in, which the store's unique indexes catch.
    """
    op_id, at, day = plan.op_id, plan.at, plan.day
    if plan.new_member is not None:
        m = plan.new_member
        try:
            conn.execute(
                "INSERT INTO members (member_no, name, phone, birthday, gender, tier, tier_since, enrolled_at, "
                "enrolled_day, channel, referrer_no, privacy_consent, marketing_consent, status, updated_at) "
                "VALUES (:member_no, :name, :phone, :birthday, :gender, :tier, :tier_since, :enrolled_at, "
                ":enrolled_day, :channel, :referrer_no, :privacy_consent, :marketing_consent, :status, :updated_at)",
                m,
            )
        except sqlite3.IntegrityError:
            raise phone_taken(m["phone"]) from None
    if plan.member_changes:
        changes = plan.member_changes
        columns = ", ".join(f"{name} = ?" for name in changes)
        try:
            conn.execute(
                f"UPDATE members SET {columns}, updated_at = ? WHERE member_no = ?",
                (*changes.values(), at, plan.member_no),
            )
        except sqlite3.IntegrityError:
            raise phone_taken(changes.get("phone", "")) from None
    conn.executemany(
        "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(x.member_no, op_id, x.kind, x.delta, x.lot_year, x.spend_fen, day, at) for x in plan.ledger],
    )
    for move in plan.stock:
        conn.execute(
            "INSERT INTO stock (item_code, quantity) VALUES (?, ?) "
            "ON CONFLICT (item_code) DO UPDATE SET quantity = quantity + excluded.quantity",
            (move.item_code, move.delta),
        )
        conn.execute(
            "INSERT INTO stock_moves (op_id, item_code, delta, business_day, created_at) VALUES (?, ?, ?, ?, ?)",
            (op_id, move.item_code, move.delta, day, at),
        )
    for claim in plan.claims:
        conn.execute(
            "INSERT INTO benefit_claims (member_no, benefit, period, detail, op_id, business_day, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (claim.member_no, claim.benefit, claim.period, claim.detail, op_id, day, at),
        )
    for release in plan.claims_released:
        conn.execute(
            "UPDATE benefit_claims SET status = 'reversed' WHERE member_no = ? AND benefit = ? "
            "AND period = ? AND status = 'claimed'",
            (release.member_no, release.benefit, release.period),
        )
    for c in plan.coupons_issued:
        conn.execute(
            "INSERT INTO coupons (code, definition, member_no, status, valid_from, valid_to, issued_op, updated_at) "
            "VALUES (?, ?, ?, 'issued', ?, ?, ?, ?)",
            (c.code, c.definition, c.member_no, c.valid_from, c.valid_to, op_id, at),
        )
    for code in plan.coupons_voided:
        conn.execute("UPDATE coupons SET status = 'void', updated_at = ? WHERE code = ?", (at, code))
    if plan.coupon_used:
        conn.execute(
            "UPDATE coupons SET status = 'used', used_op = ?, used_at = ?, used_where = ?, updated_at = ? "
            "WHERE code = ? AND status = 'issued'",
            (op_id, at, plan.desk_name, at, plan.coupon_used),
        )
    if plan.coupon_released:
        conn.execute(
            "UPDATE coupons SET status = 'issued', used_op = NULL, used_at = NULL, used_where = NULL, "
            "updated_at = ? WHERE code = ?",
            (at, plan.coupon_released),
        )
    if plan.receipt is not None:
        r = plan.receipt
        conn.execute(
            "INSERT INTO receipts (tenant_code, receipt_no, member_no, amount_fen, purchase_date, op_id, "
            "terminal_name, business_day, credited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (r.tenant_code, r.receipt_no, r.member_no, r.amount_fen, r.purchase_date, op_id, plan.desk_name, day, at),
        )
    if plan.reverses:
        # The target may be this desk's own operation or another desk's, as pulled.
        conn.execute("UPDATE oplog SET reversed_by = ? WHERE op_id = ?", (op_id, plan.reverses))
        conn.execute("UPDATE remote_ops SET reversed_by = ? WHERE op_id = ?", (op_id, plan.reverses))
    if plan.slip is not None:
        s = plan.slip
        try:
            conn.execute(
                "INSERT INTO paper_slips (serial, slip_type, op_id, written_at, written_by, keyed_at, keyed_by, "
                "confirmed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (s.serial, s.slip_type, op_id, at, s.written_by, s.keyed_at, staff_no, s.confirmed_by),
            )
        except sqlite3.IntegrityError:
            raise slip_keyed(s.serial) from None
