"""The outage kit: paper slips issued for a power or network outage, and keying them in afterwards."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from membership import codes
from membership.decisions import Refused
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.rules import Rules
from membership.timeutil import to_utc_text
from membership.validation import InvalidInput, is_phone, mask_phone, normalize_phone

from ..auth import AuthError
from .actions import DeskActions
from .records import ActionResult, OutageKit, PaperSlip, Session, _slip_number


class PaperSlipServices(DeskActions):
    """The outage kit: paper slips issued for a power or network outage, and keying them in afterwards."""

    def issue_outage_kit(self, session: Session, counts: dict[str, int]) -> OutageKit:
        """Reserve pre-numbered slip serials for this desk's outage kit and record the ranges issued."""
        self._authorize(session, "outage_kit")
        wanted = {t: int(n) for t, n in counts.items() if int(n) > 0}
        if not wanted or any(t not in codes.SLIP_TYPES.values() or n > 500 for t, n in wanted.items()):
            raise InvalidInput(
                "counts",
                Message("Validation", QT_TRANSLATE_NOOP("Validation", "Choose between 1 and 500 slips of each kind.")),
            )
        terminal = self.store.terminal()
        now = self.clock()
        at = to_utc_text(now)
        serials: dict[str, list[str]] = {}
        with self.store.transaction() as conn:
            for slip_type, count in wanted.items():
                first = self.store.next_counter(conn, "slip_seq")
                if count > 1:  # reserve the whole range inside the same transaction: no gaps, no overlap
                    conn.execute("UPDATE counters SET value = value + ? WHERE name = 'slip_seq'", (count - 1,))
                last = first + count - 1
                conn.execute(
                    "INSERT INTO slip_ranges (slip_type, first_seq, last_seq, desk_name, issued_by, issued_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (slip_type, first, last, terminal.name, session.staff_no, at),
                )
                serials[slip_type] = [
                    codes.make_slip_serial(slip_type, terminal.terminal_code, n) for n in range(first, last + 1)
                ]
            self.store.append_audit(
                conn,
                at,
                session.staff_no,
                "outage_kit_issued",
                terminal.terminal_id,
                detail={t: [v[0], v[-1]] for t, v in serials.items()},
            )
        return OutageKit(terminal.name, terminal.terminal_code, serials, now)

    def slip_status(self, session: Session, serial: str) -> tuple[str, sqlite3.Row | None]:
        """(slip type, its keyed-in record or None) for a scanned or typed serial; refuses a foreign or bad one."""
        self._authorize(session, "back_entry")
        slip_type, code, seq = codes.parse_slip_serial(serial)
        issued = self.store.scalar(
            "SELECT count(*) FROM slip_ranges WHERE slip_type = ? AND ? BETWEEN first_seq AND last_seq",
            (slip_type, seq),
        )
        # Another desk's slip may be keyed in here (its terminal may be the one that broke); the server
        # makes sure a serial counts once in the whole mall. This desk's own serials must have been issued.
        if code == self.store.terminal().terminal_code and not issued:
            raise Refused(
                "slip_not_issued",
                QT_TRANSLATE_NOOP(
                    "Refusal", "Slip {serial} was never issued by this desk; check the serial on the slip."
                ),
                serial=serial.strip().upper(),
            )
        return slip_type, self.store.query_one("SELECT * FROM paper_slips WHERE serial = ?", (serial.strip().upper(),))

    def _slip_keyed(self, serial: str) -> Refused:
        row = self.store.query_one("SELECT keyed_at, keyed_by FROM paper_slips WHERE serial = ?", (serial,))
        return Refused(
            "slip_already_keyed",
            QT_TRANSLATE_NOOP(
                "Refusal", "Slip {serial} was already keyed in on {when} by {staff}; it is not entered twice."
            ),
            serial=serial,
            when=self._local_time(row["keyed_at"]) if row else "?",
            staff=row["keyed_by"] if row else "?",
        )

    def key_in_slip(
        self,
        session: Session,
        serial: str,
        written_at_local: str,
        written_by: str,
        fields: dict[str, Any],
        confirm: tuple[str, str] | None = None,
    ) -> ActionResult:
        """Key in a handwritten slip: the operation it records, judged as of the time written on it.

        ``fields`` are the slip's boxes (member number or phone, amounts, tenant and receipt number, gift,
        benefit, or an enrollment's name, phone, birthday and consents). Amounts above the rules'
        threshold need a second person (``confirm`` = their staff number and PIN).
        """
        slip_type, keyed = self.slip_status(session, serial)
        serial = serial.strip().upper()
        if keyed is not None:
            raise self._slip_keyed(serial)
        rules = self.store.rules()
        written_at = self._slip_time(written_at_local, rules)
        confirmed_by = None
        needs_second = (
            slip_type == "receipt" and _slip_number(fields, "amount_fen", 0) > rules.paper_second_check_fen
        ) or (
            # A gift slip large enough for a step-up at the desk needs the second person even when the
            # paper threshold is set higher: paper never skips both checks.
            slip_type == "gift"
            and (
                self._gift_points(fields) > rules.paper_second_check_points
                or self._gift_points(fields) >= rules.step_up_points
            )
        )
        if needs_second:
            confirmed_by = self._verify_second_person(confirm, session)
        paper = PaperSlip(serial, written_at, (written_by or "").strip().upper(), confirmed_by)
        member_no = self._slip_member(fields) if slip_type != "enroll" else None
        if slip_type == "enroll":
            return self.enroll(
                session,
                name=fields.get("name", ""),
                phone=fields.get("phone", ""),
                birthday=fields.get("birthday", ""),
                gender=fields.get("gender", ""),
                referrer_no=fields.get("referrer_no"),
                privacy_accepted=bool(fields.get("privacy_accepted")),
                marketing_accepted=bool(fields.get("marketing_accepted")),
                paper=paper,
            )
        if slip_type == "receipt":
            return self.credit_receipt(
                session,
                member_no,
                fields.get("tenant_code", ""),
                fields.get("receipt_no", ""),
                fields.get("amount_fen"),
                fields.get("purchase_date", ""),
                paper=paper,
            )
        if slip_type == "gift":
            return self.redeem_gift(
                session, member_no, fields.get("item_code", ""), _slip_number(fields, "quantity", 1), paper=paper
            )
        return self.claim_benefit(session, member_no, fields.get("benefit", ""), paper=paper)

    def _slip_time(self, text: str, rules: Rules) -> datetime:
        """The local date and time written on a slip, as UTC; not in the future, not older than 60 days."""
        from datetime import timedelta

        try:
            local = datetime.fromisoformat(" ".join((text or "").split()).replace("T", " ")).replace(
                tzinfo=rules.timezone
            )
        except ValueError:
            raise InvalidInput(
                "written_at",
                Message(
                    "Validation", QT_TRANSLATE_NOOP("Validation", "Write the time on the slip as 2026-11-22 14:30.")
                ),
            ) from None
        moment = local.astimezone(self.clock().tzinfo or local.tzinfo)
        now = self.clock()
        if moment > now:
            raise InvalidInput(
                "written_at",
                Message(
                    "Validation",
                    QT_TRANSLATE_NOOP(
                        "Validation", "The time on the slip ({written}) is later than now; check the date and hour."
                    ),
                    {"written": local.strftime("%Y-%m-%d %H:%M")},
                ),
            )
        if moment < now - timedelta(days=60):
            raise InvalidInput(
                "written_at",
                Message(
                    "Validation",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The slip was written on {written}, more than 60 days ago; slips that old are not keyed in.",
                    ),
                    {"written": local.strftime("%Y-%m-%d")},
                ),
            )
        return moment

    def _slip_member(self, fields: dict[str, Any]) -> str:
        """The member on a slip: a member number, or the phone number written instead."""
        text = str(fields.get("member") or "").strip()
        if codes.compact_member_no(text):
            return codes.compact_member_no(text) or text
        if is_phone(text):
            row = self.store.member_by_phone(normalize_phone(text))
            if row is None:
                raise Refused(
                    "member_unknown",
                    QT_TRANSLATE_NOOP("Refusal", "No member has the phone number {phone}; check the slip."),
                    phone=mask_phone(normalize_phone(text)),
                )
            return row["member_no"]
        return text

    def _gift_points(self, fields: dict[str, Any]) -> int:
        item = self.store.master().catalogue.get(str(fields.get("item_code") or "").strip().upper())
        return item.points * _slip_number(fields, "quantity", 1) if item else 0

    def _verify_second_person(self, confirm: tuple[str, str] | None, session: Session) -> str:
        if confirm is None or not confirm[0].strip():
            raise AuthError(
                "second_person",
                QT_TRANSLATE_NOOP(
                    "Auth", "This amount needs a second person to confirm it: their staff number and PIN."
                ),
            )
        staff_no, pin = confirm[0].strip().upper(), confirm[1]
        if staff_no == session.staff_no:
            raise AuthError(
                "second_person",
                QT_TRANSLATE_NOOP("Auth", "The second person must be someone else than who keys the slip in."),
            )
        if self._check_pin(staff_no, pin, "second_person_failed", for_staff=session.staff_no) is None:
            raise AuthError(
                "approval_failed", QT_TRANSLATE_NOOP("Auth", "The second person's staff number or PIN is wrong.")
            )
        return staff_no

    def outstanding_slips(self) -> list[str]:
        """Issued serials not keyed in yet (for the daily report and the back-entry screen)."""
        from ..reports import _outstanding

        return _outstanding(self.store)
