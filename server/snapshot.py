"""Bootstrap snapshots: a consistent, compressed SQLite file in the terminal's own schema, with its change number.

A new or reset terminal downloads it, checks its SHA-256 and ``integrity_check``, swaps it in as its
database file and pulls the changes after its change number — paging a million members through JSON
is the slow path this avoids. Per-terminal parts (stock of every desk, each desk's exceptions) travel
in ``snapshot_*`` side tables the terminal takes its own rows from and then drops.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from membership.sync_rules import REMOTE_OPS_DAYS
from membership.tables import CLAIM_COLUMNS, COUPON_COLUMNS, MEMBER_COLUMNS, RECEIPT_COLUMNS
from membership.timeutil import to_utc_text

from .db import ServerDB

SCHEMA = Path(__file__).resolve().parent / "terminal_schema.sql"
TERMINAL_MIGRATIONS = (
    "m001_initial",
    "m002_sync",
    "m003_paper_slips",
    "m004_phone_hash",
    "m005_remote_ops",
    "m006_exactly_once",
)
CHUNK = 50_000

# (snapshot table, columns in the terminal schema, server query giving them in that order)
_Table = tuple[str, tuple[str, ...], str]


def _copy(table: str, columns: tuple[str, ...]) -> _Table:
    """A table the server holds with the terminal's own columns: copied as it is."""
    return (table, columns, f"SELECT {', '.join(columns)} FROM {table}")


_TABLES: list[_Table] = [
    _copy("members", MEMBER_COLUMNS),
    _copy(
        "ledger",
        ("entry_id", "member_no", "op_id", "kind", "delta", "lot_year", "spend_fen", "business_day", "created_at"),
    ),
    _copy("coupons", COUPON_COLUMNS),
    _copy("receipts", RECEIPT_COLUMNS),
    _copy("benefit_claims", ("id", *CLAIM_COLUMNS)),
    _copy("staff", ("staff_no", "name", "role", "pin_hash", "active", "updated_at")),
    _copy("documents", ("name", "version", "body", "loaded_at")),
    (
        "qr_keys",
        ("key_id", "public_hex", "added_at"),
        "SELECT key_id, public_hex, added_at FROM qr_keys WHERE status != 'revoked'",
    ),
    (
        # Applied operations of every desk (the terminal ignores its own: they are in its oplog). Moves are
        # left unknown here; a reversal's stock is then settled by the server's outcome.
        "remote_ops",
        ("op_id", "terminal_id", "kind", "member_no", "business_day", "moves", "reversed_by", "change_no"),
        "SELECT op_id, terminal_id, kind, effective_member, business_day, NULL, reversed_by, change_no FROM ops "
        "WHERE status = 'applied' AND business_day >= '{history_since}'",
    ),
    (
        "snapshot_stock",
        ("terminal_id", "item_code", "quantity"),
        "SELECT terminal_id, item_code, quantity FROM stock",
    ),
    (
        "snapshot_exceptions",
        (
            "id",
            "code",
            "op_id",
            "terminal_id",
            "member_no",
            "message",
            "detail",
            "status",
            "resolution",
            "resolved_by",
            "resolved_at",
            "opened_at",
        ),
        "SELECT id, code, op_id, terminal_id, member_no, message, detail, status, resolution, resolved_by, "
        "resolved_at, opened_at FROM exceptions",
    ),
]


def schema_statements() -> list[str]:
    """The terminal schema's statements (triggers hold semicolons, so split on complete statements)."""
    out, current = [], ""
    for line in SCHEMA.read_text(encoding="utf-8").splitlines():
        if line.startswith("--") and not current:
            continue
        current += line + "\n"
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return out


def build_snapshot_file(db: ServerDB, path: Path, history_since: str = "0000-00-00") -> dict[str, Any]:
    """Write the snapshot database to ``path`` from one consistent read; returns its change number and size.

    ``history_since`` (a business day) bounds the other desks' operations a terminal keeps (``remote_ops``).
    """
    path.unlink(missing_ok=True)
    out = sqlite3.connect(str(path), isolation_level=None)
    out.execute("PRAGMA journal_mode = OFF")
    out.execute("PRAGMA synchronous = OFF")
    out.execute("PRAGMA page_size = 8192")
    statements = schema_statements()
    tables = [s for s in statements if s.upper().startswith("CREATE TABLE")]
    later = [s for s in statements if not s.upper().startswith("CREATE TABLE")]
    out.execute("BEGIN")
    out.execute(
        'CREATE TABLE "_sqlite_migrations" (\n   "id" INTEGER PRIMARY KEY,\n   "migration_set" TEXT,\n'
        '   "name" TEXT,\n   "applied_at" TEXT\n)'
    )
    out.execute(
        'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name" ON "_sqlite_migrations" ("migration_set", "name")'
    )
    for statement in tables:
        out.execute(statement)
    out.execute("CREATE TABLE snapshot_stock (terminal_id TEXT, item_code TEXT, quantity INTEGER)")
    out.execute(
        "CREATE TABLE snapshot_exceptions (id INTEGER PRIMARY KEY, code TEXT, op_id TEXT, terminal_id TEXT, "
        "member_no TEXT, message TEXT, detail TEXT, status TEXT, resolution TEXT, resolved_by TEXT, "
        "resolved_at TEXT, opened_at TEXT)"
    )
    counts: dict[str, int] = {}
    with db.reader.connect() as conn:
        if not db.is_sqlite:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            # Everything below is read in this one transaction: the change number and the rows agree.
            change_no = conn.execute(text("SELECT value FROM counters WHERE name = 'change_no'")).scalar_one()
            for table, columns, query in _TABLES:
                insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
                query = query.replace("{history_since}", history_since)  # an ISO date we made, not input
                result = conn.execution_options(stream_results=True, yield_per=CHUNK).execute(text(query))
                n = 0
                for rows in result.partitions(CHUNK):
                    out.executemany(insert, [tuple(r) for r in rows])
                    n += len(rows)
                counts[table] = n
    for n, name in enumerate(TERMINAL_MIGRATIONS, start=1):
        out.execute(
            "INSERT INTO _sqlite_migrations (id, migration_set, name, applied_at) VALUES (?, 'memberdesk-terminal', ?, ?)",
            (n, name, "snapshot"),
        )
    out.execute("INSERT INTO settings (key, value) VALUES ('sync.cursor', ?)", (str(change_no),))
    for statement in later:
        out.execute(statement)
    out.execute("COMMIT")
    out.execute("PRAGMA journal_mode = DELETE")
    out.close()
    return {"change_no": int(change_no), "members": counts.get("members", 0)}


def build_snapshot(db: ServerDB, directory: Path, now: datetime) -> dict[str, Any]:
    """Build, compress (gzip) and register a snapshot; returns what the API announces for it."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%S%f")
    raw = directory / f"snapshot-{stamp}.sqlite3"
    info = build_snapshot_file(db, raw, (now.date() - timedelta(days=REMOTE_OPS_DAYS)).isoformat())
    packed = directory / f"snapshot-{stamp}-{info['change_no']}.sqlite3.gz"
    digest = hashlib.sha256()
    with raw.open("rb") as src, gzip.open(packed, "wb", compresslevel=1) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    raw.unlink()
    with packed.open("rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    size = packed.stat().st_size
    with db.write() as tx:
        tx.conn.execute(
            text(
                "INSERT INTO snapshots (change_no, file_name, sha256, size, members, created_at) "
                "VALUES (:c, :f, :s, :z, :m, :a)"
            ),
            {
                "c": info["change_no"],
                "f": packed.name,
                "s": digest.hexdigest(),
                "z": size,
                "m": info["members"],
                "a": to_utc_text(now),
            },
        )
    prune_snapshots(db, directory)
    return {**info, "sha256": digest.hexdigest(), "size": size, "file": str(packed)}


def prune_changes(db: ServerDB) -> tuple[int, int]:
    """Delete the change feed up to what no active terminal still needs; returns (floor, rows deleted).

    The floor is the lower of the newest snapshot's change number (a terminal behind it can bootstrap)
    and the oldest point any active terminal has pulled through, so no working terminal ever finds its
    cursor pruned; a decommissioned terminal holds pruning back until it is revoked. A pull from below
    the floor (a terminal registered afterwards, a revoked one restored) is answered 410
    ``bootstrap_required``.
    """
    with db.write() as tx:
        newest = tx.conn.execute(text("SELECT max(change_no) FROM snapshots")).scalar()
        behind = tx.conn.execute(text("SELECT min(pulled_through) FROM terminals WHERE status = 'active'")).scalar()
        floor = min(x for x in (newest, behind) if x is not None) if newest is not None else 0
        old = tx.conn.execute(text("SELECT value FROM counters WHERE name = 'changes_floor'")).scalar() or 0
        if floor <= old:
            return old, 0
        deleted = tx.conn.execute(text("DELETE FROM changes WHERE change_no <= :f"), {"f": floor}).rowcount
        if tx.conn.execute(text("SELECT count(*) FROM counters WHERE name = 'changes_floor'")).scalar():
            tx.conn.execute(text("UPDATE counters SET value = :f WHERE name = 'changes_floor'"), {"f": floor})
        else:
            tx.conn.execute(text("INSERT INTO counters (name, value) VALUES ('changes_floor', :f)"), {"f": floor})
    return floor, deleted


KEEP_SNAPSHOTS = 2  # the newest, and the one before it for a terminal still downloading it


def prune_snapshots(db: ServerDB, directory: Path, keep: int = KEEP_SNAPSHOTS) -> list[str]:
    """Delete all but the newest ``keep`` snapshots (rows and files); returns the file names deleted.

    A terminal still downloading a deleted one gets an error; its next bootstrap takes the newest.
    """
    with db.write() as tx:
        old = tx.conn.execute(text("SELECT id, file_name FROM snapshots ORDER BY id DESC")).all()[keep:]
        for row in old:
            tx.conn.execute(text("DELETE FROM snapshots WHERE id = :i"), {"i": row.id})
    for row in old:
        (Path(directory) / row.file_name).unlink(missing_ok=True)
    return [row.file_name for row in old]
