"""Wrapping, font runs and number formats that every printed document relies on."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from printing.fonts import CJK, LATIN, LATIN_BOLD, runs, string_width
from printing.qr import qr_runs
from printing.text import Tr, points, signed_points, wrap, yuan, yuan_plain, yuan_whole

MIXED = st.text(
    alphabet=st.sampled_from(list("星河广场会员积分兑换礼品，。（）《》“”ABCXYZabcxyz0123456789 -/¥×·.:")),
    max_size=120,
)


@settings(max_examples=150, deadline=None)
@given(text=MIXED, width=st.floats(min_value=30, max_value=300))
def test_wrapped_lines_fit_and_lose_nothing(text, width):
    lines = wrap(text, 8.5, width)
    for line in lines:
        assert string_width(line, 8.5) <= width + 1e-6 or len(line) == 1
    # Only the spaces where a line broke may disappear.
    assert re.sub(r"\s+", "", "".join(lines)) == re.sub(r"\s+", "", text)


def test_latin_words_stay_whole_and_cjk_breaks_anywhere():
    lines = wrap("Insulated cup for the member", 8.5, 60)
    assert len(lines) >= 2 and " ".join(lines) == "Insulated cup for the member"
    assert all(string_width(line, 8.5) <= 60 for line in lines)
    lines = wrap("限四楼餐饮商户使用，满一百元可用，不找零，不兑现。", 9, 60)
    assert len(lines) > 2
    # Closing punctuation never starts a line (避头).
    assert not any(line[0] in "，。）" for line in lines)


def test_runs_pick_the_face_that_has_the_glyph():
    assert runs("Points 积分 1,234 ¥") == [(LATIN, "Points "), (CJK, "积分 "), (LATIN, "1,234 ¥")]
    assert runs("会员 VIP", bold=True) == [(CJK, "会员 "), (LATIN_BOLD, "VIP")]
    assert runs("") == []


def test_money_and_points_formats():
    assert yuan(12_850) == "¥128.50" and yuan(-2_000) == "−¥20.00" and yuan(0) == "¥0.00"
    assert yuan_whole(500_000) == "¥5,000" and yuan_whole(12_850) == "¥128.50"
    assert yuan_plain(123_456_789) == "1234567.89" and yuan_plain(-5) == "-0.05"
    assert points(12_480) == "12,480" and signed_points(450) == "+450" and signed_points(-1_800) == "−1,800"
    assert signed_points(0) == "0"


def test_labels_are_translated_and_params_filled():
    assert Tr("zh_CN")("Points now") == "当前积分"
    assert Tr("zh_TW")("Points now") == "目前積分"
    assert Tr("en")("Points now") == "Points now"
    assert Tr("zh_CN")("Page {page} of {pages}", page=2, pages=3) == "第 2 页，共 3 页"


def test_qr_runs_cover_exactly_the_dark_modules():
    import segno

    code = segno.make("007-000123", error="m", micro=False)
    size, found = qr_runs("007-000123")
    dark = {(r, c) for r, row in enumerate(code.matrix) for c, v in enumerate(row) if v & 1}
    drawn = {(r, c + i) for r, c, n in found for i in range(n)}
    assert size == len(code.matrix) and drawn == dark
