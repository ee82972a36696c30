"""Office users of the console: passwords (argon2id, the desks' parameters), lockout, sessions, CSRF, audit.

Passwords go through ``server.admin``'s hasher, built from ``membership.argon2_params.PIN_HASHING`` like the desks'.

A session is a random cookie value of which the database keeps only the SHA-256, with its own CSRF
token that every form posts back. A session not used for ``IDLE`` ends; ``MAX_FAILURES`` wrong passwords
in a row lock the account for ``LOCKOUT`` (an office manager can unlock it at once). Every action,
including refused log-ins, is written to ``console_audit``.
"""

from __future__ import annotations

import hmac
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import text

from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.permissions import OFFICE_ROLES, allowed
from membership.timeutil import from_utc_text, to_utc_text
from membership.validation import normalize_name

from ..admin import _HASHER, AdminError, token_hash
from ..db import ServerDB

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
IDLE = timedelta(seconds=int(os.environ.get("MEMBERDESK_CONSOLE_IDLE", str(15 * 60))))
MIN_PASSWORD = 10
# Verifying against this keeps a wrong user number as slow as a wrong password (no user enumeration).
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


class ConsoleError(AdminError):
    """A console request was refused; the message is in the console's own context."""

    def __init__(self, text_: str, /, **params: Any):
        self.message = Message("Console", text_, params)
        Exception.__init__(self, str(self.message))


@dataclass(frozen=True)
class User:
    user_no: str
    name: str
    role: str
    csrf: str
    token_hash: str

    def may(self, permission: str) -> bool:
        return allowed(self.role, permission)


def audit(db: ServerDB, now: datetime, user_no: str, action: str, subject: str, **detail: Any) -> None:
    with db.write() as tx:
        write_audit(tx.conn, now, user_no, action, subject, **detail)


def write_audit(conn: Any, now: datetime, user_no: str, action: str, subject: str, **detail: Any) -> None:
    conn.execute(
        text("INSERT INTO console_audit (at, user_no, action, subject, detail) VALUES (:a, :u, :x, :s, :d)"),
        {
            "a": to_utc_text(now),
            "u": user_no,
            "x": action,
            "s": subject[:200],
            "d": json.dumps(detail, ensure_ascii=False, sort_keys=True),
        },
    )


def _user_no(raw: str) -> str:
    user_no = (raw or "").strip().upper()
    if not user_no or len(user_no) > 16 or not user_no.isalnum():
        raise ConsoleError(QT_TRANSLATE_NOOP("Console", "A user number is 1 to 16 letters or digits."))
    return user_no


def check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ConsoleError(
            QT_TRANSLATE_NOOP("Console", "A password has at least {n} characters."),
            n=MIN_PASSWORD,
        )


def save_user(db: ServerDB, user_no: str, name: str, role: str, password: str | None, now: datetime) -> str:
    """Add an office user, or change an existing one's name, role and (when given) password."""
    user_no = _user_no(user_no)
    if role not in OFFICE_ROLES:
        raise ConsoleError(
            QT_TRANSLATE_NOOP("Console", "The role must be office_clerk, office_manager or store_manager.")
        )
    name = normalize_name(name)
    at = to_utc_text(now)
    with db.write() as tx:
        exists = tx.conn.execute(text("SELECT 1 FROM console_users WHERE user_no = :u"), {"u": user_no}).first()
        if exists is None:
            check_password(password or "")
            tx.conn.execute(
                text(
                    "INSERT INTO console_users (user_no, name, role, password_hash, active, failed_count, "
                    "created_at, updated_at) VALUES (:u, :n, :r, :h, 1, 0, :a, :a)"
                ),
                {"u": user_no, "n": name, "r": role, "h": _HASHER.hash(password or ""), "a": at},
            )
        else:
            tx.conn.execute(
                text("UPDATE console_users SET name = :n, role = :r, updated_at = :a WHERE user_no = :u"),
                {"u": user_no, "n": name, "r": role, "a": at},
            )
            if password:
                check_password(password)
                tx.conn.execute(
                    text("UPDATE console_users SET password_hash = :h WHERE user_no = :u"),
                    {"u": user_no, "h": _HASHER.hash(password)},
                )
    return user_no


def set_active(db: ServerDB, user_no: str, active: bool, now: datetime) -> None:
    with db.write() as tx:
        done = tx.conn.execute(
            text("UPDATE console_users SET active = :v, updated_at = :a WHERE user_no = :u"),
            {"v": int(active), "a": to_utc_text(now), "u": user_no},
        ).rowcount
        if not done:
            raise ConsoleError(QT_TRANSLATE_NOOP("Console", "User {user_no} is not known."), user_no=user_no)
        if not active:  # a disabled user's open sessions end at once
            tx.conn.execute(text("DELETE FROM console_sessions WHERE user_no = :u"), {"u": user_no})


def unlock(db: ServerDB, user_no: str, now: datetime) -> None:
    with db.write() as tx:
        done = tx.conn.execute(
            text("UPDATE console_users SET failed_count = 0, locked_until = NULL, updated_at = :a WHERE user_no = :u"),
            {"a": to_utc_text(now), "u": user_no},
        ).rowcount
    if not done:
        raise ConsoleError(QT_TRANSLATE_NOOP("Console", "User {user_no} is not known."), user_no=user_no)


def login(db: ServerDB, user_no: str, password: str, now: datetime) -> str:
    """Check the password; a new session's cookie value. Refusals say nothing about which part was wrong."""
    user_no = (user_no or "").strip().upper()[:16]
    at = to_utc_text(now)
    with db.read() as conn:
        row = conn.execute(text("SELECT * FROM console_users WHERE user_no = :u"), {"u": user_no}).mappings().first()
    if row is not None and row["locked_until"] and row["locked_until"] > at:
        audit(db, now, user_no, "login_refused", user_no, reason="locked")
        raise ConsoleError(
            QT_TRANSLATE_NOOP(
                "Console",
                "This account is locked after too many wrong passwords until {until}; an office manager can unlock it.",
            ),
            until=row["locked_until"][:16].replace("T", " ") + " UTC",
        )
    try:
        _HASHER.verify(row["password_hash"] if row is not None else _DUMMY_HASH, password or "")
        good = row is not None and bool(row["active"])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        good = False
    if not good:
        locked = False
        if row is not None:
            with db.write() as tx:
                failures = int(row["failed_count"]) + 1
                locked = failures >= MAX_FAILURES
                tx.conn.execute(
                    text("UPDATE console_users SET failed_count = :f, locked_until = :l WHERE user_no = :u"),
                    {"f": 0 if locked else failures, "l": to_utc_text(now + LOCKOUT) if locked else None, "u": user_no},
                )
                write_audit(tx.conn, now, user_no, "login_refused", user_no, reason="locked_now" if locked else "wrong")
        else:
            audit(db, now, user_no or "?", "login_refused", user_no or "?", reason="unknown")
        if locked:
            raise ConsoleError(
                QT_TRANSLATE_NOOP("Console", "Too many wrong passwords: this account is locked for {minutes} minutes."),
                minutes=int(LOCKOUT.total_seconds() // 60),
            )
        raise ConsoleError(QT_TRANSLATE_NOOP("Console", "The user number or password is wrong."))
    token = secrets.token_urlsafe(32)
    with db.write() as tx:
        tx.conn.execute(
            text("UPDATE console_users SET failed_count = 0, locked_until = NULL WHERE user_no = :u"), {"u": user_no}
        )
        tx.conn.execute(
            text(
                "INSERT INTO console_sessions (token_hash, user_no, csrf, created_at, last_seen) "
                "VALUES (:h, :u, :c, :a, :a)"
            ),
            {"h": token_hash(token), "u": user_no, "c": secrets.token_urlsafe(24), "a": at},
        )
        write_audit(tx.conn, now, user_no, "login", user_no)
    return token


def session_user(db: ServerDB, token: str | None, now: datetime) -> User | None:
    """The user of a live session (and its idle clock restarted), or None when it ended or never was."""
    if not token:
        return None
    digest = token_hash(token)
    with db.read() as conn:
        row = conn.execute(
            text(
                "SELECT s.token_hash, s.csrf, s.last_seen, u.user_no, u.name, u.role, u.active "
                "FROM console_sessions s JOIN console_users u ON u.user_no = s.user_no WHERE s.token_hash = :h"
            ),
            {"h": digest},
        ).first()
    if row is None:
        return None
    if not row.active or from_utc_text(row.last_seen) + IDLE < now:
        with db.write() as tx:
            tx.conn.execute(text("DELETE FROM console_sessions WHERE token_hash = :h"), {"h": digest})
        return None
    if from_utc_text(row.last_seen) + timedelta(seconds=30) < now:  # not a write on every page
        with db.write() as tx:
            tx.conn.execute(
                text("UPDATE console_sessions SET last_seen = :a WHERE token_hash = :h"),
                {"a": to_utc_text(now), "h": digest},
            )
    return User(row.user_no, row.name, row.role, row.csrf, digest)


def logout(db: ServerDB, user: User, now: datetime) -> None:
    with db.write() as tx:
        tx.conn.execute(text("DELETE FROM console_sessions WHERE token_hash = :h"), {"h": user.token_hash})
        write_audit(tx.conn, now, user.user_no, "logout", user.user_no)


def csrf_ok(expected: str, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(expected.encode(), (sent or "").encode())
