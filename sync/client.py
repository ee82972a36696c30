"""The terminal's HTTP client for the central server: one method per endpoint, errors sorted by what to do.

A :class:`TransientError` (no connection, a timeout, 5xx, 429) is retried later with the same operation
ids; :class:`Revoked` stops syncing until the terminal is registered again; a :class:`ProtocolError`
carries the server's code (``sequence_gap``, ``epoch_forked``, ``payload_mismatch`` …) for the engine.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import orjson
import requests

from membership import __version__
from membership.i18n import QT_TRANSLATE_NOOP, Message

CTX = "Sync"


class SyncError(Exception):
    def __init__(self, message: Message, code: str = "", status: int = 0, detail: dict[str, Any] | None = None):
        super().__init__(f"{code or type(self).__name__}: {message}")
        self.message = message
        self.code = code
        self.status = status
        self.detail = detail or {}


class TransientError(SyncError):
    """The server could not be reached or was busy; try again later with the same operations.

    ``retry_after`` is the server's ``Retry-After`` in seconds when it sent one (the engine waits at
    least that long).
    """

    retry_after: float | None = None


class Revoked(SyncError):
    """The server does not accept this terminal's token (revoked or never registered)."""


class ProtocolError(SyncError):
    """The server refused the request for a reason the engine must act on (see ``code``)."""


def _message(text: str, **params: Any) -> Message:
    return Message(CTX, text, params)


def _retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds: a number, or an HTTP date (RFC 9110 allows both)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        from datetime import UTC, datetime

        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


PROBE_TIMEOUT = (2.0, 3.0)  # health and status probes: a hung server shows as offline within seconds


class ServerClient:
    """Talks to one server. ``verify`` is True (system CAs), a CA bundle path, or False only in tests."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        verify: bool | str = True,
        timeout: tuple[float, float] = (5.0, 60.0),
    ):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.verify = verify
        self.timeout = timeout
        # One HTTP session per thread (requests.Session is not thread-safe): the sync thread, the desk's
        # worker asking for a balance and the liveness probe never share a connection pool.
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._sessions_lock = threading.Lock()
        self.last_response = 0.0  # time.monotonic() of the last answer from the server
        # Reported with each request (docs/PROTOCOL.md, "What a terminal reports"): the engine keeps it current.
        self.pending: int | None = None

    @property
    def session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = "memberdesk-terminal/1"
            self._local.session = session
            with self._sessions_lock:
                self._sessions.append(session)
        return session

    def release_thread_session(self) -> None:
        """Close the calling thread's session (a short-lived thread, e.g. the page fetcher, when it ends)."""
        session = getattr(self._local, "session", None)
        if session is not None:
            self._local.session = None
            with self._sessions_lock:
                if session in self._sessions:
                    self._sessions.remove(session)
            session.close()

    def close(self) -> None:
        with self._sessions_lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    # -- plumbing -----------------------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        headers["X-MemberDesk-Version"] = __version__
        if self.pending is not None:
            headers["X-MemberDesk-Pending"] = str(self.pending)
        return headers

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            response = self.session.request(
                method,
                self.base_url + path,
                headers={**self._headers(), **kwargs.pop("headers", {})},
                timeout=kwargs.pop("timeout", self.timeout),
                verify=self.verify,
                **kwargs,
            )
        except requests.exceptions.SSLError as exc:
            # A certificate that does not verify is not a network blip: never fall back to plain trust.
            raise ProtocolError(
                _message(
                    QT_TRANSLATE_NOOP("Sync", "The server's certificate could not be verified ({error})."),
                    error=str(exc)[:120],
                ),
                "tls",
            ) from None
        except requests.exceptions.RequestException as exc:
            raise TransientError(
                _message(
                    QT_TRANSLATE_NOOP("Sync", "The server cannot be reached ({error})."), error=type(exc).__name__
                ),
                "unreachable",
            ) from None
        self.last_response = time.monotonic()  # the server answered (whatever it said): it is reachable
        if response.status_code < 300:
            return response
        try:
            body = response.json()
        except ValueError:
            body = {}
        message = Message.from_json(body["message"]) if isinstance(body.get("message"), dict) else None
        code = str(body.get("code") or response.status_code)
        detail = (
            {k: v for k, v in body.items() if k not in ("code", "message", "text")} if isinstance(body, dict) else {}
        )
        if response.status_code >= 500 or response.status_code == 429:
            if message is None and response.status_code == 500:
                # Our own fault on the server, not a business outcome: retried, and shown as a problem.
                message = _message(
                    QT_TRANSLATE_NOOP("Sync", "The server had an internal error (HTTP {status}); trying again."),
                    status=response.status_code,
                )
            error = TransientError(
                message
                or _message(
                    QT_TRANSLATE_NOOP("Sync", "The server is busy (HTTP {status}); trying again."),
                    status=response.status_code,
                ),
                code,
                response.status_code,
                detail,
            )
            error.retry_after = _retry_after(response.headers.get("Retry-After"))
            raise error
        if response.status_code == 401:
            raise Revoked(
                message
                or _message(QT_TRANSLATE_NOOP("Sync", "The server does not accept this terminal; register it again.")),
                code,
                401,
            )
        raise ProtocolError(
            message
            or _message(
                QT_TRANSLATE_NOOP("Sync", "The server refused the request (HTTP {status})."),
                status=response.status_code,
            ),
            code,
            response.status_code,
            detail,
        )

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._request(method, path, **kwargs)
        try:
            # orjson: a catch-up parses megabytes of pages, 2-3x faster than the standard library's json
            # (docs/PERFORMANCE.md); it raises a ValueError too on a body cut off on the way.
            return orjson.loads(response.content)
        except ValueError:
            # A body cut off on the way is a transport failure: the request is safe to repeat.
            raise TransientError(
                _message(QT_TRANSLATE_NOOP("Sync", "The server's answer was cut off; trying again.")), "truncated"
            ) from None

    # -- endpoints ----------------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return self._json("GET", "/v1/health", timeout=PROBE_TIMEOUT)

    def register(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._json("POST", "/v1/terminals/register", json=body)

    def status(self) -> dict[str, Any]:
        return self._json("GET", "/v1/sync/status", timeout=PROBE_TIMEOUT)

    def push(self, ops: list[dict[str, Any]]) -> dict[str, Any]:
        return self._json("POST", "/v1/push", json={"ops": ops})

    def anchor_audit(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._json("POST", "/v1/audit", json=body)

    def pull(self, since: int, limit: int = 2000) -> dict[str, Any]:
        return self._json("GET", "/v1/pull", params={"since": since, "limit": limit})

    def coupon(self, code: str, timeout_s: float | None = None) -> dict[str, Any]:
        return self._json("GET", f"/v1/coupons/{code}", **_within(timeout_s))

    def member(self, member_no: str, timeout_s: float | None = None) -> dict[str, Any]:
        return self._json("GET", f"/v1/members/{member_no}", **_within(timeout_s))

    def consistency(self, after: str, limit: int = 500) -> dict[str, Any]:
        """The server's figures for the members after ``after`` and this desk's stock (sync.consistency)."""
        return self._json("GET", "/v1/consistency", params={"after": after, "limit": limit})

    def exceptions(self, status: str | None = "open") -> list[dict[str, Any]]:
        return self._json("GET", "/v1/exceptions", params={"status": status} if status else {})

    def resolve_exception(self, exception_id: int, resolution: str, staff_no: str) -> dict[str, Any]:
        return self._json(
            "POST", f"/v1/exceptions/{exception_id}/resolve", json={"resolution": resolution, "staff_no": staff_no}
        )

    def snapshot_info(self) -> dict[str, Any]:
        return self._json("GET", "/v1/snapshot")

    def download(
        self,
        path: str,
        dest: Path,
        size: int,
        sha256: str,
        progress: Callable[[int, int], None] | None = None,
        chunk: int = 1 << 20,
    ) -> Path:
        """Download to ``dest``, resuming a partial ``dest.part`` with a Range request; verify SHA-256."""
        part = Path(str(dest) + ".part")
        have = part.stat().st_size if part.exists() else 0
        if have > size:
            part.unlink()
            have = 0
        if have < size:
            headers = {"Range": f"bytes={have}-"} if have else {}
            response = self._request("GET", path, headers=headers, stream=True, timeout=(5.0, 60.0))
            if have and response.status_code != 206:
                have = 0  # the server ignored the range: start over
            mode = "ab" if have else "wb"
            try:
                with part.open(mode) as handle:
                    for block in response.iter_content(chunk):
                        handle.write(block)
                        have += len(block)
                        if progress:
                            progress(have, size)
                    handle.flush()
                    os.fsync(handle.fileno())
            except requests.exceptions.RequestException:
                raise TransientError(
                    _message(QT_TRANSLATE_NOOP("Sync", "The download was interrupted; it resumes where it stopped.")),
                    "interrupted",
                ) from None
            finally:
                response.close()
        digest = hashlib.sha256()
        with part.open("rb") as handle:
            while block := handle.read(1 << 22):
                digest.update(block)
        if part.stat().st_size != size or digest.hexdigest() != sha256:
            part.unlink()
            raise ProtocolError(
                _message(QT_TRANSLATE_NOOP("Sync", "The downloaded snapshot is damaged (checksum mismatch).")),
                "checksum",
            )
        part.replace(dest)
        return dest


def _within(timeout_s: float | None) -> dict[str, Any]:
    """A desk's online check gives up after about ``timeout_s``: half for connecting, half for the answer."""
    return {} if timeout_s is None else {"timeout": (timeout_s / 2, timeout_s / 2)}
