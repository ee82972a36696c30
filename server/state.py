"""Reads the decisions need, from the server's tables: the same questions the terminal store answers."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, text

from membership.decisions import CouponRecord, MemberState, OriginalOperation, ReceiptRecord
from membership.ledger import LedgerLine
from membership.masterdata import MasterData, masterdata_from_dicts
from membership.rules import Rules, rules_from_dict
from membership.state_reader import coupon_from_row, receipt_from_row
from membership.sync_rules import member_state_from_rows

# The row shapes are the sync protocol's (defined once in membership); re-exported for server modules.
from membership.tables import CLAIM_COLUMNS as CLAIM_COLUMNS
from membership.tables import COUPON_COLUMNS as COUPON_COLUMNS
from membership.tables import MEMBER_COLUMNS as MEMBER_COLUMNS
from membership.tables import RECEIPT_COLUMNS as RECEIPT_COLUMNS
from membership.timeutil import to_utc_text

from .db import raw

_MEMBER = f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members WHERE member_no = :m"
_ENTRIES = (
    "SELECT l.kind, l.delta, l.lot_year, l.spend_fen, l.business_day, o.online "
    "FROM ledger l LEFT JOIN ops o ON o.op_id = l.op_id WHERE l.member_no = :m"
)
_CLAIMS = "SELECT benefit, period FROM benefit_claims WHERE member_no = :m AND status = 'claimed'"
_RECEIPTS_TODAY = "SELECT count(*) FROM receipts WHERE member_no = :m AND business_day = :d"


class NotSetUp(LookupError):
    """No rules or master data are loaded yet: a push waits (503) rather than deciding anything."""


class Reference:
    """The rules and master data currently loaded on the server, parsed once per version."""

    def __init__(self) -> None:
        self._key: tuple[str, ...] | None = None
        self._value: tuple[Rules, MasterData] | None = None

    def get(self, conn: Connection) -> tuple[Rules, MasterData]:
        rows = {r.name: r for r in conn.execute(text("SELECT name, version, body FROM documents"))}
        missing = [n for n in ("rules", "tenants", "catalogue", "coupons") if n not in rows]
        if missing:
            raise NotSetUp(f"no {missing[0]} loaded on the server; run: memberdesk-server load-rules")
        key = tuple(f"{n}:{rows[n].version}:{hash(rows[n].body)}" for n in sorted(rows))
        if key != self._key or self._value is None:
            rules = rules_from_dict(tomllib.loads(rows["rules"].body))
            master = masterdata_from_dicts(
                tomllib.loads(rows["tenants"].body),
                tomllib.loads(rows["catalogue"].body),
                tomllib.loads(rows["coupons"].body),
                rules,
            )
            self._key, self._value = key, (rules, master)
        return self._value


def member_row(conn: Connection, member_no: str) -> dict[str, Any] | None:
    return raw(conn).dict(_MEMBER, {"m": member_no})


def member_by_phone(conn: Connection, phone: str) -> dict[str, Any] | None:
    return raw(conn).dict(
        f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members WHERE phone = :p AND status = 'active'", {"p": phone}
    )


def resolve_alias(conn: Connection, member_no: str | None) -> str | None:
    """The member an alias was merged into (following the chain), or the number itself."""
    seen = set()
    db = raw(conn)
    while member_no and member_no not in seen:
        seen.add(member_no)
        row = db.one("SELECT status, alias_of FROM members WHERE member_no = :m", {"m": member_no})
        if row is None or row[0] != "alias" or not row[1]:
            return member_no
        member_no = row[1]
    return member_no


def member_state(
    conn: Connection, member_no: str, today: date, rules: Rules, rows_read: dict[str, Any] | None = None
) -> MemberState | None:
    """The member's state for a decision; the members row read for it is kept in ``rows_read``."""
    db = raw(conn)
    row = db.dict(_MEMBER, {"m": member_no})
    if row is None:
        return None
    if rows_read is not None:
        rows_read[member_no] = dict(row)
    entries = db.all(_ENTRIES, {"m": member_no})
    claims = db.all(_CLAIMS, {"m": member_no})
    receipts_today = db.scalar(_RECEIPTS_TODAY, {"m": member_no, "d": today.isoformat()})
    return member_state_from_rows(row, entries, claims, receipts_today, today, rules)


def receipt_record(conn: Connection, tenant_code: str, receipt_no: str) -> ReceiptRecord | None:
    row = raw(conn).dict(
        "SELECT * FROM receipts WHERE tenant_code = :t AND receipt_no = :r", {"t": tenant_code, "r": receipt_no}
    )
    return None if row is None else receipt_from_row(row)


def coupon_record(conn: Connection, code: str) -> CouponRecord | None:
    row = raw(conn).dict("SELECT * FROM coupons WHERE code = :c", {"c": code})
    return None if row is None else coupon_from_row(row)


def stock_level(conn: Connection, terminal_id: str, item_code: str) -> int:
    value = raw(conn).scalar(
        "SELECT quantity FROM stock WHERE terminal_id = :t AND item_code = :i", {"t": terminal_id, "i": item_code}
    )
    return int(value or 0)


def original_operation(conn: Connection, op_id: str) -> OriginalOperation | None:
    """What ``op_id`` wrote; ``applied`` is False for one the server rejected or quarantined (a merged
    enrollment's re-pointing lines are booked under it: reversal never sees them)."""
    op = conn.execute(
        text("SELECT op_id, kind, effective_member, status, reversed_by FROM ops WHERE op_id = :o"), {"o": op_id}
    ).first()
    if op is None:
        return None
    lines = conn.execute(
        text("SELECT member_no, delta, kind, lot_year, spend_fen FROM ledger WHERE op_id = :o ORDER BY entry_id"),
        {"o": op_id},
    ).all()
    moves = conn.execute(text("SELECT item_code, delta FROM stock_moves WHERE op_id = :o ORDER BY id"), {"o": op_id})
    claims = conn.execute(
        text("SELECT benefit, period FROM benefit_claims WHERE op_id = :o AND status = 'claimed' ORDER BY id"),
        {"o": op_id},
    )
    used = conn.execute(text("SELECT code FROM coupons WHERE used_op = :o"), {"o": op_id}).first()
    issued = conn.execute(text("SELECT code, status FROM coupons WHERE issued_op = :o ORDER BY code"), {"o": op_id})
    return OriginalOperation(
        op_id=op.op_id,
        kind=op.kind,
        member_no=op.effective_member,
        lines=tuple(LedgerLine(r[0], int(r[1]), r[2], r[3], int(r[4])) for r in lines),
        stock=tuple((r[0], int(r[1])) for r in moves),
        claims=tuple((r[0], r[1]) for r in claims),
        coupon_used=used[0] if used else None,
        coupons_issued=tuple((r[0], r[1]) for r in issued),
        reversed_by=op.reversed_by,
        applied=op.status == "applied",
    )


class ServerReader:
    """The server's answers to :class:`membership.state_reader.StateReader`, for operations from one terminal.

    One reader serves one operation's decision, so what it looked up cannot change under it: alias
    resolutions are remembered (``aliases``, which the caller may seed with one it already made), and the
    members rows read for the decision are kept (``member_rows``) for the change feed, which sends them
    as they are when the operation's writes leave them alone (``server.apply``).
    """

    def __init__(
        self,
        conn: Connection,
        terminal_id: str,
        staff_cache: dict[str, Any] | None = None,
        aliases: dict[str | None, str | None] | None = None,
    ):
        self.conn = conn
        self.terminal_id = terminal_id
        self.staff_cache = staff_cache
        self.aliases: dict[str | None, str | None] = aliases if aliases is not None else {}
        self.member_rows: dict[str, dict[str, Any]] = {}

    def resolve_alias(self, member_no: str | None) -> str | None:
        if member_no not in self.aliases:
            self.aliases[member_no] = resolve_alias(self.conn, member_no)
        return self.aliases[member_no]

    def member_state(self, member_no: str, today: date, rules: Rules) -> MemberState | None:
        return member_state(self.conn, member_no, today, rules, self.member_rows)

    def coupon_record(self, code: str) -> CouponRecord | None:
        return coupon_record(self.conn, code)

    def receipt_record(self, tenant_code: str, receipt_no: str) -> ReceiptRecord | None:
        return receipt_record(self.conn, tenant_code, receipt_no)

    def original_operation(self, op_id: str) -> OriginalOperation | None:
        return original_operation(self.conn, op_id)

    def stock_level(self, item_code: str) -> int:
        return stock_level(self.conn, self.terminal_id, item_code)

    def approver_is_manager(self, staff_no: str | None, at: datetime) -> bool:
        """A manager approved at the desk with a PIN; staff known only to that terminal are trusted as checked
        there. Staff the server knows must have been an active manager at the operation's time."""
        if not staff_no:
            return False
        record = staff_as_of(self.conn, staff_no, to_utc_text(at), self.staff_cache)
        return record is None or (record.role == "manager" and record.active)


def row_dict(conn: Connection, table: str, columns: tuple[str, ...], where: str, params: dict[str, Any]) -> Any:
    return raw(conn).dict(f"SELECT {', '.join(columns)} FROM {table} WHERE {where}", params)


# -- staff as of an operation's time --------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffRecord:
    """A staff member's role and status as the server knew them at some moment."""

    staff_no: str
    role: str
    active: bool
    since: str  # UTC text from which this record held ('' if since before the history was kept)


def staff_history(conn: Connection, staff_no: str, cache: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """``(role, active, valid_from)`` of every record of ``staff_no``, oldest first; [] for staff the
    server does not know. ``cache`` (one transaction's) keeps them for the next operation."""
    staff_no = (staff_no or "").strip().upper()  # as the server stores staff numbers
    rows = cache.get(staff_no) if cache is not None else None
    if rows is None:
        rows = raw(conn).all(
            "SELECT role, active, valid_from FROM staff_history WHERE staff_no = :s ORDER BY valid_from, id",
            {"s": staff_no},
        )
        if cache is not None:
            cache[staff_no] = rows
    return rows


def staff_as_of(conn: Connection, staff_no: str, at: str, cache: dict[str, Any] | None = None) -> StaffRecord | None:
    """The server's record of ``staff_no`` at ``at`` (UTC text), or None for staff the server does not know.

    Before the first record the first record holds: a clock set back cannot make a staff member unknown.
    An inactive record's ``since`` is when the current spell of being disabled began.
    """
    staff_no = (staff_no or "").strip().upper()  # as the server stores staff numbers
    rows = staff_history(conn, staff_no, cache)
    if not rows:
        return None
    index = 0
    for n, (_role, _active, valid_from) in enumerate(rows):
        if valid_from <= at:
            index = n
    role, active, since = rows[index]
    while not active and index > 0 and not rows[index - 1][1]:
        index -= 1
        since = rows[index][2]
    return StaffRecord(staff_no, role, bool(active), since)


def consistency_page(conn: Connection, after: str, limit: int) -> list[dict[str, Any]]:
    """Members after ``after`` (by number) as an operator's consistency check compares them with a terminal:
    tier and status, the ledger's sum per lot year (their total is the raw balance), coupons and live claims.

    ``sync.consistency`` computes the very same figures from a terminal's store.
    """
    members = conn.execute(
        text("SELECT member_no, tier, status FROM members WHERE member_no > :a ORDER BY member_no LIMIT :l"),
        {"a": after, "l": limit},
    ).all()
    if not members:
        return []
    span = {"a": after, "z": members[-1].member_no}
    out: dict[str, dict[str, Any]] = {
        m.member_no: {
            "member_no": m.member_no,
            "tier": m.tier,
            "status": m.status,
            "lots": {},
            "coupons": [],
            "claims": [],
        }
        for m in members
    }
    for r in conn.execute(
        text(
            "SELECT member_no, lot_year, sum(delta) FROM ledger WHERE member_no > :a AND member_no <= :z "
            "GROUP BY member_no, lot_year"
        ),
        span,
    ):
        if r[0] in out and r[2]:
            out[r[0]]["lots"][str(r[1])] = int(r[2])
    for r in conn.execute(
        text("SELECT member_no, code, status FROM coupons WHERE member_no > :a AND member_no <= :z ORDER BY code"),
        span,
    ):
        if r[0] in out:
            out[r[0]]["coupons"].append([r[1], r[2]])
    for r in conn.execute(
        text(
            "SELECT member_no, benefit, period FROM benefit_claims WHERE status = 'claimed' AND member_no > :a "
            "AND member_no <= :z ORDER BY benefit, period"
        ),
        span,
    ):
        if r[0] in out:
            out[r[0]]["claims"].append([r[1], r[2]])
    return list(out.values())
