"""Building the receipt of an operation: what was decided, and the member's figures before and after."""

from __future__ import annotations

from typing import Any

from membership import codes
from membership import ledger as ledger_math
from membership import operations as ops
from membership.decisions import Context, Decision, MemberState
from membership.i18n import Message, Text
from membership.money import format_yuan
from membership.receipt import ReceiptData
from membership.timeutil import to_utc_text
from membership.validation import mask_name, mask_phone

from .lookups import LookupServices
from .records import Session


class ReceiptBuilder(LookupServices):
    """Building the receipt of an operation: what was decided, and the member's figures before and after."""

    def _receipt(
        self,
        session: Session,
        kind: str,
        op_id: str,
        seq: int,
        d: Decision,
        ctx: Context,
        state: MemberState | None,
        points_before: int,
    ) -> ReceiptData:
        rules = ctx.rules
        terminal = self.store.terminal()
        ref = codes.op_ref(terminal.terminal_code, terminal.epoch, seq)
        local = ctx.now.astimezone(rules.timezone)
        tier_name: Text | None = None
        next_name: Text | None = None
        to_next = expiring_points = 0
        expiring_on = None
        points_after = points_before
        if state is not None:
            tier = rules.tier(state.tier)
            tier_name = tier.name
            nxt = rules.next_tier(state.tier)
            next_name = nxt.name if nxt else None
            to_next = max(0, nxt.qualifying_spend_fen - state.spend_rolling_fen) if nxt else 0
            points_after = ledger_math.available(state.lots, ctx.today, rules)
            expiring = ledger_math.expiring_next(state.lots, ctx.today, rules)
            if expiring:
                expiring_points, expiring_on = expiring[0], expiring[1].isoformat()
        extra: dict[str, Any] = {}
        if d.coupons_issued:
            extra["coupons_issued"] = [c.code for c in d.coupons_issued]
            extra["coupon_code"] = d.coupons_issued[0].code  # printed as a QR the member can show at checkout
        if d.value_fen:
            extra["value_yuan"] = format_yuan(d.value_fen)
        return ReceiptData(
            mall_name=rules.mall_name,
            desk_name=terminal.name,
            terminal_code=terminal.terminal_code,
            op_id=op_id,
            op_ref=ref,
            kind=kind,
            kind_label=Message("Operation", ops.KIND_LABELS[kind]),
            at_utc=to_utc_text(ctx.now),
            at_local=local.strftime("%Y-%m-%d %H:%M"),
            business_day=ctx.today.isoformat(),
            staff_no=session.staff_no,
            staff_name=session.name,
            member_no=d.member_no,
            member_name_masked=mask_name(state.name) if state else "",
            phone_masked=mask_phone(state.phone) if state else "",
            tier_name=tier_name,
            points_before=points_before,
            points_after=points_after,
            points_delta=points_after - points_before,
            expiring_points=expiring_points,
            expiring_on=expiring_on,
            next_tier_name=next_name,
            spend_to_next_tier_fen=to_next,
            lines=tuple(d.lines),
            terms=tuple(d.terms),
            needs_signature=d.needs_signature,
            value_fen=d.value_fen,
            online=ctx.online,
            rules_version=rules.version,
            extra=extra,
        )
