"""Whether the staff member who made an operation may do it, as the server knew them at the operation's time."""

from __future__ import annotations

from typing import Any

from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.operations import KIND_LABELS
from membership.permissions import ROLE_LABELS, manager_only, missing_permission
from membership.rules import Rules
from membership.timeutil import local_minutes

from .envelopes import msg
from .state import StaffRecord


def permission_denied(
    staff: StaffRecord | None, kind: str, payload: dict[str, Any], rules: Rules
) -> tuple[Message, dict[str, Any]] | None:
    """Why the server refuses an operation for who made it, or None.

    Staff the server does not know are not checked (terminal-local staff, checked at the desk). A role
    without the operation's permission is refused; a disabled staff member keeps the permissions any role
    has (their offline work is booked and flagged by server.abuse) but not the managers' own.
    """
    if staff is None:
        return None
    missing = missing_permission(staff.role, kind, payload)
    detail: dict[str, Any] = {
        "staff_no": staff.staff_no,
        "role": staff.role,
        "kind": kind,
        "permission": missing,
        "disabled": False,
    }
    label = Message("Operation", KIND_LABELS.get(kind, kind))
    if missing is not None:
        return (
            msg(
                QT_TRANSLATE_NOOP(
                    "Server",
                    "Refused: {kind} by staff {staff_no}, whose role ({role}) may not do this. Check the desk's "
                    "staff list and whether the terminal was tampered with.",
                ),
                kind=label,
                staff_no=staff.staff_no,
                role=Message("Auth", ROLE_LABELS.get(staff.role, staff.role)),
            ),
            detail,
        )
    if not staff.active and manager_only(kind, payload):
        return (
            msg(
                QT_TRANSLATE_NOOP(
                    "Server",
                    "Refused: {kind} by staff {staff_no}, who was disabled on {since}. Check whether the terminal "
                    "was tampered with or had not synced since.",
                ),
                kind=label,
                staff_no=staff.staff_no,
                since=local_minutes(staff.since, rules.timezone),
            ),
            {**detail, "permission": kind, "disabled": True, "disabled_since": staff.since},
        )
    return None


def booked_not_permitted(staff: StaffRecord, kind: str) -> Message:
    return msg(
        QT_TRANSLATE_NOOP(
            "Server",
            "Booked although not permitted: {kind} by staff {staff_no}, whose role ({role}) may not do this; it "
            "was already handed over. Check it and whether the terminal was tampered with.",
        ),
        kind=Message("Operation", KIND_LABELS.get(kind, kind)),
        staff_no=staff.staff_no,
        role=Message("Auth", ROLE_LABELS.get(staff.role, staff.role)),
    )
