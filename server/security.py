"""Server hardening: request size limits, per-terminal rate limits, wire checks, and phone masking in logs.

Everything here is plain Python on top of the ASGI interface, so it runs the same under uvicorn and the
test client. Limits are per process (one uvicorn worker serves a mall; see docs/SECURITY.md).
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import threading
import time
import traceback
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from membership.i18n import QT_TRANSLATE_NOOP, Message

CTX = "Server"

# A mainland mobile number (optionally +86/86), not part of a longer digit run: what must never reach a log.
PHONE_RE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)")
# Integers beyond this are not points, fen or counters a terminal makes; they would overflow BIGINT.
MAX_WIRE_INT = 2**53 - 1


def mask_phones(text: str) -> str:
    """``13812345678`` → ``138****5678`` wherever a mobile number appears in ``text``."""
    return PHONE_RE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


# -- configuration ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """A token bucket: ``per_second`` sustained, ``burst`` at once. ``per_second <= 0`` disables it."""

    per_second: float
    burst: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """``"10/200"`` = 10 a second sustained, bursts of 200; ``"off"`` disables."""
        if text.strip().lower() in ("off", "0", "none"):
            return cls(0.0, 0)
        rate, _, burst = text.partition("/")
        per_second = float(rate)
        return cls(per_second, int(burst) if burst else max(1, math.ceil(per_second)))


@dataclass(frozen=True)
class Limits:
    """Request size and rate limits; every value can be changed by an environment variable."""

    max_push_bytes: int = 32 * 1024 * 1024  # a batch of 5000 operations is ~5 MB
    max_body_bytes: int = 64 * 1024  # registration, resolving an exception, an audit page is separate
    max_audit_bytes: int = 8 * 1024 * 1024
    push: Rate = field(default_factory=lambda: Rate(20.0, 600))
    lookup: Rate = field(default_factory=lambda: Rate(10.0, 300))
    audit: Rate = field(default_factory=lambda: Rate(20.0, 600))
    register: Rate = field(default_factory=lambda: Rate(0.1, 10))  # failed registrations per client address

    @classmethod
    def from_env(cls, env: MutableMapping[str, str] | None = None) -> Limits:
        env = os.environ if env is None else env
        base = cls()
        values: dict[str, Any] = {}
        for name in ("max_push_bytes", "max_body_bytes", "max_audit_bytes"):
            raw = env.get(f"MEMBERDESK_{name.upper()}")
            if raw:
                values[name] = int(raw)
        for name in ("push", "lookup", "audit", "register"):
            raw = env.get(f"MEMBERDESK_RATE_{name.upper()}")
            if raw:
                values[name] = Rate.parse(raw)
        return cls(**{**base.__dict__, **values})


# -- rate limiting ------------------------------------------------------------------------------------------


class RateLimiter:
    """Token buckets keyed by (what, who): a terminal id for pushes and look-ups, an address for registration."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}
        self._lock = threading.Lock()

    def wait(self, what: str, who: str, rate: Rate) -> float:
        """Like :meth:`take` but spends nothing: for limits that count only failures."""
        return self.take(what, who, rate, cost=1.0, spend=False)

    def take(self, what: str, who: str, rate: Rate, cost: float = 1.0, spend: bool = True) -> float:
        """0 when allowed; otherwise the seconds to wait before asking again."""
        if rate.per_second <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get((what, who), (float(rate.burst), now))
            tokens = min(float(rate.burst), tokens + (now - last) * rate.per_second)
            if tokens >= cost:
                self._buckets[(what, who)] = (tokens - cost if spend else tokens, now)
                return 0.0
            self._buckets[(what, who)] = (tokens, now)
            return (cost - tokens) / rate.per_second


# -- request size -------------------------------------------------------------------------------------------


Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]


def error_body(code: str, message: Message, **detail: Any) -> bytes:
    return json.dumps(
        {"code": code, "message": message.to_json(), "text": str(message), **detail}, ensure_ascii=False
    ).encode()


class BodyLimit:
    """Refuse a request body larger than its path allows (413), whether it says its length or streams it."""

    def __init__(self, app: ASGIApp, limits: Limits):
        self.app = app
        self.limits = limits

    def limit_for(self, path: str) -> int:
        if path == "/v1/push":
            return self.limits.max_push_bytes
        if path == "/v1/audit":
            return self.limits.max_audit_bytes
        return self.limits.max_body_bytes

    async def __call__(
        self, scope: Scope, receive: Callable[[], Awaitable[Any]], send: Callable[[Any], Awaitable[None]]
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope.get("path", ""))
        for name, value in scope.get("headers") or ():
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = limit + 1
                if declared > limit:
                    await self._refuse(send, limit)
                    return
        # Read the body first (it is bounded), so an oversized stream is refused before the app sees any of it.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > limit:
                await self._refuse(send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([body], receive), send)

    async def _refuse(self, send: Callable[[Any], Awaitable[None]], limit: int) -> None:
        body = error_body(
            "too_large",
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Server", "The request is larger than the server accepts ({limit} bytes)."),
                {"limit": limit},
            ),
            limit=limit,
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _replay(messages: list[Any], then: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[Any]]:
    """The body already read, then the connection's own messages (a streamed answer waits for a disconnect)."""
    pending = list(messages)

    async def receive() -> Any:
        if pending:
            return pending.pop(0)
        return await then()

    return receive


# -- what may travel in an operation -----------------------------------------------------------------------


def wire_problem(value: Any, path: str = "payload") -> str | None:
    """Why a pushed value cannot be an operation a terminal made, or None.

    Terminals never write floats (money and points are integers), integers beyond 2**53, NUL characters
    or lone surrogates; such values would otherwise reach the database (PostgreSQL refuses NUL in text
    and overflows BIGINT) and turn a malformed request into a retried server error.
    """
    # What every terminal sends is checked quickly; only a value with a problem is walked again to say where.
    return None if _plain(value) else _located_problem(value, path)


def _located_problem(value: Any, path: str) -> str | None:
    """The problem ``wire_problem`` reports and where it is (every value walked with its path)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return f"{path}: a fractional number"
    if isinstance(value, int):
        return None if -MAX_WIRE_INT <= value <= MAX_WIRE_INT else f"{path}: a number out of range"
    if isinstance(value, str):
        if "\x00" in value:
            return f"{path}: a NUL character"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"{path}: text that is not valid Unicode"
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _located_problem(key, path) or _located_problem(item, f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(value, list):
        for n, item in enumerate(value):
            found = _located_problem(item, f"{path}[{n}]")
            if found:
                return found
        return None
    return f"{path}: an unexpected value"


def _plain(value: Any) -> bool:
    """True for a value ``wire_problem`` has nothing to say about (the common case, checked quickly)."""
    kind = type(value)
    if kind is str:  # ASCII without NUL at once; other text by the one check of its characters
        return (value.isascii() and "\x00" not in value) or _located_problem(value, "") is None
    if kind is int:
        return -MAX_WIRE_INT <= value <= MAX_WIRE_INT
    if value is None or kind is bool:
        return True
    if kind is dict:
        return all(type(key) is str and _plain(key) and _plain(item) for key, item in value.items())
    if kind is list:
        return all(_plain(item) for item in value)
    return False


# -- logs -----------------------------------------------------------------------------------------------------


class PhoneMaskFilter(logging.Filter):
    """Mask mobile numbers in a record's message and traceback before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        # Mask the pieces, not the rendered text: some formatters (uvicorn's access log) unpack ``args``.
        if isinstance(record.msg, str):
            record.msg = mask_phones(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_masked(a) for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: _masked(v) for k, v in record.args.items()}
        if record.exc_info:
            record.exc_text = mask_phones("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        elif record.exc_text:
            record.exc_text = mask_phones(record.exc_text)
        return True


def _masked(value: Any) -> Any:
    if isinstance(value, (bool, int, float)) or value is None:
        return value
    text = value if isinstance(value, str) else str(value)
    masked = mask_phones(text)
    return value if masked == text else masked


MASKED_LOGGERS = ("memberdesk", "memberdesk.server", "uvicorn", "uvicorn.error", "uvicorn.access", "fastapi")


def install_log_masking() -> None:
    """Attach the phone mask to our loggers and uvicorn's (filters do not apply to records of child loggers)."""
    for name in MASKED_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, PhoneMaskFilter) for f in logger.filters):
            logger.addFilter(PhoneMaskFilter())
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, PhoneMaskFilter) for f in handler.filters):
            handler.addFilter(PhoneMaskFilter())
