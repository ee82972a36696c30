"""The audit chain's hash: one definition for the terminal that writes the chain and the server that checks it."""

from __future__ import annotations

import hashlib
import json

GENESIS_HASH = "0" * 64


def audit_hash(
    prev_hash: str,
    row_id: int,
    at: str,
    terminal_id: str,
    staff_no: str,
    action: str,
    subject: str,
    op_id: str | None,
    detail_json: str,
) -> str:
    """SHA-256 over the previous row's hash and this row's content."""
    content = json.dumps(
        [row_id, at, terminal_id, staff_no, action, subject, op_id, detail_json],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()
