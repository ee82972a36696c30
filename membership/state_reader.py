"""The questions a decision asks about stored state: one interface the terminal store and the server answer.

:mod:`membership.dispatch` reads everything an operation's decision needs through a :class:`StateReader`;
``sync.services.reader`` answers from the terminal's SQLite store and ``server.state.ServerReader`` from the
server's database. Neither side decides what to read: the dispatch table asks, each side only looks up.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Protocol

from .decisions import CouponRecord, MemberState, OriginalOperation, ReceiptRecord
from .rules import Rules


class StateReader(Protocol):
    """Read-only access to the state an operation is decided on, inside the transaction that writes it."""

    def resolve_alias(self, member_no: str | None) -> str | None:
        """The member a merged alias now stands for (following the chain), or ``member_no`` itself."""
        ...

    def member_state(self, member_no: str, today: date, rules: Rules) -> MemberState | None:
        """The member's derived state as of business day ``today``; None for a member not known here."""
        ...

    def coupon_record(self, code: str) -> CouponRecord | None: ...

    def receipt_record(self, tenant_code: str, receipt_no: str) -> ReceiptRecord | None:
        """The credit already recorded for this tenant's receipt number, if any."""
        ...

    def original_operation(self, op_id: str) -> OriginalOperation | None:
        """What an earlier operation wrote, with whether it stands (``applied``); None if not known here."""
        ...

    def stock_level(self, item_code: str) -> int:
        """Gifts of ``item_code`` left at the desk the operation was made at."""
        ...

    def approver_is_manager(self, staff_no: str | None, at: datetime) -> bool:
        """Whether ``staff_no`` (who approved the operation) was an active manager at ``at``."""
        ...


# -- stored rows as the records decisions take (the row shapes of membership.tables) ------------------------


def coupon_from_row(row: Mapping[str, Any]) -> CouponRecord:
    """A ``coupons`` row (terminal or server) as the record a coupon decision takes."""
    return CouponRecord(
        code=row["code"],
        definition=row["definition"],
        member_no=row["member_no"],
        status=row["status"],
        valid_from=date.fromisoformat(row["valid_from"]),
        valid_to=date.fromisoformat(row["valid_to"]),
        used_at=row["used_at"],
        used_where=row["used_where"],
    )


def receipt_from_row(row: Mapping[str, Any]) -> ReceiptRecord:
    """A ``receipts`` row (terminal or server) as the record of a receipt already credited."""
    return ReceiptRecord(
        row["tenant_code"], row["receipt_no"], row["member_no"], row["credited_at"], row["terminal_name"]
    )
