"""The terminal store's encryption key: random, kept in the operating system's keyring, never on disk.

The store is a SQLCipher database (AES-256 pages with an HMAC each). Its 256-bit key is made with
``os.urandom`` when the store is created and kept in the OS keyring (Windows Credential Manager, the
macOS Keychain, or the Secret Service on Linux: GNOME Keyring / KWallet) under the service
``MemberDesk terminal store`` and the store file's absolute path. Two further keys are derived from it
with HKDF: one for the keyed hash that phone look-ups go through, one that seals the full phone number
for the audited reveal (see :mod:`sync.phonekeys`).

A key that is missing or wrong never leads to a new empty store: opening fails with a message that
says what to do (restore the key with ``memberdesk store-key import``, or restore the keyring).
"""

from __future__ import annotations

import binascii
import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock

from membership.i18n import QT_TRANSLATE_NOOP

SERVICE = "MemberDesk terminal store"
KEY_BYTES = 32
CTX = "Store"


class BadKey(Exception):
    """The keyring holds something for this store that is not a 32-byte key."""


class KeyringUnavailable(Exception):
    """No usable keyring on this computer (a ``StoreError`` is raised from it by the store)."""


def _keyring():  # type: ignore[no-untyped-def]
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or (type(backend).__name__ == "ChainerBackend" and not backend.backends):
        raise KeyringUnavailable(type(backend).__name__)
    return keyring


def key_name(path: Path | str) -> str:
    """The keyring entry's user name: the store file's absolute path (one key per store file)."""
    return str(Path(path).resolve())


def load_key(path: Path | str) -> bytes | None:
    """The store's key from the keyring, or ``None`` when the keyring holds none for this file."""
    import keyring.errors

    try:
        text = _keyring().get_password(SERVICE, key_name(path))
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc
    if text is None:
        return None
    try:
        return parse_key(text)
    except ValueError as exc:  # present but not a key: never used (an empty key would be a known one)
        raise BadKey(key_name(path)) from exc


def save_key(path: Path | str, key: bytes) -> None:
    import keyring.errors

    try:
        _keyring().set_password(SERVICE, key_name(path), key.hex())
    except keyring.errors.KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc


def delete_key(path: Path | str) -> None:
    import keyring.errors

    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        _keyring().delete_password(SERVICE, key_name(path))


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def parse_key(text: str) -> bytes:
    """A key as ``memberdesk store-key export`` prints it (64 hex digits, spaces allowed)."""
    cleaned = "".join(text.split()).lower()
    if len(cleaned) != KEY_BYTES * 2 or any(c not in "0123456789abcdef" for c in cleaned):
        raise ValueError(QT_TRANSLATE_NOOP("Store", "A store key is 64 hexadecimal digits."))
    return binascii.unhexlify(cleaned)


def pragma_key(key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw key (no passphrase derivation: the key is already random)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def is_plain_sqlite(path: Path) -> bool:
    """True for an unencrypted SQLite file (a store written before encryption came in)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


@contextlib.contextmanager
def creation_lock(path: Path | str, timeout_s: float = 30.0) -> Iterator[None]:
    """One process at a time makes a store's key or encrypts a plain store (a lock file beside it).

    Without it, two processes creating the same new store at once could each save a key, and the file
    would end up encrypted with the one the keyring no longer holds. The lock is the operating system's
    (``filelock``: ``flock`` on Unix, ``LockFileEx`` on Windows), so a holder that crashes or is killed
    releases it with its last file handle; nothing has to guess that a lock is stale. Raises
    ``TimeoutError`` (``filelock.Timeout``) when another process holds it longer than ``timeout_s``.
    """
    lock_path = Path(str(path) + ".keylock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    # thread_local=False: the hold belongs to the process, whichever thread releases it.
    lock = FileLock(lock_path, timeout=timeout_s, thread_local=False)
    with lock:
        try:
            yield
        finally:
            # The file is removed while still held, so no ``.keylock`` is left beside the store. That is safe:
            # a waiter that opened the old file and locks it after this release sees it unlinked
            # (filelock checks ``st_nlink``) and tries again on the path, and on Windows filelock removes it
            # itself after release.
            if os.name != "nt":
                lock_path.unlink(missing_ok=True)
