"""The desk services' foundation: the store, the clock and connectivity every part uses, and small helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from membership import dispatch
from membership.decisions import MemberState, Refused
from membership.rules import Rules
from membership.timeutil import business_day

from ..auth import LockoutPolicy
from ..store import Store, utc_now
from .records import Session


class ServicesBase:
    """The desk services' foundation: the store, the clock and connectivity every part uses, and small helpers."""

    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime] = utc_now,
        online: Callable[[], bool] = lambda: False,
        lockout: LockoutPolicy | None = None,
    ):
        self.store = store
        self.clock = clock
        self.online = online
        self._lockout = lockout  # None: the rules' [security] section decides
        self._sessions: dict[str, Session] = {}

    def _today(self) -> date:
        rules = self.store.rules()
        return business_day(self.clock(), rules.timezone, rules.cutover_hour)

    def _local_time(self, utc_text: str) -> str:
        from membership.timeutil import from_utc_text

        return from_utc_text(utc_text).astimezone(self.store.rules().timezone).strftime("%Y-%m-%d %H:%M")

    def _no_member(self, member_no: str) -> Refused:
        return dispatch.member_unknown(member_no)

    def _state(self, member_no: str, today: date, rules: Rules) -> MemberState:
        state = self.store.member_state(member_no, today, rules)
        if state is None:
            raise self._no_member(member_no)
        return state
