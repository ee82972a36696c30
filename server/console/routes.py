"""The console's pages and actions under ``/console``: server-rendered HTML forms, no JavaScript build.

Every page needs a live session and its permission (``membership.permissions``); every POST needs the
session's CSRF token and is audited. Actions reuse ``server.admin`` and ``server.jobs``, so the console,
the ``memberdesk-server`` command and the terminals' pull all see the same effects.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import segno
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import text

from membership import operations as ops_vocab
from membership.decisions import Context, Refused
from membership.i18n import LANGUAGES, QT_TRANSLATE_NOOP, Message, catalog
from membership.masterdata import masterdata_from_dicts
from membership.operations import KIND_LABELS, validate_payload
from membership.permissions import OFFICE_ROLE_LABELS, OFFICE_ROLES, ROLE_LABELS, ROLES
from membership.rules import RulesError, rules_from_dict
from membership.timeutil import business_day, to_utc_text
from membership.validation import InvalidInput

from .. import admin, jobs
from ..apply import emit_rows
from ..db import ServerDB
from ..state import Reference, member_state
from . import auth, queries
from .i18n import TEMPLATES, language_of, render_message, translator

COOKIE = "md_console"
LANG_COOKIE = "md_lang"
PRE_CSRF = "md_login_csrf"
CTX = "Console"
ERASED_NAME = "已删除"


# No page is cached, framed by another site, or runs a script (there are none): what an injected
# string could do is limited to text.
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
}


class LoginRequired(Exception):
    pass


class Forbidden(Exception):
    pass


class BadCsrf(Exception):
    pass


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    env.globals["kind_label"] = lambda kind: Message("Operation", KIND_LABELS[kind]) if kind in KIND_LABELS else kind
    return env


def _now() -> datetime:
    return jobs._env_clock()


def current_user(request: Request) -> auth.User:
    user = auth.session_user(request.app.state.db, request.cookies.get(COOKIE), _now())
    if user is None:
        raise LoginRequired()
    return user


async def form_data(request: Request) -> dict[str, Any]:
    form = await request.form()
    out: dict[str, Any] = {}
    for key, value in form.multi_items():
        out[key] = value if isinstance(value, str) else await value.read()
    return out


UserDep = Annotated[auth.User, Depends(current_user)]
RawForm = Annotated[dict, Depends(form_data)]


def posted(request: Request, user: UserDep, form: RawForm) -> dict:
    """The posted form, once its CSRF token is the session's."""
    if not auth.csrf_ok(user.csrf, form.get("csrf") if isinstance(form.get("csrf"), str) else None):
        auth.audit(request.app.state.db, _now(), user.user_no, "csrf_refused", request.url.path)
        raise BadCsrf()
    return form


FormDep = Annotated[dict, Depends(posted)]


def build_router(db: ServerDB, snapshots: Path | None) -> APIRouter:
    router = APIRouter(prefix="/console")
    env = _env()
    ref = Reference()

    now = _now

    def lang(request: Request) -> str:
        return language_of(request.cookies.get(LANG_COOKIE))

    def page(request: Request, template: str, user: auth.User | None, status: int = 200, **values: Any) -> HTMLResponse:
        language = lang(request)
        _ = translator(language)

        def msg(message: Message | str | dict[str, Any] | None) -> str:
            if message is None:
                return ""
            if isinstance(message, dict):
                message = Message.from_json(message)
            if isinstance(message, Message):
                return render_message(message, language)
            return str(message)

        cat = catalog(language)
        body = env.get_template(template).render(
            _=_,
            tr=cat.translate,
            msg=msg,
            user=user,
            language=language,
            languages=LANGUAGES,
            path=request.url.path,
            query=str(request.url.query),
            **values,
        )
        response = HTMLResponse(body, status_code=status)
        response.headers.update(SECURITY_HEADERS)
        return response

    def need(user: auth.User, permission: str) -> None:
        if not user.may(permission):
            auth.audit(db, now(), user.user_no, "refused", permission)
            raise Forbidden()

    def rules_now() -> tuple[Any, Any, date]:
        with db.read() as conn:
            rules, master = ref.get(conn)
        return rules, master, business_day(now(), rules.timezone, rules.cutover_hour)

    def fail(exc: Exception) -> Message:
        if isinstance(exc, admin.AdminError | jobs.JobError):
            return exc.message
        if isinstance(exc, InvalidInput | Refused):
            return exc.message
        return Message(CTX, QT_TRANSLATE_NOOP("Console", "The request is not valid; nothing was changed."))

    # -- log-in ----------------------------------------------------------------------------------------------

    @router.get("/login", response_class=HTMLResponse)
    def login_page(request: Request) -> HTMLResponse:
        import secrets

        token = request.cookies.get(PRE_CSRF) or secrets.token_urlsafe(24)
        response = page(request, "login.html", None, csrf=token, error=None)
        _cookie(response, request, PRE_CSRF, token)
        return response

    @router.post("/login", response_class=HTMLResponse)
    def login(request: Request, form: RawForm) -> Response:
        token = request.cookies.get(PRE_CSRF) or ""
        if not token or not auth.csrf_ok(token, form.get("csrf")):
            raise BadCsrf()
        try:
            session = auth.login(db, str(form.get("user_no", "")), str(form.get("password", "")), now())
        except admin.AdminError as exc:
            return page(request, "login.html", None, status=401, csrf=token, error=exc.message)
        response = RedirectResponse("/console/today", status_code=303)
        _cookie(response, request, COOKIE, session)
        response.delete_cookie(PRE_CSRF, path="/console")
        return response

    @router.post("/logout")
    def logout(user: UserDep, form: FormDep) -> Response:
        auth.logout(db, user, now())
        response = RedirectResponse("/console/login", status_code=303)
        response.delete_cookie(COOKIE, path="/console")
        return response

    @router.get("/lang/{language}")
    def set_language(language: str, request: Request) -> Response:
        target = request.query_params.get("next") or "/console/today"
        if not target.startswith("/console"):
            target = "/console/today"
        response = RedirectResponse(target, status_code=303)
        if language in LANGUAGES:
            response.set_cookie(LANG_COOKIE, language, path="/console", samesite="strict", max_age=365 * 86400)
        return response

    @router.get("", include_in_schema=False)
    @router.get("/", include_in_schema=False)
    def home() -> Response:
        return RedirectResponse("/console/today", status_code=303)

    # -- Today --------------------------------------------------------------------------------------------------

    @router.get("/today", response_class=HTMLResponse)
    def today(request: Request, user: UserDep) -> HTMLResponse:
        need(user, "console_today")
        rules, _master, day = rules_now()
        figures = queries.today_figures(db, day, rules, now())
        return page(request, "today.html", user, f=figures, chart=queries.chart_svg(figures["chart"]))

    # -- Exceptions ---------------------------------------------------------------------------------------------

    def exceptions_page(request: Request, user: auth.User, notice: Any = None, error: Any = None) -> HTMLResponse:
        need(user, "console_exceptions")
        status = request.query_params.get("status", "open")
        status = status if status in ("open", "resolved", "all") else "open"
        code = (request.query_params.get("code") or "").strip()
        terminal = (request.query_params.get("terminal") or "").strip().upper()
        rows = admin.list_exceptions(db, None if status == "all" else status, terminal or None)
        if code:
            rows = [r for r in rows if r["code"] == code]
        return page(
            request,
            "exceptions.html",
            user,
            rows=rows[-500:][::-1],
            filter_status=status,
            code=code,
            terminal=terminal,
            notice=notice,
            error=error,
        )

    @router.get("/exceptions", response_class=HTMLResponse)
    def exceptions(request: Request, user: UserDep) -> HTMLResponse:
        return exceptions_page(request, user)

    @router.get("/exceptions/{exception_id}", response_class=HTMLResponse)
    def exception_one(exception_id: int, request: Request, user: UserDep) -> HTMLResponse:
        need(user, "console_exceptions")
        rows = _exception(db, exception_id)
        if not rows:
            return page(
                request,
                "message.html",
                user,
                status=404,
                error=Message(
                    "Server", QT_TRANSLATE_NOOP("Server", "Exception {id} does not exist."), {"id": exception_id}
                ),
            )
        return page(request, "exception.html", user, e=rows[0], error=None)

    @router.post("/exceptions/{exception_id}/resolve", response_class=HTMLResponse)
    def resolve(exception_id: int, request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_resolve")
        decision = str(form.get("decision", "")).strip()
        try:
            admin.resolve_exception(db, exception_id, decision, f"console/{user.user_no}", now())
        except admin.AdminError as exc:
            rows = _exception(db, exception_id)
            if not rows:
                return page(request, "message.html", user, status=404, error=exc.message)
            return page(request, "exception.html", user, status=400, e=rows[0], error=exc.message)
        auth.audit(db, now(), user.user_no, "exception_resolved", str(exception_id), decision=decision)
        return exceptions_page(
            request,
            user,
            notice=Message("Server", QT_TRANSLATE_NOOP("Server", "Exception {id} resolved."), {"id": exception_id}),
        )

    # -- Members ------------------------------------------------------------------------------------------------

    @router.get("/members", response_class=HTMLResponse)
    def members(request: Request, user: UserDep) -> HTMLResponse:
        need(user, "console_members")
        q = (request.query_params.get("q") or "").strip()[:40]
        rows = queries.search_members(db, q) if q else []
        if q:
            auth.audit(db, now(), user.user_no, "member_search", q[:3] + "…", found=len(rows))
        return page(request, "members.html", user, q=q, rows=rows)

    def member_page(
        request: Request,
        user: auth.User,
        member_no: str,
        status: int = 200,
        notice: Any = None,
        error: Any = None,
        revealed: dict[str, Any] | None = None,
    ) -> HTMLResponse:
        need(user, "console_members")
        rules, _master, day = rules_now()
        detail = queries.member_detail(db, member_no, day, rules)
        if detail is None:
            return page(
                request,
                "message.html",
                user,
                status=404,
                error=Message(
                    "Refusal",
                    QT_TRANSLATE_NOOP("Refusal", "Member {member_no} was not found on this terminal."),
                    {"member_no": member_no},
                ),
            )
        return page(
            request, "member.html", user, status=status, d=detail, notice=notice, error=error, revealed=revealed
        )

    @router.get("/members/{member_no}", response_class=HTMLResponse)
    def member(member_no: str, request: Request, user: UserDep) -> HTMLResponse:
        response = member_page(request, user, member_no)
        if response.status_code == 200:
            auth.audit(db, now(), user.user_no, "member_viewed", member_no)
        return response

    @router.post("/members/{member_no}/reveal", response_class=HTMLResponse)
    def reveal(member_no: str, request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_reveal")
        reason = str(form.get("reason", "")).strip()
        if not reason:
            return member_page(
                request,
                user,
                member_no,
                status=400,
                error=Message(CTX, QT_TRANSLATE_NOOP("Console", "Say why the full details are needed.")),
            )
        with db.read() as conn:
            row = (
                conn.execute(
                    text("SELECT name, phone, birthday, card_no FROM members WHERE member_no = :m"), {"m": member_no}
                )
                .mappings()
                .first()
            )
        auth.audit(db, now(), user.user_no, "member_revealed", member_no, reason=reason)
        return member_page(request, user, member_no, revealed=dict(row) if row else None)

    @router.post("/members/{member_no}/adjust", response_class=HTMLResponse)
    def adjust_request(member_no: str, request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_adjust_request")
        try:
            points = int(str(form.get("points", "")).strip())
            payload = validate_payload(
                ops_vocab.ADJUST, {"member_no": member_no, "points": points, "reason": str(form.get("reason", ""))}
            )
            if payload["points"] == 0:
                raise ValueError
        except (ValueError, InvalidInput) as exc:
            message = (
                exc.message
                if isinstance(exc, InvalidInput)
                else Message(CTX, QT_TRANSLATE_NOOP("Console", "Points are a whole number other than zero, + or −."))
            )
            return member_page(request, user, member_no, status=400, error=message)
        with db.write() as tx:
            tx.conn.execute(
                text(
                    "INSERT INTO adjust_requests (member_no, points, reason, requested_by, requested_at, status) "
                    "VALUES (:m, :p, :r, :u, :a, 'pending')"
                ),
                {
                    "m": member_no,
                    "p": payload["points"],
                    "r": payload["reason"],
                    "u": user.user_no,
                    "a": to_utc_text(now()),
                },
            )
            auth.write_audit(
                tx.conn,
                now(),
                user.user_no,
                "adjust_requested",
                member_no,
                points=payload["points"],
                reason=payload["reason"],
            )
        return member_page(
            request,
            user,
            member_no,
            notice=Message(CTX, QT_TRANSLATE_NOOP("Console", "The adjustment waits for a second person's approval.")),
        )

    @router.post("/adjustments/{request_id}/{verdict}", response_class=HTMLResponse)
    def adjust_decide(request_id: int, verdict: str, request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_adjust_approve")
        with db.read() as conn:
            req = (
                conn.execute(text("SELECT * FROM adjust_requests WHERE id = :i"), {"i": request_id}).mappings().first()
            )
        if req is None or req["status"] != "pending" or verdict not in ("approve", "refuse"):
            return page(
                request,
                "message.html",
                user,
                status=404,
                error=Message(CTX, QT_TRANSLATE_NOOP("Console", "This adjustment is not waiting for a decision.")),
            )
        if req["requested_by"] == user.user_no:
            return member_page(
                request,
                user,
                req["member_no"],
                status=403,
                error=Message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Console", "The second person must be someone else than who asked for the adjustment."
                    ),
                ),
            )
        try:
            _decide_adjustment(db, ref, req, verdict, user, now())
        except (Refused, InvalidInput) as exc:
            return member_page(request, user, req["member_no"], status=400, error=exc.message)
        return member_page(
            request,
            user,
            req["member_no"],
            notice=Message(
                CTX,
                QT_TRANSLATE_NOOP("Console", "Adjustment approved: every desk gets it at its next sync.")
                if verdict == "approve"
                else QT_TRANSLATE_NOOP("Console", "Adjustment refused."),
            ),
        )

    @router.get("/members/{member_no}/export")
    def export(member_no: str, request: Request, user: UserDep) -> Response:
        need(user, "console_pipl")
        data = queries.member_export(db, member_no)
        if data["member"] is None:
            raise Forbidden()
        auth.audit(db, now(), user.user_no, "member_exported", member_no)
        body = json.dumps(data, ensure_ascii=False, indent=1, default=str)
        return Response(
            body,
            media_type="application/json",
            headers={"Content-Disposition": f'attachment; filename="member-{member_no}.json"'},
        )

    @router.post("/members/{member_no}/erase", response_class=HTMLResponse)
    def erase(member_no: str, request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_pipl")
        if str(form.get("confirm", "")).strip() != member_no:
            return member_page(
                request,
                user,
                member_no,
                status=400,
                error=Message(CTX, QT_TRANSLATE_NOOP("Console", "Type the member number to confirm the erasure.")),
            )
        erase_member(db, member_no, now())
        auth.audit(db, now(), user.user_no, "member_erased", member_no, reason=str(form.get("reason", ""))[:200])
        return member_page(
            request,
            user,
            member_no,
            notice=Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Console",
                    "The member's personal data is erased; the points ledger and receipts stay for the accounts.",
                ),
            ),
        )

    # -- Terminals ----------------------------------------------------------------------------------------------

    def terminals_page(request: Request, user: auth.User, status: int = 200, **values: Any) -> HTMLResponse:
        need(user, "console_terminals")
        with db.read() as conn:
            rows = [dict(r) for r in conn.execute(text("SELECT * FROM terminals ORDER BY terminal_code")).mappings()]
            head = conn.execute(text("SELECT value FROM counters WHERE name = 'change_no'")).scalar_one()
            codes_ = [
                dict(r)
                for r in conn.execute(
                    text(
                        "SELECT name, terminal_code, expires_at, created_at, used_at, used_by FROM registration_codes "
                        "ORDER BY created_at DESC LIMIT 20"
                    )
                ).mappings()
            ]
            # Which rules a terminal runs: the current ones once it has pulled the change that brought them.
            rules_version = conn.execute(text("SELECT version FROM documents WHERE name = 'rules'")).scalar()
            rules_change = conn.execute(
                text(
                    "SELECT change_no FROM changes WHERE entity = 'document' AND key = 'rules' "
                    "ORDER BY change_no DESC LIMIT 1"
                )
            ).scalar()
        for row in rows:
            row["behind"] = max(0, int(head) - int(row["pulled_through"] or 0))
            row["rules_current"] = rules_change is None or int(row["pulled_through"] or 0) >= int(rules_change)
            row["last_sync"] = queries.last_sync(row)
        values.setdefault("rules_version", rules_version)
        return page(request, "terminals.html", user, status=status, rows=rows, codes=codes_, **values)

    @router.get("/terminals", response_class=HTMLResponse)
    def terminals(request: Request, user: UserDep) -> HTMLResponse:
        return terminals_page(request, user)

    @router.post("/terminals/code", response_class=HTMLResponse)
    def issue_code(request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_terminals")
        name = str(form.get("name", "")).strip()
        raw_code = str(form.get("terminal_code", "")).strip()
        try:
            if not name:
                raise auth.ConsoleError(QT_TRANSLATE_NOOP("Console", "Give the desk a name."))
            terminal_code = int(raw_code) if raw_code else None
            code = admin.issue_registration_code(db, name[:64], now(), terminal_code)
        except ValueError:
            return terminals_page(
                request,
                user,
                status=400,
                error=Message(CTX, QT_TRANSLATE_NOOP("Console", "A terminal code is from 1 to 899.")),
            )
        except admin.AdminError as exc:
            return terminals_page(request, user, status=400, error=exc.message)
        auth.audit(db, now(), user.user_no, "registration_code_issued", name, terminal_code=terminal_code)
        qr = segno.make(code, error="m").svg_inline(scale=5, dark="#000", light="#fff")
        return terminals_page(request, user, issued={"code": code, "name": name, "qr": qr})

    @router.post("/terminals/{terminal_id}/{action}", response_class=HTMLResponse)
    def terminal_action(terminal_id: str, action: str, request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_terminals")
        if action not in ("revoke", "decommission"):
            raise Forbidden()
        try:
            admin.revoke_terminal(db, terminal_id, now())
        except admin.AdminError as exc:
            return terminals_page(request, user, status=400, error=exc.message)
        if action == "decommission":
            with db.write() as tx:
                tx.conn.execute(
                    text("UPDATE terminals SET status = 'decommissioned' WHERE terminal_id = :t"), {"t": terminal_id}
                )
        auth.audit(db, now(), user.user_no, f"terminal_{action}", terminal_id)
        text_ = (
            QT_TRANSLATE_NOOP("Server", "Terminal {terminal} is revoked.")
            if action == "revoke"
            else QT_TRANSLATE_NOOP("Console", "Terminal {terminal} is decommissioned.")
        )
        return terminals_page(
            request, user, notice=Message("Server" if action == "revoke" else CTX, text_, {"terminal": terminal_id})
        )

    # -- Staff --------------------------------------------------------------------------------------------------

    def staff_page(request: Request, user: auth.User, status: int = 200, **values: Any) -> HTMLResponse:
        need(user, "console_staff")
        with db.read() as conn:
            desk = [
                dict(r)
                for r in conn.execute(
                    text("SELECT staff_no, name, role, active, updated_at FROM staff ORDER BY staff_no")
                ).mappings()
            ]
            office = [
                dict(r)
                for r in conn.execute(
                    text(
                        "SELECT user_no, name, role, active, failed_count, locked_until FROM console_users ORDER BY user_no"
                    )
                ).mappings()
            ]
        at = to_utc_text(now())
        for row in office:
            row["locked"] = bool(row["locked_until"] and row["locked_until"] > at)
        return page(
            request,
            "staff.html",
            user,
            status=status,
            desk=desk,
            office=office,
            roles=ROLES,
            role_labels=ROLE_LABELS,
            office_roles=OFFICE_ROLES,
            office_labels=OFFICE_ROLE_LABELS,
            **values,
        )

    @router.get("/staff", response_class=HTMLResponse)
    def staff(request: Request, user: UserDep) -> HTMLResponse:
        return staff_page(request, user)

    @router.post("/staff/desk", response_class=HTMLResponse)
    def staff_desk(request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_staff")
        staff_no = str(form.get("staff_no", "")).strip().upper()
        action = str(form.get("action", "save"))
        try:
            if action == "disable":
                admin.deactivate_staff(db, staff_no, now())
            else:
                pin = str(form.get("pin", ""))
                if not pin:  # a role change keeps the PIN
                    with db.read() as conn:
                        row = (
                            conn.execute(text("SELECT * FROM staff WHERE staff_no = :s"), {"s": staff_no})
                            .mappings()
                            .first()
                        )
                    if row is None:
                        raise admin.AdminError(QT_TRANSLATE_NOOP("Server", "A PIN is 4 to 8 digits."))
                    role = str(form.get("role", row["role"]))
                    if role not in ROLES:
                        raise admin.AdminError(
                            QT_TRANSLATE_NOOP("Server", "The role must be desk, cashier or manager.")
                        )
                    admin.save_staff_rows(
                        db,
                        [{**dict(row), "role": role, "active": 1, "name": str(form.get("name") or row["name"])}],
                        now(),
                    )
                else:
                    admin.save_staff(db, staff_no, str(form.get("name", "")), str(form.get("role", "")), pin, now())
        except (admin.AdminError, InvalidInput) as exc:
            return staff_page(request, user, status=400, error=exc.message)
        auth.audit(db, now(), user.user_no, f"desk_staff_{action}", staff_no, role=str(form.get("role", "")))
        return staff_page(
            request,
            user,
            notice=Message("Server", QT_TRANSLATE_NOOP("Server", "Staff {staff_no} saved."), {"staff_no": staff_no}),
        )

    @router.post("/staff/office", response_class=HTMLResponse)
    def staff_office(request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_staff")
        user_no = str(form.get("user_no", "")).strip().upper()
        action = str(form.get("action", "save"))
        try:
            if action == "disable":
                if user_no == user.user_no:
                    raise auth.ConsoleError(QT_TRANSLATE_NOOP("Console", "You cannot disable yourself."))
                auth.set_active(db, user_no, False, now())
            elif action == "enable":
                auth.set_active(db, user_no, True, now())
            elif action == "unlock":
                auth.unlock(db, user_no, now())
            else:
                auth.save_user(
                    db,
                    user_no,
                    str(form.get("name", "")),
                    str(form.get("role", "")),
                    str(form.get("password", "")) or None,
                    now(),
                )
        except (admin.AdminError, InvalidInput) as exc:
            return staff_page(request, user, status=400, error=exc.message)
        auth.audit(db, now(), user.user_no, f"office_user_{action}", user_no, role=str(form.get("role", "")))
        return staff_page(
            request,
            user,
            notice=Message(CTX, QT_TRANSLATE_NOOP("Console", "User {user_no} saved."), {"user_no": user_no}),
        )

    # -- Rules --------------------------------------------------------------------------------------------------

    def rules_page(request: Request, user: auth.User, status: int = 200, **values: Any) -> HTMLResponse:
        need(user, "console_rules")
        with db.read() as conn:
            docs = [
                dict(r)
                for r in conn.execute(text("SELECT name, version, loaded_at FROM documents ORDER BY name")).mappings()
            ]
            body = conn.execute(text("SELECT body FROM documents WHERE name = 'rules'")).scalar()
            history = [
                dict(r)
                for r in conn.execute(
                    text(
                        "SELECT id, at, user_no, action, detail FROM console_audit WHERE action IN ('rules_loaded', 'rules_rolled_back') "
                        "ORDER BY id DESC LIMIT 30"
                    )
                ).mappings()
            ]
            pending = [
                dict(r)
                for r in conn.execute(
                    text(
                        "SELECT id, version, effective_day, uploaded_by, uploaded_at FROM pending_rules "
                        "WHERE status = 'pending' ORDER BY effective_day, id"
                    )
                ).mappings()
            ]
        values.setdefault("pending", pending)
        for h in history:
            detail = json.loads(h["detail"])
            h["version"] = detail.get("version")
            h["previous"] = detail.get("previous_version")
        return page(request, "rules.html", user, status=status, docs=docs, body=body or "", history=history, **values)

    @router.get("/rules", response_class=HTMLResponse)
    def rules(request: Request, user: UserDep) -> HTMLResponse:
        return rules_page(request, user)

    @router.post("/rules", response_class=HTMLResponse)
    def rules_upload(request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_rules")
        upload = form.get("file")
        body = (
            upload.decode("utf-8", errors="replace")
            if isinstance(upload, bytes) and upload
            else str(form.get("body", ""))
        )
        step = str(form.get("step", "check"))
        errors = rules_errors(body, db)
        with db.read() as conn:
            current = conn.execute(text("SELECT body FROM documents WHERE name = 'rules'")).scalar() or ""
        diff = "".join(difflib.unified_diff(current.splitlines(True), body.splitlines(True), "current", "new", n=2))
        if errors or step != "load":
            where = field_lines(body)
            located = [(field, problem, field_line(where, field)) for field, problem in errors]
            return rules_page(request, user, status=400 if errors else 200, errors=located, diff=diff, upload=body)
        _rules, _master, today_ = rules_now()
        effective = str(form.get("effective_day", "")).strip()
        try:
            effective_day = date.fromisoformat(effective) if effective else today_
        except ValueError:
            message = Message(CTX, QT_TRANSLATE_NOOP("Console", "The effective day is a date like 2027-01-01."))
            return rules_page(request, user, status=400, error=message, diff=diff, upload=body)
        if effective_day > today_:
            version = rules_from_dict(tomllib.loads(body)).version
            with db.write() as tx:
                tx.conn.execute(
                    text(
                        "INSERT INTO pending_rules (version, body, effective_day, uploaded_by, uploaded_at, status) "
                        "VALUES (:v, :b, :d, :u, :a, 'pending')"
                    ),
                    {
                        "v": version,
                        "b": body,
                        "d": effective_day.isoformat(),
                        "u": user.user_no,
                        "a": to_utc_text(now()),
                    },
                )
                auth.write_audit(
                    tx.conn, now(), user.user_no, "rules_scheduled", version, day=effective_day.isoformat()
                )
            return rules_page(
                request,
                user,
                notice=Message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Console", "Rules {version} take effect on {day}; desks get them at their next sync that day."
                    ),
                    {"version": version, "day": effective_day.isoformat()},
                ),
            )
        try:
            version, previous = jobs.load_rules_body(db, body, now())
        except RulesError as exc:
            errors = [(p.field, p.message) for p in exc.problems]
            return rules_page(request, user, status=400, errors=errors, diff=diff, upload=body)
        except (LookupError, ValueError) as exc:
            return rules_page(request, user, status=400, errors=[("rules", str(exc))], diff=diff, upload=body)
        auth.audit(
            db,
            now(),
            user.user_no,
            "rules_loaded",
            version,
            version=version,
            previous_version=previous[0],
            previous_body=previous[1],
        )
        return rules_page(
            request,
            user,
            notice=Message("Server", QT_TRANSLATE_NOOP("Server", "Rules {version} loaded."), {"version": version}),
        )

    @router.post("/rules/pending/{pending_id}/cancel", response_class=HTMLResponse)
    def rules_cancel(pending_id: int, request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_rules")
        with db.write() as tx:
            done = tx.conn.execute(
                text(
                    "UPDATE pending_rules SET status = 'cancelled', done_at = :a WHERE id = :i AND status = 'pending'"
                ),
                {"a": to_utc_text(now()), "i": pending_id},
            ).rowcount
            if done:
                auth.write_audit(tx.conn, now(), user.user_no, "rules_cancelled", str(pending_id))
        return rules_page(request, user, status=200 if done else 404)

    @router.post("/rules/rollback/{audit_id}", response_class=HTMLResponse)
    def rules_rollback(audit_id: int, request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_rules")
        with db.read() as conn:
            row = conn.execute(
                text(
                    "SELECT detail FROM console_audit WHERE id = :i AND action IN ('rules_loaded', 'rules_rolled_back')"
                ),
                {"i": audit_id},
            ).scalar()
        previous_body = json.loads(row).get("previous_body") if row else None
        if not previous_body:
            return rules_page(request, user, status=404, errors=[("rules", "?")])
        version, previous = jobs.load_rules_body(db, previous_body, now())
        auth.audit(
            db,
            now(),
            user.user_no,
            "rules_rolled_back",
            version,
            version=version,
            previous_version=previous[0],
            previous_body=previous[1],
        )
        return rules_page(
            request,
            user,
            notice=Message("Server", QT_TRANSLATE_NOOP("Server", "Rules {version} loaded."), {"version": version}),
        )

    # -- Coupons and stock ---------------------------------------------------------------------------------------

    def coupons_page(request: Request, user: auth.User, status: int = 200, **values: Any) -> HTMLResponse:
        need(user, "console_coupons")
        _rules, master, _day = rules_now()
        code = (request.query_params.get("code") or "").strip().upper()[:32]
        story = coupon_story(db, code) if code else None
        with db.read() as conn:
            stock = [
                dict(r)
                for r in conn.execute(
                    text(
                        "SELECT s.terminal_id, t.name, s.item_code, s.quantity FROM stock s JOIN terminals t ON t.terminal_id = s.terminal_id "
                        "WHERE t.status = 'active' ORDER BY s.terminal_id, s.item_code"
                    )
                ).mappings()
            ]
            terminals_ = [
                r[0]
                for r in conn.execute(
                    text("SELECT terminal_id FROM terminals WHERE status = 'active' ORDER BY terminal_code")
                )
            ]
        return page(
            request,
            "coupons.html",
            user,
            status=status,
            definitions=sorted(master.coupons),
            items=sorted(master.catalogue),
            code=code,
            story=story,
            stock=stock,
            terminals=terminals_,
            **values,
        )

    @router.get("/coupons", response_class=HTMLResponse)
    def coupons(request: Request, user: UserDep) -> HTMLResponse:
        return coupons_page(request, user)

    @router.post("/coupons/issue")
    def coupons_issue(request: Request, user: UserDep, form: FormDep) -> Response:
        need(user, "console_coupons")
        definition = str(form.get("definition", "")).strip().upper()
        member_no = str(form.get("member_no", "")).strip() or None
        try:
            count = int(str(form.get("count", "")).strip())
            if not 1 <= count <= 10000:
                raise ValueError
        except ValueError:
            return coupons_page(
                request,
                user,
                status=400,
                error=Message(CTX, QT_TRANSLATE_NOOP("Console", "Issue between 1 and 10000 coupons at a time.")),
            )
        try:
            issued = admin.issue_coupons(db, definition, count, now(), member_no)
        except admin.AdminError as exc:
            return coupons_page(request, user, status=400, error=exc.message)
        auth.audit(db, now(), user.user_no, "coupons_issued", definition, count=count, first=issued[0], last=issued[-1])
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["code", "definition", "member_no"])
        for c in issued:
            writer.writerow([c, definition, member_no or ""])
        return Response(
            out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="coupons-{definition}.csv"'},
        )

    @router.post("/stock/allocate", response_class=HTMLResponse)
    def allocate(request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_stock")
        terminal_id = str(form.get("terminal_id", "")).strip().upper()
        item = str(form.get("item_code", "")).strip().upper()
        try:
            quantity = int(str(form.get("quantity", "")).strip())
            if quantity == 0 or abs(quantity) > 100000:
                raise ValueError
            admin.allocate_stock(db, terminal_id, item, quantity, now())
        except ValueError:
            return coupons_page(
                request,
                user,
                status=400,
                error=Message(CTX, QT_TRANSLATE_NOOP("Console", "The quantity is a whole number other than zero.")),
            )
        except admin.AdminError as exc:
            return coupons_page(request, user, status=400, error=exc.message)
        auth.audit(db, now(), user.user_no, "stock_allocated", f"{terminal_id}/{item}", quantity=quantity)
        return coupons_page(request, user, notice=Message("Server", QT_TRANSLATE_NOOP("Server", "Stock allocated.")))

    # -- Reports ------------------------------------------------------------------------------------------------

    def report_args(request: Request) -> tuple[date, str | None]:
        _rules, _master, today_ = rules_now()
        try:
            day = date.fromisoformat(request.query_params.get("day") or today_.isoformat())
        except ValueError:
            day = today_
        terminal = (request.query_params.get("terminal") or "").strip().upper() or None
        return day, terminal

    @router.get("/reports", response_class=HTMLResponse)
    def reports(request: Request, user: UserDep) -> HTMLResponse:
        need(user, "console_reports")
        rules, master, _today = rules_now()
        day, terminal = report_args(request)
        data = queries.daily_report(db, day, rules, master, now(), user.name, terminal, lang(request))
        with db.read() as conn:
            terminals_ = [
                dict(r)
                for r in conn.execute(
                    text("SELECT terminal_id, name FROM terminals WHERE status = 'active' ORDER BY terminal_code")
                ).mappings()
            ]
        month = request.query_params.get("month") or day.isoformat()[:7]
        try:
            y, m = (int(x) for x in month.split("-"))
            month_rows = queries.month_rows(db, y, m)
        except ValueError:
            month_rows = []
        return page(
            request,
            "reports.html",
            user,
            data=data,
            day=day.isoformat(),
            terminal=terminal or "",
            terminals=terminals_,
            month=month,
            month_rows=month_rows,
        )

    @router.get("/reports/month.csv")
    def report_month(request: Request, user: UserDep) -> Response:
        need(user, "console_reports")
        month = request.query_params.get("month") or ""
        try:
            y, m = (int(x) for x in month.split("-"))
            rows = queries.month_rows(db, y, m)
        except ValueError:
            raise Forbidden() from None
        translate = catalog(lang(request)).translate
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([translate(CTX, h) for h in ("Day", "Terminal", "Operation", "Count")])
        for day, terminal, kind, count in rows:
            writer.writerow([day, terminal, translate("Operation", KIND_LABELS.get(kind, kind)), count])
        auth.audit(db, now(), user.user_no, "report_printed", month, format="month.csv")
        return Response(
            out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="month-{y:04d}-{m:02d}.csv"'},
        )

    @router.get("/reports/daily.{fmt}")
    def report_file(fmt: str, request: Request, user: UserDep) -> Response:
        need(user, "console_reports")
        from printing.report import daily_report_csv, render_daily_report

        rules, master, _today = rules_now()
        day, terminal = report_args(request)
        data = queries.daily_report(db, day, rules, master, now(), user.name, terminal, lang(request))
        auth.audit(db, now(), user.user_no, "report_printed", f"{day}/{terminal or 'mall'}", format=fmt)
        name = f"daily-{day}-{terminal or 'mall'}.{fmt}"
        headers = {"Content-Disposition": f'inline; filename="{name}"'}
        if fmt == "pdf":
            return Response(
                render_daily_report(data, language=lang(request)), media_type="application/pdf", headers=headers
            )
        if fmt == "csv":
            return Response(
                daily_report_csv(data, language=lang(request)), media_type="text/csv; charset=utf-8", headers=headers
            )
        raise Forbidden()

    # -- Audit --------------------------------------------------------------------------------------------------

    @router.get("/audit", response_class=HTMLResponse)
    def audit_page(request: Request, user: UserDep) -> HTMLResponse:
        need(user, "console_audit")
        return audit_view(request, user)

    def audit_view(request: Request, user: auth.User, verdict: Any = None, verified: str = "") -> HTMLResponse:
        q = (request.query_params.get("q") or "").strip()[:64]
        terminal = (request.query_params.get("terminal") or "").strip().upper()[:16]
        where, params = "1 = 1", {}
        if q:
            where += " AND (staff_no = :q OR action = :q OR subject = :q OR op_id = :q)"
            params["q"] = q
        if terminal:
            where += " AND terminal_id = :t"
            params["t"] = terminal
        with db.read() as conn:
            rows = [
                dict(r)
                for r in conn.execute(
                    text(
                        f"SELECT terminal_id, id, at, staff_no, action, subject, op_id FROM terminal_audit WHERE {where} AND branch = 0 "
                        "ORDER BY at DESC LIMIT 200"
                    ),
                    params,
                ).mappings()
            ]
            console_rows = [
                dict(r)
                for r in conn.execute(
                    text("SELECT at, user_no, action, subject FROM console_audit ORDER BY id DESC LIMIT 100")
                ).mappings()
            ]
            terminals_ = [r[0] for r in conn.execute(text("SELECT terminal_id FROM terminals ORDER BY terminal_code"))]
        return page(
            request,
            "audit.html",
            user,
            rows=rows,
            console_rows=console_rows,
            q=q,
            terminal=terminal,
            terminals=terminals_,
            verdict=verdict,
            verified=verified,
        )

    @router.post("/audit/verify", response_class=HTMLResponse)
    def audit_verify(request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_audit")
        from ..audit import verify

        terminal = str(form.get("terminal_id", "")).strip().upper()[:16]
        verdict = verify(db, terminal)
        auth.audit(db, now(), user.user_no, "audit_verified", terminal, ok=verdict.ok)
        return audit_view(request, user, verdict=verdict, verified=terminal)

    # -- Jobs ---------------------------------------------------------------------------------------------------

    def jobs_page(request: Request, user: auth.User, status: int = 200, **values: Any) -> HTMLResponse:
        need(user, "console_jobs")
        rules, _master, _today = rules_now()
        n = now()
        listing = [
            {"name": j.name, "label": j.label, "description": j.description, "due": j.due(n, rules)}
            for j in jobs.JOBS.values()
        ]
        runs = jobs.runs(db, 50)
        running = any(r["status"] == "running" for r in runs)
        return page(request, "jobs.html", user, status=status, jobs=listing, runs=runs, running=running, **values)

    @router.get("/jobs", response_class=HTMLResponse)
    def jobs_list(request: Request, user: UserDep) -> HTMLResponse:
        return jobs_page(request, user)

    @router.post("/jobs/{name}/run", response_class=HTMLResponse)
    def jobs_run(name: str, request: Request, user: UserDep, form: FormDep) -> HTMLResponse:
        need(user, "console_jobs_run")
        period = str(form.get("period", "")).strip() or None
        again = form.get("again") == "1"
        auth.audit(db, now(), user.user_no, "job_started", name, period=period or "")
        try:
            run_id = jobs.run_job(
                db, name, period, trigger="hand", snapshots=snapshots, clock=now, once=not again, background=True
            )
        except jobs.JobBusy:
            return jobs_page(
                request,
                user,
                status=409,
                error=Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Console", "The job is running already (here or on another server instance)."),
                ),
            )
        except jobs.JobError as exc:
            return jobs_page(request, user, status=400, error=exc.message)
        if run_id is None:
            return jobs_page(
                request,
                user,
                status=409,
                error=Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Console", "This period was run already; tick “run again” to run it once more."),
                ),
            )
        return jobs_page(
            request,
            user,
            notice=Message(
                CTX,
                QT_TRANSLATE_NOOP("Console", "Job run {id} started; this page follows it until it ends."),
                {"id": run_id},
            ),
        )

    return router


def _cookie(response: Response, request: Request, name: str, value: str) -> None:
    # Secure whenever the console is served over HTTPS (as production must be); the session cookie is
    # never readable by scripts, and Strict keeps it off requests started by other sites.
    response.set_cookie(
        name, value, path="/console", httponly=True, samesite="strict", secure=request.url.scheme == "https"
    )


def _exception(db: ServerDB, exception_id: int) -> list[dict[str, Any]]:
    """The one exception (as ``server.admin`` reads it), or nothing."""
    from sqlalchemy.exc import NoResultFound

    try:
        return [admin._one_exception(db, exception_id)]
    except NoResultFound:
        return []


def rules_errors(body: str, db: ServerDB | None = None) -> list[tuple[str, Message]]:
    """Every problem of a rules file, as (field, message): the TOML syntax, the rules (all of their
    independent mistakes at once), then whether the master data on the server still fits them (a tier,
    coupon or gift the catalogue refers to).
    """
    if not body.strip():
        return [("rules", Message(CTX, QT_TRANSLATE_NOOP("Console", "The file is empty.")))]
    try:
        parsed = tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        return [("toml", Message(CTX, QT_TRANSLATE_NOOP("Console", "Not valid TOML: {error}"), {"error": str(exc)}))]
    try:
        rules = rules_from_dict(parsed)
        if db is not None:
            with db.read() as conn:
                docs = {r.name: r.body for r in conn.execute(text("SELECT name, body FROM documents"))}
            if all(name in docs for name in ("tenants", "catalogue", "coupons")):
                masterdata_from_dicts(
                    tomllib.loads(docs["tenants"]),
                    tomllib.loads(docs["catalogue"]),
                    tomllib.loads(docs["coupons"]),
                    rules,
                )
    except RulesError as exc:
        return [(p.field, p.message) for p in exc.problems]
    return []


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\- ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*=")


def field_lines(body: str) -> dict[str, int]:
    """Where each table and key of a TOML file is (1-based line), named as ``membership.rules`` names
    fields: ``tiers[1].qualifying_spend_yuan``, ``campaigns.member_day``. A plain reading of headers and
    ``key =`` lines (multi-line values are not followed): enough to point at a problem's place."""
    where: dict[str, int] = {}
    counts: dict[str, int] = {}
    table = ""
    for number, line in enumerate(body.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            name = header.group(2).replace(" ", "")
            if header.group(1) == "[[":
                counts[name] = counts.get(name, -1) + 1
                where.setdefault(name, number)
                name = f"{name}[{counts[name]}]"
            table = name
            where.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            where.setdefault(f"{table}.{key.group(1)}" if table else key.group(1), number)
    return where


def field_line(where: dict[str, int], field: str) -> int | None:
    """The line of ``field``, or of the nearest table holding it (a missing key: its table)."""
    name = field
    while name:
        if name in where:
            return where[name]
        cut = max(name.rfind("."), name.rfind("[") if name.endswith("]") else -1)
        name = name[:cut] if cut > 0 else ""
    return None


def coupon_story(db: ServerDB, code: str) -> dict[str, Any] | None:
    with db.read() as conn:
        row = conn.execute(text("SELECT * FROM coupons WHERE code = :c"), {"c": code}).mappings().first()
        if row is None:
            return None
        ops_ = [
            dict(r)
            for r in conn.execute(
                text(
                    "SELECT op_id, terminal_id, kind, staff_no, local_time, status, code FROM ops WHERE op_id IN (:a, :b) "
                    "OR (kind = 'verify_coupon' AND payload LIKE :p) ORDER BY received_at"
                ),
                {"a": row["issued_op"] or "", "b": row["used_op"] or "", "p": f'%"{code}"%'},
            ).mappings()
        ]
    return {"coupon": dict(row), "ops": ops_}


def erase_member(db: ServerDB, member_no: str, now: datetime) -> None:
    """Anonymise a member on request (PIPL): personal data goes, what the accounts need stays.

    Kept: the member number, tier, enrolment day and channel, the points ledger, receipts and coupons
    (bookkeeping of points liabilities and tenant settlements). Erased: name, phone, card number,
    birthday, gender, referrer and consents; the status becomes ``closed`` (a status the terminals know), so
    no desk finds or serves the member again.
    """
    at = to_utc_text(now)
    with db.write() as tx:
        tx.conn.execute(
            text(
                "UPDATE members SET name = :n, phone = :p, card_no = NULL, birthday = NULL, gender = '', "
                "referrer_no = NULL, privacy_consent = NULL, marketing_consent = NULL, status = 'closed', "
                "updated_at = :a WHERE member_no = :m"
            ),
            {"n": ERASED_NAME, "p": f"erased-{member_no}", "a": at, "m": member_no},
        )
        tx.conn.execute(text("DELETE FROM profile_edits WHERE member_no = :m"), {"m": member_no})
        emit_rows(tx, {f"member:{member_no}"})


def _decide_adjustment(db: ServerDB, ref: Reference, req: Any, verdict: str, user: auth.User, now: datetime) -> None:
    """Approve (a server ``adjust`` operation with its ledger lines, pulled by every desk) or refuse."""
    at = to_utc_text(now)
    with db.write() as tx:
        if verdict == "refuse":
            tx.conn.execute(
                text("UPDATE adjust_requests SET status = 'refused', decided_by = :u, decided_at = :a WHERE id = :i"),
                {"u": user.user_no, "a": at, "i": req["id"]},
            )
            auth.write_audit(tx.conn, now, user.user_no, "adjust_refused", req["member_no"], request=req["id"])
            return
        rules, master = ref.get(tx.conn)
        ctx = Context(rules, master, now, online=True)
        today = ctx.today
        state = member_state(tx.conn, req["member_no"], today, rules)
        if state is None:
            raise Refused(
                "member_unknown",
                QT_TRANSLATE_NOOP("Refusal", "Member {member_no} was not found on this terminal."),
                member_no=req["member_no"],
            )
        from membership.decisions import decide_adjust

        payload = {"member_no": req["member_no"], "points": int(req["points"]), "reason": req["reason"]}
        decision = decide_adjust(state, payload, ctx)
        op_id = admin.server_op_id(tx, now)
        day = today.isoformat()
        lines = [[x.member_no, x.kind, x.delta, x.lot_year, x.spend_fen, day] for x in decision.ledger]
        tx.conn.execute(
            text(
                "INSERT INTO ledger (member_no, op_id, kind, delta, lot_year, spend_fen, business_day, created_at) "
                "VALUES (:m, :o, :k, :d, :y, :s, :b, :a)"
            ),
            [{"m": x[0], "o": op_id, "k": x[1], "d": x[2], "y": x[3], "s": x[4], "b": day, "a": at} for x in lines],
        )
        tx.emit(
            "op", op_id, admin._server_op(op_id, "adjust", member_no=req["member_no"], lines=lines, business_day=day)
        )
        tx.conn.execute(
            text(
                "UPDATE adjust_requests SET status = 'approved', decided_by = :u, decided_at = :a, op_id = :o WHERE id = :i"
            ),
            {"u": user.user_no, "a": at, "o": op_id, "i": req["id"]},
        )
        auth.write_audit(
            tx.conn,
            now,
            user.user_no,
            "adjust_approved",
            req["member_no"],
            request=req["id"],
            op_id=op_id,
            points=int(req["points"]),
            requested_by=req["requested_by"],
        )
