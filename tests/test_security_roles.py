"""The server checks who made each pushed operation: a role without the permission, or a disabled staff member.

A real server process over HTTP on SQLite and PostgreSQL. Operations are pushed as a tampered terminal
would push them (envelopes made by hand, any staff number), and once through a real desk whose manager
was demoted on the server before the desk synced.
"""

from __future__ import annotations

import inspect
import os
from datetime import timedelta

import requests
from conftest import START, enroll
from server_fixtures import ServerProcess, assert_converged

from membership import codes
from membership import permissions as perms
from membership.i18n import Message, catalog
from membership.operations import KINDS, payload_hash, validate_payload
from membership.timeutil import to_utc_text
from server import admin

BEFORE = START - timedelta(days=1)  # staff saved on the server a day before the operations
DAY = "2026-11-20"


def register(server: ServerProcess, code: int) -> dict:
    reg = admin.register(server.db, server.issue_code(f"Desk {code}", code), START)
    return {"terminal_id": reg.terminal_id, "headers": {"Authorization": f"Bearer {reg.token}"}}


def op(kind: str, payload: dict, seq: int, staff_no: str, at=START) -> dict:
    payload = validate_payload(kind, payload)
    return {
        "op_id": codes.uuid7(int(at.timestamp() * 1000), os.urandom(10)),
        "epoch": 1,
        "seq": seq,
        "kind": kind,
        "staff_no": staff_no,
        "member_no": payload.get("member_no"),
        "local_time": to_utc_text(at),
        "business_day": DAY,
        "online": False,
        "payload": payload,
        "payload_hash": payload_hash(kind, payload),
    }


def enroll_op(member_no: str, seq: int, staff_no: str, at=START) -> dict:
    consent = {"accepted": True, "wording_version": "P2026.1", "at": to_utc_text(at)}
    payload = {
        "member_no": member_no,
        "name": "张三",
        "phone": f"1380000{seq:04d}",
        "birthday": "--03-15",
        "privacy_consent": consent,
        "marketing_consent": {**consent, "accepted": False},
    }
    return op("enroll", payload, seq, staff_no, at)


def push(server: ServerProcess, term: dict, ops: list[dict]) -> list[dict]:
    answer = requests.post(f"{server.base_url}/v1/push", json={"ops": ops}, headers=term["headers"], timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def exceptions(server: ServerProcess, code: str) -> list[dict]:
    return [e for e in admin.list_exceptions(server.db, "open") if e["code"] == code]


def english(exception: dict) -> str:
    return Message.from_json(exception["message"]).render(catalog("en"))


def ledger_of(server: ServerProcess, op_id: str) -> list[tuple]:
    return server.rows("SELECT member_no, kind, delta FROM ledger WHERE op_id = :o", o=op_id)


def test_the_permission_map_is_shared_with_the_terminal():
    from sync import auth

    assert auth.PERMISSIONS is perms.PERMISSIONS  # one definition for terminal and server
    assert set(KINDS) <= set(perms.PERMISSIONS)
    assert {k for k in KINDS if perms.manager_only(k, {})} == {"reverse", "adjust", "tier_review"}
    assert perms.missing_permission("desk", "adjust", {}) == "adjust"
    assert perms.missing_permission("manager", "adjust", {}) is None
    assert perms.missing_permission("cashier", "enroll", {"slip_serial": "E008-0001"}) == "back_entry"
    assert perms.missing_permission("janitor", "earn", {}) == "earn"


def test_operations_a_role_may_not_do_are_refused_and_reach_the_managers(server):
    term = register(server, 5)
    for staff_no, role, pin in (("D050", "desk", "5050"), ("M050", "manager", "5151"), ("C050", "cashier", "5252")):
        admin.save_staff(server.db, staff_no, "李娜", role, pin, BEFORE)
    member = codes.make_member_no(5, 1)
    earn = op("earn", {"member_no": member, "amount_fen": 20_000}, 2, "D050")
    # What a tampered desk could push for its desk staff and cashier: points, reversals, tiers, receipts.
    adjust = op("adjust", {"member_no": member, "points": 5000, "reason": "friend"}, 3, "D050")
    reverse = op("reverse", {"target_op_id": earn["op_id"], "reason": "oops"}, 4, "d050")  # spelling does not help
    review = op("tier_review", {"member_no": member, "review_date": DAY}, 5, "D050")
    receipt = op(
        "credit_receipt",
        {
            "member_no": member,
            "tenant_code": "B101",
            "receipt_no": "R000001",
            "amount_fen": 10_000,
            "purchase_date": DAY,
        },
        6,
        "C050",
    )
    # A manager may do the same.
    allowed_adjust = op("adjust", {"member_no": member, "points": 300, "reason": "goodwill"}, 7, "M050")
    allowed_reverse = op("reverse", {"target_op_id": earn["op_id"], "reason": "returned"}, 8, "M050")
    batch = [enroll_op(member, 1, "D050"), earn, adjust, reverse, review, receipt, allowed_adjust, allowed_reverse]
    results = {r["op_id"]: r for r in push(server, term, batch)}

    refused = [adjust, reverse, review, receipt]
    for o in refused:
        assert results[o["op_id"]]["status"] == "rejected" and results[o["op_id"]]["code"] == "not_permitted"
        assert results[o["op_id"]]["exceptions"]
        assert ledger_of(server, o["op_id"]) == []  # no ledger effect on the server
    for o in (batch[0], earn, allowed_adjust, allowed_reverse):
        assert results[o["op_id"]]["status"] == "applied", results[o["op_id"]]
    assert ledger_of(server, allowed_adjust["op_id"]) == [(member, "adjust", 300)]
    assert server.scalar("SELECT count(*) FROM receipts") == 0
    assert server.scalar("SELECT reversed_by FROM ops WHERE op_id = :o", o=earn["op_id"]) == allowed_reverse["op_id"]

    found = {e["op_id"]: e for e in exceptions(server, "not_permitted")}
    assert set(found) == {o["op_id"] for o in refused}
    flagged = found[adjust["op_id"]]
    assert flagged["terminal_id"] == "T005" and flagged["member_no"] == member
    assert flagged["detail"]["role"] == "desk" and flagged["detail"]["permission"] == "adjust"
    assert english(flagged).startswith("Refused: Points adjustment by staff D050, whose role (Desk staff) may not")
    chinese = Message.from_json(flagged["message"]).render(catalog("zh_CN"))
    assert "积分调整" in chinese and "服务台专员" in chinese and "D050" in chinese
    assert "Cashier" in english(found[receipt["op_id"]])
    # The refused reversal is not also reported as a reversal without a matching earning.
    assert exceptions(server, "abuse_unmatched_reversal") == []

    # Exactly once: a replay returns the stored refusal, even after the staff member became a manager.
    admin.save_staff(server.db, "D050", "李娜", "manager", "5050", START + timedelta(days=1))
    [replay] = push(server, term, [adjust])
    assert replay["replay"] and replay["status"] == "rejected" and replay["code"] == "not_permitted"
    assert ledger_of(server, adjust["op_id"]) == [] and len(exceptions(server, "not_permitted")) == 4

    # The exceptions reach this desk's inbox by pull.
    pulled = requests.get(f"{server.base_url}/v1/pull?since=0&limit=2000", headers=term["headers"], timeout=10)
    codes_pulled = [c["data"]["code"] for c in pulled.json()["changes"] if c["entity"] == "exception"]
    assert codes_pulled.count("not_permitted") == 4


def test_a_redemption_by_a_role_without_the_permission_is_booked_as_a_fact_and_flagged(server):
    term = register(server, 5)
    admin.save_staff(server.db, "C050", "李娜", "cashier", "5252", BEFORE)
    admin.save_staff(server.db, "D050", "李娜", "desk", "5050", BEFORE)
    member = codes.make_member_no(5, 1)
    gift = op("redeem_gift", {"member_no": member, "item_code": "G001", "quantity": 1}, 3, "C050")
    cash = op("redeem_cash_offset", {"member_no": member, "points": 500, "purchase_amount_fen": 10_000}, 4, "D050")
    batch = [
        enroll_op(member, 1, "D050"),
        op("earn", {"member_no": member, "amount_fen": 500_000}, 2, "D050"),
        gift,
        cash,
    ]
    results = {r["op_id"]: r for r in push(server, term, batch)}
    for o in (gift, cash):
        assert results[o["op_id"]]["status"] == "applied"  # the gift and the discount were handed over
        assert [line[1] for line in ledger_of(server, o["op_id"])]
    found = {e["op_id"]: e for e in exceptions(server, "not_permitted")}
    assert set(found) == {gift["op_id"], cash["op_id"]}
    assert "Booked although not permitted: Gift redemption by staff C050" in english(found[gift["op_id"]])
    assert "(Desk staff) may not do this" in english(found[cash["op_id"]])


def test_operations_of_disabled_staff_are_booked_and_flagged_but_not_the_managers_own(server):
    term = register(server, 5)
    admin.save_staff(server.db, "D060", "李娜", "desk", "6060", BEFORE)
    admin.save_staff(server.db, "M060", "李娜", "manager", "6161", BEFORE)
    disabled_at = START + timedelta(hours=1)  # 11:00 in the mall
    admin.deactivate_staff(server.db, "D060", disabled_at)
    admin.deactivate_staff(server.db, "M060", disabled_at)
    member = codes.make_member_no(5, 1)
    later, much_later = START + timedelta(hours=2), START + timedelta(hours=3)
    before = op("earn", {"member_no": member, "amount_fen": 10_000}, 2, "D060")
    after = op("earn", {"member_no": member, "amount_fen": 10_000}, 3, "D060", later)
    after_too = op("earn", {"member_no": member, "amount_fen": 20_000}, 4, "D060", much_later)
    adjust_before = op("adjust", {"member_no": member, "points": 100, "reason": "ok"}, 5, "M060", START)
    adjust_after = op("adjust", {"member_no": member, "points": 9000, "reason": "bye"}, 6, "M060", later)
    batch = [enroll_op(member, 1, "D060"), before, after, after_too, adjust_before, adjust_after]
    results = {r["op_id"]: r for r in push(server, term, batch)}

    for o in batch[:5]:
        assert results[o["op_id"]]["status"] == "applied", results[o["op_id"]]
    assert ledger_of(server, adjust_before["op_id"]) == [(member, "adjust", 100)]
    refused = results[adjust_after["op_id"]]
    assert refused["status"] == "rejected" and refused["code"] == "not_permitted"
    assert ledger_of(server, adjust_after["op_id"]) == []
    [no_adjust] = exceptions(server, "not_permitted")
    assert no_adjust["op_id"] == adjust_after["op_id"] and no_adjust["detail"]["disabled"] is True
    assert "Refused: Points adjustment by staff M060, who was disabled on 2026-11-20 11:00" in english(no_adjust)

    # One flag for the desk and day, counting what the disabled staff member did after the disabling.
    [flag] = exceptions(server, "abuse_disabled_staff")
    assert flag["op_id"] in {after["op_id"], after_too["op_id"]} and flag["terminal_id"] == "T005"
    assert flag["detail"]["staff_no"] == "D060" and flag["detail"]["count"] == 2
    assert "Staff D060 was disabled on 2026-11-20 11:00" in english(flag)
    assert "D060" in Message.from_json(flag["message"]).render(catalog("zh_TW"))
    more = op("earn", {"member_no": member, "amount_fen": 10_000}, 7, "D060", much_later)
    assert push(server, term, [more])[0]["status"] == "applied"
    assert len(exceptions(server, "abuse_disabled_staff")) == 1


def test_staff_the_server_does_not_know_are_not_checked(server):
    term = register(server, 5)
    admin.save_staff(server.db, "D050", "李娜", "desk", "5050", BEFORE)
    member = codes.make_member_no(5, 1)
    adjust = op("adjust", {"member_no": member, "points": 200, "reason": "desk-local manager"}, 2, "X900")
    results = push(server, term, [enroll_op(member, 1, "X900"), adjust])
    assert [r["status"] for r in results] == ["applied", "applied"]
    assert ledger_of(server, adjust["op_id"]) == [(member, "adjust", 200)]
    assert exceptions(server, "not_permitted") == []


def manager_adjusts(desk, member: str, points: int, reason: str):
    """The desk's manager adjusts points, confirming with their PIN where the desk asks for it again."""
    step_up = {"pin": "1234"} if "pin" in inspect.signature(desk.services.adjust).parameters else {}
    return desk.services.adjust(desk.manager, member, points, reason, **step_up)


def test_a_manager_demoted_on_the_server_cannot_adjust_at_a_desk_that_has_not_synced(server, make_terminal):
    admin.save_staff(server.db, "M001", "王经理", "manager", "1234", BEFORE)
    desk = make_terminal(server, 8)
    member = enroll(desk.services, desk.desk).member_no
    kept = manager_adjusts(desk, member, 500, "goodwill")
    desk.sync()
    assert ledger_of(server, kept.op_id) == [(member, "adjust", 500)]

    admin.save_staff(server.db, "M001", "王经理", "desk", "1234", START + timedelta(hours=1))
    desk.clock.advance(hours=2)  # the desk has not synced: its manager session still adjusts
    refused = manager_adjusts(desk, member, 800, "for a friend")

    def balance() -> int:
        return desk.store.scalar("SELECT coalesce(sum(delta), 0) FROM ledger WHERE member_no = ?", (member,))

    provisional = balance()
    desk.sync()
    assert ledger_of(server, refused.op_id) == []
    assert desk.store.scalar("SELECT status FROM oplog WHERE op_id = ?", (refused.op_id,)) == "rejected"
    assert balance() == provisional - 800  # the desk took the points back by appending
    assert desk.store.scalar("SELECT code FROM sync_exceptions WHERE op_id = ?", (refused.op_id,)) == "not_permitted"
    assert desk.store.scalar("SELECT role FROM staff WHERE staff_no = 'M001'") == "desk"
    assert_converged(server, desk)
