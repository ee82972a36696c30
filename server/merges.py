"""What only the server decides across desks: a phone enrolled twice (merged into the first member), a paper
slip keyed in twice, a profile field changed at two desks at once."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.operations import canonical_json
from membership.rules import Rules
from membership.sync_rules import REJECTED, merge_lines
from membership.write_plan import LedgerRow

from .db import WriteTx
from .envelopes import Envelope, Reject, TerminalRef, msg
from .executor import insert_ledger, insert_member
from .feed import record


def merge_enrollment(
    tx: WriteTx, terminal: TerminalRef, op: Envelope, p: dict[str, Any], primary: str, at: str, day: str, rules: Rules
) -> dict[str, Any]:
    """A phone enrolled again at another desk: the later member becomes an alias of the first."""
    conn = tx.conn
    alias = p["member_no"]
    insert_member(
        conn,
        {
            "member_no": alias,
            **{k: p[k] for k in ("name", "phone", "birthday", "gender", "channel", "referrer_no")},
            "tier": rules.tiers[0].code,
            "tier_since": day,
            "enrolled_at": at,
            "enrolled_day": day,
            "privacy_consent": canonical_json(p["privacy_consent"]),
            "marketing_consent": canonical_json(p["marketing_consent"]),
            "status": "alias",
            "alias_of": primary,
            "updated_at": at,
        },
    )
    # Anything already booked on the alias moves to the first member, kind by kind, day by day.
    entries = conn.execute(
        text("SELECT kind, delta, lot_year, spend_fen, business_day FROM ledger WHERE member_no = :m"), {"m": alias}
    ).all()
    moved = [
        (LedgerRow(line.member_no, line.kind, line.delta, line.lot_year, line.spend_fen), line_day)
        for line, line_day in merge_lines(alias, primary, [tuple(r) for r in entries])
    ]
    insert_ledger(conn, op.op_id, moved, at)
    lines = [[x.member_no, x.kind, x.delta, x.lot_year, x.spend_fen, line_day] for x, line_day in moved]
    message = msg(
        QT_TRANSLATE_NOOP(
            "Server",
            "Member {alias} has the same mobile number as member {primary}, who enrolled first; it was merged "
            "into {primary}. Review the merge.",
        ),
        alias=alias,
        primary=primary,
    )
    return record(
        tx,
        terminal,
        op,
        primary,
        at,
        REJECTED,
        "phone_enrolled",
        message,
        exception=True,
        payload=p,
        member_for_exception=primary,
        effects={"lines": lines, "moves": [], "claims": [], "business_day": day},
        touched={f"member:{alias}", f"member:{primary}"},
        detail={"alias": alias, "primary": primary, "review": "merge"},
    )


class Merge(Exception):
    def __init__(self, primary: str):
        super().__init__(primary)
        self.primary = primary


def claim_slip(conn: Any, serial: str, op_id: str, at: str) -> None:
    """A paper-slip serial can be keyed in once in the whole mall."""
    if conn.execute(text("SELECT 1 FROM slips WHERE serial = :s"), {"s": serial}).first() is not None:
        raise Reject(
            "slip_already_keyed",
            msg(QT_TRANSLATE_NOOP("Server", "Paper slip {serial} was already keyed in."), serial=serial),
            serial=serial,
        )
    conn.execute(
        text("INSERT INTO slips (serial, op_id, keyed_at) VALUES (:s, :o, :a)"), {"s": serial, "o": op_id, "a": at}
    )


def profile_clashes(
    tx: WriteTx, terminal: TerminalRef, op: Envelope, member_no: str, changes: dict[str, Any]
) -> list[tuple[str, Message, dict[str, Any]]]:
    """Name or phone changed at two desks before either saw the other's change: a person decides."""
    out = []
    for field in ("name", "phone"):
        if field not in changes:
            continue
        prior = tx.conn.execute(
            text("SELECT terminal_id, op_id, change_no FROM profile_edits WHERE member_no = :m AND field = :f"),
            {"m": member_no, "f": field},
        ).first()
        if (
            prior is not None
            and prior.terminal_id != terminal.terminal_id
            and prior.change_no > terminal.pulled_through
        ):
            out.append(
                (
                    "profile_clash",
                    msg(
                        QT_TRANSLATE_NOOP(
                            "Server",
                            "The {field} of member {member_no} was changed at two desks at once; the later change "
                            "was kept. Check which is right.",
                        ),
                        field=field,
                        member_no=member_no,
                    ),
                    {"field": field, "other_op": prior.op_id},
                )
            )
        tx.conn.execute(
            text("DELETE FROM profile_edits WHERE member_no = :m AND field = :f"), {"m": member_no, "f": field}
        )
        tx.conn.execute(
            text(
                "INSERT INTO profile_edits (member_no, field, terminal_id, op_id, local_time, change_no) "
                "VALUES (:m, :f, :t, :o, :l, :c)"
            ),
            {
                "m": member_no,
                "f": field,
                "t": terminal.terminal_id,
                "o": op.op_id,
                "l": op.local_time,
                "c": tx.next_no + 1,
            },
        )
    return out
