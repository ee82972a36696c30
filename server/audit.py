"""Anchoring terminals' audit chains on the server: a rewritten, truncated or reordered terminal log is detected.

At each sync a terminal sends the audit rows it has not anchored yet and a *ladder*: the chain hash it
computes (walking its whole chain from the genesis hash) at its head and at ids head-1, head-2, head-4, …,
1, plus any ids the server asks for. The server keeps every anchored row (``terminal_audit``, branch 0 =
the current chain). Because each hash covers the previous one, a terminal's chain agrees with the
anchored one up to some row and differs from there on, so comparing a few hashes narrows down the first
differing row; the server asks for more hashes (``probe``) until it knows it exactly.

- A differing row (edited, removed from the middle, or reordered) opens ``audit_tampered`` naming it.
- A chain that agrees with the anchored one up to some row and then stops or goes on differently is a
  **restore** when the terminal is in a newer epoch than at its last anchor (restored from a backup: its
  chain is a prefix of what was anchored, followed by rows written since; not tampering). In the same
  epoch it means rows were removed or rewritten (``audit_tampered``).
Either way the anchored rows from the divergence on are kept as evidence in a numbered branch
(``audit_branches``) and the terminal's chain continues as branch 0, so nothing is ever lost on the server.

Anchoring is idempotent: every request carries the terminal's request number (raised before each
request, kept in its store). A request numbered below the newest one processed in the same or a later
epoch is late or a duplicate: it is answered ``stale`` and compared with nothing, so a delayed copy of
an old, shorter chain never reads as rows removed. The same request processed twice finds its rows
anchored already and changes nothing.
The hash and the rule for a row that breaks the chain are ``membership.audit_chain``'s (``row_hash``,
``row_problem``), the very functions the terminal store writes and checks its chain with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from membership.audit_chain import GENESIS_HASH, HASHED_FIELDS, row_hash, row_problem
from membership.audit_chain import audit_hash as audit_hash  # re-exported: the very function the terminal writes with
from membership.i18n import QT_TRANSLATE_NOOP, Message

from .apply import open_exception
from .db import ServerDB, WriteTx

PROBES = 32  # hashes asked for per round: each round narrows the search by this factor
ROW_FIELDS = (*HASHED_FIELDS, "prev_hash", "hash")


@dataclass
class AnchorResult:
    status: str  # ok | probe | tampered | restored | stale
    anchored_through: int
    probe: list[int]
    exceptions: list[int]
    first_broken_id: int | None = None
    new_rows: list[dict[str, Any]] | None = None
    request_no: int = 0  # the newest request number processed for the terminal

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "anchored_through": self.anchored_through,
            "probe": self.probe,
            "exceptions": self.exceptions,
            "first_broken_id": self.first_broken_id,
            "request_no": self.request_no,
        }


def _msg(text_: str, **params: Any) -> Message:
    return Message("Server", text_, params)


def _stored(conn: Any, terminal_id: str, ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        params: dict[str, Any] = {f"i{n}": v for n, v in enumerate(chunk)}
        params["t"] = terminal_id
        for r in conn.execute(
            text(
                "SELECT id, hash FROM terminal_audit WHERE terminal_id = :t AND branch = 0 "
                f"AND id IN ({', '.join(f':i{n}' for n in range(len(chunk)))})"
            ),
            params,
        ):
            out[int(r[0])] = r[1]
    return out


def anchor(
    tx: WriteTx,
    terminal_id: str,
    epoch: int,
    head_id: int,
    ladder: dict[int, str],
    rows: list[dict[str, Any]],
    at: str,
    request_no: int | None = None,
) -> AnchorResult:
    """Compare a terminal's chain with what was anchored, record divergences, store new rows."""
    conn = tx.conn
    state = conn.execute(
        text("SELECT head_id, epoch, request_no FROM audit_anchors WHERE terminal_id = :t"), {"t": terminal_id}
    ).first()
    anchored_max = int(state.head_id) if state else 0
    anchored_epoch = int(state.epoch) if state else epoch
    last_request = int(state.request_no) if state else 0
    if request_no is not None and state is not None and (epoch, request_no) < (anchored_epoch, last_request):
        # Late or duplicated: what it says was true once and is already covered by a newer request.
        return AnchorResult("stale", anchored_max, [], [], request_no=last_request)
    if request_no is not None and epoch >= anchored_epoch:
        last_request = request_no if epoch > anchored_epoch else max(request_no, last_request)
    opened: list[int] = []

    # Which of the terminal's chain hashes agree with the anchored ones (ids above its head are unknown).
    points = {i: h for i, h in ladder.items() if 1 <= i <= min(head_id, anchored_max)}
    stored = _stored(conn, terminal_id, sorted(points))
    agree = sorted(i for i, h in points.items() if stored.get(i) == h)
    differ = sorted(i for i, h in points.items() if stored.get(i) is not None and stored[i] != h)
    result = AnchorResult("ok", anchored_max, [], opened)
    if differ:
        first_diff = differ[0]
        below = [i for i in agree if i < first_diff]
        lo = below[-1] if below else 0
        if first_diff > lo + 1:
            # Not exact yet: ask for hashes spread over (lo, first_diff).
            span = first_diff - lo - 1
            step = max(1, -(-span // PROBES))
            result.status = "probe"
            result.probe = sorted({min(first_diff - 1, lo + step * k) for k in range(1, PROBES + 1)} | {lo + 1})
            result.request_no = _note_request(conn, terminal_id, state, last_request)
            return result
        # A terminal restored from a backup continues in a new epoch: its chain agrees up to the backup and
        # goes on with rows written since. Anything else that differs was rewritten.
        restored = epoch > anchored_epoch
        reason = "restored" if restored else "changed"
        _supersede(tx, terminal_id, first_diff, anchored_max, reason, at)
        if not restored:
            opened.append(_tampered(tx, terminal_id, first_diff, reason, at))
        anchored_max = first_diff - 1
        result = AnchorResult(reason if restored else "tampered", anchored_max, [], opened)
        if not restored:
            result.first_broken_id = first_diff
    elif head_id < anchored_max:
        restored = epoch > anchored_epoch
        reason = "restored" if restored else "removed"
        _supersede(tx, terminal_id, head_id + 1, anchored_max, reason, at)
        if not restored:
            opened.append(_tampered(tx, terminal_id, head_id + 1, reason, at))
        result = AnchorResult("restored" if restored else "tampered", head_id, [], opened)
        if not restored:
            result.first_broken_id = head_id + 1
        anchored_max = head_id

    # New rows continue the anchored chain; they are checked as the terminal's own verifier would.
    new_rows = [r for r in rows if r["id"] > anchored_max]
    stored_rows: list[dict[str, Any]] = []
    if new_rows and new_rows[0]["id"] == anchored_max + 1:
        last = (
            conn.execute(
                text("SELECT hash, sent_hash FROM terminal_audit WHERE terminal_id = :t AND branch = 0 AND id = :i"),
                {"t": terminal_id, "i": anchored_max},
            ).first()
            if anchored_max
            else None
        )
        prev = last.hash if last else GENESIS_HASH
        raw_prev = last.sent_hash if last else GENESIS_HASH  # what the terminal's previous row carries
        expected_id = anchored_max + 1
        for row in new_rows:
            problem = row_problem(row, expected_id, raw_prev)  # as the terminal's own verifier judges it
            computed = row_hash(prev, row)
            raw_prev = row["hash"]
            if problem and not _open_for(conn, terminal_id, row["id"]):
                opened.append(_tampered(tx, terminal_id, row["id"], problem, at))
                result.first_broken_id = result.first_broken_id or row["id"]
                result.status = "tampered"
            # The server's copy is a valid chain over what the terminal holds: later rows still compare.
            stored_rows.append(
                {**{k: row[k] for k in ROW_FIELDS}, "prev_hash": prev, "hash": computed, "sent_hash": row["hash"]}
            )
            prev = computed
            expected_id = row["id"] + 1
        conn.execute(
            text(
                "INSERT INTO terminal_audit (terminal_id, branch, id, at, audit_terminal, staff_no, action, subject, "
                "op_id, detail, prev_hash, hash, sent_hash, anchored_at) VALUES (:t, 0, :id, :at, :terminal_id, "
                ":staff_no, :action, :subject, :op_id, :detail, :prev_hash, :hash, :sent_hash, :now)"
            ),
            [{**r, "t": terminal_id, "now": at} for r in stored_rows],
        )
        anchored_max = stored_rows[-1]["id"]
    result.anchored_through = anchored_max
    result.new_rows = stored_rows
    result.request_no = last_request
    params = {"t": terminal_id, "h": anchored_max, "e": max(epoch, anchored_epoch), "a": at, "r": last_request}
    if state is None:
        conn.execute(
            text(
                "INSERT INTO audit_anchors (terminal_id, head_id, epoch, anchored_at, request_no) "
                "VALUES (:t, :h, :e, :a, :r)"
            ),
            params,
        )
    else:
        conn.execute(
            text(
                "UPDATE audit_anchors SET head_id = :h, epoch = :e, anchored_at = :a, request_no = :r "
                "WHERE terminal_id = :t"
            ),
            params,
        )
    return result


def _note_request(conn: Any, terminal_id: str, state: Any, request_no: int) -> int:
    """A probe round still counts as the newest request (a late copy of an earlier one is then stale)."""
    if state is not None:
        conn.execute(
            text("UPDATE audit_anchors SET request_no = :r WHERE terminal_id = :t"), {"r": request_no, "t": terminal_id}
        )
    return request_no


def _open_for(conn: Any, terminal_id: str, row_id: int) -> bool:
    return any(
        json.loads(r[0]).get("first_broken_id") == row_id
        for r in conn.execute(
            text(
                "SELECT detail FROM exceptions WHERE code = 'audit_tampered' AND terminal_id = :t AND status = 'open'"
            ),
            {"t": terminal_id},
        )
    )


def _supersede(tx: WriteTx, terminal_id: str, first_id: int, last_id: int, reason: str, at: str) -> None:
    """Keep anchored rows from ``first_id`` on as evidence in a new branch; the terminal's chain goes on as branch 0."""
    conn = tx.conn
    branch = (
        conn.execute(
            text("SELECT coalesce(max(branch), 0) FROM audit_branches WHERE terminal_id = :t"), {"t": terminal_id}
        ).scalar_one()
        + 1
    )
    conn.execute(
        text("UPDATE terminal_audit SET branch = :b WHERE terminal_id = :t AND branch = 0 AND id >= :f"),
        {"b": branch, "t": terminal_id, "f": first_id},
    )
    conn.execute(
        text(
            "INSERT INTO audit_branches (terminal_id, branch, reason, first_id, last_id, detected_at) "
            "VALUES (:t, :b, :r, :f, :l, :a)"
        ),
        {"t": terminal_id, "b": branch, "r": reason, "f": first_id, "l": last_id, "a": at},
    )


REASONS = {
    "changed": QT_TRANSLATE_NOOP(
        "Server",
        "The audit log of {terminal} was rewritten: row {row} differs from what the terminal reported earlier. "
        "Find out who had access to the terminal; the server kept the original rows.",
    ),
    "removed": QT_TRANSLATE_NOOP(
        "Server",
        "Audit rows of {terminal} from row {row} on were deleted on the terminal. Find out who had access to "
        "the terminal; the server kept the original rows.",
    ),
    "missing": QT_TRANSLATE_NOOP(
        "Server",
        "The audit log of {terminal} has a gap or rows out of order before row {row}. Find out who had access "
        "to the terminal.",
    ),
    "link": QT_TRANSLATE_NOOP(
        "Server",
        "The audit log of {terminal} is broken at row {row} (its link to the previous row does not match). "
        "Find out who had access to the terminal.",
    ),
}


def _tampered(tx: WriteTx, terminal_id: str, row_id: int, reason: str, at: str) -> int:
    return open_exception(
        tx,
        "audit_tampered",
        _msg(REASONS[reason], terminal=terminal_id, row=row_id),
        at,
        terminal_id=terminal_id,
        detail={"first_broken_id": row_id, "reason": reason},
    )


# -- the verifier ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    ok: bool
    rows: int
    first_broken_id: int | None
    reason: str
    branches: list[dict[str, Any]]


def verify(db: ServerDB, terminal_id: str) -> Verdict:
    """Walk the anchored chain of a terminal and the divergences recorded; name the first broken row."""
    with db.read() as conn:
        rows = conn.execute(
            text(
                "SELECT id, at, audit_terminal AS terminal_id, staff_no, action, subject, op_id, detail, prev_hash, "
                "hash FROM terminal_audit WHERE terminal_id = :t AND branch = 0 ORDER BY id"
            ),
            {"t": terminal_id},
        ).mappings()
        prev, expected, count = GENESIS_HASH, 1, 0
        broken: tuple[int, str] | None = None
        for row in rows:
            problem = row_problem(row, expected, prev)
            if problem is not None:
                broken = (row["id"], "missing" if problem == "missing" else "changed")
                break
            prev, expected, count = row["hash"], row["id"] + 1, count + 1
        branches = [
            dict(r)
            for r in conn.execute(
                text(
                    "SELECT branch, reason, first_id, last_id, detected_at FROM audit_branches WHERE terminal_id = :t "
                    "ORDER BY branch"
                ),
                {"t": terminal_id},
            ).mappings()
        ]
    tampered = [b for b in branches if b["reason"] != "restored"]
    if broken is None and tampered:
        first = min(tampered, key=lambda b: b["first_id"])
        broken = (first["first_id"], first["reason"])
    return Verdict(broken is None, count, broken[0] if broken else None, broken[1] if broken else "", branches)
