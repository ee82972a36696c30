"""The demo behind scripts/run: a local central server with demo data, this terminal registered with it, the app.

Everything lives in var/run/ (delete it to start over). The server listens on 127.0.0.1 only and stops
when the desk app closes.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = Path(os.environ.get("MEMBERDESK_RUN_DIR", ROOT / "var" / "run"))
STAFF = (("M001", "王经理", "manager", "1234"), ("D001", "李娜", "desk", "2345"), ("C001", "陈晨", "cashier", "3456"))


OFFICE_USER, OFFICE_PASSWORD = "OM1", "office-demo-1"  # the demo's membership-office manager (/console)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_server(url: str, members: int) -> None:
    from server import admin
    from server.db import ServerDB
    from sync.demo import write_demo_csv
    from sync.store import utc_now

    now = utc_now()
    admin.migrate(url)
    db = ServerDB(url)
    try:
        admin.load_rules(db, None, None, now)
        for staff_no, name, role, pin in STAFF:
            admin.save_staff(db, staff_no, name, role, pin, now)
        from server.console.auth import save_user

        save_user(db, OFFICE_USER, "会员办主任", "office_manager", OFFICE_PASSWORD, now)  # the web console
        csv_path = write_demo_csv(VAR / "demo-members.csv", members)
        count = admin.import_members(db, csv_path, now)
        print(f"demo server: {count:,} members, staff M001/D001/C001")
    finally:
        db.dispose()


def start_server(url: str, port: int) -> subprocess.Popen:
    log = (VAR / "server.log").open("ab")
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "--db", url, "run", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the demo server stopped at start-up; see {VAR / 'server.log'}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).ok:
                return process
        except requests.RequestException:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("the demo server did not answer within 30 s")


def prepare_terminal(store_path: Path, url: str, server_http: str) -> None:
    from server import admin
    from server.db import ServerDB
    from sync.engine import engine_for, register_terminal
    from sync.setup import init_store
    from sync.store import utc_now

    store = init_store(store_path, 7, "服务台 1")
    db = ServerDB(url)
    try:
        code = admin.issue_registration_code(db, "服务台 1", utc_now(), 7, 1)
    finally:
        db.dispose()
    registration = register_terminal(store, server_http, code, verify=False)
    report = engine_for(store, verify=False).sync_once()
    print(f"terminal {registration.terminal_id} registered; pulled {report.pulled:,} changes")
    store.close()


def main() -> int:
    from keyring_session import ensure

    VAR.mkdir(parents=True, exist_ok=True)
    # The store key lives in the OS keyring; a machine without a desktop session gets a private one,
    # kept next to the demo data so the next run opens the same store.
    ensure(VAR / "keyring")
    server_db = VAR / "server.sqlite3"
    url = f"sqlite:///{server_db}"
    if not server_db.exists():
        prepare_server(url, int(os.environ.get("DEMO_MEMBERS", "10000")))
    # The port is kept with the terminal, which remembers the server's address it registered with.
    port_file = VAR / "server.port"
    port = int(port_file.read_text()) if port_file.exists() else free_port()
    port_file.write_text(str(port))
    server = start_server(url, port)
    try:
        store_path = VAR / "terminal.sqlite3"
        if not store_path.exists():
            prepare_terminal(store_path, url, f"http://127.0.0.1:{port}")
        print(f"desk app on {store_path} — staff M001/1234 (manager), D001/2345 (desk), C001/3456 (cashier)")
        print(f"office console: http://127.0.0.1:{port}/console — {OFFICE_USER} / {OFFICE_PASSWORD}")
        return subprocess.call([sys.executable, "-m", "desktop", "--db", str(store_path), *sys.argv[1:]], cwd=ROOT)
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    sys.exit(main())
