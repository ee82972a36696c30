"""Opening the store: safe journal settings, migrations, refusing a newer schema, its location."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlite3

from sync.store import Store, StoreError, default_data_dir


def test_wal_and_full_sync_are_set_and_checked(store):
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA synchronous") == 2


def test_a_newer_schema_is_refused(store, tmp_path):
    path = store.path
    store.conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('memberdesk-terminal', 'm999_from_the_future', 'x')"
    )
    store.conn.commit()
    store.close()
    with pytest.raises(StoreError) as err:
        Store(path)
    assert "m999_from_the_future" in str(err.value.message)


def test_migrations_are_idempotent(store):
    names = [m.name for m in __import__("sync.schema", fromlist=["migrations"]).migrations.applied(store.db)]
    again = Store(store.path)
    assert [m.name for m in __import__("sync.schema", fromlist=["migrations"]).migrations.applied(again.db)] == names
    again.close()


def test_store_without_terminal_identity_says_what_to_do(tmp_path):
    s = Store(tmp_path / "blank.sqlite3")
    with pytest.raises(StoreError) as err:
        s.terminal()
    assert "memberdesk init" in str(err.value.message)
    s.close()


def test_data_dir_is_application_data_not_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("MEMBERDESK_DATA", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_data_dir() == tmp_path / "data" / "memberdesk"
    assert "cache" not in str(default_data_dir()).lower()
    monkeypatch.setenv("MEMBERDESK_DATA", str(tmp_path / "x"))
    assert default_data_dir() == Path(tmp_path / "x")


def test_two_connections_write_in_turn(store, tmp_path):
    other = Store(store.path)
    with store.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('a', '1')")
    with other.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('b', '2')")
    assert store.setting("b") == "2"
    other.close()
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('a', '3')")
    assert store.setting("a") == "1"
