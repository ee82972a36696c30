"""The HTTP API (FastAPI): registration, push, pull, snapshots, online checks; OpenAPI at /openapi.json."""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from membership import ledger as ledger_math
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.timeutil import business_day, to_utc_text

from . import admin, state
from .apply import Envelope, PushRefused, TerminalRef, push
from .db import ServerDB
from .state import COUPON_COLUMNS, Reference

API_VERSION = "v1"
MAX_PAGE = 5000
log = logging.getLogger("memberdesk.server")


def utc_now() -> datetime:
    return datetime.now(UTC)


def _error(status: int, code: str, message: Message, **detail: Any) -> JSONResponse:
    return JSONResponse(
        {"code": code, "message": message.to_json(), "text": str(message), **detail},
        status_code=status,
        headers={"Retry-After": "1"} if status in (429, 503) else None,
    )


class ApiError(Exception):
    def __init__(self, status: int, code: str, text_: str, **params: Any):
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = Message("Server", text_, params)


# -- request and response shapes (they are the OpenAPI description) -------------------------------------


class RegisterIn(BaseModel):
    registration_code: str = Field(description="The one-time code an administrator issued, e.g. K3QF-7ZP2-MA9D")
    name: str | None = Field(None, description="A name for the desk; the code's name when omitted")
    terminal_code: int | None = Field(None, ge=1, le=899, description="The code this terminal already uses, if any")
    has_operations: bool = Field(False, description="Whether the terminal already logged operations")
    public_key_hex: str | None = Field(None, description="The terminal's member-QR public key (Ed25519, hex)")
    key_id: int | None = Field(None, ge=0, le=255)


class RegisterOut(BaseModel):
    terminal_id: str
    terminal_code: int
    name: str
    token: str = Field(description="Bearer token for every later request; the server keeps only its hash")
    key_id: int | None
    stock: dict[str, int]
    change_no: int
    server_time: str


class OpIn(BaseModel):
    op_id: str = Field(min_length=36, max_length=36)
    epoch: int = Field(ge=1)
    seq: int = Field(ge=1)
    kind: str
    staff_no: str
    member_no: str | None = None
    local_time: str
    business_day: str
    online: bool = False
    payload: dict[str, Any]
    payload_hash: str = Field(min_length=64, max_length=64)


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
    resolution: str = Field(min_length=1, max_length=500)
    staff_no: str = Field(min_length=1, max_length=16)


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


# -- the app ---------------------------------------------------------------------------------------------


def create_app(url: str, snapshot_dir: Path | None = None) -> FastAPI:
    db = ServerDB(url)
    ref = Reference()
    snapshots = Path(snapshot_dir) if snapshot_dir else default_snapshot_dir(url)
    app = FastAPI(
        title="MemberDesk central membership server",
        version="1",
        description="Terminals register, push their operation log (applied exactly once) and pull changes. "
        "See docs/PROTOCOL.md.",
    )
    app.state.db = db

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(admin.AdminError)
    async def _admin_error(_: Request, exc: admin.AdminError) -> JSONResponse:
        return _error(400, "refused", exc.message)

    @app.exception_handler(OperationalError)
    async def _db_down(_: Request, exc: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", exc)
        return _error(
            503, "unavailable", Message("Server", QT_TRANSLATE_NOOP("Server", "The server is busy; try again shortly."))
        )

    @app.on_event("shutdown")
    def _close() -> None:
        db.dispose()

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        with db.read() as conn:
            head = conn.execute(text("SELECT value FROM counters WHERE name = 'change_no'")).scalar_one()
        return {"status": "ok", "head": head, "server_time": to_utc_text(utc_now())}

    @app.post("/v1/terminals/register", response_model=RegisterOut)
    def register(body: RegisterIn) -> RegisterOut:
        now = utc_now()
        done = admin.register(
            db,
            body.registration_code,
            now,
            requested_code=body.terminal_code,
            has_operations=body.has_operations,
            public_key_hex=body.public_key_hex,
            key_id=body.key_id,
            name=body.name,
        )
        return RegisterOut(**done.__dict__, server_time=to_utc_text(now))

    @app.get("/v1/sync/status")
    def sync_status(t: Auth) -> dict[str, Any]:
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
    def push_ops(body: PushIn, t: Auth) -> Any:
        batch = [Envelope(**op.model_dump()) for op in body.ops]
        try:
            with db.write() as tx:
                return push(tx, ref, t, batch, utc_now())
        except PushRefused as refused:
            return _error(refused.status, refused.code, refused.message, **refused.detail)
        except LookupError as exc:
            return _error(
                503,
                "not_set_up",
                Message(
                    "Server", QT_TRANSLATE_NOOP("Server", "The server is not set up: {problem}"), {"problem": str(exc)}
                ),
            )
        except (OperationalError, DBAPIError) as exc:
            log.warning("push failed, terminal will retry: %s", exc)
            return _error(
                503,
                "unavailable",
                Message("Server", QT_TRANSLATE_NOOP("Server", "The server is busy; try again shortly.")),
            )

    @app.get("/v1/pull")
    def pull(
        t: Auth,
        since: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 2000,
    ) -> Response:
        with db.read() as conn:
            rows = conn.execute(
                text(
                    "SELECT change_no, entity, key, data FROM changes WHERE change_no > :s "
                    "AND (audience IS NULL OR audience = :t) ORDER BY change_no LIMIT :l"
                ),
                {"s": since, "t": t.terminal_id, "l": limit},
            ).all()
            head = conn.execute(text("SELECT value FROM counters WHERE name = 'change_no'")).scalar_one()
            epoch = conn.execute(
                text("SELECT epoch, last_seq FROM epochs WHERE terminal_id = :t ORDER BY epoch DESC LIMIT 1"),
                {"t": t.terminal_id},
            ).first()
        if since > t.pulled_through:
            # What the terminal has applied: the server uses it to tell concurrent profile edits apart.
            with db.engine.begin() as conn:
                conn.execute(
                    text("UPDATE terminals SET pulled_through = :s WHERE terminal_id = :t AND pulled_through < :s"),
                    {"s": since, "t": t.terminal_id},
                )
        last = rows[-1].change_no if rows else since
        # The stored change data is JSON already: splice it in rather than parse and re-encode each row.
        parts = [
            f'{{"no":{r.change_no},"entity":{json.dumps(r.entity)},"key":{json.dumps(r.key)},"data":{r.data}}}'
            for r in rows
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
    def snapshot_file(snapshot_id: int, t: Auth) -> FileResponse:
        with db.read() as conn:
            row = conn.execute(text("SELECT file_name FROM snapshots WHERE id = :i"), {"i": snapshot_id}).first()
        path = snapshots / row.file_name if row else None
        if path is None or not path.exists():
            raise ApiError(404, "no_snapshot", QT_TRANSLATE_NOOP("Server", "That snapshot is no longer available."))
        return FileResponse(path, media_type="application/octet-stream")

    @app.get("/v1/coupons/{code}")
    def coupon(code: str, t: Auth) -> dict[str, Any]:
        """The coupon as the server knows it, so a connected desk checks it before accepting it."""
        with db.read() as conn:
            row = state.row_dict(conn, "coupons", COUPON_COLUMNS, "code = :c", {"c": code.strip().upper()})
        if row is None:
            raise ApiError(404, "coupon_unknown", QT_TRANSLATE_NOOP("Server", "Coupon {code} is not known."), code=code)
        return row

    @app.get("/v1/members/{member_no}")
    def member(member_no: str, t: Auth) -> dict[str, Any]:
        """The member's balance on the server, for an online redemption."""
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

    @app.get("/v1/exceptions")
    def exceptions(t: Auth, status: str | None = "open") -> list[dict[str, Any]]:
        return admin.list_exceptions(db, status, t.terminal_id)

    @app.post("/v1/exceptions/{exception_id}/resolve")
    def resolve(exception_id: int, body: ResolveIn, t: Auth) -> dict[str, Any]:
        return admin.resolve_exception(db, exception_id, body.resolution, f"{t.terminal_id}/{body.staff_no}", utc_now())

    return app


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
