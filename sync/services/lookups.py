"""Look-ups and summaries: finding a member, the member screen's summary and history, references, reprints."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from membership import codes, dispatch
from membership import decisions as dec
from membership import ledger as ledger_math
from membership.decisions import Context
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.receipt import ReceiptData
from membership.segments import lifecycle_stage, rfm_segment
from membership.timeutil import from_utc_text, to_utc_text
from membership.validation import is_phone, mask_name, mask_phone, normalize_name, normalize_phone

from .records import _REFERENCE_RE, NAME_SEARCH_LIMIT, HistoryRow, MemberHit, MemberSummary, Session
from .staff import StaffAdministration


class LookupServices(StaffAdministration):
    """Look-ups and summaries: finding a member, the member screen's summary and history, references, reprints."""

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
            (QT_TRANSLATE_NOOP("Terminal", "Oldest waiting since"), self._mall_time(pending[1]) if pending[1] else "—"),
            (
                QT_TRANSLATE_NOOP("Terminal", "Members in this store"),
                f"{self.store.scalar('SELECT count(*) FROM members'):,d}",
            ),
            (QT_TRANSLATE_NOOP("Terminal", "Database"), str(self.store.path)),
        ]
        return [(Message("Terminal", key), value) for key, value in facts]

    def _mall_time(self, utc_text: str) -> str:
        """A stored UTC time as staff read it: the mall's local date and time."""
        return from_utc_text(utc_text).astimezone(self.store.rules().timezone).strftime("%Y-%m-%d %H:%M")

    def pending_operations(self) -> tuple[int, str | None]:
        """How many operations wait to be sent, and the local time of the oldest (for the banner)."""
        row = self.store.query_one("SELECT count(*), min(local_time) FROM oplog WHERE status = 'pending'")
        return row[0], row[1]

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

    def reprint_receipt(self, session: Session, op_id: str) -> ReceiptData:
        """A past receipt of this desk, by op id or by the reference printed on it (``007-000003``)."""
        self._authorize(session, "summary")
        op_id = self.operation_id(op_id)
        body = self.store.scalar("SELECT receipt FROM oplog WHERE op_id = ?", (op_id,))
        if body is None:
            raise dispatch.op_unknown()
        with self.store.transaction() as conn:
            self.store.append_audit(conn, to_utc_text(self.clock()), session.staff_no, "reprint", op_id, op_id)
        return ReceiptData.from_json(json.loads(body))
