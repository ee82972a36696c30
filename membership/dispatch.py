"""One table from operation kind to decision, used by the terminal and the server alike.

``decide(kind, payload, ctx, reader, at_desk=...)`` reads what the kind's decision needs through a
:class:`~membership.state_reader.StateReader` and returns the decision (or raises
:class:`~membership.decisions.Refused`). The two sides differ only where the domain says they do:

- at the desk (``at_desk=True``) a redemption is refused when the member cannot afford it, the offline
  cap is reached or the stock is out, and a purchase category must be one this desk knows;
- the server (``at_desk=False``) books a redemption as a fact (the gift was handed over), recording
  any shortfall, and books a purchase in whatever category the desk used. A paper slip records a
  redemption that already happened, so at the desk too it is booked as a fact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import decisions as dec
from . import operations as ops
from .decisions import Context, Decision, MemberState, Refused
from .i18n import QT_TRANSLATE_NOOP
from .state_reader import StateReader
from .sync_rules import REDEMPTION_KINDS, decide_redemption_fact


@dataclass(frozen=True)
class Decided:
    """A decision and the points a redemption booked as a fact overdrew (0 when covered)."""

    decision: Decision
    shortfall: int = 0


Decide = Callable[[dict[str, Any], Context, StateReader, bool], Decided]


def member_unknown(member_no: str | None) -> Refused:
    return Refused(
        "member_unknown",
        QT_TRANSLATE_NOOP("Refusal", "Member {member_no} was not found on this terminal."),
        member_no=member_no or "?",
    )


def op_unknown() -> Refused:
    return Refused("op_unknown", QT_TRANSLATE_NOOP("Refusal", "That transaction was not found on this terminal."))


def _member(reader: StateReader, member_no: str | None, ctx: Context) -> MemberState:
    """The state of the member an operation names (an alias stands for the member it was merged into)."""
    effective = reader.resolve_alias(member_no)
    found = reader.member_state(effective, ctx.today, ctx.rules) if effective else None
    if found is None:
        raise member_unknown(effective)
    return found


def _optional_member(reader: StateReader, member_no: str | None, ctx: Context) -> MemberState | None:
    return reader.member_state(member_no, ctx.today, ctx.rules) if member_no else None


# -- one entry per kind ------------------------------------------------------------------------------


def _enroll(p: dict[str, Any], ctx: Context, reader: StateReader, at_desk: bool) -> Decided:
    referrer_no = reader.resolve_alias(p["referrer_no"]) if p["referrer_no"] else None
    return Decided(dec.decide_enroll(p, ctx, _optional_member(reader, referrer_no, ctx)))


def _edit_profile(p: dict[str, Any], ctx: Context, reader: StateReader, at_desk: bool) -> Decided:
    return Decided(dec.decide_edit_profile(_member(reader, p["member_no"], ctx), p, ctx))


def _earn(p: dict[str, Any], ctx: Context, reader: StateReader, at_desk: bool) -> Decided:
    if at_desk:
        # Checked at the desk only: the server books what a desk with other master data did.
        dec.check_earn_category(p["category"], ctx)
    return Decided(dec.decide_earn(_member(reader, p["member_no"], ctx), p, ctx))


def _credit_receipt(p: dict[str, Any], ctx: Context, reader: StateReader, at_desk: bool) -> Decided:
    state = _member(reader, p["member_no"], ctx)
    existing = reader.receipt_record(p["tenant_code"], p["receipt_no"])
    is_manager = reader.approver_is_manager(p["approved_by"], ctx.now)
    return Decided(dec.decide_credit_receipt(state, p, ctx, existing, is_manager))


def _redemption(kind: str) -> Decide:
    def decide(p: dict[str, Any], ctx: Context, reader: StateReader, at_desk: bool) -> Decided:
        state = _member(reader, p["member_no"], ctx)
        left = reader.stock_level(p["item_code"]) if kind == ops.REDEEM_GIFT else 0
        if not at_desk or p.get("slip_serial"):
            decision, shortfall = decide_redemption_fact(kind, state, p, ctx, left)
            return Decided(decision, shortfall)
        if kind == ops.REDEEM_GIFT:
            return Decided(dec.decide_redeem_gift(state, p, ctx, left))
        if kind == ops.DONATE_POINTS:
            return Decided(dec.decide_donate_points(state, p, ctx))
        return Decided(dec.decide_cash_offset(state, p, ctx))

    return decide


def _verify_coupon(p: dict[str, Any], ctx: Context, reader: StateReader, at_desk: bool) -> Decided:
    coupon = reader.coupon_record(p["code"])
    owner = reader.resolve_alias(p["member_no"] or (coupon.member_no if coupon else None))
    state = _optional_member(reader, owner, ctx)
    return Decided(dec.decide_verify_coupon(coupon, state, {**p, "member_no": owner if p["member_no"] else None}, ctx))


def _claim_benefit(p: dict[str, Any], ctx: Context, reader: StateReader, at_desk: bool) -> Decided:
    return Decided(dec.decide_claim_benefit(_member(reader, p["member_no"], ctx), p, ctx))


def _reverse(p: dict[str, Any], ctx: Context, reader: StateReader, at_desk: bool) -> Decided:
    original = reader.original_operation(p["target_op_id"])
    # An operation the server did not apply (rejected, or an enrollment merged into an earlier member,
    # whose merge lines are booked under it) wrote nothing that stands: there is nothing to reverse.
    if original is None or not original.applied:
        raise op_unknown()
    state = _optional_member(reader, original.member_no, ctx)
    return Decided(dec.decide_reverse(original, state, p, ctx))


def _simple(decide: Callable[[MemberState, dict[str, Any], Context], Decision]) -> Decide:
    def run(p: dict[str, Any], ctx: Context, reader: StateReader, at_desk: bool) -> Decided:
        return Decided(decide(_member(reader, p["member_no"], ctx), p, ctx))

    return run


DECISIONS: dict[str, Decide] = {
    ops.ENROLL: _enroll,
    ops.EDIT_PROFILE: _edit_profile,
    ops.EARN: _earn,
    ops.CREDIT_RECEIPT: _credit_receipt,
    **{kind: _redemption(kind) for kind in REDEMPTION_KINDS},
    ops.VERIFY_COUPON: _verify_coupon,
    ops.CLAIM_BENEFIT: _claim_benefit,
    ops.REVERSE: _reverse,
    ops.ADJUST: _simple(dec.decide_adjust),
    ops.RECORD_EVENT: _simple(dec.decide_record_event),
    ops.TIER_REVIEW: _simple(dec.decide_tier_review),
}


def decide(kind: str, payload: dict[str, Any], ctx: Context, reader: StateReader, *, at_desk: bool) -> Decided:
    """Decide a validated operation of ``kind``; raises Refused, or KeyError for a kind nobody decides."""
    return DECISIONS[kind](payload, ctx, reader, at_desk)
