"""The ``memberdesk`` command: set up a terminal store and drive the desk services from a shell or script."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from membership import operations as ops
from membership.i18n import DEFAULT_LANGUAGE, LANGUAGES, QT_TRANSLATE_NOOP, Catalog, Message, catalog
from membership.money import AmountError, format_yuan, parse_yuan
from membership.rules import RulesError
from membership.timeutil import to_utc_text

from . import settings, storekey
from .client import SyncError
from .demo import generate_demo, import_members_csv
from .services import USER_ERRORS, ActionResult, DeskServices, Session
from .setup import init_store, load_masterdata, load_rules
from .store import Store, default_store_path, open_connection, utc_now


def _clock() -> datetime:
    """The clock; MEMBERDESK_NOW (ISO time) pins it, for scripted drills and reproducible demos."""
    pinned = os.environ.get("MEMBERDESK_NOW")
    if pinned:
        return datetime.fromisoformat(pinned.replace("Z", "+00:00"))
    return utc_now()


class CliError(Exception):
    """A command cannot go on; ``message`` says why and what to do (printed without a traceback)."""

    def __init__(self, text: str, /, **params: Any):
        super().__init__(text)
        self.message = Message(CTX, text, params)


CTX = "Cli"


def _open(args: argparse.Namespace) -> Store:
    path = Path(args.db)
    if not path.exists():
        raise CliError(
            QT_TRANSLATE_NOOP(
                "Cli",
                "There is no terminal store at {path}; create one with: memberdesk --db {path} init --terminal-code N",
            ),
            path=str(path),
        )
    return Store(path)


def _say(cat: Catalog, message: Message) -> str:
    return message.render(cat)


def _pin(args: argparse.Namespace) -> str:
    return args.pin if args.pin is not None else os.environ.get("MEMBERDESK_PIN", "")


def _login(services: DeskServices, args: argparse.Namespace) -> Session:
    return services.login(args.staff, _pin(args))


def _print_result(cat: Catalog, result: ActionResult, as_json: bool) -> None:
    r = result.receipt
    if as_json:
        print(
            json.dumps(
                {
                    "op_id": result.op_id,
                    "op_ref": result.op_ref,
                    "kind": result.kind,
                    "member_no": result.member_no,
                    "points_before": r.points_before,
                    "points_after": r.points_after,
                    "extra": result.extra,
                },
                ensure_ascii=False,
            )
        )
        return
    print(f"{r.kind_label.render(cat)}  {result.op_ref}  {r.at_local}")
    if result.member_no:
        tier = r.tier_name.get(cat.language) if r.tier_name else ""
        print(f"  {result.member_no}  {r.member_name_masked}  {r.phone_masked}  {tier}")
    for line in r.lines:
        print(f"  {line.render(cat)}")
    if result.member_no:
        print(f"  {r.points_before} → {r.points_after}")
    for key, value in result.extra.items():
        if value:
            print(f"  {key}: {value}")


def _actions() -> dict[str, Callable[[DeskServices, Session, argparse.Namespace], ActionResult]]:
    def amount(text: str | None) -> int:
        return parse_yuan(text or "")

    return {
        "enroll": lambda s, se, a: s.enroll(
            se,
            name=a.name,
            phone=a.phone,
            birthday=a.birthday,
            gender=a.gender or "",
            referrer_no=a.referrer,
            privacy_accepted=a.privacy,
            marketing_accepted=a.marketing,
            channel=a.channel or "desk",
        ),
        "earn": lambda s, se, a: s.earn(se, a.member, amount(a.amount), a.category or "general", a.discount),
        "credit-receipt": lambda s, se, a: s.credit_receipt(
            se,
            a.member,
            a.tenant,
            a.receipt,
            amount(a.amount),
            a.date,
            approver=(a.approver, a.approver_pin) if a.approver else None,
        ),
        # A quantity of 0 or less is passed on, to be refused: "or 1" would hand out a gift nobody asked for.
        "redeem-gift": lambda s, se, a: s.redeem_gift(
            se, a.member, a.item, a.quantity if a.quantity is not None else 1, pin=_pin(a)
        ),
        "cash-offset": lambda s, se, a: s.redeem_cash_offset(se, a.member, a.points, amount(a.amount), pin=_pin(a)),
        "donate": lambda s, se, a: s.donate_points(se, a.member, a.campaign or "", a.points, pin=_pin(a)),
        "verify-coupon": lambda s, se, a: s.verify_coupon(
            se, a.coupon, a.member, amount(a.amount) if a.amount else None
        ),
        "claim-benefit": lambda s, se, a: s.claim_benefit(se, a.member, a.benefit),
        # The command line asks for the PIN with every command, which is the step-up too.
        "reverse": lambda s, se, a: s.reverse(se, a.op, a.reason, pin=_pin(a)),
        "adjust": lambda s, se, a: s.adjust(se, a.member, a.points, a.reason, pin=_pin(a)),
        "edit-profile": lambda s, se, a: s.edit_profile(
            se,
            a.member,
            {
                k: v
                for k, v in (("name", a.name), ("phone", a.phone), ("birthday", a.birthday), ("gender", a.gender))
                if v is not None
            },
        ),
        "record-event": lambda s, se, a: s.record_event(se, a.member, a.event),
    }


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="memberdesk", description="MemberDesk terminal store and desk actions.")
    p.add_argument(
        "--db",
        default=os.environ.get("MEMBERDESK_DB", str(default_store_path())),
        help="the terminal store (default: %(default)s)",
    )
    p.add_argument("--lang", default=os.environ.get("MEMBERDESK_LANG", DEFAULT_LANGUAGE), choices=LANGUAGES)
    sub = p.add_subparsers(dest="command", required=True)

    q = sub.add_parser("init", help="create the store: identity, default rules, master data, stock")
    q.add_argument("--terminal-code", type=int, required=True, help="1–899, unique in the mall")
    q.add_argument("--name", default="服务台", help="what staff call this terminal")
    q.add_argument("--rules", type=Path)
    q.add_argument("--masterdata", type=Path)

    q = sub.add_parser("staff-add", help="add or replace a staff member")
    q.add_argument("staff_no")
    q.add_argument("--name", required=True)
    q.add_argument("--role", required=True, choices=("desk", "cashier", "manager"))
    q.add_argument("--pin", required=True)

    q = sub.add_parser("rules-load", help="validate and load a rules file")
    q.add_argument("path", type=Path)
    q = sub.add_parser("masterdata-load", help="validate and load tenants.toml, catalogue.toml, coupons.toml")
    q.add_argument("directory", type=Path)

    q = sub.add_parser("import-members", help="import members from a CSV (all rows or none)")
    q.add_argument("csv", type=Path)

    q = sub.add_parser("demo", help="generate demo members with two years of history")
    q.add_argument("--members", type=int, default=1000)
    q.add_argument("--seed", type=int, default=1)

    for name in ("lookup", "summary", "do", "reprint"):
        q = sub.add_parser(
            name,
            help={
                "lookup": "find members by code, number, phone, card or name",
                "summary": "show a member's summary",
                "do": "run a desk action",
                "reprint": "show a past receipt's data",
            }[name],
        )
        q.add_argument("--staff", required=True)
        q.add_argument("--pin", help="or set MEMBERDESK_PIN")
        q.add_argument("--json", action="store_true")
        if name == "lookup":
            q.add_argument("text")
        elif name == "summary":
            q.add_argument("member")
        elif name == "reprint":
            q.add_argument("op")
        else:
            q.add_argument("action", choices=sorted(_actions()))
            for flag in (
                "--member",
                "--name",
                "--phone",
                "--birthday",
                "--gender",
                "--referrer",
                "--channel",
                "--amount",
                "--category",
                "--tenant",
                "--receipt",
                "--date",
                "--approver",
                "--approver-pin",
                "--item",
                "--coupon",
                "--benefit",
                "--op",
                "--reason",
                "--event",
                "--campaign",
            ):
                q.add_argument(flag)
            q.add_argument("--points", type=int)
            q.add_argument("--quantity", type=int)
            q.add_argument("--discount", action="store_true", help="apply the tier discount")
            q.add_argument("--privacy", action="store_true", help="the member accepted the privacy policy")
            q.add_argument("--marketing", action="store_true", help="the member accepted marketing messages")

    q = sub.add_parser("oplog", help="show the operation log")
    q.add_argument("--limit", type=int, default=20)
    q.add_argument("--pending", action="store_true")

    sub.add_parser("audit-verify", help="verify the audit chain; exit 1 if it is broken")

    q = sub.add_parser("register", help="register this terminal with the central server (one-time code)")
    q.add_argument("server_url")
    q.add_argument("code")
    q.add_argument("--ca", help="CA bundle (PEM) to verify the server's TLS certificate")
    sub.add_parser("sync", help="push the operation log and pull changes once, now")
    q = sub.add_parser("backup", help="write a consistent copy of the store (safe while the desk app runs)")
    q.add_argument("destination", type=Path)
    q = sub.add_parser("store-key", help="export the store's encryption key, or import it on a replacement computer")
    q.add_argument("action", choices=("export", "import"))
    q.add_argument("key", nargs="?", help="import: the 64 hex digits that export printed (else read from stdin)")
    sub.add_parser("bootstrap", help="replace this store with the server's snapshot (new or reset terminal), then pull")
    q = sub.add_parser("printer", help="the desk's receipt printer: show, set up, status, test print, models")
    q.add_argument("action", choices=("show", "set", "status", "test", "models"))
    q.add_argument("--profile", help="printer model (see `printer models`), or pdf (a printer with a driver), or none")
    q.add_argument("--transport", choices=("usb", "tcp", "cups"), help="USB device file, network port 9100, raw queue")
    q.add_argument("--address", help="/dev/usb/lp0, 192.168.1.50:9100, or the raw CUPS queue's name")
    q.add_argument("--paper", choices=("80", "58"), help="roll width in mm")
    q.add_argument("--encoding", choices=("", "gb18030", "gbk", "utf-8"), help="only when not the model's own")
    q.add_argument("--logo", help="PNG printed at the top of every slip ('' for none)")
    q.add_argument("--queue", help="the print queue for A4 and PDF documents ('' for a print preview)")
    sub.add_parser(
        "consistency",
        help="compare this terminal's members (balance, tier, lots, coupons, claims) and stock with the server's; "
        "exit 1 on any difference",
    )
    q = sub.add_parser(
        "restore", help="install a backup as this terminal's store (close the app first); starts a new epoch"
    )
    q.add_argument("backup", type=Path)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    cat = catalog(args.lang)
    try:
        return _run(args, cat)
    except (*USER_ERRORS, AmountError, SyncError, CliError) as exc:
        # A refusal, bad input, a server that cannot be reached, an unregistered store: a message, no traceback.
        print(_say(cat, exc.message), file=sys.stderr)  # type: ignore[attr-defined]
        return 1
    except RulesError as exc:
        print(f"rules: {exc}", file=sys.stderr)
        return 1
    except (storekey.KeyringUnavailable, storekey.BadKey) as exc:
        print(
            _say(
                cat,
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Cli", "The store's key cannot be read from this computer's keyring ({error})."),
                    {"error": type(exc).__name__},
                ),
            ),
            file=sys.stderr,
        )
        return 1
    except OSError as exc:  # a file named on the command line is missing, a directory, or not readable
        print(
            _say(
                cat,
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Cli", "{path} cannot be used ({error}); check the path and its permissions."),
                    {"path": str(exc.filename or ""), "error": type(exc).__name__},
                ),
            ),
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so in the user's language, keep the traceback in a file for IT
        log = _crash_log(args)
        print(
            _say(
                cat,
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Cli", "The command failed unexpectedly ({error}); the details are in {log}. Please tell IT."
                    ),
                    {"error": type(exc).__name__, "log": str(log)},
                ),
            ),
            file=sys.stderr,
        )
        return 3


def _crash_log(args: argparse.Namespace) -> Path:
    """Append the current traceback next to the store (or in the temp directory) and return the file."""
    import tempfile
    import traceback

    folder = Path(args.db).parent if Path(args.db).parent.is_dir() else Path(tempfile.gettempdir())
    log = folder / "memberdesk-cli-errors.log"
    try:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {utc_now().isoformat()} memberdesk {args.command}\n")
            handle.write(traceback.format_exc())
    except OSError:
        log = Path(tempfile.gettempdir()) / "memberdesk-cli-errors.log"
    return log


def _run(args: argparse.Namespace, cat: Catalog) -> int:
    now = _clock()
    if args.command == "init":
        if not 1 <= args.terminal_code <= 899:
            raise CliError(
                QT_TRANSLATE_NOOP("Cli", "The terminal code must be from 1 to 899 (900–999 are kept for imports).")
            )
        store = init_store(
            args.db, args.terminal_code, args.name, rules_path=args.rules, masterdata_dir=args.masterdata, now=now
        )
        t = store.terminal()
        print(f"terminal {t.terminal_id} “{t.name}” ready at {args.db} (rules {store.rules().version})")
        return 0
    if args.command == "store-key":
        return _store_key(args)
    if args.command == "restore":
        from .snapshot import RestoreError, restore_backup

        try:
            restored = restore_backup(Path(args.db), args.backup, now)
        except RestoreError as exc:
            print(_say(cat, exc.message), file=sys.stderr)
            return 1
        print(
            f"restored {restored.terminal_id} from {args.backup} ({restored.operations} operations); "
            f"new operations continue in epoch {restored.epoch}; the old store is kept as {restored.set_aside}"
        )
        return 0
    if args.command == "bootstrap":
        from .snapshot import bootstrap

        report = bootstrap(Path(args.db))
        print(f"snapshot at change {report.change_no}: {report.members} members")
    store = _open(args)
    services = DeskServices(store, clock=_clock)
    if args.command == "staff-add":
        services.add_staff(None, args.staff_no, args.name, args.role, args.pin)
        print(f"staff {args.staff_no.upper()} saved ({args.role})")
    elif args.command == "rules-load":
        print(f"rules {load_rules(store, args.path, now)} loaded")
    elif args.command == "masterdata-load":
        load_masterdata(store, args.directory, now)
        print("master data loaded")
    elif args.command == "import-members":
        if not args.csv.is_file():
            raise CliError(QT_TRANSLATE_NOOP("Cli", "There is no file {path}."), path=str(args.csv))
        count, problems = import_members_csv(store, args.csv, now)
        for problem in problems:
            print(f"{args.csv.name}:{problem.line}: {_say(cat, problem.message)}", file=sys.stderr)
        if problems:
            print(
                _say(
                    cat,
                    Message(
                        CTX,
                        QT_TRANSLATE_NOOP("Cli", "Nothing was imported: {count} problem(s) to fix first."),
                        {"count": len(problems)},
                    ),
                ),
                file=sys.stderr,
            )
            return 1
        print(f"{count} members imported")
    elif args.command == "demo":
        if not 1 <= args.members <= 2_000_000:
            raise CliError(QT_TRANSLATE_NOOP("Cli", "Make from 1 to 2,000,000 demo members."))
        report = generate_demo(store, args.members, args.seed, now)
        print(f"{report.members} members, {report.ledger_rows} ledger rows in {report.seconds:.1f} s")
    elif args.command == "lookup":
        session = _login(services, args)
        for hit in services.lookup(session, args.text):
            print(f"{hit.member_no}  {hit.name_masked}  {hit.phone_masked}  {hit.tier}  {hit.status}")
        store.flush_deferred_audit()  # the look-up's audit row, before the command ends
    elif args.command == "summary":
        session = _login(services, args)
        s = services.summary(session, args.member)
        _print_summary(cat, s, args.json)
    elif args.command == "reprint":
        session = _login(services, args)
        receipt = services.reprint_receipt(session, args.op)
        print(json.dumps(receipt.to_json(), ensure_ascii=False, indent=1))
    elif args.command == "do":
        session = _login(services, args)
        result = _actions()[args.action](services, session, args)
        _print_result(cat, result, args.json)
    elif args.command == "oplog":
        where = "WHERE status = 'pending'" if args.pending else ""
        rows = store.query(
            f"SELECT epoch, seq, op_id, kind, staff_no, member_no, local_time, status, reversed_by "
            f"FROM oplog {where} ORDER BY id DESC LIMIT ?",
            (args.limit,),
        )
        for r in reversed(rows):
            flag = f" reversed by {r['reversed_by'][:8]}" if r["reversed_by"] else ""
            print(
                f"{r['epoch']}.{r['seq']:06d}  {r['local_time']}  {r['op_id']}  {r['kind']:<18} {r['staff_no']:<6} "
                f"{r['member_no'] or '-':<10} {r['status']}{flag}"
            )
    elif args.command == "register":
        from .engine import register_terminal

        registration = register_terminal(store, args.server_url, args.code, verify=args.ca or True)
        print(f"registered as {registration.terminal_id} (terminal code {registration.terminal_code:03d})")
    elif args.command in ("sync", "bootstrap"):
        from .engine import engine_for

        report = engine_for(store).sync_once(lock_timeout=120.0)  # waits while the desk app syncs
        from .reports import remember_sync

        remember_sync(store, to_utc_text(_clock()))  # for the daily report's completeness row
        print(
            f"pushed {report.pushed}, pulled {report.pulled}"
            + (f", {len(report.rejected)} rejected (see the exceptions inbox)" if report.rejected else "")
        )
    elif args.command == "consistency":
        from .consistency import compare
        from .engine import engine_for

        engine = engine_for(store)
        differences = 0
        for difference in compare(store, engine.client):
            print(difference)
            differences += 1
        pending = store.scalar("SELECT count(*) FROM oplog WHERE op_id NOT IN (SELECT op_id FROM sync_reconciled)")
        print(
            f"{differences} difference(s)"
            + (f"; {pending} operation(s) not confirmed by the server yet: sync first" if pending else "")
        )
        return 1 if differences else 0
    elif args.command == "backup":
        if args.destination.exists():
            raise CliError(
                QT_TRANSLATE_NOOP("Cli", "{path} exists already; choose a new file name for the backup."),
                path=str(args.destination),
            )
        store.backup_to(args.destination)  # consistent (WAL included) and encrypted with the store key
        print(f"backup written to {args.destination}")
    elif args.command == "printer":
        return _printer(store, args, now)
    elif args.command == "audit-verify":
        check = store.verify_audit_chain()
        if check.ok:
            print(f"audit chain intact: {check.rows_checked} rows")
            return 0
        print(
            f"audit chain BROKEN at row {check.first_broken_id}: {check.reason} "
            f"({check.rows_checked} rows before it verified)"
        )
        return 1
    return 0


def _store_key(args: argparse.Namespace) -> int:
    """Export the key (to keep in the mall's safe with the backups) or import it next to a restored file."""
    path = Path(args.db)
    try:
        return _store_key_action(args, path)
    except (storekey.KeyringUnavailable, storekey.BadKey) as exc:
        print(f"the keyring cannot be used: {type(exc).__name__} {exc}", file=sys.stderr)
        return 1


def _store_key_action(args: argparse.Namespace, path: Path) -> int:
    if args.action == "export":
        key = storekey.load_key(path)
        if key is None:
            print(f"the keyring holds no key for {path}", file=sys.stderr)
            return 1
        print(key.hex())
        print("keep this key apart from the backups, like the safe's combination", file=sys.stderr)
        return 0
    try:
        key = storekey.parse_key(args.key if args.key is not None else sys.stdin.readline())
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    if not path.exists():
        print(f"no store at {path}; copy the backup there first", file=sys.stderr)
        return 1
    open_connection(path, key).close()  # a wrong key is refused before it replaces anything
    storekey.save_key(path, key)
    print(f"key for {path} saved in this computer's keyring")
    return 0


def _print_summary(cat: Catalog, s: Any, as_json: bool) -> None:
    from membership.segments import LIFECYCLE_LABELS

    data = {
        "member_no": s.member_no,
        "name": s.name_masked,
        "phone": s.phone_masked,
        "tier": s.tier.code,
        "balance": s.balance,
        "expiring_points": s.expiring_points,
        "expiring_on": s.expiring_on.isoformat() if s.expiring_on else None,
        "spend_12m_yuan": format_yuan(s.spend_rolling_fen),
        "to_next_tier_yuan": format_yuan(s.spend_to_next_fen),
        "lifecycle": s.lifecycle,
        "rfm": s.segment.code,
        "benefits_available": list(s.benefits_available),
        "coupons": [c.code for c in s.coupons],
    }
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
        return
    print(f"{s.member_no}  {s.name_masked}  {s.phone_masked}  {s.tier.name.get(cat.language)}")
    print(f"  points {s.balance}; expiring {s.expiring_points} on {data['expiring_on'] or '-'}")
    if s.next_tier:
        print(
            f"  spend 12m ¥{data['spend_12m_yuan']}; ¥{data['to_next_tier_yuan']} to "
            f"{s.next_tier.name.get(cat.language)} ({s.progress_percent}%)"
        )
    print(
        f"  {Message('Segment', LIFECYCLE_LABELS[s.lifecycle]).render(cat)} · "
        f"{Message('Segment', s.segment.label).render(cat)}: {Message('Segment', s.segment.action).render(cat)}"
    )
    print(f"  benefits today: {', '.join(s.benefits_available) or '-'}; coupons: {', '.join(data['coupons']) or '-'}")
    for h in s.history[:10]:
        label = (
            Message("Operation", ops.KIND_LABELS.get(h.kind, h.kind)).render(cat)
            if h.kind in ops.KIND_LABELS
            else h.kind
        )
        print(f"  {h.at}  {label:<12} {h.points:+d}{'  (reversed)' if h.reversed else ''}")


# -- printer (the same settings keys as the desk's Settings screen) ------------------------------------------

PRINTER_SETTINGS = {  # command-line flag -> the setting's key (sync/settings.py declares them)
    "profile": settings.PRINTER_PROFILE.key,
    "transport": settings.PRINTER_TRANSPORT.key,
    "address": settings.PRINTER_ADDRESS.key,
    "paper": settings.PAPER.key,
    "encoding": settings.PRINTER_ENCODING.key,
    "logo": settings.PRINTER_LOGO.key,
    "queue": settings.PRINTER.key,
}
NOT_ESCPOS = ("", "pdf", "none")


def _escpos_tool(args: argparse.Namespace, argv: list[str]) -> int:
    """Run ``python -m printing.escpos``: ``sync`` may not import ``printing``, so it calls it as a program
    (as it would call ``lp``); its messages are translated and its exit status is passed on."""
    import subprocess

    return subprocess.run([sys.executable, "-m", "printing.escpos", "--lang", args.lang, *argv], check=False).returncode


def _printer_argv(values: dict[str, str]) -> list[str]:
    return [
        "--profile",
        values["printer_profile"],
        "--transport",
        values["printer_transport"],
        "--address",
        values["printer_address"],
        "--paper",
        values["paper"] or "80",
        "--encoding",
        values["printer_encoding"],
        "--logo",
        values["printer_logo"],
    ]


def _printer(store: Store, args: argparse.Namespace, now: datetime) -> int:
    values = {key: store.setting(key) or "" for key in PRINTER_SETTINGS.values()}
    if args.action == "models":
        return _escpos_tool(args, ["models"])
    if args.action == "show":
        for key in PRINTER_SETTINGS.values():
            print(f"{key} = {values[key]}")
        return 0
    if args.action == "set":
        for flag, key in PRINTER_SETTINGS.items():
            given = getattr(args, flag)
            if given is not None:
                values[key] = given.strip()
        if values["printer_profile"] not in NOT_ESCPOS:
            problem = _escpos_tool(args, ["check", *_printer_argv(values)])  # says what is wrong, translated
            if problem:
                return problem
        with store.transaction() as conn:
            for key, value in values.items():
                store.set_setting(conn, key, value)
        print("printer settings saved; print a test page with: memberdesk printer test")
        return 0
    if values["printer_profile"] in NOT_ESCPOS:
        print(
            "no receipt printer (ESC/POS) is set up on this terminal; set one with: "
            "memberdesk printer set --profile MODEL --transport usb|tcp|cups --address ADDRESS",
            file=sys.stderr,
        )
        return 2
    extra: list[str] = []
    if args.action == "test":
        rules = store.rules()
        local = now.astimezone(rules.timezone).strftime("%Y-%m-%d %H:%M")
        extra = ["--mall", rules.mall_name.get(args.lang), "--at", local]
    return _escpos_tool(args, [args.action, *_printer_argv(values), *extra])


if __name__ == "__main__":
    sys.exit(main())
