"""Our own chaos drill (issue 13), on SQLite and PostgreSQL: ≥ 2,000 desk operations per backend through every
fault the proxy has, two sync processes on one store, the desk app process, sync runs and the server killed;
after quiesce, no invariant may be broken (see tests/chaos.py for the drill and the invariants)."""

from __future__ import annotations

import json

from chaos import APP_KILLS, run_drill

OPERATIONS = 2_000


def test_chaos_drill_leaves_every_terminal_equal_to_the_server(server, make_terminal, db_url):
    backend = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    report = run_drill(server, make_terminal, backend=backend, operations=OPERATIONS)
    print(json.dumps(report.summary(), ensure_ascii=False))  # the figures RELIABILITY.md quotes
    assert report.operations >= OPERATIONS
    assert report.server_kills == 2 and report.concurrent_syncs >= 3 and report.sync_kills >= 1
    assert set(report.faults) >= {"drop_response", "duplicate", "late", "reset_mid_body", "status", "hang"}
    # The real desk app (tests/chaos_desk.py) worked and was SIGKILLed at every moment the drill aims at.
    assert report.app_operations >= 200 and set(report.app_kills) >= set(APP_KILLS)
    assert report.app_starts == sum(report.app_kills.values()) + 2  # the first start and the last incarnation
    assert report.rejected_on_server > 0  # receipts credited at two desks: conflicts became exceptions
    assert report.violations == []
