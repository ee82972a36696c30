"""Member numbers, the signed member QR, coupon codes, slip serials and UUIDv7."""

from __future__ import annotations

import re
import uuid
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from membership import codes
from membership.codes import CodeError

KEY = Ed25519PrivateKey.generate()
OTHER = Ed25519PrivateKey.generate()
KEYS = {3: KEY.public_key()}
TODAY = date(2026, 11, 20)


def test_member_numbers_are_unique_per_terminal_and_check_digit_catches_typos():
    numbers = {codes.make_member_no(t, s) for t in (1, 2, 999) for s in (1, 2, 999_999)}
    assert len(numbers) == 9
    no = codes.make_member_no(7, 123)
    assert no == "0070001235" and codes.is_member_no(no)
    for i in range(10):  # every single-digit error is caught
        for d in "0123456789":
            if d != no[i]:
                assert not codes.is_member_no(no[:i] + d + no[i + 1 :])
    swapped = no[:3] + no[4] + no[3] + no[5:]
    assert swapped == no or not codes.is_member_no(swapped)
    with pytest.raises(ValueError):
        codes.make_member_no(7, 1_000_000)


def test_member_token_round_trip_is_short_uppercase_alphanumeric():
    token = codes.sign_member_token(KEY, 3, "0070001235")
    assert len(token) == codes.TOKEN_LENGTH == 117
    assert re.fullmatch(r"[A-Z2-7]+", token)
    result = codes.verify_member_token(token.lower(), KEYS, TODAY)  # scanners may send lowercase
    assert result == codes.MemberToken("0070001235", 3, None)


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda t: t[:-5], "truncated"),
        (lambda t: t + "AAAA", "truncated"),
        (lambda t: t[:60] + ("A" if t[60] != "A" else "B") + t[61:], "forged"),
        (lambda t: "X" + t[1:], "not_member_code"),
        (lambda t: t[:50] + "1" + t[51:], "malformed"),  # '1' is not base32
        (lambda t: "", "not_member_code"),
    ],
)
def test_damaged_or_forged_tokens_are_refused(mutate, reason):
    token = codes.sign_member_token(KEY, 3, "0070001235")
    with pytest.raises(CodeError) as err:
        codes.verify_member_token(mutate(token), KEYS, TODAY)
    assert err.value.reason == reason
    assert str(err.value.message)


def test_token_signed_by_another_key_is_forged_and_unknown_key_is_named():
    with pytest.raises(CodeError) as err:
        codes.verify_member_token(codes.sign_member_token(OTHER, 3, "0070001235"), KEYS, TODAY)
    assert err.value.reason == "forged"
    with pytest.raises(CodeError) as err:
        codes.verify_member_token(codes.sign_member_token(KEY, 4, "0070001235"), KEYS, TODAY)
    assert err.value.reason == "unknown_key" and "4" in str(err.value.message)


def test_member_number_in_token_cannot_be_swapped():
    a = codes.sign_member_token(KEY, 3, "0070001235")
    b = codes.sign_member_token(KEY, 3, codes.make_member_no(7, 124))
    # Splice b's member bytes with a's signature: the signature no longer matches.
    spliced = b[:14] + a[14:]
    with pytest.raises(CodeError) as err:
        codes.verify_member_token(spliced, KEYS, TODAY)
    assert err.value.reason in ("forged", "malformed")


def test_expiring_tokens():
    token = codes.sign_member_token(KEY, 3, "0070001235", valid_until=date(2026, 11, 20))
    assert codes.verify_member_token(token, KEYS, TODAY).valid_until == date(2026, 11, 20)
    with pytest.raises(CodeError) as err:
        codes.verify_member_token(token, KEYS, date(2026, 11, 21))
    assert err.value.reason == "expired"


def test_coupon_codes():
    code = codes.make_coupon_code("RED20", codes.coupon_serial(7, 5))
    assert codes.parse_coupon_code(code.lower()) == ("RED20", code)
    broken = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(CodeError) as err:
        codes.parse_coupon_code(broken)
    assert err.value.reason == "bad_check"
    with pytest.raises(CodeError):
        codes.parse_coupon_code("'; DROP TABLE coupons;--")
    assert codes.coupon_serial(7, 5) != codes.coupon_serial(8, 5)


def test_slip_serials_unique_per_desk_and_checked():
    a = codes.make_slip_serial("receipt", 7, 1234)
    assert codes.parse_slip_serial(a) == ("receipt", 7, 1234)
    assert a != codes.make_slip_serial("receipt", 8, 1234)
    with pytest.raises(CodeError):
        codes.parse_slip_serial(a[:-1] + str((int(a[-1]) + 1) % 10))


def test_uuid7_layout_and_order():
    a = codes.uuid7(1_700_000_000_000, bytes(range(10)))
    b = codes.uuid7(1_700_000_000_001, bytes(10))
    assert uuid.UUID(a).version == 7 and uuid.UUID(a).variant == uuid.RFC_4122
    assert a < b


def test_only_the_canonical_spelling_of_a_token_is_accepted():
    """Base32 of 72 bytes leaves 4 unused bits in the last character: flipping them must not pass."""
    token = codes.sign_member_token(KEY, 3, "0070001235")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    last = alphabet.index(token[-1])
    for other in range(32):
        if other == last:
            continue
        variant = token[:-1] + alphabet[other]
        with pytest.raises(CodeError):
            codes.verify_member_token(variant, KEYS, TODAY)
