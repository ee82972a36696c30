"""Shared fixtures: a fresh terminal store on disk, a settable clock, desk services and logged-in staff."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["server_fixtures"]


def pytest_configure(config) -> None:
    """Every store is encrypted with a key from the OS keyring; a headless machine gets a private one."""
    import importlib.util
    import tempfile

    spec = importlib.util.spec_from_file_location(
        "keyring_session", Path(__file__).resolve().parent.parent / "scripts" / "keyring_session.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    directory = Path(tempfile.mkdtemp(prefix="memberdesk-keyring-"))
    module.ensure(directory)


def copy_store(source: Path, destination: Path) -> Path:
    """Copy a store file and give the copy its key (keys are kept per store file in the keyring)."""
    import shutil

    from sync import storekey

    shutil.copyfile(source, destination)
    storekey.save_key(destination, storekey.load_key(source))
    return destination


ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


class Clock:
    """A clock the test moves by hand; services read it for every operation."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)

    def set_local(self, text: str) -> None:
        """Set the clock to a Shanghai local time such as '2026-03-15 10:00'."""
        from zoneinfo import ZoneInfo

        local = datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Asia/Shanghai"))
        self.now = local.astimezone(UTC)


@pytest.fixture
def clock() -> Clock:
    # 2026-11-20 10:00 in Shanghai: a Friday, not a campaign day, not member day.
    return Clock(START)


START = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
STAFF = (("M001", "王经理", "manager", "1234"), ("D001", "李娜", "desk", "2345"), ("C001", "陈晨", "cashier", "3456"))


@pytest.fixture(scope="session")
def template_store(tmp_path_factory) -> Path:
    """A set-up store with staff, made once; each test gets its own copy (argon2 hashing is slow on purpose)."""
    from sync.services import DeskServices
    from sync.setup import init_store

    path = tmp_path_factory.mktemp("template") / "terminal.sqlite3"
    s = init_store(path, 7, "服务台 1", now=START)
    services = DeskServices(s, clock=lambda: START)
    for staff_no, name, role, pin in STAFF:
        services.add_staff(None, staff_no, name, role, pin)
    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    return path


@pytest.fixture(scope="session")
def server_template_db(tmp_path_factory) -> Path:
    """A migrated SQLite server database with the default rules, made once; each desk server gets a copy."""
    from server import admin
    from server.db import ServerDB

    path = tmp_path_factory.mktemp("server-template") / "server.sqlite3"
    url = f"sqlite:///{path}"
    admin.migrate(url)
    db = ServerDB(url)
    try:
        admin.load_rules(db, None, None, START)
    finally:
        db.dispose()
    return path


@pytest.fixture
def desk_server(server_template_db, tmp_path):
    """The central server the default desk is registered with: a real process on 127.0.0.1 (SQLite)."""
    import shutil

    from server_fixtures import ServerProcess

    workdir = tmp_path / "desk-server"
    workdir.mkdir()
    shutil.copyfile(server_template_db, workdir / "server.sqlite3")
    proc = ServerProcess(f"sqlite:///{workdir / 'server.sqlite3'}", workdir).start()
    yield proc
    proc.close()


DESK_NAME = "服务台 1"
DESK_CODE = 7


@pytest.fixture
def store(tmp_path, template_store, desk_server, clock):
    """The default desk's store: set up, registered with ``desk_server`` as terminal 007, as every real desk
    runs (``scripts/run`` registers the terminal before the desk app opens)."""
    from sync.engine import register_terminal
    from sync.store import Store

    path = copy_store(template_store, tmp_path / "terminal.sqlite3")
    s = Store(path)
    register_terminal(s, desk_server.base_url, desk_server.issue_code(DESK_NAME, DESK_CODE), now=clock())
    yield s
    s.close()


@pytest.fixture
def local_store(tmp_path, template_store):
    """A set-up store never registered with a server: only for tests about the store or the plain services."""
    from sync.store import Store

    path = copy_store(template_store, tmp_path / "local-terminal.sqlite3")
    s = Store(path)
    yield s
    s.close()


class Online:
    def __init__(self) -> None:
        self.value = False

    def __call__(self) -> bool:
        return self.value


@pytest.fixture
def online() -> Online:
    return Online()


@pytest.fixture
def engine(store, clock):
    """The default desk's sync engine (not started: a test syncs when it says so, with ``engine.sync_once()``)."""
    from sync.engine import engine_for

    e = engine_for(store, clock=clock, backoff_base=0.01, backoff_cap=0.05)
    yield e
    e.client.close()


@pytest.fixture
def services(store, clock, online, engine):
    """The desk services the app really uses: a registered terminal's synced services against a real server.

    ``online`` decides whether actions count as online (redemptions and coupons then ask the server first).
    """
    from sync.inbox import SyncedDeskServices

    return SyncedDeskServices(store, clock=clock, engine=engine, online=online)


@pytest.fixture
def local_services(local_store, clock, online):
    """The plain local desk services, for the tests that are about them."""
    from sync.services import DeskServices

    return DeskServices(local_store, clock=clock, online=online)


@pytest.fixture
def manager(services):
    return services.login("M001", "1234")


@pytest.fixture
def desk(services):
    return services.login("D001", "2345")


@pytest.fixture
def cashier(services):
    return services.login("C001", "3456")


def enroll(services, session, phone="13812345678", name="张三", birthday="03-15", **kw):
    return services.enroll(
        session, name=name, phone=phone, birthday=birthday, privacy_accepted=True, marketing_accepted=False, **kw
    )


@pytest.fixture
def member(services, desk) -> str:
    return enroll(services, desk).member_no


def fingerprint(store) -> dict[str, str]:
    """A digest of every table's full content, to prove a refused action wrote nothing anywhere."""
    import hashlib

    names = [r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    out = {}
    for name in names:
        rows = store.query(f'SELECT * FROM "{name}"')
        digest = hashlib.sha256(repr(sorted(tuple(r) for r in rows)).encode()).hexdigest()
        out[name] = f"{len(rows)}:{digest[:16]}"
    return out


def open_desk_window(qtbot, services, store, size: tuple[int, int] | None = None):
    """The desk's real main window over ``services`` in zh_CN, shown; a generator for a fixture to yield from
    (it shuts the window down and restores the language afterwards)."""
    from desktop.app import create_app
    from desktop.i18n import install_language
    from desktop.main_window import MainWindow

    create_app()
    install_language("zh_CN")
    window = MainWindow(services, store)
    qtbot.addWidget(window)
    if size:
        window.resize(*size)
    window.show()
    yield window
    window.shutdown()
    install_language("zh_CN")
