"""Anchoring this terminal's audit chain at the server, so a rewritten or truncated local log is found there.

The terminal sends the rows the server does not hold yet and a ladder of chain hashes; the server
answers how far it holds the chain (or which rows to probe to find where it differs). Requests are
numbered, so an answer to an older request that arrives late changes nothing.
"""

from __future__ import annotations

from typing import Any

from .store import GENESIS_HASH, Store, audit_hash
from .sync_keys import AUDIT_ANCHORED, AUDIT_REQUEST


class AuditAnchor:
    """The audit-anchoring requests of one terminal store and what their answers record."""

    def __init__(self, store: Store):
        self.store = store

    def request(self, probe: list[int] | None = None, limit: int = 1000) -> dict[str, Any]:
        """What the server needs to anchor this terminal's audit chain: rows not anchored yet, and chain hashes.

        The hashes are *recomputed* walking the whole chain from the genesis hash (not read from the
        ``hash`` column), so a row edited without recomputing the chain shows as a difference too.
        """
        anchored = int(self.store.setting(AUDIT_ANCHORED, "0") or 0)
        with self.store.transaction() as conn:
            request_no = int(self.store.setting(AUDIT_REQUEST, "0") or 0) + 1
            self.store.set_setting(conn, AUDIT_REQUEST, str(request_no))
        with self.store._lock:
            chain: list[tuple[int, str]] = []
            previous = GENESIS_HASH
            for row in self.store.conn.execute(
                "SELECT id, at, terminal_id, staff_no, action, subject, op_id, detail FROM audit ORDER BY id"
            ):
                previous = audit_hash(previous, *row)
                chain.append((row[0], previous))
            rows = [
                dict(r)
                for r in self.store.conn.execute(
                    "SELECT id, at, terminal_id, staff_no, action, subject, op_id, detail, prev_hash, hash "
                    "FROM audit WHERE id > ? ORDER BY id LIMIT ?",
                    (anchored, limit),
                )
            ]
            epoch = self.store.conn.execute("SELECT epoch FROM terminal WHERE id = 1").fetchone()[0]
        head = chain[-1][0] if chain else 0
        by_id = dict(chain)
        wanted: set[int] = set(probe or ())
        step = 0
        while head - step >= 1:
            wanted.add(head - step)
            step = 1 if step == 0 else step * 2
        if anchored:
            wanted.add(anchored)
        ladder = [[i, by_id[i]] for i in sorted(wanted) if i in by_id][-200:]
        return {"epoch": epoch, "head_id": head, "ladder": ladder, "rows": rows, "request_no": request_no}

    def anchored(self, through: int, server_request_no: int = 0) -> None:
        """The server holds the chain through row ``through``; its request number, if ahead, becomes ours."""
        with self.store.transaction() as conn:
            self.store.set_setting(conn, AUDIT_ANCHORED, str(through))
            mine = int(self.store.setting(AUDIT_REQUEST, "0") or 0)
            if server_request_no > mine:  # e.g. restored from a backup in the same epoch: catch up
                self.store.set_setting(conn, AUDIT_REQUEST, str(server_request_no))
