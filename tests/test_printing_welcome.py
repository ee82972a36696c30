"""The welcome slip: the signed member QR (alphanumeric mode) scans back, and the slip says what a new member needs."""

from __future__ import annotations

from datetime import date

import pytest
import segno
import zxingcpp
from PIL import Image
from printing_data import PHONE, PHONE_MASKED, TOKEN, flat, page_sizes_mm, pdf_text, text_extents, to_png, welcome_slip

from membership.codes import private_key_from_hex, verify_member_token
from printing import render_welcome_slip
from printing.qr import qr_runs
from printing.slip import PAPERS


@pytest.mark.parametrize("width", [80, 58])
def test_welcome_slip_content(width):
    data = welcome_slip()
    pdf = render_welcome_slip(data, width_mm=width)
    ((page_w, page_h),) = page_sizes_mm(pdf)
    assert page_w == width and 120 < page_h < 250
    text = pdf_text(pdf)
    assert "欢迎加入会员" in text and "星河广场" in text
    assert data.member_no in text
    assert "普通会员" in text
    assert PHONE_MASKED in text and PHONE not in flat(text)
    assert "入会积分" in text and "100" in text
    assert "当前积分" in text and "200" in text
    assert "环保购物袋" in text  # the welcome gift
    assert "会员规则见服务台《会员权益手册》" in flat(text)  # where the rules are
    assert data.op_ref in text
    paper = PAPERS[width]
    for line, left, right, _ in text_extents(pdf):
        assert paper.margin - 0.5 <= left and right <= paper.width - paper.margin + 0.5, line


def test_member_qr_uses_alphanumeric_mode_and_scans_back():
    modules, _ = qr_runs(TOKEN, "alphanumeric")
    # 117 characters fit version 5 in alphanumeric mode; byte mode would need version 7 (larger, denser).
    assert modules == segno.make(TOKEN, mode="alphanumeric", error="m", micro=False).symbol_size(border=0)[0]
    assert segno.make(TOKEN, mode="alphanumeric", error="m", micro=False).version == 5
    pdf = render_welcome_slip(welcome_slip(), width_mm=58)
    (png,) = to_png(pdf, "welcome_58", dpi=200)
    scanned = [r.text for r in zxingcpp.read_barcodes(Image.open(png))]
    assert scanned == [TOKEN]
    key = private_key_from_hex("5a" * 32).public_key()
    assert verify_member_token(scanned[0], {1: key}, date(2026, 11, 22)).member_no == welcome_slip().member_no


def test_token_outside_the_qr_alphanumeric_set_is_refused():
    with pytest.raises(ValueError, match="uppercase"):
        render_welcome_slip(welcome_slip(token=TOKEN.lower()))


def test_traditional_chinese_and_english():
    assert "歡迎加入會員" in pdf_text(render_welcome_slip(welcome_slip(), language="zh_TW"))
    english = pdf_text(render_welcome_slip(welcome_slip(), language="en"))
    assert "Welcome to our membership!" in english and "Reusable shopping bag" in english


def test_welcome_artifact():
    pngs = to_png(render_welcome_slip(welcome_slip()), "welcome_80")
    assert len(pngs) == 1 and pngs[0].stat().st_size > 10_000
