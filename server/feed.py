"""The change feed and operation records: an applied or refused operation's ``ops`` row, the exceptions it
opens, and the rows terminals pull because it touched them."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import text

from membership import operations as ops_vocab
from membership.decisions import Decision
from membership.i18n import Message
from membership.operations import canonical_json
from membership.rules import Rules
from membership.sync_rules import APPLIED, REJECTED, touched_keys

from . import state
from .db import WriteTx, dumps, raw
from .envelopes import Envelope, TerminalRef
from .state import CLAIM_COLUMNS, COUPON_COLUMNS, MEMBER_COLUMNS, RECEIPT_COLUMNS


def touch_set(
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


def emit_rows(tx: WriteTx, keys: set[str], unchanged_members: dict[str, dict[str, Any]] | None = None) -> None:
    """Send the current server version of each row (or its absence) to every terminal.

    ``unchanged_members`` are members rows as read in this transaction and not written since: sent as
    they are instead of being read again.
    """
    conn = tx.conn
    known = unchanged_members or {}
    for key in sorted(keys):
        entity, ident = key.split(":", 1)
        if entity == "member":
            row = known.get(ident)
            if row is None:
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


def reject(
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
    return record(
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


def record(
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
    unchanged_members: dict[str, dict[str, Any]] | None = None,
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
        emit_rows(tx, touched, unchanged_members)
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
            "p": op.payload_text if op.payload_text is not None else canonical_json(op.payload),
            "ph": op.payload_hash,
            "st": status,
            "code": code,
            "out": dumps(outcome),
            "at": at,
            "cn": change_no,
        },
    )
    return outcome
