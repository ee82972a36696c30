"""The outage drill: three desks, three hours without network, one desk on paper, then recovery — and proof.

    .venv/bin/python scripts/drill.py            # prints what happened and the checks; exit 1 if any fails
    scripts/drill                                # the same, after set-up

A real central server runs on 127.0.0.1 (SQLite, in a temporary folder) and stops at the end. Desks A and
B keep working offline; desk C also loses power, so its staff write paper slips from the outage kit its
manager printed in the morning. Members come back to other desks meanwhile (one claims parking again,
the same tenant receipt is brought to two desks). When the network returns everything syncs; C's slips
are keyed in, one of them by mistake a second time at desk A. The drill then checks: nothing lost, nothing
counted twice, every clash in a manager's inbox, every slip keyed in exactly once, and every desk's daily
report balancing with its ledger and saying it is complete. ``tests/test_drill.py`` runs it.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STAFF = (("M001", "王经理", "manager", "1234"), ("D001", "李娜", "desk", "2345"), ("C001", "陈晨", "cashier", "3456"))


class Clock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Desk:
    name: str
    store: Any
    services: Any
    engine: Any
    online: list[bool]
    sessions: dict[str, Any] = field(default_factory=dict)

    def sync(self) -> Any:
        self.online[0] = True
        return self.engine.sync_once()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(url: str, workdir: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    log = (workdir / "server.log").open("ab")
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "--db", url, "run", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the drill's server stopped; see {workdir / 'server.log'}")
        try:
            if requests.get(f"{base}/v1/health", timeout=1).ok:
                return process, base
        except requests.RequestException:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("the drill's server did not start")


def run_drill(workdir: Path, log: Any = print) -> dict[str, Any]:
    """Run the whole drill in ``workdir``; returns the checks (name → passed) and the figures behind them."""
    from membership.rules import default_rules
    from server import admin
    from server.db import ServerDB
    from sync import reports
    from sync.engine import engine_for, register_terminal
    from sync.inbox import SyncedDeskServices
    from sync.setup import init_store

    # 09:00 yesterday, mall time: the whole drill day lies in the past (the server caps operation times at
    # its own clock) and within one business day, whatever time of day the drill is run.
    tz = default_rules().timezone
    yesterday = datetime.now(UTC).astimezone(tz).date() - timedelta(days=1)
    start = datetime.combine(yesterday, dt_time(9, 0), tz).astimezone(UTC)
    clock = Clock(start)
    url = f"sqlite:///{workdir / 'server.sqlite3'}"
    admin.migrate(url)
    db = ServerDB(url)
    admin.load_rules(db, None, None, start)
    for staff_no, name, role, pin in STAFF:
        admin.save_staff(db, staff_no, name, role, pin, start)
    server, base = _start_server(url, workdir)
    desks: dict[str, Desk] = {}
    try:
        for letter, code in (("A", 21), ("B", 22), ("C", 23)):
            store = init_store(workdir / f"desk-{letter}.sqlite3", code, f"服务台 {letter}", now=start)
            # The code is checked against the server's own clock: issued now, not at the drill's 09:00
            # yesterday (24 hours valid, it had expired whenever the drill ran after 09:00 mall time).
            issued = admin.issue_registration_code(db, f"服务台 {letter}", datetime.now(UTC), code)
            register_terminal(store, base, issued, verify=False, now=start)
            online = [True]
            engine = engine_for(store, verify=False, clock=clock, backoff_base=0.01, backoff_cap=0.05)
            services = SyncedDeskServices(store, clock=clock, engine=engine, online=lambda o=online: o[0])
            desks[letter] = Desk(f"服务台 {letter}", store, services, engine, online)
            desks[letter].sync()
            desks[letter].sessions = {"desk": services.login("D001", "2345"), "manager": services.login("M001", "1234")}
        a, b, c = desks["A"], desks["B"], desks["C"]
        log("09:00  three desks online; morning enrollments at A")
        members = [
            a.services.enroll(
                a.sessions["desk"],
                name="会员" + "甲乙丙丁戊己"[n],
                phone=f"1390000{n:04d}",
                birthday="06-01",
                privacy_accepted=True,
                marketing_accepted=False,
            ).member_no
            for n in range(6)
        ]
        a.services.earn(a.sessions["desk"], members[3], 500_000)  # enough points for a gift later
        kit = c.services.issue_outage_kit(c.sessions["manager"], {"enroll": 2, "receipt": 3, "gift": 2, "benefit": 2})
        log(f"09:30  desk C's manager prints an outage kit: {sum(len(v) for v in kit.serials.values())} slips")
        for desk in desks.values():
            desk.sync()
        day = reports_day = clock.now.astimezone(a.store.rules().timezone).date().isoformat()

        # -- the network goes down for three hours; desk C loses power too ------------------------------------
        for desk in desks.values():
            desk.online[0] = False
        clock.now = start + timedelta(hours=1)
        log("10:00  network down: A and B work offline; C has no power and works on paper")
        a.services.earn(a.sessions["desk"], members[0], 128_000)
        a.services.credit_receipt(a.sessions["desk"], members[1], "F401", "R-DRILL-1", 25_600, day)
        a.services.redeem_gift(a.sessions["desk"], members[3], "G002")
        clock.now = start + timedelta(hours=2)
        b.services.claim_benefit(b.sessions["desk"], members[4], "parking")  # member 4 came back to desk B
        b.services.credit_receipt(b.sessions["desk"], members[1], "F401", "R-DRILL-1", 25_600, day)  # same receipt
        b.services.enroll(
            b.sessions["desk"],
            name="新会员",
            phone="13700009999",
            birthday="01-01",
            privacy_accepted=True,
            marketing_accepted=False,
        )
        slips = [  # what C's staff wrote by hand: (serial, hours after 09:00 when written, fields)
            (
                kit.serials["receipt"][0],
                1,
                {
                    "member": members[5],
                    "tenant_code": "F101",
                    "receipt_no": "PAPER-1",
                    "amount_fen": 36_000,
                    "purchase_date": day,
                },
            ),
            (kit.serials["benefit"][0], 2, {"member": members[4], "benefit": "parking"}),  # also claimed at B
            (
                kit.serials["enroll"][0],
                2,
                {"name": "纸质会员", "phone": "13700008888", "birthday": "02-02", "privacy_accepted": True},
            ),
            (kit.serials["gift"][0], 3, {"member": members[3], "item_code": "G001", "quantity": 1}),
        ]
        log(f"10:00–13:00  C writes {len(slips)} paper slips; members also visit A and B")

        # -- the network and power return ----------------------------------------------------------------------
        clock.now = start + timedelta(hours=4)
        log("13:00  network back: every desk syncs")
        for desk in (a, b, c):
            desk.sync()
        keyed, refused = [], []
        for serial, hour, fields in slips:
            written = (start + timedelta(hours=hour)).astimezone(tz).strftime("%Y-%m-%d %H:%M")
            try:
                c.services.key_in_slip(c.sessions["desk"], serial, written, "D001", fields)
                keyed.append(serial)
            except Exception as exc:
                refused.append((serial, getattr(exc, "code", type(exc).__name__)))
        # The receipt slip, by mistake, keyed in a second time at desk A.
        serial, hour, fields = slips[0]
        written = (start + timedelta(hours=hour)).astimezone(tz).strftime("%Y-%m-%d %H:%M")
        a.online[0] = True
        a.services.key_in_slip(a.sessions["desk"], serial, written, "D001", fields)
        log(f"13:30  slips keyed in at C: {len(keyed)}; refused at once: {refused}; one keyed again at A by mistake")
        for _ in range(3):
            for desk in (a, b, c):
                desk.sync()

        # -- the checks ----------------------------------------------------------------------------------------
        from sqlalchemy import text

        with db.read() as conn:
            server_ops = conn.execute(text("SELECT count(*) FROM ops")).scalar_one()
            receipt_credits = conn.execute(
                text("SELECT count(*) FROM receipts WHERE receipt_no = 'R-DRILL-1'")
            ).scalar_one()
            slip_rows = conn.execute(text("SELECT serial FROM slips")).scalars().all()
            exception_codes = sorted(conn.execute(text("SELECT code FROM exceptions")).scalars().all())
            ledger = dict(conn.execute(text("SELECT member_no, sum(delta) FROM ledger GROUP BY member_no")).all())
        terminal_ops = sum(d.store.scalar("SELECT count(*) FROM oplog") for d in desks.values())
        pending = sum(d.store.scalar("SELECT count(*) FROM oplog WHERE status = 'pending'") for d in desks.values())
        inbox = {
            name: sorted(i.code for i in d.services.exceptions_inbox(d.sessions["manager"], None))
            for name, d in desks.items()
        }
        balanced, complete = True, True
        for d in desks.values():
            report = reports.daily_report(d.store, clock.now.astimezone(tz).date(), "王经理", clock.now)
            f = report.figures
            net = d.store.scalar(
                "SELECT coalesce(sum(l.delta), 0) FROM ledger l JOIN oplog o ON o.op_id = l.op_id "
                "WHERE o.business_day = ? AND l.kind != 'expire' AND o.terminal_id = ? "
                "AND o.status != 'rejected'",
                (reports_day, d.store.terminal().terminal_id),
            )
            negative_adjust = sum(r.points for r in f.adjustments if r.points < 0)
            balanced &= net == f.points_earned - f.points_redeemed + f.reversal_points + negative_adjust
            complete &= report.complete
        terminal_ledgers = [
            dict(d.store.query("SELECT member_no, sum(delta) FROM ledger GROUP BY member_no")) for d in desks.values()
        ]
        checks = {
            "no operation lost (every op acknowledged, server has them all)": pending == 0
            and server_ops == terminal_ops,
            "the same receipt credited once in the mall": receipt_credits == 1,
            "every slip keyed in exactly once": sorted(slip_rows) == sorted(set(slip_rows))
            and len(slip_rows) == len(keyed),
            "parking not granted twice (paper slip refused)": (slips[1][0], "benefit_already_claimed") in refused,
            # The second desk to send a clashing operation gets the exception: B for the receipt, and for the
            # slip keyed twice whichever of A and C reached the server second.
            "clashes in the managers' inboxes": "receipt_already_credited" in inbox["B"]
            and "slip_already_keyed" in inbox["A"] + inbox["C"],
            "every desk has the server's balances": all(t == ledger for t in terminal_ledgers),
            "daily reports balance with the ledger": balanced,
            "daily reports say they are complete": complete,
        }
        figures = {
            "server_ops": server_ops,
            "terminal_ops": terminal_ops,
            "pending": pending,
            "slips_keyed": keyed,
            "slips_refused": refused,
            "server_exceptions": exception_codes,
            "inboxes": inbox,
        }
        for name, passed in checks.items():
            log(f"  {'✔' if passed else '✘'} {name}")
        return {"checks": checks, "figures": figures}
    finally:
        for desk in desks.values():
            desk.store.close()
        db.dispose()
        server.terminate()
        server.wait(10)


def main() -> int:
    from keyring_session import ensure

    with tempfile.TemporaryDirectory(prefix="memberdesk-drill-") as tmp:
        ensure(Path(tmp) / "keyring")  # store keys live in the OS keyring; a headless box gets its own
        result = run_drill(Path(tmp))
    print(json.dumps(result["figures"], ensure_ascii=False, indent=1))
    return 0 if all(result["checks"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
