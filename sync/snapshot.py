"""Bootstrapping a terminal from the server's snapshot: download (resumable), verify, swap in atomically.

The snapshot is a complete store in the terminal's schema as of one change number. This terminal's own
identity, token, signing key, operation log, audit chain and counters are carried over from the store
being replaced; then the new file replaces the old one with an atomic rename, and a pull continues
from the snapshot's change number.
"""

from __future__ import annotations

import gzip
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite3

from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.timeutil import to_utc_text

from . import storekey
from .client import ProtocolError, ServerClient
from .phonekeys import PhoneKeys, convert_plain_rows
from .store import encrypt_plain_file, export_encrypted, keyring_key, open_connection
from .sync_keys import CURSOR, SERVER_URL, TOKEN

CTX = "Sync"
# Tables that belong to this terminal, not to the mall: they come from the store being replaced.
CARRIED = ("terminal", "counters", "oplog", "audit", "stock_moves", "sync_wire", "sync_reconciled")


@dataclass(frozen=True)
class BootstrapReport:
    change_no: int
    members: int
    download_s: float
    verify_s: float
    swap_s: float


def bootstrap(
    store_path: Path,
    client: ServerClient | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BootstrapReport:
    """Replace the (closed) store at ``store_path`` with the server's latest snapshot plus this terminal's own data.

    The store must not have operations whose outcome is still unknown: push and pull first.
    """
    store_path = Path(store_path)
    key = keyring_key(store_path)
    if store_path.exists() and storekey.is_plain_sqlite(store_path):
        encrypt_plain_file(store_path, key)  # a store from before encryption, not opened since the upgrade
    old = open_connection(store_path, key) if store_path.exists() else None
    try:
        if old is not None:
            _check_old(old)
            if client is None:
                url = old.execute("SELECT value FROM settings WHERE key = ?", (SERVER_URL,)).fetchone()
                token = old.execute("SELECT value FROM settings WHERE key = ?", (TOKEN,)).fetchone()
                client = ServerClient(url[0], token[0]) if url and token else None
        if client is None:
            raise ProtocolError(
                Message(CTX, QT_TRANSLATE_NOOP("Sync", "This terminal is not registered with a server yet.")),
                "not_registered",
            )
        started = time.perf_counter()
        info = client.snapshot_info()
        packed = store_path.parent / f"snapshot-{info['id']}.sqlite3.gz"
        client.download(info["url"], packed, int(info["size"]), info["sha256"], progress)
        downloaded = time.perf_counter()
        # The snapshot arrives as a plain SQLite file (TLS protects it on the wire); it is on disk in
        # clear only until it has been exported into the encrypted store below, then deleted.
        fresh = store_path.parent / (store_path.name + ".bootstrap")
        encrypted = store_path.parent / (store_path.name + ".bootstrap-encrypted")
        fresh.unlink(missing_ok=True)
        encrypted.unlink(missing_ok=True)
        with gzip.open(packed, "rb") as src, fresh.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 22)
        conn = sqlite3.connect(str(fresh), isolation_level=None)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise ProtocolError(
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP("Sync", "The snapshot failed its integrity check ({problem})."),
                        {"problem": verdict[:80]},
                    ),
                    "integrity",
                )
            verified = time.perf_counter()
            members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
            if old is not None:
                old.close()
                old = None
                _carry_over(conn, store_path, key)
            convert_plain_rows(conn, PhoneKeys(key))  # full numbers → keyed hash, sealed copy, mask
            export_encrypted(conn, encrypted, key)
        finally:
            conn.close()
            fresh.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(str(store_path) + suffix).unlink(missing_ok=True)
        os.replace(encrypted, store_path)  # atomic: the old store or the new one, never half of either
        _fsync_dir(store_path.parent)
        packed.unlink(missing_ok=True)
        done = time.perf_counter()
        return BootstrapReport(
            int(info["change_no"]), members, downloaded - started, verified - downloaded, done - verified
        )
    finally:
        if old is not None:
            old.close()


def _check_old(old: sqlite3.Connection) -> None:
    unknown = old.execute(
        "SELECT count(*) FROM oplog WHERE op_id NOT IN (SELECT op_id FROM sync_reconciled)"
    ).fetchone()[0]
    if unknown:
        raise ProtocolError(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Sync", "{count} operations of this terminal are not confirmed by the server yet; sync first."
                ),
                {"count": unknown},
            ),
            "unsynced",
        )


def _carry_over(conn: sqlite3.Connection, store_path: Path, key: bytes) -> None:
    conn.execute("ATTACH DATABASE ? AS old KEY ?", (str(store_path), f"x'{key.hex()}'"))
    conn.execute("BEGIN")
    for table in CARRIED:
        conn.execute(f"DELETE FROM main.{table}")
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM old.{table}")
    # Settings of this terminal (server address, token …) but the cursor the snapshot was built at.
    conn.execute("INSERT OR IGNORE INTO main.settings SELECT * FROM old.settings WHERE key != ?", (CURSOR,))
    # Staff set up only on this terminal keep working; the server's staff records win where both exist.
    conn.execute("INSERT OR IGNORE INTO main.staff SELECT * FROM old.staff")
    # The signing key stays with the terminal that owns it.
    conn.execute("INSERT OR REPLACE INTO main.qr_keys SELECT * FROM old.qr_keys WHERE private_hex IS NOT NULL")
    terminal_id = conn.execute("SELECT terminal_id FROM main.terminal WHERE id = 1").fetchone()
    if terminal_id is not None:
        # This desk's stock as of the snapshot; a desk registered after the snapshot keeps its own.
        conn.execute("DELETE FROM main.stock")
        conn.execute(
            "INSERT INTO main.stock (item_code, quantity) SELECT item_code, quantity FROM main.snapshot_stock "
            "WHERE terminal_id = ?",
            terminal_id,
        )
        if conn.execute("SELECT count(*) FROM main.stock").fetchone()[0] == 0:
            conn.execute("INSERT INTO main.stock SELECT * FROM old.stock")
        conn.execute(
            "INSERT INTO main.sync_exceptions (id, code, op_id, member_no, message, detail, status, resolution, "
            "resolved_by, resolved_at, opened_at, change_no) SELECT id, code, op_id, member_no, message, detail, "
            "status, resolution, resolved_by, resolved_at, opened_at, 0 FROM main.snapshot_exceptions "
            "WHERE terminal_id = ?",
            terminal_id,
        )
    conn.execute("DROP TABLE main.snapshot_stock")
    conn.execute("DROP TABLE main.snapshot_exceptions")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE old")


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(str(directory), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- restoring a backup ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RestoreReport:
    terminal_id: str
    epoch: int  # the new epoch operations continue in
    operations: int  # in the backup's log
    set_aside: Path  # where the replaced store (with its -wal/-shm) was moved


class RestoreError(Exception):
    def __init__(self, text: str, /, **params: object):
        self.message = Message(CTX, text, dict(params))
        super().__init__(str(self.message))


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":
        fd = os.open(str(path), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def restore_backup(store_path: Path, backup: Path, now: datetime | None = None) -> RestoreReport:
    """Install ``backup`` as the terminal's store and start a new epoch (the app must be closed).

    1. The backup is checked first, nothing changes if it fails: it opens with this store's key,
       ``PRAGMA integrity_check`` is ok, it is a set-up terminal store of a known schema, and it belongs
       to the same terminal as the store it replaces (when that one can still be read).
    2. The old store is moved aside **with its -wal and -shm** (``<store>.before-restore-<time>``): a
       WAL left by a crash is never replayed onto the backup (it belongs to the old file).
    3. The backup is copied to ``<store>.restoring``, fsynced and renamed over the store path.
    4. The store is opened (migrations run if the backup is older) and a new epoch starts, above every
       epoch the old store or the backup used, so operations made from now on cannot collide with ones
       the server already has; the operations the backup lacks come back through the pull.
    """
    from .outbox import Outbox
    from .store import Store, StoreError, utc_now

    store_path, backup = Path(store_path), Path(backup)
    now = now or utc_now()
    if not backup.is_file():
        raise RestoreError(QT_TRANSLATE_NOOP("Sync", "There is no backup file at {path}."), path=str(backup))
    key = keyring_key(store_path)
    try:
        conn = open_connection(backup, key)
    except StoreError as exc:
        raise RestoreError(
            QT_TRANSLATE_NOOP(
                "Sync",
                "The backup {path} cannot be opened with this terminal's key (made on another computer, or not "
                "a MemberDesk backup). Nothing was changed.",
            ),
            path=str(backup),
        ) from exc
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        identity = conn.execute("SELECT terminal_id, epoch FROM terminal WHERE id = 1").fetchone()
        backup_ops = conn.execute("SELECT count(*), coalesce(max(epoch), 0) FROM oplog").fetchone()
    except sqlite3.DatabaseError:
        ok, identity, backup_ops = "unreadable", None, None
    finally:
        conn.close()
    if ok != "ok" or identity is None or backup_ops is None:
        raise RestoreError(
            QT_TRANSLATE_NOOP(
                "Sync", "The backup {path} is damaged or not a terminal store ({detail}); nothing was changed."
            ),
            path=str(backup),
            detail=str(ok)[:80],
        )
    old_epoch = 0
    if store_path.exists():
        try:
            # Read-only: a read-write connection would checkpoint the crashed store's WAL into it on
            # close; the old store is set aside exactly as it was found.
            old = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True, timeout=10.0)
            old.execute(storekey.pragma_key(key))
            try:
                row = old.execute("SELECT terminal_id, epoch FROM terminal WHERE id = 1").fetchone()
                top = old.execute("SELECT coalesce(max(epoch), 0) FROM oplog").fetchone()[0]
            finally:
                old.close()
        except (StoreError, sqlite3.DatabaseError):
            row, top = None, 0  # a damaged store is what a restore is for
        if row is not None:
            if row[0] != identity[0]:
                raise RestoreError(
                    QT_TRANSLATE_NOOP(
                        "Sync",
                        "The backup is of terminal {backup}, this store is terminal {store}; nothing was changed.",
                    ),
                    backup=identity[0],
                    store=row[0],
                )
            old_epoch = max(int(row[1]), int(top or 0))
    stamp = now.strftime("%Y%m%dT%H%M%S")
    aside = store_path.with_name(f"{store_path.name}.before-restore-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(store_path) + suffix)
        if source.exists():
            os.replace(source, Path(str(aside) + suffix))
    staging = store_path.with_name(store_path.name + ".restoring")
    shutil.copyfile(backup, staging)
    with staging.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(staging, store_path)
    _fsync_dir(store_path.parent)
    store = Store(store_path, key)
    try:
        epoch = Outbox(store).start_new_epoch([old_epoch], now)
        with store.transaction() as conn:
            store.append_audit(
                conn,
                to_utc_text(now),
                "SYSTEM",
                "store_restored",
                backup.name,
                detail={"epoch": epoch, "set_aside": aside.name},
            )
        terminal_id = store.terminal().terminal_id
    finally:
        store.close()
    return RestoreReport(terminal_id, epoch, int(backup_ops[0]), aside)
