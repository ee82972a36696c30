"""Applying one pushed operation exactly once: checks, the shared decision, its write plan, its outcome.

Each new operation of a push batch (``server.batch``) runs in its own SAVEPOINT and is recorded (``ops``
row with its payload hash and outcome, ``server.feed``) in the same transaction as its effects and the
changes terminals will pull. The decision is ``membership.dispatch``'s, read through
``server.state.ServerReader``; what it writes is ``membership.write_plan``'s, executed by
``server.executor``. The names other modules import from here (the envelope, the outcome codes, the
change feed's emitters) are re-exported so their imports keep working.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from membership import operations as ops_vocab
from membership.codes import CodeError
from membership.decisions import Context, Decision, Refused
from membership.dispatch import DECISIONS, decide
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.operations import validate_payload
from membership.sync_rules import APPLIED, REDEMPTION_KINDS
from membership.timeutil import business_day, from_utc_text, to_utc_text
from membership.validation import InvalidInput
from membership.write_plan import plan_writes

from . import state
from .db import Raw, WriteTx, raw
from .envelopes import NOT_PERMITTED, QUARANTINED, Envelope, PushRefused, Reject, TerminalRef, msg
from .executor import execute
from .feed import emit_exception, emit_rows, open_exception, record, reject, touch_set
from .merges import Merge, claim_slip, merge_enrollment, profile_clashes
from .staff_checks import booked_not_permitted, permission_denied
from .state import Reference

__all__ = [  # what other modules import from here
    "NOT_PERMITTED",
    "QUARANTINED",
    "Envelope",
    "PushRefused",
    "TerminalRef",
    "apply_one",
    "apply_quarantined",
    "decision_time",
    "emit_exception",
    "emit_rows",
    "open_exception",
]

log = logging.getLogger("memberdesk.server")


def _undo(cursor: Raw) -> None:
    """Take back everything the operation wrote (and leave the transaction usable on PostgreSQL)."""
    cursor.execute("ROLLBACK TO SAVEPOINT apply_one")
    cursor.execute("RELEASE SAVEPOINT apply_one")


def apply_one(
    tx: WriteTx, ref: Reference, terminal: TerminalRef, op: Envelope, now: datetime, at: str
) -> dict[str, Any]:
    mark = tx.mark()
    # The operation's own savepoint, issued on the driver's cursor like its statements: through
    # SQLAlchemy (begin_nested) SAVEPOINT and RELEASE cost ~40 µs each, a quarter of an operation.
    cursor = raw(tx.conn)
    cursor.execute("SAVEPOINT apply_one")
    try:
        outcome = _decide_and_write(tx, ref, terminal, op, now, at)
        cursor.execute("RELEASE SAVEPOINT apply_one")
        return outcome
    except state.NotSetUp:
        raise  # not this operation's fault: the whole batch waits (503) until rules are loaded
    except Exception as exc:
        # The operation's statements go through the driver's own cursor (server.db.Raw), so its errors
        # come as the driver's classes (sqlite3, psycopg), not SQLAlchemy's: both are looked at.
        driver = tx.conn.dialect.loaded_dbapi
        integrity = isinstance(exc, (IntegrityError, driver.IntegrityError))
        if isinstance(exc, (DBAPIError, driver.Error)) and not integrity:
            raise  # a database failure is transient: the whole batch fails and the terminal retries it
        # An integrity error or a bug must not block the terminal's queue: quarantine it for an administrator.
        _undo(cursor)
        tx.rollback_to(mark)
        log.exception("%s applying %s", "integrity error" if integrity else "error", op.op_id)
        error = type(exc).__name__ if integrity else f"{type(exc).__name__}: {exc}"[:200]
    return record(
        tx,
        terminal,
        op,
        None,
        at,
        QUARANTINED,
        "server_error",
        msg(
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
    return apply_one(tx, ref, terminal, op, now, to_utc_text(now))


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
        return reject(tx, terminal, op, None, at, "invalid_operation", exc.message, rules)
    effective = state.resolve_alias(conn, payload.get("member_no"))
    extra_exceptions: list[tuple[str, Message, dict[str, Any]]] = []
    target_payload: tuple[str, dict[str, Any]] | None = None
    staff = state.staff_as_of(conn, op.staff_no, at, tx.staff)
    denied = permission_denied(staff, op.kind, payload, rules)
    if denied is not None:
        message, detail = denied
        if op.kind in REDEMPTION_KINDS and staff is not None:
            # A redemption is a fact (the gift or the discount was handed over): booked, and flagged.
            extra_exceptions.append((NOT_PERMITTED, booked_not_permitted(staff, op.kind), detail))
        else:
            if op.kind == ops_vocab.REVERSE:
                target_payload = reversal_target(conn, payload["target_op_id"])
            return reject(
                tx, terminal, op, effective, at, NOT_PERMITTED, message, rules, payload, target_payload, detail
            )
    reader = state.ServerReader(conn, terminal.terminal_id, tx.staff, aliases={payload.get("member_no"): effective})
    try:
        decision, extra = _decide(tx, terminal, op, payload, effective, ctx, reader)
        extra_exceptions.extend(extra)
    except Refused as refusal:
        if op.kind == ops_vocab.REVERSE:
            target_payload = reversal_target(conn, payload["target_op_id"])
        return reject(tx, terminal, op, effective, at, refusal.code, refusal.message, rules, payload, target_payload)
    except Reject as rej:
        return reject(tx, terminal, op, effective, at, rej.code, rej.message, rules, payload, None, rej.detail)
    except Merge as merge:
        return merge_enrollment(tx, terminal, op, payload, merge.primary, at, day, rules)
    if op.kind == ops_vocab.REVERSE:
        target_payload = reversal_target(conn, payload["target_op_id"])
    plan = plan_writes(decision, op.kind, payload, op_id=op.op_id, at=at, day=day, desk_name=terminal.name)
    effects = execute(conn, plan, terminal.terminal_id)
    # The members rows the decision read are still what is stored unless the plan wrote a member: then
    # the change feed sends them without reading them again (most operations change only the ledger).
    unchanged = reader.member_rows if plan.new_member is None and not plan.member_changes else None
    outcome = record(
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
        touched=touch_set(op.kind, payload, target_payload, decision),
        unchanged_members=unchanged,
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


def reversal_target(conn: Any, target_op_id: str) -> tuple[str, dict[str, Any]] | None:
    row = conn.execute(text("SELECT kind, payload FROM ops WHERE op_id = :o"), {"o": target_op_id}).first()
    return (row.kind, json.loads(row.payload)) if row else None


def _decide(
    tx: WriteTx,
    terminal: TerminalRef,
    op: Envelope,
    p: dict[str, Any],
    effective: str | None,
    ctx: Context,
    reader: state.ServerReader,
) -> tuple[Decision, list[tuple[str, Message, dict[str, Any]]]]:
    """The shared decision of ``op``, after the checks only the server can make (uniqueness in the mall,
    clashes between desks); returns it with the exceptions it opens."""
    conn = tx.conn
    kind = op.kind
    extra: list[tuple[str, Message, dict[str, Any]]] = []
    if p.get("slip_serial"):
        claim_slip(conn, str(p["slip_serial"]), op.op_id, to_utc_text(ctx.now))
    if kind == ops_vocab.ENROLL:
        if state.member_row(conn, p["member_no"]) is not None:
            raise Reject(
                "member_no_taken",
                msg(
                    QT_TRANSLATE_NOOP(
                        "Server",
                        "Member number {member_no} is already used by another member; this enrollment was not recorded.",
                    ),
                    member_no=p["member_no"],
                ),
            )
        primary = state.member_by_phone(conn, p["phone"])
        if primary is not None:
            raise Merge(primary["member_no"])
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
        extra.extend(profile_clashes(tx, terminal, op, effective or "", changes))
    if kind not in DECISIONS:
        raise Reject(
            "invalid_operation",
            msg(QT_TRANSLATE_NOOP("Server", "Operations of kind {kind} are not accepted."), kind=kind),
        )
    decided = decide(kind, p, ctx, reader, at_desk=False)
    decision = decided.decision
    if decided.shortfall:
        extra.append(
            (
                "overdrawn",
                msg(
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
            raise Reject("coupon_code_taken", _coupon_taken(issued.code))
    return decision, extra


def _coupon_taken(code: str) -> Message:
    return msg(
        QT_TRANSLATE_NOOP("Server", "Coupon code {code} is already in use; this coupon was not issued."), code=code
    )
