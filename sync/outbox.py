"""The operation log on its way to the server: the next batch, the answers recorded, and epochs.

What the push sends and what its answer changes here — nothing else: the effects of an answered
operation arrive by pull (:mod:`sync.pull`). Epochs and re-sending handle a store restored from a
backup: operations are never applied twice, because the server knows them by op id.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from membership.sync_rules import APPLIED
from membership.timeutil import to_utc_text

from .store import Store

# The server could not apply an operation because of its own fault: it holds it for an administrator
# (``memberdesk-server reapply``). Not a decision: the desk keeps its effects provisional until then.
QUARANTINED = "quarantined"


class Outbox:
    """Push preparation and the push's answers for one terminal store."""

    def __init__(self, store: Store):
        self.store = store

    def quarantined_count(self) -> int:
        return self.store.scalar("SELECT count(*) FROM sync_quarantine") or 0

    def pending_count(self) -> tuple[int, str | None]:
        row = self.store.query_one("SELECT count(*), min(local_time) FROM oplog WHERE status = 'pending'")
        return (row[0], row[1]) if row else (0, None)

    def pending_batch(self, limit: int) -> list[dict[str, Any]]:
        """The next operations to push, in log order, as they travel (re-sequenced ones in their new epoch)."""
        rows = self.store.query(
            "SELECT o.op_id, coalesce(w.epoch, o.epoch) AS epoch, coalesce(w.seq, o.seq) AS seq, o.kind, "
            "o.staff_no, o.member_no, o.local_time, o.business_day, o.online, o.payload, o.payload_hash "
            "FROM oplog o LEFT JOIN sync_wire w ON w.op_id = o.op_id WHERE o.status = 'pending' ORDER BY o.id LIMIT ?",
            (limit,),
        )
        return [
            {
                "op_id": r["op_id"],
                "epoch": r["epoch"],
                "seq": r["seq"],
                "kind": r["kind"],
                "staff_no": r["staff_no"],
                "member_no": r["member_no"],
                "local_time": r["local_time"],
                "business_day": r["business_day"],
                "online": bool(r["online"]),
                "payload": json.loads(r["payload"]),
                "payload_hash": r["payload_hash"],
            }
            for r in rows
        ]

    def record_outcomes(self, results: list[dict[str, Any]]) -> None:
        """Mark pushed operations acknowledged (or rejected) as the push answered; the effects follow by pull.

        Idempotent: only a still pending, not yet reconciled operation changes, so an answer that arrives
        twice (or after the pull already adopted the outcome) changes nothing. A quarantined operation is
        acknowledged (the server has it; it is not sent again) but stays provisional.
        """
        with self.store.transaction() as conn:
            conn.executemany(
                "UPDATE oplog SET status = ?, outcome = ? WHERE op_id = ? AND status = 'pending' "
                "AND op_id NOT IN (SELECT op_id FROM sync_reconciled)",
                [
                    (
                        "acked" if r["status"] in (APPLIED, QUARANTINED) else "rejected",
                        json.dumps(r, ensure_ascii=False),
                        r["op_id"],
                    )
                    for r in results
                ],
            )
            quarantine(conn, [(r["op_id"], r.get("code")) for r in results if r["status"] == QUARANTINED])

    def fork(self, failed_op_id: str, server_epoch: int, now: datetime) -> int:
        """The server's log for this terminal went further than ours (we were restored from a backup).

        Every operation not yet accepted, from the refused one on, moves to a fresh epoch as it travels
        (same op ids, so nothing is applied twice), and new operations start another fresh epoch.
        Returns the new terminal epoch.
        """
        with self.store.transaction() as conn:
            start = conn.execute("SELECT id FROM oplog WHERE op_id = ?", (failed_op_id,)).fetchone()
            if start is None:
                raise ValueError(f"unknown operation {failed_op_id}")
            top = _top_epoch(conn, [server_epoch])
            wire_epoch = top + 1
            moved = [
                r[0]
                for r in conn.execute(
                    "SELECT op_id FROM oplog WHERE status = 'pending' AND id >= ? ORDER BY id", (start[0],)
                )
            ]
            conn.executemany("DELETE FROM sync_wire WHERE op_id = ?", [(op_id,) for op_id in moved])
            conn.executemany(
                "INSERT INTO sync_wire (op_id, epoch, seq) VALUES (?, ?, ?)",
                [(op_id, wire_epoch, n) for n, op_id in enumerate(moved, start=1)],
            )
            new_epoch = wire_epoch + 1
            self._set_epoch(conn, new_epoch)
            self.store.append_audit(
                conn,
                to_utc_text(now),
                "SYSTEM",
                "sync_new_epoch",
                str(new_epoch),
                detail={"resequenced": len(moved), "wire_epoch": wire_epoch},
            )
        return new_epoch

    def start_new_epoch(self, server_epochs: list[int], now: datetime) -> int:
        """Begin a fresh epoch for new operations (the server knows more of our log than we do)."""
        with self.store.transaction() as conn:
            top = _top_epoch(conn, server_epochs)
            self._set_epoch(conn, top + 1)
            self.store.append_audit(conn, to_utc_text(now), "SYSTEM", "sync_new_epoch", str(top + 1))
        return top + 1

    def _set_epoch(self, conn: sqlite3.Connection, epoch: int) -> None:
        conn.execute("UPDATE terminal SET epoch = ? WHERE id = 1", (epoch,))
        self.store._terminal = None  # the store caches its identity; the epoch just changed

    def resend_from(self, epoch: int, seq: int) -> int:
        """The server is missing operations we thought acknowledged (it was restored): send them again."""
        with self.store.transaction() as conn:
            rows = [
                r[0]
                for r in conn.execute(
                    "SELECT o.op_id FROM oplog o LEFT JOIN sync_wire w ON w.op_id = o.op_id "
                    "WHERE coalesce(w.epoch, o.epoch) = ? AND coalesce(w.seq, o.seq) >= ? AND o.status != 'pending'",
                    (epoch, seq),
                )
            ]
            conn.executemany("UPDATE oplog SET status = 'pending' WHERE op_id = ?", [(r,) for r in rows])
            conn.executemany("DELETE FROM sync_reconciled WHERE op_id = ?", [(r,) for r in rows])
        return len(rows)

    def raise_counters(self, member_seq: int, coupon_seq: int) -> None:
        """Never hand out a member number or coupon serial the server has already seen from this terminal."""
        with self.store.transaction() as conn:
            for name, value in (("member_seq", member_seq), ("coupon_seq", coupon_seq)):
                conn.execute(
                    "INSERT INTO counters (name, value) VALUES (?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)",
                    (name, value),
                )


def quarantine(conn: sqlite3.Connection, held: list[tuple[str, str | None]]) -> None:
    """Note operations the server holds for an administrator (unless their outcome was adopted already)."""
    conn.executemany(
        "INSERT OR IGNORE INTO sync_quarantine (op_id, code, at) SELECT ?, ?, ? WHERE NOT EXISTS "
        "(SELECT 1 FROM sync_reconciled WHERE op_id = ?)",
        [(op_id, code, to_utc_text(datetime.now().astimezone()), op_id) for op_id, code in held],
    )


def _top_epoch(conn: sqlite3.Connection, server_epochs: list[int]) -> int:
    """The highest epoch anyone has used for this terminal: the server, the log, re-sequencing, the identity."""
    return max(
        [
            *server_epochs,
            conn.execute("SELECT coalesce(max(epoch), 0) FROM oplog").fetchone()[0],
            conn.execute("SELECT coalesce(max(epoch), 0) FROM sync_wire").fetchone()[0],
            conn.execute("SELECT epoch FROM terminal WHERE id = 1").fetchone()[0],
        ]
    )
