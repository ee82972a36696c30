"""CUPS through pycups (libcups): printers, their state, state reasons and jobs as IPP attributes.

:func:`connect` gives None when pycups cannot be imported (a bundle without it, no libcups) or the
scheduler cannot be reached through it; ``printing.spool`` then asks ``lp``/``lpstat`` instead, which
give a person the same messages. Each call opens its own connection, so any thread may call these.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any

from .print_errors import QueueState, no_such_printer, refuse_unfit, refused, service_down

# IPP enum values (RFC 8011), as pycups also names them: printer-state 5 = stopped; job-state 7, 8, 9 =
# canceled, aborted, completed (the job has left the queue).
PRINTER_STOPPED = 5
JOB_DONE = (7, 8, 9)
NOT_FOUND = 0x0406  # client-error-not-found
# What a receipt printer's raw queue takes unfiltered (``lp -o raw``), and a PDF for the filters.
RAW = "application/vnd.cups-raw"
PDF = "application/pdf"


def _server() -> tuple[str, int] | None:
    """The scheduler named by ``CUPS_SERVER`` (and ``IPP_PORT``), read on every call.

    libcups reads the environment once per thread and keeps the answer; ``lp`` is a new process each
    time. Reading it here keeps a changed ``CUPS_SERVER`` meaning the same on both paths.
    """
    server = os.environ.get("CUPS_SERVER", "").split("/version=")[0].strip()
    if not server:
        return None
    port = int(os.environ.get("IPP_PORT") or 631)
    if server.startswith("/"):  # a domain socket
        return server, port
    host, sep, tail = server.rpartition(":")
    if sep and tail.isdigit() and not host.endswith(":"):  # "host:port" but not a bare IPv6 address
        return host.strip("[]"), int(tail)
    return server.strip("[]"), port


def connect() -> Any | None:
    """A connection to the scheduler, or None when pycups is missing or the scheduler is out of its reach."""
    try:
        import cups  # type: ignore[import-not-found]  # pycups: optional (the printing extra); lp is the fallback
    except ImportError:
        return None
    server = _server()
    try:
        return cups.Connection(host=server[0], port=server[1]) if server else cups.Connection()
    except RuntimeError:  # "failed to connect to server"
        return None


def printers(conn: Any) -> list[str]:
    try:
        return [name for name, instance in conn.getDests() if instance is None]
    except Exception:  # pycups raises IPPError, HTTPError or RuntimeError; like lpstat, no list then
        return []


def default_printer(conn: Any) -> str | None:
    try:
        return conn.getDefault() or None
    except Exception:  # as printers(): no answer, no default
        return None


def queue_state(conn: Any, printer: str) -> QueueState:
    import cups  # type: ignore[import-not-found]  # connect() imported it already

    try:
        attrs = conn.getPrinterAttributes(
            printer,
            requested_attributes=[
                "printer-state",
                "printer-state-reasons",
                "printer-state-message",
                "printer-is-accepting-jobs",
            ],
        )
    except cups.IPPError as exc:
        if exc.args and exc.args[0] == NOT_FOUND:
            raise no_such_printer(printer) from None
        raise service_down() from None
    except (cups.HTTPError, RuntimeError):  # the scheduler went away after connecting
        raise service_down() from None
    return QueueState(
        reasons=tuple(r for r in attrs.get("printer-state-reasons", ()) if r != "none"),
        stopped=attrs.get("printer-state") == PRINTER_STOPPED,
        message=str(attrs.get("printer-state-message") or ""),
        accepting=bool(attrs.get("printer-is-accepting-jobs", True)),
    )


def check_queue(conn: Any, printer: str) -> None:
    """Refuse before spooling when the queue is missing, stopped or rejecting: the member is still here."""
    refuse_unfit(printer, queue_state(conn, printer))


def submit(conn: Any, data: bytes, queue: str, title: str, copies: int, options: dict[str, str], raw: bool) -> str:
    """Spool ``data`` as one document of a new job (streamed: no temporary file); the job id as ``lp`` gives it."""
    import cups  # type: ignore[import-not-found]

    job_options = {**options, "copies": str(copies)}
    try:
        job = conn.createJob(queue, title[:100], job_options)
    except cups.IPPError as exc:
        raise refused(queue, str(exc.args[-1]) if exc.args else "") from None
    except (cups.HTTPError, RuntimeError):  # the scheduler went away after connecting
        raise service_down() from None
    try:
        # No document name, as ``lp`` sends none: cupsd 2.4.2 (Debian 12) crashes on one with a space in it.
        conn.startDocument(queue, job, "", RAW if raw else PDF, 1)
        conn.writeRequestData(data, len(data))
        conn.finishDocument(queue)
    except Exception as exc:  # pycups: IPPError, HTTPError or RuntimeError; the half-made job must not print
        with contextlib.suppress(Exception):  # the scheduler may be gone too; its own job timeout cleans up
            conn.cancelJob(job)
        if isinstance(exc, cups.IPPError):
            raise refused(queue, str(exc.args[-1]) if exc.args else "") from None
        raise service_down() from None
    return f"{queue}-{job}"


def job_pending(conn: Any, job_id: str) -> bool:
    """Whether the job (``queue-123``) is still in the queue (pending, held, processing or stopped)."""
    import cups  # type: ignore[import-not-found]

    number = int(job_id.rsplit("-", 1)[1])
    try:
        attrs = conn.getJobAttributes(number, requested_attributes=["job-state"])
    except cups.IPPError as exc:
        if exc.args and exc.args[0] == NOT_FOUND:
            return False  # purged from the history: long done
        raise service_down() from None
    except (cups.HTTPError, RuntimeError):  # the scheduler went away after connecting
        raise service_down() from None
    return attrs.get("job-state") not in JOB_DONE
