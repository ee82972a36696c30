"""Who may do what: the staff roles and the permission every desk action and operation needs.

One definition for both sides. The terminal's desk services refuse an action the session's role does not
hold; the central server checks every pushed operation against the role its staff member had, as the
server knows it, at the operation's time (docs/SECURITY.md, "Role of pushed operations"). An operation
needs the permission named like its kind, and a keyed-in paper slip also needs ``back_entry``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import operations as ops
from .i18n import QT_TRANSLATE_NOOP

ROLES = ("desk", "cashier", "manager")
ROLE_LABELS = {
    "desk": QT_TRANSLATE_NOOP("Auth", "Desk staff"),
    "cashier": QT_TRANSLATE_NOOP("Auth", "Cashier"),
    "manager": QT_TRANSLATE_NOOP("Auth", "Manager"),
}

ALL = frozenset(ROLES)
DESK = frozenset({"desk", "manager"})
CHECKOUT = frozenset({"cashier", "manager"})
MANAGER = frozenset({"manager"})

# The membership office's web console (server/console): its own roles, in the same table so that one
# place says who may do what. Office users never log in at a desk, desk staff never in the console.
OFFICE_ROLES = ("office_clerk", "office_manager", "store_manager")
OFFICE_ROLE_LABELS = {
    "office_clerk": QT_TRANSLATE_NOOP("Auth", "Membership office clerk"),
    "office_manager": QT_TRANSLATE_NOOP("Auth", "Membership office manager"),
    "store_manager": QT_TRANSLATE_NOOP("Auth", "Store manager"),
}
OFFICE = frozenset({"office_clerk", "office_manager"})
OFFICE_ALL = frozenset(OFFICE_ROLES)
OFFICE_MANAGER = frozenset({"office_manager"})

BACK_ENTRY = "back_entry"

# Which roles may perform each action. Every operation kind is an action of the same name.
PERMISSIONS: dict[str, frozenset[str]] = {
    "lookup": ALL,
    "summary": ALL,
    ops.ENROLL: ALL,
    ops.EDIT_PROFILE: DESK,
    ops.EARN: ALL,
    ops.CREDIT_RECEIPT: DESK,
    ops.REDEEM_GIFT: DESK,
    ops.REDEEM_CASH_OFFSET: CHECKOUT,
    ops.DONATE_POINTS: DESK,
    ops.VERIFY_COUPON: ALL,
    ops.CLAIM_BENEFIT: DESK,
    ops.RECORD_EVENT: DESK,
    ops.REVERSE: MANAGER,
    ops.ADJUST: MANAGER,
    ops.TIER_REVIEW: MANAGER,
    "reveal_phone": MANAGER,
    "manage_staff": MANAGER,
    "exceptions": MANAGER,
    "outage_kit": MANAGER,
    BACK_ENTRY: DESK,
    # the console's pages and actions
    "console_today": OFFICE_ALL,
    "console_reports": OFFICE_ALL,
    "console_exceptions": OFFICE,
    "console_resolve": OFFICE,
    "console_members": OFFICE,
    "console_reveal": OFFICE_MANAGER,
    "console_adjust_request": OFFICE,
    "console_adjust_approve": OFFICE_MANAGER,
    "console_pipl": OFFICE_MANAGER,
    "console_terminals": OFFICE_MANAGER,
    "console_staff": OFFICE_MANAGER,
    "console_rules": OFFICE_MANAGER,
    "console_coupons": OFFICE,
    "console_stock": OFFICE_MANAGER,
    "console_audit": OFFICE_MANAGER,
    "console_jobs": OFFICE_ALL,
    "console_jobs_run": OFFICE_MANAGER,
}


def allowed(role: str, permission: str) -> bool:
    """Whether ``role`` holds ``permission`` (an unknown permission is held by nobody)."""
    return role in PERMISSIONS.get(permission, frozenset())


def operation_permissions(kind: str, payload: Mapping[str, Any]) -> tuple[str, ...]:
    """The permissions an operation needs: its kind's, and ``back_entry`` for a keyed-in paper slip."""
    return (kind, BACK_ENTRY) if payload.get("slip_serial") else (kind,)


def missing_permission(role: str, kind: str, payload: Mapping[str, Any]) -> str | None:
    """The first permission ``role`` lacks for this operation, or None when it may do it.

    An unknown kind or role holds nothing.
    """
    for permission in operation_permissions(kind, payload):
        if role not in PERMISSIONS.get(permission, frozenset()):
            return permission
    return None


def manager_only(kind: str, payload: Mapping[str, Any]) -> bool:
    """Whether the operation needs a permission only managers hold (reverse, adjust, tier review)."""
    return any(PERMISSIONS.get(p) == MANAGER for p in operation_permissions(kind, payload))
