"""Sending an ESC/POS job to the printer and reading its status back (``DLE EOT``).

Three ways to reach a receipt printer:

- ``usb``: the device file of the kernel's usblp driver (``/dev/usb/lp0``), opened read-write, so a
  bidirectional printer answers status queries;
- ``tcp``: the printer's raw port (9100), which also answers status queries;
- ``cups``: a raw CUPS queue (``lp -o raw``); CUPS hides the printer, so there is no status, only what
  the queue reports (stopped, missing).

Before a job the printer is asked whether it is online, its cover closed and paper loaded; after the
job, whether the paper ran out meanwhile. A printer that does not answer within ``status_timeout`` is
taken as "status unknown" (some clones never answer) and printed to anyway. Every problem a person can
fix raises :class:`printing.spool.PrintError` with a translated message that ends in "then reprint".
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import socket
import time
from dataclasses import dataclass

from membership.i18n import QT_TRANSLATE_NOOP

from ..print_errors import PrintError, error, state_error
from ..spool import print_raw
from .profiles import PrinterConfig

DLE_EOT = b"\x10\x04"
STATUS_PRINTER, STATUS_OFFLINE_CAUSE, STATUS_PAPER = 1, 2, 4


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said; ``known`` is False when it did not answer."""

    known: bool
    online: bool = True
    cover_open: bool = False
    paper_out: bool = False
    paper_low: bool = False

    @property
    def problem(self) -> str | None:
        """The ``PrintError.reason`` this status stops a job for, or None."""
        if not self.known:
            return None
        if self.paper_out:
            return "out_of_paper"
        if self.cover_open:
            return "cover_open"
        if not self.online:
            return "printer_offline"
        return None


def decode_status(printer: int | None, cause: int | None, paper: int | None) -> PrinterStatus:
    """The three ``DLE EOT`` answers (n = 1, 2, 4) as a :class:`PrinterStatus` (None: no answer)."""
    if printer is None and cause is None and paper is None:
        return PrinterStatus(known=False)
    return PrinterStatus(
        known=True,
        online=not (printer or 0) & 0x08,
        cover_open=bool((cause or 0) & 0x04),
        paper_out=bool((paper or 0) & 0x60) or bool((cause or 0) & 0x20),
        paper_low=bool((paper or 0) & 0x0C),
    )


class _Channel:
    """A byte pipe to the printer: write the job, and read one status byte with a deadline."""

    def write(self, data: bytes) -> None: ...
    def read_byte(self, timeout: float) -> int | None: ...
    def close(self) -> None: ...


class _Tcp(_Channel):
    def __init__(self, config: PrinterConfig, timeout: float):
        host, port = config.tcp_endpoint()
        self.label = config.label
        try:
            self.sock = socket.create_connection((host, port), timeout=timeout)
        except OSError:
            raise error(
                "printer_unreachable",
                QT_TRANSLATE_NOOP(
                    "Print",
                    "Printer “{printer}” does not answer. Check that it is switched on and its network cable "
                    "is plugged in, then reprint.",
                ),
                printer=config.label,
            ) from None
        self.timeout = timeout

    def write(self, data: bytes) -> None:
        self.sock.settimeout(self.timeout)
        self.sock.sendall(data)

    def read_byte(self, timeout: float) -> int | None:
        self.sock.settimeout(timeout)
        try:
            got = self.sock.recv(1)
        except TimeoutError:
            return None
        if not got:
            raise ConnectionResetError("closed by the printer")
        return got[0]

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()


class _Device(_Channel):
    """The usblp device file (or any character device that speaks ESC/POS both ways)."""

    def __init__(self, config: PrinterConfig, timeout: float):
        self.timeout = timeout
        try:
            self.fd = os.open(config.address, os.O_RDWR | os.O_NOCTTY)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM):
                raise error(
                    "device_denied",
                    QT_TRANSLATE_NOOP(
                        "Print",
                        "This terminal may not use the printer at {device}. Ask IT to add the desk's user to "
                        "the “lp” group, then reprint.",
                    ),
                    device=config.address,
                ) from None
            raise error(
                "device_missing",
                QT_TRANSLATE_NOOP(
                    "Print",
                    "No printer is connected at {device}. Check the USB cable and that the printer is on, "
                    "then reprint.",
                ),
                device=config.address,
            ) from None

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        deadline = time.monotonic() + self.timeout
        while view:
            _, ready, _ = select.select([], [self.fd], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("printer does not take data")
            view = view[os.write(self.fd, view) :]

    def read_byte(self, timeout: float) -> int | None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        got = os.read(self.fd, 1)
        return got[0] if got else None

    def close(self) -> None:
        os.close(self.fd)


def _open(config: PrinterConfig, timeout: float) -> _Channel:
    return _Tcp(config, timeout) if config.transport == "tcp" else _Device(config, timeout)


def _query(channel: _Channel, status_timeout: float) -> PrinterStatus:
    answers: list[int | None] = []
    for n in (STATUS_PRINTER, STATUS_OFFLINE_CAUSE, STATUS_PAPER):
        channel.write(DLE_EOT + bytes((n,)))
        answer = channel.read_byte(status_timeout)
        if answer is None and n == STATUS_PRINTER:
            return PrinterStatus(known=False)  # a printer that does not answer the first will not answer any
        answers.append(answer)
    return decode_status(*answers)


def _lost(config: PrinterConfig) -> PrintError:
    return error(
        "connection_lost",
        QT_TRANSLATE_NOOP(
            "Print",
            "The connection to printer “{printer}” was lost while printing. Check the printer and its cable, "
            "then reprint.",
        ),
        printer=config.label,
    )


def printer_status(config: PrinterConfig, *, timeout: float = 5.0, status_timeout: float = 1.0) -> PrinterStatus:
    """Ask the printer how it is (``known=False`` through CUPS or when it does not answer)."""
    if config.transport == "cups":
        return PrinterStatus(known=False)
    channel = _open(config, timeout)
    try:
        return _query(channel, status_timeout)
    except OSError:
        raise _lost(config) from None
    finally:
        channel.close()


def send_job(
    job: bytes, config: PrinterConfig, *, title: str = "MemberDesk", timeout: float = 10.0, status_timeout: float = 1.0
) -> PrinterStatus:
    """Send one ESC/POS job; raise :class:`PrintError` when the printer cannot print or stops meanwhile.

    Returns the status read after the job (``known=False`` when the printer did not answer).
    """
    if config.transport == "cups":
        print_raw(job, config.address, title=title, timeout=timeout)
        return PrinterStatus(known=False)
    channel = _open(config, timeout)
    try:
        before = _query(channel, status_timeout)
        if before.problem:
            raise state_error(config.label, before.problem, "")
        channel.write(job)
        after = _query(channel, status_timeout) if before.known else before
        if after.problem:
            # The job reached the printer but could not (all) come out: the same message, reprint.
            raise state_error(config.label, after.problem, "")
        return after
    except OSError:
        raise _lost(config) from None
    finally:
        with contextlib.suppress(OSError):
            channel.close()
