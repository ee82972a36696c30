"""Desk services: the API the desk application calls. Each user action is one transaction that writes
the state change, its operation-log row and its audit row together, or nothing at all.

Role checks live here, not in any button. Business rules come from :mod:`membership.decisions`;
this module reads the state those decisions need and writes what they return.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from membership import codes, dispatch
from membership import decisions as dec
from membership import ledger as ledger_math
from membership import operations as ops
from membership.codes import CodeError
from membership.decisions import Context, Decision, MemberState, Refused
from membership.i18n import QT_TRANSLATE_NOOP, Message, Text
from membership.money import AmountError, format_yuan
from membership.receipt import ReceiptData
from membership.rules import DonationCampaign, Rules, Tier
from membership.segments import Segment, lifecycle_stage, rfm_segment
from membership.timeutil import business_day, to_utc_text
from membership.validation import (
    InvalidInput,
    is_phone,
    mask_name,
    mask_phone,
    normalize_name,
    normalize_phone,
    parse_birthday,
)
from membership.write_plan import plan_writes

from .. import auth
from ..auth import AuthError, LockoutPolicy
from ..store import Store, StoreError, utc_now
from .executor import execute
from .reader import StoreReader

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


class DeskServices:
    """The terminal's desk services over one :class:`Store`."""

    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime] = utc_now,
        online: Callable[[], bool] = lambda: False,
        lockout: LockoutPolicy | None = None,
    ):
        self.store = store
        self.clock = clock
        self.online = online
        self._lockout = lockout  # None: the rules' [security] section decides
        self._sessions: dict[str, Session] = {}

    # -- sessions ------------------------------------------------------------------------------------

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

    # -- staff administration ----------------------------------------------------------------------

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

    def terminal_facts(self, session: Session) -> list[tuple[Message, str]]:
        """What a manager or store IT asks about this terminal, as (label, value) pairs."""
        self._authorize(session, "manage_staff")
        t = self.store.terminal()
        pending = self.store.query_one("SELECT count(*), min(local_time) FROM oplog WHERE status = 'pending'")
        facts = [
            (QT_TRANSLATE_NOOP("Terminal", "Terminal"), f"{t.terminal_id} · {t.name}"),
            (QT_TRANSLATE_NOOP("Terminal", "Terminal code"), f"{t.terminal_code:03d}"),
            (QT_TRANSLATE_NOOP("Terminal", "Epoch"), str(t.epoch)),
            (QT_TRANSLATE_NOOP("Terminal", "Rules version"), self.store.rules().version),
            (QT_TRANSLATE_NOOP("Terminal", "Operations waiting to be sent"), str(pending[0])),
            (QT_TRANSLATE_NOOP("Terminal", "Oldest waiting since"), pending[1] or "—"),
            (
                QT_TRANSLATE_NOOP("Terminal", "Members in this store"),
                f"{self.store.scalar('SELECT count(*) FROM members'):,d}",
            ),
            (QT_TRANSLATE_NOOP("Terminal", "Database"), str(self.store.path)),
        ]
        return [(Message("Terminal", key), value) for key, value in facts]

    def pending_operations(self) -> tuple[int, str | None]:
        """How many operations wait to be sent, and the local time of the oldest (for the banner)."""
        row = self.store.query_one("SELECT count(*), min(local_time) FROM oplog WHERE status = 'pending'")
        return row[0], row[1]

    # -- lookup ----------------------------------------------------------------------------------

    def lookup(self, session: Session, text: str) -> list[MemberHit]:
        """Find members by scanned QR, member number, phone, card number or name prefix."""
        self._authorize(session, "lookup")
        text = (text or "").strip()
        if not text:
            return []
        rows: list[sqlite3.Row] = []
        upper = text.upper()
        grouped = codes.compact_member_no(text)  # 0070000013, or as printed: 007 000001 3 / 007-000001-3
        if grouped is not None:
            upper = grouped
        if codes.looks_like_member_token(upper):
            token = codes.verify_member_token(upper, self.public_keys(), self._today())
            rows = self._rows("SELECT * FROM members WHERE member_no = ?", token.member_no)
        elif upper.isdigit() and codes.is_member_no(upper):
            rows = self._rows("SELECT * FROM members WHERE member_no = ?", upper)
        elif is_phone(text):
            found = self.store.member_by_phone(normalize_phone(text))  # through the keyed hash
            rows = [found] if found is not None else []
        elif upper.replace("-", "").isdigit():
            rows = self._rows("SELECT * FROM members WHERE card_no = ?", upper.replace("-", ""))
        else:
            name = normalize_name(text)
            # A range on the name index: prefix search without LIKE's collation pitfalls.
            rows = self.store.query(
                "SELECT * FROM members WHERE name >= ? AND name < ? AND status = 'active' ORDER BY name LIMIT ?",
                (name, name + "\U0010ffff", NAME_SEARCH_LIMIT),
            )
        if len(rows) == 1:  # a member was opened: remember who looked whom up, and how
            by = (
                "qr"
                if codes.looks_like_member_token(upper)
                else "member_no"
                if upper.isdigit() and len(upper) == 10
                else "phone"
                if is_phone(text)
                else "card"
                if upper.replace("-", "").isdigit()
                else "name"
            )
            # Written by the store's next transaction, its next flush or its close: never lost (Store.defer_audit).
            self.store.defer_audit(
                to_utc_text(self.clock()), session.staff_no, "lookup", rows[0]["member_no"], {"by": by}
            )
        return [
            MemberHit(r["member_no"], mask_name(r["name"]), mask_phone(r["phone"]), r["tier"], r["status"])
            for r in rows
        ]

    def flush_lookup_audit(self) -> int:
        """Write the look-ups made since the last write as audit rows (the subject is the member number,
        never the phone typed). Look-ups stay fast: their audit rows ride on the next transaction, or on
        this call, which the desk app makes every few seconds."""
        return self.store.flush_deferred_audit()

    def record_export(self, session: Session, what: str, rows: int) -> None:
        """Audit an export (a report saved as CSV, member data): who, what, how many rows."""
        self._authorize(session, "summary")
        with self.store.transaction() as conn:
            self.store.append_audit(
                conn, to_utc_text(self.clock()), session.staff_no, "export", what, detail={"rows": rows, "what": what}
            )

    def _rows(self, sql: str, value: str) -> list[sqlite3.Row]:
        return self.store.query(sql, (value,))

    def public_keys(self) -> dict[int, Any]:
        return {
            r["key_id"]: codes.public_key_from_hex(r["public_hex"])
            for r in self.store.query("SELECT key_id, public_hex FROM qr_keys")
        }

    def member_token(self, member_no: str) -> str | None:
        """A signed QR token for the member, if this terminal holds a signing key (newest key first)."""
        row = self.store.query_one(
            "SELECT key_id, private_hex FROM qr_keys WHERE private_hex IS NOT NULL ORDER BY key_id DESC LIMIT 1"
        )
        if row is None:
            return None
        return codes.sign_member_token(codes.private_key_from_hex(row["private_hex"]), row["key_id"], member_no)

    # -- summary --------------------------------------------------------------------------------------

    def summary(self, session: Session, member_no: str) -> MemberSummary:
        self._authorize(session, "summary")
        member_no = codes.compact_member_no(member_no) or (member_no or "").strip()
        rules = self.store.rules()
        today = self._today()
        state = self._state(member_no, today, rules)
        tier = rules.tier(state.tier)
        nxt = rules.next_tier(state.tier)
        balance = ledger_math.available(state.lots, today, rules)
        expiring = ledger_math.expiring_next(state.lots, today, rules)
        to_next = max(0, nxt.qualifying_spend_fen - state.spend_rolling_fen) if nxt else 0
        if nxt:
            span = nxt.qualifying_spend_fen - tier.qualifying_spend_fen
            done = min(max(state.spend_rolling_fen - tier.qualifying_spend_fen, 0), span)
            progress = done * 100 // span if span else 100
        else:
            progress = 100
        ctx = Context(rules, self.store.master(), self.clock(), self.online())
        coupons = self.store.query(
            "SELECT code FROM coupons WHERE member_no = ? AND status = 'issued' AND valid_to >= ? ORDER BY valid_to",
            (member_no, today.isoformat()),
        )
        row = self.store.member_row(member_no)
        assert row is not None
        return MemberSummary(
            member_no=member_no,
            name_masked=mask_name(state.name),
            phone_masked=mask_phone(state.phone),
            birthday=row["birthday"],
            status=state.status,
            enrolled_on=state.enrolled_on,
            tier=tier,
            balance=balance,
            expiring_points=expiring[0] if expiring else 0,
            expiring_on=expiring[1] if expiring else None,
            next_tier=nxt,
            spend_rolling_fen=state.spend_rolling_fen,
            spend_to_next_fen=to_next,
            progress_percent=progress,
            lifecycle=lifecycle_stage(state, today, rules),
            segment=rfm_segment(state, today, rules),
            benefits_available=tuple(dec.benefits_available(state, ctx)),
            coupons=tuple(c for c in (self.store.coupon_record(r["code"]) for r in coupons) if c),
            history=tuple(self._history(member_no)),
        )

    def _history(self, member_no: str, limit: int = 20) -> list[HistoryRow]:
        """This desk's operations for the member and other desks' (pulled), newest first."""
        points = (
            "(SELECT coalesce(sum(delta), 0) FROM ledger l WHERE l.op_id = o.op_id AND l.member_no = :m "
            "AND l.kind != 'expire') AS points, "
            # By member too: the planner then reads the member's few lines. By op_id alone it may scan the
            # ledger, because the statistics see millions of lines under the one op id 'import'.
            "(SELECT coalesce(sum(spend_fen), 0) FROM ledger l WHERE l.op_id = o.op_id AND l.member_no = :m) AS spend"
        )
        own = self.store.query(
            f"SELECT o.op_id, o.kind, o.local_time, o.reversed_by, o.status, o.epoch, o.seq, {points} FROM oplog o "
            "WHERE o.member_no = :m ORDER BY o.id DESC LIMIT :n",
            {"m": member_no, "n": limit},
        )
        remote = self.store.query(
            f"SELECT o.op_id, o.kind, o.business_day, o.reversed_by, {points} FROM remote_ops o "
            "WHERE o.member_no = :m AND o.op_id NOT IN (SELECT op_id FROM oplog) ORDER BY o.change_no DESC LIMIT :n",
            {"m": member_no, "n": limit},
        )
        # Own operations carry a local time, pulled ones their business day: both sort as text.
        dated = [(self._local_time(r["local_time"]), True, r) for r in own] + [
            (r["business_day"], False, r) for r in remote
        ]
        dated.sort(key=lambda entry: entry[0], reverse=True)
        code = self.store.terminal().terminal_code
        exceptions = self._exceptions_of([r["op_id"] for _, mine, r in dated[:limit] if mine])
        out = []
        for at, mine, r in dated[:limit]:
            if not mine:
                out.append(
                    HistoryRow(r["op_id"], r["kind"], at, r["points"], r["spend"], bool(r["reversed_by"]), "remote")
                )
                continue
            ex = exceptions.get(r["op_id"])
            out.append(
                HistoryRow(
                    r["op_id"],
                    r["kind"],
                    at,
                    r["points"],
                    r["spend"],
                    bool(r["reversed_by"]),
                    r["status"],
                    codes.op_ref(code, r["epoch"], r["seq"]),
                    ex["id"] if ex else None,
                    ex["code"] if ex else None,
                    Message.from_json(json.loads(ex["message"])) if ex else None,
                    ex["status"] if ex else None,
                )
            )
        if len(out) < limit:  # history imported from the previous system, newest first
            imported = self.store.query(
                "SELECT kind, delta, spend_fen, business_day FROM ledger WHERE member_no = ? AND op_id = 'import' "
                "ORDER BY business_day DESC, entry_id DESC LIMIT ?",
                (member_no, limit - len(out)),
            )
            out += [
                HistoryRow(None, r["kind"], r["business_day"], r["delta"], r["spend_fen"], False, "imported")
                for r in imported
            ]
        return out

    def _exceptions_of(self, op_ids: list[str]) -> dict[str, sqlite3.Row]:
        """The newest sync exception each of these operations opened (open ones first)."""
        if not op_ids:
            return {}
        marks = ", ".join("?" * len(op_ids))
        rows = self.store.query(
            f"SELECT id, code, op_id, message, status FROM sync_exceptions WHERE op_id IN ({marks}) "
            "ORDER BY status = 'open', id",
            tuple(op_ids),
        )
        return {r["op_id"]: r for r in rows}  # the last one wins: an open one, else the newest

    def operation_id(self, text: str) -> str:
        """The op id for what staff give: an op id, or a receipt's business reference (``007-000003``, ``/2``
        for a later epoch) of this desk. Anything else is returned as typed, for the caller to refuse."""
        value = unicodedata.normalize("NFKC", text or "").strip()
        match = _REFERENCE_RE.match(value)
        if match is None or int(match[1]) != self.store.terminal().terminal_code:
            return value
        row = self.store.query_one(
            "SELECT op_id FROM oplog WHERE epoch = ? AND seq = ?", (int(match[3] or 1), int(match[2]))
        )
        return row["op_id"] if row else value

    def reference_of(self, op_id: str) -> str:
        """The business reference of one of this desk's operations (007-000123), or "" for another desk's."""
        row = self.store.query_one("SELECT epoch, seq FROM oplog WHERE op_id = ?", (op_id,))
        return codes.op_ref(self.store.terminal().terminal_code, row["epoch"], row["seq"]) if row else ""

    def reveal_phone(self, session: Session, member_no: str, pin: str | None = None) -> str:
        """The full phone number, for a manager who enters the PIN again; every reveal is audited."""
        self._authorize(session, "reveal_phone")
        row = self.store.member_row(member_no)
        if row is None:
            raise self._no_member(member_no)
        self.step_up(session, pin, "reveal_phone")
        with self.store.transaction() as conn:
            self.store.append_audit(conn, to_utc_text(self.clock()), session.staff_no, "reveal_phone", member_no)
        return self.store.full_phone(member_no) or ""

    # -- the actions ------------------------------------------------------------------------------------

    def enroll(
        self,
        session: Session,
        *,
        name: str,
        phone: str,
        birthday: str,
        gender: str = "",
        referrer_no: str | None = None,
        privacy_accepted: bool,
        marketing_accepted: bool,
        channel: str = "desk",
        paper: PaperSlip | None = None,
    ) -> ActionResult:
        self._authorize(session, "enroll")
        rules = self.store.rules()
        now = paper.written_at if paper else self.clock()
        if paper:
            channel = "paper"
        phone = normalize_phone(phone)
        local_today = now.astimezone(rules.timezone).date()
        bday = parse_birthday(birthday, this_year=local_today.year, today=local_today)
        existing = self.store.member_by_phone(phone)
        if existing is not None:
            raise DuplicatePhone(existing["member_no"])
        at = to_utc_text(now)
        payload: dict[str, Any] = {
            "member_no": "0000000000",  # replaced by the allocated number inside the transaction
            "name": name,
            "phone": phone,
            "birthday": bday.text(),
            "gender": gender or "",
            "referrer_no": (referrer_no or "").strip() or None,
            "channel": channel,
            "privacy_consent": {
                "accepted": bool(privacy_accepted),
                "wording_version": rules.privacy_consent_version,
                "at": at,
            },
            "marketing_consent": {
                "accepted": bool(marketing_accepted),
                "wording_version": rules.marketing_consent_version,
                "at": at,
            },
        }
        if paper:
            payload.update(paper.fields(self.clock()))
        ops.validate_payload(ops.ENROLL, {**payload, "member_no": codes.make_member_no(0, 1)})

        def allocate(conn: sqlite3.Connection, ctx: Context, _: dict[str, Any]) -> dict[str, Any]:
            terminal = self.store.terminal()
            seq = self.store.next_counter(conn, "member_seq")
            return ops.validate_payload(
                ops.ENROLL, {**payload, "member_no": codes.make_member_no(terminal.terminal_code, seq)}
            )

        result = self._perform(session, ops.ENROLL, payload, allocate, now=now, prevalidated=True)
        token = self.member_token(result.member_no or "")
        return ActionResult(
            result.op_id,
            result.op_ref,
            result.kind,
            result.member_no,
            result.receipt,
            {**result.extra, "member_token": token},
        )

    def edit_profile(self, session: Session, member_no: str, changes: dict[str, Any]) -> ActionResult:
        rules = self.store.rules()
        changes = dict(changes)
        if "birthday" in changes:
            local_today = self.clock().astimezone(rules.timezone).date()
            changes["birthday"] = parse_birthday(str(changes["birthday"]), local_today.year, today=local_today).text()
        if "phone" in changes:
            phone = normalize_phone(str(changes["phone"]))
            other = self.store.member_by_phone(phone)
            if other is not None and other["member_no"] != member_no:
                raise DuplicatePhone(other["member_no"])

        return self._perform(session, ops.EDIT_PROFILE, {"member_no": member_no, "changes": changes})

    def earn(
        self,
        session: Session,
        member_no: str,
        amount_fen: int,
        category: str = "general",
        apply_discount: bool = False,
        pos_ref: str = "",
    ) -> ActionResult:
        return self._perform(
            session,
            ops.EARN,
            {
                "member_no": member_no,
                "amount_fen": amount_fen,
                "category": category,
                "apply_discount": apply_discount,
                "pos_ref": pos_ref,
            },
        )

    def credit_receipt(
        self,
        session: Session,
        member_no: str,
        tenant_code: str,
        receipt_no: str,
        amount_fen: int,
        purchase_date: str | date,
        approver: tuple[str, str] | None = None,
        paper: PaperSlip | None = None,
    ) -> ActionResult:
        self._authorize(session, "credit_receipt")
        approved_by = self._verify_manager(approver, session)

        return self._perform(
            session,
            ops.CREDIT_RECEIPT,
            {
                "member_no": member_no,
                "tenant_code": tenant_code,
                "receipt_no": receipt_no,
                "amount_fen": amount_fen,
                "purchase_date": str(purchase_date),
                "approved_by": approved_by,
                **(paper.fields(self.clock()) if paper else {}),
            },
            now=paper.written_at if paper else None,
        )

    def redeem_gift(
        self,
        session: Session,
        member_no: str,
        item_code: str,
        quantity: int = 1,
        paper: PaperSlip | None = None,
        pin: str | None = None,
    ) -> ActionResult:
        self._authorize(session, "redeem_gift")
        # Normalized the way the payload will be (NFKC), so the threshold sees the gift that is redeemed.
        item = self.store.master().catalogue.get(unicodedata.normalize("NFKC", item_code or "").strip().upper())
        if item is not None and paper is None and type(quantity) is int and quantity > 0:
            self._step_up_if_large(session, pin, "redeem_gift", item.points * quantity)

        def allocate(conn: sqlite3.Connection, ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
            # A gift handed over on paper is booked as a fact (membership.dispatch), even if the points no
            # longer cover it: the shortfall is booked as debt and shows in the exceptions once synced.
            if item is not None and item.kind == "coupon":
                return {**p, "coupon_code": self._allocate_coupon(conn, item.coupon)}
            return p

        return self._perform(
            session,
            ops.REDEEM_GIFT,
            {
                "member_no": member_no,
                "item_code": item_code,
                "quantity": quantity,
                **(paper.fields(self.clock()) if paper else {}),
            },
            allocate,
            now=paper.written_at if paper else None,
        )

    def redeem_cash_offset(
        self, session: Session, member_no: str, points: int, purchase_amount_fen: int, pin: str | None = None
    ) -> ActionResult:
        self._authorize(session, "redeem_cash_offset")
        if type(points) is int:
            self._step_up_if_large(session, pin, "redeem_cash_offset", points)

        return self._perform(
            session,
            ops.REDEEM_CASH_OFFSET,
            {
                "member_no": member_no,
                "points": points,
                "purchase_amount_fen": purchase_amount_fen,
            },
        )

    def donation_campaigns(self) -> tuple[DonationCampaign, ...]:
        """The charity campaigns in the rules, for the donation screen's choice."""
        return self.store.rules().donation_campaigns

    def donate_points(
        self, session: Session, member_no: str, campaign_code: str, points: int, pin: str | None = None
    ) -> ActionResult:
        """Give ``points`` of the member's (oldest first) to a charity campaign named in the rules (积分捐赠).

        Capped offline like every redemption; a donation of at least ``security.step_up_points`` asks for
        the PIN again.
        """
        self._authorize(session, ops.DONATE_POINTS)
        if type(points) is int and points > 0:
            self._step_up_if_large(session, pin, ops.DONATE_POINTS, points)

        return self._perform(
            session,
            ops.DONATE_POINTS,
            {"member_no": member_no, "campaign_code": campaign_code, "points": points},
        )

    def check_coupon(self, session: Session, code: str) -> tuple[dec.CouponRecord, Any]:
        """The coupon and its definition, to show terms and validity before verifying it."""
        self._authorize(session, "verify_coupon")
        _, normal = codes.parse_coupon_code(code)
        record = self.store.coupon_record(normal)
        if record is None:
            raise Refused(
                "coupon_unknown",
                QT_TRANSLATE_NOOP(
                    "Refusal", "Coupon {code} is not known here; it may be forged, or the terminal needs a sync."
                ),
                code=normal,
            )
        return record, self.store.master().coupons.get(record.definition)

    def verify_coupon(
        self, session: Session, code: str, member_no: str | None = None, purchase_amount_fen: int | None = None
    ) -> ActionResult:
        return self._perform(
            session,
            ops.VERIFY_COUPON,
            {"code": code, "member_no": member_no, "purchase_amount_fen": purchase_amount_fen},
        )

    def claim_benefit(
        self, session: Session, member_no: str, benefit: str, paper: PaperSlip | None = None
    ) -> ActionResult:
        def allocate(conn: sqlite3.Connection, ctx: Context, p: dict[str, Any]) -> dict[str, Any]:
            tier = ctx.rules.tier(self._state(p["member_no"], ctx.today, ctx.rules).tier)
            if p["benefit"] == "birthday" and tier.birthday_coupon:
                return {**p, "coupon_code": self._allocate_coupon(conn, tier.birthday_coupon)}
            return p

        return self._perform(
            session,
            ops.CLAIM_BENEFIT,
            {"member_no": member_no, "benefit": benefit, **(paper.fields(self.clock()) if paper else {})},
            allocate,
            now=paper.written_at if paper else None,
        )

    def _step_up_if_large(self, session: Session, pin: str | None, action: str, points: int) -> None:
        """Redemptions of at least the rules' ``security.step_up_points`` ask for the PIN again."""
        if points >= self.store.rules().step_up_points:
            self.step_up(session, pin, action)

    def reverse(self, session: Session, op_id: str, reason: str, pin: str | None = None) -> ActionResult:
        self.step_up(session, pin, "reverse")
        return self._perform(session, ops.REVERSE, {"target_op_id": self.operation_id(op_id), "reason": reason})

    def adjust(
        self, session: Session, member_no: str, points: int, reason: str, pin: str | None = None
    ) -> ActionResult:
        self.step_up(session, pin, "adjust")
        return self._perform(session, ops.ADJUST, {"member_no": member_no, "points": points, "reason": reason})

    def record_event(self, session: Session, member_no: str, event_code: str) -> ActionResult:
        return self._perform(session, ops.RECORD_EVENT, {"member_no": member_no, "event_code": event_code})

    def tier_review(self, session: Session, member_no: str, review_date: str | date) -> ActionResult:
        return self._perform(session, ops.TIER_REVIEW, {"member_no": member_no, "review_date": str(review_date)})

    # -- outage: the paper kit and keying slips in ----------------------------------------------------

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

    def reprint_receipt(self, session: Session, op_id: str) -> ReceiptData:
        """A past receipt of this desk, by op id or by the reference printed on it (``007-000003``)."""
        self._authorize(session, "summary")
        op_id = self.operation_id(op_id)
        body = self.store.scalar("SELECT receipt FROM oplog WHERE op_id = ?", (op_id,))
        if body is None:
            raise Refused(
                "op_unknown", QT_TRANSLATE_NOOP("Refusal", "That transaction was not found on this terminal.")
            )
        with self.store.transaction() as conn:
            self.store.append_audit(conn, to_utc_text(self.clock()), session.staff_no, "reprint", op_id, op_id)
        return ReceiptData.from_json(json.loads(body))

    # -- machinery ----------------------------------------------------------------------------------------

    def _today(self) -> date:
        rules = self.store.rules()
        return business_day(self.clock(), rules.timezone, rules.cutover_hour)

    def _local_time(self, utc_text: str) -> str:
        from membership.timeutil import from_utc_text

        return from_utc_text(utc_text).astimezone(self.store.rules().timezone).strftime("%Y-%m-%d %H:%M")

    def _no_member(self, member_no: str) -> Refused:
        return Refused(
            "member_unknown",
            QT_TRANSLATE_NOOP("Refusal", "Member {member_no} was not found on this terminal."),
            member_no=member_no,
        )

    def _state(self, member_no: str, today: date, rules: Rules) -> MemberState:
        state = self.store.member_state(member_no, today, rules)
        if state is None:
            raise self._no_member(member_no)
        return state

    def _allocate_coupon(self, conn: sqlite3.Connection, definition: str) -> str:
        seq = self.store.next_counter(conn, "coupon_seq")
        return codes.make_coupon_code(definition, codes.coupon_serial(self.store.terminal().terminal_code, seq))

    def _perform(
        self,
        session: Session,
        kind: str,
        payload: dict[str, Any],
        prepare: Callable[[sqlite3.Connection, Context, dict[str, Any]], dict[str, Any]] | None = None,
        now: datetime | None = None,
        prevalidated: bool = False,
    ) -> ActionResult:
        """Validate, decide (``membership.dispatch``) and write one operation in a single transaction; a
        refusal writes nothing. ``prepare`` fills in what this desk allocates inside the transaction (a
        member number, a coupon code) before the decision."""
        self._authorize(session, kind)
        # Read once: the payload and the decision must agree. A paper slip records what happened offline.
        online = bool(self.online()) and not payload.get("slip_serial")
        if kind in (ops.REDEEM_GIFT, ops.REDEEM_CASH_OFFSET, ops.DONATE_POINTS):
            payload = {**payload, "online": online}
        if not prevalidated:
            payload = ops.validate_payload(kind, payload)
        store = self.store
        rules, master = store.rules(), store.master()
        now = now or self.clock()
        ctx = Context(rules, master, now, online)
        with store.transaction() as conn:
            terminal = store.terminal()  # inside: a sync in another process may have moved the epoch
            if prepare is not None:
                payload = prepare(conn, ctx, payload)
            decision = dispatch.decide(kind, payload, ctx, StoreReader(store), at_desk=True).decision
            member_no = decision.member_no
            before_state = store.member_state(member_no, ctx.today, rules) if member_no else None
            points_before = ledger_math.available(before_state.lots, ctx.today, rules) if before_state else 0
            op_id = codes.uuid7(int(now.timestamp() * 1000), os.urandom(10))
            seq = (
                conn.execute("SELECT coalesce(max(seq), 0) FROM oplog WHERE epoch = ?", (terminal.epoch,)).fetchone()[0]
                + 1
            )
            at = to_utc_text(now)
            day = ctx.today.isoformat()
            conn.execute(
                "INSERT INTO oplog (op_id, terminal_id, epoch, seq, staff_no, kind, member_no, local_time, "
                "business_day, online, payload, payload_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    op_id,
                    terminal.terminal_id,
                    terminal.epoch,
                    seq,
                    session.staff_no,
                    kind,
                    member_no,
                    at,
                    day,
                    int(ctx.online),
                    ops.canonical_json(payload),
                    ops.payload_hash(kind, payload),
                ),
            )
            plan = plan_writes(decision, kind, payload, op_id=op_id, at=at, day=day, desk_name=terminal.name)
            execute(conn, plan, session.staff_no, phone_taken=self._phone_taken, slip_keyed=self._slip_keyed)
            after_state = store.member_state(member_no, ctx.today, rules) if member_no else None
            receipt = self._receipt(session, kind, op_id, seq, decision, ctx, after_state, points_before)
            conn.execute(
                "UPDATE oplog SET receipt = ? WHERE op_id = ?",
                (json.dumps(receipt.to_json(), ensure_ascii=False), op_id),
            )
            store.append_audit(
                conn,
                at,
                session.staff_no,
                kind,
                member_no or "",
                op_id,
                {"seq": seq, "points": decision.points_delta()},
            )
        return ActionResult(op_id, receipt.op_ref, kind, member_no, receipt, self._extra(decision))

    @staticmethod
    def _extra(decision: Decision) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if decision.coupons_issued:
            extra["coupons_issued"] = [c.code for c in decision.coupons_issued]
        if decision.coupon_used:
            extra["coupon_used"] = decision.coupon_used
        return extra

    def _phone_taken(self, phone: str) -> DuplicatePhone:
        existing = self.store.member_by_phone(phone)
        return DuplicatePhone(existing["member_no"] if existing else "?")

    def _receipt(
        self,
        session: Session,
        kind: str,
        op_id: str,
        seq: int,
        d: Decision,
        ctx: Context,
        state: MemberState | None,
        points_before: int,
    ) -> ReceiptData:
        rules = ctx.rules
        terminal = self.store.terminal()
        ref = codes.op_ref(terminal.terminal_code, terminal.epoch, seq)
        local = ctx.now.astimezone(rules.timezone)
        tier_name: Text | None = None
        next_name: Text | None = None
        to_next = expiring_points = 0
        expiring_on = None
        points_after = points_before
        if state is not None:
            tier = rules.tier(state.tier)
            tier_name = tier.name
            nxt = rules.next_tier(state.tier)
            next_name = nxt.name if nxt else None
            to_next = max(0, nxt.qualifying_spend_fen - state.spend_rolling_fen) if nxt else 0
            points_after = ledger_math.available(state.lots, ctx.today, rules)
            expiring = ledger_math.expiring_next(state.lots, ctx.today, rules)
            if expiring:
                expiring_points, expiring_on = expiring[0], expiring[1].isoformat()
        extra: dict[str, Any] = {}
        if d.coupons_issued:
            extra["coupons_issued"] = [c.code for c in d.coupons_issued]
            extra["coupon_code"] = d.coupons_issued[0].code  # printed as a QR the member can show at checkout
        if d.value_fen:
            extra["value_yuan"] = format_yuan(d.value_fen)
        return ReceiptData(
            mall_name=rules.mall_name,
            desk_name=terminal.name,
            terminal_code=terminal.terminal_code,
            op_id=op_id,
            op_ref=ref,
            kind=kind,
            kind_label=Message("Operation", ops.KIND_LABELS[kind]),
            at_utc=to_utc_text(ctx.now),
            at_local=local.strftime("%Y-%m-%d %H:%M"),
            business_day=ctx.today.isoformat(),
            staff_no=session.staff_no,
            staff_name=session.name,
            member_no=d.member_no,
            member_name_masked=mask_name(state.name) if state else "",
            phone_masked=mask_phone(state.phone) if state else "",
            tier_name=tier_name,
            points_before=points_before,
            points_after=points_after,
            points_delta=points_after - points_before,
            expiring_points=expiring_points,
            expiring_on=expiring_on,
            next_tier_name=next_name,
            spend_to_next_tier_fen=to_next,
            lines=tuple(d.lines),
            terms=tuple(d.terms),
            needs_signature=d.needs_signature,
            value_fen=d.value_fen,
            online=ctx.online,
            rules_version=rules.version,
            extra=extra,
        )

    # -- staff unlock (manager screen) ----------------------------------------------------------------

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
