"""Fixtures for tests with a running central server: a uvicorn process on 127.0.0.1, SQLite or PostgreSQL,
and terminals registered with it.

Each server process listens on a free loopback port and is stopped by the fixture's finalizer. The
PostgreSQL backend is a throwaway cluster (initdb/pg_ctl run as the ``postgres`` user, since PostgreSQL
refuses to run as root) in a temporary directory, one per test session, with a fresh database per test.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ("sqlite", "postgresql")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition: Any, timeout: float = 30.0, interval: float = 0.02, what: str = "condition") -> Any:
    """Poll ``condition`` until it returns something truthy; fail the test after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


# -- PostgreSQL ------------------------------------------------------------------------------------------


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    which = shutil.which(name)
    if which:
        return which
    pytest.fail(
        f"PostgreSQL's {name} was not found: the server tests need Debian's postgresql package. "
        "Run scripts/setup (it installs scripts/apt-packages.txt), or: apt-get install postgresql",
        pytrace=False,
    )


class PostgresCluster:
    """A throwaway PostgreSQL cluster owned by the ``postgres`` user, listening on 127.0.0.1 only."""

    def __init__(self) -> None:
        initdb, self.pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail(
                "There is no 'postgres' user to run PostgreSQL as: install Debian's postgresql package "
                "(scripts/setup does).",
                pytrace=False,
            )
        self.dir = Path(tempfile.mkdtemp(prefix="memberdesk-pg-"))
        self.port = free_port()
        self.data = self.dir / "data"
        os.chmod(self.dir, 0o755)
        subprocess.run(["chown", "postgres:postgres", str(self.dir)], check=True)
        self._as_postgres([initdb, "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"])
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._as_postgres(
            [self.pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start"]
        )
        self._counter = itertools.count(1)

    def _as_postgres(self, argv: list[str]) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        result = subprocess.run(prefix + argv, capture_output=True, text=True, cwd=self.dir)
        if result.returncode != 0:
            raise RuntimeError(f"{argv[0]} failed: {result.stderr[-2000:]}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"md_{os.getpid()}_{next(self._counter)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        try:
            self._as_postgres([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PostgresCluster]:
    cluster = PostgresCluster()
    yield cluster
    cluster.stop()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated server database with the default rules loaded, on each backend."""
    from server import admin
    from server.db import ServerDB

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_cluster").new_database()
    admin.migrate(url)
    db = ServerDB(url)
    try:
        admin.load_rules(db, None, None, START_SERVER)
    finally:
        db.dispose()
    return url


# -- the server process -------------------------------------------------------------------------------------

from conftest import START, copy_store  # noqa: E402  (the terminals' clock; the server's clock is the machine's)

START_SERVER = START


class ServerProcess:
    """``memberdesk-server run`` in a child process; stop, kill and restart it on the same port."""

    def __init__(
        self,
        url: str,
        workdir: Path,
        port: int | None = None,
        tls: tuple[Path, Path] | None = None,
        env: dict[str, str] | None = None,
    ):
        from server.db import ServerDB

        self.db_url = url
        self.workdir = workdir
        self.port = port or free_port()
        self.tls = tls  # (certificate, key): serve HTTPS
        self.base_url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.db = ServerDB(url)
        self.log = workdir / f"server-{self.port}.log"
        self.env = env or {}  # e.g. MEMBERDESK_RATE_LOOKUP for a test of the limits

    def start(self) -> ServerProcess:
        from server_zygote import spawn_server

        env = {**os.environ, "PYTHONPATH": str(ROOT), **self.env}
        argv = ["--db", self.db_url, "run", "--host", "127.0.0.1", "--port", str(self.port)]
        argv += ["--snapshot-dir", str(self.workdir / "snapshots")]
        if self.tls:
            argv += ["--ssl-certfile", str(self.tls[0]), "--ssl-keyfile", str(self.tls[1])]
        # A real server process either way; forked from a pre-imported one unless this server has settings
        # of its own (see tests/server_zygote.py: it saves about 2 s a server).
        self.proc = spawn_server(argv, env, self.workdir, self.log, plain=bool(self.env))
        wait_until(self._healthy, timeout=30, interval=0.05, what=f"server on port {self.port}")
        return self

    def _healthy(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise AssertionError(f"server exited with {self.proc.returncode}: {self.log.read_text()[-3000:]}")
        try:
            verify = str(self.tls[0]) if self.tls else True
            return requests.get(self.base_url + "/v1/health", timeout=1, verify=verify).status_code == 200
        except requests.RequestException:
            return False

    def kill(self) -> None:
        """SIGKILL: the process dies wherever it is (a crash), as in a power cut."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        self.stop()
        self.db.dispose()

    # -- administration, in process against the same database -----------------------------------------

    def issue_code(self, name: str, terminal_code: int | None = None) -> str:
        from datetime import UTC, datetime

        from server import admin

        return admin.issue_registration_code(self.db, name, datetime.now(UTC), terminal_code)

    def scalar(self, sql: str, **params: Any) -> Any:
        from sqlalchemy import text

        with self.db.read() as conn:
            return conn.execute(text(sql), params).scalar()

    def rows(self, sql: str, **params: Any) -> list[Any]:
        from sqlalchemy import text

        with self.db.read() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]


@pytest.fixture
def server(db_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    proc = ServerProcess(db_url, tmp_path).start()
    yield proc
    proc.close()


# -- terminals --------------------------------------------------------------------------------------------------


@dataclass
class Terminal:
    """A desk: its store, desk services on a settable clock, logged-in staff and its sync engine."""

    store: Any
    services: Any
    engine: Any
    clock: Any
    online: Any  # conftest.Online: whether desk actions count as online (redemptions then ask the server)
    sessions: dict[str, Any] = field(default_factory=dict)

    @property
    def desk(self) -> Any:
        return self.sessions["desk"]

    @property
    def manager(self) -> Any:
        return self.sessions["manager"]

    @property
    def cashier(self) -> Any:
        return self.sessions["cashier"]

    def sync(self) -> Any:
        return self.engine.sync_once()

    def close(self) -> None:
        self.engine.client.close()
        self.store.close()


class TerminalFactory:
    def __init__(self, template: Path, tmp_path: Path):
        self.template = template
        self.tmp_path = tmp_path
        self.made: list[Terminal] = []

    def __call__(
        self, server: ServerProcess, code: int, name: str | None = None, base_url: str | None = None, clock: Any = None
    ) -> Terminal:
        from conftest import Clock

        from sync.engine import register_terminal
        from sync.store import Store

        path = self.tmp_path / f"terminal-{code}.sqlite3"
        copy_store(self.template, path)
        store = Store(path)
        clock = clock or Clock(START)
        register_terminal(
            store, base_url or server.base_url, server.issue_code(name or f"Desk {code}", code), now=clock()
        )
        return self.open(path, clock)

    def open(self, path: Path, clock: Any) -> Terminal:
        from conftest import Online

        from sync.engine import engine_for
        from sync.inbox import SyncedDeskServices
        from sync.store import Store

        store = Store(path)
        engine = engine_for(store, clock=clock, backoff_base=0.01, backoff_cap=0.05)
        online = Online()
        services = SyncedDeskServices(store, clock=clock, engine=engine, online=online)
        terminal = Terminal(store, services, engine, clock, online)
        terminal.sessions = {
            "desk": services.login("D001", "2345"),
            "manager": services.login("M001", "1234"),
            "cashier": services.login("C001", "3456"),
        }
        self.made.append(terminal)
        return terminal

    def close(self) -> None:
        for terminal in self.made:
            with contextlib.suppress(Exception):
                terminal.close()


@pytest.fixture
def make_terminal(template_store: Path, tmp_path: Path) -> Iterator[TerminalFactory]:
    factory = TerminalFactory(template_store, tmp_path)
    yield factory
    factory.close()


# -- comparing state ---------------------------------------------------------------------------------------------


def terminal_state(store: Any, terminal_id: str | None = None) -> dict[str, Any]:
    """What must be equal everywhere after quiescing, read from a terminal store."""
    q = store.query
    return {
        # The terminal keeps the number sealed (sync/phonekeys.py): opening it checks the sealed copy too.
        "members": sorted(
            (r[0], r[1], store.phone_keys.unseal(r[2]), *tuple(r)[3:])
            for r in q("SELECT member_no, name, phone_sealed, tier, status, alias_of FROM members")
        ),
        "ledger": sorted(
            tuple(r)
            for r in q(
                "SELECT member_no, kind, lot_year, business_day, sum(delta), sum(spend_fen) FROM ledger "
                "GROUP BY member_no, kind, lot_year, business_day HAVING sum(delta) != 0 OR sum(spend_fen) != 0"
            )
        ),
        "coupons": sorted(
            tuple(r) for r in q("SELECT code, definition, member_no, status, used_op, used_where FROM coupons")
        ),
        "receipts": sorted(tuple(r) for r in q("SELECT tenant_code, receipt_no, member_no, op_id FROM receipts")),
        "claims": sorted(
            tuple(r) for r in q("SELECT member_no, benefit, period, op_id FROM benefit_claims WHERE status = 'claimed'")
        ),
    }


def server_state(server: ServerProcess) -> dict[str, Any]:
    rows = server.rows
    return {
        "members": sorted(rows("SELECT member_no, name, phone, tier, status, alias_of FROM members")),
        "ledger": sorted(
            rows(
                "SELECT member_no, kind, lot_year, business_day, sum(delta), sum(spend_fen) FROM ledger "
                "GROUP BY member_no, kind, lot_year, business_day HAVING sum(delta) != 0 OR sum(spend_fen) != 0"
            )
        ),
        "coupons": sorted(rows("SELECT code, definition, member_no, status, used_op, used_where FROM coupons")),
        "receipts": sorted(rows("SELECT tenant_code, receipt_no, member_no, op_id FROM receipts")),
        "claims": sorted(rows("SELECT member_no, benefit, period, op_id FROM benefit_claims WHERE status = 'claimed'")),
    }


def stock_of(store: Any) -> dict[str, int]:
    return {r[0]: r[1] for r in store.query("SELECT item_code, quantity FROM stock")}


def server_stock(server: ServerProcess, terminal_id: str) -> dict[str, int]:
    return dict(server.rows("SELECT item_code, quantity FROM stock WHERE terminal_id = :t", t=terminal_id))


def quiesce(*terminals: Terminal, rounds: int = 3) -> None:
    """Sync every terminal until nothing is pending and everyone has pulled everything."""
    for _ in range(rounds):
        for terminal in terminals:
            terminal.sync()


def assert_converged(server: ServerProcess, *terminals: Terminal) -> None:
    expected = server_state(server)
    for terminal in terminals:
        got = terminal_state(terminal.store)
        for key in expected:
            assert got[key] == expected[key], f"{terminal.store.terminal().terminal_id}: {key} differs"
        tid = terminal.store.terminal().terminal_id
        assert stock_of(terminal.store) == server_stock(server, tid), f"{tid}: stock differs"
        assert terminal.store.scalar("SELECT count(*) FROM oplog WHERE status = 'pending'") == 0
