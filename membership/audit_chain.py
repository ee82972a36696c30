"""The audit chain's hash: one definition for the terminal that writes the chain and the server that checks it.

:func:`audit_hash` is the hash itself; :func:`row_hash` reads its fields from a row by the audit table's
column names (the terminal's ``audit`` and the server's ``terminal_audit`` share them); :func:`row_problem`
is the one rule for whether a row follows its predecessor in the chain, which the terminal's own verifier,
the server's anchoring and the server's verifier all apply.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Literal

GENESIS_HASH = "0" * 64

# The columns the hash covers, in the order it covers them (after the previous row's hash).
HASHED_FIELDS = ("id", "at", "terminal_id", "staff_no", "action", "subject", "op_id", "detail")

# What can be wrong with a row: not the next id (a gap or rows out of order), a ``prev_hash`` that is not
# the previous row's hash, or a ``hash`` that does not cover the row's content.
RowProblem = Literal["missing", "link", "changed"]


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


def row_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    """:func:`audit_hash` of an audit row read by column name (``detail`` is the row's canonical JSON text)."""
    return audit_hash(prev_hash, *(row[name] for name in HASHED_FIELDS))


def row_problem(row: Mapping[str, Any], expected_id: int, prev_hash: str) -> RowProblem | None:
    """What breaks the chain at ``row``, which should have id ``expected_id`` and follow ``prev_hash``; None if nothing."""
    if row["id"] != expected_id:
        return "missing"
    if row["prev_hash"] != prev_hash:
        return "link"
    if row_hash(prev_hash, row) != row["hash"]:
        return "changed"
    return None
