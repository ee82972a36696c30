"""The plain records the desk services take and return: sessions, results, summaries, paper slips."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from membership import decisions as dec
from membership.codes import CodeError
from membership.decisions import Refused
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.money import AmountError
from membership.receipt import ReceiptData
from membership.rules import Tier
from membership.segments import Segment
from membership.timeutil import to_utc_text
from membership.validation import InvalidInput

from ..auth import AuthError
from ..store import StoreError

# Everything a desk action can refuse with; each carries ``.message`` (a translatable Message).
USER_ERRORS: tuple[type[Exception], ...] = (Refused, InvalidInput, CodeError, AmountError, AuthError, StoreError)


NAME_SEARCH_LIMIT = 20


# A business reference as receipts print it: terminal code, sequence, and the epoch from epoch 2 on.
_REFERENCE_RE = re.compile(r"^(\d{3})-(\d{6})(?:/(\d+))?$")


@dataclass(frozen=True)
class Session:
    """A logged-in staff member. Only sessions this service issued are accepted."""

    token: str
    staff_no: str
    name: str
    role: str
    started_at: datetime


@dataclass(frozen=True)
class MemberHit:
    member_no: str
    name_masked: str
    phone_masked: str
    tier: str
    status: str


@dataclass(frozen=True)
class ActionResult:
    op_id: str
    op_ref: str
    kind: str
    member_no: str | None
    receipt: ReceiptData
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class HistoryRow:
    op_id: str | None
    kind: str
    at: str  # business day or local time
    points: int
    spend_fen: int
    reversed: bool
    # This desk's operations: pending (not on the server yet), acked, or rejected by the server (its effects
    # taken back, and an exception opened: ``exception_*``). Other desks' operations are "remote", history
    # from the previous system "imported".
    status: str = "acked"
    reference: str = ""  # the business reference printed on its receipt (007-000123); "" when not known
    exception_id: int | None = None
    exception_code: str | None = None
    exception_message: Message | None = None
    exception_status: str | None = None  # open | resolved


@dataclass(frozen=True)
class MemberSummary:
    member_no: str
    name_masked: str
    phone_masked: str
    birthday: str | None
    status: str
    enrolled_on: date
    tier: Tier
    balance: int
    expiring_points: int
    expiring_on: date | None
    next_tier: Tier | None
    spend_rolling_fen: int
    spend_to_next_fen: int
    progress_percent: int
    lifecycle: str
    segment: Segment
    benefits_available: tuple[str, ...]
    coupons: tuple[dec.CouponRecord, ...]
    history: tuple[HistoryRow, ...]


@dataclass(frozen=True)
class PaperSlip:
    """A paper slip being keyed in: its serial, when and by whom it was written, who confirmed the amount."""

    serial: str
    written_at: datetime  # UTC
    written_by: str
    confirmed_by: str | None = None

    def fields(self, keyed_at: datetime) -> dict[str, Any]:
        return {
            "slip_serial": self.serial,
            "written_by": self.written_by,
            "keyed_at": to_utc_text(keyed_at),
            "confirmed_by": self.confirmed_by,
        }


@dataclass(frozen=True)
class OutageKit:
    desk_name: str
    terminal_code: int
    serials: dict[str, list[str]]  # slip type → serials, in order
    issued_at: datetime


def _slip_number(fields: dict[str, Any], key: str, default: int) -> int:
    """A whole number from a slip's box; an empty box is ``default``, 0 stays 0 (and is refused later)."""
    value = fields.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(unicodedata.normalize("NFKC", str(value)).strip())
    except ValueError:
        raise InvalidInput(
            key,
            Message(
                "Validation",
                QT_TRANSLATE_NOOP("Validation", "“{value}” is not a whole number."),
                {"value": str(value)[:20]},
            ),
        ) from None


class DuplicatePhone(Refused):
    """Enrollment refused because the phone already belongs to a member; the UI opens that member."""

    def __init__(self, member_no: str):
        super().__init__(
            "phone_enrolled",
            QT_TRANSLATE_NOOP(
                "Refusal", "This mobile number already belongs to member {member_no}; opening that member."
            ),
            member_no=member_no,
        )
        self.member_no = member_no
