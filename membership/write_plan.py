"""What an accepted operation writes, as plain data: the one description both sides execute.

:func:`plan_writes` turns a :class:`~membership.decisions.Decision` (what the rules decided) into a
:class:`WritePlan`: the rows to insert and the row states to change, with every column value the two
stores share already worked out (business day, timestamps, consent JSON, ``tier_since``). The
terminal (``sync.services.executor``) and the server (``server.executor``) each execute a plan in
their own SQL, in the order the fields are listed here, and add nothing to what it says except their
own bookkeeping (the server's tier history, which desk a stock move belongs to).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import codes
from . import operations as ops
from .decisions import Decision


@dataclass(frozen=True)
class LedgerRow:
    member_no: str
    kind: str
    delta: int
    lot_year: int
    spend_fen: int


@dataclass(frozen=True)
class StockMove:
    item_code: str
    delta: int


@dataclass(frozen=True)
class ClaimRow:
    member_no: str | None
    benefit: str
    period: str
    detail: str


@dataclass(frozen=True)
class ClaimRelease:
    member_no: str | None
    benefit: str
    period: str


@dataclass(frozen=True)
class CouponIssue:
    code: str
    definition: str
    member_no: str
    valid_from: str
    valid_to: str


@dataclass(frozen=True)
class ReceiptRow:
    tenant_code: str
    receipt_no: str
    member_no: str | None
    amount_fen: int
    purchase_date: str


@dataclass(frozen=True)
class SlipRow:
    """A keyed-in paper slip: its serial is used once in the whole mall."""

    serial: str
    slip_type: str
    written_by: str
    keyed_at: str
    confirmed_by: str | None


@dataclass(frozen=True)
class WritePlan:
    """Everything one operation writes, in execution order. ``at`` is UTC text, ``day`` the business day."""

    op_id: str
    kind: str
    at: str
    day: str
    desk_name: str  # where a coupon was used and a receipt credited, as people read it
    new_member: dict[str, Any] | None = None  # a members row (every column but card_no and alias_of)
    member_no: str | None = None  # the member the changes below are made to
    member_changes: dict[str, Any] | None = None  # column → new value (tier_since included with tier)
    ledger: tuple[LedgerRow, ...] = ()
    stock: tuple[StockMove, ...] = ()
    claims: tuple[ClaimRow, ...] = ()
    claims_released: tuple[ClaimRelease, ...] = ()
    coupons_issued: tuple[CouponIssue, ...] = ()
    coupons_voided: tuple[str, ...] = ()
    coupon_used: str | None = None
    coupon_released: str | None = None
    receipt: ReceiptRow | None = None
    reverses: str | None = None  # the op id this operation reverses (marked reversed_by)
    slip: SlipRow | None = None

    @property
    def new_tier(self) -> str | None:
        return (self.member_changes or {}).get("tier")


def _member_columns(values: dict[str, Any]) -> dict[str, Any]:
    """Member values as stored: consent records as canonical JSON."""
    out = dict(values)
    for key in ("privacy_consent", "marketing_consent"):
        if key in out:
            out[key] = ops.canonical_json(out[key])
    return out


def plan_writes(
    decision: Decision, kind: str, payload: dict[str, Any], *, op_id: str, at: str, day: str, desk_name: str
) -> WritePlan:
    """The rows ``decision`` (of an operation ``kind`` with ``payload``) writes."""
    d = decision
    new_member = None
    if d.new_member is not None:
        new_member = {
            **_member_columns(d.new_member),
            "tier_since": day,
            "enrolled_at": at,
            "enrolled_day": day,
            "status": "active",
            "updated_at": at,
        }
    changes = None
    if d.member_changes and d.member_no:
        changes = _member_columns(d.member_changes)
        if "tier" in changes:
            changes["tier_since"] = day
    slip = None
    if payload.get("slip_serial"):
        slip = SlipRow(
            payload["slip_serial"],
            codes.parse_slip_serial(payload["slip_serial"])[0],
            payload["written_by"],
            payload["keyed_at"],
            payload["confirmed_by"],
        )
    return WritePlan(
        op_id=op_id,
        kind=kind,
        at=at,
        day=day,
        desk_name=desk_name,
        new_member=new_member,
        member_no=d.member_no,
        member_changes=changes,
        ledger=tuple(LedgerRow(x.member_no, x.kind, x.delta, x.lot_year, x.spend_fen) for x in d.ledger),
        stock=tuple(StockMove(item, delta) for item, delta in d.stock),
        claims=tuple(ClaimRow(d.member_no, b, p, detail) for b, p, detail in d.claims),
        claims_released=tuple(ClaimRelease(d.member_no, b, p) for b, p in d.claims_released),
        coupons_issued=tuple(
            CouponIssue(c.code, c.definition, c.member_no, c.valid_from.isoformat(), c.valid_to.isoformat())
            for c in d.coupons_issued
        ),
        coupons_voided=tuple(d.coupons_voided),
        coupon_used=d.coupon_used,
        coupon_released=d.coupon_released,
        receipt=(
            ReceiptRow(d.receipt[0], d.receipt[1], d.member_no, payload["amount_fen"], payload["purchase_date"])
            if d.receipt
            else None
        ),
        reverses=payload["target_op_id"] if kind == ops.REVERSE else None,
        slip=slip,
    )
