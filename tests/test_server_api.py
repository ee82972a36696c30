"""The server's HTTP API: registration and tokens, push exactly once (replays, mismatches, gaps), pull, the
coupon race, reference data for terminals, the schema from Alembic."""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime

import pytest
import requests
from conftest import START, enroll
from server_fixtures import quiesce

from membership import codes
from membership.operations import payload_hash, validate_payload
from server import admin

NOW = datetime.now(UTC)


def register(server, code: int | None = None) -> dict:
    reg = admin.register(server.db, server.issue_code(f"Desk {code}", code), NOW)
    return {"token": reg.token, "terminal_id": reg.terminal_id, "headers": {"Authorization": f"Bearer {reg.token}"}}


def envelope(kind: str, payload: dict, seq: int = 1, epoch: int = 1) -> dict:
    payload = validate_payload(kind, payload)
    return {
        "op_id": codes.uuid7(int(NOW.timestamp() * 1000), os.urandom(10)),
        "epoch": epoch,
        "seq": seq,
        "kind": kind,
        "staff_no": "C001",
        "member_no": payload.get("member_no"),
        "local_time": "2026-11-20T02:00:00.000Z",
        "business_day": "2026-11-20",
        "online": True,
        "payload": payload,
        "payload_hash": payload_hash(kind, payload),
    }


def enroll_op(member_no: str, phone: str, seq: int = 1) -> dict:
    consent = {"accepted": True, "wording_version": "P2026.1", "at": "2026-11-20T02:00:00.000Z"}
    return envelope(
        "enroll",
        {
            "member_no": member_no,
            "name": "张三",
            "phone": phone,
            "birthday": "--03-15",
            "privacy_consent": consent,
            "marketing_consent": {**consent, "accepted": False},
        },
        seq,
    )


def push(server, term, ops):
    return requests.post(f"{server.base_url}/v1/push", json={"ops": ops}, headers=term["headers"], timeout=30)


def test_health_and_openapi_are_served(server):
    assert requests.get(server.base_url + "/v1/health", timeout=5).json()["status"] == "ok"
    spec = requests.get(server.base_url + "/openapi.json", timeout=5).json()
    assert {"/v1/push", "/v1/pull", "/v1/terminals/register", "/v1/snapshot"} <= set(spec["paths"])


def test_registration_code_is_one_time_and_token_hash_only(server):
    code = server.issue_code("服务台 3", 12)
    body = {"registration_code": code.lower()}
    first = requests.post(server.base_url + "/v1/terminals/register", json=body, timeout=5)
    assert first.status_code == 200 and first.json()["terminal_code"] == 12
    token = first.json()["token"]
    again = requests.post(server.base_url + "/v1/terminals/register", json=body, timeout=5)
    assert again.status_code == 400
    stored = server.rows("SELECT token_hash FROM terminals WHERE terminal_id = 'T012'")[0][0]
    assert stored != token and stored == admin.token_hash(token)


def test_revoked_terminal_is_refused_at_once(server):
    term = register(server, 5)
    assert requests.get(server.base_url + "/v1/pull", headers=term["headers"], timeout=5).status_code == 200
    admin.revoke_terminal(server.db, term["terminal_id"], NOW)
    refused = requests.get(server.base_url + "/v1/pull", headers=term["headers"], timeout=5)
    assert refused.status_code == 401 and refused.json()["code"] == "unauthenticated"
    assert requests.get(server.base_url + "/v1/pull", timeout=5).status_code == 401


def test_replay_returns_the_stored_outcome_and_a_changed_payload_is_an_error(server):
    term = register(server, 5)
    op = enroll_op(codes.make_member_no(5, 1), "13800000001")
    first = push(server, term, [op]).json()["results"][0]
    replay = push(server, term, [op]).json()["results"][0]
    assert replay["replay"] and {k: v for k, v in replay.items() if k != "replay"} == {
        k: v for k, v in first.items() if k != "replay"
    }
    changed = dict(op, payload={**op["payload"], "name": "李四"})
    changed["payload_hash"] = payload_hash("enroll", changed["payload"])
    answer = push(server, term, [changed])
    assert answer.status_code == 422 and answer.json()["code"] == "payload_mismatch"
    assert server.scalar("SELECT count(*) FROM ops") == 1


def test_a_gap_rejects_the_whole_batch(server):
    term = register(server, 5)
    ops = [
        enroll_op(codes.make_member_no(5, 1), "13800000001", 1),
        enroll_op(codes.make_member_no(5, 2), "13800000002", 3),
    ]
    answer = push(server, term, ops)
    assert answer.status_code == 409 and answer.json()["code"] == "sequence_gap"
    assert answer.json()["expected_seq"] == 2
    assert server.scalar("SELECT count(*) FROM ops") == 0


def test_one_bad_operation_does_not_block_the_queue(server):
    term = register(server, 5)
    bad = enroll_op(codes.make_member_no(5, 1), "13800000001", 1)
    bad["payload"]["phone"] = "12345"  # not a mobile number: the server refuses it as a business outcome
    bad["payload_hash"] = payload_hash("enroll", bad["payload"])
    good = enroll_op(codes.make_member_no(5, 2), "13800000002", 2)
    results = push(server, term, [bad, good]).json()["results"]
    assert [r["status"] for r in results] == ["rejected", "applied"]
    assert results[0]["code"] == "invalid_operation" and results[0]["exceptions"]


@pytest.mark.slow
def test_fifty_parallel_requests_redeem_one_coupon_exactly_once(server):
    [coupon] = admin.issue_coupons(server.db, "RED20", 1, START)
    terminals = [register(server) for _ in range(50)]
    barrier = threading.Barrier(50)
    answers: list[dict] = []
    lock = threading.Lock()

    def redeem(term: dict) -> None:
        op = envelope("verify_coupon", {"code": coupon, "purchase_amount_fen": 20_000})
        barrier.wait()
        result = push(server, term, [op]).json()["results"][0]
        with lock:
            answers.append(result)

    threads = [threading.Thread(target=redeem, args=(t,)) for t in terminals]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(answers) == 50
    assert sorted(a["status"] for a in answers) == ["applied"] + ["rejected"] * 49
    assert {a["code"] for a in answers if a["status"] == "rejected"} == {"coupon_used"}
    assert server.rows("SELECT status FROM coupons") == [("used",)]
    assert server.scalar("SELECT count(*) FROM exceptions WHERE code = 'coupon_used'") == 49


def test_staff_rules_and_keys_reach_every_terminal(server, make_terminal):
    desk = make_terminal(server, 7)
    other = make_terminal(server, 8)
    admin.save_staff(server.db, "D777", "赵六", "desk", "7777", NOW)
    key_id = admin.rotate_qr_key(server.db, NOW)
    admin.allocate_stock(server.db, "T007", "G001", 25, NOW)
    stock_before = other.store.stock_level("G001")
    quiesce(desk, other)
    session = desk.services.login("D777", "7777")  # staff log in offline on every terminal
    assert session.role == "desk"
    assert desk.store.stock_level("G001") == 75 and other.store.stock_level("G001") == stock_before
    pinned = {r[0] for r in other.store.query("SELECT key_id FROM qr_keys")}
    assert {7, 8, key_id} <= pinned
    # A member enrolled at desk 7 gets a QR signed there; desk 8 verifies it offline with the pinned key.
    result = enroll(desk.services, desk.desk, phone="13800000009")
    quiesce(desk, other)
    assert [h.member_no for h in other.services.lookup(other.desk, result.extra["member_token"])] == [result.member_no]
    admin.revoke_terminal(server.db, "T007", NOW)
    other.sync()
    assert 7 not in {r[0] for r in other.store.query("SELECT key_id FROM qr_keys")}


def test_migrations_build_exactly_the_declared_schema(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from server.db import ServerDB, metadata

    db = ServerDB(db_url)
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        db.dispose()
    assert diff == []


def test_cli_issues_codes_and_lists_exceptions(db_url, capsys):
    from server.cli import main

    assert main(["--db", db_url, "--lang", "en", "issue-code", "--name", "Desk 9", "--terminal-code", "9"]) == 0
    assert "Registration code for Desk 9" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                db_url,
                "--lang",
                "en",
                "staff-add",
                "M009",
                "--name",
                "王九",
                "--role",
                "manager",
                "--pin",
                "9999",
            ]
        )
        == 0
    )
    assert main(["--db", db_url, "--lang", "en", "exceptions"]) == 0
    assert main(["--db", db_url, "--lang", "en", "resolve", "99", "--decision", "x", "--staff", "M009"]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_health_reports_the_one_version_number(server):
    import requests

    from membership import __version__

    assert requests.get(f"{server.base_url}/v1/health", timeout=10).json()["version"] == __version__
