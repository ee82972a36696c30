"""The terminal's local SQLite store: opening and checking it, transactions, and the reads decisions need."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3
from sqlite_utils import Database

from membership.audit_chain import GENESIS_HASH, audit_hash, row_problem
from membership.decisions import CouponRecord, MemberState, OriginalOperation, ReceiptRecord
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.ledger import LedgerLine
from membership.masterdata import MasterData, masterdata_from_dicts
from membership.operations import canonical_json
from membership.rules import Rules, rules_from_dict
from membership.state_reader import coupon_from_row, receipt_from_row
from membership.sync_rules import member_state_from_rows

from . import storekey
from .phonekeys import PhoneKeys
from .schema import migrations

APP_DIR_NAME = "MemberDesk"


class StoreError(Exception):
    """The store cannot be used as it is; ``message`` says what to do."""

    def __init__(self, text: str, /, **params: Any):
        self.message = Message("Store", text, params)
        super().__init__(str(self.message))


def default_data_dir() -> Path:
    """The platform's application-data directory (never a cache directory, which may be wiped)."""
    override = os.environ.get("MEMBERDESK_DATA")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_DIR_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "memberdesk"


def default_store_path() -> Path:
    return default_data_dir() / "terminal.sqlite3"


@dataclass(frozen=True)
class TerminalInfo:
    terminal_id: str
    terminal_code: int
    name: str
    epoch: int


class Store:
    """One terminal's database. All writes go through :meth:`transaction` (``BEGIN IMMEDIATE``)."""

    def __init__(self, path: Path | str, key: bytes | None = None):
        """Open (creating if need be) the encrypted store at ``path``.

        ``key`` is the SQLCipher key; by default it comes from the OS keyring (made on first use).
        """
        self.path = Path(path)
        self.key = key if key is not None else keyring_key(self.path)
        if self.path.exists() and storekey.is_plain_sqlite(self.path):
            with _creation_lock(self.path):
                if storekey.is_plain_sqlite(self.path):  # not done meanwhile by another process
                    encrypt_plain_file(self.path, self.key)
        self.conn = open_connection(self.path, self.key)
        self.db = Database(self.conn, execute_plugins=False)
        self._lock = threading.RLock()
        self.phone_keys = PhoneKeys(self.key)
        self.phone_keys.register_functions(self.conn)
        self._configure()
        self._migrate()
        self.phone_keys.install_triggers(self.conn)
        self._rules: Rules | None = None
        self._master: MasterData | None = None
        self._terminal: TerminalInfo | None = None
        self._data_version = self._read_data_version()
        # Audit rows of reads (look-ups) kept until the next write: they ride on the next transaction,
        # whoever makes it, and on close(), so none is lost (see defer_audit).
        self._deferred_audit: list[tuple[str, str, str, str, dict[str, Any] | None]] = []

    # -- opening -----------------------------------------------------------------------------------

    def _configure(self) -> None:
        conn = self.conn
        conn.execute("PRAGMA busy_timeout = 10000")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Pages are decrypted as they enter SQLite's cache; a 64 MB cache keeps the hot ones decrypted.
        conn.execute("PRAGMA cache_size = -65536")
        synchronous = conn.execute("PRAGMA synchronous").fetchone()[0]
        if mode.lower() != "wal" or synchronous != 2:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Store",
                    "The database at {path} cannot run in safe mode (WAL, synchronous=FULL); "
                    "check that the folder is on a local disk.",
                ),
                path=str(self.path),
            )

    def _migrate(self) -> None:
        known = {m.name for m in migrations._migrations}
        unknown = [m.name for m in migrations.applied(self.db) if m.name not in known]
        if unknown:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Store",
                    "This database was upgraded by a newer MemberDesk (migration {name}); "
                    "install that version or newer.",
                ),
                name=unknown[0],
            )
        if migrations.pending(self.db):
            # Two processes opening a store that needs migrating (a new store, or the first start after an
            # upgrade) take turns: the second finds nothing left to do.
            with _creation_lock(self.path):
                migrations.apply(self.db)

    def close(self) -> None:
        with self._lock:
            try:
                self.flush_deferred_audit()
            finally:
                self.conn.close()

    def _read_data_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backup_to(self, destination: Path) -> None:
        """A consistent copy of the store (WAL included), encrypted with the same key."""
        with self._lock:
            self.conn.execute("VACUUM INTO ?", (str(destination),))

    def integrity_check(self) -> str:
        with self._lock:
            return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    # -- transactions ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing unit of work. ``BEGIN IMMEDIATE`` takes the write lock up front, so a
        second writer waits instead of failing half-way through a read-then-write."""
        with self._lock:
            if self.conn.in_transaction:
                with self.db.atomic():  # nested: a savepoint
                    yield self.conn
                return
            self.conn.execute("BEGIN IMMEDIATE")
            written: list[tuple[str, str, str, str, dict[str, Any] | None]] = []
            try:
                version = self._read_data_version()
                if version != self._data_version:
                    # Another process committed since we last looked (a sync moved the epoch, a restore ...):
                    # the cached identity is read again, inside this transaction.
                    self._data_version = version
                    self._terminal = None
                written = self._write_deferred_audit(self.conn)
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                    self._deferred_audit = written + self._deferred_audit  # the next transaction writes them
                raise
            else:
                self.conn.execute("COMMIT")

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self.conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> sqlite3.Row | None:
        with self._lock:
            return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        row = self.query_one(sql, params)
        return None if row is None else row[0]

    # -- terminal identity, settings, counters ----------------------------------------------------

    def terminal(self) -> TerminalInfo:
        if self._terminal is None:
            row = self.query_one("SELECT terminal_id, terminal_code, name, epoch FROM terminal WHERE id = 1")
            if row is None:
                raise StoreError(QT_TRANSLATE_NOOP("Store", "This terminal is not set up yet; run “memberdesk init”."))
            self._terminal = TerminalInfo(row["terminal_id"], row["terminal_code"], row["name"], row["epoch"])
        return self._terminal

    def set_terminal(self, conn: sqlite3.Connection, terminal_id: str, code: int, name: str, now: str) -> None:
        conn.execute(
            "INSERT INTO terminal (id, terminal_id, terminal_code, name, epoch, created_at) VALUES (1, ?, ?, ?, 1, ?) "
            "ON CONFLICT (id) DO UPDATE SET terminal_id = excluded.terminal_id, "
            "terminal_code = excluded.terminal_code, name = excluded.name",
            (terminal_id, code, name, now),
        )
        self._terminal = None

    def setting(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return default if value is None else value

    def set_setting(self, conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def next_counter(self, conn: sqlite3.Connection, name: str) -> int:
        """The next value of a named per-terminal counter, inside the caller's transaction (so no gaps)."""
        conn.execute(
            "INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1",
            (name,),
        )
        return conn.execute("SELECT value FROM counters WHERE name = ?", (name,)).fetchone()[0]

    # -- rules and master data ---------------------------------------------------------------------

    def save_document(self, conn: sqlite3.Connection, name: str, version: str, body: str, now: str) -> None:
        conn.execute(
            "INSERT INTO documents (name, version, body, loaded_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET version = excluded.version, body = excluded.body, "
            "loaded_at = excluded.loaded_at",
            (name, version, body, now),
        )
        self._rules = None
        self._master = None

    def _document(self, name: str) -> dict[str, Any]:
        import tomllib

        body = self.scalar("SELECT body FROM documents WHERE name = ?", (name,))
        if body is None:
            raise StoreError(
                QT_TRANSLATE_NOOP("Store", "No {name} are loaded on this terminal; run “memberdesk init”."), name=name
            )
        return tomllib.loads(body)

    def rules(self) -> Rules:
        if self._rules is None:
            self._rules = rules_from_dict(self._document("rules"))
        return self._rules

    def master(self) -> MasterData:
        if self._master is None:
            self._master = masterdata_from_dicts(
                self._document("tenants"), self._document("catalogue"), self._document("coupons"), self.rules()
            )
        return self._master

    # -- audit chain -------------------------------------------------------------------------------

    def defer_audit(
        self, at: str, staff_no: str, action: str, subject: str = "", detail: dict[str, Any] | None = None
    ) -> None:
        """Audit a read (a look-up) without a write of its own: the row is written by the next transaction
        on this store, by :meth:`flush_deferred_audit` (the desk calls it every few seconds) or at
        :meth:`close` — whichever comes first. Reads stay fast; no row is lost on quit."""
        with self._lock:
            self._deferred_audit.append((at, staff_no, action, subject, detail))

    def flush_deferred_audit(self) -> int:
        with self._lock:
            if not self._deferred_audit:
                return 0
            count = len(self._deferred_audit)
            with self.transaction():
                pass  # the transaction writes them
            return count

    def _write_deferred_audit(self, conn: sqlite3.Connection) -> list[tuple[str, str, str, str, dict[str, Any] | None]]:
        pending, self._deferred_audit = self._deferred_audit, []
        try:
            for at, staff_no, action, subject, detail in pending:
                self.append_audit(conn, at, staff_no, action, subject, detail=detail)
        except BaseException:
            self._deferred_audit = pending + self._deferred_audit  # written by the next transaction instead
            raise
        return pending

    def append_audit(
        self,
        conn: sqlite3.Connection,
        at: str,
        staff_no: str,
        action: str,
        subject: str = "",
        op_id: str | None = None,
        detail: dict[str, Any] | None = None,
    ) -> int:
        last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        row_id = (last["id"] + 1) if last else 1
        prev_hash = last["hash"] if last else GENESIS_HASH
        terminal_id = self.terminal().terminal_id
        detail_json = canonical_json(detail or {})
        digest = audit_hash(prev_hash, row_id, at, terminal_id, staff_no, action, subject, op_id, detail_json)
        conn.execute(
            "INSERT INTO audit (id, at, terminal_id, staff_no, action, subject, op_id, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row_id, at, terminal_id, staff_no, action, subject, op_id, detail_json, prev_hash, digest),
        )
        return row_id

    def verify_audit_chain(self) -> AuditCheck:
        """Walk the audit chain; report the first row whose content or link does not match."""
        previous = GENESIS_HASH
        expected_id = 1
        count = 0
        with self._lock:
            cursor = self.conn.execute(
                "SELECT id, at, terminal_id, staff_no, action, subject, op_id, detail, prev_hash, hash "
                "FROM audit ORDER BY id"
            )
            for row in cursor:
                problem = row_problem(row, expected_id, previous)  # the rule the server's anchoring applies too
                if problem is not None:
                    return AuditCheck(False, count, row["id"], AUDIT_PROBLEMS[problem])
                previous = row["hash"]
                expected_id += 1
                count += 1
        return AuditCheck(True, count, None, "")

    # -- reads for decisions -----------------------------------------------------------------------

    def member_row(self, member_no: str) -> sqlite3.Row | None:
        return self.query_one("SELECT * FROM members WHERE member_no = ?", (member_no,))

    def member_by_phone(self, phone: str) -> sqlite3.Row | None:
        """The active member with this (normalized) phone number, found through its keyed hash."""
        return self.query_one(
            "SELECT * FROM members WHERE phone_hash = ? AND status = 'active'", (self.phone_keys.hash(phone),)
        )

    def full_phone(self, member_no: str) -> str | None:
        """The member's full number from its sealed copy (callers audit the reveal)."""
        sealed = self.scalar("SELECT phone_sealed FROM members WHERE member_no = ?", (member_no,))
        return None if sealed is None else self.phone_keys.unseal(sealed)

    def member_state(self, member_no: str, today: date, rules: Rules) -> MemberState | None:
        """The member's derived state as of business day ``today``, from one pass over their ledger."""
        with self._lock:
            row = self.conn.execute("SELECT * FROM members WHERE member_no = ?", (member_no,)).fetchone()
            if row is None:
                return None
            entries = self.conn.execute(
                "SELECT l.kind, l.delta, l.lot_year, l.spend_fen, l.business_day, o.online "
                "FROM ledger l LEFT JOIN oplog o ON o.op_id = l.op_id WHERE l.member_no = ?",
                (member_no,),
            ).fetchall()
            claims = self.conn.execute(
                "SELECT benefit, period FROM benefit_claims WHERE member_no = ? AND status = 'claimed'", (member_no,)
            ).fetchall()
            receipts_today = self.conn.execute(
                "SELECT count(*) FROM receipts WHERE member_no = ? AND business_day = ?", (member_no, today.isoformat())
            ).fetchone()[0]
        # One derivation for the terminal and the server: membership.sync_rules.
        return member_state_from_rows(
            row, entries, [(c["benefit"], c["period"]) for c in claims], receipts_today, today, rules
        )

    def receipt_record(self, tenant_code: str, receipt_no: str) -> ReceiptRecord | None:
        row = self.query_one(
            "SELECT * FROM receipts WHERE tenant_code = ? AND receipt_no = ?", (tenant_code, receipt_no)
        )
        return None if row is None else receipt_from_row(row)

    def coupon_record(self, code: str) -> CouponRecord | None:
        row = self.query_one("SELECT * FROM coupons WHERE code = ?", (code,))
        return None if row is None else coupon_from_row(row)

    def stock_level(self, item_code: str) -> int:
        return self.scalar("SELECT quantity FROM stock WHERE item_code = ?", (item_code,)) or 0

    def original_operation(self, op_id: str) -> OriginalOperation | None:
        with self._lock:
            op = self.conn.execute(
                "SELECT op_id, kind, member_no, reversed_by, NULL AS moves FROM oplog WHERE op_id = ?", (op_id,)
            ).fetchone()
            if op is None:  # another desk's, as pulled
                op = self.conn.execute(
                    "SELECT op_id, kind, member_no, reversed_by, moves FROM remote_ops WHERE op_id = ?", (op_id,)
                ).fetchone()
            if op is None:
                return None
            lines = self.conn.execute(
                "SELECT member_no, delta, kind, lot_year, spend_fen FROM ledger WHERE op_id = ? ORDER BY entry_id",
                (op_id,),
            ).fetchall()
            if op["moves"] is not None:  # another desk's moves; a reversal here returns the stock to this desk
                stock = [tuple(m) for m in json.loads(op["moves"])]
            else:
                stock = self.conn.execute(
                    "SELECT item_code, delta FROM stock_moves WHERE op_id = ?", (op_id,)
                ).fetchall()
            claims = self.conn.execute(
                "SELECT benefit, period FROM benefit_claims WHERE op_id = ? AND status = 'claimed'", (op_id,)
            ).fetchall()
            used = self.conn.execute("SELECT code FROM coupons WHERE used_op = ?", (op_id,)).fetchone()
            issued = self.conn.execute("SELECT code, status FROM coupons WHERE issued_op = ?", (op_id,)).fetchall()
        return OriginalOperation(
            op_id=op["op_id"],
            kind=op["kind"],
            member_no=op["member_no"],
            lines=tuple(LedgerLine(r[0], r[1], r[2], r[3], r[4]) for r in lines),
            stock=tuple((r[0], r[1]) for r in stock),
            claims=tuple((r[0], r[1]) for r in claims),
            coupon_used=used[0] if used else None,
            coupons_issued=tuple((r[0], r[1]) for r in issued),
            reversed_by=op["reversed_by"],
        )


# AuditCheck.reason for each way a row can break the chain (membership.audit_chain.row_problem).
AUDIT_PROBLEMS = {
    "missing": "a row is missing before this one",
    "link": "its link to the previous row is broken",
    "changed": "its content was changed",
}


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    rows_checked: int
    first_broken_id: int | None
    reason: str


@contextlib.contextmanager
def _creation_lock(path: Path) -> Iterator[None]:
    """:func:`storekey.creation_lock`, with a translated message if another program holds it too long."""
    lock = storekey.creation_lock(path)
    try:
        lock.__enter__()
    except TimeoutError:
        raise StoreError(
            QT_TRANSLATE_NOOP("Store", "The database at {path} is in use by another program; close it and try again."),
            path=str(path),
        ) from None
    try:
        yield
    finally:
        lock.__exit__(None, None, None)


def keyring_key(path: Path) -> bytes:
    """The store's key from the OS keyring; a new one for a store not created yet (or still plain).

    An encrypted store whose key is missing never gets a fresh key: that would orphan its data.
    """
    try:
        key = storekey.load_key(path)
        if key is None:
            with _creation_lock(path):
                key = storekey.load_key(path)  # made meanwhile by another process?
                if key is None:
                    if path.exists() and path.stat().st_size > 0 and not storekey.is_plain_sqlite(path):
                        raise StoreError(
                            QT_TRANSLATE_NOOP(
                                "Store",
                                "The key for the database at {path} is not in this computer's keyring. Restore it "
                                "with “memberdesk store-key import”, or ask IT to restore the keyring; nothing was "
                                "changed.",
                            ),
                            path=str(path),
                        )
                    key = storekey.new_key()
                    storekey.save_key(path, key)
    except storekey.BadKey:
        raise wrong_key(path) from None
    except storekey.KeyringUnavailable as exc:
        raise StoreError(
            QT_TRANSLATE_NOOP(
                "Store",
                "This computer has no keyring to keep the database key in ({detail}). Sign in to the desktop "
                "session (Windows: the terminal's user account) and start MemberDesk again.",
            ),
            detail=str(exc)[:120],
        ) from exc
    return key


def wrong_key(path: Path) -> StoreError:
    return StoreError(
        QT_TRANSLATE_NOOP(
            "Store",
            "The database at {path} cannot be opened with the key in this computer's keyring: the key "
            "is wrong or the file is not a MemberDesk database. Nothing was changed.",
        ),
        path=str(path),
    )


def open_connection(path: Path, key: bytes, *, check: bool = True) -> sqlite3.Connection:
    """A SQLCipher connection to ``path`` keyed with ``key``; a wrong key raises :class:`StoreError`."""
    conn = sqlite3.connect(str(path), timeout=10.0, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA cipher_log_level = NONE")  # failures are reported as StoreError, not on stderr
    conn.execute(storekey.pragma_key(key))
    if check:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise wrong_key(path) from exc
    return conn


def export_encrypted(conn: sqlite3.Connection, target: Path, key: bytes) -> None:
    """Write the plain database open on ``conn`` into a new file ``target`` encrypted with ``key``."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), f"x'{key.hex()}'"))
    conn.execute("SELECT sqlcipher_export('encrypted')")
    conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")  # not part of the export
    conn.execute("PRAGMA encrypted.journal_mode = WAL")
    conn.execute("DETACH DATABASE encrypted")


def encrypt_plain_file(path: Path, key: bytes) -> None:
    """Turn a store written before encryption came in into an encrypted one, in place and atomically.

    The old plain pages are not overwritten on disk, only unlinked: see docs/SECURITY.md.
    """
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    plain = sqlite3.connect(str(path), timeout=10.0)
    try:
        busy, _, _ = plain.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Store", "The database at {path} is in use by another program; close it and try again."
                ),
                path=str(path),
            )
        export_encrypted(plain, target, key)
    finally:
        plain.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.replace(target, path)  # the old plain file or the new encrypted one, never half of either
    if os.name == "posix":
        fd = os.open(str(path.parent), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def utc_now() -> datetime:
    """The terminal's clock, read in one place so tests and the back-entry work can pass their own."""
    from datetime import UTC

    return datetime.now(UTC)
