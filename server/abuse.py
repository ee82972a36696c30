"""Abuse detection for the managers' exceptions inbox: patterns in applied operations and anchored audit rows.

Each pattern opens one exception per subject and window (``abuse_flags`` remembers what was flagged), in
the same transaction as the push or audit anchor that revealed it, so it reaches the terminal's inbox by
pull like every other exception. Thresholds are configurable (``MEMBERDESK_ABUSE_*``; docs/SECURITY.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, NamedTuple

from sqlalchemy import text

from membership import operations as ops_vocab
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.sync_rules import REDEMPTION_KINDS
from membership.timeutil import from_utc_text, local_minutes, to_utc_text

from . import state
from .apply import NOT_PERMITTED, decision_time, open_exception
from .db import WriteTx, raw

CTX = "Server"
LOOKUP_ACTIONS = ("lookup", "reveal_phone")
EXPORT_ACTIONS = ("export", "members_exported", "report_exported")


@dataclass(frozen=True)
class Thresholds:
    receipts_per_member_day: int = 8  # receipts credited to one member in one business day
    multi_desk_minutes: int = 10  # redemptions for one member at two desks within this many minutes
    unmatched_reversals_per_staff_day: int = 1  # reversals whose earning is not on the server
    lookups_per_staff_hour: int = 60  # look-ups and reveals by one staff member (anchored audit rows)
    reveals_per_staff_hour: int = 10
    export_rows: int = 200  # one export of at least this many rows is a bulk export
    exports_per_staff_day: int = 3

    @classmethod
    def from_env(cls, env: MutableMapping[str, str] | None = None) -> Thresholds:
        env = os.environ if env is None else env
        values = {}
        for name in cls.__dataclass_fields__:
            raw = env.get(f"MEMBERDESK_ABUSE_{name.upper()}")
            if raw:
                values[name] = int(raw)
        return cls(**values)


def _flag(
    tx: WriteTx,
    code: str,
    subject: str,
    window: str,
    message: Message,
    at: str,
    terminal_id: str | None,
    op_id: str | None = None,
    member_no: str | None = None,
    detail: dict[str, Any] | None = None,
) -> int | None:
    """Open the exception unless this subject was already flagged for this window."""
    conn = tx.conn
    if conn.execute(
        text("SELECT 1 FROM abuse_flags WHERE code = :c AND subject = :s AND bucket = :w"),
        {"c": code, "s": subject, "w": window},
    ).first():
        return None
    exception_id = open_exception(
        tx, code, message, at, op_id, terminal_id, member_no, {**(detail or {}), "window": window}
    )
    conn.execute(
        text("INSERT INTO abuse_flags (code, subject, bucket, exception_id, opened_at) VALUES (:c, :s, :w, :e, :a)"),
        {"c": code, "s": subject, "w": window, "e": exception_id, "a": at},
    )
    return exception_id


def _msg(text_: str, **params: Any) -> Message:
    return Message(CTX, text_, params)


# -- from operations ----------------------------------------------------------------------------------------


# Every way of spending points counts towards "one member redeeming at several desks": gifts, cash offset
# and points donated to charity (a donation spends the same balance twice as easily as a gift).
class _PushedOp(NamedTuple):
    op_id: str
    kind: str
    staff_no: str
    effective_member: str | None
    local_time: str
    business_day: str
    status: str
    code: str | None
    payload: str


_REDEMPTION_VALUES = {f"rk{n}": kind for n, kind in enumerate(REDEMPTION_KINDS)}
_REDEMPTION_PARAMS = ", ".join(f":{name}" for name in _REDEMPTION_VALUES)


def check_operations(tx: WriteTx, terminal_id: str, op_ids: Iterable[str], at: str, limits: Thresholds) -> list[int]:
    """Look at the operations a push just applied; returns the exceptions opened."""
    conn = tx.conn
    opened: list[int] = []
    ids = list(op_ids)
    if not ids:
        return opened
    rows: list[_PushedOp] = []
    db = raw(conn)  # a batch is read back once, on the driver's cursor (this runs for every push)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        params = {f"i{n}": v for n, v in enumerate(chunk)}
        rows += map(
            _PushedOp._make,
            db.all(
                "SELECT op_id, kind, staff_no, effective_member, local_time, business_day, status, code, payload "
                f"FROM ops WHERE op_id IN ({', '.join(f':i{n}' for n in range(len(chunk)))})",
                params,
            ),
        )
    for op in rows:
        if op.code != NOT_PERMITTED:  # refused for who made it: that exception is already open
            found = _disabled_staff(tx, terminal_id, op, at)
            opened += [found] if found else []
        if op.kind == ops_vocab.CREDIT_RECEIPT and op.status == "applied" and op.effective_member:
            count = db.scalar(
                "SELECT count(*) FROM receipts WHERE member_no = :m AND business_day = :d",
                {"m": op.effective_member, "d": op.business_day},
            )
            if count >= limits.receipts_per_member_day:
                found = _flag(
                    tx,
                    "abuse_many_receipts",
                    op.effective_member,
                    op.business_day,
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Server",
                            "{count} receipts were credited to member {member_no} on {day}; check that they are "
                            "the member's own purchases.",
                        ),
                        count=count,
                        member_no=op.effective_member,
                        day=op.business_day,
                    ),
                    at,
                    terminal_id,
                    op.op_id,
                    op.effective_member,
                    {"count": count},
                )
                opened += [found] if found else []
        if op.kind in REDEMPTION_KINDS and op.status == "applied" and op.effective_member:
            when = from_utc_text(op.local_time)
            window = timedelta(minutes=limits.multi_desk_minutes)
            desks = [
                r[0]
                for r in db.all(
                    "SELECT DISTINCT terminal_id FROM ops WHERE effective_member = :m AND status = 'applied' "
                    f"AND kind IN ({_REDEMPTION_PARAMS}) AND local_time >= :lo AND local_time <= :hi "
                    "ORDER BY terminal_id",
                    {
                        "m": op.effective_member,
                        "lo": to_utc_text(when - window),
                        "hi": to_utc_text(when + window),
                        **_REDEMPTION_VALUES,
                    },
                )
            ]
            if len(desks) >= 2:
                found = _flag(
                    tx,
                    "abuse_multi_desk_redemption",
                    op.effective_member,
                    op.business_day,
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Server",
                            "Member {member_no} redeemed points at {count} desks ({desks}) within {minutes} minutes; "
                            "check whether the points were spent twice.",
                        ),
                        member_no=op.effective_member,
                        count=len(desks),
                        desks=", ".join(desks),
                        minutes=limits.multi_desk_minutes,
                    ),
                    at,
                    terminal_id,
                    op.op_id,
                    op.effective_member,
                    {"desks": desks},
                )
                opened += [found] if found else []
        if op.kind == ops_vocab.REVERSE:
            import json

            target_id = json.loads(op.payload).get("target_op_id")
            target = conn.execute(
                text("SELECT kind, status, reversed_by FROM ops WHERE op_id = :o"), {"o": target_id}
            ).first()
            matched = (
                target is not None
                and target.status == "applied"
                and target.reversed_by in (None, op.op_id)
                and op.status == "applied"
            )
            if matched or op.code == NOT_PERMITTED:  # a reversal refused for its staff has its own exception
                continue
            count = conn.execute(
                text(
                    "SELECT count(*) FROM ops r WHERE r.kind = 'reverse' AND r.staff_no = :s AND r.business_day = :d "
                    "AND r.status = 'rejected' AND (r.code IS NULL OR r.code != :np)"
                ),
                {"s": op.staff_no, "d": op.business_day, "np": NOT_PERMITTED},
            ).scalar_one()
            count = max(count, 1)
            if count >= limits.unmatched_reversals_per_staff_day:
                found = _flag(
                    tx,
                    "abuse_unmatched_reversal",
                    f"{terminal_id}/{op.staff_no}",
                    op.business_day,
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Server",
                            "Staff {staff_no} at {terminal} reversed a transaction that has no matching earning on the "
                            "server ({count} on {day}); check the reversals.",
                        ),
                        staff_no=op.staff_no,
                        terminal=terminal_id,
                        count=count,
                        day=op.business_day,
                    ),
                    at,
                    terminal_id,
                    op.op_id,
                    op.effective_member,
                    {"staff_no": op.staff_no, "target_op_id": target_id},
                )
                opened += [found] if found else []
    return opened


def _disabled_staff(tx: WriteTx, terminal_id: str, op: Any, at: str) -> int | None:
    """An operation by a staff member the server had disabled at its time: booked, flagged once a desk and day.

    The desk may not have synced the disabling yet (offline work), so it is booked like any other; the
    managers' own operations of a disabled staff member are refused when applied (server.apply).
    """
    conn = tx.conn
    if all(active for _role, active, _since in state.staff_history(conn, op.staff_no, tx.staff)):
        return None  # never disabled (or unknown to the server): nothing to look at
    when = to_utc_text(decision_time(op.local_time, from_utc_text(at)))
    staff = state.staff_as_of(conn, op.staff_no, when, tx.staff)
    if staff is None or staff.active:
        return None
    count = conn.execute(
        text(
            "SELECT count(*) FROM ops WHERE terminal_id = :t AND staff_no = :s AND business_day = :d "
            "AND local_time >= :since"
        ),
        {"t": terminal_id, "s": op.staff_no, "d": op.business_day, "since": staff.since},
    ).scalar_one()
    rules = (tx.reference or state.Reference().get(conn))[0]
    return _flag(
        tx,
        "abuse_disabled_staff",
        f"{terminal_id}/{staff.staff_no}",
        op.business_day,
        _msg(
            QT_TRANSLATE_NOOP(
                "Server",
                "Staff {staff_no} was disabled on {since}, but operations they made later at {terminal} on {day} "
                "arrived ({count} so far) and were booked. Check them, and that the desk has synced since.",
            ),
            staff_no=staff.staff_no,
            since=local_minutes(staff.since, rules.timezone),
            terminal=terminal_id,
            day=op.business_day,
            count=max(count, 1),
        ),
        at,
        terminal_id,
        op.op_id,
        op.effective_member,
        {"staff_no": staff.staff_no, "disabled_since": staff.since, "count": max(count, 1)},
    )


# -- from anchored audit rows -----------------------------------------------------------------------------------


def check_audit(
    tx: WriteTx, terminal_id: str, new_rows: list[dict[str, Any]], at: str, limits: Thresholds
) -> list[int]:
    """Look-ups, reveals and exports by staff, seen in the audit rows a terminal just anchored."""
    conn = tx.conn
    opened: list[int] = []
    seen: set[tuple[str, str, str]] = set()
    # Newest first: for look-ups, the count at the last row of each staff member's hour is what matters.
    for row in reversed(new_rows):
        action, staff_no = row["action"], row["staff_no"]
        if action in LOOKUP_ACTIONS:
            when = from_utc_text(row["at"])
            hour = row["at"][:13]
            if (action, staff_no, hour) in seen:
                continue
            seen.add((action, staff_no, hour))
            count = conn.execute(
                text(
                    "SELECT count(*) FROM terminal_audit WHERE staff_no = :s AND action = :a AND branch = 0 "
                    "AND at > :lo AND at <= :hi"
                ),
                {"s": staff_no, "a": action, "lo": to_utc_text(when - timedelta(hours=1)), "hi": row["at"]},
            ).scalar_one()
            limit = limits.reveals_per_staff_hour if action == "reveal_phone" else limits.lookups_per_staff_hour
            if count >= limit:
                code = "abuse_frequent_reveals" if action == "reveal_phone" else "abuse_frequent_lookups"
                text_ = (
                    QT_TRANSLATE_NOOP(
                        "Server",
                        "Staff {staff_no} revealed {count} full phone numbers within an hour (up to {at}); check why.",
                    )
                    if action == "reveal_phone"
                    else QT_TRANSLATE_NOOP(
                        "Server",
                        "Staff {staff_no} looked up {count} members within an hour (up to {at}); check why.",
                    )
                )
                found = _flag(
                    tx,
                    code,
                    staff_no,
                    hour,
                    _msg(text_, staff_no=staff_no, count=count, at=row["at"][:16].replace("T", " ")),
                    at,
                    terminal_id,
                    detail={"staff_no": staff_no, "count": count, "audit_id": row["id"]},
                )
                opened += [found] if found else []
        elif action in EXPORT_ACTIONS:
            import json

            try:
                rows_exported = int(json.loads(row["detail"] or "{}").get("rows", 0))
            except (ValueError, TypeError, AttributeError):
                rows_exported = 0
            day = row["at"][:10]
            count = conn.execute(
                text(
                    "SELECT count(*) FROM terminal_audit WHERE staff_no = :s AND branch = 0 AND at >= :d "
                    "AND at < :e AND action IN ('export', 'members_exported', 'report_exported')"
                ),
                {"s": staff_no, "d": day, "e": day + "T99"},
            ).scalar_one()
            if rows_exported >= limits.export_rows or count >= limits.exports_per_staff_day:
                found = _flag(
                    tx,
                    "abuse_bulk_export",
                    f"{terminal_id}/{row['id']}" if rows_exported >= limits.export_rows else staff_no,
                    day,
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Server",
                            "Staff {staff_no} exported member data at {terminal} ({rows} rows; {count} exports that "
                            "day); check that the export was authorised.",
                        ),
                        staff_no=staff_no,
                        terminal=terminal_id,
                        rows=rows_exported,
                        count=count,
                    ),
                    at,
                    terminal_id,
                    detail={"staff_no": staff_no, "rows": rows_exported, "audit_id": row["id"]},
                )
                opened += [found] if found else []
    return opened
