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
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite3

from membership.i18n import QT_TRANSLATE_NOOP, Message

from . import storekey
from .client import ProtocolError, ServerClient
from .phonekeys import PhoneKeys, convert_plain_rows
from .replication import CURSOR, SERVER_URL, TOKEN
from .store import encrypt_plain_file, export_encrypted, keyring_key, open_connection

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
