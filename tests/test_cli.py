"""The memberdesk command, run as a real process against a real store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(db: Path, *args: str, ok: bool = True, lang: str = "en") -> subprocess.CompletedProcess:
    env = {**os.environ, "MEMBERDESK_DB": str(db), "MEMBERDESK_LANG": lang, "MEMBERDESK_NOW": "2026-11-20T02:00:00Z"}
    result = subprocess.run(
        [sys.executable, "-m", "sync.cli", *args], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert (result.returncode == 0) == ok, result.stdout + result.stderr
    return result


def test_operator_workflow(tmp_path):
    db = tmp_path / "t.sqlite3"
    run(db, "init", "--terminal-code", "12", "--name", "服务台 3")
    run(db, "staff-add", "d001", "--name", "李娜", "--role", "desk", "--pin", "2345")
    run(db, "staff-add", "M001", "--name", "王经理", "--role", "manager", "--pin", "1234")
    out = run(
        db,
        "do",
        "enroll",
        "--staff",
        "D001",
        "--pin",
        "2345",
        "--name",
        "张三",
        "--phone",
        "13812345678",
        "--birthday",
        "03-15",
        "--privacy",
        "--json",
    ).stdout
    member = __import__("json").loads(out)["member_no"]
    assert member.startswith("012")
    out = run(
        db,
        "do",
        "credit-receipt",
        "--staff",
        "D001",
        "--pin",
        "2345",
        "--member",
        member,
        "--tenant",
        "F401",
        "--receipt",
        "R-1",
        "--amount",
        "128.50",
        "--date",
        "2026-11-19",
    ).stdout
    assert "128 points" in out and "100 → 228" in out
    err = run(
        db,
        "do",
        "credit-receipt",
        "--staff",
        "D001",
        "--pin",
        "2345",
        "--member",
        member,
        "--tenant",
        "F401",
        "--receipt",
        "R-1",
        "--amount",
        "128.50",
        "--date",
        "2026-11-19",
        ok=False,
    ).stderr
    assert "already credited" in err
    zh = run(
        db,
        "do",
        "adjust",
        "--staff",
        "D001",
        "--pin",
        "2345",
        "--member",
        member,
        "--points",
        "5",
        "--reason",
        "x",
        ok=False,
        lang="zh_CN",
    ).stderr
    assert "经理" in zh
    out = run(db, "lookup", "--staff", "D001", "--pin", "2345", "138 1234 5678").stdout
    assert member in out and "138****5678" in out and "13812345678" not in out
    assert "credit_receipt" in run(db, "oplog").stdout
    assert "intact" in run(db, "audit-verify").stdout


def test_demo_and_import(tmp_path):
    db = tmp_path / "t.sqlite3"
    run(db, "init", "--terminal-code", "5")
    assert "300 members" in run(db, "demo", "--members", "300").stdout
    good = tmp_path / "good.csv"
    good.write_text(
        "name,phone,birthday,points\n赵六,13700000001,1980-01-02,500\n钱七,13700000002,12-24,0\n", encoding="utf-8"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("name,phone,birthday\n孙八,123,01-01\n李九,13700000003,02-30\n", encoding="utf-8")
    err = run(db, "import-members", str(bad), ok=False).stderr
    assert "bad.csv:2" in err and "bad.csv:3" in err and "Nothing was imported: 2 problem(s)" in err
    assert "2 members imported" in run(db, "import-members", str(good)).stdout
    run(db, "import-members", str(good), ok=False)  # the same phones again: refused whole


def test_backup_is_a_consistent_working_store(tmp_path):
    db = tmp_path / "t.sqlite3"
    run(db, "init", "--terminal-code", "5")
    run(db, "staff-add", "D001", "--name", "李娜", "--role", "desk", "--pin", "2345")
    run(
        db,
        "do",
        "enroll",
        "--staff",
        "D001",
        "--pin",
        "2345",
        "--name",
        "张三",
        "--phone",
        "13812345678",
        "--birthday",
        "03-15",
        "--privacy",
    )
    backup = tmp_path / "backup.sqlite3"
    assert "backup written" in run(db, "backup", str(backup)).stdout
    # The backup is encrypted with the store's key; a copy elsewhere needs that key brought along.
    assert "not in this computer's keyring" in run(backup, "audit-verify", ok=False).stderr
    assert "wrong" in run(backup, "store-key", "import", "ab" * 32, ok=False).stderr
    key = run(db, "store-key", "export").stdout.strip()
    assert len(key) == 64
    assert "saved" in run(backup, "store-key", "import", key).stdout
    assert "13812345678" not in run(backup, "lookup", "--staff", "D001", "--pin", "2345", "13812345678").stdout
    assert "0050000017" in run(backup, "lookup", "--staff", "D001", "--pin", "2345", "13812345678").stdout
    assert "intact" in run(backup, "audit-verify").stdout
    run(db, "backup", str(backup), ok=False)  # never overwrites
