"""The welcome slip a new member takes home: the signed member QR code, tier, welcome points and gift."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, Text

from .slip import Slip, paper
from .text import Tr, points


@dataclass(frozen=True)
class WelcomeSlipData:
    mall_name: Text
    desk_name: str
    terminal_code: int
    at_local: str  # "2026-11-22 14:05" in the mall's time zone
    staff_no: str
    staff_name: str
    op_ref: str  # the enrollment operation's short reference
    member_no: str
    member_name_masked: str
    phone_masked: str
    tier_name: Text
    token: str  # the server-signed member QR token (uppercase base32, QR alphanumeric set)
    welcome_points: int
    points_balance: int  # after welcome and referral points
    rules_location: Text  # Rules.rules_location
    welcome_gift: Text | None = None
    referral_points: int = 0
    token_valid_until: str | None = None  # last day the printed code scans, when it has one


def render_welcome_slip(data: WelcomeSlipData, *, width_mm: int = 80, language: str = DEFAULT_LANGUAGE) -> bytes:
    """The welcome slip as PDF bytes on thermal paper, page length fitted to the content."""
    if not data.token.isalnum() or not data.token.isupper():
        # The alphanumeric QR mode holds only 0-9, A-Z; a token outside it is corrupt, not printable.
        raise ValueError("the member token must be uppercase letters and digits")
    p = paper(width_mm)
    tr = Tr(language)
    body = p.body
    small = body - 1.5
    slip = Slip(p, title=tr(QT_TRANSLATE_NOOP("Print", "Welcome")) + f" {data.member_no}")

    slip.center(tr.text(data.mall_name), body + 4.5, bold=True)
    slip.center(tr(QT_TRANSLATE_NOOP("Print", "Welcome to our membership!")), body + 2.5, bold=True)
    slip.gap(2)
    slip.center(data.member_name_masked, body + 1)
    slip.gap(2)
    # The member scans this code at every desk and checkout: as large as the paper allows.
    slip.qr(data.token, 52 * mm if width_mm >= 80 else 44 * mm, mode="alphanumeric")
    slip.center(tr(QT_TRANSLATE_NOOP("Print", "Member no. {member_no}"), member_no=data.member_no), body + 1, bold=True)
    slip.center(tr(QT_TRANSLATE_NOOP("Print", "Show this code at any desk or checkout to earn and use points.")), small)
    if data.token_valid_until:
        slip.center(tr(QT_TRANSLATE_NOOP("Print", "Code valid until {date}"), date=data.token_valid_until), small)

    slip.rule()
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Tier")), tr.text(data.tier_name), bold=True)
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Mobile")), data.phone_masked)
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Welcome points")), points(data.welcome_points))
    if data.referral_points:
        slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Referral points")), points(data.referral_points))
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Points now")), points(data.points_balance), body + 1.5, bold=True)
    if data.welcome_gift is not None:
        slip.text(tr(QT_TRANSLATE_NOOP("Print", "Welcome gift: {gift}"), gift=tr.text(data.welcome_gift)))

    slip.rule()
    slip.text(tr.text(data.rules_location), small)
    slip.text(tr(QT_TRANSLATE_NOOP("Print", "Keep this slip safe: the code identifies you as a member.")), small)

    slip.rule()
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Time")), data.at_local, small)
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Desk")), f"{data.desk_name} · {data.terminal_code:03d}", small)
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Staff")), f"{data.staff_no} {data.staff_name}".strip(), small)
    slip.pair(tr(QT_TRANSLATE_NOOP("Print", "Reference")), data.op_ref, small)
    return slip.render()
