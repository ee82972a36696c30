"""A Hypothesis stateful model of three terminals and the server: after quiescing, every terminal = server = model.

Desks enroll (from a small pool of phones, so the same phone meets at two desks), earn, credit receipts
(from a small pool, so the same receipt meets too), redeem, verify one coupon, reverse, go offline and
online, sync, crash between push and answer, and have their pushes delivered twice. The model plays the
server's part in the order pushes reach it and predicts balances, aliases, receipts and the coupon.
"""

from __future__ import annotations

import itertools

from conftest import START, enroll
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from server_fixtures import assert_converged, quiesce

from membership.decisions import Refused
from server import admin
from sync.services import DuplicatePhone

PHONES = ("13700000001", "13700000002", "13700000003")
RECEIPTS = ("R1", "R2", "R3")
CODES = itertools.count(20)


class Model:
    """The server as the model sees it: applied in push order, per member the points it must hold."""

    def __init__(self) -> None:
        self.primary: dict[str, str] = {}  # phone -> first member
        self.alias: dict[str, str] = {}  # member -> primary
        self.balance: dict[str, int] = {}
        self.receipts: dict[str, str] = {}  # receipt no -> op id that credited it
        self.coupon_used_by: str | None = None
        self.earn_points: dict[str, tuple[str, int]] = {}  # earn op -> (member, points) if applied
        self.reversed: set[str] = set()

    def who(self, member_no: str) -> str:
        return self.alias.get(member_no, member_no)

    def apply(self, op: tuple) -> None:
        kind, op_id, *args = op
        if kind == "enroll":
            member_no, phone = args
            if phone in self.primary:
                self.alias[member_no] = self.primary[phone]
                self.balance[member_no] = 0
            else:
                self.primary[phone] = member_no
                self.balance[member_no] = 100
        elif kind == "earn":
            member_no, points = args
            self.balance[self.who(member_no)] += points
            self.earn_points[op_id] = (self.who(member_no), points)
        elif kind == "receipt":
            member_no, receipt_no, points = args
            if receipt_no not in self.receipts:
                self.receipts[receipt_no] = op_id
                self.balance[self.who(member_no)] += points
        elif kind == "redeem":
            member_no, points = args
            self.balance[self.who(member_no)] -= points  # a fact: booked even when it overdraws
        elif kind == "coupon":
            if self.coupon_used_by is None:
                self.coupon_used_by = op_id
        elif kind == "reverse":
            (target,) = args
            if target in self.earn_points and target not in self.reversed:
                member_no, points = self.earn_points[target]
                if self.balance[member_no] >= points:
                    self.balance[member_no] -= points
                    self.reversed.add(target)


def test_terminals_server_and_model_agree(server, make_terminal):
    class Desks(RuleBasedStateMachine):
        @initialize()
        def setup(self) -> None:
            self.desks = [make_terminal(server, next(CODES)) for _ in range(3)]
            self.model = Model()
            self.pending: list[list[tuple]] = [[], [], []]
            [self.coupon] = admin.issue_coupons(server.db, "RED20", 1, START)
            self.members: list[str] = []
            self.earns: list[list[str]] = [[], [], []]
            for desk in self.desks:
                desk.sync()
            # Each example uses its own phones and receipts, so earlier examples on this server do not interfere.
            self.tag = self.desks[0].store.terminal().terminal_code
            self.phones = [f"13{self.tag:03d}{p[-6:]}" for p in PHONES]

        def known(self, t: int) -> list[str]:
            rows = (
                self.desks[t].store.query(
                    "SELECT member_no FROM members WHERE member_no IN ({})".format(",".join("?" * len(self.members))),
                    tuple(self.members),
                )
                if self.members
                else []
            )
            return sorted(r[0] for r in rows)

        @rule(t=st.integers(0, 2), p=st.integers(0, 2))
        def enroll_member(self, t: int, p: int) -> None:
            desk = self.desks[t]
            try:
                result = enroll(desk.services, desk.desk, phone=self.phones[p])
            except DuplicatePhone:
                return
            self.members.append(result.member_no)
            self.pending[t].append(("enroll", result.op_id, result.member_no, self.phones[p]))

        @rule(t=st.integers(0, 2), m=st.integers(0, 20), yuan=st.integers(1, 60))
        def earn(self, t: int, m: int, yuan: int) -> None:
            known = self.known(t)
            if not known:
                return
            member = known[m % len(known)]
            try:
                result = self.desks[t].services.earn(self.desks[t].cashier, member, yuan * 100)
            except Refused:
                return
            self.pending[t].append(("earn", result.op_id, member, yuan))
            self.earns[t].append(result.op_id)

        @rule(t=st.integers(0, 2), m=st.integers(0, 20), r=st.integers(0, 2), yuan=st.integers(1, 60))
        def credit_receipt(self, t: int, m: int, r: int, yuan: int) -> None:
            known = self.known(t)
            if not known:
                return
            member, receipt_no = known[m % len(known)], f"{RECEIPTS[r]}-{self.tag}"
            try:
                result = self.desks[t].services.credit_receipt(
                    self.desks[t].desk, member, "F101", receipt_no, yuan * 100, "2026-11-19"
                )
            except Refused:
                return
            self.pending[t].append(("receipt", result.op_id, member, receipt_no, yuan))

        @rule(t=st.integers(0, 2), m=st.integers(0, 20))
        def redeem(self, t: int, m: int) -> None:
            known = self.known(t)
            if not known:
                return
            member = known[m % len(known)]
            try:
                result = self.desks[t].services.redeem_gift(self.desks[t].desk, member, "G002")
            except Refused:
                return
            self.pending[t].append(("redeem", result.op_id, member, 300))

        @rule(t=st.integers(0, 2))
        def verify_coupon(self, t: int) -> None:
            try:
                result = self.desks[t].services.verify_coupon(
                    self.desks[t].cashier, self.coupon, purchase_amount_fen=20_000
                )
            except Refused:
                return
            self.pending[t].append(("coupon", result.op_id))

        @rule(t=st.integers(0, 2))
        def reverse_last_earn(self, t: int) -> None:
            if not self.earns[t]:
                return
            target = self.earns[t].pop()
            try:
                result = self.desks[t].services.reverse(self.desks[t].manager, target, "refund", pin="1234")
            except Refused:
                return
            self.pending[t].append(("reverse", result.op_id, target))

        @rule(t=st.integers(0, 2))
        def toggle_online(self, t: int) -> None:
            self.desks[t].online.value = not self.desks[t].online.value

        @rule(t=st.integers(0, 2))
        def sync(self, t: int) -> None:
            self.desks[t].sync()
            self._applied(t)

        @rule(t=st.integers(0, 2), twice=st.booleans())
        def push_lost_then_crash(self, t: int, twice: bool) -> None:
            """The server applies a push but the desk dies before it reads the answer (maybe delivered twice)."""
            desk = self.desks[t]
            batch = desk.engine.outbox.pending_batch(1000)
            if not batch:
                return
            desk.engine.client.push(batch)
            if twice:
                desk.engine.client.push(batch)
            self._applied(t)
            path, clock, online = desk.store.path, desk.clock, desk.online.value
            desk.close()
            self.desks[t] = make_terminal.open(path, clock)
            self.desks[t].online.value = online

        def _applied(self, t: int) -> None:
            for op in self.pending[t]:
                self.model.apply(op)
            self.pending[t].clear()

        def teardown(self) -> None:
            if not hasattr(self, "desks"):
                return
            quiesce(*self.desks)
            for t in range(3):
                self._applied(t)
            assert_converged(server, *self.desks)
            model = self.model
            for member in self.members:
                expected = model.balance.get(member, 0)
                got = server.scalar("SELECT coalesce(sum(delta), 0) FROM ledger WHERE member_no = :m", m=member)
                assert got == expected, (member, got, expected)
                for desk in self.desks:
                    assert (
                        desk.store.scalar("SELECT coalesce(sum(delta), 0) FROM ledger WHERE member_no = ?", (member,))
                        == expected
                    )
                    if member not in model.alias:
                        assert desk.services.summary(desk.desk, member).balance == expected
            for phone in self.phones:
                active = server.rows("SELECT member_no FROM members WHERE phone = :p AND status = 'active'", p=phone)
                assert active == ([(model.primary[phone],)] if phone in model.primary else [])
            credited = dict(
                server.rows("SELECT receipt_no, op_id FROM receipts WHERE receipt_no LIKE :t", t=f"%-{self.tag}")
            )
            assert credited == model.receipts
            used_by = server.scalar("SELECT used_op FROM coupons WHERE code = :c", c=self.coupon)
            assert used_by == model.coupon_used_by
            logged = sum(d.store.scalar("SELECT count(*) FROM oplog") for d in self.desks)
            ids = [d.store.terminal().terminal_id for d in self.desks]
            applied = server.scalar(
                "SELECT count(*) FROM ops WHERE terminal_id IN (:a, :b, :c)", a=ids[0], b=ids[1], c=ids[2]
            )
            assert applied == logged

    run_state_machine_as_test(
        Desks,
        settings=settings(
            max_examples=15,
            stateful_step_count=30,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
