"""Money in integer fen, points in integers, multipliers as exact fractions: no floats anywhere."""

from __future__ import annotations

import re
from fractions import Fraction

from .i18n import QT_TRANSLATE_NOOP, Message

FEN_PER_YUAN = 100
# The largest single amount a terminal accepts (10 million yuan): anything above is a typing mistake.
MAX_AMOUNT_FEN = 10_000_000 * FEN_PER_YUAN
MAX_POINTS = 100_000_000

_YUAN_RE = re.compile(r"^\s*[¥￥]?\s*(\d{1,9}|\d{1,3}(?:,\d{3}){1,2})(?:\.(\d{1,2}))?\s*$")
_DECIMAL_RE = re.compile(r"^\d{1,4}(\.\d{1,4})?$")


class AmountError(ValueError):
    """An amount typed by a person could not be read; carries a translatable message."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


def parse_yuan(text: str) -> int:
    """Read an amount like ``"128.50"`` or ``"¥128"`` into fen, exactly."""
    match = _YUAN_RE.match(text or "")
    if not match:
        raise AmountError(
            Message(
                "Amount",
                QT_TRANSLATE_NOOP("Amount", "“{text}” is not an amount in yuan, e.g. 128.50."),
                {"text": (text or "")[:20]},
            )
        )
    fen = int(match.group(1).replace(",", "")) * FEN_PER_YUAN + int((match.group(2) or "0").ljust(2, "0"))
    if fen > MAX_AMOUNT_FEN:
        raise AmountError(
            Message(
                "Amount",
                QT_TRANSLATE_NOOP("Amount", "{yuan} yuan is more than any single purchase; check the amount."),
                {"yuan": format_yuan(fen)},
            )
        )
    return fen


def format_yuan(fen: int) -> str:
    """``12850`` → ``"128.50"`` (no currency sign; callers add ``¥`` where the layout wants it)."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // FEN_PER_YUAN:,}.{fen % FEN_PER_YUAN:02d}"


def parse_multiplier(text: str | int) -> Fraction:
    """An exact multiplier from a decimal string such as ``"1.5"``; floats are refused on purpose."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise ValueError('a multiplier must be written as a string such as "1.5" (no floats)')
    text = str(text).strip()
    if not _DECIMAL_RE.match(text):
        raise ValueError(f'{text!r} is not a decimal multiplier such as "1.5"')
    return Fraction(text)


def points_for_spend(amount_fen: int, *multipliers: Fraction) -> int:
    """floor(amount in yuan × every multiplier), computed exactly and floored once."""
    if amount_fen < 0:
        raise ValueError("amount must not be negative")
    product = Fraction(amount_fen, FEN_PER_YUAN)
    for multiplier in multipliers:
        product *= multiplier
    return product.numerator // product.denominator


def percent_off(amount_fen: int, discount_percent: Fraction) -> int:
    """The discount in fen for ``discount_percent`` off ``amount_fen``, floored (the member never pays more)."""
    value = Fraction(amount_fen) * discount_percent / 100
    return value.numerator // value.denominator
