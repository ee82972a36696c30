"""Property-based tests of the ledger: sums, non-negative online balances, and expiry order."""

from __future__ import annotations

from datetime import timedelta

import hypothesis.strategies as st
from conftest import copy_store
from hypothesis import HealthCheck, given, settings

from membership import ledger
from membership.rules import default_rules
from sync.services import USER_ERRORS, DeskServices
from sync.store import Store

RULES = default_rules()

action = st.one_of(
    st.tuples(st.just("earn"), st.integers(1, 2_000_000)),
    st.tuples(st.just("receipt"), st.integers(1, 400_000)),
    st.tuples(st.just("gift"), st.sampled_from(["G001", "G002", "G003", "P001", "T001", "K001"])),
    st.tuples(st.just("offset"), st.integers(1, 5_000)),
    st.tuples(st.just("adjust"), st.integers(-3_000, 3_000)),
    st.tuples(st.just("reverse"), st.integers(0, 50)),
    st.tuples(st.just("parking"), st.just(0)),
    st.tuples(st.just("wait_days"), st.integers(1, 400)),
)


class World:
    """A fresh store per Hypothesis example (copied from the session template, so it is cheap)."""

    def __init__(self, template, tmp_path_factory, clock):
        path = tmp_path_factory.mktemp("prop") / "t.sqlite3"
        copy_store(template, path)
        self.store = Store(path)
        self.clock = clock
        self.services = DeskServices(self.store, clock=clock, online=lambda: True)
        self.desk = self.services.login("D001", "2345")
        self.cashier = self.services.login("C001", "3456")
        self.manager = self.services.login("M001", "1234")
        self.member = self.services.enroll(
            self.desk,
            name="张三",
            phone="13812345678",
            birthday="03-15",
            privacy_accepted=True,
            marketing_accepted=False,
        ).member_no
        self.ops: list[str] = []
        self.receipt_no = 0

    def run(self, kind: str, value: int) -> None:
        s, m = self.services, self.member
        try:
            if kind == "earn":
                self.ops.append(s.earn(self.cashier, m, value).op_id)
            elif kind == "receipt":
                self.receipt_no += 1
                day = (self.clock() + timedelta(hours=8)).date().isoformat()
                self.ops.append(s.credit_receipt(self.manager, m, "F101", f"P{self.receipt_no}", value, day).op_id)
            elif kind == "gift":
                self.ops.append(s.redeem_gift(self.desk, m, value).op_id)
            elif kind == "offset":
                self.ops.append(s.redeem_cash_offset(self.cashier, m, value, value * 4).op_id)
            elif kind == "adjust":
                if value:
                    self.ops.append(s.adjust(self.manager, m, value, "property test", pin="1234").op_id)
            elif kind == "reverse" and self.ops:
                s.reverse(self.manager, self.ops[value % len(self.ops)], "property test", pin="1234")
            elif kind == "parking":
                s.claim_benefit(self.desk, m, "parking")
            elif kind == "wait_days":
                self.clock.advance(days=value)
        except USER_ERRORS:
            pass  # a refusal is a legitimate outcome; the properties must hold either way

    def lots(self) -> dict[int, int]:
        rows = self.store.query(
            "SELECT lot_year, sum(delta) FROM ledger WHERE member_no = ? GROUP BY lot_year", (self.member,)
        )
        return {r[0]: r[1] for r in rows}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(action, min_size=1, max_size=25))
def test_ledger_properties(template_store, tmp_path_factory, clock, actions):
    from conftest import START

    clock.now = START
    world = World(template_store, tmp_path_factory, clock)
    try:
        for kind, value in actions:
            world.run(kind, value)
            today = world.services._today()
            lots = world.lots()
            ledger_sum = world.store.scalar(
                "SELECT coalesce(sum(delta), 0) FROM ledger WHERE member_no = ?", (world.member,)
            )
            summary = world.services.summary(world.desk, world.member)
            # 1. The balance is the sum of ledger entries (lapsed lots count as expired, as the next action writes).
            lapsed = sum(p for y, p in lots.items() if ledger.lot_lapsed(y, today, RULES))
            assert summary.balance == ledger_sum - lapsed
            # 2. No online action makes a balance, or any lot, negative.
            assert summary.balance >= 0
            assert all(p >= 0 for p in lots.values()), lots
            # 3. Expiry never removes points earned later than points kept: each expire entry empties a lot
            #    that had lapsed on the day it was written, and every point still kept is from a later year.
            expiries = world.store.query(
                "SELECT lot_year, business_day FROM ledger WHERE member_no = ? AND kind = 'expire'", (world.member,)
            )
            for row in expiries:
                written = __import__("datetime").date.fromisoformat(row["business_day"])
                assert ledger.lot_lapsed(row["lot_year"], written, RULES), tuple(row)
                kept = [y for y, p in ledger.living_lots(lots, today, RULES).items() if p > 0]
                assert all(y > row["lot_year"] for y in kept), (kept, tuple(row))
    finally:
        world.store.close()


@given(
    st.dictionaries(st.integers(2020, 2030), st.integers(0, 10_000), max_size=6),
    st.integers(1, 30_000),
    st.dates(min_value=__import__("datetime").date(2026, 1, 1), max_value=__import__("datetime").date(2031, 12, 31)),
)
def test_oldest_first_consumption_takes_older_lots_before_newer(lots, points, today):
    have = ledger.available(lots, today, RULES)
    if points > have:
        return
    taken = ledger.consume_oldest_first(lots, points, today, RULES)
    assert sum(t for _, t in taken) == points
    years = [y for y, _ in taken]
    assert years == sorted(years)
    # Every lot older than the newest one touched is fully used; nothing lapsed is touched.
    for year, take in taken[:-1]:
        assert take == lots[year]
    assert all(not ledger.lot_lapsed(y, today, RULES) for y in years)
