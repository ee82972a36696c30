"""Identifiers people read, type and scan: member numbers, the signed member QR token, coupon codes,
paper-slip serials, and UUIDv7 operation ids.

Every format is short, uppercase and in the QR alphanumeric set, because keyboard-wedge scanners
"type" about 8 ms per character. Each carries a check character so a mistyped code is caught at once.
"""

from __future__ import annotations

import base64
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .i18n import QT_TRANSLATE_NOOP, Message

CTX = "Codes"


class CodeError(ValueError):
    """A scanned or typed code was refused; ``reason`` is a short machine word, ``message`` for people."""

    def __init__(self, reason: str, message: Message):
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


def _err(reason: str, text: str, /, **params: object) -> CodeError:
    return CodeError(reason, Message(CTX, text, params))


# -- check digits ----------------------------------------------------------------------------------


def luhn_digit(digits: str) -> str:
    """The Luhn check digit for a string of digits (catches every single-digit error and most swaps)."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        d = int(char)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def mod37_char(text: str) -> str:
    """ISO 7064 MOD 37,36 check character over digits and uppercase letters."""
    m = 36
    p = m
    for char in text:
        p = (p + _ALNUM.index(char)) % m or m
        p = (p * 2) % (m + 1)
    return _ALNUM[(m + 1 - p) % m]


# -- member numbers --------------------------------------------------------------------------------

MEMBER_NO_RE = re.compile(r"^\d{10}$")


def make_member_no(terminal_code: int, sequence: int) -> str:
    """A mall-wide unique member number made without coordination: ``TTT SSSSSS C`` (10 digits).

    ``TTT`` is the terminal's code (001–999, assigned at registration; 000 is the server's import
    range), ``SSSSSS`` the terminal's own enrollment sequence, ``C`` a Luhn check digit.
    """
    if not 0 <= terminal_code <= 999:
        raise ValueError("terminal code must be 0–999")
    if not 1 <= sequence <= 999_999:
        raise ValueError("member sequence must be 1–999999 (this terminal's range is used up)")
    body = f"{terminal_code:03d}{sequence:06d}"
    return body + luhn_digit(body)


def is_member_no(text: str) -> bool:
    return bool(MEMBER_NO_RE.match(text)) and luhn_digit(text[:-1]) == text[-1]


# A member number as printed on cards and slips (``007 000001 3``) or written with dashes: the same digits.
_MEMBER_NO_GROUPED_RE = re.compile(r"^\d{3}[\s\-]*\d{6}[\s\-]*\d$")


def compact_member_no(text: str) -> str | None:
    """The 10-digit member number in ``text`` typed plain or in its printed groups; None if it is not one."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not _MEMBER_NO_GROUPED_RE.match(value):
        return None
    digits = re.sub(r"[\s\-]", "", value)
    return digits if is_member_no(digits) else None


def format_member_no(member_no: str) -> str:
    """``0070000013`` → ``007 000001 3``: how cards, slips and receipts print it, for reading aloud."""
    return f"{member_no[:3]} {member_no[3:9]} {member_no[9:]}" if MEMBER_NO_RE.match(member_no) else member_no


def split_member_no(member_no: str) -> tuple[int, int]:
    return int(member_no[:3]), int(member_no[3:9])


# -- the signed member QR token --------------------------------------------------------------------
#
# "M" + base32(key id 1 byte | member number 5 bytes | valid-until day 2 bytes | Ed25519 signature 64 bytes)
# = 117 characters, all in the QR alphanumeric set. The signature covers the 8 bytes before it with a
# domain prefix, so a token cannot be confused with any other signed thing.

TOKEN_PREFIX = "M"
_SIGNED_DOMAIN = b"memberdesk/member-qr/v1:"
_EPOCH_DAY = date(2020, 1, 1)
_TOKEN_BYTES = 1 + 5 + 2 + 64
TOKEN_LENGTH = len(TOKEN_PREFIX) + (_TOKEN_BYTES * 8 + 4) // 5


@dataclass(frozen=True)
class MemberToken:
    member_no: str
    key_id: int
    valid_until: date | None


def _b32encode(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _b32decode(text: str) -> bytes:
    return base64.b32decode(text + "=" * (-len(text) % 8))


def sign_member_token(
    private_key: Ed25519PrivateKey, key_id: int, member_no: str, valid_until: date | None = None
) -> str:
    if not is_member_no(member_no):
        raise ValueError(f"not a member number: {member_no!r}")
    if not 0 <= key_id <= 255:
        raise ValueError("key id must be 0–255")
    days = 0 if valid_until is None else (valid_until - _EPOCH_DAY).days
    if not 0 <= days <= 0xFFFF:
        raise ValueError("valid_until out of range")
    body = bytes([key_id]) + int(member_no).to_bytes(5, "big") + days.to_bytes(2, "big")
    signature = private_key.sign(_SIGNED_DOMAIN + body)
    return TOKEN_PREFIX + _b32encode(body + signature)


def looks_like_member_token(text: str) -> bool:
    return text.startswith(TOKEN_PREFIX) and len(text) > 20 and text.isalnum() and text.isupper()


def verify_member_token(text: str, public_keys: dict[int, Ed25519PublicKey], today: date) -> MemberToken:
    """Check a scanned member QR offline against the pinned public keys; raises :class:`CodeError`."""
    text = (text or "").strip().upper()
    if not text.startswith(TOKEN_PREFIX):
        raise _err("not_member_code", QT_TRANSLATE_NOOP("Codes", "This is not a member code."))
    if len(text) != TOKEN_LENGTH:
        raise _err("truncated", QT_TRANSLATE_NOOP("Codes", "The member code is incomplete; please scan it again."))
    try:
        raw = _b32decode(text[len(TOKEN_PREFIX) :])
    except ValueError:
        raise _err(
            "malformed", QT_TRANSLATE_NOOP("Codes", "The member code is damaged; please scan it again.")
        ) from None
    if len(raw) != _TOKEN_BYTES:
        raise _err("truncated", QT_TRANSLATE_NOOP("Codes", "The member code is incomplete; please scan it again."))
    if _b32encode(raw) != text[len(TOKEN_PREFIX) :]:
        # The last character carries 4 unused bits: only the canonical spelling is a genuine code.
        raise _err("malformed", QT_TRANSLATE_NOOP("Codes", "The member code is damaged; please scan it again."))
    body, signature = raw[:8], raw[8:]
    key_id = body[0]
    key = public_keys.get(key_id)
    if key is None:
        raise _err(
            "unknown_key",
            QT_TRANSLATE_NOOP(
                "Codes",
                "This member code was signed with a key this terminal does not know (key {key}). "
                "Sync the terminal, or look the member up by phone.",
            ),
            key=key_id,
        )
    try:
        key.verify(signature, _SIGNED_DOMAIN + body)
    except InvalidSignature:
        raise _err(
            "forged", QT_TRANSLATE_NOOP("Codes", "This member code is not genuine (signature check failed).")
        ) from None
    member_no = f"{int.from_bytes(body[1:6], 'big'):010d}"
    days = int.from_bytes(body[6:8], "big")
    valid_until = None if days == 0 else _EPOCH_DAY + timedelta(days=days)
    if not is_member_no(member_no):
        raise _err("forged", QT_TRANSLATE_NOOP("Codes", "This member code is not genuine (signature check failed)."))
    if valid_until is not None and today > valid_until:
        raise _err(
            "expired",
            QT_TRANSLATE_NOOP("Codes", "This member code expired on {date}; ask the member to refresh it."),
            date=valid_until.isoformat(),
        )
    return MemberToken(member_no, key_id, valid_until)


# -- coupon codes ----------------------------------------------------------------------------------
#
# "C" + definition code (2–8 letters/digits) + "-" + 8 serial characters + 1 check character.
# A code is accepted only if its check character matches and the coupon is known to the store
# (issued centrally and pulled, or issued on this terminal), so a made-up code is refused offline.

COUPON_RE = re.compile(r"^C([A-Z0-9]{2,8})-([A-Z0-9]{8})([A-Z0-9])$")


def make_coupon_code(definition: str, serial: str) -> str:
    if not re.fullmatch(r"[A-Z0-9]{2,8}", definition) or not re.fullmatch(r"[A-Z0-9]{8}", serial):
        raise ValueError("coupon definition must be 2–8 and serial 8 uppercase letters or digits")
    body = f"C{definition}-{serial}"
    return body + mod37_char(definition + serial)


def coupon_serial(terminal_code: int, sequence: int) -> str:
    """An 8-character coupon serial unique to one terminal: 3-digit terminal code + 5 base-36 digits."""
    chars = ""
    n = sequence
    for _ in range(5):
        n, r = divmod(n, 36)
        chars = _ALNUM[r] + chars
    if n:
        raise ValueError("coupon sequence out of range")
    return f"{terminal_code:03d}{chars}"


def parse_coupon_code(text: str) -> tuple[str, str]:
    """(definition code, full code) of a typed or scanned coupon; raises :class:`CodeError`."""
    code = (text or "").strip().upper()
    match = COUPON_RE.match(code)
    if not match:
        raise _err("not_coupon", QT_TRANSLATE_NOOP("Codes", "“{code}” is not a coupon code."), code=code[:24])
    definition, serial, check = match.groups()
    if mod37_char(definition + serial) != check:
        raise _err(
            "bad_check",
            QT_TRANSLATE_NOOP("Codes", "The coupon code {code} has a typing error; check it again."),
            code=code,
        )
    return definition, code


# -- paper-slip serials ----------------------------------------------------------------------------
#
# "P" + slip type letter + 3-digit terminal code + 6-digit sequence + Luhn digit, e.g. PR0070001234.
# Terminal codes are unique in the mall, so two desks can never print the same serial, even offline.

SLIP_TYPES = {"E": "enroll", "R": "receipt", "G": "gift", "B": "benefit"}
SLIP_RE = re.compile(r"^P([ERGB])(\d{3})(\d{6})(\d)$")


def make_slip_serial(slip_type: str, terminal_code: int, sequence: int) -> str:
    letter = {v: k for k, v in SLIP_TYPES.items()}[slip_type]
    if not 0 <= terminal_code <= 999 or not 1 <= sequence <= 999_999:
        raise ValueError("slip serial out of range")
    digits = f"{terminal_code:03d}{sequence:06d}"
    return f"P{letter}{digits}{luhn_digit(digits)}"


def parse_slip_serial(text: str) -> tuple[str, int, int]:
    """(slip type, terminal code, sequence) of a slip serial; raises :class:`CodeError`."""
    serial = (text or "").strip().upper()
    match = SLIP_RE.match(serial)
    if not match or luhn_digit(match.group(2) + match.group(3)) != match.group(4):
        raise _err("not_slip", QT_TRANSLATE_NOOP("Codes", "“{code}” is not a paper-slip serial."), code=serial[:24])
    return SLIP_TYPES[match.group(1)], int(match.group(2)), int(match.group(3))


# -- operation ids -----------------------------------------------------------------------------------


def op_ref(terminal_code: int, epoch: int, seq: int) -> str:
    """The short reference people read out and receipts print: ``007-000123`` (``/2`` from epoch 2 on)."""
    return f"{terminal_code:03d}-{seq:06d}" + (f"/{epoch}" if epoch > 1 else "")


def uuid7(unix_ms: int, random_bytes: bytes) -> str:
    """A UUIDv7 (RFC 9562) from a millisecond timestamp and 10 random bytes, both passed in."""
    if len(random_bytes) < 10:
        raise ValueError("uuid7 needs 10 random bytes")
    value = (unix_ms & ((1 << 48) - 1)) << 80
    rand = int.from_bytes(random_bytes[:10], "big")
    value |= 0x7 << 76
    value |= ((rand >> 68) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


# -- keys ------------------------------------------------------------------------------------------


def public_key_from_hex(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(text))


def public_key_hex(key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def private_key_from_hex(text: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(text))


def private_key_hex(key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    ).hex()
