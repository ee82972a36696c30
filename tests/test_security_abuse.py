"""Abuse detection: each pattern opens one translated exception for the manager, reaching the desk by pull."""

from __future__ import annotations

import json
import os
import uuid

import pytest
import requests
from server_fixtures import ServerProcess
from test_server_api import enroll_op, envelope, push, register

from membership import codes
from membership.i18n import Message, catalog
from sync.store import GENESIS_HASH, audit_hash

THRESHOLDS = {
    "MEMBERDESK_ABUSE_RECEIPTS_PER_MEMBER_DAY": "3",
    "MEMBERDESK_ABUSE_LOOKUPS_PER_STAFF_HOUR": "5",
    "MEMBERDESK_ABUSE_REVEALS_PER_STAFF_HOUR": "3",
    "MEMBERDESK_ABUSE_EXPORT_ROWS": "100",
}


@pytest.fixture
def watched(db_url, tmp_path):
    server = ServerProcess(db_url, tmp_path, env=THRESHOLDS).start()
    yield server
    server.close()


def flagged(server: ServerProcess, code: str) -> list[dict]:
    from server import admin

    return [e for e in admin.list_exceptions(server.db, "open") if e["code"] == code]


def english(exception: dict) -> str:
    return Message.from_json(exception["message"]).render(catalog("en"))


def chinese(exception: dict) -> str:
    return Message.from_json(exception["message"]).render(catalog("zh_CN"))


def receipt_op(member_no: str, n: int, seq: int) -> dict:
    payload = {
        "member_no": member_no,
        "tenant_code": "B101",
        "receipt_no": f"R{n:06d}",
        "amount_fen": 10_000,
        "purchase_date": "2026-11-20",
    }
    return envelope("credit_receipt", payload, seq)


def test_many_receipts_credited_to_one_member(watched):
    desk = register(watched, 5)
    member = codes.make_member_no(5, 1)
    ops = [enroll_op(member, "13800000001")] + [receipt_op(member, n, n + 1) for n in range(1, 6)]
    assert push(watched, desk, ops).status_code == 200
    [found] = flagged(watched, "abuse_many_receipts")
    assert found["member_no"] == member and found["terminal_id"] == "T005"
    assert "receipts were credited to member" in english(found)


def test_one_member_redeeming_at_two_desks_within_minutes(watched):
    a, b = register(watched, 5), register(watched, 6)
    member = codes.make_member_no(5, 1)
    assert push(watched, a, [enroll_op(member, "13800000001")]).status_code == 200
    gift = {"member_no": member, "item_code": "G001", "quantity": 1}
    assert push(watched, a, [envelope("redeem_gift", gift, 2)]).status_code == 200
    assert not flagged(watched, "abuse_multi_desk_redemption")  # one desk is normal
    second = envelope("redeem_gift", gift, 1)
    second["local_time"] = "2026-11-20T02:04:00.000Z"  # four minutes later, at another desk (offline)
    assert push(watched, b, [second]).status_code == 200
    [found] = flagged(watched, "abuse_multi_desk_redemption")
    assert found["detail"]["desks"] == ["T005", "T006"] and "2 desks" in english(found)
    # Further redemptions that day do not open the same case again.
    third = envelope("redeem_gift", gift, 3)
    assert push(watched, a, [third]).status_code == 200
    assert len(flagged(watched, "abuse_multi_desk_redemption")) == 1


def test_a_donation_at_another_desk_counts_as_redeeming_there(watched):
    a, b = register(watched, 5), register(watched, 6)
    member = codes.make_member_no(5, 1)
    earn = envelope("earn", {"member_no": member, "amount_fen": 100_000}, 2)
    assert push(watched, a, [enroll_op(member, "13800000001"), earn]).status_code == 200
    donation = {"member_no": member, "campaign_code": "CHARITY2026", "points": 200}
    assert push(watched, a, [envelope("donate_points", donation, 3)]).status_code == 200
    assert not flagged(watched, "abuse_multi_desk_redemption")  # one desk is normal
    gift = envelope("redeem_gift", {"member_no": member, "item_code": "G001", "quantity": 1}, 1)
    gift["local_time"] = "2026-11-20T02:04:00.000Z"  # four minutes later, at another desk (offline)
    answer = push(watched, b, [gift])
    assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "applied"
    assert watched.scalar("SELECT status FROM ops WHERE kind = 'donate_points'") == "applied"
    [found] = flagged(watched, "abuse_multi_desk_redemption")
    assert found["detail"]["desks"] == ["T005", "T006"] and "2 desks" in english(found)


def test_a_reversal_without_a_matching_earning(watched):
    desk = register(watched, 5)
    member = codes.make_member_no(5, 1)
    earn = envelope("earn", {"member_no": member, "amount_fen": 20_000}, 2)
    assert push(watched, desk, [enroll_op(member, "13800000001"), earn]).status_code == 200
    matched = envelope("reverse", {"target_op_id": earn["op_id"], "reason": "returned"}, 3)
    assert push(watched, desk, [matched]).json()["results"][0]["status"] == "applied"
    assert not flagged(watched, "abuse_unmatched_reversal")
    ghost = str(uuid.UUID(bytes=os.urandom(16)))
    unmatched = envelope("reverse", {"target_op_id": ghost, "reason": "returned"}, 4)
    assert push(watched, desk, [unmatched]).json()["results"][0]["status"] == "rejected"
    [found] = flagged(watched, "abuse_unmatched_reversal")
    assert found["detail"]["staff_no"] == "C001" and "no matching earning" in english(found)


class AuditLog:
    """A terminal's audit chain made by hand, anchored over HTTP."""

    def __init__(self, server: ServerProcess, term: dict):
        self.server, self.term = server, term
        self.rows: list[dict] = []

    def add(self, staff_no: str, action: str, at: str, subject: str = "", detail: dict | None = None) -> None:
        row_id = len(self.rows) + 1
        prev = self.rows[-1]["hash"] if self.rows else GENESIS_HASH
        detail_json = json.dumps(detail or {}, separators=(",", ":"), sort_keys=True)
        row = {
            "id": row_id,
            "at": at,
            "terminal_id": self.term["terminal_id"],
            "staff_no": staff_no,
            "action": action,
            "subject": subject,
            "op_id": None,
            "detail": detail_json,
            "prev_hash": prev,
        }
        row["hash"] = audit_hash(prev, row_id, at, row["terminal_id"], staff_no, action, subject, None, detail_json)
        self.rows.append(row)

    def anchor(self, since: int = 0) -> dict:
        head = len(self.rows)
        body = {
            "epoch": 1,
            "head_id": head,
            "ladder": [[head, self.rows[-1]["hash"]]] if head else [],
            "rows": self.rows[since:],
        }
        answer = requests.post(self.server.base_url + "/v1/audit", json=body, headers=self.term["headers"], timeout=10)
        assert answer.status_code == 200, answer.text
        return answer.json()


def test_frequent_lookups_and_reveals_by_one_staff_member(watched):
    log = AuditLog(watched, register(watched, 5))
    for minute in range(4):
        log.add("D001", "lookup", f"2026-11-20T02:{minute:02d}:00.000Z", codes.make_member_no(5, minute + 1))
    assert log.anchor()["status"] == "ok"
    assert not flagged(watched, "abuse_frequent_lookups")
    log.add("D001", "lookup", "2026-11-20T02:30:00.000Z", codes.make_member_no(5, 9))
    log.add("D002", "lookup", "2026-11-20T02:31:00.000Z", codes.make_member_no(5, 9))
    for minute in range(3):
        log.add("M001", "reveal_phone", f"2026-11-20T02:4{minute}:00.000Z", codes.make_member_no(5, minute + 1))
    assert log.anchor(since=4)["status"] == "ok"
    [lookups] = flagged(watched, "abuse_frequent_lookups")
    assert lookups["detail"]["staff_no"] == "D001" and lookups["detail"]["count"] == 5
    assert "looked up 5 members" in english(lookups)
    [reveals] = flagged(watched, "abuse_frequent_reveals")
    assert reveals["detail"]["staff_no"] == "M001" and "revealed 3 full phone numbers" in english(reveals)
    # An hour later the same staff member starts afresh.
    log.add("D001", "lookup", "2026-11-20T04:00:00.000Z", codes.make_member_no(5, 9))
    assert log.anchor(since=9)["status"] == "ok"
    assert len(flagged(watched, "abuse_frequent_lookups")) == 1


def test_bulk_export(watched):
    log = AuditLog(watched, register(watched, 5))
    log.add("M001", "export", "2026-11-20T02:00:00.000Z", "members.csv", {"rows": 20})
    log.anchor()
    assert not flagged(watched, "abuse_bulk_export")
    log.add("M001", "export", "2026-11-20T02:10:00.000Z", "members.csv", {"rows": 5000})
    log.anchor(since=1)
    [found] = flagged(watched, "abuse_bulk_export")
    assert found["detail"]["rows"] == 5000 and "5000 rows" in english(found)


def test_abuse_exceptions_reach_the_desk_inbox_by_pull(db_url, tmp_path, make_terminal):
    server = ServerProcess(db_url, tmp_path, env=THRESHOLDS).start()
    try:
        desk = make_terminal(server, 7)
        from conftest import enroll

        result = enroll(desk.services, desk.desk, phone="13800000077")
        for n in range(3):
            desk.services.credit_receipt(
                desk.desk, result.member_no, "B101", f"X{n:05d}", 10_000, desk.clock().date().isoformat()
            )
        desk.sync()
        desk.sync()
        inbox = [r["code"] for r in desk.store.query("SELECT code FROM sync_exceptions WHERE status = 'open'")]
        assert "abuse_many_receipts" in inbox
    finally:
        server.close()
