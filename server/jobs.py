"""Jobs the server runs by itself: the annual tier review, the year-end expiry sweep, the nightly snapshot.

One scheduler thread per server process looks every minute (``MEMBERDESK_JOBS_INTERVAL`` seconds) at
what each job's latest *due period* is (a business day, a year) and runs it when no run of that period
has finished. A run takes the job's row in ``job_locks`` first, inside a serialised write transaction,
so that of several server instances on one database only one runs it; the lock is a lease renewed as
the run makes progress, so a crashed instance's lock expires by itself. Because the scheduler asks for
the *latest* due period, a server that was down over a due moment runs it once when it comes back (a
catch-up), not once per missed night.

A database that never ran a job records the current period as its ``baseline`` and runs from the next
one: installing a server in March does not run January's review after the fact. Each run is recorded in
``job_runs`` (start, end, rows, errors) and shown in the console; ``memberdesk-server jobs`` lists and runs
them by hand.

The decisions are the shared ones in ``membership``: :func:`membership.decisions.decide_tier_review` for
the review and :func:`membership.ledger.expiry_lines` for the sweep, over member states derived with
:func:`membership.sync_rules.member_state_from_rows` like the terminals derive theirs. Their effects are
written as server operations with the same change feed terminals pull for everything else.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import socket
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from membership import decisions as dec
from membership import ledger as ledger_math
from membership.decisions import Context, Refused
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.sync_rules import member_state_from_rows
from membership.timeutil import business_day, from_utc_text, to_utc_text

from . import admin
from .db import ServerDB, WriteTx, raw
from .state import MEMBER_COLUMNS, Reference

log = logging.getLogger("memberdesk.server.jobs")
CTX = "Jobs"
LEASE = timedelta(minutes=10)  # a lock not renewed for this long belongs to a dead instance
RETRY_AFTER = timedelta(hours=1)  # a failed scheduled run is tried again after this
NIGHTLY_HOUR = 3  # local hour after which the night's snapshot is due
CHUNK = 5000  # members per write transaction: pushes wait at most a fraction of a second
INSTANCE = f"{socket.gethostname()}:{os.getpid()}"

Progress = Callable[[int, WriteTx | None], None]  # rows done so far, in this transaction if given


class JobBusy(Exception):
    """Another run (in this or another server instance) holds the job's lock."""


class JobError(Exception):
    def __init__(self, text_: str, /, **params: Any):
        self.message = Message(CTX, text_, params)
        super().__init__(str(self.message))


@dataclass(frozen=True)
class Job:
    name: str
    label: str
    description: str
    due: Callable[[datetime, Any], str]  # (now, rules) -> the latest period due at ``now``
    run: Callable[[ServerDB, str, datetime, Path | None, Progress], int]


# -- the jobs ----------------------------------------------------------------------------------------------


def _today(now: datetime, rules: Any) -> date:
    return business_day(now, rules.timezone, rules.cutover_hour)


def review_due(now: datetime, rules: Any) -> str:
    """The year of the latest annual review due: this year's from the 1st of the review month."""
    today = _today(now, rules)
    return str(today.year if today >= date(today.year, rules.review_month, 1) else today.year - 1)


def sweep_due(now: datetime, rules: Any) -> str:
    """The latest year whose end has passed: its sweep is due from 1 January of the next year."""
    return str(_today(now, rules).year - 1)


def nightly_due(now: datetime, rules: Any) -> str:
    local = now.astimezone(rules.timezone)
    day = local.date() if local.hour >= NIGHTLY_HOUR else local.date() - timedelta(days=1)
    return day.isoformat()


def _chunks(db: ServerDB, where: str, params: dict[str, Any]) -> Any:
    """(first, last) member-number ranges of ``CHUNK`` active members matching ``where``, in order."""
    last = ""
    while True:
        with db.read() as conn:
            numbers = raw(conn).all(
                f"SELECT member_no FROM members WHERE member_no > :after AND status = 'active' AND {where} "
                f"ORDER BY member_no LIMIT {CHUNK}",
                {"after": last, **params},
            )
        if not numbers:
            return
        last = numbers[-1][0]
        yield numbers[0][0], last, len(numbers)


def annual_review(db: ServerDB, period: str, now: datetime, _snapshots: Path | None, progress: Progress) -> int:
    """Review every active member above the lowest tier as of the 1st of the review month of ``period``;
    returns the members moved down.

    Each member reviewed gets the ``tier_review`` claim of the year (so neither a desk nor a second run
    reviews them again); a member moved down gets a server ``tier_review`` operation, their new tier and
    the claim, which every terminal pulls (the desk shows the tier, receipts print it). Members in the
    lowest tier have nothing to move down to and are not touched.
    """
    year = int(period)
    with db.read() as conn:
        rules, master = Reference().get(conn)
    review_day = date(year, rules.review_month, 1)
    ctx = Context(rules, master, now, online=True)
    payload_day = review_day.isoformat()
    at = to_utc_text(now)
    run_day = _today(now, rules).isoformat()
    columns = ", ".join(MEMBER_COLUMNS)
    moved = done = 0
    for first, last, count in _chunks(db, "tier != :base", {"base": rules.tiers[0].code}):
        with db.write() as tx:
            cur = raw(tx.conn)
            span = {"a": first, "b": last, "base": rules.tiers[0].code}
            rows = [
                dict(zip(MEMBER_COLUMNS, r, strict=True))
                for r in cur.all(
                    f"SELECT {columns} FROM members WHERE member_no >= :a AND member_no <= :b "
                    "AND status = 'active' AND tier != :base",
                    span,
                )
            ]
            entries: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
            for member_no, kind, delta, lot_year, spend_fen, day in cur.all(
                "SELECT member_no, kind, delta, lot_year, spend_fen, business_day FROM ledger "
                "WHERE member_no >= :a AND member_no <= :b",
                span,
            ):
                # ``online`` only matters for today's offline redemption cap, which the review never looks at.
                entries[member_no].append((kind, delta, lot_year, spend_fen, day, 1))
            claims: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for member_no, benefit, claim_period in cur.all(
                "SELECT member_no, benefit, period FROM benefit_claims WHERE member_no >= :a AND member_no <= :b "
                "AND status = 'claimed'",
                span,
            ):
                claims[member_no].append((benefit, claim_period))
            chunk_op = admin.server_op_id(tx, now)
            claim_rows, tier_rows, change_rows = [], [], []
            for row in rows:
                member_no = row["member_no"]
                state = member_state_from_rows(row, entries.get(member_no, ()), claims.get(member_no, ()), 0,
                                               review_day, rules)  # fmt: skip
                try:
                    decision = dec.decide_tier_review(state, {"member_no": member_no, "review_date": payload_day}, ctx)
                except Refused:
                    continue  # reviewed already this year (at a desk, or by an earlier attempt)
                new_tier = decision.member_changes.get("tier")
                op_id = admin.server_op_id(tx, now) if new_tier else chunk_op
                for benefit, claim_period, detail in decision.claims:
                    claim = {"member_no": member_no, "benefit": benefit, "period": claim_period, "detail": detail,
                             "op_id": op_id, "status": "claimed", "business_day": payload_day, "created_at": at}  # fmt: skip
                    claim_rows.append(claim)
                    if new_tier:  # terminals need the claims of those moved down; the others are unchanged there
                        tx.emit("claim", f"{op_id}|{benefit}|{claim_period}", claim)
                if new_tier:
                    tier_rows.append({"t": new_tier, "s": payload_day, "a": at, "m": member_no})
                    change_rows.append({"m": member_no, "o": op_id, "f": row["tier"], "t": new_tier,
                                        "d": payload_day, "a": at})  # fmt: skip
                    tx.emit("member", member_no, {**row, "tier": new_tier, "tier_since": payload_day, "updated_at": at})
                    tx.emit(
                        "op", op_id, admin._server_op(op_id, "tier_review", member_no=member_no, business_day=run_day)
                    )
            cur.executemany(
                "UPDATE members SET tier = :t, tier_since = :s, updated_at = :a WHERE member_no = :m", tier_rows
            )
            cur.executemany(
                "INSERT INTO tier_changes (member_no, op_id, kind, from_tier, to_tier, terminal_id, business_day, "
                "created_at) VALUES (:m, :o, 'tier_review', :f, :t, NULL, :d, :a)",
                change_rows,
            )
            cur.executemany(
                "INSERT INTO benefit_claims (member_no, benefit, period, detail, op_id, status, business_day, created_at) "
                "VALUES (:member_no, :benefit, :period, :detail, :op_id, :status, :business_day, :created_at)",
                claim_rows,
            )
            moved += len(tier_rows)
            done += count
            progress(done, tx)
    return moved


def expiry_sweep(db: ServerDB, period: str, now: datetime, _snapshots: Path | None, progress: Progress) -> int:
    """Write off the points that lapsed at the end of year ``period`` for every member; returns members swept.

    Expiry is otherwise written lazily by a member's next operation: the sweep writes the same ``expire``
    lines (:func:`membership.ledger.expiry_lines`) for members with no activity, as one server operation
    per chunk that terminals pull into their ledgers.
    """
    year = int(period)
    with db.read() as conn:
        rules, _ = Reference().get(conn)
    sweep_day = date(year + 1, 1, 1)
    # Only lots of years that have lapsed by the sweep day can expire: read just those (the shared rule
    # decides which years that are, and expiry_lines which points).
    lapsed_through = max((y for y in range(year - 50, year + 1) if ledger_math.lot_lapsed(y, sweep_day, rules)),
                         default=None)  # fmt: skip
    if lapsed_through is None:
        return 0
    at = to_utc_text(now)
    day = sweep_day.isoformat()
    swept = done = 0
    for first, last, count in _chunks(db, "1 = 1", {}):
        with db.write() as tx:
            cur = raw(tx.conn)
            lots: dict[str, dict[int, int]] = defaultdict(dict)
            for member_no, lot_year, points in cur.all(
                "SELECT l.member_no, l.lot_year, sum(l.delta) FROM ledger l JOIN members m ON m.member_no = l.member_no "
                "WHERE l.member_no >= :a AND l.member_no <= :b AND l.lot_year <= :y AND m.status = 'active' "
                "GROUP BY l.member_no, l.lot_year HAVING sum(l.delta) > 0",
                {"a": first, "b": last, "y": lapsed_through},
            ):
                lots[member_no][int(lot_year)] = int(points)
            lines = []
            for member_no, member_lots in lots.items():
                found = ledger_math.expiry_lines(member_no, member_lots, sweep_day, rules)
                lines.extend(found)
                swept += bool(found)
            if lines:
                op_id = admin.server_op_id(tx, now)
                cur.executemany(
                    "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) "
                    "VALUES (:m, :o, :k, :d, :y, 0, :b, :a)",
                    [
                        {"m": x.member_no, "o": op_id, "k": x.kind, "d": x.delta, "y": x.lot_year, "b": day, "a": at}
                        for x in lines
                    ],
                )
                wire = [[x.member_no, x.kind, x.delta, x.lot_year, 0, day] for x in lines]
                tx.emit("op", op_id, admin._server_op(op_id, "expiry_sweep", lines=wire, business_day=day))
            done += count
            progress(done, tx)
    return swept


def load_rules_body(db: ServerDB, body: str, now: datetime) -> tuple[str, tuple[str, str]]:
    """Load a rules body with the master data already on the server; (new version, (old version, old body))."""
    with db.read() as conn:
        docs = {r.name: (r.version, r.body) for r in conn.execute(text("SELECT name, version, body FROM documents"))}
    with tempfile.TemporaryDirectory(prefix="memberdesk-rules-") as tmp:
        directory = Path(tmp)
        for name in ("tenants", "catalogue", "coupons"):
            (directory / f"{name}.toml").write_text(docs[name][1], encoding="utf-8")
        (directory / "rules.toml").write_text(body, encoding="utf-8")
        version = admin.load_rules(db, directory / "rules.toml", directory, now)
    return version, docs.get("rules", ("", ""))


def rules_activation(db: ServerDB, period: str, now: datetime, _snapshots: Path | None, progress: Progress) -> int:
    """Load the rules uploaded for a later effective day once that business day has come; returns how many.

    Every desk takes them at its next sync, as with rules loaded at once. Several waiting for days that
    have all come are loaded in order of their day, so the latest holds.
    """
    at = to_utc_text(now)
    with db.read() as conn:
        due = conn.execute(
            text(
                "SELECT id, body, version FROM pending_rules WHERE status = 'pending' AND effective_day <= :d "
                "ORDER BY effective_day, id"
            ),
            {"d": period},
        ).all()
    for row in due:
        version, (old_version, old_body) = load_rules_body(db, row.body, now)
        with db.write() as tx:
            tx.conn.execute(
                text("UPDATE pending_rules SET status = 'loaded', done_at = :a WHERE id = :i"), {"a": at, "i": row.id}
            )
            # In the console's rules history like a load by hand, so it can be rolled back the same way.
            detail = {"version": version, "previous_version": old_version, "previous_body": old_body, "pending": row.id}
            tx.conn.execute(
                text(
                    "INSERT INTO console_audit (at, user_no, action, subject, detail) "
                    "VALUES (:a, 'job', 'rules_loaded', :s, :d)"
                ),
                {"a": at, "s": version, "d": json.dumps(detail, ensure_ascii=False, sort_keys=True)},
            )
    progress(len(due), None)
    return len(due)


def daily_due(now: datetime, rules: Any) -> str:
    return _today(now, rules).isoformat()


def nightly_snapshot(db: ServerDB, period: str, now: datetime, snapshots: Path | None, progress: Progress) -> int:
    """Build the night's bootstrap snapshot, then prune the change feed below what every terminal has."""
    from .app import default_snapshot_dir
    from .snapshot import build_snapshot, prune_changes

    info = build_snapshot(db, snapshots or default_snapshot_dir(db.url), now)
    progress(int(info["members"]), None)
    _floor, deleted = prune_changes(db)
    return int(info["members"]) + deleted


JOBS: dict[str, Job] = {
    job.name: job
    for job in (
        Job(
            "annual_review",
            QT_TRANSLATE_NOOP("Jobs", "Annual tier review"),
            QT_TRANSLATE_NOOP(
                "Jobs",
                "On the 1st of the rules' review month: one step down for members whose qualifying spend "
                "no longer holds their tier.",
            ),
            review_due,
            annual_review,
        ),
        Job(
            "expiry_sweep",
            QT_TRANSLATE_NOOP("Jobs", "Year-end expiry sweep"),
            QT_TRANSLATE_NOOP("Jobs", "On 1 January: write off the points that lapsed at the end of the year."),
            sweep_due,
            expiry_sweep,
        ),
        Job(
            "rules_activation",
            QT_TRANSLATE_NOOP("Jobs", "Rules taking effect"),
            QT_TRANSLATE_NOOP(
                "Jobs", "Each business day: load the rules uploaded for a later day once that day has come."
            ),
            daily_due,
            rules_activation,
        ),
        Job(
            "nightly_snapshot",
            QT_TRANSLATE_NOOP("Jobs", "Nightly snapshot and pruning"),
            QT_TRANSLATE_NOOP(
                "Jobs", "Every night after 03:00: a bootstrap snapshot, then the change feed no terminal needs."
            ),
            nightly_due,
            nightly_snapshot,
        ),
    )
}


# -- running one -------------------------------------------------------------------------------------------


def _take_lock(tx: WriteTx, job: str, holder: str, now: datetime) -> None:
    row = tx.conn.execute(text("SELECT holder, expires_at FROM job_locks WHERE job = :j"), {"j": job}).first()
    if row is not None and row.holder != holder and row.expires_at > to_utc_text(now):
        raise JobBusy(job)
    tx.conn.execute(text("DELETE FROM job_locks WHERE job = :j"), {"j": job})
    tx.conn.execute(
        text("INSERT INTO job_locks (job, holder, expires_at) VALUES (:j, :h, :e)"),
        {"j": job, "h": holder, "e": to_utc_text(now + LEASE)},
    )


def finished_run(conn: Any, job: str, period: str) -> Any:
    """The successful (or baseline) run of ``job`` for ``period``, if there is one."""
    return conn.execute(
        text(
            "SELECT id, status FROM job_runs WHERE job = :j AND period = :p AND status IN ('ok', 'baseline') "
            "ORDER BY id LIMIT 1"
        ),
        {"j": job, "p": period},
    ).first()


def run_job(
    db: ServerDB,
    name: str,
    period: str | None = None,
    *,
    now: datetime | None = None,
    trigger: str = "hand",
    snapshots: Path | None = None,
    clock: Callable[[], datetime] | None = None,
    once: bool = True,
    background: bool = False,
) -> int | None:
    """Run ``name`` for ``period`` (the latest due one when omitted); returns the run's id.

    Returns None without running when the period already has a finished run and ``once`` is true.
    Raises :class:`JobBusy` when another run holds the lock, :class:`JobError` for an unknown job or
    period. With ``background`` the run is started (lock taken, run recorded) and goes on in a thread of
    its own: the console answers at once and shows the run's progress.
    """
    job = JOBS.get(name)
    if job is None:
        raise JobError(QT_TRANSLATE_NOOP("Jobs", "There is no job called {name}."), name=name)
    clock = clock or (lambda: datetime.now(UTC))
    now = now or clock()
    with db.read() as conn:
        rules, _ = Reference().get(conn)
    period = (period or job.due(now, rules)).strip()
    _check_period(name, period)
    holder = f"{INSTANCE}:{secrets.token_hex(4)}"
    with db.write() as tx:
        _take_lock(tx, name, holder, now)
        if once and finished_run(tx.conn, name, period) is not None:
            tx.conn.execute(text("DELETE FROM job_locks WHERE job = :j AND holder = :h"), {"j": name, "h": holder})
            return None
        run_id = int(
            tx.conn.execute(
                text(
                    "INSERT INTO job_runs (job, period, trigger, holder, started_at, status, rows, errors) "
                    "VALUES (:j, :p, :t, :h, :s, 'running', 0, '') RETURNING id"
                ),
                {"j": name, "p": period, "t": trigger, "h": holder, "s": to_utc_text(now)},
            ).scalar_one()
        )

    def progress(rows: int, tx: WriteTx | None = None) -> None:
        # The count so far (shown in the console while the job runs) and a renewed lease, committed with
        # the chunk they count when there is one.
        if tx is None:
            with db.write() as own:
                progress(rows, own)
            return
        cur = raw(tx.conn)
        cur.execute("UPDATE job_runs SET rows = :r WHERE id = :i", {"r": rows, "i": run_id})
        cur.execute(
            "UPDATE job_locks SET expires_at = :e WHERE job = :j AND holder = :h",
            {"e": to_utc_text(clock() + LEASE), "j": name, "h": holder},
        )

    def execute() -> None:
        status, errors, rows = "ok", "", 0
        try:
            rows = job.run(db, period, now, snapshots, progress)
        except Exception as exc:  # recorded for the office; the scheduler retries later
            log.exception("job %s (%s) failed", name, period)
            status, errors = "failed", f"{type(exc).__name__}: {exc}"[:1000]
        with db.write() as tx:
            tx.conn.execute(
                text("UPDATE job_runs SET status = :s, ended_at = :e, rows = :r, errors = :x WHERE id = :i"),
                {"s": status, "e": to_utc_text(clock()), "r": rows, "x": errors, "i": run_id},
            )
            tx.conn.execute(text("DELETE FROM job_locks WHERE job = :j AND holder = :h"), {"j": name, "h": holder})

    if background:
        # A server stopped mid-run leaves the run 'running' and its lock to expire; chunks are transactions
        # and both jobs skip what is done, so the next run finishes the work.
        threading.Thread(target=execute, name=f"memberdesk-job-{name}", daemon=True).start()
    else:
        execute()
    return run_id


def _check_period(name: str, period: str) -> None:
    try:
        if name in ("nightly_snapshot", "rules_activation"):
            date.fromisoformat(period)
        elif not (period.isdigit() and 2000 <= int(period) <= 2999):
            raise ValueError(period)
    except ValueError:
        raise JobError(
            QT_TRANSLATE_NOOP("Jobs", "{period} is not a period of this job (a year, or a date for the snapshot)."),
            period=period,
        ) from None


def runs(db: ServerDB, limit: int = 50, job: str | None = None) -> list[dict[str, Any]]:
    with db.read() as conn:
        sql = "SELECT * FROM job_runs" + (" WHERE job = :j" if job else "") + " ORDER BY id DESC LIMIT :n"
        return [dict(r) for r in conn.execute(text(sql), {"j": job, "n": limit}).mappings()]


def tick(
    db: ServerDB, now: datetime, snapshots: Path | None = None, clock: Callable[[], datetime] | None = None
) -> list[int]:
    """One look of the scheduler: run each job whose latest due period has no finished run; the run ids."""
    started: list[int] = []
    try:
        with db.read() as conn:
            rules, _ = Reference().get(conn)
    except LookupError:
        return started  # no rules loaded yet: nothing is due
    for name, job in JOBS.items():
        period = job.due(now, rules)
        with db.read() as conn:
            if finished_run(conn, name, period) is not None:
                continue
            ever = conn.execute(text("SELECT count(*) FROM job_runs WHERE job = :j"), {"j": name}).scalar_one()
            failed = conn.execute(
                text("SELECT max(started_at) FROM job_runs WHERE job = :j AND period = :p AND status = 'failed'"),
                {"j": name, "p": period},
            ).scalar()
        if not ever:
            _baseline(db, name, period, now)
            continue
        if failed and from_utc_text(failed) > now - RETRY_AFTER:
            continue
        try:
            run_id = run_job(db, name, period, now=now, trigger="schedule", snapshots=snapshots, clock=clock)
        except JobBusy:
            continue
        if run_id is not None:
            started.append(run_id)
    return started


def _baseline(db: ServerDB, name: str, period: str, now: datetime) -> None:
    at = to_utc_text(now)
    with db.write() as tx:
        if tx.conn.execute(text("SELECT 1 FROM job_runs WHERE job = :j"), {"j": name}).first() is None:
            tx.conn.execute(
                text(
                    "INSERT INTO job_runs (job, period, trigger, holder, started_at, ended_at, status, rows, errors) "
                    "VALUES (:j, :p, 'baseline', :h, :a, :a, 'baseline', 0, '')"
                ),
                {"j": name, "p": period, "h": INSTANCE, "a": at},
            )


class Scheduler:
    """The one scheduler thread of a server process; ``stop`` ends it promptly."""

    def __init__(
        self,
        db: ServerDB,
        snapshots: Path | None = None,
        interval: float | None = None,
        clock: Callable[[], datetime] | None = None,
    ):
        self.db = db
        self.snapshots = snapshots
        self.interval = interval if interval is not None else float(os.environ.get("MEMBERDESK_JOBS_INTERVAL", "60"))
        self.clock = clock or _env_clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="memberdesk-jobs", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        # The first look comes one interval after start: a server started and stopped at once (a drill, a
        # test, a migration check) never runs or baselines anything.
        while not self._stop.wait(self.interval):
            try:
                tick(self.db, self.clock(), self.snapshots, self.clock)
            except Exception:  # the scheduler must outlive a bad night (the database restarting, say)
                log.exception("scheduler tick failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(30)


def _env_clock() -> datetime:
    """The machine's clock, or the one ``MEMBERDESK_NOW`` pins for drills."""
    pinned = os.environ.get("MEMBERDESK_NOW")
    if pinned:
        return datetime.fromisoformat(pinned.replace("Z", "+00:00"))
    return datetime.now(UTC)


def enabled() -> bool:
    return os.environ.get("MEMBERDESK_JOBS", "on").lower() not in ("off", "0", "no")
