"""The audit chain: append-only, and any edit, deletion or reordering is found and located."""

from __future__ import annotations

import pytest
from conftest import enroll
from sqlcipher3 import dbapi2 as sqlite3


@pytest.fixture
def busy_store(services, store, desk, cashier):
    member = enroll(services, desk).member_no
    for amount in (10_000, 20_000, 30_000):
        services.earn(cashier, member, amount)
    return store


def tamper(store, sql: str, *params) -> None:
    """What an attacker with the database file could do: drop the guards, then rewrite rows."""
    from sync.store import open_connection

    conn = open_connection(store.path, store.key)  # the attacker has the key too: the chain still tells
    conn.executescript("DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;")
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_intact_chain_verifies(busy_store):
    check = busy_store.verify_audit_chain()
    assert check.ok and check.rows_checked == busy_store.scalar("SELECT count(*) FROM audit")


def test_triggers_refuse_edits_and_deletes(busy_store):
    with pytest.raises(sqlite3.IntegrityError):
        busy_store.conn.execute("UPDATE audit SET staff_no = 'X' WHERE id = 3")
    with pytest.raises(sqlite3.IntegrityError):
        busy_store.conn.execute("DELETE FROM ledger")
    with pytest.raises(sqlite3.IntegrityError):
        busy_store.conn.execute("UPDATE oplog SET payload = '{}'")
    with pytest.raises(sqlite3.IntegrityError):
        busy_store.conn.execute("DELETE FROM oplog")


def test_edited_row_is_located(busy_store):
    tamper(busy_store, "UPDATE audit SET staff_no = 'M001' WHERE id = 5")
    check = busy_store.verify_audit_chain()
    assert (check.ok, check.first_broken_id, check.rows_checked) == (False, 5, 4)
    assert "changed" in check.reason


def test_deleted_row_is_located(busy_store):
    tamper(busy_store, "DELETE FROM audit WHERE id = 4")
    check = busy_store.verify_audit_chain()
    assert (check.ok, check.first_broken_id) == (False, 5)


def test_reordered_rows_are_found(busy_store):
    tamper(busy_store, "UPDATE audit SET id = -id WHERE id IN (5, 6)")
    tamper(busy_store, "UPDATE audit SET id = 6 WHERE id = -5")
    tamper(busy_store, "UPDATE audit SET id = 5 WHERE id = -6")
    check = busy_store.verify_audit_chain()
    assert (check.ok, check.first_broken_id) == (False, 5)


def test_rehashed_forgery_breaks_the_next_link(busy_store):
    from sync.store import audit_hash

    row = busy_store.query_one("SELECT * FROM audit WHERE id = 5")
    forged = audit_hash(
        row["prev_hash"],
        5,
        row["at"],
        row["terminal_id"],
        "M001",
        row["action"],
        row["subject"],
        row["op_id"],
        row["detail"],
    )
    tamper(busy_store, "UPDATE audit SET staff_no = 'M001', hash = ? WHERE id = 5", forged)
    check = busy_store.verify_audit_chain()
    assert (check.ok, check.first_broken_id) == (False, 6)
