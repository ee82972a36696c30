"""Writing one operation: validate, decide (membership.dispatch), execute the write plan, log, receipt, audit —
all in one transaction, or nothing."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

from membership import codes, dispatch
from membership import ledger as ledger_math
from membership import operations as ops
from membership.decisions import Context, Decision
from membership.timeutil import to_utc_text
from membership.write_plan import plan_writes

from .executor import execute
from .reader import StoreReader
from .receipts import ReceiptBuilder
from .records import ActionResult, DuplicatePhone, Session


class OperationWriter(ReceiptBuilder):
    """Performs one operation: validate, decide, write its plan, log it, build its receipt, audit it."""

    def _allocate_coupon(self, conn: sqlite3.Connection, definition: str) -> str:
        seq = self.store.next_counter(conn, "coupon_seq")
        return codes.make_coupon_code(definition, codes.coupon_serial(self.store.terminal().terminal_code, seq))

    def _perform(
        self,
        session: Session,
        kind: str,
        payload: dict[str, Any],
        prepare: Callable[[sqlite3.Connection, Context, dict[str, Any]], dict[str, Any]] | None = None,
        now: datetime | None = None,
        prevalidated: bool = False,
    ) -> ActionResult:
        """Validate, decide (``membership.dispatch``) and write one operation in a single transaction; a
        refusal writes nothing. ``prepare`` fills in what this desk allocates inside the transaction (a
        member number, a coupon code) before the decision."""
        self._authorize(session, kind)
        # Read once: the payload and the decision must agree. A paper slip records what happened offline.
        online = bool(self.online()) and not payload.get("slip_serial")
        if kind in (ops.REDEEM_GIFT, ops.REDEEM_CASH_OFFSET, ops.DONATE_POINTS):
            payload = {**payload, "online": online}
        if not prevalidated:
            payload = ops.validate_payload(kind, payload)
        store = self.store
        rules, master = store.rules(), store.master()
        now = now or self.clock()
        ctx = Context(rules, master, now, online)
        with store.transaction() as conn:
            terminal = store.terminal()  # inside: a sync in another process may have moved the epoch
            if prepare is not None:
                payload = prepare(conn, ctx, payload)
            decision = dispatch.decide(kind, payload, ctx, StoreReader(store), at_desk=True).decision
            member_no = decision.member_no
            before_state = store.member_state(member_no, ctx.today, rules) if member_no else None
            points_before = ledger_math.available(before_state.lots, ctx.today, rules) if before_state else 0
            op_id = codes.uuid7(int(now.timestamp() * 1000), os.urandom(10))
            seq = (
                conn.execute("SELECT coalesce(max(seq), 0) FROM oplog WHERE epoch = ?", (terminal.epoch,)).fetchone()[0]
                + 1
            )
            at = to_utc_text(now)
            day = ctx.today.isoformat()
            conn.execute(
                "INSERT INTO oplog (op_id, terminal_id, epoch, seq, staff_no, kind, member_no, local_time, "
                "business_day, online, payload, payload_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    op_id,
                    terminal.terminal_id,
                    terminal.epoch,
                    seq,
                    session.staff_no,
                    kind,
                    member_no,
                    at,
                    day,
                    int(ctx.online),
                    ops.canonical_json(payload),
                    ops.payload_hash(kind, payload),
                ),
            )
            plan = plan_writes(decision, kind, payload, op_id=op_id, at=at, day=day, desk_name=terminal.name)
            execute(conn, plan, session.staff_no, phone_taken=self._phone_taken, slip_keyed=self._slip_keyed)
            after_state = store.member_state(member_no, ctx.today, rules) if member_no else None
            receipt = self._receipt(session, kind, op_id, seq, decision, ctx, after_state, points_before)
            conn.execute(
                "UPDATE oplog SET receipt = ? WHERE op_id = ?",
                (json.dumps(receipt.to_json(), ensure_ascii=False), op_id),
            )
            store.append_audit(
                conn,
                at,
                session.staff_no,
                kind,
                member_no or "",
                op_id,
                {"seq": seq, "points": decision.points_delta()},
            )
        return ActionResult(op_id, receipt.op_ref, kind, member_no, receipt, self._extra(decision))

    @staticmethod
    def _extra(decision: Decision) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if decision.coupons_issued:
            extra["coupons_issued"] = [c.code for c in decision.coupons_issued]
        if decision.coupon_used:
            extra["coupon_used"] = decision.coupon_used
        return extra

    def _phone_taken(self, phone: str) -> DuplicatePhone:
        existing = self.store.member_by_phone(phone)
        return DuplicatePhone(existing["member_no"] if existing else "?")
