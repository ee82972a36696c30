"""What a scanned code is: a member code, a coupon, a paper slip, a payment code, or something else.

The desk routes every code — from the keyboard-wedge scanner, the camera or a serial scanner — through
:meth:`desktop.main_window.MainWindow.route_scan`; this module only classifies the text (no Qt, no store).
"""

from __future__ import annotations

import re

from membership import codes

# Payment codes a customer may show instead of the member code (the apps put them side by side):
# WeChat Pay's are 18 digits starting 10–15, Alipay's 16–24 digits starting 25–30.
WECHAT_PAY_RE = re.compile(r"^1[0-5]\d{16}$")
ALIPAY_RE = re.compile(r"^(2[5-9]|30)\d{14,22}$")

MEMBER_TOKEN = "member_token"
MEMBER_NO = "member_no"
COUPON = "coupon"
SLIP = "slip"
WECHAT_PAY = "wechat_pay"
ALIPAY = "alipay"
CARD = "card"
UNKNOWN = "unknown"


def classify(text: str) -> tuple[str, str]:
    """The kind of a scanned code and its normal spelling (upper case, no surrounding blanks)."""
    code = (text or "").strip().upper()
    digits = re.sub(r"[\s-]", "", code)
    if codes.SLIP_RE.match(code):
        return SLIP, code
    if codes.COUPON_RE.match(code):
        return COUPON, code
    if code.startswith(codes.TOKEN_PREFIX) and codes.looks_like_member_token(code):
        return MEMBER_TOKEN, code
    if digits.isdigit():
        if codes.is_member_no(digits):
            return MEMBER_NO, digits
        if WECHAT_PAY_RE.match(digits):
            return WECHAT_PAY, digits
        if ALIPAY_RE.match(digits):
            return ALIPAY, digits
        return CARD, digits
    return UNKNOWN, code
