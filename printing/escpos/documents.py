"""The slips a receipt printer prints, as ESC/POS bytes: the same plain data and labels as the PDF slips.

Every function mirrors its PDF twin line for line (``printing.receipt``, ``printing.welcome``), so a
slip says the same thing whichever way it is printed; only the layout is in columns instead of points.
"""

from __future__ import annotations

from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, Text
from membership.receipt import ReceiptData

from ..receipt import ISSUES_COUPON
from ..text import Tr, points, signed_points, yuan
from ..welcome import WelcomeSlipData
from .profiles import PrinterConfig
from .ticket import Ticket


def receipt_escpos(
    data: ReceiptData,
    config: PrinterConfig,
    *,
    language: str = DEFAULT_LANGUAGE,
    reprint: bool = False,
    reprinted_at: str | None = None,
) -> bytes:
    """The receipt for one operation as an ESC/POS job (cut at the end)."""
    tr = Tr(language)
    t = Ticket(config)
    t.center(tr.text(data.mall_name), bold=True, size=2)
    t.center(data.desk_name)
    if reprint:
        t.gap()
        t.band(tr(QT_TRANSLATE_NOOP("Print", "REPRINT / 重印")))
        if reprinted_at:
            t.center(tr(QT_TRANSLATE_NOOP("Print", "Reprinted {at}"), at=reprinted_at))
    t.gap()
    t.center(tr.msg(data.kind_label), bold=True)
    if not data.online:
        t.boxed(tr(QT_TRANSLATE_NOOP("Print", "Offline: provisional until this terminal syncs")))
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Time")), data.at_local)
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Desk")), f"{data.desk_name} · {data.terminal_code:03d}")
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Staff")), f"{data.staff_no} {data.staff_name}".strip())
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Reference")), data.op_ref)

    t.rule()
    if data.member_no:
        t.pair(tr(QT_TRANSLATE_NOOP("Print", "Member no.")), data.member_no)
        t.pair(tr(QT_TRANSLATE_NOOP("Print", "Name")), data.member_name_masked)
        t.pair(tr(QT_TRANSLATE_NOOP("Print", "Mobile")), data.phone_masked)
        if data.tier_name is not None:
            t.pair(tr(QT_TRANSLATE_NOOP("Print", "Tier")), tr.text(data.tier_name))
    else:
        t.text(tr(QT_TRANSLATE_NOOP("Print", "Not linked to a member")))

    t.rule()
    for line in data.lines:
        t.text(tr.msg(line))
    if data.value_fen:
        t.pair(tr(QT_TRANSLATE_NOOP("Print", "Value to the member")), yuan(data.value_fen), bold=True)
    coupon_code = data.extra.get("coupon_code") if data.kind in ISSUES_COUPON else None
    if coupon_code:
        t.gap()
        t.qr(str(coupon_code), "coupon")
        t.center(str(coupon_code))

    if data.member_no:
        t.rule()
        t.pair(tr(QT_TRANSLATE_NOOP("Print", "Points before")), points(data.points_before))
        t.pair(tr(QT_TRANSLATE_NOOP("Print", "This transaction")), signed_points(data.points_delta))
        t.pair(tr(QT_TRANSLATE_NOOP("Print", "Points now")), points(data.points_after), bold=True)
        if data.expiring_points > 0 and data.expiring_on:
            t.text(
                tr(
                    QT_TRANSLATE_NOOP("Print", "{points} points expire on {date}"),
                    points=points(data.expiring_points),
                    date=data.expiring_on,
                )
            )
        if data.next_tier_name is not None and data.spend_to_next_tier_fen > 0:
            t.text(
                tr(
                    QT_TRANSLATE_NOOP("Print", "Spend {amount} more to reach {tier}"),
                    amount=yuan(data.spend_to_next_tier_fen),
                    tier=tr.text(data.next_tier_name),
                )
            )
        elif data.next_tier_name is None and data.tier_name is not None:
            t.text(tr(QT_TRANSLATE_NOOP("Print", "Highest tier: thank you for your loyalty")))

    if data.terms:
        t.rule()
        t.text(tr(QT_TRANSLATE_NOOP("Print", "Terms")), bold=True)
        for term in data.terms:
            t.text(tr.msg(term))
    if data.needs_signature:
        t.rule()
        t.text(tr(QT_TRANSLATE_NOOP("Print", "I confirm I received the above.")))
        t.signature(tr(QT_TRANSLATE_NOOP("Print", "Member signature")))

    t.rule()
    t.qr(data.op_ref, "ref")
    t.center(data.op_ref, bold=True)
    t.center(tr(QT_TRANSLATE_NOOP("Print", "Keep this receipt. Scan the code to reprint or check it.")))
    if data.rules_version:
        t.center(tr(QT_TRANSLATE_NOOP("Print", "Rules {version}"), version=data.rules_version))
    if reprint:
        t.gap()
        t.band(tr(QT_TRANSLATE_NOOP("Print", "REPRINT / 重印")))
    return t.output()


def welcome_escpos(data: WelcomeSlipData, config: PrinterConfig, *, language: str = DEFAULT_LANGUAGE) -> bytes:
    """The welcome slip with the member's QR code as an ESC/POS job."""
    if not data.token.isalnum() or not data.token.isupper():
        raise ValueError("the member token must be uppercase letters and digits")
    tr = Tr(language)
    t = Ticket(config)
    t.center(tr.text(data.mall_name), bold=True, size=2)
    t.center(tr(QT_TRANSLATE_NOOP("Print", "Welcome to our membership!")), bold=True)
    t.gap()
    t.center(data.member_name_masked)
    t.gap()
    t.qr(data.token, "token", mode="alphanumeric")
    t.center(tr(QT_TRANSLATE_NOOP("Print", "Member no. {member_no}"), member_no=data.member_no), bold=True)
    t.center(tr(QT_TRANSLATE_NOOP("Print", "Show this code at any desk or checkout to earn and use points.")))
    if data.token_valid_until:
        t.center(tr(QT_TRANSLATE_NOOP("Print", "Code valid until {date}"), date=data.token_valid_until))

    t.rule()
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Tier")), tr.text(data.tier_name), bold=True)
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Mobile")), data.phone_masked)
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Welcome points")), points(data.welcome_points))
    if data.referral_points:
        t.pair(tr(QT_TRANSLATE_NOOP("Print", "Referral points")), points(data.referral_points))
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Points now")), points(data.points_balance), bold=True)
    if data.welcome_gift is not None:
        t.text(tr(QT_TRANSLATE_NOOP("Print", "Welcome gift: {gift}"), gift=tr.text(data.welcome_gift)))

    t.rule()
    t.text(tr.text(data.rules_location))
    t.text(tr(QT_TRANSLATE_NOOP("Print", "Keep this slip safe: the code identifies you as a member.")))

    t.rule()
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Time")), data.at_local)
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Desk")), f"{data.desk_name} · {data.terminal_code:03d}")
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Staff")), f"{data.staff_no} {data.staff_name}".strip())
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Reference")), data.op_ref)
    return t.output()


TEST_QR = "MEMBERDESK-TEST"


def sample_page_escpos(
    config: PrinterConfig, *, mall_name: Text | str = "", at_local: str = "", language: str = DEFAULT_LANGUAGE
) -> bytes:
    """A test print: model, connection, encoding, a line of Chinese, the column ruler and a QR code.

    Staff compare it with what Settings says: garbled Chinese means the encoding does not match the
    printer; a ruler that wraps means the paper width is wrong; no QR means the model needs the raster.
    """
    tr = Tr(language)
    t = Ticket(config)
    if mall_name:
        t.center(tr.text(mall_name), bold=True, size=2)
    t.center(tr(QT_TRANSLATE_NOOP("Print", "Printer test")), bold=True)
    if at_local:
        t.center(at_local)
    t.rule()
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Model")), config.profile.name)
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Connection")), f"{config.transport} {config.address}")
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Encoding")), config.encoding.upper())
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Paper")), f"{config.width_mm} mm · {config.columns}")
    t.rule()
    t.text(tr(QT_TRANSLATE_NOOP("Print", "If this line shows Chinese correctly, the encoding is right:")))
    t.center("会员服务台 積分兌換 ￥1,234.50")
    ruler = "".join(str(i % 10) for i in range(1, config.columns + 1))
    t.text(ruler)
    t.qr(TEST_QR, "ref")
    t.center(TEST_QR)
    return t.output()
