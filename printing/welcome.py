"""The welcome slip a new member takes home: the signed member QR code, tier, welcome points and gift."""

from __future__ import annotations

from dataclasses import dataclass

from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, Text

from .slip import Slip, draw, paper
from .slip_content import welcome_lines
from .text import Tr


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
    tr = Tr(language)
    lines = welcome_lines(data, tr)  # refuses a corrupt token before any layout
    slip = Slip(paper(width_mm), title=tr(QT_TRANSLATE_NOOP("Print", "Welcome")) + f" {data.member_no}")
    draw(slip, lines)
    return slip.render()
