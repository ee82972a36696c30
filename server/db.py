"""The server's database: tables (SQLAlchemy Core), engines for SQLite and PostgreSQL, write transactions.

Every write runs in :meth:`ServerDB.write`, which serialises writers for the whole transaction (SQLite:
``BEGIN IMMEDIATE``; PostgreSQL: a row lock on the change counter taken first) and hands out change
numbers from that counter. Because no second writer can start before the first commits, change numbers
follow commit order, so a terminal that pulls ``since`` a number never misses a change committed later
with a smaller one.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

import orjson
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    text,
)
from sqlalchemy.pool import QueuePool

# SQLite makes only ``INTEGER PRIMARY KEY`` an auto-incrementing rowid; PostgreSQL wants a 64-bit key.
BigId = BigInteger().with_variant(Integer, "sqlite")

metadata = MetaData()

counters = Table(
    "counters",
    metadata,
    Column("name", Text, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

terminals = Table(
    "terminals",
    metadata,
    Column("terminal_id", Text, primary_key=True),
    Column("terminal_code", Integer, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("token_hash", Text, unique=True),
    Column("status", Text, nullable=False),  # active | revoked
    Column("key_id", Integer),
    Column("registered_at", Text, nullable=False),
    Column("revoked_at", Text),
    Column("last_seen", Text),
    Column("pulled_through", BigInteger, nullable=False, server_default="0"),
    # What the terminal last reported with a status/push/pull request (docs/PROTOCOL.md); null from old ones.
    Column("pending_ops", Integer),
    Column("software_version", Text),
    Column("reported_at", Text),
    Column("last_pull", Text),  # last successful pull: a desk that only pulls still counts as synced
)

registration_codes = Table(
    "registration_codes",
    metadata,
    Column("code_hash", Text, primary_key=True),
    Column("terminal_code", Integer),
    Column("name", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("used_at", Text),
    Column("used_by", Text),
)

epochs = Table(
    "epochs",
    metadata,
    Column("terminal_id", Text, nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("last_seq", Integer, nullable=False),
    Column("last_op_id", Text),
    Column("opened_at", Text, nullable=False),
    PrimaryKeyConstraint("terminal_id", "epoch"),
)

ops = Table(
    "ops",
    metadata,
    Column("op_id", Text, primary_key=True),
    Column("terminal_id", Text, nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", Text, nullable=False),
    Column("staff_no", Text, nullable=False),
    Column("member_no", Text),
    Column("effective_member", Text),
    Column("local_time", Text, nullable=False),
    Column("business_day", Text, nullable=False),
    Column("online", Integer, nullable=False),
    Column("payload", Text, nullable=False),
    Column("payload_hash", Text, nullable=False),
    Column("status", Text, nullable=False),  # applied | rejected
    Column("code", Text),
    Column("outcome", Text, nullable=False),  # JSON, returned unchanged on every replay
    Column("received_at", Text, nullable=False),
    Column("change_no", BigInteger),
    Column("reversed_by", Text),
    UniqueConstraint("terminal_id", "epoch", "seq", name="ops_terminal_epoch_seq"),
)

members = Table(
    "members",
    metadata,
    Column("member_no", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("phone", Text, nullable=False),
    Column("card_no", Text),
    Column("birthday", Text),
    Column("gender", Text, nullable=False, server_default=""),
    Column("tier", Text, nullable=False),
    Column("tier_since", Text, nullable=False),
    Column("enrolled_at", Text, nullable=False),
    Column("enrolled_day", Text, nullable=False),
    Column("channel", Text, nullable=False, server_default="desk"),
    Column("referrer_no", Text),
    Column("privacy_consent", Text),
    Column("marketing_consent", Text),
    Column("status", Text, nullable=False, server_default="active"),
    Column("alias_of", Text),
    Column("updated_at", Text, nullable=False),
    Index(
        "members_phone_active",
        "phone",
        unique=True,
        sqlite_where=text("status = 'active'"),
        postgresql_where=text("status = 'active'"),
    ),
)

ledger = Table(
    "ledger",
    metadata,
    Column("entry_id", BigId, primary_key=True, autoincrement=True),
    Column("member_no", Text, nullable=False),
    Column("op_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("delta", BigInteger, nullable=False),
    Column("lot_year", Integer, nullable=False),
    Column("spend_fen", BigInteger, nullable=False, server_default="0"),
    Column("business_day", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Index("ledger_member", "member_no", "business_day"),
    Index("ledger_op", "op_id"),
)

stock = Table(
    "stock",
    metadata,
    Column("terminal_id", Text, nullable=False),
    Column("item_code", Text, nullable=False),
    Column("quantity", BigInteger, nullable=False),
    PrimaryKeyConstraint("terminal_id", "item_code"),
)

stock_moves = Table(
    "stock_moves",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("terminal_id", Text, nullable=False),
    Column("op_id", Text, nullable=False),
    Column("item_code", Text, nullable=False),
    Column("delta", BigInteger, nullable=False),
    Column("business_day", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Index("stock_moves_op", "op_id"),
)

benefit_claims = Table(
    "benefit_claims",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("member_no", Text, nullable=False),
    Column("benefit", Text, nullable=False),
    Column("period", Text, nullable=False),
    Column("detail", Text, nullable=False, server_default=""),
    Column("op_id", Text, nullable=False),
    Column("status", Text, nullable=False, server_default="claimed"),
    Column("business_day", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Index(
        "benefit_claims_once",
        "member_no",
        "benefit",
        "period",
        unique=True,
        sqlite_where=text("status = 'claimed'"),
        postgresql_where=text("status = 'claimed'"),
    ),
    Index("benefit_claims_op", "op_id"),
    Index("benefit_claims_member", "member_no"),
)

coupons = Table(
    "coupons",
    metadata,
    Column("code", Text, primary_key=True),
    Column("definition", Text, nullable=False),
    Column("member_no", Text),
    Column("status", Text, nullable=False),
    Column("valid_from", Text, nullable=False),
    Column("valid_to", Text, nullable=False),
    Column("issued_op", Text),
    Column("used_op", Text),
    Column("used_at", Text),
    Column("used_where", Text),
    Column("updated_at", Text, nullable=False),
    Index("coupons_issued_op", "issued_op"),
    Index("coupons_used_op", "used_op"),
)

receipts = Table(
    "receipts",
    metadata,
    Column("tenant_code", Text, nullable=False),
    Column("receipt_no", Text, nullable=False),
    Column("member_no", Text, nullable=False),
    Column("amount_fen", BigInteger, nullable=False),
    Column("purchase_date", Text, nullable=False),
    Column("op_id", Text, nullable=False),
    Column("terminal_name", Text, nullable=False),
    Column("business_day", Text, nullable=False),
    Column("credited_at", Text, nullable=False),
    PrimaryKeyConstraint("tenant_code", "receipt_no"),
    Index("receipts_member_day", "member_no", "business_day"),
)

slips = Table(
    "slips",
    metadata,
    Column("serial", Text, primary_key=True),
    Column("op_id", Text, nullable=False),
    Column("keyed_at", Text, nullable=False),
)

staff = Table(
    "staff",
    metadata,
    Column("staff_no", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("pin_hash", Text, nullable=False),
    Column("active", Integer, nullable=False, server_default="1"),
    Column("updated_at", Text, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("name", Text, primary_key=True),
    Column("version", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("loaded_at", Text, nullable=False),
)

qr_keys = Table(
    "qr_keys",
    metadata,
    Column("key_id", Integer, primary_key=True),
    Column("public_hex", Text, nullable=False),
    Column("private_hex", Text),  # only for the server's own signing keys
    Column("owner", Text, nullable=False),  # a terminal id, or 'server'
    Column("status", Text, nullable=False),  # active | retired | revoked
    Column("added_at", Text, nullable=False),
)

exceptions = Table(
    "exceptions",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("code", Text, nullable=False),
    Column("op_id", Text),
    Column("terminal_id", Text),
    Column("member_no", Text),
    Column("message", Text, nullable=False),  # JSON Message
    Column("detail", Text, nullable=False, server_default="{}"),
    Column("status", Text, nullable=False),  # open | resolved
    Column("resolution", Text),
    Column("resolved_by", Text),
    Column("resolved_at", Text),
    Column("opened_at", Text, nullable=False),
    Index("exceptions_status", "status"),
)

profile_edits = Table(
    "profile_edits",
    metadata,
    Column("member_no", Text, nullable=False),
    Column("field", Text, nullable=False),
    Column("terminal_id", Text, nullable=False),
    Column("op_id", Text, nullable=False),
    Column("local_time", Text, nullable=False),
    Column("change_no", BigInteger, nullable=False),
    PrimaryKeyConstraint("member_no", "field"),
)

changes = Table(
    "changes",
    metadata,
    Column("change_no", BigInteger, primary_key=True, autoincrement=False),
    Column("entity", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("audience", Text),  # a terminal id, or NULL for every terminal
    Column("data", Text, nullable=False),
)

snapshots = Table(
    "snapshots",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("change_no", BigInteger, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("members", BigInteger, nullable=False),
    Column("created_at", Text, nullable=False),
)

# -- security (revision 0002) ------------------------------------------------------------------------------

terminal_audit = Table(
    "terminal_audit",
    metadata,
    Column("terminal_id", Text, nullable=False),
    Column("branch", Integer, nullable=False),  # 0: the terminal's current chain; n > 0: kept as evidence
    Column("id", BigInteger, nullable=False),
    Column("at", Text, nullable=False),
    Column("audit_terminal", Text, nullable=False),  # the terminal id written in the row
    Column("staff_no", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("op_id", Text),
    Column("detail", Text, nullable=False),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),  # the chain recomputed by the server over the rows as sent
    Column("sent_hash", Text, nullable=False),  # the hash the terminal's row carried
    Column("anchored_at", Text, nullable=False),
    PrimaryKeyConstraint("terminal_id", "branch", "id"),
    Index("terminal_audit_staff", "staff_no", "action", "at"),
)

audit_anchors = Table(
    "audit_anchors",
    metadata,
    Column("terminal_id", Text, primary_key=True),
    Column("head_id", BigInteger, nullable=False),
    Column("epoch", Integer, nullable=False),
    Column("anchored_at", Text, nullable=False),
    Column("request_no", BigInteger, nullable=False, server_default="0"),  # revision 0004: late requests are stale
)

audit_branches = Table(
    "audit_branches",
    metadata,
    Column("terminal_id", Text, nullable=False),
    Column("branch", Integer, nullable=False),
    Column("reason", Text, nullable=False),  # changed | removed | restored
    Column("first_id", BigInteger, nullable=False),
    Column("last_id", BigInteger, nullable=False),
    Column("detected_at", Text, nullable=False),
    PrimaryKeyConstraint("terminal_id", "branch"),
)

abuse_flags = Table(
    "abuse_flags",
    metadata,
    Column("code", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("bucket", Text, nullable=False),  # the day or hour the pattern was seen in
    Column("exception_id", BigInteger, nullable=False),
    Column("opened_at", Text, nullable=False),
    PrimaryKeyConstraint("code", "subject", "bucket"),
)


# -- staff history (revision 0003) ---------------------------------------------------------------------------

staff_history = Table(
    "staff_history",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("staff_no", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("active", Integer, nullable=False),
    Column("valid_from", Text, nullable=False),  # UTC text; '' for "since before the history was kept"
    Index("staff_history_staff", "staff_no", "valid_from"),
)


_DUMPS_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def dumps(value: Any) -> str:
    """Stored JSON (change data, outcomes): sorted keys, no spaces, UTF-8, as ``json.dumps(value,
    ensure_ascii=False, separators=(",", ":"), sort_keys=True)`` writes it, byte for byte, in a fifth of
    the time (``tests/test_server_json.py``); an operation stores three of them."""
    return orjson.dumps(value, option=_DUMPS_OPTIONS).decode()


@dataclass
class Change:
    entity: str
    key: str
    data: dict[str, Any]
    audience: str | None = None


_CHANGES_INSERT = (
    'INSERT INTO changes (change_no, entity, "key", audience, data) '
    "VALUES (:change_no, :entity, :key, :audience, :data)"
)


@dataclass
class WriteTx:
    """A serialised write transaction: the connection and the change numbers it hands out."""

    conn: Connection
    next_no: int
    pending: list[dict[str, Any]] = field(default_factory=list)
    reference: Any = None  # (rules, master data) read once per transaction
    staff: dict[str, Any] = field(default_factory=dict)  # staff history rows read once per transaction

    def emit(self, entity: str, key: str, data: dict[str, Any], audience: str | None = None) -> int:
        """Record a change for terminals to pull; its number is the next in commit order."""
        self.next_no += 1
        self.pending.append(
            {"change_no": self.next_no, "entity": entity, "key": key, "audience": audience, "data": dumps(data)}
        )
        return self.next_no

    def mark(self) -> tuple[int, int]:
        return self.next_no, len(self.pending)

    def rollback_to(self, mark: tuple[int, int]) -> None:
        """Forget the changes of a rolled-back savepoint (their numbers stay unused: gaps are allowed)."""
        del self.pending[mark[1] :]


class ServerDB:
    """Engines and transactions for one server database (SQLite file or PostgreSQL)."""

    def __init__(self, url: str):
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        self._write_lock = threading.Lock() if self.is_sqlite else None
        if self.is_sqlite:
            self.engine = _sqlite_engine(url, immediate=True, keep=1)
            self.reader = _sqlite_engine(url, immediate=False, keep=4)
        else:
            self.engine = create_engine(url, pool_size=10, max_overflow=40, pool_pre_ping=True)
            self.reader = self.engine

    def dispose(self) -> None:
        self.engine.dispose()
        if self.reader is not self.engine:
            self.reader.dispose()

    @contextlib.contextmanager
    def write(self) -> Iterator[WriteTx]:
        lock = self._write_lock or contextlib.nullcontext()
        with lock, self.engine.begin() as conn:
            suffix = "" if self.is_sqlite else " FOR UPDATE"
            value = conn.execute(text(f"SELECT value FROM counters WHERE name = 'change_no'{suffix}")).scalar_one()
            tx = WriteTx(conn, value)
            yield tx
            if tx.pending:
                raw(conn).executemany(_CHANGES_INSERT, tx.pending)
            if tx.next_no != value:
                conn.execute(text("UPDATE counters SET value = :v WHERE name = 'change_no'"), {"v": tx.next_no})

    @contextlib.contextmanager
    def update(self) -> Iterator[Connection]:
        """A small write that adds nothing to the change feed (a terminal's report, how far it pulled):
        one writer at a time like ``write`` on SQLite, without the change counter's lock on PostgreSQL."""
        lock = self._write_lock or contextlib.nullcontext()
        with lock, self.engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.reader.connect() as conn, conn.begin():
            yield conn


def _sqlite_engine(url: str, immediate: bool, keep: int) -> Engine:
    # ``keep`` connections stay open between requests (more are opened when needed and closed after).
    # Without one open, every request would close the database's last connection, and SQLite then
    # checkpoints the whole WAL into the file and deletes it before the next request creates it again:
    # a small push paid that each time, and a busy server much of its time.
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 60},
        poolclass=QueuePool,
        pool_size=keep,
        max_overflow=-1,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (pysqlite's own handling is wrong)
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")  # the system of record: an acknowledged push is on disk
        cursor.execute("PRAGMA busy_timeout = 60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


class Raw:
    """The DB-API cursor under a SQLAlchemy connection, for the hot path of applying operations.

    Going through SQLAlchemy's execution machinery costs ~90 µs a statement; an operation needs about
    ten, so the push path uses the driver directly (same connection, same transaction, same savepoints).
    SQL is written with ``:name`` parameters (SQLite's own style) and rewritten once for psycopg.
    """

    _pg_sql: ClassVar[dict[str, str]] = {}

    def __init__(self, conn: Connection):
        self.cursor = conn.connection.dbapi_connection.cursor()
        self.pg = conn.dialect.name == "postgresql"

    def _sql(self, sql: str) -> str:
        if not self.pg:
            return sql
        done = self._pg_sql.get(sql)
        if done is None:
            done = self._pg_sql[sql] = _NAMED.sub(r"%(\1)s", sql)
        return done

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        self.cursor.execute(self._sql(sql), params or {})
        return self.cursor

    def executemany(self, sql: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.cursor.executemany(self._sql(sql), rows)

    def all(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        return self.execute(sql, params).fetchall()

    def one(self, sql: str, params: dict[str, Any] | None = None) -> tuple[Any, ...] | None:
        return self.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    def dict(self, sql: str, params: dict[str, Any] | None = None) -> dict[str, Any] | None:
        cursor = self.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


def raw(conn: Connection) -> Raw:
    """The cached raw cursor of this connection."""
    found = conn.info.get("memberdesk_raw")
    if found is None:
        found = conn.info["memberdesk_raw"] = Raw(conn)
    return found


# -- the office console and the scheduled jobs (revision 0005) -------------------------------------------------

# The console's day figures and member search on a large database.
Index("ops_business_day", ops.c.business_day)
Index("ledger_business_day", ledger.c.business_day)
Index("members_name", members.c.name)
Index("members_card", members.c.card_no)

console_users = Table(
    "console_users",
    metadata,
    Column("user_no", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),  # membership.permissions.OFFICE_ROLES
    Column("password_hash", Text, nullable=False),  # argon2id, the desks' parameters
    Column("active", Integer, nullable=False, server_default="1"),
    Column("failed_count", Integer, nullable=False, server_default="0"),
    Column("locked_until", Text),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

console_sessions = Table(
    "console_sessions",
    metadata,
    Column("token_hash", Text, primary_key=True),  # SHA-256 of the cookie value
    Column("user_no", Text, nullable=False),
    Column("csrf", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("last_seen", Text, nullable=False),
)

console_audit = Table(
    "console_audit",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False),
    Column("user_no", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("detail", Text, nullable=False, server_default="{}"),
    Index("console_audit_at", "at"),
)

adjust_requests = Table(
    "adjust_requests",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("member_no", Text, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("reason", Text, nullable=False),
    Column("requested_by", Text, nullable=False),
    Column("requested_at", Text, nullable=False),
    Column("status", Text, nullable=False),  # pending | approved | refused
    Column("decided_by", Text),
    Column("decided_at", Text),
    Column("op_id", Text),
)

job_runs = Table(
    "job_runs",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("job", Text, nullable=False),
    Column("period", Text, nullable=False),  # what the run is for: a business day, a year
    Column("trigger", Text, nullable=False),  # schedule | catch_up | hand | baseline
    Column("holder", Text, nullable=False),
    Column("started_at", Text, nullable=False),
    Column("ended_at", Text),
    Column("status", Text, nullable=False),  # running | ok | failed | baseline
    Column("rows", BigInteger, nullable=False, server_default="0"),
    Column("errors", Text, nullable=False, server_default=""),
    Index("job_runs_job", "job", "period"),
)

pending_rules = Table(
    "pending_rules",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("version", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("effective_day", Text, nullable=False),  # the business day from which they hold
    Column("uploaded_by", Text, nullable=False),
    Column("uploaded_at", Text, nullable=False),
    Column("status", Text, nullable=False),  # pending | loaded | cancelled | failed
    Column("done_at", Text),
)

job_locks = Table(
    "job_locks",
    metadata,
    Column("job", Text, primary_key=True),
    Column("holder", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
)

# Every tier change the server applied (an upgrade by spend, points or activity, the annual review), so the
# console's tier history has all of them, not only the reviews and activity upgrades that leave a claim.
tier_changes = Table(
    "tier_changes",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("member_no", Text, nullable=False),
    Column("op_id", Text, nullable=False),
    Column("kind", Text, nullable=False),  # the operation's kind
    Column("from_tier", Text, nullable=False),
    Column("to_tier", Text, nullable=False),
    Column("terminal_id", Text),  # null: a server operation (the annual review job)
    Column("business_day", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Index("tier_changes_member", "member_no"),
)
