"""What a receipt and a welcome slip say, decided once: their lines, labels, values and order as plain data.

Both renderers draw the same list: the PDF slip (``printing.receipt``, ``printing.welcome`` through
:func:`printing.slip.draw`) and the ESC/POS ticket (``printing.escpos.documents`` through
:func:`printing.escpos.ticket.draw`). They differ only in typography: a PDF has point sizes, a text
printer has one size (and double size), bold and whole blank lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from membership.i18n import QT_TRANSLATE_NOOP
from membership.receipt import ReceiptData

from .text import Tr, points, signed_points, yuan

if TYPE_CHECKING:  # welcome.py imports this module for its lines
    from .welcome import WelcomeSlipData

# Kinds whose ``extra["coupon_code"]`` is a coupon just issued to the member: printed as a QR the
# cashier can scan. (A verified coupon is spent; printing its code again would only invite misuse.)
ISSUES_COUPON = ("redeem_gift", "claim_benefit")

# Sizes on PDF, in points relative to the paper's body size. A text printer ignores them.
TITLE = 4.5
SMALL = -1.5


Kind = Literal["text", "center", "pair", "rule", "gap", "band", "boxed", "qr", "signature"]


@dataclass(frozen=True)
class Line:
    """One item of a slip, top to bottom. ``text`` is the text, a pair's label, a QR code's data or a
    signature's label; the other fields matter only for the kinds their comments name."""

    kind: Kind
    text: str = ""
    value: str = ""  # a pair's value
    size: float = 0.0  # PDF points above (or below) the paper's body size
    bold: bool = False
    double: bool = False  # a text printer prints it at double width and height (the mall's name)
    points: float = 0.0  # a gap's height on PDF
    blank_line: bool = False  # a gap: a text printer leaves a blank line (else only the PDF has the space)
    purpose: str = ""  # a QR code's purpose ("ref", "coupon", "token"), which sets its printed size
    mode: str | None = None  # a QR code's encoding mode (None: the densest that fits)


def text(value: str, size: float = 0.0, bold: bool = False) -> Line:
    return Line("text", value, size=size, bold=bold)


def center(value: str, size: float = 0.0, bold: bool = False, double: bool = False) -> Line:
    return Line("center", value, size=size, bold=bold, double=double)


def pair(label: str, value: str, size: float = 0.0, bold: bool = False) -> Line:
    return Line("pair", label, value, size=size, bold=bold)


def gap(points: float, blank_line: bool) -> Line:
    return Line("gap", points=points, blank_line=blank_line)


def qr(data: str, purpose: str, mode: str | None = None) -> Line:
    return Line("qr", data, purpose=purpose, mode=mode)


RULE = Line("rule")


def _where_and_who(
    tr: Tr, desk_name: str, terminal_code: int, at_local: str, staff: str, op_ref: str, size: float
) -> list[Line]:
    return [
        pair(tr(QT_TRANSLATE_NOOP("Print", "Time")), at_local, size),
        pair(tr(QT_TRANSLATE_NOOP("Print", "Desk")), f"{desk_name} · {terminal_code:03d}", size),
        pair(tr(QT_TRANSLATE_NOOP("Print", "Staff")), staff.strip(), size),
        pair(tr(QT_TRANSLATE_NOOP("Print", "Reference")), op_ref, size),
    ]


def receipt_lines(data: ReceiptData, tr: Tr, *, reprint: bool = False, reprinted_at: str | None = None) -> list[Line]:
    """The receipt for one operation.

    ``reprint`` adds a black "REPRINT / 重印" band at the top and bottom (and ``reprinted_at``, the
    local time of the reprint) so a reprint can never pass for a second original.
    """
    reprint_band = tr(QT_TRANSLATE_NOOP("Print", "REPRINT / 重印"))
    out: list[Line] = []
    add = out.append

    # -- who and where
    add(center(tr.text(data.mall_name), TITLE, bold=True, double=True))
    add(center(data.desk_name))
    add(gap(3, blank_line=True))
    if reprint:
        add(Line("band", reprint_band, size=3))
        if reprinted_at:
            add(center(tr(QT_TRANSLATE_NOOP("Print", "Reprinted {at}"), at=reprinted_at), SMALL))
        add(gap(3, blank_line=True))
    add(center(tr.msg(data.kind_label), 3.5, bold=True))
    if not data.online:
        add(gap(2, blank_line=False))
        add(Line("boxed", tr(QT_TRANSLATE_NOOP("Print", "Offline: provisional until this terminal syncs")), size=SMALL))
    add(gap(2, blank_line=False))
    staff = f"{data.staff_no} {data.staff_name}"
    out += _where_and_who(tr, data.desk_name, data.terminal_code, data.at_local, staff, data.op_ref, 0.0)

    # -- the member
    add(RULE)
    if data.member_no:
        add(pair(tr(QT_TRANSLATE_NOOP("Print", "Member no.")), data.member_no))
        add(pair(tr(QT_TRANSLATE_NOOP("Print", "Name")), data.member_name_masked))
        add(pair(tr(QT_TRANSLATE_NOOP("Print", "Mobile")), data.phone_masked))
        if data.tier_name is not None:
            add(pair(tr(QT_TRANSLATE_NOOP("Print", "Tier")), tr.text(data.tier_name)))
    else:
        add(text(tr(QT_TRANSLATE_NOOP("Print", "Not linked to a member"))))

    # -- what happened
    add(RULE)
    out += [text(tr.msg(line)) for line in data.lines]
    if data.value_fen:
        add(pair(tr(QT_TRANSLATE_NOOP("Print", "Value to the member")), yuan(data.value_fen), bold=True))
    coupon_code = data.extra.get("coupon_code") if data.kind in ISSUES_COUPON else None
    if coupon_code:
        add(gap(3, blank_line=True))
        add(qr(str(coupon_code), "coupon"))
        add(center(str(coupon_code), SMALL))

    # -- points and tier
    if data.member_no:
        add(RULE)
        add(pair(tr(QT_TRANSLATE_NOOP("Print", "Points before")), points(data.points_before)))
        add(pair(tr(QT_TRANSLATE_NOOP("Print", "This transaction")), signed_points(data.points_delta)))
        add(pair(tr(QT_TRANSLATE_NOOP("Print", "Points now")), points(data.points_after), 1.5, bold=True))
        if data.expiring_points > 0 and data.expiring_on:
            add(
                text(
                    tr(
                        QT_TRANSLATE_NOOP("Print", "{points} points expire on {date}"),
                        points=points(data.expiring_points),
                        date=data.expiring_on,
                    ),
                    SMALL,
                )
            )
        if data.next_tier_name is not None and data.spend_to_next_tier_fen > 0:
            add(
                text(
                    tr(
                        QT_TRANSLATE_NOOP("Print", "Spend {amount} more to reach {tier}"),
                        amount=yuan(data.spend_to_next_tier_fen),
                        tier=tr.text(data.next_tier_name),
                    ),
                    SMALL,
                )
            )
        elif data.next_tier_name is None and data.tier_name is not None:
            add(text(tr(QT_TRANSLATE_NOOP("Print", "Highest tier: thank you for your loyalty")), SMALL))

    # -- terms and signature
    if data.terms:
        add(RULE)
        add(text(tr(QT_TRANSLATE_NOOP("Print", "Terms")), SMALL, bold=True))
        out += [text(tr.msg(term), SMALL) for term in data.terms]
    if data.needs_signature:
        add(RULE)
        if data.kind == "donate_points":  # nothing is handed over: the member confirms the gift of points
            add(text(tr(QT_TRANSLATE_NOOP("Print", "I confirm this donation of my points.")), SMALL))
        else:
            add(text(tr(QT_TRANSLATE_NOOP("Print", "I confirm I received the above.")), SMALL))
        add(Line("signature", tr(QT_TRANSLATE_NOOP("Print", "Member signature"))))

    # -- reference for audits and reprints
    add(RULE)
    add(gap(2, blank_line=False))
    add(qr(data.op_ref, "ref"))
    add(center(data.op_ref, bold=True))
    add(center(tr(QT_TRANSLATE_NOOP("Print", "Keep this receipt. Scan the code to reprint or check it.")), SMALL))
    if data.rules_version:
        add(center(tr(QT_TRANSLATE_NOOP("Print", "Rules {version}"), version=data.rules_version), SMALL))
    if reprint:
        add(gap(3, blank_line=True))
        add(Line("band", reprint_band, size=1))
    return out


def welcome_lines(data: WelcomeSlipData, tr: Tr) -> list[Line]:
    """The welcome slip a new member takes home: the member QR code, tier, welcome points and gift."""
    if not data.token.isalnum() or not data.token.isupper():
        # The alphanumeric QR mode holds only 0-9, A-Z; a token outside it is corrupt, not printable.
        raise ValueError("the member token must be uppercase letters and digits")
    out = [
        center(tr.text(data.mall_name), TITLE, bold=True, double=True),
        center(tr(QT_TRANSLATE_NOOP("Print", "Welcome to our membership!")), 2.5, bold=True),
        gap(2, blank_line=True),
        center(data.member_name_masked, 1),
        gap(2, blank_line=True),
        # The member scans this code at every desk and checkout: as large as the paper allows.
        qr(data.token, "token", mode="alphanumeric"),
        center(tr(QT_TRANSLATE_NOOP("Print", "Member no. {member_no}"), member_no=data.member_no), 1, bold=True),
        center(tr(QT_TRANSLATE_NOOP("Print", "Show this code at any desk or checkout to earn and use points.")), SMALL),
    ]
    add = out.append
    if data.token_valid_until:
        add(center(tr(QT_TRANSLATE_NOOP("Print", "Code valid until {date}"), date=data.token_valid_until), SMALL))

    add(RULE)
    add(pair(tr(QT_TRANSLATE_NOOP("Print", "Tier")), tr.text(data.tier_name), bold=True))
    add(pair(tr(QT_TRANSLATE_NOOP("Print", "Mobile")), data.phone_masked))
    add(pair(tr(QT_TRANSLATE_NOOP("Print", "Welcome points")), points(data.welcome_points)))
    if data.referral_points:
        add(pair(tr(QT_TRANSLATE_NOOP("Print", "Referral points")), points(data.referral_points)))
    add(pair(tr(QT_TRANSLATE_NOOP("Print", "Points now")), points(data.points_balance), 1.5, bold=True))
    if data.welcome_gift is not None:
        add(text(tr(QT_TRANSLATE_NOOP("Print", "Welcome gift: {gift}"), gift=tr.text(data.welcome_gift))))

    add(RULE)
    add(text(tr.text(data.rules_location), SMALL))
    add(text(tr(QT_TRANSLATE_NOOP("Print", "Keep this slip safe: the code identifies you as a member.")), SMALL))

    add(RULE)
    staff = f"{data.staff_no} {data.staff_name}"
    out += _where_and_who(tr, data.desk_name, data.terminal_code, data.at_local, staff, data.op_ref, SMALL)
    return out
