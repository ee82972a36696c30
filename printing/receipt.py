"""Transaction receipts on 80 mm and 58 mm thermal paper, from ``membership.receipt.ReceiptData``."""

from __future__ import annotations

from reportlab.lib.units import mm

from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP
from membership.receipt import ReceiptData

from .slip import Slip, paper
from .text import Tr, points, signed_points, yuan

# Kinds whose ``extra["coupon_code"]`` is a coupon just issued to the member: printed as a QR the
# cashier can scan. (A verified coupon is spent; printing its code again would only invite misuse.)
ISSUES_COUPON = ("redeem_gift", "claim_benefit")


def render_receipt(
    data: ReceiptData,
    *,
    width_mm: int = 80,
    language: str = DEFAULT_LANGUAGE,
    reprint: bool = False,
    reprinted_at: str | None = None,
) -> bytes:
    """The receipt for one operation as PDF bytes, one page exactly as long as its content.

    ``reprint`` adds a black "REPRINT / 重印" band at the top and bottom (and ``reprinted_at``, the
    local time of the reprint) so a reprint can never pass for a second original.
    """
    p = paper(width_mm)
    tr = Tr(language)
    body = p.body
    small = body - 1.5
    slip = Slip(p, title=f"{tr.msg(data.kind_label)} {data.op_ref}")

    # -- who and where
    slip.center(tr.text(data.mall_name), body + 4.5, bold=True)
    slip.center(data.desk_name, body)
    slip.gap(3)
    if reprint:
        slip.band(tr(QT_TRANSLATE_NOOP("Print", "REPRINT / 重印")), body + 3)
        if reprinted_at:
            slip.center(tr(QT_TRANSLATE_NOOP("Print", "Reprinted {at}"), at=reprinted_at), small)
        slip.gap(3)
    slip.center(tr.msg(data.kind_label), body + 3.5, bold=True)
    if not data.online:
        slip.gap(2)
        slip.boxed(tr(QT_TRANSLATE_NOOP("Print", "Offline: provisional until this terminal syncs")), small)
    slip.gap(2)
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Time")), data.at_local)
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Desk")), f"{data.desk_name} · {data.terminal_code:03d}")
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Staff")), f"{data.staff_no} {data.staff_name}".strip())
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Reference")), data.op_ref)

    # -- the member
    slip.rule()
    if data.member_no:
        slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Member no.")), data.member_no)
        slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Name")), data.member_name_masked)
        slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Mobile")), data.phone_masked)
        if data.tier_name is not None:
            slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Tier")), tr.text(data.tier_name))
    else:
        slip.text(tr(QT_TRANSLATE_NOOP("Print", "Not linked to a member")))

    # -- what happened
    slip.rule()
    for line in data.lines:
        slip.text(tr.msg(line))
    if data.value_fen:
        slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Value to the member")), yuan(data.value_fen), bold=True)
    coupon_code = data.extra.get("coupon_code") if data.kind in ISSUES_COUPON else None
    if coupon_code:
        slip.gap(3)
        slip.qr(str(coupon_code), 26 * mm if width_mm >= 80 else 24 * mm)
        slip.center(str(coupon_code), small)

    # -- points and tier
    if data.member_no:
        slip.rule()
        slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Points before")), points(data.points_before))
        slip.pair(tr(QT_TRANSLATE_NOOP("Print", "This transaction")), signed_points(data.points_delta))
        slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Points now")), points(data.points_after), body + 1.5, bold=True)
        if data.expiring_points > 0 and data.expiring_on:
            slip.text(
                tr(
                    QT_TRANSLATE_NOOP("Print", "{points} points expire on {date}"),
                    points=points(data.expiring_points),
                    date=data.expiring_on,
                ),
                small,
            )
        if data.next_tier_name is not None and data.spend_to_next_tier_fen > 0:
            slip.text(
                tr(
                    QT_TRANSLATE_NOOP("Print", "Spend {amount} more to reach {tier}"),
                    amount=yuan(data.spend_to_next_tier_fen),
                    tier=tr.text(data.next_tier_name),
                ),
                small,
            )
        elif data.next_tier_name is None and data.tier_name is not None:
            slip.text(tr(QT_TRANSLATE_NOOP("Print", "Highest tier: thank you for your loyalty")), small)

    # -- terms and signature
    if data.terms:
        slip.rule()
        slip.text(tr(QT_TRANSLATE_NOOP("Print", "Terms")), small, bold=True)
        for term in data.terms:
            slip.text(tr.msg(term), small)
    if data.needs_signature:
        slip.rule()
        if data.kind == "donate_points":  # nothing is handed over: the member confirms the gift of points
            slip.text(tr(QT_TRANSLATE_NOOP("Print", "I confirm this donation of my points.")), small)
        else:
            slip.text(tr(QT_TRANSLATE_NOOP("Print", "I confirm I received the above.")), small)
        slip.signature(tr(QT_TRANSLATE_NOOP("Print", "Member signature")))

    # -- reference for audits and reprints
    slip.rule()
    slip.gap(2)
    slip.qr(data.op_ref, 24 * mm if width_mm >= 80 else 20 * mm)
    slip.center(data.op_ref, body, bold=True)
    slip.center(tr(QT_TRANSLATE_NOOP("Print", "Keep this receipt. Scan the code to reprint or check it.")), small)
    if data.rules_version:
        slip.center(tr(QT_TRANSLATE_NOOP("Print", "Rules {version}"), version=data.rules_version), small)
    if reprint:
        slip.gap(3)
        slip.band(tr(QT_TRANSLATE_NOOP("Print", "REPRINT / 重印")), body + 1)
    return slip.render()
