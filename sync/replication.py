"""Replication on the terminal's store: what to push, and adopting what the server pulls back.

No HTTP here (that is :mod:`sync.client`) and no threads (that is :mod:`sync.engine`): every function
works on the store in one transaction, so a crash at any instant leaves either a page fully applied
with its cursor moved, or nothing.

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

from membership import codes
from membership import operations as ops
from membership.sync_rules import APPLIED, REMOTE_OPS_DAYS, ledger_corrections, touched_keys
from membership.tables import COUPON_COLUMNS, MEMBER_COLUMNS, RECEIPT_COLUMNS
from membership.timeutil import to_utc_text
from membership.validation import mask_phone

from .store import GENESIS_HASH, Store, audit_hash

CURSOR = "sync.cursor"
# The server could not apply an operation because of its own fault: it holds it for an administrator
# (``memberdesk-server reapply``). Not a decision: the desk keeps its effects provisional until then.
QUARANTINED = "quarantined"
REMOTE_OPS_PRUNED = "sync.remote_ops_pruned"
AUDIT_ANCHORED = "sync.audit_anchored"  # the newest audit row id the server holds (see server/audit.py)
AUDIT_REQUEST = "sync.audit_request_no"  # raised for every anchor request: a late copy is then stale
SERVER_URL = "sync.server_url"
TOKEN = "sync.token"
ROW_ENTITIES = ("member", "coupon", "receipt", "claim")


def _upsert_sql(table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}"
    )


_MEMBER_UPSERT = _upsert_sql("members", MEMBER_COLUMNS, ("member_no",))
# The same with the phone already as the store keeps it (mask, keyed hash, sealed copy), computed here
# rather than by the conversion trigger, which would write the row a second time.
_MEMBER_UPSERT_SEALED = _upsert_sql("members", (*MEMBER_COLUMNS, "phone_hash", "phone_sealed"), ("member_no",))
_COUPON_UPSERT = _upsert_sql("coupons", COUPON_COLUMNS, ("code",))
_RECEIPT_UPSERT = _upsert_sql("receipts", RECEIPT_COLUMNS, ("tenant_code", "receipt_no"))
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


_PHONE = MEMBER_COLUMNS.index("phone")
# entity -> (table, columns as load_current reads them, key columns joined by "|" in a change's key)
_CURRENT: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "member": ("members", (*MEMBER_COLUMNS, "phone_hash"), ("member_no",)),
    "coupon": ("coupons", COUPON_COLUMNS, ("code",)),
    "receipt": ("receipts", RECEIPT_COLUMNS, ("tenant_code", "receipt_no")),
}
_CHUNK = 500  # keys per look-up statement (well under SQLite's bound-parameter limit)


@dataclass
class PageReport:
    skipped: bool = False  # the cursor had moved since the pull (another sync applied it): nothing done
    applied: int = 0
    reconciled: int = 0
    rejected: list[str] = field(default_factory=list)
    new_exceptions: list[int] = field(default_factory=list)


class Replicator:
    """Push preparation and pull application for one terminal store."""

    def __init__(self, store: Store):
        self.store = store
        self._own_ids: set[str] | None = None

    # -- settings -------------------------------------------------------------------------------------

    def cursor(self) -> int:
        return int(self.store.setting(CURSOR, "0") or 0)

    def own_terminal_ids(self, conn: sqlite3.Connection) -> set[str]:
        """Every terminal id this store logged operations under (a re-registration may have changed it)."""
        if self._own_ids is None:
            self._own_ids = {r[0] for r in conn.execute("SELECT DISTINCT terminal_id FROM oplog")}
        return self._own_ids | {self.store.terminal().terminal_id}

    def quarantined_count(self) -> int:
        return self.store.scalar("SELECT count(*) FROM sync_quarantine") or 0

    def pending_count(self) -> tuple[int, str | None]:
        row = self.store.query_one("SELECT count(*), min(local_time) FROM oplog WHERE status = 'pending'")
        return (row[0], row[1]) if row else (0, None)

    # -- push -----------------------------------------------------------------------------------------

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
            self._quarantine(conn, [(r["op_id"], r.get("code")) for r in results if r["status"] == QUARANTINED])

    def _quarantine(self, conn: sqlite3.Connection, held: list[tuple[str, str | None]]) -> None:
        conn.executemany(
            "INSERT OR IGNORE INTO sync_quarantine (op_id, code, at) SELECT ?, ?, ? WHERE NOT EXISTS "
            "(SELECT 1 FROM sync_reconciled WHERE op_id = ?)",
            [(op_id, code, to_utc_text(datetime.now().astimezone()), op_id) for op_id, code in held],
        )

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

    # -- audit anchoring ----------------------------------------------------------------------------------

    def audit_anchor_request(self, probe: list[int] | None = None, limit: int = 1000) -> dict[str, Any]:
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

    def audit_anchored(self, through: int, server_request_no: int = 0) -> None:
        with self.store.transaction() as conn:
            self.store.set_setting(conn, AUDIT_ANCHORED, str(through))
            mine = int(self.store.setting(AUDIT_REQUEST, "0") or 0)
            if server_request_no > mine:  # e.g. restored from a backup in the same epoch: catch up
                self.store.set_setting(conn, AUDIT_REQUEST, str(server_request_no))

    # -- pull -----------------------------------------------------------------------------------------

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
            run.load_current([changes[n] for n in last.values()])
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


class _PageRun:
    """State for applying one page: which rows are held back by provisional own operations."""

    def __init__(self, rep: Replicator, conn: sqlite3.Connection, now: datetime, report: PageReport):
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
        # Rows as stored before this run wrote them (see load_current); an entry goes when its row is written.
        self.current: dict[tuple[str, str], tuple[Any, ...]] = {}
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

    def load_current(self, changes: list[dict[str, Any]]) -> None:
        """The stored form of the rows these changes are about to replace, read a chunk at a time.

        A catch-up sends most rows again unchanged (every operation on a member re-sends the member):
        comparing with the stored row is one index probe per row in bulk, rewriting it touches the row
        and all of the table's indexes.
        """
        wanted: dict[str, list[str]] = {}
        for change in changes:
            if change["entity"] in _CURRENT and not change["data"].get("absent"):
                wanted.setdefault(change["entity"], []).append(change["key"])
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples, compared as they come
        for entity, keys in wanted.items():
            table, columns, key_columns = _CURRENT[entity]
            width = len(key_columns)
            # The change's key first (as the server joins it), then the row.
            key_expr = " || '|' || ".join(key_columns)
            select = f"SELECT {key_expr}, {', '.join(columns)}"
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                params = [part for key in chunk for part in (key.split("|", width - 1) if width > 1 else (key,))]
                placeholders = ", ".join(["(" + ", ".join("?" * width) + ")"] * len(chunk))
                cursor.execute(
                    f"{select} FROM {table} WHERE ({', '.join(key_columns)}) IN (VALUES {placeholders})", params
                )
                for row in cursor:
                    self.current[(entity, row[0])] = row[1:]

    # -- dispatch -------------------------------------------------------------------------------------

    def apply(self, change: dict[str, Any]) -> None:
        entity, key, data, no = change["entity"], change["key"], change["data"], change["no"]
        self.report.applied += 1
        if entity == "op":
            self._op(data, no)
        elif entity in ROW_ENTITIES:
            self._row(entity, key, data, no)
        elif entity == "staff":
            self.conn.execute(
                "INSERT INTO staff (staff_no, name, role, pin_hash, active, failed_count, updated_at) "
                "VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (staff_no) DO UPDATE SET name = excluded.name, "
                "role = excluded.role, pin_hash = excluded.pin_hash, active = excluded.active, "
                "updated_at = excluded.updated_at",
                (data["staff_no"], data["name"], data["role"], data["pin_hash"], data["active"], data["updated_at"]),
            )
        elif entity == "document":
            self.store.save_document(self.conn, data["name"], data["version"], data["body"], data["loaded_at"])
        elif entity == "qr_key":
            self._qr_key(data)
        elif entity == "exception":
            self._exception(data, no)

    def _hold_key(self, entity: str, key: str) -> str:
        return f"claimop:{key.split('|', 1)[0]}" if entity == "claim" else f"{entity}:{key}"

    # -- rows -----------------------------------------------------------------------------------------

    def _row(self, entity: str, key: str, data: dict[str, Any], no: int) -> None:
        if self.held[self._hold_key(entity, key)] > 0 or not self._write_row(entity, key, data):
            self.conn.execute(
                "INSERT INTO sync_deferred (entity, key, change_no, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (entity, key) DO UPDATE SET change_no = excluded.change_no, data = excluded.data",
                (entity, key, no, json.dumps(data, ensure_ascii=False)),
            )
            self.deferred.add((entity, key))
        elif (entity, key) in self.deferred:
            self.conn.execute("DELETE FROM sync_deferred WHERE entity = ? AND key = ?", (entity, key))
            self.deferred.discard((entity, key))

    def _write_row(self, entity: str, key: str, data: dict[str, Any]) -> bool:
        """Take over the server's row; False when it clashes with a provisional local row (retry later).

        Every write here is one statement, and SQLite undoes a statement that fails a constraint by
        itself (the transaction goes on): no savepoint per row is needed.
        """
        conn = self.conn
        # What the run read of this row is only true until the row is written: used once.
        current = self.current.pop((entity, key), None)
        try:
            if entity == "member":
                phone = data.get("phone")
                if data.get("absent"):
                    conn.execute("DELETE FROM members WHERE member_no = ?", (key,))
                    return True
                values = [data.get(c) for c in MEMBER_COLUMNS]
                if phone and "*" not in phone:
                    keys = self.store.phone_keys
                    values[_PHONE] = mask_phone(phone)
                    phone_hash = keys.hash(phone)
                    # The same number has the same keyed hash; its sealed copy need not be made again.
                    if current is not None and current == (*values, phone_hash):
                        return True
                    conn.execute(_MEMBER_UPSERT_SEALED, [*values, phone_hash, keys.seal(phone)])
                elif current is None or current[:-1] != tuple(values):
                    conn.execute(_MEMBER_UPSERT, values)
            elif entity == "coupon":
                if data.get("absent"):
                    conn.execute("DELETE FROM coupons WHERE code = ?", (key,))
                    return True
                values = [data.get(c) for c in COUPON_COLUMNS]
                if current is None or current != tuple(values):
                    conn.execute(_COUPON_UPSERT, values)
            elif entity == "receipt":
                tenant, receipt_no = key.split("|", 1)
                if data.get("absent"):
                    conn.execute("DELETE FROM receipts WHERE tenant_code = ? AND receipt_no = ?", (tenant, receipt_no))
                    return True
                values = [data.get(c) for c in RECEIPT_COLUMNS]
                if current is None or current != tuple(values):
                    conn.execute(_RECEIPT_UPSERT, values)
            elif entity == "claim":
                op_id, benefit, period = key.split("|", 2)
                row = conn.execute(
                    "SELECT id FROM benefit_claims WHERE op_id = ? AND benefit = ? AND period = ?",
                    (op_id, benefit, period),
                ).fetchone()
                if row is not None:
                    conn.execute(
                        "UPDATE benefit_claims SET member_no = ?, detail = ?, status = ?, business_day = ? WHERE id = ?",
                        (data["member_no"], data["detail"], data["status"], data["business_day"], row[0]),
                    )
                else:
                    conn.execute(
                        "INSERT INTO benefit_claims (member_no, benefit, period, detail, op_id, status, business_day, "
                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            data["member_no"],
                            benefit,
                            period,
                            data["detail"],
                            op_id,
                            data["status"],
                            data["business_day"],
                            data["created_at"],
                        ),
                    )
        except sqlite3.IntegrityError:
            return False
        return True

    def _materialize(self, keys: set[str]) -> None:
        if not keys:
            return
        rows = self.conn.execute("SELECT entity, key, data FROM sync_deferred ORDER BY change_no").fetchall()
        for row in rows:
            hold = self._hold_key(row["entity"], row["key"])
            if (
                hold in keys
                and self.held[hold] <= 0
                and self._write_row(row["entity"], row["key"], json.loads(row["data"]))
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
                if self._write_row(row["entity"], row["key"], json.loads(row["data"])):
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
                    self.rep._quarantine(self.conn, [(op_id, data.get("code"))])
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

    # -- reference data -----------------------------------------------------------------------------------

    def _qr_key(self, data: dict[str, Any]) -> None:
        key_id, public_hex, status = data["key_id"], data["public_hex"], data["status"]
        row = self.conn.execute("SELECT public_hex, private_hex FROM qr_keys WHERE key_id = ?", (key_id,)).fetchone()
        if status == "revoked":
            if row is not None and row["public_hex"] == public_hex:
                self.conn.execute("DELETE FROM qr_keys WHERE key_id = ?", (key_id,))
            return
        if row is None:
            codes.public_key_from_hex(public_hex)  # only well-formed keys are pinned
            self.conn.execute(
                "INSERT INTO qr_keys (key_id, public_hex, private_hex, added_at) VALUES (?, ?, NULL, ?)",
                (key_id, public_hex, self.at),
            )
        elif row["public_hex"] != public_hex and row["private_hex"] is None:
            self.conn.execute("UPDATE qr_keys SET public_hex = ? WHERE key_id = ?", (public_hex, key_id))

    def _exception(self, data: dict[str, Any], no: int) -> None:
        exists = self.conn.execute("SELECT 1 FROM sync_exceptions WHERE id = ?", (data["id"],)).fetchone()
        self.conn.execute(
            "INSERT INTO sync_exceptions (id, code, op_id, member_no, message, detail, status, resolution, "
            "resolved_by, resolved_at, opened_at, change_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET status = excluded.status, resolution = excluded.resolution, "
            "resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at, change_no = excluded.change_no",
            (
                data["id"],
                data["code"],
                data.get("op_id"),
                data.get("member_no"),
                json.dumps(data["message"], ensure_ascii=False),
                # The desk whose operation was rejected, for the inbox's terminal column.
                json.dumps({**(data.get("detail") or {}), "terminal_id": data.get("terminal_id")}, ensure_ascii=False),
                data["status"],
                data.get("resolution"),
                data.get("resolved_by"),
                data.get("resolved_at"),
                data["opened_at"],
                no,
            ),
        )
        if not exists and data["status"] == "open":
            self.report.new_exceptions.append(data["id"])

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
