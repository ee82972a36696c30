"""The data of the daily report and the shift handover: plain rows the terminal or the server assembles.

Lives in the domain so that ``sync`` (which reads the store) and ``printing`` (which lays it out) share it
without importing each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .decisions import cash_offset_value
from .i18n import Message, Text

# Redemption rows that hand out no item from the desk's stock.
NOT_ITEMS = ("cash_offset", "donation")


def redeemed_name(rules: Any, master: Any, kind: str, code: str) -> Text | str:
    """The name a redemption row prints: the gift's, or the charity campaign's (its code once the rules
    no longer name it); none for cash offset, which prints a label. The desks' and the server's reports
    both name their rows with this."""
    if kind == "cash_offset":
        return ""
    if kind == "donation":
        campaign = rules.donation_campaign(code)
        return campaign.name if campaign else code
    item = master.catalogue.get(code)
    return item.name if item else code


@dataclass(frozen=True)
class EnrollmentRow:
    staff_no: str
    staff_name: str
    channel: str  # membership.operations.CHANNELS: desk | checkout | paper
    count: int


@dataclass(frozen=True)
class EarnRow:
    source: str  # ledger kind: earn (checkout purchase) | receipt | welcome | referral | adjust | ...
    operations: int
    points: int
    spend_fen: int = 0


@dataclass(frozen=True)
class RedeemRow:
    kind: str  # gift | parking | ticket | coupon (catalogue kinds) | cash_offset | donation
    item_code: str  # catalogue code; "" for cash offset; the campaign code for a donation
    name: Text | str  # the item's (or campaign's) name; for cash offset anything (a label is printed instead)
    quantity: int  # items handed out; for cash offset and donation the number of operations
    points: int
    value_fen: int = 0  # cash offset: the money the points paid


@dataclass(frozen=True)
class CouponRow:
    definition: str  # coupon definition code, e.g. RED20
    name: Text | str
    count: int
    value_fen: int  # total face value of the coupons verified


@dataclass(frozen=True)
class BenefitRow:
    benefit: str  # membership.operations.BENEFITS: birthday | parking | member_day
    count: int


@dataclass(frozen=True)
class ReversalRow:
    at_local: str
    op_ref: str
    original_kind: str  # kind of the reversed operation
    original_ref: str
    member_no: str | None
    points: int  # signed change to the member's points (usually negative)
    staff_no: str
    reason: str | Message
    approved_by: str = ""


@dataclass(frozen=True)
class AdjustmentRow:
    at_local: str
    op_ref: str
    member_no: str
    points: int  # signed
    staff_no: str
    reason: str | Message
    approved_by: str = ""


@dataclass(frozen=True)
class PaperSlipRow:
    serial: str
    slip_type: str  # enroll | receipt | gift | benefit (membership.codes.SLIP_TYPES)
    written_at: str  # the time written on the slip
    keyed_at: str
    keyed_by: str
    op_ref: str


@dataclass(frozen=True)
class ExceptionRow:
    opened_at: str
    terminal: str
    reference: str  # op ref, receipt number, coupon code: what the manager looks up
    description: str | Message
    resolved: bool
    resolved_by: str = ""
    decision: str | Message = ""


@dataclass(frozen=True)
class StockRow:
    item_code: str
    name: Text | str
    opening: int
    issued: int  # handed out (redemptions)
    returned: int = 0  # back in stock by reversals
    received: int = 0  # deliveries and transfers in

    @property
    def closing(self) -> int:
        return self.opening - self.issued + self.returned + self.received


@dataclass(frozen=True)
class ActivityFigures:
    """Everything that happened in a period (a business day, or one staff member's shift)."""

    enrollments: tuple[EnrollmentRow, ...] = ()
    earned: tuple[EarnRow, ...] = ()
    redeemed: tuple[RedeemRow, ...] = ()
    coupons: tuple[CouponRow, ...] = ()
    benefits: tuple[BenefitRow, ...] = ()
    reversals: tuple[ReversalRow, ...] = ()
    adjustments: tuple[AdjustmentRow, ...] = ()
    paper_slips: tuple[PaperSlipRow, ...] = ()
    outstanding_slips: tuple[str, ...] = ()  # serials issued in outage kits and not keyed in yet
    exceptions: tuple[ExceptionRow, ...] = ()
    stock: tuple[StockRow, ...] = ()
    operations_by_hour: tuple[int, ...] = ()  # 24 counts, index = local hour of day (0-23)

    @property
    def enrollments_total(self) -> int:
        return sum(r.count for r in self.enrollments)

    @property
    def points_earned(self) -> int:
        return sum(r.points for r in self.earned)

    @property
    def points_redeemed(self) -> int:
        return sum(r.points for r in self.redeemed)

    @property
    def cash_offset_fen(self) -> int:
        return sum(r.value_fen for r in self.redeemed if r.kind == "cash_offset")

    @property
    def items_handed_out(self) -> int:
        return sum(r.quantity for r in self.redeemed if r.kind not in NOT_ITEMS)

    @property
    def points_donated(self) -> int:
        return sum(r.points for r in self.redeemed if r.kind == "donation")

    @property
    def coupons_verified(self) -> int:
        return sum(r.count for r in self.coupons)

    @property
    def coupons_value_fen(self) -> int:
        return sum(r.value_fen for r in self.coupons)

    @property
    def benefits_claimed(self) -> int:
        return sum(r.count for r in self.benefits)

    @property
    def reversal_points(self) -> int:
        return sum(r.points for r in self.reversals)

    @property
    def adjustment_points(self) -> int:
        return sum(r.points for r in self.adjustments)

    @property
    def exceptions_open(self) -> int:
        return sum(1 for r in self.exceptions if not r.resolved)

    @property
    def operations(self) -> int:
        return sum(self.operations_by_hour)


@dataclass(frozen=True)
class TerminalSync:
    """Whether one terminal's operations of the period are all on the server.

    ``synced`` is decided by the caller: True when every operation the terminal made in the period
    has been acknowledged by the server. ``pending`` is the count still waiting, when known (a
    terminal's own figure; the server can only say when it last heard from it).
    """

    code: int
    name: str
    synced: bool
    last_sync_local: str | None = None
    pending: int | None = None


@dataclass(frozen=True)
class DailyReportData:
    mall_name: Text
    scope: str  # "一楼中庭服务台" for one desk, the mall's name for the whole store
    business_day: str
    generated_at_local: str
    prepared_by: str
    figures: ActivityFigures
    terminals: tuple[TerminalSync, ...] = ()
    rules_version: str = ""

    @property
    def unsynced(self) -> tuple[TerminalSync, ...]:
        return tuple(t for t in self.terminals if not t.synced)

    @property
    def complete(self) -> bool:
        return not self.unsynced


@dataclass(frozen=True)
class StockCount:
    item_code: str
    name: Text | str
    expected: int
    counted: int

    @property
    def difference(self) -> int:
        return self.counted - self.expected


@dataclass(frozen=True)
class ShiftHandoverData:
    mall_name: Text
    desk_name: str
    terminal_code: int
    business_day: str
    staff_no: str
    staff_name: str
    shift_start_local: str
    shift_end_local: str
    generated_at_local: str
    figures: ActivityFigures
    stock_counts: tuple[StockCount, ...] = ()
    handed_to: str = ""  # staff taking over, when known
    terminals: tuple[TerminalSync, ...] = field(default=())

    @property
    def unsynced(self) -> tuple[TerminalSync, ...]:
        return tuple(t for t in self.terminals if not t.synced)

    @property
    def stock_differences(self) -> tuple[StockCount, ...]:
        return tuple(c for c in self.stock_counts if c.difference)


# -- the member annual statement ------------------------------------------------------------------


@dataclass(frozen=True)
class MonthFigures:
    month: int  # 1-12
    earned: int
    redeemed: int  # positive
    spend_fen: int = 0


@dataclass(frozen=True)
class BenefitUse:
    benefit: str  # birthday | parking | member_day | lounge | event, or any code (printed as is)
    count: int
    detail: Text | str = ""  # e.g. "42 hours in total"


@dataclass(frozen=True)
class RedemptionUse:
    name: Text | str
    quantity: int
    points: int


@dataclass(frozen=True)
class StatementData:
    """A member's year. Points balance: opening + earned − redeemed − expired + adjusted = closing."""

    mall_name: Text
    year: int
    generated_on: str
    member_no: str
    member_name_masked: str
    phone_masked: str
    tier_name: Text
    member_since: str
    points_opening: int
    points_earned: int
    points_redeemed: int  # positive
    points_expired: int  # positive
    points_adjusted: int  # signed: manual adjustments and reversals together
    points_closing: int
    spend_fen: int  # qualifying spend in the year
    purchases: int = 0
    discount_fen: int = 0  # tier discounts at checkout
    cash_offset_fen: int = 0  # money paid with points
    coupon_fen: int = 0  # face value of coupons used
    months: tuple[MonthFigures, ...] = ()
    benefits: tuple[BenefitUse, ...] = ()
    redemptions: tuple[RedemptionUse, ...] = ()
    expiring_points: int = 0
    expiring_on: str | None = None
    next_tier_name: Text | None = None
    spend_to_next_tier_fen: int = 0
    rules_location: Text | None = None

    def __post_init__(self) -> None:
        # A statement that does not add up must never reach a member: it is a bug upstream.
        expected = (
            self.points_opening + self.points_earned - self.points_redeemed - self.points_expired + self.points_adjusted
        )
        if expected != self.points_closing:
            raise ValueError(
                f"statement for {self.member_no} does not balance: {self.points_opening} + {self.points_earned} "
                f"- {self.points_redeemed} - {self.points_expired} + {self.points_adjusted} = {expected}, "
                f"not {self.points_closing}"
            )

    @property
    def saved_fen(self) -> int:
        return self.discount_fen + self.cash_offset_fen + self.coupon_fen


class ActivityTally:
    """Counts one period's operations into the report's sections: the one rule the desks' reports and the
    server's (the console's daily report) both follow, so the two cannot count an operation differently.

    The caller reads the operations in its own SQL and adds them in order; what only the caller can look
    up is asked through two functions: a coupon code's definition, and a reversed operation's kind and
    business reference.
    """

    def __init__(
        self,
        rules: Any,
        master: Any,
        coupon_definition: Callable[[str], str],
        original: Callable[[str], tuple[str, str] | None],
    ):
        self.rules, self.master = rules, master
        self._coupon_definition, self._original = coupon_definition, original
        self.enrollments: dict[tuple[str, str], int] = defaultdict(int)
        self.redeemed: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
        self.coupons: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.benefits: dict[str, int] = defaultdict(int)
        self.reversals: list[ReversalRow] = []
        self.adjustments: list[AdjustmentRow] = []
        self.by_hour = [0] * 24

    def add(
        self,
        kind: str,
        payload: dict[str, Any],
        points: int,
        local: datetime,
        ref: str,
        staff_no: str,
        member_no: str | None,
    ) -> None:
        """One operation: ``points`` is its signed change to the member's points (expiry not counted),
        ``local`` its time in the mall's time zone, ``ref`` its business reference."""
        self.by_hour[local.hour] += 1
        points = int(points)
        if kind == "enroll":
            self.enrollments[(staff_no, payload.get("channel", "desk"))] += 1
        elif kind == "redeem_gift":
            item = self.master.catalogue.get(payload["item_code"])
            entry = self.redeemed[(item.kind if item else "gift", payload["item_code"])]
            entry[0] += int(payload["quantity"])
            entry[1] += -points
        elif kind == "redeem_cash_offset":
            entry = self.redeemed[("cash_offset", "")]
            entry[0] += 1
            entry[1] += -points
            entry[2] += cash_offset_value(int(payload["points"]), self.rules)
        elif kind == "donate_points":  # points given to a charity campaign
            entry = self.redeemed[("donation", payload["campaign_code"])]
            entry[0] += 1
            entry[1] += -points
        elif kind == "verify_coupon":
            definition = self._coupon_definition(payload["code"])
            self.coupons[definition][0] += 1
            coupon = self.master.coupons.get(definition)
            self.coupons[definition][1] += coupon.value_fen if coupon else 0
        elif kind == "claim_benefit":
            self.benefits[payload["benefit"]] += 1
        elif kind == "reverse":
            original_kind, original_ref = self._original(payload["target_op_id"]) or ("", "")
            self.reversals.append(
                ReversalRow(
                    local.strftime("%H:%M"),
                    ref,
                    original_kind,
                    original_ref,
                    member_no,
                    points,
                    staff_no,
                    payload.get("reason", ""),
                )
            )
        elif kind == "adjust":
            self.adjustments.append(
                AdjustmentRow(
                    local.strftime("%H:%M"), ref, payload["member_no"], points, staff_no, payload.get("reason", "")
                )
            )

    def figures(self, staff_names: dict[str, str], **rest: Any) -> ActivityFigures:
        """The counted sections, with the rest (earned, stock, slips, exceptions) as the caller read them."""
        rules, master = self.rules, self.master
        return ActivityFigures(
            enrollments=tuple(
                EnrollmentRow(s, staff_names.get(s, s), ch, n) for (s, ch), n in sorted(self.enrollments.items())
            ),
            redeemed=tuple(
                RedeemRow(kind, code, redeemed_name(rules, master, kind, code), q, p, v)
                for (kind, code), (q, p, v) in sorted(
                    self.redeemed.items(),
                    key=lambda kv: (kv[0][0] == "cash_offset", kv[0][0] == "donation", kv[0][1]),
                )
            ),
            coupons=tuple(
                CouponRow(d, master.coupons[d].name if d in master.coupons else d, n, v)
                for d, (n, v) in sorted(self.coupons.items())
            ),
            benefits=tuple(BenefitRow(b, n) for b, n in sorted(self.benefits.items())),
            reversals=tuple(self.reversals),
            adjustments=tuple(self.adjustments),
            operations_by_hour=tuple(self.by_hour),
            **rest,
        )
