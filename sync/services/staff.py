"""Staff administration at the desk: adding staff, listing them, lifting a PIN lock-out."""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3

from membership.decisions import Refused
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.timeutil import to_utc_text
from membership.validation import InvalidInput, normalize_name

from .. import auth
from .records import Session
from .sessions import SessionServices


class StaffAdministration(SessionServices):
    """Staff administration at the desk: adding staff, listing them, lifting a PIN lock-out."""

    def add_staff(self, session: Session | None, staff_no: str, name: str, role: str, pin: str) -> None:
        """Add or replace a staff member. ``session`` is None only for the operator's command line set-up."""
        if session is not None:
            self._authorize(session, "manage_staff")
        staff_no = (staff_no or "").strip().upper()
        if not staff_no or len(staff_no) > 16 or not staff_no.isalnum():
            raise InvalidInput(
                "staff_no",
                Message("Validation", QT_TRANSLATE_NOOP("Validation", "A staff number is 1 to 16 letters or digits.")),
            )
        if role not in auth.ROLES:
            raise InvalidInput(
                "role",
                Message(
                    "Validation",
                    QT_TRANSLATE_NOOP("Validation", "“{value}” is not one of the choices."),
                    {"value": role},
                ),
            )
        name = normalize_name(name)
        pin_hash = auth.hash_pin(pin)
        at = to_utc_text(self.clock())
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO staff (staff_no, name, role, pin_hash, active, failed_count, updated_at) "
                "VALUES (?, ?, ?, ?, 1, 0, ?) ON CONFLICT (staff_no) DO UPDATE SET name = excluded.name, "
                "role = excluded.role, pin_hash = excluded.pin_hash, active = 1, failed_count = 0, "
                "locked_until = NULL, updated_at = excluded.updated_at",
                (staff_no, name, role, pin_hash, at),
            )
            self.store.append_audit(
                conn, at, session.staff_no if session else "SYSTEM", "staff_saved", staff_no, detail={"role": role}
            )

    def list_staff(self, session: Session) -> list[sqlite3.Row]:
        self._authorize(session, "manage_staff")
        return self.store.query(
            "SELECT staff_no, name, role, active, failed_count, locked_until FROM staff ORDER BY staff_no"
        )

    def unlock_staff(self, session: Session, staff_no: str) -> None:
        """A manager lifts a PIN lockout before it runs out; the PIN stays as it was. Audited."""
        self._authorize(session, "manage_staff")
        staff_no = (staff_no or "").strip().upper()
        row = self.store.query_one("SELECT failed_count, locked_until FROM staff WHERE staff_no = ?", (staff_no,))
        if row is None:
            raise Refused(
                "staff_unknown", QT_TRANSLATE_NOOP("Refusal", "There is no staff member {staff_no}."), staff_no=staff_no
            )
        at = to_utc_text(self.clock())
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE staff SET failed_count = 0, locked_until = NULL, updated_at = ? WHERE staff_no = ?",
                (at, staff_no),
            )
            self.store.append_audit(
                conn,
                at,
                session.staff_no,
                "staff_unlocked",
                staff_no,
                detail={"was_locked_until": row["locked_until"], "failures": row["failed_count"]},
            )
