"""Staff PINs (argon2id), lockout after repeated failures, and who may do what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from membership import permissions as perms
from membership.argon2_params import PIN_HASHING
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.validation import is_pin

# One definition of roles and permissions for the terminal and the server (membership/permissions.py).
ROLES, ROLE_LABELS, PERMISSIONS = perms.ROLES, perms.ROLE_LABELS, perms.PERMISSIONS

# argon2id with the one set of parameters the server uses too (membership/argon2_params.py).
_HASHER = PasswordHasher(**PIN_HASHING.hasher_kwargs(), type=Type[PIN_HASHING.variant])


class AuthError(Exception):
    """Login refused or an action not permitted; ``message`` is for the person at the terminal."""

    def __init__(self, code: str, text: str, /, **params: object):
        self.code = code
        self.message = Message("Auth", text, params)
        super().__init__(f"{code}: {self.message}")


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_minutes: int = 30


def check_pin_format(pin: str) -> str:
    if not is_pin(pin):
        raise AuthError("pin_format", QT_TRANSLATE_NOOP("Auth", "A PIN is 4 to 8 digits."))
    return pin


def hash_pin(pin: str) -> str:
    return _HASHER.hash(check_pin_format(pin))


def pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return _HASHER.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(pin_hash: str) -> bool:
    return _HASHER.check_needs_rehash(pin_hash)


def locked_until_after_failure(failures: int, now: datetime, policy: LockoutPolicy) -> datetime | None:
    return now + timedelta(minutes=policy.lock_minutes) if failures >= policy.max_failures else None


def authorize(role: str, action: str) -> None:
    allowed = PERMISSIONS.get(action)
    if allowed is None or role not in allowed:
        raise AuthError(
            "not_permitted",
            QT_TRANSLATE_NOOP("Auth", "Your role ({role}) may not do this; ask a manager."),
            role=Message("Auth", ROLE_LABELS.get(role, role)),
        )
