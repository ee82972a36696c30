"""Bootstrap from a snapshot: same schema as a terminal store, verified, swapped in, resumable, then a pull."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import enroll
from server_fixtures import assert_converged, quiesce

from server import admin
from server.db import ServerDB
from server.snapshot import build_snapshot, build_snapshot_file
from sync import storekey
from sync.client import ProtocolError, ServerClient
from sync.snapshot import bootstrap
from sync.store import Store

NOW = datetime.now(UTC)


def schema(path, key: bytes | None = None) -> set[tuple[str, str, str]]:
    from sqlcipher3 import dbapi2 as sqlite3

    from sync.store import open_connection

    conn = open_connection(path, key) if key else sqlite3.connect(str(path))
    try:
        return {
            (t, n, " ".join((s or "").split()))
            for t, n, s in conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        }
    finally:
        conn.close()


def test_snapshot_has_exactly_the_terminal_schema(tmp_path):
    from server import admin

    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    admin.migrate(url)
    db = ServerDB(url)
    try:
        build_snapshot_file(db, tmp_path / "snap.sqlite3")
    finally:
        db.dispose()
    fresh = Store(tmp_path / "fresh.sqlite3")
    fresh.close()
    assert not storekey.is_plain_sqlite(tmp_path / "fresh.sqlite3")
    made = schema(tmp_path / "snap.sqlite3") - {
        ("table", n, s) for _, n, s in schema(tmp_path / "snap.sqlite3") if n.startswith("snapshot_")
    }
    assert made == schema(tmp_path / "fresh.sqlite3", fresh.key)
    # Opening the snapshot as a store applies nothing and refuses nothing.
    Store(tmp_path / "snap.sqlite3").close()


def test_new_terminal_bootstraps_from_a_snapshot_then_pulls(server, make_terminal, tmp_path):
    a = make_terminal(server, 7)
    members = [enroll(a.services, a.desk, phone=f"1380000{n:04d}").member_no for n in range(20)]
    for n, member in enumerate(members):
        a.services.earn(a.cashier, member, 1_000 * (n + 1))
    a.services.claim_benefit(a.desk, members[0], "parking")
    a.sync()
    info = build_snapshot(server.db, server.workdir / "snapshots", NOW)
    a.services.earn(a.cashier, members[1], 77_700)  # after the snapshot: comes by pull
    a.sync()

    b = make_terminal(server, 8)
    path = b.store.path
    b.close()
    report = bootstrap(path)
    assert report.change_no == info["change_no"] and report.members == 20
    b = make_terminal.open(path, b.clock)
    assert int(b.store.setting("sync.cursor")) == info["change_no"]
    assert b.store.integrity_check() == "ok"
    pulled = b.sync().pulled
    assert 0 < pulled < server.scalar("SELECT count(*) FROM changes")
    quiesce(a, b)
    assert_converged(server, a, b)
    assert b.store.terminal().terminal_id == "T008" and b.store.setting("sync.token")
    assert b.services.summary(b.desk, members[1]).balance == 100 + 20 + 777


def test_download_resumes_and_refuses_a_damaged_file(server, make_terminal, tmp_path):
    a = make_terminal(server, 7)
    enroll(a.services, a.desk)
    a.sync()
    build_snapshot(server.db, server.workdir / "snapshots", NOW)
    client = ServerClient(server.base_url, a.store.setting("sync.token"))
    info = client.snapshot_info()
    whole = client.download(info["url"], tmp_path / "whole.gz", info["size"], info["sha256"])
    data = whole.read_bytes()
    partial = tmp_path / "resumed.gz"
    (tmp_path / "resumed.gz.part").write_bytes(data[: len(data) // 2])
    got: list[int] = []
    client.download(info["url"], partial, info["size"], info["sha256"], progress=lambda n, _: got.append(n))
    assert partial.read_bytes() == data and got[0] > len(data) // 2  # only the rest was fetched
    (tmp_path / "bad.gz.part").write_bytes(b"x" * (len(data) // 2))
    with pytest.raises(ProtocolError) as err:
        client.download(info["url"], tmp_path / "bad.gz", info["size"], info["sha256"])
    assert err.value.code == "checksum" and not (tmp_path / "bad.gz").exists()


def test_bootstrap_refuses_a_store_with_unconfirmed_operations(server, make_terminal):
    a = make_terminal(server, 7)
    enroll(a.services, a.desk)
    path = a.store.path
    a.close()
    with pytest.raises(ProtocolError) as err:
        bootstrap(path)
    assert err.value.code == "unsynced"


def test_old_snapshots_are_pruned(tmp_path):
    from server import admin
    from server.snapshot import KEEP_SNAPSHOTS

    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    admin.migrate(url)
    db = ServerDB(url)
    try:
        made = [build_snapshot(db, tmp_path / "snapshots", NOW.replace(microsecond=n)) for n in range(4)]
        with db.engine.connect() as conn:
            from sqlalchemy import text

            names = [r[0] for r in conn.execute(text("SELECT file_name FROM snapshots ORDER BY id"))]
    finally:
        db.dispose()
    kept = [Path(m["file"]).name for m in made[-KEEP_SNAPSHOTS:]]
    assert names == kept
    assert sorted(p.name for p in (tmp_path / "snapshots").iterdir()) == sorted(kept)


def test_the_change_feed_is_pruned_only_below_what_every_active_terminal_has(server, make_terminal):
    from server.snapshot import prune_changes

    a = make_terminal(server, 7)
    members = [enroll(a.services, a.desk, phone=f"1390000{n:04d}").member_no for n in range(5)]
    quiesce(a)
    idle = make_terminal(server, 9)  # registered, never pulled: holds pruning back
    build_snapshot(server.db, server.workdir / "snapshots", NOW)
    assert prune_changes(server.db) == (0, 0)
    idle.close()
    admin.revoke_terminal(server.db, "T009", NOW)
    quiesce(a)  # a has pulled everything: the snapshot is the lower bound now
    snap = build_snapshot(server.db, server.workdir / "snapshots", NOW.replace(microsecond=1))
    floor, deleted = prune_changes(server.db)
    assert floor == snap["change_no"] and deleted > 0
    assert server.scalar(f"SELECT count(*) FROM changes WHERE change_no <= {floor}") == 0
    # The working terminal carries on as before.
    a.services.earn(a.cashier, members[0], 5_000)
    quiesce(a)
    # A terminal registered now cannot catch up change by change: told to bootstrap, and that works.
    b = make_terminal(server, 8)
    with pytest.raises(ProtocolError) as err:
        b.engine.sync_once()
    assert err.value.code == "bootstrap_required"
    assert "snapshot" in str(err.value.message)
    path, clock = b.store.path, b.clock
    b.close()
    bootstrap(path)
    b = make_terminal.open(path, clock)
    quiesce(a, b)
    assert_converged(server, a, b)
