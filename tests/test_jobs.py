"""The server's scheduled jobs: the annual review and the year-end sweep reach real terminals by pull; one
instance runs a job (the database lock); a missed run is caught up once; runs are recorded."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import enroll
from server_fixtures import ROOT, ServerProcess, quiesce, wait_until
from test_console import console_db

from membership.timeutil import to_utc_text
from server import jobs
from server.db import ServerDB


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return console_db(tmp_path)  # a migrated SQLite database with the default rules (and office users)


@pytest.fixture
def srv(sqlite_url: str, tmp_path: Path):
    proc = ServerProcess(sqlite_url, tmp_path, env={"MEMBERDESK_JOBS": "off"}).start()
    yield proc
    proc.close()


def _cli(url: str, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "--db", url, "--lang", "en", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_annual_review_moves_a_member_down_on_every_terminal_once(srv, make_terminal):
    a, b = make_terminal(srv, 7), make_terminal(srv, 8)
    lapsed = enroll(a.services, a.desk).member_no
    kept = enroll(a.services, a.desk, phone="13900001111", name="李四").member_no
    a.services.earn(a.cashier, lapsed, 600_000)  # 6,000 yuan: up one tier at once
    quiesce(a, b)
    top_tier = srv.scalar("SELECT tier FROM members WHERE member_no = :m", m=lapsed)
    base = srv.scalar("SELECT tier FROM members WHERE member_no = :m", m=kept)
    assert top_tier != base
    assert b.services.summary(b.desk, lapsed).tier.code == top_tier

    # By 1 January 2028 the spend of November 2026 is outside the rolling year: one step down.
    done = _cli(srv.db_url, "jobs", "annual_review", "--period", "2028")
    assert done.returncode == 0, done.stderr
    run = srv.rows("SELECT job, period, trigger, status, rows, errors, ended_at FROM job_runs")
    assert run[0][:6] == ("annual_review", "2028", "hand", "ok", 1, "") and run[0][6]
    assert srv.scalar("SELECT tier FROM members WHERE member_no = :m", m=lapsed) == base
    assert srv.scalar("SELECT tier_since FROM members WHERE member_no = :m", m=lapsed) == "2028-01-01"
    # The member reviewed carries the year's review claim, so neither a desk nor a second run reviews them
    # again; a member in the lowest tier has nothing to move down to and is left alone.
    claims = srv.rows("SELECT member_no, detail FROM benefit_claims WHERE benefit = 'tier_review'")
    assert claims == [(lapsed, top_tier)]

    quiesce(a, b)
    for desk in (a, b):
        assert desk.store.scalar("SELECT tier FROM members WHERE member_no = ?", (lapsed,)) == base
        assert desk.services.summary(desk.desk, lapsed).tier.code == base
        assert (
            desk.store.scalar("SELECT count(*) FROM remote_ops WHERE member_no = ? AND kind = 'tier_review'", (lapsed,))
            == 1
        )

    # The next receipt at a desk (in January 2028) prints the tier after the review.
    b.clock.set_local("2028-01-03 10:00")
    receipt = b.services.earn(b.cashier, lapsed, 1_000).receipt
    assert receipt.tier_name is not None and receipt.tier_name.zh_CN == "普通会员"

    again = _cli(srv.db_url, "jobs", "annual_review", "--period", "2028")
    assert again.returncode == 1 and "was run already" in again.stdout
    forced = _cli(srv.db_url, "jobs", "annual_review", "--period", "2028", "--again")
    assert forced.returncode == 0, forced.stderr
    assert srv.rows("SELECT status, rows FROM job_runs ORDER BY id DESC LIMIT 1") == [("ok", 0)]
    listing = _cli(srv.db_url, "jobs")
    assert "Annual tier review" in listing.stdout and "annual_review" in listing.stdout


def test_year_end_sweep_writes_off_lapsed_points_that_terminals_pull(srv, make_terminal):
    a = make_terminal(srv, 7)
    member = enroll(a.services, a.desk).member_no
    a.services.earn(a.cashier, member, 100_000)
    quiesce(a)
    held = srv.scalar("SELECT sum(delta) FROM ledger WHERE member_no = :m", m=member)
    assert held > 0
    db = ServerDB(srv.db_url)
    try:
        # Points of 2026 live to the end of 2027: the sweep of 2026 writes nothing, that of 2027 everything.
        assert jobs.run_job(db, "expiry_sweep", "2026") is not None
        assert srv.scalar("SELECT count(*) FROM ledger WHERE kind = 'expire'") == 0
        assert jobs.run_job(db, "expiry_sweep", "2027") is not None
        assert jobs.run_job(db, "expiry_sweep", "2027") is None
    finally:
        db.dispose()
    assert srv.rows("SELECT period, status, rows FROM job_runs ORDER BY id") == [("2026", "ok", 0), ("2027", "ok", 1)]
    assert srv.rows("SELECT kind, delta, lot_year, business_day FROM ledger WHERE kind = 'expire'") == [
        ("expire", -held, 2026, "2028-01-01")
    ]
    quiesce(a)
    assert a.store.scalar("SELECT sum(delta) FROM ledger WHERE member_no = ?", (member,)) == 0
    assert a.store.scalar("SELECT count(*) FROM ledger WHERE kind = 'expire' AND member_no = ?", (member,)) == 1


def test_lock_lets_one_instance_run_and_expires_with_a_dead_holder(sqlite_url):
    db = ServerDB(sqlite_url)
    now = datetime.now(UTC)
    try:
        with db.write() as tx:
            tx.conn.exec_driver_sql(
                "INSERT INTO job_locks (job, holder, expires_at) VALUES ('expiry_sweep', 'other-host:1:ab', ?)",
                (to_utc_text(now + timedelta(minutes=5)),),
            )
        with pytest.raises(jobs.JobBusy):
            jobs.run_job(db, "expiry_sweep", "2026", now=now)
        assert db.reader.connect().exec_driver_sql("SELECT count(*) FROM job_runs").scalar() == 0
        # The other instance died: its lease runs out and the next try runs the job.
        later = now + jobs.LEASE + timedelta(minutes=6)
        run_id = jobs.run_job(db, "expiry_sweep", "2026", now=later, clock=lambda: later)
        assert run_id is not None
        with db.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM job_locks").scalar() == 0
        with pytest.raises(jobs.JobError):
            jobs.run_job(db, "no_such_job")
        with pytest.raises(jobs.JobError):
            jobs.run_job(db, "annual_review", "last year")
    finally:
        db.dispose()


def test_scheduler_baselines_then_catches_a_missed_night_up_exactly_once(sqlite_url, tmp_path):
    db = ServerDB(sqlite_url)
    snapshots = tmp_path / "snapshots"
    try:
        first = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)  # 20:00 in Shanghai
        assert jobs.tick(db, first, snapshots) == []
        rows = db.reader.connect().exec_driver_sql("SELECT job, period, status FROM job_runs ORDER BY job").all()
        assert [tuple(r) for r in rows] == [
            ("annual_review", "2026", "baseline"),
            ("expiry_sweep", "2025", "baseline"),
            ("nightly_snapshot", "2026-12-01", "baseline"),
            ("rules_activation", "2026-12-01", "baseline"),
        ]
        # Down for three nights: one snapshot when the server is back, for the latest night only.
        back = first + timedelta(days=3)
        run_ids = jobs.tick(db, back, snapshots)
        assert jobs.tick(db, back + timedelta(minutes=1), snapshots) == []
        with db.read() as conn:
            runs = conn.exec_driver_sql(
                f"SELECT job, period, trigger, status FROM job_runs WHERE id IN ({','.join(map(str, run_ids))})"
            ).all()
            assert sorted(tuple(r) for r in runs) == [
                ("nightly_snapshot", "2026-12-04", "schedule", "ok"),
                ("rules_activation", "2026-12-04", "schedule", "ok"),  # the day's look for rules taking effect
            ]
            assert conn.exec_driver_sql("SELECT count(*) FROM snapshots").scalar() == 1
        # New Year's morning: the sweep of 2026, the review of January 2027 (the rules' review month), the night.
        new_year = datetime(2027, 1, 1, 1, 0, tzinfo=UTC)
        started = jobs.tick(db, new_year, snapshots)
        with db.read() as conn:
            done = {
                tuple(r)
                for r in conn.exec_driver_sql(
                    f"SELECT job, period FROM job_runs WHERE id IN ({','.join(map(str, started))})"
                )
            }
        assert done == {
            ("expiry_sweep", "2026"),
            ("annual_review", "2027"),
            ("nightly_snapshot", "2027-01-01"),
            ("rules_activation", "2027-01-01"),
        }
    finally:
        db.dispose()


def test_the_scheduler_thread_runs_inside_the_server(sqlite_url, tmp_path):
    proc = ServerProcess(sqlite_url, tmp_path, env={"MEMBERDESK_JOBS_INTERVAL": "0.2"}).start()
    try:
        wait_until(
            lambda: proc.scalar("SELECT count(*) FROM job_runs WHERE status = 'baseline'") == len(jobs.JOBS),
            timeout=30,
            what="the scheduler's first look",
        )
    finally:
        proc.close()


def test_review_sweep_and_lock_on_each_backend(server, make_terminal):
    """The same jobs on SQLite and PostgreSQL (the ``server`` fixture runs on both)."""
    desk = make_terminal(server, 9)
    member = enroll(desk.services, desk.desk).member_no
    desk.services.earn(desk.cashier, member, 600_000)
    quiesce(desk)
    high = server.scalar("SELECT tier FROM members WHERE member_no = :m", m=member)
    db = ServerDB(server.db_url)
    try:
        review = jobs.run_job(db, "annual_review", "2028")
        sweep = jobs.run_job(db, "expiry_sweep", "2027")
        with db.write() as tx:
            tx.conn.exec_driver_sql(
                "INSERT INTO job_locks (job, holder, expires_at) VALUES ('annual_review', 'elsewhere:1:cd', '9999')"
            )
        with pytest.raises(jobs.JobBusy):
            jobs.run_job(db, "annual_review", "2029")
    finally:
        db.dispose()
    assert server.rows("SELECT id, status, rows FROM job_runs ORDER BY id") == [(review, "ok", 1), (sweep, "ok", 1)]
    quiesce(desk)
    assert desk.store.scalar("SELECT tier FROM members WHERE member_no = ?", (member,)) != high
    assert desk.store.scalar("SELECT sum(delta) FROM ledger WHERE member_no = ?", (member,)) == 0
