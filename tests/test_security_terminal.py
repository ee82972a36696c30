"""Terminal-side security (issue 7): the encrypted store and its keyring key, phone look-up through a
keyed hash, the PIN step-up, audited refusals, and no full phone number in logs, receipts or tables."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_store, enroll
from printing_data import flat, pdf_text

from sync import storekey
from sync.auth import AuthError
from sync.store import Store, StoreError, open_connection

ROOT = Path(__file__).resolve().parent.parent
PHONE = "13912345678"
NAME = "欧阳娜娜"


def file_bytes(path: Path) -> bytes:
    return b"".join(
        Path(str(path) + suffix).read_bytes() for suffix in ("", "-wal", "-shm") if Path(str(path) + suffix).exists()
    )


def digest(path: Path) -> str:
    return hashlib.sha256(file_bytes(path)).hexdigest()


@pytest.fixture
def busy(services, desk, cashier):
    member = enroll(services, desk, phone=PHONE, name=NAME).member_no
    services.earn(cashier, member, 12_345)
    services.lookup(desk, PHONE)
    services.lookup(desk, NAME[:2])
    services.flush_lookup_audit()
    return member


def test_raw_database_file_holds_no_phone_or_name(store, busy, tmp_path):
    raw = file_bytes(store.path)
    for needle in (PHONE.encode(), NAME.encode(), PHONE[-8:].encode(), b"SQLite format 3"):
        assert needle not in raw, needle
    # The search itself works: the same data exported without a key shows the name in clear.
    plain = tmp_path / "plain.sqlite3"
    store.conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    store.conn.execute("SELECT sqlcipher_export('plain')")
    store.conn.execute("DETACH DATABASE plain")
    assert NAME.encode() in plain.read_bytes()


def test_members_table_holds_no_full_phone_and_lookup_goes_through_the_keyed_hash(store, services, busy, desk):
    row = store.query_one("SELECT phone, phone_hash, phone_sealed FROM members WHERE member_no = ?", (busy,))
    assert row["phone"] == "139****5678"
    assert PHONE.encode() not in bytes(row["phone_sealed"]) and len(row["phone_hash"]) == 16
    assert store.scalar("SELECT count(*) FROM members WHERE phone LIKE '%12345678%'") == 0
    assert [h.member_no for h in services.lookup(desk, "139 1234 5678")] == [busy]
    # The hash is keyed: the same number hashes differently in another store (another key).
    other = Store(store.path.parent / "other.sqlite3")
    try:
        assert other.phone_keys.hash(PHONE) != bytes(row["phone_hash"])
    finally:
        other.close()


def test_wrong_key_fails_cleanly_and_changes_nothing(store, busy):
    path, key = store.path, store.key
    store.close()
    before = digest(path)
    storekey.save_key(path, storekey.new_key())
    with pytest.raises(StoreError) as err:
        Store(path)
    assert "cannot be opened with the key" in str(err.value)
    assert digest(path) == before
    storekey.save_key(path, key)
    with Store(path) as again:
        assert again.member_row(busy) is not None


def test_missing_key_fails_cleanly_and_never_makes_a_new_one(store, busy):
    path = store.path
    store.close()
    before = digest(path)
    storekey.delete_key(path)
    with pytest.raises(StoreError) as err:
        Store(path)
    assert "not in this computer's keyring" in str(err.value)
    assert storekey.load_key(path) is None and digest(path) == before


def test_desk_app_says_what_is_wrong_when_the_key_is_missing(template_store, tmp_path):
    path = copy_store(template_store, tmp_path / "terminal.sqlite3")
    storekey.delete_key(path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "desktop.app", "--db", str(path), "--self-check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert run.returncode == 2
    assert "钥匙串中没有" in run.stderr  # Simplified Chinese by default
    assert "Traceback" not in run.stderr


def test_no_keyring_fails_cleanly(template_store, tmp_path):
    path = copy_store(template_store, tmp_path / "terminal.sqlite3")
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "MEMBERDESK_DB": str(path)}
    run = subprocess.run(
        [sys.executable, "-m", "sync.cli", "audit-verify"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert run.returncode == 1 and "没有可保存数据库密钥的钥匙串" in run.stderr and "Traceback" not in run.stderr


def test_a_plain_store_from_before_encryption_is_encrypted_in_place(store, busy, tmp_path):
    legacy = tmp_path / "legacy.sqlite3"
    store.conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(legacy),))
    store.conn.execute("SELECT sqlcipher_export('plain')")
    store.conn.execute("DETACH DATABASE plain")
    assert storekey.is_plain_sqlite(legacy) and storekey.load_key(legacy) is None
    with Store(legacy) as upgraded:
        assert upgraded.member_row(busy)["phone"] == "139****5678"
        assert upgraded.verify_audit_chain().ok
    assert not storekey.is_plain_sqlite(legacy) and NAME.encode() not in file_bytes(legacy)
    open_connection(legacy, storekey.load_key(legacy)).close()


# -- step-up --------------------------------------------------------------------------------------


def last_audit(store) -> tuple[str, str]:
    row = store.query_one("SELECT action, subject FROM audit ORDER BY id DESC LIMIT 1")
    return row["action"], row["subject"]


def test_reveal_asks_for_the_pin_again_and_audits(services, store, manager, member):
    rows = store.scalar("SELECT count(*) FROM audit")
    with pytest.raises(AuthError) as err:
        services.reveal_phone(manager, member)
    assert err.value.code == "step_up_required" and store.scalar("SELECT count(*) FROM audit") == rows
    with pytest.raises(AuthError) as err:
        services.reveal_phone(manager, member, pin="9999")
    assert err.value.code == "step_up_failed" and last_audit(store) == ("step_up_failed", "M001")
    assert services.reveal_phone(manager, member, pin="1234") == "13812345678"
    assert last_audit(store) == ("reveal_phone", member)


def test_wrong_step_up_pins_lock_the_manager_out(services, store, manager, member):
    for _ in range(4):
        with pytest.raises(AuthError):
            services.adjust(manager, member, 10, "goodwill", pin="0000")
    with pytest.raises(AuthError) as err:
        services.adjust(manager, member, 10, "goodwill", pin="0000")
    assert err.value.code == "locked"
    with pytest.raises(AuthError) as err:
        services.adjust(manager, member, 10, "goodwill", pin="1234")  # the session ended with the lock
    assert err.value.code == "no_session"
    with pytest.raises(AuthError) as err:
        services.login("M001", "1234")
    assert err.value.code == "locked"
    assert store.scalar("SELECT count(*) FROM oplog WHERE kind = 'adjust'") == 0


def test_large_redemptions_ask_for_the_pin_small_ones_do_not(services, store, desk, cashier, member, online):
    online.value = True  # above the offline redemption cap
    services.adjust(services.login("M001", "1234"), member, 20_000, "opening balance", pin="1234")
    services.redeem_cash_offset(cashier, member, 1_000, 10_000)  # below security.step_up_points
    with pytest.raises(AuthError) as err:
        services.redeem_cash_offset(cashier, member, 5_000, 200_00)
    assert err.value.code == "step_up_required"
    with pytest.raises(AuthError):
        services.redeem_cash_offset(cashier, member, 5_000, 200_00, pin="2345")  # the desk's PIN, not hers
    services.redeem_cash_offset(cashier, member, 5_000, 200_00, pin="3456")
    with pytest.raises(AuthError) as err:
        services.redeem_gift(desk, member, "G003", 2)  # 2 × 3,000 points
    assert err.value.code == "step_up_required"
    assert services.redeem_gift(desk, member, "G003", 2, pin="2345").receipt.points_delta == -6_000


def test_permission_refusal_is_audited(services, store, cashier, member):
    with pytest.raises(AuthError) as err:
        services.adjust(cashier, member, 100, "for a friend", pin="3456")
    assert err.value.code == "not_permitted"
    assert last_audit(store) == ("permission_refused", "adjust")
    assert store.scalar("SELECT count(*) FROM oplog WHERE kind = 'adjust'") == 0


# -- no full phone number in logs, receipts, audit or exports ----------------------------------------


def test_no_full_phone_in_logs_receipts_or_audit(services, store, desk, manager, caplog):
    from printing.receipt import render_receipt

    caplog.set_level(logging.DEBUG)
    result = enroll(services, desk, phone=PHONE, name=NAME)
    member = result.member_no
    services.lookup(desk, PHONE)
    services.flush_lookup_audit()
    earned = services.earn(services.login("C001", "3456"), member, 8_800)
    assert services.reveal_phone(manager, member, pin="1234") == PHONE  # the one audited place it appears
    receipts = [result.receipt, earned.receipt, services.reprint_receipt(desk, earned.op_id)]
    for receipt in receipts:
        text = flat(pdf_text(render_receipt(receipt)))
        assert PHONE not in text and "139****5678" in text
    assert PHONE not in caplog.text
    for table in ("audit", "members", "sync_exceptions", "receipts", "ledger"):
        for row in store.query(f"SELECT * FROM {table}"):
            assert PHONE not in repr(tuple(row)), table


def test_security_rules_are_bounded_and_optional():
    import tomllib

    from membership.rules import RulesError, default_rules_path, rules_from_dict

    data = tomllib.loads(default_rules_path().read_text(encoding="utf-8"))
    older = {k: v for k, v in data.items() if k != "security"}  # a rules file from before [security]
    rules = rules_from_dict(older)
    assert (rules.lockout_failures, rules.lockout_minutes, rules.step_up_points) == (5, 30, 5000)
    for field, value in (("lockout_failures", 11), ("lockout_minutes", 10), ("step_up_points", -1)):
        with pytest.raises(RulesError, match=field):
            rules_from_dict({**data, "security": {**data["security"], field: value}})


def test_lockout_follows_the_rules(services, store, clock):
    import tomllib

    from membership.rules import default_rules_path
    from sync.setup import load_rules

    text = default_rules_path().read_text(encoding="utf-8").replace("lockout_failures = 5", "lockout_failures = 2")
    assert tomllib.loads(text)["security"]["lockout_failures"] == 2
    custom = store.path.parent / "rules.toml"
    custom.write_text(text, encoding="utf-8")
    load_rules(store, custom, clock())
    with pytest.raises(AuthError):
        services.login("D001", "0000")
    with pytest.raises(AuthError) as err:
        services.login("D001", "0000")
    assert err.value.code == "locked"


def test_a_pulled_disabling_or_demotion_takes_effect_at_the_next_action(services, store, manager, desk, member):
    with store.transaction() as conn:  # what the pull of a staff row does
        conn.execute("UPDATE staff SET role = 'desk' WHERE staff_no = 'M001'")
    with pytest.raises(AuthError) as err:
        services.adjust(manager, member, 10, "goodwill", pin="1234")
    assert err.value.code == "not_permitted"
    with store.transaction() as conn:
        conn.execute("UPDATE staff SET active = 0 WHERE staff_no = 'D001'")
    with pytest.raises(AuthError) as err:
        services.lookup(desk, member)
    assert err.value.code == "disabled"
    with pytest.raises(AuthError) as err:
        services.lookup(desk, member)
    assert err.value.code == "no_session"


def test_a_damaged_keyring_entry_is_never_used_as_a_key(tmp_path):
    import keyring

    from sync.storekey import SERVICE, key_name

    path = tmp_path / "new.sqlite3"
    keyring.set_password(SERVICE, key_name(path), "not a key")
    with pytest.raises(StoreError) as err:
        Store(path)
    assert "cannot be opened with the key" in str(err.value) and not path.exists()


def test_approval_pins_count_towards_the_lockout(services, store, desk, member):
    for _ in range(4):
        with pytest.raises(AuthError) as err:
            services.credit_receipt(desk, member, "F101", "BIG-1", 600_000, "2026-11-19", approver=("M001", "0000"))
        assert err.value.code == "approval_failed"
    with pytest.raises(AuthError) as err:
        services.credit_receipt(desk, member, "F101", "BIG-1", 600_000, "2026-11-19", approver=("M001", "0000"))
    assert err.value.code == "locked"
    # Locked: even the right PIN is refused now, at the approval and at the manager's own step-up.
    with pytest.raises(AuthError) as err:
        services.credit_receipt(desk, member, "F101", "BIG-1", 600_000, "2026-11-19", approver=("M001", "1234"))
    assert err.value.code == "locked"
    assert [r["action"] for r in store.query("SELECT action FROM audit WHERE action = 'approval_failed'")] == [
        "approval_failed"
    ] * 5


def test_a_demoted_manager_no_longer_approves_their_own_receipts(services, store, manager, member):
    with store.transaction() as conn:
        conn.execute("UPDATE staff SET role = 'desk' WHERE staff_no = 'M001'")
    from membership.decisions import Refused

    with pytest.raises(Refused) as err:
        services.credit_receipt(manager, member, "F101", "BIG-2", 600_000, "2026-11-19")
    assert err.value.code == "receipt_needs_manager"


def test_two_processes_creating_the_same_store_agree_on_one_key(tmp_path):
    code = "import sys; from sync.store import Store; Store(sys.argv[1]).close()"
    for round_no in range(4):
        path = tmp_path / f"race-{round_no}.sqlite3"
        children = [
            subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
            for _ in range(3)
        ]
        for child in children:
            _, err = child.communicate(timeout=120)
            assert child.returncode == 0, err
        with Store(path) as store:  # the key in the keyring is the one the file was made with
            assert store.integrity_check() == "ok"
        assert not Path(str(path) + ".keylock").exists()
