"""The member annual statement: the year's figures read back from one A4 page, and a statement that does not add up is refused."""

from __future__ import annotations

import pytest
from printing_data import PHONE, PHONE_MASKED, flat, page_sizes_mm, pdf_text, statement, to_png

from printing import render_statement


def test_statement_is_one_a4_page_with_the_members_year():
    data = statement()
    pdf = render_statement(data)
    assert page_sizes_mm(pdf) == [(210.0, 297.0)]
    text = pdf_text(pdf)
    compact = flat(text)
    assert "2026年度会员价值报告" in compact
    assert data.member_no in text and "王**" in text and "金卡会员" in text
    assert PHONE_MASKED in text and PHONE not in compact
    # Points: opening + earned − redeemed − expired + adjusted = closing (6,420 + 19,800 − 9,500 − 1,380 + 500).
    assert data.points_earned == 19_800 and data.points_redeemed == 9_500 and data.points_closing == 15_840
    for figure in ("6,420", "+19,800", "−9,500", "−1,380", "+500", "15,840"):
        assert figure in text, figure
    # Savings: 2,352.35 discount + 20.00 cash offset + 150.00 coupons.
    assert "¥2,352.35" in text and "¥20.00" in text and "¥150.00" in text
    assert "¥2,522.35" in text
    assert "¥13,330.00" in text  # qualifying spend
    # Benefits used and gifts redeemed.
    assert "免费停车" in text and "93小时" in compact
    assert "品牌保温杯" in text and "电影票（2D单张）" in compact and "3,600" in text
    assert "4,200积分将于2027-12-31到期" in compact
    assert "再消费¥6,660.00即可升级为钻石会员" in compact
    # The monthly chart's axis labels.
    assert "1月2月3月4月5月6月7月8月9月10月11月12月" in compact


def test_a_statement_that_does_not_balance_is_refused():
    with pytest.raises(ValueError, match="does not balance"):
        statement(points_closing=15_841)


def test_a_quiet_year_still_prints():
    data = statement(
        points_earned=0,
        points_redeemed=0,
        points_expired=0,
        points_adjusted=0,
        points_closing=6_420,
        months=(),
        benefits=(),
        redemptions=(),
        purchases=0,
        discount_fen=0,
        cash_offset_fen=0,
        coupon_fen=0,
        spend_fen=0,
    )
    text = pdf_text(render_statement(data))
    assert "本年度无。" in text and "6,420" in text


def test_english_statement():
    text = pdf_text(render_statement(statement(), language="en"))
    assert "Member annual statement 2026" in text and "Gold" in text and "Insulated cup" in text


def test_statement_artifact():
    pngs = to_png(render_statement(statement()), "statement", dpi=110)
    assert len(pngs) == 1
