"""Applying pushed operations exactly once: sequence checks, decisions by the shared rules, outcomes, changes.

A push batch is one database transaction; each new operation runs in its own SAVEPOINT and is recorded
(``ops`` row with its payload hash and outcome) in the same transaction as its effects and the changes
terminals will pull. A replayed operation returns the stored outcome and is never decided again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from membership import operations as ops_vocab
from membership.codes import CodeError
from membership.decisions import Context, Decision, Refused
from membership.dispatch import DECISIONS, decide
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.operations import KIND_LABELS, canonical_json, payload_hash, validate_payload
from membership.permissions import ROLE_LABELS, manager_only, missing_permission
from membership.rules import Rules
from membership.sync_rules import (
    APPLIED,
    REDEMPTION_KINDS,
    REJECTED,
    merge_lines,
    touched_keys,
)
from membership.timeutil import business_day, from_utc_text, local_minutes, to_utc_text
from membership.validation import InvalidInput
from membership.write_plan import LedgerRow, plan_writes

from . import state
from .db import WriteTx, dumps, raw
from .executor import execute, insert_ledger, insert_member
from .state import CLAIM_COLUMNS, COUPON_COLUMNS, MEMBER_COLUMNS, RECEIPT_COLUMNS, Reference, StaffRecord

log = logging.getLogger("memberdesk.server")
CTX = "Server"
NOT_PERMITTED = "not_permitted"  # outcome and exception code of an operation its staff member may not do
# The server could not apply an operation because of its own fault (a bug, a constraint it should not
# have hit): not a business outcome. The operation is kept, the terminal's sequence moves on, the desk
# keeps its effects provisional, and `memberdesk-server reapply` applies it once the fault is fixed.
QUARANTINED = "quarantined"


class PushRefused(Exception):
    """The whole batch is refused (nothing applied): a sequence gap, a fork, a payload mismatch."""

    def __init__(self, status: int, code: str, message: Message, **detail: Any):
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


def _msg(text_: str, **params: Any) -> Message:
    return Message(CTX, text_, params)


@dataclass(frozen=True)
class TerminalRef:
    terminal_id: str
    terminal_code: int
    name: str
    pulled_through: int = 0


@dataclass
class Envelope:
    op_id: str
    epoch: int
    seq: int
    kind: str
    staff_no: str
    member_no: str | None
    local_time: str
    business_day: str
    online: bool
    payload: dict[str, Any]
    payload_hash: str


# -- the batch -----------------------------------------------------------------------------------


def push(tx: WriteTx, ref: Reference, terminal: TerminalRef, batch: list[Envelope], now: datetime) -> dict[str, Any]:
    """Apply a batch in sequence order; returns the outcomes (stored ones for replays)."""
    conn = tx.conn
    epoch_rows = conn.execute(
        text("SELECT epoch, last_seq, last_op_id FROM epochs WHERE terminal_id = :t ORDER BY epoch"),
        {"t": terminal.terminal_id},
    ).all()
    cur_epoch, last_seq = (epoch_rows[-1].epoch, epoch_rows[-1].last_seq) if epoch_rows else (0, 0)
    ids = [op.op_id for op in batch]
    known: dict[str, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        params = {f"i{n}": v for n, v in enumerate(chunk)}
        placeholders = ", ".join(f":i{n}" for n in range(len(chunk)))
        for row in conn.execute(
            text(f"SELECT op_id, terminal_id, payload_hash, outcome FROM ops WHERE op_id IN ({placeholders})"), params
        ):
            known[row.op_id] = row

    # First pass: classify every operation, so a gap anywhere refuses the batch before anything is written.
    plan: list[tuple[Envelope, Any]] = []
    opened: list[int] = []
    seen: set[str] = set()
    for op in batch:
        if payload_hash(op.kind, op.payload) != op.payload_hash:
            raise PushRefused(
                422,
                "payload_hash_mismatch",
                _msg(
                    QT_TRANSLATE_NOOP("Server", "Operation {op_id} arrived damaged (its checksum does not match)."),
                    op_id=op.op_id,
                ),
                op_id=op.op_id,
            )
        stored = known.get(op.op_id)
        if stored is not None or op.op_id in seen:
            if stored is not None and (
                stored.terminal_id != terminal.terminal_id or stored.payload_hash != op.payload_hash
            ):
                raise PushRefused(
                    422,
                    "payload_mismatch",
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Server",
                            "Operation {op_id} was already received with different content; it is not applied again.",
                        ),
                        op_id=op.op_id,
                    ),
                    op_id=op.op_id,
                )
            plan.append((op, stored))
            continue
        if op.epoch == cur_epoch and op.seq == last_seq + 1:
            last_seq += 1
        elif op.epoch > cur_epoch and op.seq == 1:
            cur_epoch, last_seq = op.epoch, 1
            opened.append(op.epoch)
        elif (op.epoch == cur_epoch and op.seq <= last_seq) or op.epoch < cur_epoch:
            raise PushRefused(
                409,
                "epoch_forked",
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Server",
                        "This terminal's operation log has forked from the server's (it was restored from a backup); "
                        "its new operations must continue in a new epoch.",
                    )
                ),
                op_id=op.op_id,
                epoch=op.epoch,
                seq=op.seq,
                current_epoch=cur_epoch,
                last_seq=last_seq,
            )
        else:
            raise PushRefused(
                409,
                "sequence_gap",
                _msg(
                    QT_TRANSLATE_NOOP("Server", "Operations are missing before {epoch}/{seq}; send from {expected}."),
                    epoch=op.epoch,
                    seq=op.seq,
                    expected=f"{cur_epoch}/{last_seq + 1}",
                ),
                expected_epoch=cur_epoch,
                expected_seq=last_seq + 1,
            )
        seen.add(op.op_id)
        plan.append((op, None))

    at = to_utc_text(now)
    results: list[dict[str, Any]] = []
    fresh: dict[str, dict[str, Any]] = {}
    applied = 0
    for op, stored in plan:
        if stored is not None:
            results.append({**json.loads(stored.outcome), "op_id": op.op_id, "replay": True})
            continue
        if op.op_id in fresh:  # the same operation twice in one batch
            results.append({**fresh[op.op_id], "replay": True})
            continue
        outcome = _apply_one(tx, ref, terminal, op, now, at)
        fresh[op.op_id] = outcome
        results.append(outcome)
        applied += 1
    # Epoch bookkeeping: the last operation of each epoch touched by this batch.
    last_by_epoch: dict[int, tuple[int, str]] = {}
    for op, stored in plan:
        if stored is None:
            last_by_epoch[op.epoch] = (op.seq, op.op_id)
    for epoch, (seq, op_id) in last_by_epoch.items():
        if epoch in opened:
            conn.execute(
                text(
                    "INSERT INTO epochs (terminal_id, epoch, last_seq, last_op_id, opened_at) VALUES (:t, :e, :s, :o, :a)"
                ),
                {"t": terminal.terminal_id, "e": epoch, "s": seq, "o": op_id, "a": at},
            )
        else:
            conn.execute(
                text("UPDATE epochs SET last_seq = :s, last_op_id = :o WHERE terminal_id = :t AND epoch = :e"),
                {"t": terminal.terminal_id, "e": epoch, "s": seq, "o": op_id},
            )
    conn.execute(
        text("UPDATE terminals SET last_seen = :a WHERE terminal_id = :t"), {"a": at, "t": terminal.terminal_id}
    )
    return {"results": results, "applied": applied, "epoch": cur_epoch, "last_seq": last_seq, "server_time": at}


def _apply_one(
    tx: WriteTx, ref: Reference, terminal: TerminalRef, op: Envelope, now: datetime, at: str
) -> dict[str, Any]:
    mark = tx.mark()
    savepoint = tx.conn.begin_nested()
    try:
        outcome = _decide_and_write(tx, ref, terminal, op, now, at)
        savepoint.commit()
        return outcome
    except state.NotSetUp:
        raise  # not this operation's fault: the whole batch waits (503) until rules are loaded
    except (OperationalError, DBAPIError) as exc:
        # A database failure is transient: the whole batch fails and the terminal retries it.
        if not isinstance(exc, IntegrityError):
            raise
        savepoint.rollback()
        tx.rollback_to(mark)
        log.exception("integrity error applying %s", op.op_id)
        error = f"{type(exc).__name__}"
    except Exception as exc:  # a bug must not block the terminal's queue: quarantine it for an administrator
        savepoint.rollback()
        tx.rollback_to(mark)
        log.exception("error applying %s", op.op_id)
        error = f"{type(exc).__name__}: {exc}"[:200]
    return _record(
        tx,
        terminal,
        op,
        None,
        at,
        QUARANTINED,
        "server_error",
        _msg(
            QT_TRANSLATE_NOOP(
                "Server",
                "The server could not apply this operation ({error}); it is kept for an administrator, who "
                "applies it with “memberdesk-server reapply” once the fault is fixed. The desk keeps it as it is.",
            ),
            error=error,
        ),
        exception=True,
    )


def apply_quarantined(
    tx: WriteTx, ref: Reference, terminal: TerminalRef, op: Envelope, now: datetime
) -> dict[str, Any]:
    """Apply again an operation the server quarantined (its ``ops`` row is replaced by the new outcome)."""
    tx.conn.execute(text("DELETE FROM ops WHERE op_id = :o AND status = :q"), {"o": op.op_id, "q": QUARANTINED})
    return _apply_one(tx, ref, terminal, op, now, to_utc_text(now))


# -- one operation -------------------------------------------------------------------------------


def _decide_and_write(
    tx: WriteTx, ref: Reference, terminal: TerminalRef, op: Envelope, now: datetime, at_received: str
) -> dict[str, Any]:
    conn = tx.conn
    if tx.reference is None:
        tx.reference = ref.get(conn)
    rules, master = tx.reference
    when = decision_time(op.local_time, now)
    ctx = Context(rules, master, when, bool(op.online))
    at = to_utc_text(when)
    day = business_day(when, rules.timezone, rules.cutover_hour).isoformat()
    try:
        payload = validate_payload(op.kind, op.payload)
    except (InvalidInput, CodeError) as exc:
        return _reject(tx, terminal, op, None, at, "invalid_operation", exc.message, rules)
    effective = state.resolve_alias(conn, payload.get("member_no"))
    extra_exceptions: list[tuple[str, Message, dict[str, Any]]] = []
    target_payload: tuple[str, dict[str, Any]] | None = None
    staff = state.staff_as_of(conn, op.staff_no, at, tx.staff)
    denied = _permission_denied(staff, op.kind, payload, rules)
    if denied is not None:
        message, detail = denied
        if op.kind in REDEMPTION_KINDS and staff is not None:
            # A redemption is a fact (the gift or the discount was handed over): booked, and flagged.
            extra_exceptions.append((NOT_PERMITTED, _booked_not_permitted(staff, op.kind), detail))
        else:
            if op.kind == ops_vocab.REVERSE:
                target_payload = _target_payload(conn, payload["target_op_id"])
            return _reject(
                tx, terminal, op, effective, at, NOT_PERMITTED, message, rules, payload, target_payload, detail
            )
    try:
        decision, extra = _decide(tx, terminal, op, payload, effective, ctx)
        extra_exceptions.extend(extra)
    except Refused as refusal:
        if op.kind == ops_vocab.REVERSE:
            target_payload = _target_payload(conn, payload["target_op_id"])
        return _reject(tx, terminal, op, effective, at, refusal.code, refusal.message, rules, payload, target_payload)
    except _Reject as rej:
        return _reject(tx, terminal, op, effective, at, rej.code, rej.message, rules, payload, None, rej.detail)
    except _Merge as merge:
        return _merge_enrollment(tx, terminal, op, payload, merge.primary, at, day, rules)
    if op.kind == ops_vocab.REVERSE:
        target_payload = _target_payload(conn, payload["target_op_id"])
    plan = plan_writes(decision, op.kind, payload, op_id=op.op_id, at=at, day=day, desk_name=terminal.name)
    effects = execute(conn, plan, terminal.terminal_id)
    outcome = _record(
        tx,
        terminal,
        op,
        decision.member_no,
        at_received,
        APPLIED,
        None,
        None,
        exception=False,
        payload=payload,
        extra_exceptions=extra_exceptions,
        member_for_exception=decision.member_no,
        effects={**effects, "business_day": day},
        touched=_touch_set(op.kind, payload, target_payload, decision),
    )
    return outcome


def decision_time(local_time: str, now: datetime) -> datetime:
    """When an operation counts as made: the terminal's clock, but never later than the server's.

    A terminal running fast cannot book into tomorrow. Ordering comes from sequence numbers, never from clocks.
    """
    try:
        local = from_utc_text(local_time)
    except ValueError:
        return now
    return min(local, now)


def _permission_denied(
    staff: StaffRecord | None, kind: str, payload: dict[str, Any], rules: Rules
) -> tuple[Message, dict[str, Any]] | None:
    """Why the server refuses an operation for who made it, or None.

    Staff the server does not know are not checked (terminal-local staff, checked at the desk). A role
    without the operation's permission is refused; a disabled staff member keeps the permissions any role
    has (their offline work is booked and flagged by server.abuse) but not the managers' own.
    """
    if staff is None:
        return None
    missing = missing_permission(staff.role, kind, payload)
    detail: dict[str, Any] = {
        "staff_no": staff.staff_no,
        "role": staff.role,
        "kind": kind,
        "permission": missing,
        "disabled": False,
    }
    label = Message("Operation", KIND_LABELS.get(kind, kind))
    if missing is not None:
        return (
            _msg(
                QT_TRANSLATE_NOOP(
                    "Server",
                    "Refused: {kind} by staff {staff_no}, whose role ({role}) may not do this. Check the desk's "
                    "staff list and whether the terminal was tampered with.",
                ),
                kind=label,
                staff_no=staff.staff_no,
                role=Message("Auth", ROLE_LABELS.get(staff.role, staff.role)),
            ),
            detail,
        )
    if not staff.active and manager_only(kind, payload):
        return (
            _msg(
                QT_TRANSLATE_NOOP(
                    "Server",
                    "Refused: {kind} by staff {staff_no}, who was disabled on {since}. Check whether the terminal "
                    "was tampered with or had not synced since.",
                ),
                kind=label,
                staff_no=staff.staff_no,
                since=local_minutes(staff.since, rules.timezone),
            ),
            {**detail, "permission": kind, "disabled": True, "disabled_since": staff.since},
        )
    return None


def _booked_not_permitted(staff: StaffRecord, kind: str) -> Message:
    return _msg(
        QT_TRANSLATE_NOOP(
            "Server",
            "Booked although not permitted: {kind} by staff {staff_no}, whose role ({role}) may not do this; it "
            "was already handed over. Check it and whether the terminal was tampered with.",
        ),
        kind=Message("Operation", KIND_LABELS.get(kind, kind)),
        staff_no=staff.staff_no,
        role=Message("Auth", ROLE_LABELS.get(staff.role, staff.role)),
    )


class _Reject(Exception):
    def __init__(self, code: str, message: Message, **detail: Any):
        super().__init__(code)
        self.code = code
        self.message = message
        self.detail = detail


def _target_payload(conn: Any, target_op_id: str) -> tuple[str, dict[str, Any]] | None:
    row = conn.execute(text("SELECT kind, payload FROM ops WHERE op_id = :o"), {"o": target_op_id}).first()
    return (row.kind, json.loads(row.payload)) if row else None


def _decide(
    tx: WriteTx,
    terminal: TerminalRef,
    op: Envelope,
    p: dict[str, Any],
    effective: str | None,
    ctx: Context,
) -> tuple[Decision, list[tuple[str, Message, dict[str, Any]]]]:
    """The shared decision of ``op``, after the checks only the server can make (uniqueness in the mall,
    clashes between desks); returns it with the exceptions it opens."""
    conn = tx.conn
    kind = op.kind
    extra: list[tuple[str, Message, dict[str, Any]]] = []
    if p.get("slip_serial"):
        _claim_slip(conn, str(p["slip_serial"]), op.op_id, to_utc_text(ctx.now))
    if kind == ops_vocab.ENROLL:
        if state.member_row(conn, p["member_no"]) is not None:
            raise _Reject(
                "member_no_taken",
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Server",
                        "Member number {member_no} is already used by another member; this enrollment was not recorded.",
                    ),
                    member_no=p["member_no"],
                ),
            )
        primary = state.member_by_phone(conn, p["phone"])
        if primary is not None:
            raise _Merge(primary["member_no"])
    elif kind == ops_vocab.EDIT_PROFILE:
        changes = p["changes"]
        if "phone" in changes:
            other = state.member_by_phone(conn, changes["phone"])
            if other is not None and other["member_no"] != effective:
                raise Refused(
                    "phone_enrolled",
                    QT_TRANSLATE_NOOP(
                        "Refusal", "This mobile number already belongs to member {member_no}; opening that member."
                    ),
                    member_no=other["member_no"],
                )
        extra.extend(_profile_clashes(tx, terminal, op, effective or "", changes))
    if kind not in DECISIONS:
        raise _Reject(
            "invalid_operation",
            _msg(QT_TRANSLATE_NOOP("Server", "Operations of kind {kind} are not accepted."), kind=kind),
        )
    decided = decide(kind, p, ctx, state.ServerReader(conn, terminal.terminal_id, tx.staff), at_desk=False)
    decision = decided.decision
    if decided.shortfall:
        extra.append(
            (
                "overdrawn",
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Server",
                        "A redemption for member {member_no} was booked although the member had {short} points "
                        "too few (the gift was already handed over). Decide whether to recover the points.",
                    ),
                    member_no=decision.member_no,
                    short=decided.shortfall,
                ),
                {"shortfall": decided.shortfall},
            )
        )
    for issued in decision.coupons_issued:
        if state.coupon_record(conn, issued.code) is not None:
            raise _Reject("coupon_code_taken", _coupon_taken(issued.code))
    return decision, extra


def _coupon_taken(code: str) -> Message:
    return _msg(
        QT_TRANSLATE_NOOP("Server", "Coupon code {code} is already in use; this coupon was not issued."), code=code
    )


def _merge_enrollment(
    tx: WriteTx, terminal: TerminalRef, op: Envelope, p: dict[str, Any], primary: str, at: str, day: str, rules: Rules
) -> dict[str, Any]:
    """A phone enrolled again at another desk: the later member becomes an alias of the first."""
    conn = tx.conn
    alias = p["member_no"]
    insert_member(
        conn,
        {
            "member_no": alias,
            **{k: p[k] for k in ("name", "phone", "birthday", "gender", "channel", "referrer_no")},
            "tier": rules.tiers[0].code,
            "tier_since": day,
            "enrolled_at": at,
            "enrolled_day": day,
            "privacy_consent": canonical_json(p["privacy_consent"]),
            "marketing_consent": canonical_json(p["marketing_consent"]),
            "status": "alias",
            "alias_of": primary,
            "updated_at": at,
        },
    )
    # Anything already booked on the alias moves to the first member, kind by kind, day by day.
    entries = conn.execute(
        text("SELECT kind, delta, lot_year, spend_fen, business_day FROM ledger WHERE member_no = :m"), {"m": alias}
    ).all()
    moved = [
        (LedgerRow(line.member_no, line.kind, line.delta, line.lot_year, line.spend_fen), line_day)
        for line, line_day in merge_lines(alias, primary, [tuple(r) for r in entries])
    ]
    insert_ledger(conn, op.op_id, moved, at)
    lines = [[x.member_no, x.kind, x.delta, x.lot_year, x.spend_fen, line_day] for x, line_day in moved]
    message = _msg(
        QT_TRANSLATE_NOOP(
            "Server",
            "Member {alias} has the same mobile number as member {primary}, who enrolled first; it was merged "
            "into {primary}. Review the merge.",
        ),
        alias=alias,
        primary=primary,
    )
    return _record(
        tx,
        terminal,
        op,
        primary,
        at,
        REJECTED,
        "phone_enrolled",
        message,
        exception=True,
        payload=p,
        member_for_exception=primary,
        effects={"lines": lines, "moves": [], "claims": [], "business_day": day},
        touched={f"member:{alias}", f"member:{primary}"},
        detail={"alias": alias, "primary": primary, "review": "merge"},
    )


class _Merge(Exception):
    def __init__(self, primary: str):
        super().__init__(primary)
        self.primary = primary


def _claim_slip(conn: Any, serial: str, op_id: str, at: str) -> None:
    """A paper-slip serial can be keyed in once in the whole mall."""
    if conn.execute(text("SELECT 1 FROM slips WHERE serial = :s"), {"s": serial}).first() is not None:
        raise _Reject(
            "slip_already_keyed",
            _msg(QT_TRANSLATE_NOOP("Server", "Paper slip {serial} was already keyed in."), serial=serial),
            serial=serial,
        )
    conn.execute(
        text("INSERT INTO slips (serial, op_id, keyed_at) VALUES (:s, :o, :a)"), {"s": serial, "o": op_id, "a": at}
    )


def _profile_clashes(
    tx: WriteTx, terminal: TerminalRef, op: Envelope, member_no: str, changes: dict[str, Any]
) -> list[tuple[str, Message, dict[str, Any]]]:
    """Name or phone changed at two desks before either saw the other's change: a person decides."""
    out = []
    for field in ("name", "phone"):
        if field not in changes:
            continue
        prior = tx.conn.execute(
            text("SELECT terminal_id, op_id, change_no FROM profile_edits WHERE member_no = :m AND field = :f"),
            {"m": member_no, "f": field},
        ).first()
        if (
            prior is not None
            and prior.terminal_id != terminal.terminal_id
            and prior.change_no > terminal.pulled_through
        ):
            out.append(
                (
                    "profile_clash",
                    _msg(
                        QT_TRANSLATE_NOOP(
                            "Server",
                            "The {field} of member {member_no} was changed at two desks at once; the later change "
                            "was kept. Check which is right.",
                        ),
                        field=field,
                        member_no=member_no,
                    ),
                    {"field": field, "other_op": prior.op_id},
                )
            )
        tx.conn.execute(
            text("DELETE FROM profile_edits WHERE member_no = :m AND field = :f"), {"m": member_no, "f": field}
        )
        tx.conn.execute(
            text(
                "INSERT INTO profile_edits (member_no, field, terminal_id, op_id, local_time, change_no) "
                "VALUES (:m, :f, :t, :o, :l, :c)"
            ),
            {
                "m": member_no,
                "f": field,
                "t": terminal.terminal_id,
                "o": op.op_id,
                "l": op.local_time,
                "c": tx.next_no + 1,
            },
        )
    return out


# -- writing -------------------------------------------------------------------------------------


def _touch_set(
    kind: str, payload: dict[str, Any], target: tuple[str, dict[str, Any]] | None, d: Decision | None
) -> set[str]:
    keys = touched_keys(kind, payload, target)
    if d is not None:
        if d.member_no:
            keys.add(f"member:{d.member_no}")
        keys.update(f"coupon:{c.code}" for c in d.coupons_issued)
        keys.update(f"coupon:{c}" for c in d.coupons_voided)
        for code in (d.coupon_used, d.coupon_released):
            if code:
                keys.add(f"coupon:{code}")
        if d.receipt:
            keys.add(f"receipt:{d.receipt[0]}|{d.receipt[1]}")
    return keys


def emit_rows(tx: WriteTx, keys: set[str]) -> None:
    """Send the current server version of each row (or its absence) to every terminal."""
    conn = tx.conn
    for key in sorted(keys):
        entity, ident = key.split(":", 1)
        if entity == "member":
            row = state.row_dict(conn, "members", MEMBER_COLUMNS, "member_no = :k", {"k": ident})
        elif entity == "coupon":
            row = state.row_dict(conn, "coupons", COUPON_COLUMNS, "code = :k", {"k": ident})
        elif entity == "receipt":
            tenant, receipt_no = ident.split("|", 1)
            row = state.row_dict(
                conn,
                "receipts",
                RECEIPT_COLUMNS,
                "tenant_code = :t AND receipt_no = :r",
                {"t": tenant, "r": receipt_no},
            )
        else:
            continue
        tx.emit(entity, ident, row if row is not None else {"absent": True})


def emit_claims_of(tx: WriteTx, op_ids: list[str]) -> None:
    for op_id in op_ids:
        for row in tx.conn.execute(
            text(f"SELECT {', '.join(CLAIM_COLUMNS)} FROM benefit_claims WHERE op_id = :o ORDER BY id"), {"o": op_id}
        ).mappings():
            tx.emit("claim", f"{row['op_id']}|{row['benefit']}|{row['period']}", dict(row))


def open_exception(
    tx: WriteTx,
    code: str,
    message: Message,
    at: str,
    op_id: str | None = None,
    terminal_id: str | None = None,
    member_no: str | None = None,
    detail: dict[str, Any] | None = None,
) -> int:
    result = tx.conn.execute(
        text(
            "INSERT INTO exceptions (code, op_id, terminal_id, member_no, message, detail, status, opened_at) "
            "VALUES (:c, :o, :t, :m, :msg, :d, 'open', :a) RETURNING id"
        ),
        {
            "c": code,
            "o": op_id,
            "t": terminal_id,
            "m": member_no,
            "msg": dumps(message.to_json()),
            "d": dumps(detail or {}),
            "a": at,
        },
    )
    exception_id = int(result.scalar_one())
    emit_exception(tx, exception_id)
    return exception_id


def emit_exception(tx: WriteTx, exception_id: int) -> None:
    row = tx.conn.execute(text("SELECT * FROM exceptions WHERE id = :i"), {"i": exception_id}).mappings().one()
    data = dict(row)
    data["message"] = json.loads(data["message"])
    data["detail"] = json.loads(data["detail"])
    tx.emit("exception", str(exception_id), data, audience=row["terminal_id"])


def _reject(
    tx: WriteTx,
    terminal: TerminalRef,
    op: Envelope,
    effective: str | None,
    at: str,
    code: str,
    message: Message,
    rules: Rules,
    payload: dict[str, Any] | None = None,
    target: tuple[str, dict[str, Any]] | None = None,
    detail: dict[str, Any] | None = None,
) -> dict[str, Any]:
    touched = touched_keys(op.kind, payload, target) if payload else set()
    if effective:
        touched.add(f"member:{effective}")
    return _record(
        tx,
        terminal,
        op,
        effective,
        at,
        REJECTED,
        code,
        message,
        exception=True,
        payload=payload,
        member_for_exception=effective,
        touched=touched,
        detail=detail,
    )


def _record(
    tx: WriteTx,
    terminal: TerminalRef,
    op: Envelope,
    member_no: str | None,
    at: str,
    status: str,
    code: str | None,
    message: Message | None,
    exception: bool,
    payload: dict[str, Any] | None = None,
    extra_exceptions: list[tuple[str, Message, dict[str, Any]]] | None = None,
    member_for_exception: str | None = None,
    effects: dict[str, Any] | None = None,
    touched: set[str] | None = None,
    detail: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write the operation's record, its exceptions and the changes terminals pull; return its outcome."""
    exception_ids = []
    if exception and code and message is not None:
        exception_ids.append(
            open_exception(tx, code, message, at, op.op_id, terminal.terminal_id, member_for_exception, detail)
        )
    for ex_code, ex_message, ex_detail in extra_exceptions or ():
        exception_ids.append(
            open_exception(tx, ex_code, ex_message, at, op.op_id, terminal.terminal_id, member_for_exception, ex_detail)
        )
    if touched:
        emit_rows(tx, touched)
    claim_ops = [op.op_id]
    if op.kind == ops_vocab.REVERSE and payload:
        claim_ops.append(payload["target_op_id"])
    if effects is not None and (effects["claims"] or op.kind == ops_vocab.REVERSE):
        emit_claims_of(tx, claim_ops)
    change = {
        "op_id": op.op_id,
        "terminal_id": terminal.terminal_id,
        "epoch": op.epoch,
        "seq": op.seq,
        "kind": op.kind,
        "status": status,
        "code": code,
        "member_no": member_no,
        "lines": (effects or {}).get("lines", []),
        "moves": (effects or {}).get("moves", []),
        "claims": (effects or {}).get("claims", []),
        "business_day": (effects or {}).get("business_day"),
        "reverses": payload["target_op_id"] if payload and op.kind == ops_vocab.REVERSE and status == APPLIED else None,
    }
    change_no = tx.emit("op", op.op_id, change)
    outcome = {
        "op_id": op.op_id,
        "epoch": op.epoch,
        "seq": op.seq,
        "status": status,
        "code": code,
        "message": message.to_json() if message is not None else None,
        "exceptions": exception_ids,
        "change_no": change_no,
    }
    raw(tx.conn).execute(
        (
            "INSERT INTO ops (op_id, terminal_id, epoch, seq, kind, staff_no, member_no, effective_member, local_time, "
            "business_day, online, payload, payload_hash, status, code, outcome, received_at, change_no) VALUES "
            "(:op_id, :t, :e, :s, :k, :staff, :m, :eff, :lt, :bd, :on, :p, :ph, :st, :code, :out, :at, :cn)"
        ),
        {
            "op_id": op.op_id,
            "t": terminal.terminal_id,
            "e": op.epoch,
            "s": op.seq,
            "k": op.kind,
            "staff": op.staff_no,
            "m": op.member_no,
            "eff": member_no,
            "lt": op.local_time,
            "bd": op.business_day,
            "on": int(bool(op.online)),
            "p": canonical_json(op.payload),
            "ph": op.payload_hash,
            "st": status,
            "code": code,
            "out": dumps(outcome),
            "at": at,
            "cn": change_no,
        },
    )
    return outcome
