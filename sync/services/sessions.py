"""Sessions and PINs: logging in, lock-outs, asking for the PIN again, role checks and a manager's approval."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from membership.i18n import QT_TRANSLATE_NOOP
from membership.timeutil import to_utc_text

from .. import auth
from ..auth import AuthError, LockoutPolicy
from .base import ServicesBase
from .records import Session


class SessionServices(ServicesBase):
    """Sessions and PINs: logging in, lock-outs, asking for the PIN again, role checks and a manager's approval."""

    def login(self, staff_no: str, pin: str) -> Session:
        staff_no = (staff_no or "").strip().upper()
        now = self.clock()
        at = to_utc_text(now)
        row = self.store.query_one("SELECT * FROM staff WHERE staff_no = ?", (staff_no,))
        if row is None or not row["active"]:
            raise AuthError("bad_login", QT_TRANSLATE_NOOP("Auth", "Staff number or PIN is wrong."))
        if row["locked_until"] and row["locked_until"] > at:
            raise self._locked(staff_no, row["locked_until"])
        ok = auth.pin_matches(row["pin_hash"], pin or "")
        with self.store.transaction() as conn:
            if not ok:
                until = self._pin_failure(conn, row, now, "login_failed")
            else:
                new_hash = auth.hash_pin(pin) if auth.needs_rehash(row["pin_hash"]) else row["pin_hash"]
                conn.execute(
                    "UPDATE staff SET failed_count = 0, locked_until = NULL, pin_hash = ?, updated_at = ? "
                    "WHERE staff_no = ?",
                    (new_hash, at, staff_no),
                )
                self.store.append_audit(conn, at, staff_no, "login", staff_no)
        if not ok:
            if until:
                raise self._locked(staff_no, to_utc_text(until))
            raise AuthError("bad_login", QT_TRANSLATE_NOOP("Auth", "Staff number or PIN is wrong."))
        session = Session(secrets.token_hex(16), staff_no, row["name"], row["role"], now)
        self._sessions[session.token] = session
        return session

    @property
    def lockout(self) -> LockoutPolicy:
        if self._lockout is not None:
            return self._lockout
        rules = self.store.rules()
        return LockoutPolicy(rules.lockout_failures, rules.lockout_minutes)

    def _pin_failure(self, conn: sqlite3.Connection, row: sqlite3.Row, now: datetime, action: str, **detail: Any):
        """Count a wrong PIN towards the lockout and audit it; returns the lock's end, if it locked."""
        at = to_utc_text(now)
        failures = row["failed_count"] + 1
        until = auth.locked_until_after_failure(failures, now, self.lockout)
        conn.execute(
            "UPDATE staff SET failed_count = ?, locked_until = ?, updated_at = ? WHERE staff_no = ?",
            (0 if until else failures, to_utc_text(until) if until else None, at, row["staff_no"]),
        )
        self.store.append_audit(
            conn,
            at,
            row["staff_no"],
            action,
            row["staff_no"],
            detail={**detail, "failures": failures, "locked": bool(until)},
        )
        return until

    def step_up(self, session: Session, pin: str | None, action: str) -> None:
        """Sensitive actions ask for the PIN again: whoever stands at the desk now must know it.

        A wrong PIN counts towards the lockout like a wrong login, is audited, and a lock ends the session.
        """
        self._authorize(session, action)
        if not pin:
            raise AuthError("step_up_required", QT_TRANSLATE_NOOP("Auth", "Enter your PIN again to confirm this."))
        try:
            ok = self._check_pin(session.staff_no, pin, "step_up_failed", step_up_for=action) is not None
        except AuthError:
            self._sessions.pop(session.token, None)  # locked: the session ends with it
            raise
        if not ok:
            raise AuthError("step_up_failed", QT_TRANSLATE_NOOP("Auth", "The PIN is wrong; nothing was done."))

    def _check_pin(self, staff_no: str, pin: str, failure: str, *, manager: bool = False, **detail: Any):
        """The staff row if ``pin`` is this active staff member's (a manager's, if asked), else None.

        Every PIN entered after login goes through here (step-up, a manager's approval, a second person):
        a wrong one counts towards the lockout and is audited as ``failure``; a locked staff member is
        refused without trying the PIN, so the approval fields cannot be used to guess it.
        """
        row = self.store.query_one("SELECT * FROM staff WHERE staff_no = ?", (staff_no,))
        if row is None or not row["active"] or (manager and row["role"] != "manager"):
            return None
        now = self.clock()
        if row["locked_until"] and row["locked_until"] > to_utc_text(now):
            raise self._locked(staff_no, row["locked_until"])
        if auth.pin_matches(row["pin_hash"], pin or ""):
            if row["failed_count"]:
                with self.store.transaction() as conn:
                    conn.execute("UPDATE staff SET failed_count = 0 WHERE staff_no = ?", (staff_no,))
            return row
        with self.store.transaction() as conn:
            fresh = conn.execute("SELECT * FROM staff WHERE staff_no = ?", (staff_no,)).fetchone()
            until = self._pin_failure(conn, fresh, now, failure, **detail)
        if until:
            raise self._locked(staff_no, to_utc_text(until))
        return None

    def _locked(self, staff_no: str, until_utc: str) -> AuthError:
        return AuthError(
            "locked",
            QT_TRANSLATE_NOOP(
                "Auth", "Too many wrong PINs: {staff_no} is locked until {until}. A manager can unlock it."
            ),
            staff_no=staff_no,
            until=self._local_hm(until_utc),
        )

    def logout(self, session: Session) -> None:
        if self._sessions.pop(session.token, None) is not None:
            with self.store.transaction() as conn:
                self.store.append_audit(conn, to_utc_text(self.clock()), session.staff_no, "logout", session.staff_no)

    def _authorize(self, session: Session, action: str) -> None:
        if not isinstance(session, Session) or self._sessions.get(session.token) != session:
            raise AuthError("no_session", QT_TRANSLATE_NOOP("Auth", "Please log in again."))
        # The staff row as it is now: a disabling or a change of role pulled from the server (or made by a
        # manager here) takes effect at the session's next action, not at its next login.
        row = self.store.query_one("SELECT role, active FROM staff WHERE staff_no = ?", (session.staff_no,))
        if row is None or not row["active"]:
            self._sessions.pop(session.token, None)
            raise AuthError(
                "disabled",
                QT_TRANSLATE_NOOP("Auth", "{staff_no} has been disabled; this session has ended."),
                staff_no=session.staff_no,
            )
        try:
            auth.authorize(row["role"], action)
        except AuthError:
            # A refused action writes no business data, but the attempt itself is audited (docs/SECURITY.md).
            with self.store.transaction() as conn:
                self.store.append_audit(
                    conn,
                    to_utc_text(self.clock()),
                    session.staff_no,
                    "permission_refused",
                    action,
                    detail={"role": row["role"]},
                )
            raise

    def _verify_manager(self, approver: tuple[str, str] | None, session: Session) -> str | None:
        """The approving manager's staff number: the session's own if it is (still) a manager's, else checked
        by PIN."""
        own = self.store.query_one("SELECT role, active FROM staff WHERE staff_no = ?", (session.staff_no,))
        if own is not None and own["active"] and own["role"] == "manager":
            return session.staff_no
        if approver is None:
            return None
        staff_no, pin = approver[0].strip().upper(), approver[1]
        named = self.store.query_one("SELECT name, role, active FROM staff WHERE staff_no = ?", (staff_no,))
        if named is not None and named["active"] and named["role"] != "manager":
            # Said plainly (and no PIN tried, so the colleague's lockout count is not touched).
            raise AuthError(
                "approver_not_manager",
                QT_TRANSLATE_NOOP("Auth", "{staff_no} ({name}) is not a manager; a manager must approve this."),
                staff_no=staff_no,
                name=named["name"],
            )
        if self._check_pin(staff_no, pin, "approval_failed", manager=True, for_staff=session.staff_no) is None:
            raise AuthError("approval_failed", QT_TRANSLATE_NOOP("Auth", "The manager's staff number or PIN is wrong."))
        return staff_no

    def _local_hm(self, utc_text: str) -> str:
        from membership.timeutil import from_utc_text

        return from_utc_text(utc_text).astimezone(self.store.rules().timezone).strftime("%H:%M")
