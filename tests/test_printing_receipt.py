"""Transaction receipts: every operation kind at 80 mm and 58 mm, read back from the PDF."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import pytest
import zxingcpp
from PIL import Image
from printing_data import (
    PHONE,
    PHONE_MASKED,
    base_receipt,
    flat,
    page_sizes_mm,
    pdf_text,
    read_pdf,
    receipts_by_kind,
    text_extents,
    to_png,
)

from membership.i18n import Message, catalog
from membership.receipt import ReceiptData
from printing import render_receipt
from printing.slip import PAPERS

KINDS = (
    "enroll",
    "earn",
    "credit_receipt",
    "redeem_gift",
    "redeem_cash_offset",
    "verify_coupon",
    "claim_benefit",
    "reverse",
    "adjust",
)
# What each kind's receipt must say, in Simplified Chinese (lines come translated from the "Receipt" context).
EXPECTED = {
    "enroll": ["0070001235", "普通会员"],
    "earn": ["¥255.00", "¥45.00"],
    "credit_receipt": ["B101-20261120-0088", "兰蔻", "¥866.00"],
    "redeem_gift": ["20元餐饮券", "CRED20-0070000AF7", "2026-12-21", "限四楼餐饮商户使用"],
    "redeem_cash_offset": ["¥20.00", "¥188.00"],
    "verify_coupon": ["CBDAY50-00700012K", "生日50元券", "¥50.00"],
    "claim_benefit": ["生日礼品及生日优惠券", "CBDAY50-00700013L"],
    "reverse": ["顾客退货，原小票已收回", "0193f1d2"],
    "adjust": ["+500", "系统故障期间漏记积分"],
}


def test_every_kind_is_covered_by_the_sample_data():
    assert set(receipts_by_kind()) == set(KINDS)


@pytest.mark.parametrize("width", [80, 58])
@pytest.mark.parametrize("kind", KINDS)
def test_receipt_for_every_kind_and_width(kind, width):
    data = receipts_by_kind()[kind]
    pdf = render_receipt(data, width_mm=width)

    ((page_w, page_h),) = page_sizes_mm(pdf)
    assert page_w == width
    # Page length fitted to the content: longer for more lines, never a fixed A4-like sheet.
    assert 100 < page_h < 260
    text = pdf_text(pdf)
    compact = flat(text)
    assert "星河广场" in text and data.desk_name in text
    assert catalog("zh_CN").translate("Operation", data.kind_label.text) in text
    assert catalog("zh_CN").translate("Operation", data.kind_label.text) != data.kind_label.text
    assert data.op_ref in text
    assert data.member_no in text
    assert PHONE_MASKED in text and PHONE not in compact
    assert data.staff_no in text and "李娜" in text
    assert data.at_local in text
    for expected in EXPECTED[kind]:
        assert flat(expected) in compact, f"{expected!r} missing from the {kind} receipt"
    # Points before, the signed change and after, as printed numbers.
    assert f"{data.points_before:,}" in text and f"{data.points_after:,}" in text
    change = data.points_delta
    assert (f"+{change:,}" if change > 0 else f"−{-change:,}" if change < 0 else "0") in text
    assert ("会员签名" in text) == data.needs_signature
    assert "REPRINT" not in text


@pytest.mark.parametrize("width", [80, 58])
def test_nothing_runs_past_the_printable_width(width):
    paper = PAPERS[width]
    long_name = replace(
        receipts_by_kind()["credit_receipt"],
        desk_name="二楼东侧扶梯旁会员服务中心临时服务台（节假日专用）",
        staff_name="欧阳娜娜 Alexandra-Marguerite",
        member_name_masked="A**e",
        lines=(
            Message(
                "Receipt",
                "Receipt {receipt_no} from {tenant}, ¥{amount} on {date}: {points} points",
                {
                    "receipt_no": "F301-2026112000004567-SUPERLONGRECEIPTNUMBER",
                    "tenant": "苹果授权店 Apple Premium Reseller 旗舰店（星河广场店）",
                    "amount": "12,999.00",
                    "date": "2026-11-20",
                    "points": 19_498,
                },
            ),
        ),
    )
    pdf = render_receipt(long_name, width_mm=width)
    extents = text_extents(pdf)
    assert len(extents) > 20
    for text, left, right, _ in extents:
        assert left >= paper.margin - 0.5, f"{text!r} starts in the margin"
        assert right <= paper.width - paper.margin + 0.5, f"{text!r} runs off the paper ({right:.1f} pt)"
    # A label and its value share a line only where they fit side by side.
    by_line: dict[float, list[tuple[float, float, str]]] = {}
    for text, left, right, y in extents:
        by_line.setdefault(round(y, 1), []).append((left, right, text))
    for parts in by_line.values():
        parts.sort()
        for (_, right, text), (left, _, other) in pairwise(parts):
            assert right < left, f"{text!r} overlaps {other!r}"
    compact = flat(pdf_text(pdf))
    assert flat("F301-2026112000004567-SUPERLONGRECEIPTNUMBER") in compact
    assert flat("Alexandra-Marguerite") in compact


def test_page_length_follows_the_content():
    short = render_receipt(base_receipt(lines=(), terms=()))
    long = render_receipt(receipts_by_kind()["redeem_gift"])
    assert page_sizes_mm(long)[0][1] > page_sizes_mm(short)[0][1] + 30


def test_reprint_is_marked_clearly():
    data = receipts_by_kind()["redeem_gift"]
    original = pdf_text(render_receipt(data))
    reprint = pdf_text(render_receipt(data, reprint=True, reprinted_at="2026-11-23 09:12"))
    assert "REPRINT" not in original and "重印时间" not in original
    # Marked at the top and the bottom, so a torn-off half is still recognisable.
    assert reprint.count("重印 / REPRINT") == 2
    assert "2026-11-23 09:12" in reprint
    assert data.op_ref in reprint


def test_offline_receipt_says_it_is_provisional():
    assert "离线办理" in pdf_text(render_receipt(base_receipt(online=False)))
    assert "离线办理" not in pdf_text(render_receipt(base_receipt(online=True)))


def test_coupon_holder_without_membership():
    data = replace(
        receipts_by_kind()["verify_coupon"],
        member_no=None,
        member_name_masked="",
        phone_masked="",
        tier_name=None,
        next_tier_name=None,
    )
    text = pdf_text(render_receipt(data))
    assert "未关联会员" in text
    assert "原有积分" not in text  # no balance for no member
    assert "CBDAY50-00700012K" in flat(text)


@pytest.mark.parametrize(
    ("language", "label", "tier"), [("zh_TW", "原有積分", "金卡會員"), ("en", "Points before", "Gold")]
)
def test_other_languages(language, label, tier):
    text = pdf_text(render_receipt(receipts_by_kind()["earn"], language=language))
    assert label in text and tier in text
    assert PHONE_MASKED in text


def test_receipt_survives_the_json_round_trip_for_reprints():
    data = receipts_by_kind()["redeem_gift"]
    again = ReceiptData.from_json(data.to_json())
    assert render_receipt(again, reprint=True) == render_receipt(data, reprint=True)


def test_the_printed_qr_codes_scan_back():
    data = receipts_by_kind()["redeem_gift"]
    pdf = render_receipt(data)
    (png,) = to_png(pdf, "receipt_redeem_gift_80", dpi=200)
    found = {result.text for result in zxingcpp.read_barcodes(Image.open(png))}
    # The operation reference (for audits and reprints) and the coupon just issued to the member.
    assert found == {data.op_ref, data.extra["coupon_code"]}


def test_artifacts_for_people_to_look_at():
    kinds = receipts_by_kind()
    for width in (80, 58):
        pngs = to_png(render_receipt(kinds["claim_benefit"], width_mm=width), f"receipt_claim_benefit_{width}")
        assert len(pngs) == 1 and pngs[0].stat().st_size > 10_000
    reprint = to_png(
        render_receipt(kinds["redeem_gift"], reprint=True, reprinted_at="2026-11-23 09:12"), "receipt_reprint_80"
    )
    assert len(reprint) == 1


def test_unknown_paper_width_is_refused():
    with pytest.raises(ValueError, match="80"):
        render_receipt(base_receipt(), width_mm=76)


def test_same_data_gives_the_same_bytes():
    data = receipts_by_kind()["earn"]
    assert render_receipt(data) == render_receipt(data)
    assert len(read_pdf(render_receipt(data)).pages) == 1
