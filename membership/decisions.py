"""Decisions as pure functions: member state + operation + rules + time → what to write, or a refusal.

The same functions decide on the terminal (provisionally) and on the server (authoritatively). They
read no clock and touch no storage: the caller passes the state it read and writes what comes back.
A refusal is raised as :class:`Refused`, carrying a translatable reason a person can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fractions import Fraction
from functools import cached_property
from typing import Any

from . import ledger
from . import operations as ops
from .i18n import QT_TRANSLATE_NOOP, Message
from .ledger import LedgerLine
from .masterdata import MasterData
from .money import FEN_PER_YUAN, format_yuan, percent_off, points_for_spend
from .rules import DonationCampaign, Rules
from .timeutil import business_day, local_minutes
from .validation import Birthday

CTX = "Refusal"
DESC = "Receipt"


class Refused(Exception):
    """The operation is refused; nothing may be written. ``code`` is stable, ``message`` is for people."""

    def __init__(self, code: str, text: str, /, **params: Any):
        self.code = code
        self.message = Message(CTX, text, params)
        super().__init__(f"{code}: {self.message}")


# -- inputs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What every decision needs besides the member: the rules, master data, the time, connectivity."""

    rules: Rules
    master: MasterData
    now: datetime
    online: bool = False

    @cached_property
    def today(self) -> date:  # asked several times by one decision: worked out once
        return business_day(self.now, self.rules.timezone, self.rules.cutover_hour)


@dataclass(frozen=True)
class MemberState:
    """A member's derived state as of ``Context.now``, read by the caller from its ledger and tables."""

    member_no: str
    name: str
    phone: str
    birthday: Birthday | None
    tier: str
    enrolled_on: date
    status: str = "active"
    lots: dict[int, int] = field(default_factory=dict)
    spend_rolling_fen: int = 0
    purchase_points_year: int = 0
    events_year: int = 0
    receipts_today: int = 0
    offline_redeemed_today: int = 0
    claims: frozenset[tuple[str, str]] = frozenset()
    last_purchase_on: date | None = None
    purchases_12m: int = 0

    @property
    def balance(self) -> int:
        return sum(self.lots.values())


@dataclass(frozen=True)
class CouponRecord:
    code: str
    definition: str
    member_no: str | None
    status: str  # issued | used | void
    valid_from: date
    valid_to: date
    used_at: str | None = None
    used_where: str | None = None


@dataclass(frozen=True)
class ReceiptRecord:
    tenant_code: str
    receipt_no: str
    member_no: str
    credited_at: str
    terminal_name: str


@dataclass(frozen=True)
class OriginalOperation:
    """What an earlier operation wrote, for reversing it."""

    op_id: str
    kind: str
    member_no: str | None
    lines: tuple[LedgerLine, ...]
    stock: tuple[tuple[str, int], ...]
    claims: tuple[tuple[str, str], ...]
    coupon_used: str | None
    coupons_issued: tuple[tuple[str, str], ...]  # (code, status now)
    reversed_by: str | None
    reference: str = ""  # the business reference receipts print (007-000123); "" when not known here
    applied: bool = True  # False when the server did not apply it (rejected): it wrote nothing that stands


# -- outputs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedCoupon:
    code: str
    definition: str
    member_no: str
    valid_from: date
    valid_to: date


@dataclass
class Decision:
    """Everything an accepted operation writes, plus the lines a receipt prints."""

    member_no: str | None
    ledger: list[LedgerLine] = field(default_factory=list)
    stock: list[tuple[str, int]] = field(default_factory=list)
    claims: list[tuple[str, str, str]] = field(default_factory=list)  # (benefit, period, detail)
    claims_released: list[tuple[str, str]] = field(default_factory=list)
    coupons_issued: list[IssuedCoupon] = field(default_factory=list)
    coupons_voided: list[str] = field(default_factory=list)
    coupon_used: str | None = None
    coupon_released: str | None = None
    receipt: tuple[str, str] | None = None
    member_changes: dict[str, Any] = field(default_factory=dict)
    new_member: dict[str, Any] | None = None
    lines: list[Message] = field(default_factory=list)
    terms: list[Message] = field(default_factory=list)
    needs_signature: bool = False
    value_fen: int = 0  # money value to the member (discount, cash offset, coupon value)

    def points_delta(self, member_no: str | None = None) -> int:
        target = member_no or self.member_no
        return sum(line.delta for line in self.ledger if line.member_no == target and line.kind != ledger.EXPIRE)


def _line(text: str, **params: Any) -> Message:
    return Message(DESC, text, params)


def _require_active(state: MemberState) -> None:
    if state.status != "active":
        raise Refused(
            "member_inactive",
            QT_TRANSLATE_NOOP(
                "Refusal", "Member {member_no} is not active (merged or closed); look up the current record."
            ),
            member_no=state.member_no,
        )


def _start(state: MemberState, ctx: Context) -> tuple[Decision, dict[int, int]]:
    """A decision that first expires lapsed lots, and the lots as they are after that."""
    _require_active(state)
    expiring = ledger.expiry_lines(state.member_no, state.lots, ctx.today, ctx.rules)
    decision = Decision(state.member_no, ledger=list(expiring))
    return decision, ledger.apply_lines(state.lots, expiring, state.member_no)


def _spend(decision: Decision, lots: dict[int, int], points: int, kind: str, ctx: Context) -> None:
    """Take ``points`` oldest-first or refuse; appends the consuming lines."""
    member_no = decision.member_no
    assert member_no is not None
    have = ledger.available(lots, ctx.today, ctx.rules)
    if points > have:
        raise Refused(
            "insufficient_points",
            QT_TRANSLATE_NOOP("Refusal", "Not enough points: this needs {need}, the member has {have}."),
            need=points,
            have=have,
        )
    for year, take in ledger.consume_oldest_first(lots, points, ctx.today, ctx.rules):
        decision.ledger.append(LedgerLine(member_no, -take, kind, year))


def _upgrade(state: MemberState, decision: Decision, added_spend: int, added_points: int, ctx: Context) -> None:
    """Upgrade at once when a path's threshold is crossed; never downgrade here."""
    rules = ctx.rules
    current = rules.tier(state.tier)
    best = current
    if rules.upgrade_by_spend:
        by_spend = rules.tier_for_spend(state.spend_rolling_fen + added_spend)
        if by_spend.rank > best.rank:
            best = by_spend
    if rules.points_path_enabled and state.purchase_points_year + added_points >= rules.points_path_points:
        target = rules.tier(rules.points_path_to_tier)
        if target.rank > best.rank:
            best = target
    if best.rank > current.rank:
        decision.member_changes["tier"] = best.code
        decision.lines.append(_line(QT_TRANSLATE_NOOP("Receipt", "Upgraded to {tier}!"), tier=best.name))


def tier_as_of(current: str, tier_since: str, day: date, spend_rolling_fen: int, rules: Rules) -> str:
    """The member's tier on ``day``: the current one, unless it was reached after ``day`` (a slip keyed in
    late is judged as of its own day); then the tier that day's rolling spend supported, never above today's."""
    if tier_since <= day.isoformat():
        return current
    supported = rules.tier_for_spend(spend_rolling_fen) if rules.upgrade_by_spend else rules.tiers[0]
    return min(supported, rules.tier(current), key=lambda t: t.rank).code


def is_birthday(birthday: Birthday | None, day: date) -> bool:
    if birthday is None:
        return False
    if birthday.month == 2 and birthday.day == 29 and not _leap(day.year):
        return day.month == 2 and day.day == 28
    return (day.month, day.day) == (birthday.month, birthday.day)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def earn_multipliers(state: MemberState, category: str | None, ctx: Context) -> tuple[Fraction, Fraction]:
    """(tier multiplier, campaign multiplier) for a purchase today; birthday double points count as a campaign."""
    rules = ctx.rules
    tier = rules.tier(state.tier)
    campaign = rules.campaign_multiplier(ctx.today, category)
    if tier.birthday_double_points and is_birthday(state.birthday, ctx.today):
        campaign = min(campaign * 2, rules.max_campaign_multiplier)
    return tier.points_multiplier, campaign


def _purchase_points(
    state: MemberState,
    decision: Decision,
    amount_fen: int,
    category: str | None,
    kind: str,
    ctx: Context,
    lot_year: int | None = None,
) -> int:
    """Points for a purchase judged as of ``ctx`` (its day's tier and campaigns), in lot ``lot_year``."""
    tier_mult, campaign_mult = earn_multipliers(state, category, ctx)
    points = points_for_spend(amount_fen, tier_mult, campaign_mult)
    lot = ctx.today.year if lot_year is None else lot_year
    decision.ledger.append(LedgerLine(state.member_no, points, kind, lot, spend_fen=amount_fen))
    if campaign_mult != 1:
        decision.lines.append(
            _line(QT_TRANSLATE_NOOP("Receipt", "Campaign multiplier ×{mult} applied"), mult=_fmt_mult(campaign_mult))
        )
    _upgrade(state, decision, amount_fen, points, ctx)
    return points


def _fmt_mult(value: Fraction) -> str:
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{value.numerator / value.denominator:.4f}".rstrip("0").rstrip(".")
    return text


# -- the decisions ---------------------------------------------------------------------------------


def decide_enroll(payload: dict[str, Any], ctx: Context, referrer: MemberState | None) -> Decision:
    rules = ctx.rules
    member_no = payload["member_no"]
    decision = Decision(member_no)
    decision.new_member = {
        "member_no": member_no,
        "name": payload["name"],
        "phone": payload["phone"],
        "birthday": payload["birthday"],
        "gender": payload["gender"],
        "tier": rules.tiers[0].code,
        "referrer_no": payload["referrer_no"],
        "channel": payload["channel"],
        "privacy_consent": payload["privacy_consent"],
        "marketing_consent": payload["marketing_consent"],
    }
    year = ctx.today.year
    if rules.welcome_points:
        decision.ledger.append(LedgerLine(member_no, rules.welcome_points, ledger.WELCOME, year))
        decision.lines.append(
            _line(QT_TRANSLATE_NOOP("Receipt", "Welcome points: {points}"), points=rules.welcome_points)
        )
    if payload["referrer_no"]:
        if referrer is None:
            raise Refused(
                "referrer_unknown",
                QT_TRANSLATE_NOOP("Refusal", "Referrer {member_no} was not found; check the number or leave it empty."),
                member_no=payload["referrer_no"],
            )
        _require_active(referrer)
        if rules.referee_points:
            decision.ledger.append(LedgerLine(member_no, rules.referee_points, ledger.REFERRAL, year))
        if rules.referrer_points:
            decision.ledger.append(LedgerLine(referrer.member_no, rules.referrer_points, ledger.REFERRAL, year))
        decision.lines.append(
            _line(
                QT_TRANSLATE_NOOP(
                    "Receipt", "Referral points: {points} (referrer {referrer} receives {referrer_points})"
                ),
                points=rules.referee_points,
                referrer=referrer.member_no,
                referrer_points=rules.referrer_points,
            )
        )
    return decision


def decide_edit_profile(state: MemberState, payload: dict[str, Any], ctx: Context) -> Decision:
    _require_active(state)
    decision = Decision(state.member_no)
    decision.member_changes.update(payload["changes"])
    for name in sorted(payload["changes"]):
        decision.lines.append(_line(QT_TRANSLATE_NOOP("Receipt", "Changed: {field}"), field=name))
    return decision


def earn_categories(ctx: Context) -> tuple[str, ...]:
    """The purchase categories a desk may book points for: ``general``, the tenants' and the campaigns'."""
    named = {t.category for t in ctx.master.tenants.values()} | set(ctx.rules.category_multipliers)
    return ("general", *sorted(named - {"general", ""}))


def check_earn_category(category: str, ctx: Context) -> None:
    """Refuse a category nobody defined (a typo like ``cosmetic`` would silently earn at ×1)."""
    choices = earn_categories(ctx)
    if category not in choices:
        raise Refused(
            "category_unknown",
            QT_TRANSLATE_NOOP("Refusal", "“{category}” is not a purchase category; choose one of: {choices}."),
            category=category,
            choices=", ".join(choices),
        )


def decide_earn(state: MemberState, payload: dict[str, Any], ctx: Context) -> Decision:
    decision, _ = _start(state, ctx)
    amount = payload["amount_fen"]
    tier = ctx.rules.tier(state.tier)
    if payload["apply_discount"] and tier.discount_percent:
        discount = percent_off(amount, tier.discount_percent)
        decision.value_fen = discount
        amount -= discount
        decision.lines.append(
            _line(
                QT_TRANSLATE_NOOP("Receipt", "Tier discount {percent}% off: −¥{discount}, to pay ¥{paid}"),
                percent=_fmt_mult(tier.discount_percent),
                discount=format_yuan(discount),
                paid=format_yuan(amount),
            )
        )
    points = _purchase_points(state, decision, amount, payload["category"], ledger.EARN, ctx)
    decision.lines.insert(
        0,
        _line(
            QT_TRANSLATE_NOOP("Receipt", "Purchase ¥{amount}: {points} points"),
            amount=format_yuan(amount),
            points=points,
        ),
    )
    return decision


def decide_credit_receipt(
    state: MemberState,
    payload: dict[str, Any],
    ctx: Context,
    existing: ReceiptRecord | None,
    approver_is_manager: bool,
) -> Decision:
    rules = ctx.rules
    tenant = ctx.master.tenant(payload["tenant_code"])
    if tenant is None:
        raise Refused(
            "tenant_unknown",
            QT_TRANSLATE_NOOP("Refusal", "Store code {code} is not a tenant of this mall."),
            code=payload["tenant_code"],
        )
    if existing is not None:
        raise Refused(
            "receipt_already_credited",
            QT_TRANSLATE_NOOP("Refusal", "This receipt was already credited on {when} at {desk} (member {member})."),
            when=local_minutes(existing.credited_at, ctx.rules.timezone),
            desk=existing.terminal_name,
            member=existing.member_no,
        )
    purchased = date.fromisoformat(payload["purchase_date"])
    if purchased > ctx.today:
        raise Refused(
            "receipt_in_future",
            QT_TRANSLATE_NOOP("Refusal", "The purchase date {date} is in the future."),
            date=purchased.isoformat(),
        )
    age = (ctx.today - purchased).days
    if age > rules.receipt_max_age_days:
        raise Refused(
            "receipt_too_old",
            QT_TRANSLATE_NOOP(
                "Refusal", "Receipts older than {max} days cannot be credited (this one is {age} days old)."
            ),
            max=rules.receipt_max_age_days,
            age=age,
        )
    needs_manager = []
    if state.receipts_today >= rules.receipt_max_per_day:
        needs_manager.append("count")
    if payload["amount_fen"] > rules.receipt_manager_threshold_fen:
        needs_manager.append("amount")
    if needs_manager and not (payload["approved_by"] and approver_is_manager):
        if "count" in needs_manager:
            raise Refused(
                "receipt_needs_manager",
                QT_TRANSLATE_NOOP(
                    "Refusal", "This member already credited {count} receipts today; a manager must approve more."
                ),
                count=state.receipts_today,
            )
        raise Refused(
            "receipt_needs_manager",
            QT_TRANSLATE_NOOP("Refusal", "Receipts above ¥{limit} need a manager's approval."),
            limit=format_yuan(rules.receipt_manager_threshold_fen),
        )
    decision, _ = _start(state, ctx)
    # Campaigns and multipliers are judged as of the purchase day, not the day the receipt is brought in.
    purchase_ctx = Context(ctx.rules, ctx.master, ctx.now - timedelta(days=age), ctx.online)
    # The lot is the year the points are credited in (the purchase may be in last December).
    points = _purchase_points(
        state, decision, payload["amount_fen"], tenant.category, ledger.RECEIPT, purchase_ctx, lot_year=ctx.today.year
    )
    decision.receipt = (tenant.code, payload["receipt_no"])
    decision.lines.insert(
        0,
        _line(
            QT_TRANSLATE_NOOP("Receipt", "Receipt {receipt_no} from {tenant}, ¥{amount} on {date}: {points} points"),
            receipt_no=payload["receipt_no"],
            tenant=tenant.name,
            amount=format_yuan(payload["amount_fen"]),
            date=purchased.isoformat(),
            points=points,
        ),
    )
    if payload["approved_by"]:
        decision.lines.append(
            _line(QT_TRANSLATE_NOOP("Receipt", "Approved by manager {staff}"), staff=payload["approved_by"])
        )
    return decision


def _offline_cap(state: MemberState, points: int, ctx: Context) -> None:
    if ctx.online:
        return
    cap = ctx.rules.offline_cap_points
    if state.offline_redeemed_today + points > cap:
        raise Refused(
            "offline_cap",
            QT_TRANSLATE_NOOP(
                "Refusal",
                "Offline, a member can redeem at most {cap} points a day ({used} used today). "
                "Try again when the terminal is online.",
            ),
            cap=cap,
            used=state.offline_redeemed_today,
        )


def decide_redeem_gift(state: MemberState, payload: dict[str, Any], ctx: Context, stock_left: int) -> Decision:
    item = ctx.master.catalogue.get(payload["item_code"])
    if item is None:
        raise Refused(
            "item_unknown",
            QT_TRANSLATE_NOOP("Refusal", "Gift {code} is not in the catalogue."),
            code=payload["item_code"],
        )
    quantity = payload["quantity"]
    if stock_left < quantity:
        raise Refused(
            "out_of_stock",
            QT_TRANSLATE_NOOP("Refusal", "Only {left} of “{item}” left at this desk."),
            left=max(stock_left, 0),
            item=item.name,
        )
    cost = item.points * quantity
    _offline_cap(state, cost, ctx)
    decision, lots = _start(state, ctx)
    _spend(decision, lots, cost, ledger.REDEEM, ctx)
    decision.stock.append((item.code, -quantity))
    decision.needs_signature = True
    decision.lines.append(
        _line(
            QT_TRANSLATE_NOOP("Receipt", "{quantity} × {item}: −{points} points"),
            quantity=quantity,
            item=item.name,
            points=cost,
        )
    )
    if item.kind == "coupon":
        if quantity != 1 or not payload["coupon_code"]:
            raise Refused("coupon_item_single", QT_TRANSLATE_NOOP("Refusal", "Coupons are redeemed one at a time."))
        definition = ctx.master.coupons[item.coupon]
        first, last = definition.window(ctx.today)
        decision.coupons_issued.append(
            IssuedCoupon(payload["coupon_code"], definition.code, state.member_no, first, last)
        )
        decision.lines.append(
            _line(
                QT_TRANSLATE_NOOP("Receipt", "Coupon {code}, valid {first} to {last}"),
                code=payload["coupon_code"],
                first=first.isoformat(),
                last=last.isoformat(),
            )
        )
        decision.terms.append(Message(DESC, "{terms}", {"terms": definition.terms}))
    return decision


def cash_offset_value(points: int, rules: Rules) -> int:
    """The money (fen) ``points`` pay as cash at the rules' rate (a whole step: see ``decide_cash_offset``)."""
    return points * FEN_PER_YUAN // rules.cash_offset_points_per_yuan


def decide_cash_offset(state: MemberState, payload: dict[str, Any], ctx: Context) -> Decision:
    rules = ctx.rules
    points = payload["points"]
    rate = rules.cash_offset_points_per_yuan
    if (points * FEN_PER_YUAN) % rate:
        raise Refused(
            "offset_granularity",
            QT_TRANSLATE_NOOP("Refusal", "Points as cash go in steps of {step} points."),
            step=rate // _gcd(rate, FEN_PER_YUAN),
        )
    value = cash_offset_value(points, rules)
    limit = percent_off(payload["purchase_amount_fen"], rules.max_cash_offset_percent)
    if value > limit:
        raise Refused(
            "offset_too_large",
            QT_TRANSLATE_NOOP("Refusal", "Points can pay at most {percent}% of this purchase (¥{limit})."),
            percent=_fmt_mult(rules.max_cash_offset_percent),
            limit=format_yuan(limit),
        )
    _offline_cap(state, points, ctx)
    decision, lots = _start(state, ctx)
    _spend(decision, lots, points, ledger.CASH_OFFSET, ctx)
    decision.value_fen = value
    decision.lines.append(
        _line(
            QT_TRANSLATE_NOOP("Receipt", "{points} points paid ¥{value} of a ¥{amount} purchase"),
            points=points,
            value=format_yuan(value),
            amount=format_yuan(payload["purchase_amount_fen"]),
        )
    )
    return decision


def check_donation(campaign_code: str, points: int, rules: Rules) -> DonationCampaign:
    """The rules' campaign ``campaign_code``, refused when unknown or when ``points`` is outside its range
    (the desk asks this before the PIN a large donation needs: a donation it would refuse asks for none)."""
    campaign = rules.donation_campaign(campaign_code)
    if campaign is None:
        raise Refused(
            "campaign_unknown",
            QT_TRANSLATE_NOOP("Refusal", "There is no donation campaign {code}; the campaigns are: {choices}."),
            code=campaign_code,
            choices=", ".join(c.code for c in rules.donation_campaigns) or "—",
        )
    if not campaign.min_points <= points <= campaign.max_points:
        raise Refused(
            "donation_out_of_range",
            QT_TRANSLATE_NOOP("Refusal", "A donation to {campaign} is from {low} to {high} points."),
            campaign=campaign.name,
            low=campaign.min_points,
            high=campaign.max_points,
        )
    return campaign


def decide_donate_points(state: MemberState, payload: dict[str, Any], ctx: Context) -> Decision:
    """Points given to a charity campaign named in the rules: oldest points first, capped offline."""
    points = payload["points"]
    campaign = check_donation(payload["campaign_code"], points, ctx.rules)
    _offline_cap(state, points, ctx)
    decision, lots = _start(state, ctx)
    _spend(decision, lots, points, ledger.DONATION, ctx)
    decision.needs_signature = True
    decision.lines.append(
        _line(
            QT_TRANSLATE_NOOP("Receipt", "Donated {points} points to {campaign}"),
            points=points,
            campaign=campaign.name,
        )
    )
    decision.terms.append(
        _line(QT_TRANSLATE_NOOP("Receipt", "Thank you! Donated points are passed on to the campaign and not refunded."))
    )
    return decision


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def decide_verify_coupon(
    coupon: CouponRecord | None, state: MemberState | None, payload: dict[str, Any], ctx: Context
) -> Decision:
    code = payload["code"]
    if coupon is None:
        raise Refused(
            "coupon_unknown",
            QT_TRANSLATE_NOOP(
                "Refusal", "Coupon {code} is not known here; it may be forged, or the terminal needs a sync."
            ),
            code=code,
        )
    if coupon.status == "used":
        raise Refused(
            "coupon_used",
            QT_TRANSLATE_NOOP("Refusal", "Coupon {code} was already used on {when} at {where}."),
            code=code,
            when=local_minutes(coupon.used_at, ctx.rules.timezone) if coupon.used_at else "?",
            where=coupon.used_where or "?",
        )
    if coupon.status != "issued":
        raise Refused("coupon_void", QT_TRANSLATE_NOOP("Refusal", "Coupon {code} has been cancelled."), code=code)
    if ctx.today < coupon.valid_from:
        raise Refused(
            "coupon_not_yet_valid",
            QT_TRANSLATE_NOOP("Refusal", "Coupon {code} is valid from {date}."),
            code=code,
            date=coupon.valid_from.isoformat(),
        )
    if ctx.today > coupon.valid_to:
        raise Refused(
            "coupon_expired",
            QT_TRANSLATE_NOOP("Refusal", "Coupon {code} expired on {date}."),
            code=code,
            date=coupon.valid_to.isoformat(),
        )
    if coupon.member_no and payload["member_no"] and coupon.member_no != payload["member_no"]:
        raise Refused(
            "coupon_other_member", QT_TRANSLATE_NOOP("Refusal", "Coupon {code} belongs to another member."), code=code
        )
    definition = ctx.master.coupons.get(coupon.definition)
    if definition is None:
        raise Refused(
            "coupon_unknown",
            QT_TRANSLATE_NOOP(
                "Refusal", "Coupon {code} is not known here; it may be forged, or the terminal needs a sync."
            ),
            code=code,
        )
    purchase = payload["purchase_amount_fen"]
    if purchase is not None and purchase < definition.min_spend_fen:
        raise Refused(
            "coupon_min_spend",
            QT_TRANSLATE_NOOP("Refusal", "Coupon {code} needs a purchase of at least ¥{min}."),
            code=code,
            min=format_yuan(definition.min_spend_fen),
        )
    member_no = payload["member_no"] or coupon.member_no
    if state is not None:
        _require_active(state)
    decision = Decision(member_no)
    decision.coupon_used = code
    decision.value_fen = definition.value_fen
    decision.lines.append(
        _line(
            QT_TRANSLATE_NOOP("Receipt", "Coupon {code}: {name}, value ¥{value}"),
            code=code,
            name=definition.name,
            value=format_yuan(definition.value_fen),
        )
    )
    decision.terms.append(Message(DESC, "{terms}", {"terms": definition.terms}))
    return decision


def benefit_period(benefit: str, day: date) -> str:
    """The period a benefit may be claimed once in: the year (birthday) or the business day."""
    return str(day.year) if benefit == "birthday" else day.isoformat()


def benefits_available(state: MemberState, ctx: Context) -> list[str]:
    """Benefits the member could still claim today."""
    out = []
    for benefit in ops.BENEFITS:
        try:
            _check_benefit(state, benefit, ctx)
        except Refused:
            continue
        out.append(benefit)
    return out


def _check_benefit(state: MemberState, benefit: str, ctx: Context) -> None:
    today = ctx.today
    period = benefit_period(benefit, today)
    if (benefit, period) in state.claims:
        texts = {
            "birthday": QT_TRANSLATE_NOOP("Refusal", "The birthday gift for {period} was already claimed."),
            "parking": QT_TRANSLATE_NOOP("Refusal", "Free parking was already claimed today ({period})."),
            "member_day": QT_TRANSLATE_NOOP("Refusal", "The member-day gift was already claimed today ({period})."),
        }
        raise Refused("benefit_already_claimed", texts[benefit], period=period)
    if benefit == "birthday":
        if state.birthday is None or state.birthday.month != today.month:
            raise Refused(
                "not_birthday_month",
                QT_TRANSLATE_NOOP("Refusal", "The birthday gift can be claimed in the birthday month only."),
            )
    elif benefit == "member_day" and not ctx.rules.is_member_day(today):
        raise Refused(
            "not_member_day",
            QT_TRANSLATE_NOOP("Refusal", "Today is not member day (the {day}th of each month)."),
            day=ctx.rules.member_day_of_month,
        )
    elif benefit == "parking" and ctx.rules.tier(state.tier).parking_hours == 0:
        raise Refused("no_parking", QT_TRANSLATE_NOOP("Refusal", "This tier has no free parking."))


def decide_claim_benefit(state: MemberState, payload: dict[str, Any], ctx: Context) -> Decision:
    _require_active(state)
    benefit = payload["benefit"]
    _check_benefit(state, benefit, ctx)
    tier = ctx.rules.tier(state.tier)
    decision = Decision(state.member_no)
    period = benefit_period(benefit, ctx.today)
    if benefit == "birthday":
        detail = tier.birthday_gift.zh_CN
        decision.lines.append(_line(QT_TRANSLATE_NOOP("Receipt", "Birthday gift: {gift}"), gift=tier.birthday_gift))
        if tier.birthday_coupon:
            if not payload["coupon_code"]:
                raise Refused(
                    "coupon_code_missing", QT_TRANSLATE_NOOP("Refusal", "No coupon number was allocated; try again.")
                )
            definition = ctx.master.coupons[tier.birthday_coupon]
            first, last = definition.window(ctx.today)
            decision.coupons_issued.append(
                IssuedCoupon(payload["coupon_code"], definition.code, state.member_no, first, last)
            )
            decision.lines.append(
                _line(
                    QT_TRANSLATE_NOOP("Receipt", "Coupon {code}, valid {first} to {last}"),
                    code=payload["coupon_code"],
                    first=first.isoformat(),
                    last=last.isoformat(),
                )
            )
            decision.terms.append(Message(DESC, "{terms}", {"terms": definition.terms}))
        if tier.lounge:
            decision.lines.append(_line(QT_TRANSLATE_NOOP("Receipt", "Lounge access today")))
        if tier.birthday_double_points:
            decision.lines.append(_line(QT_TRANSLATE_NOOP("Receipt", "Double points on the birthday")))
    elif benefit == "parking":
        detail = str(tier.parking_hours)
        decision.lines.append(_line(QT_TRANSLATE_NOOP("Receipt", "Free parking: {hours} h"), hours=tier.parking_hours))
    else:
        detail = ctx.rules.member_day_gift.zh_CN
        decision.lines.append(
            _line(QT_TRANSLATE_NOOP("Receipt", "Member-day gift: {gift}"), gift=ctx.rules.member_day_gift)
        )
    decision.claims.append((benefit, period, detail))
    decision.needs_signature = benefit != "parking"
    return decision


def decide_adjust(state: MemberState, payload: dict[str, Any], ctx: Context) -> Decision:
    decision, lots = _start(state, ctx)
    points = payload["points"]
    if points > 0:
        decision.ledger.append(LedgerLine(state.member_no, points, ledger.ADJUST, ctx.today.year))
    else:
        _spend(decision, lots, -points, ledger.ADJUST, ctx)
    decision.lines.append(
        _line(
            QT_TRANSLATE_NOOP("Receipt", "Adjustment {points:+d} points: {reason}"),
            points=points,
            reason=payload["reason"],
        )
    )
    return decision


def decide_reverse(
    original: OriginalOperation, state: MemberState | None, payload: dict[str, Any], ctx: Context
) -> Decision:
    if original.kind not in ops.REVERSIBLE:
        raise Refused("not_reversible", QT_TRANSLATE_NOOP("Refusal", "This kind of transaction cannot be reversed."))
    if original.reversed_by:
        raise Refused("already_reversed", QT_TRANSLATE_NOOP("Refusal", "This transaction was already reversed."))
    for code, status in original.coupons_issued:
        if status == "used":
            raise Refused(
                "issued_coupon_used",
                QT_TRANSLATE_NOOP("Refusal", "Coupon {code} issued with this transaction was already used."),
                code=code,
            )
    if state is None:
        decision = Decision(original.member_no)
        lots: dict[int, int] = {}
    else:
        decision, lots = _start(state, ctx)
    member_no = original.member_no
    grants = [line for line in original.lines if line.delta > 0 and line.kind != ledger.EXPIRE]
    refunds = [line for line in original.lines if line.delta < 0 and line.kind != ledger.EXPIRE]
    # Points spent come back into the lot they were taken from.
    restored = [LedgerLine(line.member_no, -line.delta, ledger.REVERSAL, line.lot_year) for line in refunds]
    decision.ledger.extend(restored)
    lots = ledger.apply_lines(lots, restored, member_no or "")
    to_remove = sum(line.delta for line in grants)
    spend = sum(line.spend_fen for line in original.lines)
    if to_remove:
        assert member_no is not None
        have = ledger.available(lots, ctx.today, ctx.rules)
        if to_remove > have:
            raise Refused(
                "points_already_spent",
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "The member has only {have} of the {need} points to take back; a manager can adjust instead.",
                ),
                have=have,
                need=to_remove,
            )
        # Take the points back from the lots they were granted into, then oldest first for the rest
        # (what the member already spent of them came out of the oldest lots anyway).
        taken: list[tuple[int, int]] = []
        living = ledger.living_lots(lots, ctx.today, ctx.rules)
        remaining = to_remove
        for line in grants:
            take = min(line.delta, max(living.get(line.lot_year, 0), 0), remaining)
            if take:
                taken.append((line.lot_year, take))
                living[line.lot_year] -= take
                remaining -= take
        if remaining:
            taken += ledger.consume_oldest_first(living, remaining, ctx.today, ctx.rules)
        for i, (year, take) in enumerate(taken):
            decision.ledger.append(
                LedgerLine(member_no, -take, ledger.REVERSAL, year, spend_fen=-spend if i == 0 else 0)
            )
    elif spend:
        assert member_no is not None
        decision.ledger.append(LedgerLine(member_no, 0, ledger.REVERSAL, ctx.today.year, spend_fen=-spend))
    decision.stock.extend((item, -delta) for item, delta in original.stock)
    decision.claims_released.extend(original.claims)
    decision.coupon_released = original.coupon_used
    decision.coupons_voided.extend(code for code, _ in original.coupons_issued)
    decision.lines.append(
        _line(
            QT_TRANSLATE_NOOP("Receipt", "Reversal of {kind} {ref}: {reason}"),
            kind=Message("Operation", ops.KIND_LABELS[original.kind]),
            ref=original.reference or original.op_id[:8],
            reason=payload["reason"],
        )
    )
    return decision


def decide_record_event(state: MemberState, payload: dict[str, Any], ctx: Context) -> Decision:
    _require_active(state)
    period = f"{ctx.today.year}:{payload['event_code']}"
    if ("event", period) in state.claims:
        raise Refused(
            "event_recorded",
            QT_TRANSLATE_NOOP("Refusal", "Attendance at {event} is already recorded."),
            event=payload["event_code"],
        )
    decision = Decision(state.member_no)
    decision.claims.append(("event", period, payload["event_code"]))
    decision.lines.append(_line(QT_TRANSLATE_NOOP("Receipt", "Event attended: {event}"), event=payload["event_code"]))
    rules = ctx.rules
    if rules.activity_path_enabled and state.events_year + 1 >= rules.activity_path_events:
        upgrade_key = ("activity_upgrade", str(ctx.today.year))
        nxt = rules.next_tier(state.tier)
        if upgrade_key not in state.claims and nxt is not None:
            decision.claims.append(("activity_upgrade", str(ctx.today.year), nxt.code))
            decision.member_changes["tier"] = nxt.code
            decision.lines.append(_line(QT_TRANSLATE_NOOP("Receipt", "Upgraded to {tier}!"), tier=nxt.name))
    return decision


def decide_tier_review(state: MemberState, payload: dict[str, Any], ctx: Context) -> Decision:
    """The annual review: move down at most ``max_steps`` tiers towards what the spend supports."""
    _require_active(state)
    rules = ctx.rules
    review_day = date.fromisoformat(payload["review_date"])
    if review_day.month != rules.review_month or review_day.day != 1:
        raise Refused(
            "not_review_day",
            QT_TRANSLATE_NOOP("Refusal", "The annual review runs on the first day of month {month}."),
            month=rules.review_month,
        )
    if ("tier_review", str(review_day.year)) in state.claims:
        raise Refused(
            "review_done",
            QT_TRANSLATE_NOOP("Refusal", "The {year} review was already done for this member."),
            year=review_day.year,
        )
    current = rules.tier(state.tier)
    supported = rules.tier_for_spend(state.spend_rolling_fen) if rules.upgrade_by_spend else rules.tiers[0]
    decision = Decision(state.member_no)
    decision.claims.append(("tier_review", str(review_day.year), current.code))
    if supported.rank < current.rank:
        new_rank = max(supported.rank, current.rank - rules.downgrade_max_steps)
        new_tier = rules.tiers[new_rank]
        if new_rank != current.rank:
            decision.member_changes["tier"] = new_tier.code
            decision.lines.append(
                _line(QT_TRANSLATE_NOOP("Receipt", "Tier after annual review: {tier}"), tier=new_tier.name)
            )
    return decision
