"""The terminal's HTTP client for the central server: one method per endpoint, errors sorted by what to do.

A :class:`TransientError` (no connection, a timeout, 5xx, 429) is retried later with the same operation
ids; :class:`Revoked` stops syncing until the terminal is registered again; a :class:`ProtocolError`
carries the server's code (``sequence_gap``, ``epoch_forked``, ``payload_mismatch`` …) for the engine.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import requests

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
    """The server could not be reached or was busy; try again later with the same operations."""


class Revoked(SyncError):
    """The server does not accept this terminal's token (revoked or never registered)."""


class ProtocolError(SyncError):
    """The server refused the request for a reason the engine must act on (see ``code``)."""


def _message(text: str, **params: Any) -> Message:
    return Message(CTX, text, params)


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
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "memberdesk-terminal/1"

    def close(self) -> None:
        self.session.close()

    # -- plumbing -----------------------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

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
            raise TransientError(
                message
                or _message(
                    QT_TRANSLATE_NOOP("Sync", "The server is busy (HTTP {status}); trying again."),
                    status=response.status_code,
                ),
                code,
                response.status_code,
                detail,
            )
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
            return response.json()
        except ValueError:
            # A body cut off on the way is a transport failure: the request is safe to repeat.
            raise TransientError(
                _message(QT_TRANSLATE_NOOP("Sync", "The server's answer was cut off; trying again.")), "truncated"
            ) from None

    # -- endpoints ----------------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return self._json("GET", "/v1/health", timeout=(3.0, 5.0))

    def register(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._json("POST", "/v1/terminals/register", json=body)

    def status(self) -> dict[str, Any]:
        return self._json("GET", "/v1/sync/status")

    def push(self, ops: list[dict[str, Any]]) -> dict[str, Any]:
        return self._json("POST", "/v1/push", json={"ops": ops})

    def anchor_audit(self, body: dict[str, Any]) -> dict[str, Any]:
        return self._json("POST", "/v1/audit", json=body)

    def pull(self, since: int, limit: int = 2000) -> dict[str, Any]:
        return self._json("GET", "/v1/pull", params={"since": since, "limit": limit})

    def coupon(self, code: str) -> dict[str, Any]:
        return self._json("GET", f"/v1/coupons/{code}")

    def member(self, member_no: str) -> dict[str, Any]:
        return self._json("GET", f"/v1/members/{member_no}")

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
