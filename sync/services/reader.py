"""The terminal store's answers to :class:`membership.state_reader.StateReader`, for the desk's decisions.

Most answers are the store's own reads (``sync.store``); this adapter adds what the shared interface
asks that the store does not say by itself: whether one of this desk's operations stands (the server
may have rejected it) and the reference its receipt printed, and a manager approval the desk checked.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from membership import codes
from membership.decisions import CouponRecord, MemberState, OriginalOperation, ReceiptRecord
from membership.rules import Rules
from membership.state_reader import coupon_from_row, receipt_from_row

from ..store import Store


class StoreReader:
    """Reads the desk's decisions need, from the terminal's store, inside the action's transaction."""

    def __init__(self, store: Store):
        self.store = store

    def resolve_alias(self, member_no: str | None) -> str | None:
        # The server merges enrollments; a desk decides on the number it was given (the server re-points).
        return member_no

    def member_state(self, member_no: str, today: date, rules: Rules) -> MemberState | None:
        return self.store.member_state(member_no, today, rules)

    def coupon_record(self, code: str) -> CouponRecord | None:
        row = self.store.query_one("SELECT * FROM coupons WHERE code = ?", (code,))
        return None if row is None else coupon_from_row(row)

    def receipt_record(self, tenant_code: str, receipt_no: str) -> ReceiptRecord | None:
        row = self.store.query_one(
            "SELECT * FROM receipts WHERE tenant_code = ? AND receipt_no = ?", (tenant_code, receipt_no)
        )
        return None if row is None else receipt_from_row(row)

    def stock_level(self, item_code: str) -> int:
        return self.store.stock_level(item_code)

    def approver_is_manager(self, staff_no: str | None, at: datetime) -> bool:
        # The desk puts an approver in the payload only after the manager's PIN was checked here.
        return bool(staff_no)

    def original_operation(self, op_id: str) -> OriginalOperation | None:
        """What ``op_id`` wrote; one of this desk's the server rejected does not stand (``applied`` False).

        Another desk's operation is known here only once the server applied it (``remote_ops``).
        """
        original = self.store.original_operation(op_id)
        if original is None:
            return None
        own = self.store.query_one("SELECT epoch, seq, status FROM oplog WHERE op_id = ?", (op_id,))
        if own is None:
            return original
        # The reversal receipt names what it reverses by the reference printed on that receipt.
        reference = codes.op_ref(self.store.terminal().terminal_code, own["epoch"], own["seq"])
        return dataclasses.replace(original, reference=reference, applied=own["status"] != "rejected")
