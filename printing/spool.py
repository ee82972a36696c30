"""Sending PDF bytes to a printer through the system spooler (CUPS on Linux, the shell on Windows), or to a file.

Every failure a person can fix (no printer, out of paper, queue stopped) raises :class:`PrintError`
with a translated message and a next step. The caller has already recorded the operation: it shows
the message and offers a reprint. Functions here hold no shared state, so any thread may call them.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from membership.i18n import QT_TRANSLATE_NOOP, Message

CTX = "Print"


class PrintError(Exception):
    """Printing failed; ``reason`` is a stable word for code, ``message`` a translatable text for people."""

    def __init__(self, reason: str, message: Message):
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


def _error(reason: str, text: str, **params: object) -> PrintError:
    return PrintError(reason, Message(CTX, text, params))


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
        raise _error(
            "save_failed",
            QT_TRANSLATE_NOOP(
                "Print", "Could not save the PDF to {path}: {problem}. Choose another folder and try again."
            ),
            path=str(target),
            problem=exc.strerror or str(exc),
        ) from None
    return target


# -- printers --------------------------------------------------------------------------------------------


def _c_env() -> dict[str, str]:
    # CUPS tools translate their output; parse it in the C locale.
    return {**os.environ, "LC_ALL": "C", "LANG": "C", "LANGUAGE": "C"}


def _no_spooler() -> PrintError:
    return _error(
        "no_spooler",
        QT_TRANSLATE_NOOP(
            "Print",
            "Printing is not set up on this terminal (the print "
            "service is not installed). Save the document as PDF instead, "
            "and ask IT to install the printer.",
        ),
    )


def _run(args: list[str], timeout: float, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(args, input=stdin, capture_output=True, timeout=timeout, env=_c_env(), check=False)
    except FileNotFoundError:
        raise _no_spooler() from None
    except subprocess.TimeoutExpired:
        raise _error(
            "timeout",
            QT_TRANSLATE_NOOP(
                "Print", "The print service did not answer within {seconds} seconds. Check the printer, then reprint."
            ),
            seconds=int(timeout),
        ) from None


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace").strip()


def _scheduler_down(output: str) -> bool:
    lowered = output.lower()
    return "scheduler is not running" in lowered or "unable to connect" in lowered


def _raise_scheduler_down() -> None:
    raise _error(
        "service_down",
        QT_TRANSLATE_NOOP(
            "Print", "The print service on this terminal is not running. Restart the terminal or ask IT, then reprint."
        ),
    )


def printers(timeout: float = 10.0) -> list[str]:
    """The names of the print queues this terminal knows (empty when none or no spooler)."""
    if sys.platform == "win32":
        return _windows_printers()
    if not shutil.which("lpstat"):
        return []
    result = _run(["lpstat", "-e"], timeout)
    if result.returncode != 0:
        return []
    return [line.strip() for line in _text(result.stdout).splitlines() if line.strip()]


def default_printer(timeout: float = 10.0) -> str | None:
    """The system's default print queue, or None when there is none."""
    if sys.platform == "win32":
        return _windows_default_printer()
    if not shutil.which("lpstat"):
        return None
    result = _run(["lpstat", "-d"], timeout)
    match = re.search(r"system default destination:\s*(\S+)", _text(result.stdout))
    return match.group(1) if match else None


# printer-state-reasons (RFC 8011) a person can fix at the printer, most urgent first.
_REASONS = (
    ("media-empty", "out_of_paper"),
    ("media-needed", "out_of_paper"),
    ("media-jam", "paper_jam"),
    ("cover-open", "cover_open"),
    ("door-open", "cover_open"),
    ("offline", "printer_offline"),
    ("shutdown", "printer_offline"),
)


def _state_error(printer: str, reason: str, detail: str) -> PrintError:
    if reason == "out_of_paper":
        return _error(
            reason,
            QT_TRANSLATE_NOOP("Print", "Printer “{printer}” is out of paper. Load a new roll, then reprint."),
            printer=printer,
        )
    if reason == "paper_jam":
        return _error(
            reason,
            QT_TRANSLATE_NOOP("Print", "Printer “{printer}” has a paper jam. Clear it, then reprint."),
            printer=printer,
        )
    if reason == "cover_open":
        return _error(
            reason,
            QT_TRANSLATE_NOOP("Print", "Printer “{printer}” has its cover open. Close it, then reprint."),
            printer=printer,
        )
    if reason == "printer_offline":
        return _error(
            reason,
            QT_TRANSLATE_NOOP("Print", "Printer “{printer}” is offline. Check its power and cable, then reprint."),
            printer=printer,
        )
    return _error(
        "printer_stopped",
        QT_TRANSLATE_NOOP(
            "Print",
            "Printer “{printer}” is stopped ({detail}). Check the printer, ask a manager to resume it, then reprint.",
        ),
        printer=printer,
        detail=detail or "?",
    )


def _check_queue(printer: str, timeout: float) -> None:
    """Refuse before spooling when the queue is missing, stopped or rejecting: the member is still here."""
    result = _run(["lpstat", "-l", "-p", printer], timeout)
    output = _text(result.stdout) + "\n" + _text(result.stderr)
    if _scheduler_down(output):
        _raise_scheduler_down()
    if result.returncode != 0 or f"printer {printer} " not in output:
        # lpstat reports an unknown queue the same way whether or not the scheduler runs: ask it.
        if _scheduler_down(_text(_run(["lpstat", "-r"], timeout).stdout)):
            _raise_scheduler_down()
        raise _error(
            "no_printer",
            QT_TRANSLATE_NOOP(
                "Print",
                "Printer “{printer}” is not set up on this terminal. "
                "Choose another printer in Settings, or save as PDF.",
            ),
            printer=printer,
        )
    alerts = " ".join(re.findall(r"Alerts:\s*(.*)", output)).lower()
    disabled = re.search(rf"printer {re.escape(printer)} disabled", output) is not None
    for needle, reason in _REASONS:
        if needle in alerts:
            raise _state_error(printer, reason, "")
    if disabled:
        # The reason a queue was stopped is on the line after "disabled since ...".
        lines = output.splitlines()
        detail = ""
        for i, line in enumerate(lines):
            if "disabled since" in line and i + 1 < len(lines):
                detail = lines[i + 1].strip()
                break
        lowered = detail.lower()
        # Drivers and managers word the reason freely ("Media empty", "Out of paper", "Paper jam").
        for needle, reason in (
            ("jam", "paper_jam"),
            ("paper", "out_of_paper"),
            ("media", "out_of_paper"),
            ("cover", "cover_open"),
            ("door", "cover_open"),
        ):
            if needle in lowered:
                raise _state_error(printer, reason, detail)
        raise _state_error(printer, "printer_stopped", detail)
    accepting = _run(["lpstat", "-a", printer], timeout)
    if "not accepting" in _text(accepting.stdout):
        raise _error(
            "not_accepting",
            QT_TRANSLATE_NOOP(
                "Print", "Printer “{printer}” is not accepting jobs. Ask a manager to enable it, then reprint."
            ),
            printer=printer,
        )


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

    Linux uses CUPS (``lp``); Windows hands the file to the default printer through the shell (or
    SumatraPDF when installed, which can also address a named printer). Raises :class:`PrintError`.
    """
    if not 1 <= copies <= 20:
        raise ValueError("copies must be 1 to 20")
    if sys.platform == "win32":
        return _print_windows(pdf, printer, title, copies, timeout)
    return _print_cups(pdf, printer, title, copies, options or {}, timeout)


def _print_cups(
    pdf: bytes, printer: str | None, title: str, copies: int, options: Mapping[str, str], timeout: float
) -> str:
    if not shutil.which("lp") or not shutil.which("lpstat"):
        raise _no_spooler()
    queue = printer or default_printer(timeout)
    if not queue:
        raise _error(
            "no_printer",
            QT_TRANSLATE_NOOP(
                "Print",
                "No printer is chosen and this terminal has no default "
                "printer. Choose a printer in Settings, or save as PDF.",
            ),
        )
    _check_queue(queue, timeout)
    return _lp(pdf, queue, title, copies, [f"{key}={value}" for key, value in options.items()], timeout)


def print_raw(data: bytes, queue: str, *, title: str = "MemberDesk", timeout: float = 30.0) -> str:
    """Spool printer-ready bytes (an ESC/POS job) to a raw CUPS queue, unfiltered; return the job id.

    The queue is checked first like :func:`print_pdf` (missing, stopped, rejecting): CUPS does not pass
    the printer's own status back through a raw queue, so this is all that can be known in advance.
    """
    if sys.platform == "win32":
        return _print_raw_windows(data, queue, title)
    if not shutil.which("lp") or not shutil.which("lpstat"):
        raise _no_spooler()
    _check_queue(queue, timeout)
    return _lp(data, queue, title, 1, ["raw"], timeout)


def _lp(data: bytes, queue: str, title: str, copies: int, options: list[str], timeout: float) -> str:
    args = ["lp", "-d", queue, "-t", title[:100], "-n", str(copies)]
    for option in options:
        args += ["-o", option]
    result = _run(args, timeout, stdin=data)
    out = _text(result.stdout) + "\n" + _text(result.stderr)
    if _scheduler_down(out):
        _raise_scheduler_down()
    match = re.search(r"request id is (\S+)", out)
    if result.returncode != 0 or not match:
        raise _error(
            "refused",
            QT_TRANSLATE_NOOP(
                "Print", "Printer “{printer}” refused the job: {detail}. Check the printer, then reprint."
            ),
            printer=queue,
            detail=_text(result.stderr) or _text(result.stdout) or "?",
        )
    return match.group(1)


def wait_for_job(job_id: str, timeout: float = 60.0, poll: float = 0.2) -> None:
    """Wait until a CUPS job has left the queue; raise :class:`PrintError` if its printer stops or time runs out.

    Call it from a worker thread after :func:`print_pdf` when the caller wants to know the paper came
    out (e.g. before telling the member their receipt is printed). On Windows the shell gives no job
    to follow, so this returns at once.
    """
    if sys.platform == "win32":
        return
    queue = job_id.rsplit("-", 1)[0]
    deadline = time.monotonic() + timeout
    while True:
        result = _run(["lpstat", "-W", "not-completed", "-o", queue], min(10.0, timeout))
        output = _text(result.stdout) + "\n" + _text(result.stderr)
        if _scheduler_down(output):
            _raise_scheduler_down()
        pending = {line.split()[0] for line in _text(result.stdout).splitlines() if line.strip()}
        if job_id not in pending:
            return
        _check_queue(queue, min(10.0, timeout))
        if time.monotonic() >= deadline:
            raise _error(
                "timeout",
                QT_TRANSLATE_NOOP(
                    "Print",
                    "Printer “{printer}” has not finished the job after "
                    "{seconds} seconds. Check the printer; reprint if nothing came "
                    "out.",
                ),
                printer=queue,
                seconds=int(timeout),
            )
        time.sleep(poll)


# -- Windows (not exercised by the Linux test suite) -------------------------------------------------------


def _windows_printers() -> list[str]:
    try:
        import win32print  # type: ignore[import-not-found]
    except ImportError:
        return []
    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    return [entry[2] for entry in win32print.EnumPrinters(flags)]


def _windows_default_printer() -> str | None:
    try:
        import win32print  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        return win32print.GetDefaultPrinter() or None
    except Exception:  # pywin32 raises its own error type when there is no default printer
        return None


def _sumatra() -> str | None:
    """SumatraPDF prints silently to a named printer; looked for next to the app, then on PATH."""
    here = Path(sys.executable).parent / "SumatraPDF.exe"
    if here.exists():
        return str(here)
    return shutil.which("SumatraPDF") or shutil.which("SumatraPDF.exe")


def _spool_dir() -> Path:
    directory = Path(tempfile.gettempdir()) / "memberdesk-print"
    directory.mkdir(parents=True, exist_ok=True)
    # The shell's PDF handler reads the file after we return, so files are kept and swept an hour later.
    cutoff = time.time() - 3600
    for old in directory.glob("*.pdf"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass
    return directory


def _print_raw_windows(data: bytes, queue: str, title: str) -> str:
    """Bytes to a Windows print queue unchanged (the spooler's RAW data type), as a receipt printer's
    "Generic / Text Only" or vendor queue takes ESC/POS."""
    try:
        import win32print  # type: ignore[import-not-found]
    except ImportError:
        raise _no_spooler() from None
    try:
        handle = win32print.OpenPrinter(queue)
    except Exception:  # pywin32 raises its own error type for an unknown queue
        raise _error(
            "no_printer",
            QT_TRANSLATE_NOOP(
                "Print",
                "Printer “{printer}” is not set up on this terminal. "
                "Choose another printer in Settings, or save as PDF.",
            ),
            printer=queue,
        ) from None
    try:
        job = win32print.StartDocPrinter(handle, 1, (title[:100], None, "RAW"))
        try:
            win32print.StartPagePrinter(handle)
            win32print.WritePrinter(handle, data)
            win32print.EndPagePrinter(handle)
        finally:
            win32print.EndDocPrinter(handle)
    except Exception as exc:  # the spooler refused: its text is the detail
        raise _error(
            "refused",
            QT_TRANSLATE_NOOP(
                "Print", "Printer “{printer}” refused the job: {detail}. Check the printer, then reprint."
            ),
            printer=queue,
            detail=str(exc) or "?",
        ) from None
    finally:
        win32print.ClosePrinter(handle)
    return f"win:{queue}-{job}"


def _print_windows(pdf: bytes, printer: str | None, title: str, copies: int, timeout: float) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", title)[:60] or "document"
    fd, name = tempfile.mkstemp(prefix=f"{safe}-", suffix=".pdf", dir=_spool_dir())
    with os.fdopen(fd, "wb") as handle:
        handle.write(pdf)
    sumatra = _sumatra()
    target = printer or _windows_default_printer()
    if sumatra:
        args = [sumatra, "-silent", "-exit-when-done", "-print-settings", f"{copies}x"]
        args += ["-print-to", target] if target else ["-print-to-default"]
        try:
            result = subprocess.run([*args, name], capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise _error(
                "timeout",
                QT_TRANSLATE_NOOP(
                    "Print",
                    "The print service did not answer within {seconds} seconds. Check the printer, then reprint.",
                ),
                seconds=int(timeout),
            ) from None
        if result.returncode != 0:
            raise _error(
                "refused",
                QT_TRANSLATE_NOOP(
                    "Print", "Printer “{printer}” refused the job: {detail}. Check the printer, then reprint."
                ),
                printer=target or "?",
                detail=_text(result.stderr) or f"exit {result.returncode}",
            )
        return f"win:{Path(name).name}"
    if printer and printer != _windows_default_printer():
        raise _error(
            "no_printer",
            QT_TRANSLATE_NOOP(
                "Print",
                "Printer “{printer}” is not set up on this terminal. "
                "Choose another printer in Settings, or save as PDF.",
            ),
            printer=printer,
        )
    if target is None and _windows_printers() == [] and _windows_default_printer() is None:
        # Without pywin32 we cannot tell; with it, an empty list means there truly is no printer.
        try:
            import win32print  # type: ignore[import-not-found]  # noqa: F401
        except ImportError:
            pass
        else:
            raise _error(
                "no_printer",
                QT_TRANSLATE_NOOP(
                    "Print",
                    "No printer is chosen and this terminal has no "
                    "default printer. Choose a printer in Settings, or save as "
                    "PDF.",
                ),
            )
    try:
        for _ in range(copies):
            os.startfile(name, "print")  # type: ignore[attr-defined]  # Windows only
    except OSError as exc:
        raise _error(
            "no_pdf_handler",
            QT_TRANSLATE_NOOP(
                "Print",
                "This computer has no program that prints PDF "
                "files ({detail}). Ask IT to install a PDF reader, or save "
                "as PDF.",
            ),
            detail=exc.strerror or str(exc),
        ) from None
    return f"win:{Path(name).name}"
