"""The operator's consistency check (`memberdesk consistency`): silent and 0 when the terminal equals the server,
every difference named and exit 1 when it does not."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import enroll
from server_fixtures import ROOT, quiesce

from sync.consistency import compare


def _run(db, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MEMBERDESK_DB": str(db), "MEMBERDESK_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "sync.cli", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


def test_the_consistency_check_names_every_difference(server, make_terminal):
    a, b = make_terminal(server, 7), make_terminal(server, 8)
    members = [enroll(a.services, a.desk, phone=f"1370000{n:04d}").member_no for n in range(5)]
    for n, member in enumerate(members):
        a.services.earn(a.cashier, member, 5_000 + 1_000 * n)
    quiesce(a, b)
    assert list(compare(b.store, b.engine.client, page=2)) == []  # paging across several pages
    path = b.store.path
    first, second, third = members[0], members[2], members[4]
    with b.store.transaction() as conn:  # what the duplicated pulls of issue 13 did, and a tier gone astray
        conn.execute(
            "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) "
            "SELECT member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at FROM ledger "
            "WHERE member_no = ? AND kind = 'earn'",
            (first,),
        )
        conn.execute("UPDATE members SET tier = 'gold' WHERE member_no = ?", (second,))
        conn.execute("DELETE FROM members WHERE member_no = ?", (third,))
        conn.execute("UPDATE stock SET quantity = quantity + 1 WHERE item_code = 'G001'")
    b.close()
    done = _run(path, "consistency")
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith(f"{first}  lot ") for line in lines)
    assert any(line.startswith(f"{first}  balance") for line in lines)
    assert any(line.startswith(f"{second}  tier: terminal 'gold', server ") for line in lines)
    assert any(line.startswith(f"{third}  missing") for line in lines)
    assert any(line.startswith("stock  stock G001") for line in lines)
    assert lines[-1].startswith("5 difference(s)")
    clean = _run(a.store.path, "consistency")
    assert clean.returncode == 0 and clean.stdout.strip() == "0 difference(s)", clean.stdout + clean.stderr
