"""The managers' exceptions inbox and the online checks a connected desk makes before it commits.

:class:`InboxServices` is a mixin for :class:`~sync.services.DeskServices` (it uses ``self.store``,
``self.clock`` and ``self._authorize``); :class:`SyncedDeskServices` is the desk services of a
registered terminal: the inbox, a sync nudge after every action, and — when online — the server's
balance before a redemption and the server's coupon before a verification.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from membership.codes import parse_coupon_code
from membership.decisions import Refused
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.timeutil import to_utc_text

from .auth import AuthError
from .client import ServerClient, SyncError, TransientError
from .engine import SyncEngine, SyncEvent
from .reports import remember_sync
from .services import ActionResult, DeskServices, PaperSlip, Session
from .store import utc_now

CTX = "Sync"
# How long an online pre-check (balance, coupon status) may wait before the action goes ahead offline, when
# neither the caller nor the engine says: a member stands at the desk, and a hung server must not hold the
# clerk for the client's sync timeout.
PRECHECK_TIMEOUT_S = 2.0
# Exception codes a manager sees, with a short label for the inbox list.
EXCEPTION_LABELS = {
    "receipt_already_credited": QT_TRANSLATE_NOOP("Sync", "Receipt credited at two desks"),
    "coupon_used": QT_TRANSLATE_NOOP("Sync", "Coupon used at two desks"),
    "phone_enrolled": QT_TRANSLATE_NOOP("Sync", "Same phone enrolled twice: merge review"),
    "overdrawn": QT_TRANSLATE_NOOP("Sync", "Offline redemption overdrew the balance"),
    "slip_already_keyed": QT_TRANSLATE_NOOP("Sync", "Paper slip keyed in twice"),
    "profile_clash": QT_TRANSLATE_NOOP("Sync", "Profile changed at two desks"),
    "not_permitted": QT_TRANSLATE_NOOP("Sync", "Operation by a role not permitted to do it"),
    "audit_tampered": QT_TRANSLATE_NOOP("Sync", "Audit log of this desk rewritten"),
    "abuse_bulk_export": QT_TRANSLATE_NOOP("Sync", "Bulk export"),
    "abuse_frequent_lookups": QT_TRANSLATE_NOOP("Sync", "Unusually many member look-ups"),
    "abuse_frequent_reveals": QT_TRANSLATE_NOOP("Sync", "Unusually many phone reveals"),
    "abuse_many_receipts": QT_TRANSLATE_NOOP("Sync", "Many receipts credited to one member"),
    "abuse_multi_desk_redemption": QT_TRANSLATE_NOOP("Sync", "One member redeeming at several desks"),
    "abuse_unmatched_reversal": QT_TRANSLATE_NOOP("Sync", "Reversal without a matching earn"),
    "abuse_disabled_staff": QT_TRANSLATE_NOOP("Sync", "Work by disabled staff"),
}


@dataclass(frozen=True)
class InboxItem:
    exception_id: int
    code: str
    label: Message
    message: Message
    op_id: str | None
    member_no: str | None
    status: str
    opened_at: str
    resolution: str | None
    resolved_by: str | None
    detail: dict[str, Any]


class InboxServices:
    """Exceptions inbox methods for the desk services (manager only)."""

    store: Any
    clock: Callable[[], datetime]
    engine: SyncEngine | None

    _authorize: Callable[[Session, str], None]  # provided by DeskServices

    def _require_manager(self, session: Session) -> None:
        self._authorize(session, "summary")  # a valid session first
        if session.role != "manager":
            raise AuthError(
                "not_permitted",
                QT_TRANSLATE_NOOP("Auth", "Your role ({role}) may not do this; ask a manager."),
                role=Message("Auth", "Manager" if session.role == "manager" else session.role),
            )

    def exceptions_inbox(self, session: Session, status: str | None = "open") -> list[InboxItem]:
        """The sync exceptions of this terminal, newest first."""
        self._require_manager(session)
        sql = "SELECT * FROM sync_exceptions"
        params: tuple[Any, ...] = ()
        if status:
            sql += " WHERE status = ?"
            params = (status,)
        rows = self.store.query(sql + " ORDER BY id DESC", params)
        return [
            InboxItem(
                exception_id=r["id"],
                code=r["code"],
                label=Message(CTX, EXCEPTION_LABELS.get(r["code"], r["code"])),
                message=Message.from_json(json.loads(r["message"])),
                op_id=r["op_id"],
                member_no=r["member_no"],
                status=r["status"],
                opened_at=r["opened_at"],
                resolution=r["resolution"],
                resolved_by=r["resolved_by"],
                detail=json.loads(r["detail"]),
            )
            for r in rows
        ]

    def open_exception_count(self) -> int:
        return self.store.scalar("SELECT count(*) FROM sync_exceptions WHERE status = 'open'") or 0

    def resolve_exception(self, session: Session, exception_id: int, decision: str) -> InboxItem:
        """Record a manager's decision on the server (it must be reachable) and in the inbox."""
        self._require_manager(session)
        decision = (decision or "").strip()
        if not decision:
            raise Refused(
                "decision_missing", QT_TRANSLATE_NOOP("Sync", "Write down the decision that resolves the exception.")
            )
        if self.engine is None:
            raise Refused(
                "offline", QT_TRANSLATE_NOOP("Sync", "Resolving an exception needs the server; try again online.")
            )
        try:
            row = self.engine.client.resolve_exception(exception_id, decision, session.staff_no)
        except SyncError as exc:
            raise Refused(
                "offline",
                QT_TRANSLATE_NOOP("Sync", "The server could not record the decision: {reason}"),
                reason=exc.message,
            ) from None
        at = to_utc_text(self.clock())
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE sync_exceptions SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? "
                "WHERE id = ?",
                (row["resolution"], row["resolved_by"], row["resolved_at"], exception_id),
            )
            self.store.append_audit(
                conn, at, session.staff_no, "exception_resolved", str(exception_id), detail={"decision": decision}
            )
        return next(i for i in self.exceptions_inbox(session, None) if i.exception_id == exception_id)


class SyncedDeskServices(InboxServices, DeskServices):
    """Desk services of a registered terminal: the inbox, online checks, and a sync nudge after each action."""

    def __init__(
        self,
        store: Any,
        clock: Callable[[], datetime] = utc_now,
        engine: SyncEngine | None = None,
        online: Callable[[], bool] | None = None,
        precheck_timeout_s: float | None = None,
        **kwargs: Any,
    ):
        self.engine = engine
        self._online_source = online
        self.precheck_timeout_s = precheck_timeout_s
        super().__init__(store, clock=clock, online=self._is_online, **kwargs)
        self._checked_offline = False
        self._remembered_sync: str | None = None
        if engine is not None:
            engine.add_listener(self._remember_sync)

    def _remember_sync(self, event: SyncEvent) -> None:
        """Keep the time of the last completed sync in the store, for the daily report's completeness row."""
        at = event.status.last_success
        if at and at != self._remembered_sync:
            self._remembered_sync = at
            remember_sync(self.store, at)

    def _is_online(self) -> bool:
        if self._checked_offline:
            return False
        if self._online_source is not None:
            return bool(self._online_source())
        return bool(self.engine and self.engine.status.online)

    def _perform(self, *args: Any, **kwargs: Any) -> ActionResult:
        result = super()._perform(*args, **kwargs)
        if self.engine is not None:
            self.engine.notify()
        return result

    def _server(self, call: Callable[[ServerClient], Any]) -> Any:
        """Ask the server, when online, within ``precheck_timeout_s``; None when it cannot answer.

        A server that does not answer in time (unreachable, or hung) makes the action go ahead as an
        offline one, under the offline cap; any other failure leaves the local decision to decide.
        """
        if self.engine is None or not self._is_online():
            return None
        main = self.engine.client
        # The engine's own liveness timeout when it has one (the setting sync.online_check_timeout_s).
        seconds = self.precheck_timeout_s
        if seconds is None:
            seconds = float(getattr(self.engine, "online_check_timeout", PRECHECK_TIMEOUT_S))
        limit = (seconds, seconds)
        quick = ServerClient(main.base_url, main.token, main.verify, timeout=limit)
        try:
            return call(quick)
        except TransientError:
            self._checked_offline = True
            return None
        except SyncError:
            return None
        finally:
            quick.close()

    def redeem_gift(
        self,
        session: Session,
        member_no: str,
        item_code: str,
        quantity: int = 1,
        paper: PaperSlip | None = None,
        pin: str | None = None,
    ) -> ActionResult:
        self._authorize(session, "redeem_gift")
        item = self._catalogue_item(item_code)
        try:
            # A paper slip records a gift already handed over: nothing to ask the server first.
            if paper is None and item is not None and type(quantity) is int and quantity > 0:
                self._check_balance(member_no, item.points * quantity)
            return super().redeem_gift(session, member_no, item_code, quantity, paper=paper, pin=pin)
        finally:
            self._checked_offline = False

    def redeem_cash_offset(
        self, session: Session, member_no: str, points: int, purchase_amount_fen: int, pin: str | None = None
    ) -> ActionResult:
        self._authorize(session, "redeem_cash_offset")
        try:
            if type(points) is int and points > 0:
                self._check_balance(member_no, points)
            return super().redeem_cash_offset(session, member_no, points, purchase_amount_fen, pin=pin)
        finally:
            self._checked_offline = False

    def donate_points(
        self, session: Session, member_no: str, campaign_code: str, points: int, pin: str | None = None
    ) -> ActionResult:
        self._authorize(session, "donate_points")
        try:
            if type(points) is int and points > 0:
                self._check_balance(member_no, points)
            return super().donate_points(session, member_no, campaign_code, points, pin=pin)
        finally:
            self._checked_offline = False

    def _check_balance(self, member_no: str, need: int) -> None:
        answer = self._server(lambda client: client.member(member_no))
        if answer is not None and answer["balance"] < need:
            raise Refused(
                "insufficient_points",
                QT_TRANSLATE_NOOP("Refusal", "Not enough points: this needs {need}, the member has {have}."),
                need=need,
                have=answer["balance"],
            )

    def verify_coupon(
        self, session: Session, code: str, member_no: str | None = None, purchase_amount_fen: int | None = None
    ) -> ActionResult:
        self._authorize(session, "verify_coupon")
        try:
            if self._is_online():
                _, normal = parse_coupon_code(code)
                answer = self._server(lambda client: client.coupon(normal))
                if answer is not None and answer["status"] == "used":
                    raise Refused(
                        "coupon_used",
                        QT_TRANSLATE_NOOP("Refusal", "Coupon {code} was already used on {when} at {where}."),
                        code=normal,
                        when=answer.get("used_at") or "?",
                        where=answer.get("used_where") or "?",
                    )
            return super().verify_coupon(session, code, member_no, purchase_amount_fen)
        finally:
            self._checked_offline = False
