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
    from membership.audit_chain import row_hash

    row = busy_store.query_one("SELECT * FROM audit WHERE id = 5")
    forged = row_hash(row["prev_hash"], {**dict(row), "staff_no": "M001"})
    tamper(busy_store, "UPDATE audit SET staff_no = 'M001', hash = ? WHERE id = 5", forged)
    check = busy_store.verify_audit_chain()
    assert (check.ok, check.first_broken_id) == (False, 6)


def test_every_row_hash_covers_its_content_and_links_to_the_one_before(busy_store):
    from membership.audit_chain import GENESIS_HASH, row_hash, row_problem

    previous = GENESIS_HASH
    rows = busy_store.query("SELECT * FROM audit ORDER BY id")
    assert len(rows) > 3
    for expected_id, row in enumerate(rows, start=1):
        assert row_hash(previous, row) == row["hash"]  # what append_audit wrote
        assert row_problem(row, expected_id, previous) is None
        previous = row["hash"]
    fourth = dict(rows[3])
    assert row_problem(fourth, 5, rows[2]["hash"]) == "missing"
    assert row_problem(fourth, 4, GENESIS_HASH) == "link"
    assert row_problem({**fourth, "subject": "someone else"}, 4, rows[2]["hash"]) == "changed"
    assert row_problem(fourth, 4, rows[2]["hash"]) is None
