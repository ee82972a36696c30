"""The operation vocabulary: every change is one operation with a validated, JSON-ready payload.

An operation envelope (id, terminal, epoch, sequence, staff, time) is added by the store; this module
knows only kinds and payloads. ``validate_payload`` returns a normalised copy or raises
:class:`~membership.validation.InvalidInput` with a message a person can act on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from . import codes
from .i18n import QT_TRANSLATE_NOOP, Message
from .money import MAX_AMOUNT_FEN, MAX_POINTS
from .validation import (
    CTX,
    InvalidInput,
    normalize_code,
    normalize_gender,
    normalize_name,
    normalize_phone,
    normalize_text,
    parse_date,
)

ENROLL = "enroll"
EDIT_PROFILE = "edit_profile"
EARN = "earn"
CREDIT_RECEIPT = "credit_receipt"
REDEEM_GIFT = "redeem_gift"
REDEEM_CASH_OFFSET = "redeem_cash_offset"
VERIFY_COUPON = "verify_coupon"
CLAIM_BENEFIT = "claim_benefit"
REVERSE = "reverse"
ADJUST = "adjust"
RECORD_EVENT = "record_event"
TIER_REVIEW = "tier_review"
DONATE_POINTS = "donate_points"
# A paper slip is keyed in as the operation it records (enroll, credit_receipt, redeem_gift, claim_benefit)
# with the slip fields below in its payload; its envelope time is the time written on the slip.
SLIP_KINDS = {"enroll": "enroll", "receipt": "credit_receipt", "gift": "redeem_gift", "benefit": "claim_benefit"}

KINDS = (
    ENROLL,
    EDIT_PROFILE,
    EARN,
    CREDIT_RECEIPT,
    REDEEM_GIFT,
    REDEEM_CASH_OFFSET,
    VERIFY_COUPON,
    CLAIM_BENEFIT,
    REVERSE,
    ADJUST,
    RECORD_EVENT,
    TIER_REVIEW,
    DONATE_POINTS,
)
# A donation is not reversible at the desk: the mall has pledged it to the charity (a manager adjusts).
REVERSIBLE = (EARN, CREDIT_RECEIPT, REDEEM_GIFT, REDEEM_CASH_OFFSET, VERIFY_COUPON, CLAIM_BENEFIT)
BENEFITS = ("birthday", "parking", "member_day")
GENDERS = ("", "female", "male", "other")
CHANNELS = ("desk", "checkout", "paper")
PROFILE_FIELDS = ("name", "phone", "birthday", "gender", "marketing_consent")

# Human names of the kinds, for history lists and receipts.
KIND_LABELS = {
    ENROLL: QT_TRANSLATE_NOOP("Operation", "Enrollment"),
    EDIT_PROFILE: QT_TRANSLATE_NOOP("Operation", "Profile change"),
    EARN: QT_TRANSLATE_NOOP("Operation", "Points for purchase"),
    CREDIT_RECEIPT: QT_TRANSLATE_NOOP("Operation", "Receipt credit"),
    REDEEM_GIFT: QT_TRANSLATE_NOOP("Operation", "Gift redemption"),
    REDEEM_CASH_OFFSET: QT_TRANSLATE_NOOP("Operation", "Points as cash"),
    VERIFY_COUPON: QT_TRANSLATE_NOOP("Operation", "Coupon verified"),
    CLAIM_BENEFIT: QT_TRANSLATE_NOOP("Operation", "Benefit claimed"),
    REVERSE: QT_TRANSLATE_NOOP("Operation", "Reversal"),
    ADJUST: QT_TRANSLATE_NOOP("Operation", "Points adjustment"),
    RECORD_EVENT: QT_TRANSLATE_NOOP("Operation", "Member event attended"),
    TIER_REVIEW: QT_TRANSLATE_NOOP("Operation", "Annual tier review"),
    DONATE_POINTS: QT_TRANSLATE_NOOP("Operation", "Points donation"),
}


def _bad(field: str, text: str, /, **params: object) -> InvalidInput:
    return InvalidInput(field, Message(CTX, text, params))


# -- field readers ---------------------------------------------------------------------------------


def _member_no(p: dict[str, Any], key: str = "member_no", required: bool = True) -> str | None:
    value = p.get(key)
    if value in (None, "") and not required:
        return None
    if value in (None, ""):
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "Enter the member number (10 digits) or scan the member code."))
    compact = codes.compact_member_no(value) if isinstance(value, str) else None
    if compact is None:
        digits = "".join(ch for ch in str(value) if ch.isdigit())
        if len(digits) == 10 and len(str(value).strip()) <= 14:
            raise _bad(
                key,
                QT_TRANSLATE_NOOP(
                    "Validation", "“{value}” is not a member number: a digit is wrong (the check digit does not match)."
                ),
                value=str(value)[:20],
            )
        raise _bad(
            key, QT_TRANSLATE_NOOP("Validation", "“{value}” is not a valid member number."), value=str(value)[:20]
        )
    return compact


def _amount(p: dict[str, Any], key: str, minimum: int = 1) -> int:
    value = p.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "Please enter an amount."))
    if value < minimum:
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "The amount must be more than zero."))
    if value > MAX_AMOUNT_FEN:
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "The amount is more than any single purchase; check it."))
    return value


def _points(p: dict[str, Any], key: str, allow_negative: bool = False) -> int:
    value = p.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value == 0:
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "Please enter a number of points other than zero."))
    if (value < 0 and not allow_negative) or abs(value) > MAX_POINTS:
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "{value} points is out of range."), value=value)
    return value


def _choice(p: dict[str, Any], key: str, choices: tuple[str, ...], default: str | None = None) -> str:
    value = p.get(key, default)
    if value not in choices:
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "“{value}” is not one of the choices."), value=str(value)[:20])
    return value


def _date(p: dict[str, Any], key: str) -> str:
    value = p.get(key)
    if value in (None, ""):
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "Please enter a date like 2026-11-20."))
    if isinstance(value, date):
        return value.isoformat()
    return parse_date(str(value), key).isoformat()


def _bool(p: dict[str, Any], key: str, default: bool | None = None) -> bool:
    value = p.get(key, default)
    if not isinstance(value, bool):
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "“{key}” must be yes or no."), key=key)
    return value


def _staff(p: dict[str, Any], key: str) -> str | None:
    value = p.get(key)
    if value in (None, ""):
        return None
    return normalize_code(str(value), key, 16)


def _consent(p: dict[str, Any], key: str) -> dict[str, Any]:
    value = p.get(key)
    if not isinstance(value, dict):
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "The consent record is missing."))
    return {
        "accepted": _bool(value, "accepted"),
        "wording_version": normalize_code(str(value.get("wording_version", "")), key, 16),
        "at": normalize_text(str(value.get("at", "")), key, 40),
    }


def _birthday(p: dict[str, Any], key: str = "birthday") -> str:
    """Birthdays travel in payloads already normalised (``--MM-DD`` or ``YYYY-MM-DD``)."""
    value = p.get(key)
    if not isinstance(value, str):
        raise _bad(key, QT_TRANSLATE_NOOP("Validation", "Please enter the birthday (month and day)."))
    from .validation import parse_birthday

    bday = parse_birthday(value, this_year=None)
    return bday.text()


# -- per-kind validators ---------------------------------------------------------------------------


def _enroll(p: dict[str, Any]) -> dict[str, Any]:
    privacy = _consent(p, "privacy_consent")
    if not privacy["accepted"]:
        raise _bad(
            "privacy_consent", QT_TRANSLATE_NOOP("Validation", "The member must accept the privacy policy to enroll.")
        )
    return {
        "member_no": _member_no(p),
        "name": normalize_name(str(p.get("name", ""))),
        "phone": normalize_phone(str(p.get("phone", ""))),
        "birthday": _birthday(p),
        "gender": normalize_gender(str(p.get("gender") or "")),
        "referrer_no": _member_no(p, "referrer_no", required=False),
        "channel": _choice(p, "channel", CHANNELS, "desk"),
        "privacy_consent": privacy,
        "marketing_consent": _consent(p, "marketing_consent"),
    }


def _edit_profile(p: dict[str, Any]) -> dict[str, Any]:
    changes = p.get("changes")
    if not isinstance(changes, dict) or not changes:
        raise _bad("changes", QT_TRANSLATE_NOOP("Validation", "Nothing was changed."))
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise _bad(
            "changes", QT_TRANSLATE_NOOP("Validation", "“{field}” cannot be edited here."), field=sorted(unknown)[0]
        )
    out: dict[str, Any] = {}
    if "name" in changes:
        out["name"] = normalize_name(str(changes["name"]))
    if "phone" in changes:
        out["phone"] = normalize_phone(str(changes["phone"]))
    if "birthday" in changes:
        out["birthday"] = _birthday(changes)
    if "gender" in changes:
        out["gender"] = normalize_gender(str(changes["gender"] or ""))
    if "marketing_consent" in changes:
        out["marketing_consent"] = _consent(changes, "marketing_consent")
    return {"member_no": _member_no(p), "changes": out}


def _earn(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "member_no": _member_no(p),
        "amount_fen": _amount(p, "amount_fen"),
        "category": normalize_code(str(p.get("category") or "GENERAL"), "category", 20).lower(),
        "apply_discount": _bool(p, "apply_discount", False),
        "pos_ref": normalize_text(str(p.get("pos_ref") or ""), "pos_ref", 40, required=False),
    }


def _credit_receipt(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "member_no": _member_no(p),
        "tenant_code": normalize_code(str(p.get("tenant_code", "")), "tenant_code", 10),
        "receipt_no": normalize_code(str(p.get("receipt_no", "")), "receipt_no", 40),
        "amount_fen": _amount(p, "amount_fen"),
        "purchase_date": _date(p, "purchase_date"),
        "approved_by": _staff(p, "approved_by"),
    }


def _redeem_gift(p: dict[str, Any]) -> dict[str, Any]:
    quantity = p.get("quantity", 1)
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= 20:
        raise _bad("quantity", QT_TRANSLATE_NOOP("Validation", "The quantity must be from 1 to 20."))
    coupon_code = p.get("coupon_code") or None
    if coupon_code is not None:
        codes.parse_coupon_code(str(coupon_code))
    return {
        "member_no": _member_no(p),
        "item_code": normalize_code(str(p.get("item_code", "")), "item_code", 10),
        "quantity": quantity,
        "online": _bool(p, "online", False),
        "coupon_code": coupon_code,
        "approved_by": _staff(p, "approved_by"),
    }


def _redeem_cash_offset(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "member_no": _member_no(p),
        "points": _points(p, "points"),
        "purchase_amount_fen": _amount(p, "purchase_amount_fen"),
        "online": _bool(p, "online", False),
    }


def _donate_points(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "member_no": _member_no(p),
        "campaign_code": normalize_code(str(p.get("campaign_code", "")), "campaign_code", 20),
        "points": _points(p, "points"),
        "online": _bool(p, "online", False),
    }


def _verify_coupon(p: dict[str, Any]) -> dict[str, Any]:
    _, code = codes.parse_coupon_code(str(p.get("code", "")))
    purchase = p.get("purchase_amount_fen")
    return {
        "code": code,
        "member_no": _member_no(p, required=False),
        "purchase_amount_fen": None if purchase is None else _amount(p, "purchase_amount_fen"),
    }


def _claim_benefit(p: dict[str, Any]) -> dict[str, Any]:
    coupon_code = p.get("coupon_code") or None
    if coupon_code is not None:
        codes.parse_coupon_code(str(coupon_code))
    return {
        "member_no": _member_no(p),
        "benefit": _choice(p, "benefit", BENEFITS),
        "coupon_code": coupon_code,
    }


def _reverse(p: dict[str, Any]) -> dict[str, Any]:
    target = p.get("target_op_id")
    if not isinstance(target, str) or len(target) != 36:
        raise _bad("target_op_id", QT_TRANSLATE_NOOP("Validation", "Choose the transaction to reverse."))
    return {"target_op_id": target, "reason": normalize_text(str(p.get("reason", "")), "reason")}


def _adjust(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "member_no": _member_no(p),
        "points": _points(p, "points", allow_negative=True),
        "reason": normalize_text(str(p.get("reason", "")), "reason"),
    }


def _record_event(p: dict[str, Any]) -> dict[str, Any]:
    return {"member_no": _member_no(p), "event_code": normalize_code(str(p.get("event_code", "")), "event_code", 20)}


def _tier_review(p: dict[str, Any]) -> dict[str, Any]:
    return {"member_no": _member_no(p), "review_date": _date(p, "review_date")}


def _slip_fields(kind: str, p: dict[str, Any]) -> dict[str, Any]:
    """The fields a keyed-in paper slip adds to the operation it records."""
    slip_type, _, _ = codes.parse_slip_serial(str(p.get("slip_serial", "")))
    if SLIP_KINDS[slip_type] != kind:
        raise _bad(
            "slip_serial",
            QT_TRANSLATE_NOOP("Validation", "Slip {serial} is not a slip for this kind of entry."),
            serial=p.get("slip_serial"),
        )
    written_by = _staff(p, "written_by")
    if not written_by:
        raise _bad("written_by", QT_TRANSLATE_NOOP("Validation", "This field is required."))
    return {
        "slip_serial": str(p["slip_serial"]).strip().upper(),
        "written_by": written_by,
        "keyed_at": normalize_text(str(p.get("keyed_at", "")), "keyed_at", 40),
        "confirmed_by": _staff(p, "confirmed_by"),
    }


_VALIDATORS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    ENROLL: _enroll,
    EDIT_PROFILE: _edit_profile,
    EARN: _earn,
    CREDIT_RECEIPT: _credit_receipt,
    REDEEM_GIFT: _redeem_gift,
    REDEEM_CASH_OFFSET: _redeem_cash_offset,
    VERIFY_COUPON: _verify_coupon,
    CLAIM_BENEFIT: _claim_benefit,
    REVERSE: _reverse,
    ADJUST: _adjust,
    RECORD_EVENT: _record_event,
    TIER_REVIEW: _tier_review,
    DONATE_POINTS: _donate_points,
}


def validate_payload(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """A normalised copy of ``payload`` for ``kind``; raises InvalidInput (or CodeError for codes)."""
    if kind not in _VALIDATORS:
        raise _bad("kind", QT_TRANSLATE_NOOP("Validation", "Unknown operation “{kind}”."), kind=str(kind)[:30])
    if not isinstance(payload, dict):
        raise _bad("payload", QT_TRANSLATE_NOOP("Validation", "The operation has no details."))
    normal = _VALIDATORS[kind](payload)
    if payload.get("slip_serial") is not None:
        if kind not in SLIP_KINDS.values():
            raise _bad("slip_serial", QT_TRANSLATE_NOOP("Validation", "Unknown operation “{kind}”."), kind=kind)
        normal.update(_slip_fields(kind, payload))
    return normal


def canonical_json(value: Any) -> str:
    """The one JSON form used for payload storage and hashing: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def payload_hash(kind: str, payload: dict[str, Any]) -> str:
    return payload_text_hash(kind, canonical_json(payload))


def payload_text_hash(kind: str, payload_text: str) -> str:
    """``payload_hash`` of a payload already in its canonical JSON."""
    return hashlib.sha256(f"{kind}\n{payload_text}".encode()).hexdigest()
