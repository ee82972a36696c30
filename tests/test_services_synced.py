"""Every desk action through the synced services of a registered terminal: online, with the server killed,
and with the server hung (SIGSTOP); afterwards the queue drains and the server agrees with the desk."""

from __future__ import annotations

import ast
import inspect
import io
import signal
from pathlib import Path

import pytest
from conftest import enroll
from pypdf import PdfReader
from server_fixtures import server_state, terminal_state, wait_until

from membership.i18n import catalog
from sync.inbox import SyncedDeskServices
from sync.services import DeskServices

ROOT = Path(__file__).resolve().parent.parent


def _parameters(function) -> list[tuple[str, object, object, object]]:
    return [(p.name, p.kind, p.default, p.annotation) for p in inspect.signature(function).parameters.values()]


def test_synced_services_take_the_same_parameters_as_the_plain_ones():
    overridden = [
        name
        for name, member in vars(SyncedDeskServices).items()
        if not name.startswith("_") and callable(member) and hasattr(DeskServices, name)
    ]
    # The redemptions and the coupon check are the overrides that once dropped ``pin``.
    assert {"redeem_gift", "redeem_cash_offset", "donate_points", "verify_coupon"} <= set(overridden)
    for name in overridden:
        assert _parameters(getattr(SyncedDeskServices, name)) == _parameters(getattr(DeskServices, name)), name


def _service_calls() -> list[tuple[str, str, ast.Call]]:
    """Every ``….services.<method>(…)`` call the desktop screens make: (file, method, call)."""
    found = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            owner = node.func.value
            owner_name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if owner_name == "services":
                found.append((str(path.relative_to(ROOT)), node.func.attr, node))
    return found


def test_the_synced_services_accept_every_call_the_screens_make():
    calls = _service_calls()
    assert len(calls) >= 20, "the desktop calls the services in many places; the scan found too few"
    # Attributes the services set in __init__ (the clock the desk reads, the store, the engine).
    init = inspect.getsource(DeskServices.__init__) + inspect.getsource(SyncedDeskServices.__init__)
    for where, method, call in calls:
        if f"self.{method} = " in init:
            continue
        target = getattr(SyncedDeskServices, method, None)
        assert target is not None, f"{where}: services.{method} does not exist"
        if not callable(target) or isinstance(inspect.getattr_static(SyncedDeskServices, method), property):
            continue
        if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
            continue  # *args / **values: checked by the screen's own tests
        args = [object()] * len(call.args)
        kwargs = {k.arg: object() for k in call.keywords}
        try:
            inspect.signature(target).bind(object(), *args, **kwargs)
        except TypeError as exc:
            pytest.fail(f"{where}: services.{method}({ast.unparse(call)[:80]}) does not fit: {exc}")


# -- every action, online, offline and hung -------------------------------------------------------------------


def _every_action(services, store, sessions, phone: str, coupon: str, slip: str, tag: str) -> dict[str, object]:
    desk, cashier, manager = sessions
    out: dict[str, object] = {}
    out["enroll"] = enroll(services, desk, phone=phone, name="赵六")
    member = out["enroll"].member_no
    out["edit_profile"] = services.edit_profile(desk, member, {"gender": "female"})
    out["earn"] = services.earn(cashier, member, 300_000, "general")
    out["credit_receipt"] = services.credit_receipt(desk, member, "B101", f"R-{tag}", 10_000, "2026-11-19")
    out["redeem_gift"] = services.redeem_gift(desk, member, "G002", 1, pin="2345")
    out["redeem_cash_offset"] = services.redeem_cash_offset(cashier, member, 200, 20_000, pin="3456")
    out["donate_points"] = services.donate_points(desk, member, "CHARITY2026", 100, pin="2345")
    out["verify_coupon"] = services.verify_coupon(cashier, coupon, None, 20_000)
    out["claim_benefit"] = services.claim_benefit(desk, member, "parking")
    out["record_event"] = services.record_event(desk, member, f"EV-{tag}")
    out["adjust"] = services.adjust(manager, member, 50, "goodwill", pin="1234")
    out["reverse"] = services.reverse(manager, out["credit_receipt"].op_id, "wrong member", pin="1234")
    out["key_in_slip"] = services.key_in_slip(
        desk,
        slip,
        "2026-11-20 09:30",
        "D001",
        {
            "member": member,
            "tenant_code": "B105",
            "receipt_no": f"S-{tag}",
            "amount_fen": 5_000,
            "purchase_date": "2026-11-20",
        },
    )
    return out


REDEMPTIONS = ("redeem_gift", "redeem_cash_offset", "donate_points")


def test_every_action_online_offline_and_hung(store, services, engine, desk_server, online, desk, cashier, manager):
    services.precheck_timeout_s = 0.5  # a hung server must not hold the desk longer than this
    sessions = (desk, cashier, manager)
    # While online: coupons to verify later, and an outage kit with receipt slips.
    rich = enroll(services, desk, phone="13800000000", name="钱七").member_no
    services.earn(cashier, rich, 2_000_000)
    online.value = True
    coupons = [services.redeem_gift(desk, rich, "K001").extra["coupons_issued"][0] for _ in range(3)]
    slips = services.issue_outage_kit(manager, {"receipt": 3}).serials["receipt"]
    engine.sync_once()

    results = {}
    results["online"] = _every_action(services, store, sessions, "13911110001", coupons[0], slips[0], "ON")
    engine.sync_once()

    desk_server.kill()  # the desk still believes it is online: the pre-check finds out
    results["killed"] = _every_action(services, store, sessions, "13911110002", coupons[1], slips[1], "KILL")
    desk_server.start()

    desk_server.proc.send_signal(signal.SIGSTOP)
    try:
        results["hung"] = _every_action(services, store, sessions, "13911110003", coupons[2], slips[2], "HUNG")
    finally:
        desk_server.proc.send_signal(signal.SIGCONT)

    for mode, actions in results.items():
        for kind in REDEMPTIONS:
            assert actions[kind].receipt.online is (mode == "online"), (mode, kind)
    assert store.scalar("SELECT count(*) FROM oplog WHERE status = 'pending'") > 0

    def drained() -> bool:
        engine.sync_once()
        return store.scalar("SELECT count(*) FROM oplog WHERE status = 'pending'") == 0

    wait_until(drained, timeout=60, what="the queue to drain")
    engine.sync_once()
    assert store.scalar("SELECT count(*) FROM oplog WHERE status = 'rejected'") == 0
    every = [r.op_id for actions in results.values() for r in actions.values()]
    applied = dict(desk_server.rows("SELECT op_id, status FROM ops"))
    assert all(applied.get(op_id) == "applied" for op_id in every), {k: applied.get(k) for k in every}
    expected = server_state(desk_server)
    got = terminal_state(store)
    for key in expected:
        assert got[key] == expected[key], key


# -- donation through the server; a rejected operation in the history ------------------------------------------


def _pending(store) -> int:
    return store.scalar("SELECT count(*) FROM oplog WHERE status = 'pending'")


def test_donation_round_trip_and_an_overdrawn_offline_donation(
    store, services, engine, desk_server, online, desk, cashier, make_terminal
):
    member = enroll(services, desk, phone="13922220001").member_no
    services.earn(cashier, member, 150_000)  # 1,500 + 100 welcome
    online.value = True
    online_gift = services.donate_points(desk, member, "CHARITY2026", 300)
    assert online_gift.receipt.online
    engine.sync_once()
    assert _pending(store) == 0
    other = make_terminal(desk_server, 8)
    other.sync()  # the other desk now knows the member with 1,300 points
    other.online.value = True
    other.services.donate_points(other.desk, member, "CHARITY2026", 1_000)
    other.sync()
    # This desk has not pulled that: offline, it still sees 1,300 and gives 1,000 more.
    online.value = False
    offline_gift = services.donate_points(desk, member, "CHARITY2026", 1_000)
    assert not offline_gift.receipt.online
    engine.sync_once()
    engine.sync_once()
    other.sync()
    status = dict(desk_server.rows("SELECT op_id, status FROM ops"))
    assert status[online_gift.op_id] == status[offline_gift.op_id] == "applied"  # a donation given is a fact
    donated = desk_server.scalar("SELECT -sum(delta) FROM ledger WHERE member_no = :m AND kind = 'donation'", m=member)
    assert donated == 2_300
    overdrawn = desk_server.rows(
        "SELECT code, op_id FROM exceptions WHERE member_no = :m AND code = 'overdrawn'", m=member
    )
    assert [row[1] for row in overdrawn] == [offline_gift.op_id]
    assert services.summary(desk, member).balance == -700 == other.services.summary(other.desk, member).balance
    for terminal_store in (store, other.store):
        assert terminal_state(terminal_store) == server_state(desk_server)


def test_a_rejected_operation_shows_its_status_and_exception_in_the_history(
    store, services, engine, desk_server, desk, make_terminal
):
    member = enroll(services, desk, phone="13922220002").member_no
    engine.sync_once()
    other = make_terminal(desk_server, 8)
    other.sync()
    other.services.credit_receipt(other.desk, member, "B101", "DUP-1", 20_000, "2026-11-19")
    other.sync()
    # This desk, not yet pulled, credits the same receipt: the server rejects it.
    mine = services.credit_receipt(desk, member, "B101", "DUP-1", 20_000, "2026-11-19")
    engine.sync_once()
    engine.sync_once()
    row = next(r for r in services.summary(desk, member).history if r.op_id == mine.op_id)
    assert row.status == "rejected" and row.points == 0
    assert row.exception_code == "receipt_already_credited" and row.exception_status == "open"
    assert row.exception_id is not None and "Desk 8" in row.exception_message.render(catalog("en"))
    assert row.reference == mine.op_ref


def test_the_daily_report_says_when_a_synced_terminal_last_synced(store, services, engine, clock, desk, cashier):
    from printing import daily_report_csv, render_daily_report
    from sync import reports

    member = enroll(services, desk, phone="13922220003").member_no
    services.earn(cashier, member, 10_000)
    before = reports.daily_report(store, clock().date(), "王经理", clock())
    assert not before.complete and before.terminals[0].last_sync_local is None
    clock.advance(minutes=3)
    engine.sync_once()
    data = reports.daily_report(store, clock().date(), "王经理", clock())
    row = data.terminals[0]
    assert data.complete and row.pending == 0 and row.synced
    assert row.last_sync_local == "11-20 10:03"  # the clock is 10:03 in Shanghai
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_daily_report(data))).pages)
    csv_text = daily_report_csv(data)
    for text in (pdf_text, csv_text):
        assert "11-20 10:03" in text and "从未" not in text
