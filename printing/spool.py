"""Sending PDF bytes to a printer through the system spooler (CUPS on Linux, the shell on Windows), or to a file.

On Linux CUPS is asked through pycups (``printing.spool_cups``: printer state and jobs as IPP attributes)
and, when pycups cannot be imported or cannot reach the scheduler, through ``lp``/``lpstat``
(``printing.spool_lp``); Windows is ``printing.spool_windows``. Every failure a person can fix (no
printer, out of paper, queue stopped) raises :class:`PrintError` with a translated message and a next
step, the same on every path. The caller has already recorded the operation: it shows the message and
offers a reprint. Functions here hold no shared state, so any thread may call them.
"""

from __future__ import annotations

import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from membership.i18n import QT_TRANSLATE_NOOP

from . import spool_cups, spool_lp, spool_windows
from .print_errors import PrintError, error, job_not_finished, no_default_printer, no_spooler

__all__ = [
    "PrintError",
    "backend",
    "default_printer",
    "page_media",
    "print_pdf",
    "print_raw",
    "printers",
    "save_pdf",
    "wait_for_job",
]


# -- files -----------------------------------------------------------------------------------------------


def save_pdf(pdf: bytes, path: str | Path) -> Path:
    """Write ``pdf`` to ``path`` atomically (a half-written file never appears under the final name)."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".memberdesk-", suffix=".pdf", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pdf)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise error(
            "save_failed",
            QT_TRANSLATE_NOOP(
                "Print", "Could not save the PDF to {path}: {problem}. Choose another folder and try again."
            ),
            path=str(target),
            problem=exc.strerror or str(exc),
        ) from None
    return target


# -- printers --------------------------------------------------------------------------------------------


def backend() -> str:
    """Which way a job would go now: ``pycups``, ``lp`` (the fallback), ``windows``, or ``none`` (no spooler)."""
    if sys.platform == "win32":
        return "windows"
    if spool_cups.connect() is not None:
        return "pycups"
    return "lp" if spool_lp.installed() else "none"


def printers(timeout: float = 10.0) -> list[str]:
    """The names of the print queues this terminal knows (empty when none or no spooler)."""
    if sys.platform == "win32":
        return spool_windows.printers()
    conn = spool_cups.connect()
    if conn is not None:
        return spool_cups.printers(conn)
    return spool_lp.printers(timeout)


def default_printer(timeout: float = 10.0) -> str | None:
    """The system's default print queue, or None when there is none."""
    if sys.platform == "win32":
        return spool_windows.default_printer()
    conn = spool_cups.connect()
    if conn is not None:
        return spool_cups.default_printer(conn)
    return spool_lp.default_printer(timeout)


def page_media(pdf: bytes) -> str:
    """The CUPS ``media`` value for the PDF's first page, e.g. ``"Custom.80x172mm"``.

    Pass it as ``options={"media": page_media(pdf)}`` for slips on a roll so the driver feeds (and
    cuts) exactly the receipt's length instead of scaling it onto its default page.
    """
    match = re.search(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", pdf)
    if not match:
        raise ValueError("not a PDF with a page size")
    x0, y0, x1, y1 = (float(v) for v in match.groups())
    to_mm = 25.4 / 72
    return f"Custom.{round((x1 - x0) * to_mm)}x{math.ceil((y1 - y0) * to_mm)}mm"


def print_pdf(
    pdf: bytes,
    printer: str | None = None,
    *,
    title: str = "MemberDesk",
    copies: int = 1,
    options: Mapping[str, str] | None = None,
    timeout: float = 30.0,
) -> str:
    """Spool ``pdf`` to ``printer`` (the system default when None) and return the job id.

    Linux uses CUPS (pycups, else ``lp``); Windows hands the file to the default printer through the
    shell (or SumatraPDF when installed, which can also address a named printer). Raises :class:`PrintError`.
    """
    if not 1 <= copies <= 20:
        raise ValueError("copies must be 1 to 20")
    if sys.platform == "win32":
        return spool_windows.print_pdf(pdf, printer, title, copies, timeout)
    return _print_cups(pdf, printer, title, copies, dict(options or {}), False, timeout)


def print_raw(data: bytes, queue: str, *, title: str = "MemberDesk", timeout: float = 30.0) -> str:
    """Spool printer-ready bytes (an ESC/POS job) to a raw CUPS queue, unfiltered; return the job id.

    The queue is checked first like :func:`print_pdf` (missing, stopped, rejecting): CUPS does not pass
    the printer's own status back through a raw queue, so this is all that can be known in advance.
    """
    if sys.platform == "win32":
        return spool_windows.print_raw(data, queue, title)
    return _print_cups(data, queue, title, 1, {}, True, timeout)


def _print_cups(
    data: bytes, printer: str | None, title: str, copies: int, options: dict[str, str], raw: bool, timeout: float
) -> str:
    conn = spool_cups.connect()
    if conn is None and not spool_lp.installed():
        raise no_spooler()
    queue = printer or (spool_cups.default_printer(conn) if conn is not None else spool_lp.default_printer(timeout))
    if not queue:
        raise no_default_printer()
    if conn is not None:
        spool_cups.check_queue(conn, queue)
        return spool_cups.submit(conn, data, queue, title, copies, options, raw)
    spool_lp.check_queue(queue, timeout)
    lp_options = ["raw"] if raw else [f"{key}={value}" for key, value in options.items()]
    return spool_lp.submit(data, queue, title, copies, lp_options, timeout)


def wait_for_job(job_id: str, timeout: float = 60.0, poll: float = 0.2) -> None:
    """Wait until a CUPS job has left the queue; raise :class:`PrintError` if its printer stops or time runs out.

    Call it from a worker thread after :func:`print_pdf` when the caller wants to know the paper came
    out (e.g. before telling the member their receipt is printed). On Windows the shell gives no job
    to follow, so this returns at once.
    """
    if sys.platform == "win32":
        return
    queue = job_id.rsplit("-", 1)[0]
    step = min(10.0, timeout)
    conn = spool_cups.connect()
    deadline = time.monotonic() + timeout
    while True:
        if conn is not None:
            if not spool_cups.job_pending(conn, job_id):
                return
            spool_cups.check_queue(conn, queue)
        else:
            if not spool_lp.job_pending(job_id, queue, step):
                return
            spool_lp.check_queue(queue, step)
        if time.monotonic() >= deadline:
            raise job_not_finished(queue, timeout)
        time.sleep(poll)
