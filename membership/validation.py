"""Checks for what people type at the desk (phones, names, birthdays, free text) and masking for display."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .i18n import QT_TRANSLATE_NOOP, Message

CTX = "Validation"

MAX_NAME_CHARS = 30
MAX_TEXT_CHARS = 200

_PHONE_RE = re.compile(r"^1[3-9]\d{9}$")
# Letters of any script (CJK ideographs, Latin with accents), the Chinese middle dot used in
# transliterated names (·, ・, •), space, hyphen and apostrophe. Nothing else: no digits, no
# punctuation that could be SQL or markup, no emoji, no control or zero-width characters.
_NAME_EXTRA = {" ", "-", "'", "·", "・", "•", "．"}


class InvalidInput(ValueError):
    """Input a person typed is not acceptable; ``message`` says what to fix."""

    def __init__(self, field: str, message: Message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def _invalid(field: str, text: str, /, **params: object) -> InvalidInput:
    return InvalidInput(field, Message(CTX, text, params))


def normalize_phone(text: str) -> str:
    """A mainland mobile number as 11 digits, accepting spaces, hyphens and a +86/0086 prefix."""
    raw = unicodedata.normalize("NFKC", text or "")
    digits = re.sub(r"[\s\-()]", "", raw)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not _PHONE_RE.match(digits):
        raise _invalid(
            "phone",
            QT_TRANSLATE_NOOP(
                "Validation", "“{text}” is not a mainland mobile number (11 digits starting with 13–19)."
            ),
            text=raw[:24],
        )
    return digits


def is_phone(text: str) -> bool:
    try:
        normalize_phone(text)
    except InvalidInput:
        return False
    return True


def mask_phone(phone: str) -> str:
    """``13812345678`` → ``138****5678``; anything else is masked entirely but for its last two characters."""
    if len(phone) == 11 and phone.isdigit():
        return f"{phone[:3]}****{phone[7:]}"
    if len(phone) == 11 and phone[3:7] == "****":
        return phone  # masked already (the terminal's members table keeps only this form)
    return "*" * max(0, len(phone) - 2) + phone[-2:]


def mask_name(name: str) -> str:
    """张三丰 → 张**, Li Wei → L** Wei-style: keep the first character (the surname for Chinese names)."""
    if not name:
        return ""
    if len(name) == 1:
        return "*"
    return name[0] + "*" * (len(name) - 1) if len(name) <= 3 else name[0] + "*" * 2 + name[-1]


def normalize_name(text: str) -> str:
    """A member's name: NFC, inner spaces folded, letters of any script plus · - ' and space."""
    name = unicodedata.normalize("NFC", text or "").strip()
    control = next((c for c in name if unicodedata.category(c) in ("Cc", "Cf") and c != " "), None)
    if control is not None:
        raise _invalid(
            "name",
            QT_TRANSLATE_NOOP("Validation", "Contains an invisible or control character (U+{code})."),
            code=f"{ord(control):04X}",
        )
    name = re.sub(r"\s+", " ", name)
    if not name:
        raise _invalid("name", QT_TRANSLATE_NOOP("Validation", "Please enter the member's name."))
    if len(name) > MAX_NAME_CHARS:
        raise _invalid(
            "name", QT_TRANSLATE_NOOP("Validation", "A name can have at most {max} characters."), max=MAX_NAME_CHARS
        )
    for char in name:
        if char in _NAME_EXTRA:
            continue
        category = unicodedata.category(char)
        if category not in ("Lu", "Ll", "Lt", "Lo", "Lm", "Mn"):
            raise _invalid(
                "name",
                QT_TRANSLATE_NOOP("Validation", "A name may contain letters, spaces, · - and ' only, not “{char}”."),
                char=char if char.isprintable() else f"U+{ord(char):04X}",
            )
    if not any(unicodedata.category(c).startswith("L") for c in name):
        raise _invalid("name", QT_TRANSLATE_NOOP("Validation", "Please enter the member's name."))
    return name


def normalize_text(text: str, field: str, max_chars: int = MAX_TEXT_CHARS, required: bool = True) -> str:
    """Free text such as an adjustment reason: printable, single-line, bounded."""
    value = unicodedata.normalize("NFC", text or "").strip()
    value = re.sub(r"\s+", " ", value)
    if required and not value:
        raise _invalid(field, QT_TRANSLATE_NOOP("Validation", "This field is required."))
    if len(value) > max_chars:
        raise _invalid(field, QT_TRANSLATE_NOOP("Validation", "At most {max} characters, please."), max=max_chars)
    bad = next((c for c in value if unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn")), None)
    if bad is not None:
        raise _invalid(
            field,
            QT_TRANSLATE_NOOP("Validation", "Contains an invisible or control character (U+{code})."),
            code=f"{ord(bad):04X}",
        )
    return value


def normalize_code(text: str, field: str, max_chars: int = 40) -> str:
    """An identifier typed or scanned (receipt number, coupon code): uppercase letters, digits and - / . only."""
    value = unicodedata.normalize("NFKC", text or "").strip().upper()
    if not value:
        raise _invalid(field, QT_TRANSLATE_NOOP("Validation", "This field is required."))
    if len(value) > max_chars or not re.fullmatch(r"[A-Z0-9][A-Z0-9\-/.]*", value):
        raise _invalid(
            field,
            QT_TRANSLATE_NOOP("Validation", "Use letters, digits, - / and . only (at most {max} characters)."),
            max=max_chars,
        )
    return value


# What staff type for a gender, in the desk's three languages; the stored values are on the right.
GENDER_WORDS = {
    "": "",
    "female": "female",
    "f": "female",
    "woman": "female",
    "女": "female",
    "女性": "female",
    "女士": "female",
    "male": "male",
    "m": "male",
    "man": "male",
    "男": "male",
    "男性": "male",
    "先生": "male",
    "other": "other",
    "其他": "other",
    "其它": "other",
}


def normalize_gender(text: str) -> str:
    """``female``, ``male``, ``other`` or "" (not given), from English in any case or 女/男/其他."""
    value = unicodedata.normalize("NFKC", text or "").strip().lower()
    if value in GENDER_WORDS:
        return GENDER_WORDS[value]
    raise _invalid(
        "gender",
        QT_TRANSLATE_NOOP(
            "Validation",
            "“{value}” is not a gender the desk records; choose female (女), male (男), other (其他) or none.",
        ),
        value=value[:20],
    )


_DATE_RE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


def parse_date(text: str, field: str) -> date:
    """A calendar date typed as 2026-11-20 (also with / or ., spaces around it ignored).

    A wrong format and a date the calendar does not have (02-30) get different messages.
    """
    value = unicodedata.normalize("NFKC", str(text or "")).strip()
    match = _DATE_RE.match(value)
    if not match:
        raise _invalid(
            field, QT_TRANSLATE_NOOP("Validation", "“{text}” is not a date; write it as 2026-11-20."), text=value[:20]
        )
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise _invalid(
            field,
            QT_TRANSLATE_NOOP("Validation", "{text} is not in the calendar: check the month and the day."),
            text=value[:20],
        ) from None


@dataclass(frozen=True)
class Birthday:
    month: int
    day: int
    year: int | None = None

    def text(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.year else f"--{self.month:02d}-{self.day:02d}"


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def parse_birthday(text: str, this_year: int | None, today: date | None = None) -> Birthday:
    """``MM-DD``, ``--MM-DD`` or ``YYYY-MM-DD`` (also with / or .); the year is optional.

    ``this_year`` bounds a plausible birth year; ``None`` checks the calendar only (stored values).
    ``today``, when given, also refuses a full birthday later than today.
    """
    raw = unicodedata.normalize("NFKC", text or "").strip().lstrip("-")
    parts = re.split(r"[-/.]", raw)
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        numbers = []
    year: int | None = None
    if len(numbers) == 3:
        year, month, day = numbers
    elif len(numbers) == 2:
        month, day = numbers
    else:
        raise _invalid(
            "birthday", QT_TRANSLATE_NOOP("Validation", "Write the birthday as month-day, e.g. 03-15, or 1990-03-15.")
        )
    if not 1 <= month <= 12 or not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
        raise _invalid(
            "birthday",
            QT_TRANSLATE_NOOP("Validation", "{month}-{day} is not a date in the calendar."),
            month=month,
            day=day,
        )
    if year is not None:
        if (this_year is not None and year > this_year) or (
            today is not None and 1 <= year <= 9999 and _after(year, month, day, today)
        ):
            raise _invalid(
                "birthday",
                QT_TRANSLATE_NOOP("Validation", "The birthday {year}-{month:02d}-{day:02d} is in the future."),
                year=year,
                month=month,
                day=day,
            )
        if this_year is not None and year < this_year - 120:
            raise _invalid(
                "birthday",
                QT_TRANSLATE_NOOP(
                    "Validation", "The birth year {year} is more than 120 years ago; check the year, or leave it out."
                ),
                year=year,
            )
        if year < 1 or year > 9999:
            raise _invalid(
                "birthday", QT_TRANSLATE_NOOP("Validation", "The birth year {year} is not plausible."), year=year
            )
        if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            raise _invalid("birthday", QT_TRANSLATE_NOOP("Validation", "{year} had no 29 February."), year=year)
    return Birthday(month, day, year)


def _after(year: int, month: int, day: int, today: date) -> bool:
    try:
        return date(year, month, day) > today
    except ValueError:  # 29 February of a common year: refused below with its own message
        return False


def parse_stored_birthday(text: str | None) -> Birthday | None:
    if not text:
        return None
    if text.startswith("--"):
        month, day = text[2:].split("-")
        return Birthday(int(month), int(day))
    year, month, day = text.split("-")
    return Birthday(int(month), int(day), int(year))


_PIN_RE = re.compile(r"[0-9]{4,8}")


def is_pin(text: object) -> bool:
    """A staff PIN: 4 to 8 ASCII digits, nothing else (no full-width or superscript digits, no newline).
    The one rule for the desks and the server, so a PIN set in either place can be typed at both."""
    return isinstance(text, str) and _PIN_RE.fullmatch(text) is not None
