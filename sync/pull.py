"""Adopting what the server pulls back: one transaction per few pages, the cursor moved in it.

No HTTP here (that is :mod:`sync.client`) and no threads (that is :mod:`sync.engine`): a crash at any
instant leaves either the pages fully applied with the cursor moved, or nothing. How a server row is
written is :mod:`sync.pulled_rows`; what the push sends and records is :mod:`sync.outbox`.

How the terminal converges with the server although its ledger is append-only:

- Lines and stock moves are additive. A foreign operation's lines are inserted as they come. For an
  own operation, the server's lines arrive with its outcome and the terminal appends the difference
  per (member, kind, lot, day) — a rejected credit is reversed by appending its opposite.
- Rows (members, coupons, receipts, benefit claims) are replaced by the server's version, except while
  an own operation on that row is still provisional: then the server's version waits in
  ``sync_deferred`` and is taken over when the outcome arrives. So pending desk work stays visible
  on top of the server's state, and nothing of it survives a rejection.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from membership import operations as ops
from membership.sync_rules import APPLIED, REMOTE_OPS_DAYS, ledger_corrections, touched_keys
from membership.timeutil import to_utc_text

from .outbox import QUARANTINED, quarantine
from .pulled_rows import ROW_ENTITIES, RowWriter
from .store import Store
from .sync_keys import CURSOR, REMOTE_OPS_PRUNED

_LEDGER_INSERT = (
    "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
# Another desk's lines carry their place in the server's outcome: (op_id, line_no) is unique, so a line
# that is already here (a page applied twice) is skipped by the index, not added again.
_FOREIGN_LINE_INSERT = (
    "INSERT OR IGNORE INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at, "
    "line_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


@dataclass
class PageReport:
    skipped: bool = False  # the cursor had moved since the pull (another sync applied it): nothing done
    applied: int = 0
    reconciled: int = 0
    rejected: list[str] = field(default_factory=list)
    new_exceptions: list[int] = field(default_factory=list)


class PullApplier:
    """Pull application for one terminal store."""

    def __init__(self, store: Store):
        self.store = store
        self._own_ids: set[str] | None = None

    def cursor(self) -> int:
        return int(self.store.setting(CURSOR, "0") or 0)

    def own_terminal_ids(self, conn: sqlite3.Connection) -> set[str]:
        """Every terminal id this store logged operations under (a re-registration may have changed it)."""
        if self._own_ids is None:
            self._own_ids = {r[0] for r in conn.execute("SELECT DISTINCT terminal_id FROM oplog")}
        return self._own_ids | {self.store.terminal().terminal_id}

    def apply_page(self, page: dict[str, Any], now: datetime, since: int | None = None) -> PageReport:
        """Apply one page of changes and move the cursor, in one transaction.

        ``since`` is the cursor the page was pulled with. It is compared with the stored cursor inside the
        transaction that applies the page and moves it: if another sync (another process, an older copy
        of the engine) applied changes meanwhile, the page is skipped whole instead of applied twice.
        """
        return self.apply_pages([page], now, since)

    def apply_pages(self, pages: list[dict[str, Any]], now: datetime, since: int | None = None) -> PageReport:
        """Consecutive pages (each pulled from the previous one's ``next``) in one transaction: a catch-up
        commits (encrypts and fsyncs) once per few pages rather than once per page."""
        report = PageReport()
        store = self.store
        with store.transaction() as conn:
            if since is not None:
                stored = conn.execute("SELECT value FROM settings WHERE key = ?", (CURSOR,)).fetchone()
                if int(stored[0] if stored else 0) != since:
                    report.skipped = True
                    return report
            run = _PageRun(self, conn, now, report)
            changes = [change for page in pages for change in page["changes"]]
            # A row sent several times in these pages (a member touched by many operations) is the same
            # row in newer versions: only its last version is written; the others are counted.
            last: dict[tuple[str, str], int] = {}
            for n, change in enumerate(changes):
                if change["entity"] in ROW_ENTITIES:
                    last[(change["entity"], change["key"])] = n
            run.rows.load([changes[n] for n in last.values()])
            for n, change in enumerate(changes):
                if change["entity"] in ROW_ENTITIES and last[(change["entity"], change["key"])] != n:
                    report.applied += 1
                    continue
                run.apply(change)
            run.flush()
            run.retry_deferred()
            run.raise_counters_from_data()
            store.set_setting(conn, CURSOR, str(pages[-1]["next"]))
            self._prune_remote_ops(conn, now)
        return report

    def _prune_remote_ops(self, conn: sqlite3.Connection, now: datetime) -> None:
        """Other desks' operations are kept for REMOTE_OPS_DAYS (history and reversal); once a day, older go."""
        today = now.date().isoformat()
        if self.store.setting(REMOTE_OPS_PRUNED) == today:
            return
        cutoff = (now.date() - timedelta(days=REMOTE_OPS_DAYS)).isoformat()
        conn.execute("DELETE FROM remote_ops WHERE business_day < ?", (cutoff,))
        self.store.set_setting(conn, REMOTE_OPS_PRUNED, today)


class _PageRun:
    """State for applying one page: which rows are held back by provisional own operations."""

    def __init__(self, rep: PullApplier, conn: sqlite3.Connection, now: datetime, report: PageReport):
        self.rep = rep
        self.store = rep.store
        self.conn = conn
        self.now = now
        self.at = to_utc_text(now)
        self.report = report
        self.terminal = self.store.terminal()
        self.own_ids = self.rep.own_terminal_ids(conn)
        # Other desks' ledger lines and remote_ops rows, written in bulk (nothing reads them mid-page).
        self.lines: list[tuple[Any, ...]] = []
        self.remote: list[tuple[Any, ...]] = []
        # Rows waiting in sync_deferred; a row the server sends again leaves it only if it is there.
        self.deferred = {(r[0], r[1]) for r in conn.execute("SELECT entity, key FROM sync_deferred")}
        self.rows = RowWriter(conn, self.store.phone_keys, self.at)
        self.provisional: dict[str, set[str]] = {}  # op id -> keys it holds back
        self.held: Counter[str] = Counter()
        for row in conn.execute(
            "SELECT o.op_id, o.kind, o.member_no, o.payload FROM oplog o "
            "WHERE o.op_id NOT IN (SELECT op_id FROM sync_reconciled)"
        ):
            keys = self._keys(row["op_id"], row["kind"], row["member_no"], json.loads(row["payload"]))
            self.provisional[row["op_id"]] = keys
            self.held.update(keys)

    def _keys(self, op_id: str, kind: str, member_no: str | None, payload: dict[str, Any]) -> set[str]:
        target = None
        keys = {f"claimop:{op_id}"}
        if kind == ops.REVERSE:
            t = self.conn.execute(
                "SELECT kind, payload FROM oplog WHERE op_id = ?", (payload.get("target_op_id"),)
            ).fetchone()
            if t is not None:
                target = (t["kind"], json.loads(t["payload"]))
            else:  # another desk's operation: its rows as this store knows them stand for its payload
                keys |= self._remote_target_keys(payload.get("target_op_id"))
            keys.add(f"claimop:{payload.get('target_op_id')}")
        keys |= touched_keys(kind, payload, target)
        if member_no:
            keys.add(f"member:{member_no}")
        return keys

    def _remote_target_keys(self, op_id: str | None) -> set[str]:
        conn = self.conn
        keys = {
            f"coupon:{r[0]}"
            for r in conn.execute("SELECT code FROM coupons WHERE issued_op = ? OR used_op = ?", (op_id, op_id))
        }
        keys |= {
            f"receipt:{r[0]}|{r[1]}"
            for r in conn.execute("SELECT tenant_code, receipt_no FROM receipts WHERE op_id = ?", (op_id,))
        }
        member = conn.execute("SELECT member_no FROM remote_ops WHERE op_id = ?", (op_id,)).fetchone()
        if member is not None and member[0]:
            keys.add(f"member:{member[0]}")
        return keys

    # -- dispatch -------------------------------------------------------------------------------------

    def apply(self, change: dict[str, Any]) -> None:
        entity, key, data, no = change["entity"], change["key"], change["data"], change["no"]
        self.report.applied += 1
        if entity == "op":
            self._op(data, no)
        elif entity in ROW_ENTITIES:
            self._row(entity, key, data, no)
        elif entity == "staff":
            self.rows.staff(data)
        elif entity == "document":
            self.store.save_document(self.conn, data["name"], data["version"], data["body"], data["loaded_at"])
        elif entity == "qr_key":
            self.rows.qr_key(data)
        elif entity == "exception" and self.rows.exception(data, no):
            self.report.new_exceptions.append(data["id"])

    def _hold_key(self, entity: str, key: str) -> str:
        return f"claimop:{key.split('|', 1)[0]}" if entity == "claim" else f"{entity}:{key}"

    # -- rows -----------------------------------------------------------------------------------------

    def _row(self, entity: str, key: str, data: dict[str, Any], no: int) -> None:
        if self.held[self._hold_key(entity, key)] > 0 or not self.rows.write(entity, key, data):
            self.conn.execute(
                "INSERT INTO sync_deferred (entity, key, change_no, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (entity, key) DO UPDATE SET change_no = excluded.change_no, data = excluded.data",
                (entity, key, no, json.dumps(data, ensure_ascii=False)),
            )
            self.deferred.add((entity, key))
        elif (entity, key) in self.deferred:
            self.conn.execute("DELETE FROM sync_deferred WHERE entity = ? AND key = ?", (entity, key))
            self.deferred.discard((entity, key))

    def _materialize(self, keys: set[str]) -> None:
        if not keys:
            return
        rows = self.conn.execute("SELECT entity, key, data FROM sync_deferred ORDER BY change_no").fetchall()
        for row in rows:
            hold = self._hold_key(row["entity"], row["key"])
            if (
                hold in keys
                and self.held[hold] <= 0
                and self.rows.write(row["entity"], row["key"], json.loads(row["data"]))
            ):
                self.conn.execute("DELETE FROM sync_deferred WHERE entity = ? AND key = ?", (row["entity"], row["key"]))

    def retry_deferred(self) -> None:
        """Rows held back by a uniqueness clash go in once the clashing provisional row has gone."""
        for _ in range(3):
            rows = self.conn.execute("SELECT entity, key, data FROM sync_deferred ORDER BY change_no").fetchall()
            progress = False
            for row in rows:
                if self.held[self._hold_key(row["entity"], row["key"])] > 0:
                    continue
                if self.rows.write(row["entity"], row["key"], json.loads(row["data"])):
                    self.conn.execute(
                        "DELETE FROM sync_deferred WHERE entity = ? AND key = ?", (row["entity"], row["key"])
                    )
                    progress = True
            if not progress:
                return

    # -- operations -------------------------------------------------------------------------------------

    def _op(self, data: dict[str, Any], no: int) -> None:
        op_id = data["op_id"]
        # Only an operation logged under one of this store's terminal ids can be in its log (the catch-up
        # pull of a busy mall is mostly other desks' operations: no look-up for those).
        local = (
            self.conn.execute("SELECT op_id, kind, payload FROM oplog WHERE op_id = ?", (op_id,)).fetchone()
            if data.get("terminal_id") in self.own_ids or not data.get("terminal_id")
            else None
        )
        if local is not None:
            if data.get("status") == QUARANTINED:
                # Held by the server for an administrator: nothing is decided, the desk's effects stay
                # (provisional) until the operation is applied and its real outcome arrives.
                self.conn.execute(
                    "UPDATE oplog SET status = 'acked', outcome = ? WHERE op_id = ? AND status = 'pending'",
                    (json.dumps({"status": QUARANTINED, "code": data.get("code")}), op_id),
                )
                if op_id in self.provisional:
                    quarantine(self.conn, [(op_id, data.get("code"))])
                return
            if op_id in self.provisional:
                self._reconcile(local, data, no)
            return
        if data.get("status") == QUARANTINED:
            return  # another desk's operation the server has not applied yet: no effects to copy
        lines = data.get("lines") or []
        if lines:
            self.lines.extend(
                (m, op_id, kind, delta, lot, spend, day, self.at, n)
                for n, (m, kind, delta, lot, spend, day) in enumerate(lines)
            )
        day = data.get("business_day") or self.at[:10]
        for n, (terminal_id, item, delta) in enumerate(data.get("moves") or ()):
            if terminal_id == self.terminal.terminal_id:
                self._move(op_id, item, delta, day, line_no=n)
        if data.get("status") == APPLIED and data.get("kind"):
            self._remote_op(op_id, data, day, no)

    def _remote_op(self, op_id: str, data: dict[str, Any], day: str, no: int) -> None:
        """Remember another desk's applied operation (history, and reversal from this desk)."""
        moves = Counter()
        for _terminal, item, delta in data.get("moves") or ():
            moves[item] += delta
        self.remote.append(
            (
                op_id,
                data.get("terminal_id") or "",
                data["kind"],
                data.get("member_no"),
                day,
                json.dumps(sorted(moves.items())) if moves else "[]",  # most operations move no stock
                op_id,
                no,
            )
        )
        target = data.get("reverses")
        if target:
            self.flush()  # the target may be among the rows not written yet
            # Reversed at another desk: here too (our own operation or another desk's). The server applied
            # this reversal, so it is the one: it overrides a provisional local reversal of the same target
            # (which the server rejects; that release then no longer matches and the mark stays).
            self.conn.execute("UPDATE remote_ops SET reversed_by = ? WHERE op_id = ?", (op_id, target))
            self.conn.execute("UPDATE oplog SET reversed_by = ? WHERE op_id = ?", (op_id, target))

    def flush(self) -> None:
        """Write the buffered foreign lines and remote_ops rows."""
        if self.lines:
            self.conn.executemany(_FOREIGN_LINE_INSERT, self.lines)
            self.lines = []
        if self.remote:
            self.conn.executemany(
                "INSERT OR REPLACE INTO remote_ops (op_id, terminal_id, kind, member_no, business_day, moves, "
                "reversed_by, change_no) VALUES (?, ?, ?, ?, ?, ?, "
                "(SELECT reversed_by FROM remote_ops WHERE op_id = ?), ?)",
                self.remote,
            )
            self.remote = []

    def _move(self, op_id: str, item: str, delta: int, day: str, line_no: int | None = None) -> None:
        """One stock move and the level it changes; a foreign move already here (same ``line_no``) is skipped."""
        inserted = self.conn.execute(
            "INSERT OR IGNORE INTO stock_moves (op_id, item_code, delta, business_day, created_at, line_no) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (op_id, item, delta, day, self.at, line_no),
        ).rowcount
        if inserted:
            self.conn.execute(
                "INSERT INTO stock (item_code, quantity) VALUES (?, ?) "
                "ON CONFLICT (item_code) DO UPDATE SET quantity = quantity + excluded.quantity",
                (item, delta),
            )

    def _reconcile(self, local: sqlite3.Row, data: dict[str, Any], no: int) -> None:
        """Adopt the server's outcome of an own operation by appending what differs."""
        conn = self.conn
        op_id = local["op_id"]
        rejected = data["status"] != APPLIED
        local_lines = conn.execute(
            "SELECT member_no, kind, lot_year, business_day, delta, spend_fen FROM ledger WHERE op_id = ?", (op_id,)
        ).fetchall()
        server_lines = [
            (m, kind, lot, day, delta, spend) for m, kind, delta, lot, spend, day in data.get("lines") or ()
        ]
        corrections = ledger_corrections([tuple(r) for r in local_lines], server_lines)
        conn.executemany(
            _LEDGER_INSERT,
            [(m, op_id, kind, delta, lot, spend, day, self.at) for m, kind, lot, day, delta, spend in corrections],
        )
        day = data.get("business_day") or self.at[:10]
        server_moves = Counter()
        for terminal_id, item, delta in data.get("moves") or ():
            if terminal_id == self.terminal.terminal_id:
                server_moves[item] += delta
        local_moves = Counter(
            {
                r[0]: r[1]
                for r in conn.execute(
                    "SELECT item_code, sum(delta) FROM stock_moves WHERE op_id = ? GROUP BY item_code", (op_id,)
                )
            }
        )
        for item in sorted(set(server_moves) | set(local_moves)):
            diff = server_moves[item] - local_moves[item]
            if diff:
                self._move(op_id, item, diff, day)
        kept = {(b, p) for b, p in data.get("claims") or ()}
        for claim in conn.execute(
            "SELECT id, benefit, period FROM benefit_claims WHERE op_id = ? AND status = 'claimed'", (op_id,)
        ).fetchall():
            if rejected or (claim["benefit"], claim["period"]) not in kept:
                conn.execute("UPDATE benefit_claims SET status = 'reversed' WHERE id = ?", (claim["id"],))
        if local["kind"] == ops.REVERSE and rejected:
            target = json.loads(local["payload"]).get("target_op_id")
            conn.execute("UPDATE oplog SET reversed_by = NULL WHERE op_id = ? AND reversed_by = ?", (target, op_id))
            conn.execute(
                "UPDATE remote_ops SET reversed_by = NULL WHERE op_id = ? AND reversed_by = ?", (target, op_id)
            )
        outcome = {k: data.get(k) for k in ("status", "code", "member_no")}
        conn.execute(
            "UPDATE oplog SET status = ?, outcome = CASE WHEN outcome IS NULL OR json_extract(outcome, '$.status') "
            "= 'quarantined' THEN ? ELSE outcome END WHERE op_id = ?",
            ("rejected" if rejected else "acked", json.dumps(outcome), op_id),
        )
        conn.execute(
            "INSERT OR REPLACE INTO sync_reconciled (op_id, change_no, status, code, at) VALUES (?, ?, ?, ?, ?)",
            (op_id, no, data["status"], data.get("code"), self.at),
        )
        if rejected or corrections:
            self.store.append_audit(
                conn,
                self.at,
                "SYSTEM",
                "sync_rejected" if rejected else "sync_corrected",
                data.get("member_no") or "",
                op_id,
                {"code": data.get("code"), "corrections": len(corrections)},
            )
        if rejected:
            self.report.rejected.append(op_id)
        self.report.reconciled += 1
        conn.execute("DELETE FROM sync_quarantine WHERE op_id = ?", (op_id,))
        keys = self.provisional.pop(op_id, set())
        self.held.subtract(keys)
        self._materialize(keys)

    def raise_counters_from_data(self) -> None:
        """After a restore, members made by the lost operations arrive by pull: skip their numbers."""
        prefix = f"{self.terminal.terminal_code:03d}"
        top = self.conn.execute(
            "SELECT max(member_no) FROM members WHERE member_no >= ? AND member_no < ?", (prefix, prefix + ":")
        ).fetchone()[0]
        if top:
            self.conn.execute(
                "INSERT INTO counters (name, value) VALUES ('member_seq', ?) "
                "ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)",
                (int(top[3:9]),),
            )
