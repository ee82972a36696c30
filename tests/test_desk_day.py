"""A day at the desk, the way staff work it: the real app in a real X window, driven by real X key events.

The central server is started the way ``scripts/run`` starts it (demo data, a registered and synced
terminal), the app is its own process on Qt's xcb platform with the ibus input method, and everything is
done with the keyboard alone: a keyboard-wedge scanner types codes at 8 ms a character with Shift around
every capital, a person types the rest. What happened is read from the terminal store, the server
database and the PDFs the printer (a cups-pdf queue) produced; screenshots go to ``artifacts/desk-day/``.

The X tools come from ``scripts/apt-packages.txt``. Without them the test is skipped on a developer's
machine, but fails in CI (``CI=true``), where they must be installed.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from test_printing_spool import C_LOCALE, PPD, cups  # noqa: F401  (cupsd for the session's printer)
from xdesk import ARTIFACTS, DemoServer, DeskApp, XSession, missing_tools

SHANGHAI = ZoneInfo("Asia/Shanghai")
MANAGER = ("M001", "1234")
DESK = ("D001", "2345")


@pytest.fixture(scope="module")
def xsession(tmp_path_factory) -> Iterator[XSession]:
    missing = missing_tools()
    if missing:
        message = f"the real-window desk test needs {', '.join(missing)}: run scripts/setup (scripts/apt-packages.txt)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    session = XSession(tmp_path_factory.mktemp("xsession")).start()
    yield session
    session.stop()


@pytest.fixture(scope="module")
def printer(cups) -> Iterator[tuple[str, Path]]:  # noqa: F811
    """A cups-pdf queue for the desk: every print job comes out as a PDF in ``out``."""
    name = f"memberdesk-desk-day-{uuid.uuid4().hex[:8]}"
    out = ARTIFACTS.parent / "desk-day-printed" / name
    out.mkdir(parents=True, exist_ok=True)
    out.chmod(0o777)
    conf = Path("/etc/cups") / f"cups-pdf-{name}.conf"
    conf.write_text(f"Out {out}\nLabel 1\n", encoding="utf-8")
    subprocess.run(
        ["lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-P", PPD],
        check=True,
        capture_output=True,
        env=C_LOCALE,
    )
    try:
        yield name, out
    finally:
        subprocess.run(["cancel", "-a", name], capture_output=True, check=False)
        subprocess.run(["lpadmin", "-x", name], capture_output=True, check=False)
        conf.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def demo(tmp_path_factory, printer) -> Iterator[tuple[DemoServer, Path]]:
    """The server with demo data and this terminal registered and synced with it, as ``scripts/run`` does."""
    from sync.store import Store

    workdir = tmp_path_factory.mktemp("desk-day")
    server = DemoServer(workdir).prepare().start()
    try:
        store_path = workdir / "terminal.sqlite3"
        server.register_terminal(store_path)
        store = Store(store_path)
        try:
            with store.transaction() as conn:
                store.set_setting(conn, "printer", printer[0])
                store.set_setting(conn, "language", "zh_CN")
        finally:
            store.close()
        yield server, store_path
    finally:
        server.stop()


@pytest.fixture
def desk(xsession, demo, tmp_path) -> Iterator[DeskApp]:
    _server, store_path = demo
    app = DeskApp(xsession, store_path, tmp_path).start()
    try:
        yield app
    finally:
        with contextlib.suppress(Exception):
            xsession.screenshot("last-" + os.environ.get("PYTEST_CURRENT_TEST", "test").split("::")[-1].split(" ")[0])
        app.stop()
    assert "unhandled exception" not in app.log_text(), app.log_text()[-4000:]


@contextlib.contextmanager
def open_store(path: Path) -> Iterator:
    from sync.store import Store

    store = Store(path)
    try:
        yield store
    finally:
        store.close()


def member_token(store_path: Path, member_no: str) -> str:
    """The member's QR code as the terminal signs it (what the welcome slip and the member's app show)."""
    from sync.services import DeskServices

    with open_store(store_path) as store:
        token = DeskServices(store).member_token(member_no)
    assert token
    return token


def a_demo_member(store_path: Path) -> str:
    with open_store(store_path) as store:
        row = store.query_one("SELECT member_no FROM members WHERE status = 'active' ORDER BY member_no LIMIT 1")
    return row["member_no"]


def log_in(x: XSession, desk: DeskApp, staff: tuple[str, str]) -> None:
    desk.wait_focus("StaffNo")
    x.type_text(staff[0])
    x.key("Return")  # Enter in the staff number moves on to the PIN
    desk.wait_focus("Pin")
    x.type_text(staff[1])
    x.key("Return")
    desk.wait(lambda s: s.get("logged_in") == staff[0] and s.get("screen") == "HomeScreen", 60, "the home screen")


def now_local() -> datetime:
    return datetime.now(SHANGHAI)


def test_log_in_and_scan_a_member_with_a_wedge_scanner(xsession, demo, desk):
    _server, store_path = demo
    member_no = a_demo_member(store_path)
    token = member_token(store_path, member_no)
    x = xsession
    x.screenshot("login")
    log_in(x, desk, MANAGER)
    x.screenshot("home")
    x.scan(token)
    state = desk.wait(lambda s: s.get("member") == member_no, 60, f"member {member_no} on screen")
    assert state["screen"] == "MemberScreen"
    x.screenshot("member-scanned")
