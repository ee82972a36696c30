"""The ``memberdesk-server`` command: set up and run the central server, and administer it from a shell."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from membership.i18n import DEFAULT_LANGUAGE, LANGUAGES, QT_TRANSLATE_NOOP, Message, catalog
from membership.permissions import OFFICE_ROLES
from membership.rules import RulesError
from membership.validation import InvalidInput

from . import admin
from .db import ServerDB

DEFAULT_DB = "sqlite:///memberdesk-server.sqlite3"


def _now() -> datetime:
    pinned = os.environ.get("MEMBERDESK_NOW")
    if pinned:
        return datetime.fromisoformat(pinned.replace("Z", "+00:00"))
    return datetime.now(UTC)


def _say(args: argparse.Namespace, text: str, **params: object) -> None:
    print(Message("Server", text, params).render(catalog(args.lang)))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="memberdesk-server", description="MemberDesk central membership server")
    parser.add_argument(
        "--db",
        default=os.environ.get("MEMBERDESK_SERVER_DB", DEFAULT_DB),
        help="database URL: sqlite:///path.sqlite3 (default) or postgresql+psycopg://user@host/db",
    )
    parser.add_argument("--lang", default=DEFAULT_LANGUAGE, choices=LANGUAGES)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="create or upgrade the database and load the default rules")
    run = sub.add_parser("run", help="serve the API (uvicorn)")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8443)
    run.add_argument("--ssl-certfile", help="TLS certificate (PEM); production must use TLS")
    run.add_argument("--ssl-keyfile", help="TLS private key (PEM)")
    run.add_argument("--snapshot-dir", type=Path)
    staff = sub.add_parser("staff-add", help="add or replace a staff member (pulled by every terminal)")
    staff.add_argument("staff_no")
    staff.add_argument("--name", required=True)
    staff.add_argument("--role", required=True, choices=admin.ROLES)
    staff.add_argument("--pin", default=os.environ.get("MEMBERDESK_PIN"))
    disable = sub.add_parser("staff-disable", help="disable a staff member on every terminal (at its next sync)")
    disable.add_argument("staff_no")
    verify = sub.add_parser("audit-verify", help="check a terminal's anchored audit chain; name the first broken row")
    verify.add_argument("terminal_id")
    rules = sub.add_parser("load-rules", help="load rules and master data (tenants, catalogue, coupons)")
    rules.add_argument("--rules", type=Path)
    rules.add_argument("--masterdata", type=Path)
    imp = sub.add_parser("import-members", help="import members from CSV: name,phone,birthday[,gender,card_no,points]")
    imp.add_argument("csv", type=Path)
    code = sub.add_parser("issue-code", help="issue a one-time terminal registration code")
    code.add_argument("--name", required=True, help="what staff call the desk, e.g. 服务台 2")
    code.add_argument("--terminal-code", type=int, help="1–899; the next free one when omitted")
    code.add_argument("--hours", type=int, default=24, help="how long the code stays valid")
    revoke = sub.add_parser("revoke", help="revoke a terminal: its token is refused at once")
    revoke.add_argument("terminal_id")
    sub.add_parser("terminals", help="list registered terminals")
    snap = sub.add_parser("snapshot", help="build a bootstrap snapshot for new terminals")
    snap.add_argument("--snapshot-dir", type=Path)
    snap.add_argument(
        "--prune", action="store_true", help="then delete the change feed no active terminal needs any more"
    )
    sub.add_parser("rotate-qr-key", help="make a new member-QR signing key (older ones stay pinned)")
    exc = sub.add_parser("exceptions", help="list sync exceptions")
    exc.add_argument("--all", action="store_true", help="include resolved ones")
    exc.add_argument("--json", action="store_true")
    res = sub.add_parser("resolve", help="resolve an exception with a recorded decision")
    res.add_argument("exception_id", type=int)
    res.add_argument("--decision", required=True)
    res.add_argument("--staff", required=True)
    reap = sub.add_parser(
        "reapply", help="apply again operations the server quarantined after a fault of its own (all, or those named)"
    )
    reap.add_argument("op_ids", nargs="*", help="operation ids (default: every quarantined operation)")
    reap.add_argument("--list", action="store_true", help="only list the quarantined operations")
    alloc = sub.add_parser("allocate", help="give (or take, negative) gift stock to a desk")
    alloc.add_argument("terminal_id")
    alloc.add_argument("item_code")
    alloc.add_argument("quantity", type=int)
    coupons = sub.add_parser("issue-coupons", help="issue coupons centrally")
    coupons.add_argument("definition")
    coupons.add_argument("--count", type=int, default=1)
    coupons.add_argument("--member")
    jobs_ = sub.add_parser("jobs", help="list the scheduled jobs and their runs, or run one by hand")
    jobs_.add_argument("job", nargs="?", help="annual_review | expiry_sweep | nightly_snapshot: run it now")
    jobs_.add_argument("--period", help="the year (review, sweep) or day (snapshot); the latest due when omitted")
    jobs_.add_argument("--again", action="store_true", help="run even when the period already ran")
    jobs_.add_argument("--snapshot-dir", type=Path)
    user = sub.add_parser("console-user", help="add or change an office user of the web console (/console)")
    user.add_argument("user_no")
    user.add_argument("--name", required=True)
    user.add_argument("--role", required=True, choices=OFFICE_ROLES)
    user.add_argument("--password", default=os.environ.get("MEMBERDESK_PASSWORD"), help="or MEMBERDESK_PASSWORD")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except admin.AdminError as exc:
        print(exc.message.render(catalog(args.lang)), file=sys.stderr)
        return 1
    except InvalidInput as exc:
        print(exc.message.render(catalog(args.lang)), file=sys.stderr)
        return 1
    except (RulesError, LookupError) as exc:
        print(str(exc), file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    now = _now()
    if args.command == "init":
        admin.migrate(args.db)
        db = ServerDB(args.db)
        try:
            with db.read() as conn:
                from sqlalchemy import text

                loaded = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
            if not loaded:
                admin.load_rules(db, None, None, now)
        finally:
            db.dispose()
        _say(args, QT_TRANSLATE_NOOP("Server", "The server database is ready."))
        return 0
    if args.command == "run":
        import uvicorn

        from .app import create_app

        app = create_app(args.db, args.snapshot_dir)
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            ssl_certfile=args.ssl_certfile,
            ssl_keyfile=args.ssl_keyfile,
            log_level=os.environ.get("MEMBERDESK_LOG_LEVEL", "warning"),
            timeout_graceful_shutdown=5,
        )
        return 0
    db = ServerDB(args.db)
    try:
        return _admin_command(args, db, now)
    finally:
        db.dispose()


def _admin_command(args: argparse.Namespace, db: ServerDB, now: datetime) -> int:
    cmd = args.command
    if cmd == "staff-add":
        admin.save_staff(db, args.staff_no, args.name, args.role, args.pin or "", now)
        _say(args, QT_TRANSLATE_NOOP("Server", "Staff {staff_no} saved."), staff_no=args.staff_no.upper())
    elif cmd == "staff-disable":
        staff_no = args.staff_no.strip().upper()
        admin.deactivate_staff(db, staff_no, now)
        _say(
            args,
            QT_TRANSLATE_NOOP(
                "Server", "Staff {staff_no} is disabled; every terminal locks them out at its next sync."
            ),
            staff_no=staff_no,
        )
    elif cmd == "audit-verify":
        from .audit import verify

        verdict = verify(db, args.terminal_id.strip().upper())
        for branch in verdict.branches:
            _say(
                args,
                QT_TRANSLATE_NOOP("Server", "Rows {first}–{last} kept from before a divergence ({reason}, {at})."),
                first=branch["first_id"],
                last=branch["last_id"],
                reason=branch["reason"],
                at=branch["detected_at"],
            )
        if verdict.ok:
            _say(
                args,
                QT_TRANSLATE_NOOP("Server", "The audit chain of {terminal} is intact ({rows} rows anchored)."),
                terminal=args.terminal_id.upper(),
                rows=verdict.rows,
            )
            return 0
        _say(
            args,
            QT_TRANSLATE_NOOP("Server", "The audit chain of {terminal} is broken at row {row} ({reason})."),
            terminal=args.terminal_id.upper(),
            row=verdict.first_broken_id,
            reason=verdict.reason,
        )
        return 1
    elif cmd == "load-rules":
        version = admin.load_rules(db, args.rules, args.masterdata, now)
        _say(args, QT_TRANSLATE_NOOP("Server", "Rules {version} loaded."), version=version)
    elif cmd == "import-members":
        count = admin.import_members(db, args.csv, now)
        _say(args, QT_TRANSLATE_NOOP("Server", "{count} members imported."), count=count)
    elif cmd == "issue-code":
        code = admin.issue_registration_code(db, args.name, now, args.terminal_code, args.hours)
        _say(
            args,
            QT_TRANSLATE_NOOP("Server", "Registration code for {name}: {code} (valid {hours} h, once)."),
            name=args.name,
            code=code,
            hours=args.hours,
        )
    elif cmd == "revoke":
        admin.revoke_terminal(db, args.terminal_id, now)
        _say(args, QT_TRANSLATE_NOOP("Server", "Terminal {terminal} is revoked."), terminal=args.terminal_id)
    elif cmd == "terminals":
        from sqlalchemy import text

        with db.read() as conn:
            for row in conn.execute(text("SELECT * FROM terminals ORDER BY terminal_code")).mappings():
                print(
                    f"{row['terminal_id']}  {row['terminal_code']:03d}  {row['status']:8}  {row['name']}  {row['last_seen'] or '-'}"
                )
    elif cmd == "snapshot":
        from .app import default_snapshot_dir
        from .snapshot import build_snapshot

        info = build_snapshot(db, args.snapshot_dir or default_snapshot_dir(args.db), now)
        _say(
            args,
            QT_TRANSLATE_NOOP(
                "Server", "Snapshot at change {change_no}: {members} members, {size} bytes, SHA-256 {sha}."
            ),
            change_no=info["change_no"],
            members=info["members"],
            size=info["size"],
            sha=info["sha256"],
        )
        if args.prune:
            from .snapshot import prune_changes

            floor, deleted = prune_changes(db)
            _say(
                args,
                QT_TRANSLATE_NOOP("Server", "Change feed pruned through change {floor}: {deleted} changes deleted."),
                floor=floor,
                deleted=deleted,
            )
    elif cmd == "rotate-qr-key":
        key_id = admin.rotate_qr_key(db, now)
        _say(args, QT_TRANSLATE_NOOP("Server", "New member-QR signing key {key_id}."), key_id=key_id)
    elif cmd == "exceptions":
        rows = admin.list_exceptions(db, None if args.all else "open")
        cat = catalog(args.lang)
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
        for row in [] if args.json else rows:
            text_ = Message.from_json(row["message"]).render(cat)
            print(f"#{row['id']}  {row['status']:8}  {row['code']:24}  {row['terminal_id'] or '-'}  {text_}")
    elif cmd == "resolve":
        admin.resolve_exception(db, args.exception_id, args.decision, args.staff, now)
        _say(args, QT_TRANSLATE_NOOP("Server", "Exception {id} resolved."), id=args.exception_id)
    elif cmd == "reapply":
        if args.list:
            for row in admin.quarantined(db):
                where = f"{row['terminal_id']} {row['epoch']}/{row['seq']}"
                print(f"{row['op_id']}  {where}  {row['kind']}  {row['received_at']}")
            return 0
        results = admin.reapply(db, now, args.op_ids or None)
        for outcome in results:
            print(f"{outcome['op_id']}  {outcome['status']}  {outcome.get('code') or ''}")
        held = sum(1 for o in results if o["status"] == "quarantined")
        _say(
            args,
            QT_TRANSLATE_NOOP("Server", "{done} operations applied again; {held} still quarantined."),
            done=len(results) - held,
            held=held,
        )
        return 1 if held else 0
    elif cmd == "allocate":
        admin.allocate_stock(db, args.terminal_id, args.item_code.upper(), args.quantity, now)
        _say(args, QT_TRANSLATE_NOOP("Server", "Stock allocated."))
    elif cmd == "issue-coupons":
        for code in admin.issue_coupons(db, args.definition.upper(), args.count, now, args.member):
            print(code)
    elif cmd == "jobs":
        return _jobs_command(args, db, now)
    elif cmd == "console-user":
        from .console import auth

        user_no = auth.save_user(db, args.user_no, args.name, args.role, args.password, now)
        _say(args, QT_TRANSLATE_NOOP("Console", "User {user_no} saved."), user_no=user_no)
    return 0


def _jobs_command(args: argparse.Namespace, db: ServerDB, now: datetime) -> int:
    from . import jobs

    cat = catalog(args.lang)
    if args.job:
        try:
            run_id = jobs.run_job(db, args.job, args.period, now=now, snapshots=args.snapshot_dir, once=not args.again)
        except jobs.JobBusy:
            _say(args, QT_TRANSLATE_NOOP("Console", "The job is running already (here or on another server instance)."))
            return 1
        except jobs.JobError as exc:
            print(exc.message.render(cat), file=sys.stderr)
            return 1
        if run_id is None:
            _say(
                args,
                QT_TRANSLATE_NOOP("Console", "This period was run already; tick “run again” to run it once more."),
            )
            return 1
        run = jobs.runs(db, 1)[0]
        print(f"#{run['id']}  {run['job']}  {run['period']}  {run['status']}  {run['rows']}  {run['errors']}")
        return 0 if run["status"] == "ok" else 1
    for job in jobs.JOBS.values():
        print(f"{job.name:18}  {Message('Jobs', job.label).render(cat)}")
    for run in jobs.runs(db, 20):
        print(
            f"#{run['id']:<5} {run['job']:18} {run['period']:10} {run['trigger']:9} {run['status']:8} "
            f"{run['started_at']}  {run['ended_at'] or '-'}  {run['rows']}  {run['errors']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
