"""The membership office's web console, served by the central server itself under ``/console``."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from membership.i18n import QT_TRANSLATE_NOOP

from ..db import ServerDB
from .i18n import language_of, translator
from .routes import LANG_COOKIE, SECURITY_HEADERS, BadCsrf, Forbidden, LoginRequired, build_router

STATIC = Path(__file__).resolve().parent / "static"


def install(app: FastAPI, db: ServerDB, snapshots: Path | None) -> None:
    """Mount the console's pages, its stylesheet and the answers to a missing session, role or CSRF token."""
    app.include_router(build_router(db, snapshots), include_in_schema=False)
    app.mount("/console/static", StaticFiles(directory=str(STATIC)), name="console-static")

    @app.exception_handler(LoginRequired)
    async def _login(_: Request, __: LoginRequired) -> Response:
        return RedirectResponse("/console/login", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, __: Forbidden) -> Response:
        _ = translator(language_of(request.cookies.get(LANG_COOKIE)))
        return _plain(_(QT_TRANSLATE_NOOP("Console", "Your role may not do this.")), 403)

    @app.exception_handler(BadCsrf)
    async def _csrf(request: Request, __: BadCsrf) -> Response:
        _ = translator(language_of(request.cookies.get(LANG_COOKIE)))
        return _plain(
            _(
                QT_TRANSLATE_NOOP(
                    "Console", "This form has expired or did not come from the console; open the page again."
                )
            ),
            403,
        )


def _plain(message: str, status: int) -> HTMLResponse:
    from html import escape

    return HTMLResponse(
        f'<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/console/static/console.css">'
        f'<main class="narrow"><p class="error">{escape(message)}</p><p><a href="/console/today">⟵</a></p></main>',
        status_code=status,
        headers=SECURITY_HEADERS,
    )
