"""Crash test: a child doing desk actions is SIGKILLed at random moments; nothing committed is lost,
nothing half-written survives, and the audit chain still verifies."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_store

from sync.store import Store

KILLS = int(os.environ.get("MEMBERDESK_CRASH_KILLS", "100"))
CHILD = Path(__file__).with_name("crash_child.py")


def check_store(path: Path, reported: set[str]) -> None:
    store = Store(path)
    try:
        assert store.integrity_check() == "ok"
        for op_id in reported:
            assert store.scalar("SELECT count(*) FROM oplog WHERE op_id = ?", (op_id,)) == 1, op_id
        # Every logged operation is whole: exactly one audit row and its receipt; nothing without its log row.
        orphans = store.scalar(
            "SELECT count(*) FROM oplog o WHERE o.receipt IS NULL "
            "OR (SELECT count(*) FROM audit a WHERE a.op_id = o.op_id) != 1"
        )
        assert orphans == 0
        assert (
            store.scalar(
                "SELECT count(*) FROM ledger l WHERE l.op_id != 'import' AND NOT EXISTS "
                "(SELECT 1 FROM oplog o WHERE o.op_id = l.op_id)"
            )
            == 0
        )
        seqs = [r[0] for r in store.query("SELECT seq FROM oplog ORDER BY seq")]
        assert seqs == list(range(1, len(seqs) + 1))
        check = store.verify_audit_chain()
        assert check.ok, check
    finally:
        store.close()


@pytest.mark.slow
def test_random_sigkill_loses_nothing_committed(template_store, tmp_path):
    path = tmp_path / "crash.sqlite3"
    copy_store(template_store, path)
    rng = random.Random(20261122)
    reported: set[str] = set()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(CHILD.parent.parent), os.environ.get("PYTHONPATH", "")])}
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), str(kill)], stdout=subprocess.PIPE, text=True, env=env
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
        wanted = rng.randint(0, 6)
        for _ in range(wanted):
            line = child.stdout.readline().split()
            assert line and line[0] == "COMMITTED", line
            reported.add(line[1])
        # Land the kill anywhere: between actions, inside a transaction, or during the commit's fsync.
        time.sleep(rng.uniform(0, 0.02))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        # Lines the child printed before dying were printed after COMMIT returned: hold it to them too.
        for line in rest.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == "COMMITTED":
                reported.add(parts[1])
        assert child.returncode == -signal.SIGKILL
        check_store(path, reported)
    assert len(reported) > KILLS  # the loop did real work
