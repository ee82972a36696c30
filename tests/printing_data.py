"""Realistic sample data for the printing tests: one receipt per operation kind, a welcome slip, a
member's year, a desk's business day and a shift, with figures chosen so totals can be checked by hand."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from membership.codes import private_key_from_hex, sign_member_token
from membership.i18n import Message, Text
from membership.receipt import ReceiptData
from printing.report import (
    ActivityFigures,
    AdjustmentRow,
    BenefitRow,
    CouponRow,
    DailyReportData,
    EarnRow,
    EnrollmentRow,
    ExceptionRow,
    PaperSlipRow,
    RedeemRow,
    ReversalRow,
    ShiftHandoverData,
    StockCount,
    StockRow,
    TerminalSync,
)
from printing.statement import BenefitUse, MonthFigures, RedemptionUse, StatementData
from printing.welcome import WelcomeSlipData

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "printing"
MM = 72 / 25.4


# -- reading PDFs back ---------------------------------------------------------------------------------


def read_pdf(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-"), "not a PDF"
    return PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF as pypdf extracts it, pages joined by newlines."""
    return "\n".join(page.extract_text() for page in read_pdf(pdf).pages)


def flat(text: str) -> str:
    """Text without whitespace: table cells and wrapped lines compare reliably."""
    return re.sub(r"\s+", "", text)


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    return [
        (round(float(p.mediabox.width) / MM, 1), round(float(p.mediabox.height) / MM, 1)) for p in read_pdf(pdf).pages
    ]


def text_extents(pdf: bytes) -> list[tuple[str, float, float, float]]:
    """(text, left, right, baseline) of every line drawn directly on the page (slips have no transforms).

    pypdf reports each font run of a line at the line's start, so runs sharing a start are joined and
    their widths (measured with the same font metrics the renderer uses) added up.
    """
    from printing.fonts import string_width

    lines: list[list] = []
    for page in read_pdf(pdf).pages:

        def visit(text, cm, tm, font_dict, font_size):
            if not text.strip("\n"):
                return
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            size = font_size * tm[0] * cm[0]
            bold = "Bold" in str((font_dict or {}).get("/BaseFont", ""))
            width = string_width(text, size, bold)
            if lines and abs(lines[-1][1] - x) < 0.01 and abs(lines[-1][3] - y) < 0.01:
                lines[-1][0] += text
                lines[-1][2] += width
            else:
                text = text.lstrip()  # pypdf puts a space before text that starts away from the last
                lines.append([text, x, string_width(text, size, bold), y])

        page.extract_text(visitor_text=visit)
    return [(text, x, x + width, y) for text, x, width, y in lines]


def to_png(pdf: bytes, name: str, dpi: int = 150) -> list[Path]:
    """Render every page with pdftoppm into artifacts/printing/ (for people to look at) and return the files."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), str(ARTIFACTS / f"{name}.pdf"), str(ARTIFACTS / name)],
        check=True,
        timeout=60,
    )
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


# -- sample data ---------------------------------------------------------------------------------------

MALL = Text("星河广场", "星河廣場", "Galaxy Plaza")
GOLD = Text("金卡会员", "金卡會員", "Gold")
DIAMOND = Text("钻石会员", "鑽石會員", "Diamond")
SILVER = Text("银卡会员", "銀卡會員", "Silver")
REGULAR = Text("普通会员", "普通會員", "Regular")
CUP = Text("品牌保温杯", "品牌保溫杯", "Insulated cup")
BAG = Text("环保购物袋", "環保購物袋", "Reusable shopping bag")
PARKING = Text("停车券 2 小时", "停車券 2 小時", "Parking voucher, 2 hours")
TICKET = Text("电影票（2D 单张）", "電影票（2D 單張）", "Movie ticket (2D)")
DINING = Text("20 元餐饮券", "20 元餐飲券", "¥20 dining coupon")
BDAY50 = Text("生日 50 元券", "生日 50 元券", "¥50 birthday coupon")
DINING_TERMS = Text(
    "限四楼餐饮商户使用，满 100 元可用，不找零，不兑现。",
    "限四樓餐飲商戶使用，滿 100 元可用，不找零，不兌現。",
    "4F dining only, on a spend of ¥100 or more; no change, no cash.",
)
BDAY_TERMS = Text(
    "生日月内全场通用，满 300 元可用，每单限用一张。",
    "生日月內全場通用，滿 300 元可用，每單限用一張。",
    "Any store in the birthday month, on a spend of ¥300 or more; one per purchase.",
)
GIFT_SMALL = Text("生日礼品及生日优惠券", "生日禮品及生日優惠券", "Birthday gift and a birthday coupon")

PHONE = "13812345678"
PHONE_MASKED = "138****5678"
# A member token signed the way the server signs it (Ed25519 is deterministic, so this never changes).
TOKEN = sign_member_token(private_key_from_hex("5a" * 32), 1, "0070004528", date(2027, 12, 31))


def _m(text: str, **params: object) -> Message:
    return Message("Receipt", text, dict(params))


def _kind(text: str) -> Message:
    return Message("Operation", text)


def base_receipt(**changes: object) -> ReceiptData:
    data = ReceiptData(
        mall_name=MALL,
        desk_name="一楼中庭服务台",
        terminal_code=7,
        op_id="0193f1d2-8c4e-7a10-9b2c-5d6e7f801234",
        op_ref="007-000123",
        kind="earn",
        kind_label=_kind("Points for purchase"),
        at_utc="2026-11-22T06:05:12.000Z",
        at_local="2026-11-22 14:05",
        business_day="2026-11-22",
        staff_no="S0107",
        staff_name="李娜",
        member_no="0070001235",
        member_name_masked="王**",
        phone_masked=PHONE_MASKED,
        tier_name=GOLD,
        points_before=12_480,
        points_after=12_930,
        points_delta=450,
        expiring_points=3_200,
        expiring_on="2026-12-31",
        next_tier_name=DIAMOND,
        spend_to_next_tier_fen=645_000,
        lines=(_m("Purchase ¥{amount}: {points} points", amount="300.00", points=450),),
        online=True,
        rules_version="2026.1",
    )
    return replace(data, **changes)


def receipts_by_kind() -> dict[str, ReceiptData]:
    """One realistic receipt for each operation kind that changes points, stock or benefits."""
    return {
        "enroll": base_receipt(
            kind="enroll",
            kind_label=_kind("Enrollment"),
            op_ref="007-000118",
            member_no="0070004528",
            member_name_masked="陈**",
            tier_name=REGULAR,
            points_before=0,
            points_after=200,
            points_delta=200,
            expiring_points=0,
            expiring_on=None,
            next_tier_name=SILVER,
            spend_to_next_tier_fen=500_000,
            lines=(
                _m("Welcome points: {points}", points=100),
                _m(
                    "Referral points: {points} (referrer {referrer} receives {referrer_points})",
                    points=100,
                    referrer="0070001235",
                    referrer_points=200,
                ),
            ),
        ),
        "earn": base_receipt(
            lines=(
                _m("Purchase ¥{amount}: {points} points", amount="255.00", points=382),
                _m(
                    "Tier discount {percent}% off: −¥{discount}, to pay ¥{paid}",
                    percent="15",
                    discount="45.00",
                    paid="255.00",
                ),
            ),
            points_after=12_862,
            points_delta=382,
            value_fen=4_500,
        ),
        "credit_receipt": base_receipt(
            kind="credit_receipt",
            kind_label=_kind("Receipt credit"),
            op_ref="007-000124",
            points_after=14_430,
            points_delta=1_950,
            lines=(
                _m(
                    "Receipt {receipt_no} from {tenant}, ¥{amount} on {date}: {points} points",
                    receipt_no="B101-20261120-0088",
                    tenant="兰蔻 Lancôme",
                    amount="866.00",
                    date="2026-11-20",
                    points=1_950,
                ),
                _m("Campaign multiplier ×{mult} applied", mult="1.5"),
            ),
        ),
        "redeem_gift": base_receipt(
            kind="redeem_gift",
            kind_label=_kind("Gift redemption"),
            op_ref="007-000125",
            points_after=10_680,
            points_delta=-1_800,
            needs_signature=True,
            lines=(
                _m("{quantity} × {item}: −{points} points", quantity=1, item=DINING, points=1_800),
                _m(
                    "Coupon {code}, valid {first} to {last}",
                    code="CRED20-0070000AF7",
                    first="2026-11-22",
                    last="2026-12-21",
                ),
            ),
            terms=(Message("Receipt", "{terms}", {"terms": DINING_TERMS}),),
            extra={"coupon_code": "CRED20-0070000AF7", "item_code": "K001"},
        ),
        "redeem_cash_offset": base_receipt(
            kind="redeem_cash_offset",
            kind_label=_kind("Points as cash"),
            op_ref="012-004410",
            desk_name="收银台 12",
            terminal_code=12,
            points_after=10_480,
            points_delta=-2_000,
            value_fen=2_000,
            lines=(
                _m(
                    "{points} points paid ¥{value} of a ¥{amount} purchase",
                    points=2_000,
                    value="20.00",
                    amount="188.00",
                ),
            ),
        ),
        "verify_coupon": base_receipt(
            kind="verify_coupon",
            kind_label=_kind("Coupon verified"),
            op_ref="007-000126",
            points_after=12_480,
            points_delta=0,
            value_fen=5_000,
            lines=(_m("Coupon {code}: {name}, value ¥{value}", code="CBDAY50-00700012K", name=BDAY50, value="50.00"),),
            terms=(Message("Receipt", "{terms}", {"terms": BDAY_TERMS}),),
            extra={"coupon_code": "CBDAY50-00700012K"},
        ),
        "claim_benefit": base_receipt(
            kind="claim_benefit",
            kind_label=_kind("Benefit claimed"),
            op_ref="007-000127",
            points_after=12_480,
            points_delta=0,
            needs_signature=True,
            lines=(
                _m("Birthday gift: {gift}", gift=GIFT_SMALL),
                _m(
                    "Coupon {code}, valid {first} to {last}",
                    code="CBDAY50-00700013L",
                    first="2026-11-22",
                    last="2026-12-22",
                ),
            ),
            terms=(Message("Receipt", "{terms}", {"terms": BDAY_TERMS}),),
            extra={"coupon_code": "CBDAY50-00700013L", "benefit": "birthday"},
        ),
        "reverse": base_receipt(
            kind="reverse",
            kind_label=_kind("Reversal"),
            op_ref="007-000128",
            points_after=12_030,
            points_delta=-450,
            lines=(
                _m(
                    "Reversal of {kind} {ref}: {reason}",
                    kind=_kind("Points for purchase"),
                    ref="0193f1d2",
                    reason="顾客退货，原小票已收回",
                ),
            ),
        ),
        "adjust": base_receipt(
            kind="adjust",
            kind_label=_kind("Points adjustment"),
            op_ref="007-000129",
            points_after=12_980,
            points_delta=500,
            lines=(
                _m(
                    "Adjustment {points:+d} points: {reason}",
                    points=500,
                    reason="系统故障期间漏记积分，经客服主管张伟核实后补录",
                ),
            ),
        ),
    }


def welcome_slip(**changes: object) -> WelcomeSlipData:
    data = WelcomeSlipData(
        mall_name=MALL,
        desk_name="一楼中庭服务台",
        terminal_code=7,
        at_local="2026-11-22 14:02",
        staff_no="S0107",
        staff_name="李娜",
        op_ref="007-000118",
        member_no="0070004528",
        member_name_masked="陈**",
        phone_masked=PHONE_MASKED,
        tier_name=REGULAR,
        token=TOKEN,
        welcome_points=100,
        points_balance=200,
        rules_location=Text(
            "会员规则见服务台《会员权益手册》",
            "會員規則見服務台《會員權益手冊》",
            "Full rules: the benefits handbook at the member service desk",
        ),
        welcome_gift=BAG,
        referral_points=100,
    )
    return replace(data, **changes)


def statement(**changes: object) -> StatementData:
    months = (
        MonthFigures(1, 820, 0, 68_000),
        MonthFigures(2, 1_960, 1_500, 130_500),
        MonthFigures(3, 430, 0, 28_700),
        MonthFigures(4, 1_120, 400, 74_600),
        MonthFigures(5, 2_480, 0, 165_300),
        MonthFigures(6, 760, 1_800, 50_600),
        MonthFigures(7, 390, 0, 26_000),
        MonthFigures(8, 1_350, 400, 90_000),
        MonthFigures(9, 980, 0, 65_300),
        MonthFigures(10, 3_150, 3_000, 210_000),
        MonthFigures(11, 4_620, 2_000, 308_000),
        MonthFigures(12, 1_740, 400, 116_000),
    )
    earned = sum(m.earned for m in months)  # 19,800
    redeemed = sum(m.redeemed for m in months)  # 9,500
    data = StatementData(
        mall_name=MALL,
        year=2026,
        generated_on="2027-01-05",
        member_no="0070001235",
        member_name_masked="王**",
        phone_masked=PHONE_MASKED,
        tier_name=GOLD,
        member_since="2023-04-16",
        points_opening=6_420,
        points_earned=earned,
        points_redeemed=redeemed,
        points_expired=1_380,
        points_adjusted=500,
        points_closing=6_420 + earned - redeemed - 1_380 + 500,
        spend_fen=sum(m.spend_fen for m in months),
        purchases=86,
        discount_fen=235_235,
        cash_offset_fen=2_000,
        coupon_fen=15_000,
        months=months,
        benefits=(
            BenefitUse("parking", 31, "93 小时"),
            BenefitUse("birthday", 1, GIFT_SMALL),
            BenefitUse("member_day", 4),
        ),
        redemptions=(
            RedemptionUse(CUP, 1, 1_500),
            RedemptionUse(DINING, 2, 3_600),
            RedemptionUse(PARKING, 4, 1_600),
            RedemptionUse(TICKET, 1, 2_500),
        ),
        expiring_points=4_200,
        expiring_on="2027-12-31",
        next_tier_name=DIAMOND,
        spend_to_next_tier_fen=666_000,
        rules_location=Text(
            "会员规则见服务台《会员权益手册》",
            "會員規則見服務台《會員權益手冊》",
            "Full rules: the benefits handbook at the member service desk",
        ),
    )
    return replace(data, **changes)


def figures() -> ActivityFigures:
    """A desk's business day. Totals: 21 enrollments, 58,610 points earned, 17,900 points redeemed."""
    return ActivityFigures(
        enrollments=(
            EnrollmentRow("S0107", "李娜", "desk", 12),
            EnrollmentRow("S0112", "赵敏", "desk", 6),
            EnrollmentRow("S0107", "李娜", "paper", 3),
        ),
        earned=(
            EarnRow("receipt", 64, 51_310, 3_420_650),
            EarnRow("welcome", 21, 2_100),
            EarnRow("referral", 5, 1_500),
            EarnRow("earn", 9, 3_200, 213_400),
            EarnRow("adjust", 1, 500),
        ),
        redeemed=(
            RedeemRow("gift", "G001", CUP, 3, 4_500),
            RedeemRow("gift", "G002", BAG, 10, 3_000),
            RedeemRow("parking", "P001", PARKING, 11, 4_400),
            RedeemRow("coupon", "K001", DINING, 2, 3_600),
            RedeemRow("cash_offset", "", "", 2, 2_400, 2_400),
        ),
        coupons=(CouponRow("RED20", DINING, 7, 14_000), CouponRow("BDAY50", BDAY50, 2, 10_000)),
        benefits=(BenefitRow("parking", 37), BenefitRow("birthday", 4), BenefitRow("member_day", 0)),
        reversals=(
            ReversalRow(
                "10:42",
                "007-000211",
                "credit_receipt",
                "007-000198",
                "0070001235",
                -1_950,
                "S0107",
                "顾客退货，原小票已收回",
                "M0003",
            ),
        ),
        adjustments=(
            AdjustmentRow(
                "15:18",
                "007-000260",
                "0070003348",
                500,
                "M0003",
                "系统故障期间漏记积分，经客服主管核实后补录（对应纸质单 PR0070000126）",
            ),
            AdjustmentRow("16:05", "007-000271", "0070002217", -300, "M0003", "重复补录，冲回"),
        ),
        paper_slips=(
            PaperSlipRow("PE0070000124", "enroll", "11:20", "13:05", "S0107", "007-000240"),
            PaperSlipRow("PR0070000125", "receipt", "11:31", "13:07", "S0107", "007-000241"),
            PaperSlipRow("PG0070000127", "gift", "11:52", "13:10", "S0112", "007-000243"),
        ),
        exceptions=(
            ExceptionRow(
                "13:40",
                "007",
                "B101-20261120-0088",
                "小票已在 3 号服务台积分",
                True,
                "M0003",
                "驳回本次积分，已告知会员",
            ),
            ExceptionRow("14:15", "012", "CRED20-0070000AF7", "优惠券已在收银台 12 使用", False),
        ),
        stock=(
            StockRow("G001", CUP, 50, 3),
            StockRow("G002", BAG, 200, 10, 0, 0),
            StockRow("P001", PARKING, 1000, 11),
            StockRow("K001", DINING, 500, 2),
            StockRow("G003", Text("香薰蜡烛礼盒", "香薰蠟燭禮盒", "Scented candle set"), 20, 0, 0, 10),
        ),
        operations_by_hour=(0,) * 10 + (8, 14, 19, 16, 22, 25, 21, 18, 12, 9, 6, 0, 0, 0),
    )


def terminals(unsynced: bool = False) -> tuple[TerminalSync, ...]:
    return (
        TerminalSync(7, "一楼中庭服务台", True, "2026-11-23 04:10", 0),
        TerminalSync(
            8, "二楼服务台", not unsynced, "2026-11-22 16:47" if unsynced else "2026-11-23 04:10", 23 if unsynced else 0
        ),
        TerminalSync(12, "收银台 12", True, "2026-11-23 04:11", 0),
    )


def daily_report(unsynced: bool = False, **changes: object) -> DailyReportData:
    data = DailyReportData(
        mall_name=MALL,
        scope="一楼中庭服务台",
        business_day="2026-11-22",
        generated_at_local="2026-11-23 08:30",
        prepared_by="M0003 张伟",
        figures=figures(),
        terminals=terminals(unsynced),
        rules_version="2026.1",
    )
    return replace(data, **changes)


def shift_handover(**changes: object) -> ShiftHandoverData:
    f = figures()
    data = ShiftHandoverData(
        mall_name=MALL,
        desk_name="一楼中庭服务台",
        terminal_code=7,
        business_day="2026-11-22",
        staff_no="S0107",
        staff_name="李娜",
        shift_start_local="2026-11-22 09:30",
        shift_end_local="2026-11-22 15:30",
        generated_at_local="2026-11-22 15:32",
        figures=replace(f, stock=()),
        stock_counts=(
            StockCount("G001", CUP, 47, 47),
            StockCount("G002", BAG, 190, 189),
            StockCount("P001", PARKING, 989, 989),
            StockCount("K001", DINING, 498, 498),
        ),
        handed_to="S0112",
        terminals=(TerminalSync(7, "一楼中庭服务台", True, "2026-11-22 15:31", 0),),
    )
    return replace(data, **changes)
