"""What people type: phones, names, birthdays, amounts, and masking."""

from __future__ import annotations

import pytest

from membership.money import AmountError, format_yuan, parse_yuan
from membership.validation import (
    InvalidInput,
    mask_name,
    mask_phone,
    normalize_name,
    normalize_phone,
    normalize_text,
    parse_birthday,
)


@pytest.mark.parametrize(
    "text",
    ["13812345678", "138 1234 5678", "138-1234-5678", "+86 138 1234 5678", "008613812345678", "１３８１２３４５６７８"],
)
def test_phone_forms_accepted(text):
    assert normalize_phone(text) == "13812345678"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12812345678",
        "1381234567",
        "138123456789",
        "abc",
        "1381234567x",
        "10086",
        "+1 415 555 0100",
        "13812345678; DROP TABLE members",
    ],
)
def test_bad_phones_refused_with_message(text):
    with pytest.raises(InvalidInput) as err:
        normalize_phone(text)
    assert err.value.field == "phone" and "mobile" in str(err.value.message)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("张三", "张三"),
        ("  欧阳  娜娜 ", "欧阳 娜娜"),
        ("Li Wei", "Li Wei"),
        ("阿卜杜拉·买买提", "阿卜杜拉·买买提"),
        ("O'Brien-Smith", "O'Brien-Smith"),
        ("José", "José"),
    ],
)
def test_names_accepted(text, name):
    assert normalize_name(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "张" * 31,
        "Robert'); DROP TABLE members;--",
        "张三\u200b",
        "张三😀",
        "<script>",
        "张三\n李四",
        "123",
        "a\x00b",
        "\u202e张三",
    ],
)
def test_bad_names_refused(text):
    with pytest.raises(InvalidInput) as err:
        normalize_name(text)
    assert err.value.field == "name" and str(err.value.message)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("03-15", "--03-15"),
        ("3/5", "--03-05"),
        ("1990-02-28", "1990-02-28"),
        ("2000-02-29", "2000-02-29"),
        ("02-29", "--02-29"),
        ("１９９０．０３．１５", "1990-03-15"),
    ],
)
def test_birthdays_accepted(text, stored):
    assert parse_birthday(text, 2026).text() == stored


@pytest.mark.parametrize("text", ["", "13-01", "02-30", "1900-02-29", "1800-01-01", "2030-01-01", "hello", "1-2-3-4"])
def test_bad_birthdays_refused(text):
    with pytest.raises(InvalidInput):
        parse_birthday(text, 2026)


def test_masking():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_name("张三") == "张*" and mask_name("欧阳娜娜") == "欧**娜" and mask_name("张") == "*"


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("128.50", 12850),
        ("¥128", 12800),
        ("0.01", 1),
        ("1,000", 100000),
        ("12,345.60", 1234560),
        ("1,00", None),
        ("-5", None),
        ("1e5", None),
        ("12.345", None),
        ("99999999.99", None),
    ],
)
def test_amounts_in_yuan(text, fen):
    if fen is None:
        with pytest.raises(AmountError):
            parse_yuan(text)
    else:
        assert parse_yuan(text) == fen
        assert parse_yuan(format_yuan(fen)) == fen


def test_free_text_refuses_control_characters():
    assert normalize_text(" wrong   member ", "reason") == "wrong member"
    with pytest.raises(InvalidInput):
        normalize_text("a\u0000b", "reason")
    with pytest.raises(InvalidInput):
        normalize_text("x" * 201, "reason")
