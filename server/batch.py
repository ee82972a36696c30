"""A push batch: sequence and epoch checks over the whole batch, replays answered from their stored outcomes,
each new operation applied once (``server.apply``), the terminal's epochs moved on."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import text

from membership.i18n import QT_TRANSLATE_NOOP
from membership.operations import canonical_json, payload_text_hash
from membership.timeutil import to_utc_text

from .apply import apply_one
from .db import WriteTx
from .envelopes import Envelope, PushRefused, TerminalRef, msg
from .state import Reference


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
        op.payload_text = canonical_json(op.payload)
        if payload_text_hash(op.kind, op.payload_text) != op.payload_hash:
            raise PushRefused(
                422,
                "payload_hash_mismatch",
                msg(
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
                    msg(
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
                msg(
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
                msg(
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
        outcome = apply_one(tx, ref, terminal, op, now, at)
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
