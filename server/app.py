"""The HTTP API (FastAPI): registration, push, pull, snapshots, online checks; OpenAPI at /openapi.json."""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import AfterValidator, BaseModel, Field, model_validator
from sqlalchemy import Connection, text
from sqlalchemy.exc import DataError, DBAPIError, OperationalError

from membership import __version__
from membership import ledger as ledger_math
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.timeutil import business_day, to_utc_text

from . import abuse, admin, audit, console, jobs, state
from .batch import push
from .db import ServerDB, raw
from .envelopes import Envelope, PushRefused, TerminalRef
from .security import BodyLimit, Limits, RateLimiter, install_log_masking, mask_phones, wire_problem
from .state import COUPON_COLUMNS, Reference

API_VERSION = "v1"
MAX_PAGE = 5000
MAX_INT = 2**31 - 1  # epochs, sequence numbers, ids that fit the database's INTEGER columns
MAX_BIG = 2**63 - 1
MAX_AUDIT_PAGE = 2000
# Exceptions a desk may not close itself: the terminal they concern is the one suspected.
SERVER_ONLY_EXCEPTIONS = ("audit_tampered",)
log = logging.getLogger("memberdesk.server")


def utc_now() -> datetime:
    return datetime.now(UTC)


def _error(status: int, code: str, message: Message, retry_after: int = 1, **detail: Any) -> JSONResponse:
    return JSONResponse(
        {"code": code, "message": message.to_json(), "text": str(message), **detail},
        status_code=status,
        headers={"Retry-After": str(retry_after)} if status in (429, 503) else None,
    )


class ApiError(Exception):
    def __init__(self, status: int, code: str, text_: str, /, retry_after: int = 1, **params: Any):
        super().__init__(code)
        self.status = status
        self.code = code
        self.retry_after = retry_after
        self.message = Message("Server", text_, params)


def _clean_text(value: str) -> str:
    problem = wire_problem(value, "text")
    if problem:
        raise ValueError(problem)
    return value


Clean = Annotated[str, AfterValidator(_clean_text)]


# -- request and response shapes (they are the OpenAPI description) -------------------------------------


class RegisterIn(BaseModel):
    registration_code: Clean = Field(
        max_length=64, description="The one-time code an administrator issued, e.g. K3QF-7ZP2-MA9D"
    )
    name: Clean | None = Field(None, max_length=64, description="A name for the desk; the code's name when omitted")
    terminal_code: int | None = Field(None, ge=1, le=899, description="The code this terminal already uses, if any")
    has_operations: bool = Field(False, description="Whether the terminal already logged operations")
    public_key_hex: str | None = Field(
        None, pattern=r"^[0-9a-fA-F]{64}$", description="The terminal's member-QR public key (Ed25519, hex)"
    )
    key_id: int | None = Field(None, ge=0, le=255)
    token: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9_-]{43,86}$",
        description="The bearer token the terminal will use (≥ 32 random bytes, URL-safe base64), chosen before "
        "asking so that asking again after a lost answer gets the same terminal back; the server keeps its hash",
    )


class RegisterOut(BaseModel):
    terminal_id: str
    terminal_code: int
    name: str
    token: str = Field(description="Bearer token for every later request; the server keeps only its hash")
    key_id: int | None
    stock: dict[str, int]
    change_no: int
    replay: bool = Field(False, description="This terminal was already registered with this token: the same answer")
    server_time: str


class OpIn(BaseModel):
    op_id: Clean = Field(min_length=36, max_length=36)
    epoch: int = Field(ge=1, le=MAX_INT)
    seq: int = Field(ge=1, le=MAX_INT)
    kind: Clean = Field(max_length=32)
    staff_no: Clean = Field(max_length=16)
    member_no: Clean | None = Field(None, max_length=16)
    local_time: Clean = Field(max_length=32)
    business_day: Clean = Field(max_length=10)
    online: bool = False
    payload: dict[str, Any]
    payload_hash: Clean = Field(min_length=64, max_length=64)

    @model_validator(mode="after")
    def _payload_is_what_a_terminal_writes(self) -> OpIn:
        # Floats, huge integers, NUL or lone surrogates never come from a terminal; refused before any write.
        problem = wire_problem(self.payload)
        if problem:
            raise ValueError(problem)
        return self


class PushIn(BaseModel):
    ops: list[OpIn] = Field(max_length=MAX_PAGE)


class Outcome(BaseModel):
    op_id: str
    epoch: int | None = None
    seq: int | None = None
    status: str = Field(description="applied | rejected")
    code: str | None = None
    message: dict[str, Any] | None = None
    exceptions: list[int] = []
    change_no: int | None = None
    replay: bool = False


class PushOut(BaseModel):
    results: list[Outcome]
    applied: int
    epoch: int
    last_seq: int
    server_time: str


class ResolveIn(BaseModel):
    resolution: Clean = Field(min_length=1, max_length=500)
    staff_no: Clean = Field(min_length=1, max_length=16)


class AuditRowIn(BaseModel):
    id: int = Field(ge=1, le=MAX_BIG)
    at: Clean = Field(max_length=32)
    terminal_id: Clean = Field(max_length=16)
    staff_no: Clean = Field(max_length=16)
    action: Clean = Field(max_length=64)
    subject: Clean = Field(max_length=200)
    op_id: Clean | None = Field(None, max_length=64)
    detail: Clean = Field(max_length=4000)
    prev_hash: Clean = Field(min_length=64, max_length=64)
    hash: Clean = Field(min_length=64, max_length=64)


class AuditIn(BaseModel):
    epoch: int = Field(ge=1, le=MAX_INT, description="The terminal's current epoch")
    head_id: int = Field(ge=0, le=MAX_BIG, description="The id of the terminal's newest audit row")
    ladder: list[tuple[int, str]] = Field(
        max_length=200,
        description="(id, chain hash) pairs the terminal computed walking its chain: the head, head-1, head-2, "
        "head-4, … and the ids the server asked for",
    )
    rows: list[AuditRowIn] = Field(max_length=MAX_AUDIT_PAGE, description="Rows not yet anchored, in id order")
    request_no: int | None = Field(
        None,
        ge=0,
        le=MAX_BIG,
        description="The terminal's anchor request number, raised for every request: an older one arriving "
        "late is answered `stale` and changes nothing",
    )


class AuditOut(BaseModel):
    status: str = Field(description="ok | probe (send the hashes at `probe`) | tampered | restored | stale")
    anchored_through: int
    probe: list[int]
    exceptions: list[int]
    first_broken_id: int | None = None
    request_no: int = Field(0, description="The newest request number the server processed for this terminal")


def current_terminal(request: Request, authorization: Annotated[str | None, Header()] = None) -> TerminalRef:
    """The terminal behind the bearer token; a revoked or unknown token is refused at once."""
    db: ServerDB = request.app.state.db
    token = (authorization or "").removeprefix("Bearer ").strip()
    if not token:
        raise ApiError(401, "unauthenticated", QT_TRANSLATE_NOOP("Server", "This terminal is not registered."))
    with db.read() as conn:
        row = conn.execute(
            text(
                "SELECT terminal_id, terminal_code, name, pulled_through FROM terminals "
                "WHERE token_hash = :h AND status = 'active'"
            ),
            {"h": admin.token_hash(token)},
        ).first()
    if row is None:
        raise ApiError(
            401,
            "unauthenticated",
            QT_TRANSLATE_NOOP("Server", "This terminal's registration was revoked or is unknown; register it again."),
        )
    return TerminalRef(row.terminal_id, row.terminal_code, row.name, row.pulled_through)


Auth = Annotated[TerminalRef, Depends(current_terminal)]

_VERSION_TEXT = re.compile(r"[0-9A-Za-z.+_-]{1,32}")


def terminal_report(
    x_memberdesk_pending: Annotated[
        str | None, Header(description="Operations the terminal has not pushed yet")
    ] = None,
    x_memberdesk_version: Annotated[str | None, Header(description="The terminal's software version")] = None,
) -> tuple[int | None, str | None]:
    """What a terminal reports about itself with a status, push or pull request (docs/PROTOCOL.md).

    Optional, for terminals older than the headers; a value that is not a count or a version is ignored
    rather than refused, so a report can never stop a sync.
    """
    pending = x_memberdesk_pending.strip() if x_memberdesk_pending else ""
    version = x_memberdesk_version.strip() if x_memberdesk_version else ""
    return (
        int(pending) if pending.isdigit() and len(pending) <= 9 else None,
        version if _VERSION_TEXT.fullmatch(version) else None,
    )


Report = Annotated[tuple[int | None, str | None], Depends(terminal_report)]


def note_report(
    db: ServerDB,
    terminal_id: str,
    report: tuple[int | None, str | None],
    pulled: bool = False,
    conn: Connection | None = None,
) -> None:
    """Keep the latest pending count and version a terminal sent, and when it last pulled (the console's
    Today and Terminals pages show them; a desk that only pulls still counts as synced).

    Written in ``conn``'s transaction when given (a push's own), else in a small write of its own
    (``ServerDB.update``: one writer at a time, no waiting in SQLite's busy loop).
    """
    pending, version = report
    at = to_utc_text(utc_now())
    values: dict[str, Any] = {"last_pull": at} if pulled else {}
    if pending is not None:
        values["pending_ops"] = pending
    if version is not None:
        values["software_version"] = version
    if pending is not None or version is not None:
        values["reported_at"] = at
    if not values:
        return
    update = f"UPDATE terminals SET {', '.join(f'{k} = :{k}' for k in values)} WHERE terminal_id = :t"
    if conn is not None:
        raw(conn).execute(update, {**values, "t": terminal_id})
        return
    with db.update() as own:
        raw(own).execute(update, {**values, "t": terminal_id})


# -- the app ---------------------------------------------------------------------------------------------


def create_app(
    url: str,
    snapshot_dir: Path | None = None,
    limits: Limits | None = None,
    thresholds: abuse.Thresholds | None = None,
) -> FastAPI:
    db = ServerDB(url)
    ref = Reference()
    limits = limits or Limits.from_env()
    thresholds = thresholds or abuse.Thresholds.from_env()
    limiter = RateLimiter()
    install_log_masking()
    snapshots = Path(snapshot_dir) if snapshot_dir else default_snapshot_dir(url)
    app = FastAPI(
        title="MemberDesk central membership server",
        version="1",
        description="Terminals register, push their operation log (applied exactly once) and pull changes. "
        "See docs/PROTOCOL.md.",
    )
    app.state.db = db
    app.state.limits = limits
    app.add_middleware(BodyLimit, limits=limits)

    def refused(status: int, code: str, text_: str, who: str, retry_after: int = 1, **params: Any) -> ApiError:
        # Every refusal is logged (who, what): the server's side of "permission refusals are audited".
        log.warning("refused %s: %s (%s)", who, code, status)
        return ApiError(status, code, text_, retry_after=retry_after, **params)

    def throttle(what: str, who: str, rate: Any, spend: bool = True) -> None:
        wait = limiter.take(what, who, rate, spend=spend)
        if wait:
            raise refused(
                429,
                "rate_limited",
                QT_TRANSLATE_NOOP("Server", "Too many requests from this terminal; it will try again shortly."),
                who,
                retry_after=max(1, int(wait + 0.999)),
            )

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.retry_after)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own answer echoes the input back (phone numbers included): ours names only where and why.
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "type": e.get("type"), "msg": mask_phones(str(e.get("msg")))}
            for e in exc.errors()[:20]
        ]
        return _error(
            422,
            "invalid_request",
            Message("Server", QT_TRANSLATE_NOOP("Server", "The request is not valid; nothing was changed.")),
            errors=errors,
        )

    @app.exception_handler(DataError)
    async def _bad_data(_: Request, exc: DataError) -> JSONResponse:
        log.warning("request refused by the database: %s", type(exc.orig).__name__)
        return _error(
            422,
            "invalid_request",
            Message("Server", QT_TRANSLATE_NOOP("Server", "The request is not valid; nothing was changed.")),
        )

    @app.exception_handler(admin.AdminError)
    async def _admin_error(_: Request, exc: admin.AdminError) -> JSONResponse:
        return _error(400, "refused", exc.message)

    @app.exception_handler(OperationalError)
    async def _db_down(_: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", exc)
        return _error(
            503, "unavailable", Message("Server", QT_TRANSLATE_NOOP("Server", "The server is busy; try again shortly."))
        )

    # The membership office's console (server/console) and the scheduled jobs (server/jobs.py).
    console.install(app, db, snapshots)
    scheduler = jobs.Scheduler(db, snapshots) if jobs.enabled() else None

    @app.on_event("startup")
    def _mask_logs() -> None:
        install_log_masking()  # again, after uvicorn configured its loggers
        if scheduler is not None:
            scheduler.start()

    @app.on_event("shutdown")
    def _close() -> None:
        if scheduler is not None:
            scheduler.stop()
        db.dispose()

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        with db.read() as conn:
            head = conn.execute(text("SELECT value FROM counters WHERE name = 'change_no'")).scalar_one()
        return {"status": "ok", "version": __version__, "head": head, "server_time": to_utc_text(utc_now())}

    @app.post("/v1/terminals/register", response_model=RegisterOut)
    def register(body: RegisterIn, request: Request) -> RegisterOut:
        # Only failures count: someone guessing codes is slowed down, an installer setting up desks is not.
        address = request.client.host if request.client else "?"
        throttle("register", address, limits.register, spend=False)
        now = utc_now()
        try:
            done = admin.register(
                db,
                body.registration_code,
                now,
                requested_code=body.terminal_code,
                has_operations=body.has_operations,
                public_key_hex=body.public_key_hex,
                key_id=body.key_id,
                name=body.name,
                token=body.token,
            )
        except admin.AdminError:
            limiter.take("register", address, limits.register)
            log.warning("refused registration from %s", address)
            raise
        return RegisterOut(**done.__dict__, server_time=to_utc_text(now))

    @app.get("/v1/sync/status")
    def sync_status(t: Auth, report: Report) -> dict[str, Any]:
        note_report(db, t.terminal_id, report)
        with db.read() as conn:
            epochs = [
                {"epoch": r.epoch, "last_seq": r.last_seq, "last_op_id": r.last_op_id}
                for r in conn.execute(
                    text("SELECT epoch, last_seq, last_op_id FROM epochs WHERE terminal_id = :t ORDER BY epoch"),
                    {"t": t.terminal_id},
                )
            ]
            head = conn.execute(text("SELECT value FROM counters WHERE name = 'change_no'")).scalar_one()
            prefix = f"{t.terminal_code:03d}"
            member_max = conn.execute(
                text("SELECT max(member_no) FROM members WHERE member_no LIKE :p"), {"p": prefix + "%"}
            ).scalar()
            coupon_codes = [
                r[0] for r in conn.execute(text("SELECT code FROM coupons WHERE code LIKE :p"), {"p": f"C%-{prefix}%"})
            ]
        coupon_seq = 0
        for code in coupon_codes:
            serial = code.split("-", 1)[1][:8]
            if serial.startswith(prefix):
                coupon_seq = max(coupon_seq, int(serial[3:], 36))
        return {
            "terminal_id": t.terminal_id,
            "terminal_code": t.terminal_code,
            "name": t.name,
            "epochs": epochs,
            "head": head,
            "counters": {"member_seq": int(member_max[3:9]) if member_max else 0, "coupon_seq": coupon_seq},
            "server_time": to_utc_text(utc_now()),
        }

    @app.post("/v1/push", response_model=PushOut)
    def push_ops(body: PushIn, t: Auth, report: Report) -> Any:
        throttle("push", t.terminal_id, limits.push)
        batch = [Envelope(**op.model_dump()) for op in body.ops]
        try:
            with db.write() as tx:
                note_report(db, t.terminal_id, report, conn=tx.conn)  # one transaction (and fsync) a push
                answer = push(tx, ref, t, batch, utc_now())
                fresh = [r["op_id"] for r in answer["results"] if not r.get("replay")]
                _detect(tx, lambda: abuse.check_operations(tx, t.terminal_id, fresh, answer["server_time"], thresholds))
                return answer
        except PushRefused as refused:
            return _error(refused.status, refused.code, refused.message, **refused.detail)
        except state.NotSetUp as exc:  # only this: a KeyError from a bug is a server error (500), not 503
            return _error(
                503,
                "not_set_up",
                Message(
                    "Server", QT_TRANSLATE_NOOP("Server", "The server is not set up: {problem}"), {"problem": str(exc)}
                ),
            )
        except DataError:
            raise
        except (OperationalError, DBAPIError) as exc:
            log.warning("push failed, terminal will retry: %s", type(exc).__name__)
            return _error(
                503,
                "unavailable",
                Message("Server", QT_TRANSLATE_NOOP("Server", "The server is busy; try again shortly.")),
            )

    @app.get("/v1/pull")
    def pull(
        t: Auth,
        report: Report,
        since: Annotated[int, Query(ge=0, le=MAX_BIG)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 2000,
    ) -> Response:
        with db.read() as conn:
            floor = conn.execute(text("SELECT value FROM counters WHERE name = 'changes_floor'")).scalar()
            if floor and since < floor:
                # Changes up to the floor were pruned (server.snapshot.prune_changes): only a snapshot has them.
                raise ApiError(
                    410,
                    "bootstrap_required",
                    QT_TRANSLATE_NOOP(
                        "Server",
                        "This terminal is too far behind to catch up change by change; set it up from the "
                        "server's snapshot (memberdesk bootstrap).",
                    ),
                )
            # Thousands of rows a page: fetched on the driver's cursor, as tuples.
            rows = raw(conn).all(
                'SELECT change_no, entity, "key", data FROM changes WHERE change_no > :s '
                "AND (audience IS NULL OR audience = :t) ORDER BY change_no LIMIT :l",
                {"s": since, "t": t.terminal_id, "l": limit},
            )
            head = conn.execute(text("SELECT value FROM counters WHERE name = 'change_no'")).scalar_one()
            epoch = conn.execute(
                text("SELECT epoch, last_seq FROM epochs WHERE terminal_id = :t ORDER BY epoch DESC LIMIT 1"),
                {"t": t.terminal_id},
            ).first()
        with db.update() as conn:  # one write a page: what the terminal has applied, and its report
            if since > t.pulled_through:
                # The server uses it to tell concurrent profile edits apart.
                raw(conn).execute(
                    "UPDATE terminals SET pulled_through = :s WHERE terminal_id = :t AND pulled_through < :s",
                    {"s": since, "t": t.terminal_id},
                )
            note_report(db, t.terminal_id, report, pulled=True, conn=conn)
        last = rows[-1][0] if rows else since
        # The stored change data is JSON already: splice it in rather than parse and re-encode each row.
        dumps = json.dumps
        parts = [
            f'{{"no":{no},"entity":{dumps(entity)},"key":{dumps(key)},"data":{data}}}' for no, entity, key, data in rows
        ]
        body = (
            '{"changes":[' + ",".join(parts) + "],"
            f'"next":{last},"more":{"true" if len(rows) == limit and last < head else "false"},"head":{head},'
            f'"epoch":{epoch.epoch if epoch else 0},"last_seq":{epoch.last_seq if epoch else 0},'
            f'"server_time":"{to_utc_text(utc_now())}"}}'
        )
        return Response(body, media_type="application/json")

    @app.get("/v1/snapshot")
    def snapshot_info(t: Auth) -> dict[str, Any]:
        with db.read() as conn:
            row = conn.execute(text("SELECT * FROM snapshots ORDER BY id DESC LIMIT 1")).mappings().first()
        if row is None:
            raise ApiError(
                404,
                "no_snapshot",
                QT_TRANSLATE_NOOP("Server", "No snapshot was built yet; run: memberdesk-server snapshot"),
            )
        return {
            **{k: row[k] for k in ("id", "change_no", "sha256", "size", "members", "created_at")},
            "url": f"/v1/snapshot/{row['id']}/file",
        }

    @app.get("/v1/snapshot/{snapshot_id}/file")
    def snapshot_file(snapshot_id: Annotated[int, PathParam(ge=1, le=MAX_BIG)], t: Auth) -> FileResponse:
        with db.read() as conn:
            row = conn.execute(text("SELECT file_name FROM snapshots WHERE id = :i"), {"i": snapshot_id}).first()
        path = snapshots / row.file_name if row else None
        if path is None or not path.exists():
            raise ApiError(404, "no_snapshot", QT_TRANSLATE_NOOP("Server", "That snapshot is no longer available."))
        return FileResponse(path, media_type="application/octet-stream")

    @app.get("/v1/coupons/{code}")
    def coupon(code: Annotated[str, PathParam(max_length=32)], t: Auth) -> dict[str, Any]:
        """The coupon as the server knows it, so a connected desk checks it before accepting it."""
        throttle("lookup", t.terminal_id, limits.lookup)
        if not re.fullmatch(r"[A-Za-z0-9-]{1,32}", code):
            raise ApiError(404, "coupon_unknown", QT_TRANSLATE_NOOP("Server", "Coupon {code} is not known."), code="?")
        with db.read() as conn:
            row = state.row_dict(conn, "coupons", COUPON_COLUMNS, "code = :c", {"c": code.strip().upper()})
        if row is None:
            raise ApiError(404, "coupon_unknown", QT_TRANSLATE_NOOP("Server", "Coupon {code} is not known."), code=code)
        return row

    @app.get("/v1/members/{member_no}")
    def member(member_no: Annotated[str, PathParam(max_length=16)], t: Auth) -> dict[str, Any]:
        """The member's balance on the server, for an online redemption."""
        throttle("lookup", t.terminal_id, limits.lookup)
        if not re.fullmatch(r"\d{10}", member_no):
            raise ApiError(
                404,
                "member_unknown",
                QT_TRANSLATE_NOOP("Refusal", "Member {member_no} was not found on this terminal."),
                member_no="?",
            )
        now = utc_now()
        with db.read() as conn:
            rules, _ = ref.get(conn)
            today = business_day(now, rules.timezone, rules.cutover_hour)
            effective = state.resolve_alias(conn, member_no)
            s = state.member_state(conn, effective, today, rules) if effective else None
        if s is None:
            raise ApiError(
                404,
                "member_unknown",
                QT_TRANSLATE_NOOP("Refusal", "Member {member_no} was not found on this terminal."),
                member_no=member_no,
            )
        return {
            "member_no": member_no,
            "effective_member": effective,
            "status": s.status,
            "tier": s.tier,
            "balance": ledger_math.available(s.lots, today, rules),
            "server_time": to_utc_text(now),
        }

    @app.get("/v1/consistency")
    def consistency(
        t: Auth,
        after: Annotated[str, Query(max_length=16, pattern=r"^\d{0,10}$")] = "",
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> dict[str, Any]:
        """An operator's consistency check (`memberdesk consistency`): members by number, and this desk's stock."""
        with db.read() as conn:
            members = state.consistency_page(conn, after, limit)
            stock = dict(
                conn.execute(
                    text("SELECT item_code, quantity FROM stock WHERE terminal_id = :t"), {"t": t.terminal_id}
                ).all()
            )
        return {"members": members, "stock": stock, "server_time": to_utc_text(utc_now())}

    @app.get("/v1/exceptions")
    def exceptions(
        t: Auth, status: Annotated[str | None, Query(pattern="^(open|resolved)$")] = "open"
    ) -> list[dict[str, Any]]:
        return admin.list_exceptions(db, status, t.terminal_id)

    @app.post("/v1/exceptions/{exception_id}/resolve")
    def resolve(exception_id: Annotated[int, PathParam(ge=1, le=MAX_BIG)], body: ResolveIn, t: Auth) -> dict[str, Any]:
        staff_no = body.staff_no.strip().upper()
        with db.read() as conn:
            row = conn.execute(
                text("SELECT terminal_id, code FROM exceptions WHERE id = :i"), {"i": exception_id}
            ).first()
            staff = conn.execute(text("SELECT role, active FROM staff WHERE staff_no = :s"), {"s": staff_no}).first()
        # Per record: a desk sees and resolves only its own exceptions, and not those about itself.
        if row is None or row.terminal_id != t.terminal_id:
            raise refused(
                404,
                "exception_unknown",
                QT_TRANSLATE_NOOP("Server", "Exception {id} does not exist."),
                t.terminal_id,
                id=exception_id,
            )
        if row.code in SERVER_ONLY_EXCEPTIONS:
            raise refused(
                403,
                "forbidden",
                QT_TRANSLATE_NOOP("Server", "This exception can only be resolved on the server by an administrator."),
                t.terminal_id,
            )
        # Staff the server knows must be active managers; staff known only to the desk were checked there.
        if staff is not None and (not staff.active or staff.role != "manager"):
            raise refused(
                403,
                "forbidden",
                QT_TRANSLATE_NOOP("Server", "Only an active manager may resolve exceptions."),
                f"{t.terminal_id}/{staff_no}",
            )
        return admin.resolve_exception(db, exception_id, body.resolution, f"{t.terminal_id}/{staff_no}", utc_now())

    @app.post("/v1/audit", response_model=AuditOut)
    def anchor_audit(body: AuditIn, t: Auth) -> Any:
        """Anchor the terminal's audit chain: new rows and chain hashes (see server/audit.py)."""
        throttle("audit", t.terminal_id, limits.audit)
        ladder = {int(i): str(h) for i, h in body.ladder}
        rows = [r.model_dump() for r in body.rows]
        if any(b["id"] <= a["id"] for a, b in itertools.pairwise(rows)):
            raise ApiError(
                422, "invalid_request", QT_TRANSLATE_NOOP("Server", "The request is not valid; nothing was changed.")
            )
        with db.write() as tx:
            now = to_utc_text(utc_now())
            result = audit.anchor(tx, t.terminal_id, body.epoch, body.head_id, ladder, rows, now, body.request_no)
            if result.status == "tampered":
                log.warning("audit chain of %s diverges at row %s", t.terminal_id, result.first_broken_id)
            new_rows = result.new_rows or []
            _detect(tx, lambda: abuse.check_audit(tx, t.terminal_id, new_rows, now, thresholds))
        return result.to_json()

    return app


def _detect(tx: Any, check: Any) -> None:
    """Run an abuse check in its own savepoint: a failure there must never cost the push or the anchor."""
    savepoint = tx.conn.begin_nested()
    mark = tx.mark()
    try:
        check()
        savepoint.commit()
    except Exception:
        savepoint.rollback()
        tx.rollback_to(mark)
        log.exception("abuse detection failed")


def default_snapshot_dir(url: str) -> Path:
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///")).resolve().parent / "snapshots"
    return Path.cwd() / "snapshots"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
