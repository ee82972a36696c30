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


# -- what staff type (issue 12) ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("", ""),
        ("男", "male"),
        ("女", "female"),
        ("Male", "male"),
        ("female", "female"),
        (" F ", "female"),
        ("其他", "other"),
        ("OTHER", "other"),
    ],
)
def test_genders_staff_type(typed, stored):
    from membership.validation import normalize_gender

    assert normalize_gender(typed) == stored


def test_an_unknown_gender_lists_the_choices():
    from membership.i18n import catalog
    from membership.validation import normalize_gender

    with pytest.raises(InvalidInput) as err:
        normalize_gender("robot")
    text = err.value.message.render(catalog("zh_CN"))
    assert "robot" in text and "女" in text and "男" in text and "其他" in text


def test_dates_with_spaces_and_each_kind_of_bad_date():
    from datetime import date

    from membership.validation import parse_date

    assert parse_date(" 2026-11-20 ", "d") == parse_date("2026/11/20", "d") == date(2026, 11, 20)
    messages = set()
    for text in ("20-11-2026", "2026-02-30", "yesterday"):
        with pytest.raises(InvalidInput) as err:
            parse_date(text, "d")
        messages.add(err.value.message.text)
    assert len(messages) == 2  # "not a date" (twice) and "not in the calendar"


def test_birthdays_in_the_future_or_too_long_ago_have_their_own_messages():
    from datetime import date

    seen = {}
    for text in ("2026-12-25", "2030-01-01", "1890-03-15", "02-30"):
        with pytest.raises(InvalidInput) as err:
            parse_birthday(text, 2026, today=date(2026, 11, 20))
        seen[text] = err.value.message.text
    assert seen["2026-12-25"] == seen["2030-01-01"] and "future" in seen["2030-01-01"]
    assert "120 years" in seen["1890-03-15"] and "calendar" in seen["02-30"]
    assert parse_birthday(" 1990-03-15 ", 2026, today=date(2026, 11, 20)).text() == "1990-03-15"


@pytest.mark.parametrize("typed", ["007 000001 3", "007-000001-3", " 0070000013 ", "００７ ０００００１ ３"])
def test_member_numbers_as_printed(typed):
    from membership.codes import compact_member_no, format_member_no

    assert compact_member_no(typed) == "0070000013"
    assert format_member_no("0070000013") == "007 000001 3"


@pytest.mark.parametrize("typed", ["007 000001 4", "0070000014", "12345", "", "007 000001 3 1", "007 000001 3x"])
def test_not_member_numbers(typed):
    from membership.codes import compact_member_no

    assert compact_member_no(typed) is None


def _rules_with(donation):
    import tomllib

    from membership.rules import default_rules_path

    data = tomllib.loads(default_rules_path().read_text(encoding="utf-8"))
    data["donation"] = donation
    return data


def test_donation_campaigns_in_the_rules():
    from membership.rules import RulesError, default_rules, rules_from_dict

    [campaign] = default_rules().donation_campaigns
    assert (campaign.code, campaign.min_points, campaign.max_points) == ("CHARITY2026", 100, 20_000)
    assert campaign.name.zh_CN == "星河爱心助学"
    good = {
        "code": "RED-CROSS",
        "name": {"zh_CN": "红十字", "zh_TW": "紅十字", "en": "Red Cross"},
        "min_points": 1,
        "max_points": 5,
    }
    assert rules_from_dict(_rules_with([good])).donation_campaign("RED-CROSS").max_points == 5
    assert rules_from_dict(_rules_with([])).donation_campaigns == ()
    for bad, field in (
        ({**good, "code": "red-cross"}, "donation[0].code"),
        ({**good, "max_points": 0}, "donation[0].max_points"),
        ({**good, "min_points": 10, "max_points": 5}, "donation[0].max_points"),
        ({**good, "name": {"zh_CN": "红十字", "en": "Red Cross"}}, "donation[0].name.zh_TW"),
        ({k: v for k, v in good.items() if k != "min_points"}, "donation[0].min_points"),
    ):
        with pytest.raises(RulesError) as err:
            rules_from_dict(_rules_with([bad]))
        assert str(err.value).startswith(field), (field, err.value)
    with pytest.raises(RulesError, match="appears twice"):
        rules_from_dict(_rules_with([good, good]))
