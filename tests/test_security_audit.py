"""The terminal's audit chain anchored at the server: rows edited, deleted or reordered on a terminal are found by
the server (and named by ``memberdesk-server audit-verify``); a terminal restored from a backup is not."""

from __future__ import annotations

import random
import shutil

import pytest
from conftest import enroll
from server_fixtures import quiesce

from server import admin
from server.audit import audit_hash as server_audit_hash
from server.audit import verify
from server.cli import main as server_cli
from sync.store import AUDIT_PROBLEMS
from sync.store import audit_hash as terminal_audit_hash


def tampered(server) -> list[dict]:
    return [e for e in admin.list_exceptions(server.db, None) if e["code"] == "audit_tampered"]


def busy(terminal, n: int = 3) -> None:
    for i in range(n):
        member = enroll(terminal.services, terminal.desk, phone=f"1380000{random.randrange(10_000):04d}").member_no
        terminal.services.earn(terminal.cashier, member, 10_000 + i)


def rewrite(store, sql: str, params: tuple = (), rehash_from: int | None = None) -> None:
    """What someone with the file can do: drop the triggers, change rows, optionally recompute the chain."""
    conn = store.conn
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute(sql, params)
    if rehash_from is not None:
        rows = conn.execute(
            "SELECT id, at, terminal_id, staff_no, action, subject, op_id, detail FROM audit WHERE id >= ? ORDER BY id",
            (rehash_from,),
        ).fetchall()
        prev = conn.execute("SELECT hash FROM audit WHERE id = ?", (rehash_from - 1,)).fetchone()[0]
        for row in rows:
            digest = terminal_audit_hash(prev, *row)
            conn.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?", (prev, digest, row[0]))
            prev = digest
    conn.commit()


def audit_verify(server, terminal_id: str, capsys) -> tuple[int, str]:
    code = server_cli(["--db", server.db_url, "--lang", "en", "audit-verify", terminal_id])
    return code, capsys.readouterr().out


def test_server_and_terminal_compute_the_same_chain_hash():
    rng = random.Random(7)
    for _ in range(50):
        args = (
            "".join(rng.choice("0123456789abcdef") for _ in range(64)),
            rng.randrange(1, 10**9),
            "2026-11-20T02:00:00.000Z",
            "T007",
            rng.choice(["M001", "D001", "SYSTEM"]),
            rng.choice(["login", "earn", "reveal_phone", "导出"]),
            rng.choice(["", "0070000017", "会员"]),
            rng.choice([None, "0190a4f2-0000-7000-8000-000000000000"]),
            '{"points":100}',
        )
        assert server_audit_hash(*args) == terminal_audit_hash(*args)


def test_every_sync_anchors_the_chain_and_verifies(server, make_terminal, capsys):
    desk = make_terminal(server, 7)
    busy(desk)
    desk.sync()
    head = desk.store.scalar("SELECT max(id) FROM audit")
    assert server.scalar("SELECT head_id FROM audit_anchors WHERE terminal_id = 'T007'") == head
    assert server.scalar("SELECT count(*) FROM terminal_audit WHERE terminal_id = 'T007' AND branch = 0") == head
    busy(desk, 1)
    desk.sync()
    assert server.scalar("SELECT head_id FROM audit_anchors WHERE terminal_id = 'T007'") == desk.store.scalar(
        "SELECT max(id) FROM audit"
    )
    code, out = audit_verify(server, "T007", capsys)
    assert code == 0 and "is intact" in out
    assert not tampered(server)


def test_an_edited_row_is_found_by_the_server(server, make_terminal, capsys):
    desk = make_terminal(server, 7)
    busy(desk)
    desk.sync()
    rewrite(desk.store, "UPDATE audit SET detail = '{\"points\":999999}' WHERE id = 5")
    assert desk.store.verify_audit_chain().first_broken_id == 5  # found locally
    desk.sync()
    [found] = tampered(server)
    assert found["detail"] == {"first_broken_id": 5, "reason": "changed"} and found["terminal_id"] == "T007"
    code, out = audit_verify(server, "T007", capsys)
    assert code == 1 and "broken at row 5" in out
    busy(desk, 1)
    desk.sync()  # later syncs go on, and the same case is not opened again
    assert len(tampered(server)) == 1


def test_a_rewritten_and_rehashed_chain_is_found_only_by_the_server(server, make_terminal, capsys):
    desk = make_terminal(server, 7)
    busy(desk, 4)
    desk.sync()
    head = desk.store.scalar("SELECT max(id) FROM audit")
    rewrite(desk.store, "UPDATE audit SET staff_no = 'X999' WHERE id = 9", rehash_from=9)
    assert desk.store.verify_audit_chain().ok  # a careful forger fools the terminal's own verifier
    desk.sync()
    [found] = tampered(server)
    assert found["detail"]["first_broken_id"] == 9
    code, out = audit_verify(server, "T007", capsys)
    assert code == 1 and "broken at row 9" in out
    # The server kept what was anchored before: the original row 9 is evidence in a branch.
    kept = server.rows("SELECT staff_no FROM terminal_audit WHERE terminal_id = 'T007' AND branch = 1 AND id = 9")
    now = server.rows("SELECT staff_no FROM terminal_audit WHERE terminal_id = 'T007' AND branch = 0 AND id = 9")
    assert kept == [("M001",)] and now == [("X999",)]
    assert server.scalar("SELECT count(*) FROM terminal_audit WHERE terminal_id = 'T007' AND branch = 1") == head - 8


def test_reordered_rows_are_found(server, make_terminal):
    desk = make_terminal(server, 7)
    busy(desk, 4)
    desk.sync()
    a = desk.store.query_one("SELECT * FROM audit WHERE id = 12")
    b = desk.store.query_one("SELECT * FROM audit WHERE id = 13")
    rewrite(
        desk.store,
        "UPDATE audit SET at = CASE id WHEN 12 THEN ? ELSE ? END, staff_no = CASE id WHEN 12 THEN ? ELSE ? END, "
        "action = CASE id WHEN 12 THEN ? ELSE ? END, subject = CASE id WHEN 12 THEN ? ELSE ? END, "
        "op_id = CASE id WHEN 12 THEN ? ELSE ? END, detail = CASE id WHEN 12 THEN ? ELSE ? END WHERE id IN (12, 13)",
        (
            b["at"],
            a["at"],
            b["staff_no"],
            a["staff_no"],
            b["action"],
            a["action"],
            b["subject"],
            a["subject"],
            b["op_id"],
            a["op_id"],
            b["detail"],
            a["detail"],
        ),
        rehash_from=12,
    )
    desk.sync()
    assert [e["detail"]["first_broken_id"] for e in tampered(server)] == [12]


def test_deleted_newest_rows_are_found(server, make_terminal, capsys):
    desk = make_terminal(server, 7)
    busy(desk)
    desk.sync()
    head = desk.store.scalar("SELECT max(id) FROM audit")
    rewrite(desk.store, "DELETE FROM audit WHERE id > ?", (head - 3,))
    assert desk.store.verify_audit_chain().ok  # truncating the end cannot be seen locally
    desk.sync()
    [found] = tampered(server)
    assert found["detail"] == {"first_broken_id": head - 2, "reason": "removed"}
    code, out = audit_verify(server, "T007", capsys)
    assert code == 1 and f"broken at row {head - 2}" in out


def test_a_terminal_restored_from_a_backup_is_not_taken_for_tampering(server, make_terminal, tmp_path, capsys):
    desk = make_terminal(server, 7)
    busy(desk, 2)
    desk.sync()
    backup = tmp_path / "backup.sqlite3"
    desk.store.conn.execute(f"VACUUM INTO '{backup}'")
    busy(desk, 2)  # work after the backup reaches the server, then the disk dies
    desk.sync()
    anchored = server.scalar("SELECT head_id FROM audit_anchors WHERE terminal_id = 'T007'")
    path = desk.store.path
    desk.close()
    for suffix in ("", "-wal", "-shm"):
        (path.parent / (path.name + suffix)).unlink(missing_ok=True)
    shutil.copyfile(backup, path)
    restored = make_terminal.open(path, desk.clock)  # staff log in: new audit rows on the older chain
    quiesce(restored)
    assert restored.store.terminal().epoch > 1
    assert not tampered(server)
    [branch] = server.rows("SELECT reason, last_id FROM audit_branches WHERE terminal_id = 'T007'")
    assert branch == ("restored", anchored)
    code, out = audit_verify(server, "T007", capsys)
    assert code == 0 and "restored" in out
    assert server.scalar("SELECT head_id FROM audit_anchors WHERE terminal_id = 'T007'") == restored.store.scalar(
        "SELECT max(id) FROM audit"
    )


def test_the_verifier_reports_a_break_in_the_servers_own_copy(server, make_terminal):
    desk = make_terminal(server, 7)
    busy(desk)
    desk.sync()
    with server.db.write() as tx:
        from sqlalchemy import text

        tx.conn.execute(text("UPDATE terminal_audit SET action = 'nothing' WHERE terminal_id = 'T007' AND id = 4"))
    verdict = verify(server.db, "T007")
    assert not verdict.ok and verdict.first_broken_id == 4


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("kind", "sql", "offset"),
    [
        ("changed", "UPDATE audit SET detail = '{\"points\":999999}' WHERE id = ?", 0),
        ("link", "UPDATE audit SET prev_hash = '" + "0" * 64 + "' WHERE id = ?", 0),
        ("missing", "DELETE FROM audit WHERE id = ?", 1),  # the gap shows at the row after it
    ],
)
def test_a_row_broken_before_it_was_anchored_is_named_alike_by_the_terminal_and_the_server(
    server, make_terminal, kind, sql, offset
):
    desk = make_terminal(server, 7)
    desk.sync()
    busy(desk)  # rows the server has not seen yet
    target = desk.store.scalar("SELECT max(id) FROM audit") - 2
    rewrite(desk.store, sql, (target,))
    check = desk.store.verify_audit_chain()
    assert (check.ok, check.first_broken_id, check.reason) == (False, target + offset, AUDIT_PROBLEMS[kind])
    desk.sync()
    assert [e["detail"] for e in tampered(server)] == [{"first_broken_id": target + offset, "reason": kind}]
