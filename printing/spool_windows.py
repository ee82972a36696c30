"""Printing on Windows: the shell (or SumatraPDF when installed) for PDF, the spooler's RAW type for ESC/POS.

Not exercised by the Linux test suite. pywin32 is optional: without it the default printer is used.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from membership.i18n import QT_TRANSLATE_NOOP

from .print_errors import error, no_answer, no_default_printer, no_spooler, no_such_printer, refused


def printers() -> list[str]:
    try:
        import win32print  # type: ignore[import-not-found]
    except ImportError:
        return []
    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    return [entry[2] for entry in win32print.EnumPrinters(flags)]


def default_printer() -> str | None:
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


def print_raw(data: bytes, queue: str, title: str) -> str:
    """Bytes to a Windows print queue unchanged (the spooler's RAW data type), as a receipt printer's
    "Generic / Text Only" or vendor queue takes ESC/POS."""
    try:
        import win32print  # type: ignore[import-not-found]
    except ImportError:
        raise no_spooler() from None
    try:
        handle = win32print.OpenPrinter(queue)
    except Exception:  # pywin32 raises its own error type for an unknown queue
        raise no_such_printer(queue) from None
    try:
        job = win32print.StartDocPrinter(handle, 1, (title[:100], None, "RAW"))
        try:
            win32print.StartPagePrinter(handle)
            win32print.WritePrinter(handle, data)
            win32print.EndPagePrinter(handle)
        finally:
            win32print.EndDocPrinter(handle)
    except Exception as exc:  # the spooler refused: its text is the detail
        raise refused(queue, str(exc)) from None
    finally:
        win32print.ClosePrinter(handle)
    return f"win:{queue}-{job}"


def print_pdf(pdf: bytes, printer: str | None, title: str, copies: int, timeout: float) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", title)[:60] or "document"
    fd, name = tempfile.mkstemp(prefix=f"{safe}-", suffix=".pdf", dir=_spool_dir())
    with os.fdopen(fd, "wb") as handle:
        handle.write(pdf)
    sumatra = _sumatra()
    target = printer or default_printer()
    if sumatra:
        args = [sumatra, "-silent", "-exit-when-done", "-print-settings", f"{copies}x"]
        args += ["-print-to", target] if target else ["-print-to-default"]
        try:
            result = subprocess.run([*args, name], capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise no_answer(timeout) from None
        if result.returncode != 0:
            detail = result.stderr.decode("utf-8", "replace").strip()
            raise refused(target or "?", detail or f"exit {result.returncode}")
        return f"win:{Path(name).name}"
    if printer and printer != default_printer():
        raise no_such_printer(printer)
    if target is None and printers() == [] and default_printer() is None:
        # Without pywin32 we cannot tell; with it, an empty list means there truly is no printer.
        try:
            import win32print  # type: ignore[import-not-found]  # noqa: F401
        except ImportError:
            pass
        else:
            raise no_default_printer()
    try:
        for _ in range(copies):
            os.startfile(name, "print")  # type: ignore[attr-defined]  # Windows only
    except OSError as exc:
        raise error(
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
