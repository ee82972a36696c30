"""Phone numbers on the terminal: found through a keyed hash, shown masked, revealed from a sealed copy.

The members table never holds a full phone number. For each member it keeps

- ``phone``: the masked form shown on screen and paper (``138****5678``);
- ``phone_hash``: keyed BLAKE2b (a MAC) of the number under a key derived from the store key, 16 bytes,
  the only thing a phone look-up (or the one-active-member-per-phone rule) searches;
- ``phone_sealed``: the number encrypted with AES-256-GCM under a second derived key, opened only by
  the audited reveal.

Writers do not need to know: temporary triggers on the store's connection turn any full number written
to ``members.phone`` (by an enrollment, a profile edit, a pulled row, the demo or an import) into the
three columns in the same statement. The server keeps full numbers (it is the system of record); its
snapshot's rows are converted by :func:`convert_plain_rows` before the snapshot becomes the store.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from membership.validation import mask_phone

HASH_BYTES = 16
# membership.validation.mask_phone in SQL, for the 11-digit numbers normalize_phone makes (one Python call
# less per row); anything else goes through md_phone_mask.
_SQL_MASK = (
    "CASE WHEN length({column}) = 11 AND {column} NOT GLOB '*[^0-9]*' "
    "THEN substr({column}, 1, 3) || '****' || substr({column}, 8) ELSE md_phone_mask({column}) END"
)
_NONCE = 12
_AAD = b"memberdesk phone v1"


def _derive(store_key: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"memberdesk " + purpose).derive(store_key)


class PhoneKeys:
    """The two keys derived from a store key, and what they do."""

    def __init__(self, store_key: bytes):
        self._hash_key = _derive(store_key, b"phone-hash v1")
        self._aead = AESGCM(_derive(store_key, b"phone-seal v1"))
        # Nonces: a random 4-byte prefix per opening and a counter, never repeated under one key (a
        # bootstrap seals a million numbers; one urandom call each would cost more than the cipher).
        self._prefix = os.urandom(4)
        self._counter = itertools.count(int.from_bytes(os.urandom(4), "big") << 32)

    def hash(self, phone: str) -> bytes:
        return hashlib.blake2b(phone.encode(), key=self._hash_key, digest_size=HASH_BYTES).digest()

    def seal(self, phone: str) -> bytes:
        nonce = self._prefix + (next(self._counter) & (2**64 - 1)).to_bytes(8, "big")
        return nonce + self._aead.encrypt(nonce, phone.encode(), _AAD)

    def unseal(self, sealed: bytes) -> str:
        return self._aead.decrypt(sealed[:_NONCE], sealed[_NONCE:], _AAD).decode()

    def register_functions(self, conn: Any) -> None:
        """The SQL functions ``md_phone_hash``, ``md_phone_seal`` and ``md_phone_mask`` on one connection."""
        conn.create_function("md_phone_hash", 1, self.hash, deterministic=True)
        conn.create_function("md_phone_seal", 1, self.seal)
        conn.create_function("md_phone_mask", 1, mask_phone, deterministic=True)

    def install_triggers(self, conn: Any) -> None:
        """Temporary triggers converting any full number written to ``members.phone`` (temporary, so the
        schema the server builds snapshots from stays free of them and of our functions)."""
        convert = (
            "UPDATE main.members SET phone_hash = md_phone_hash(NEW.phone), "
            f"phone_sealed = md_phone_seal(NEW.phone), phone = {_SQL_MASK.format(column='NEW.phone')} "
            "WHERE member_no = NEW.member_no;"
        )
        for name, event in (("insert", "INSERT"), ("update", "UPDATE OF phone")):
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS members_phone_{name} AFTER {event} ON main.members "
                f"WHEN instr(NEW.phone, '*') = 0 BEGIN {convert} END"
            )


# Rows written without the triggers: a store from before m004, or a snapshot from the server.
CONVERT_PLAIN_ROWS = (
    "UPDATE members SET phone_hash = md_phone_hash(phone), phone_sealed = md_phone_seal(phone), "
    f"phone = {_SQL_MASK.format(column='phone')} WHERE instr(phone, '*') = 0"
)


def convert_plain_rows(conn: Any, keys: PhoneKeys) -> int:
    """Convert a snapshot's full numbers before it becomes the store; returns how many rows.

    The unique index is dropped for the update and built again after (twice as fast on a million rows).
    """
    keys.register_functions(conn)
    index = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'members_phone_hash'"
    ).fetchone()
    if index is not None:
        conn.execute("DROP INDEX members_phone_hash")
    count = conn.execute(CONVERT_PLAIN_ROWS).rowcount
    if index is not None:
        conn.execute(index[0])
    return count
