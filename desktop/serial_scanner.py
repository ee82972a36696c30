"""Desk scanners in USB-COM (CDC serial) mode: a whole code at once, whatever has the focus.

A reader thread opens the port with pyserial and reads codes ended by CR, LF or CR LF (or a short
pause, for scanners set to send no suffix). Each code reaches the GUI thread as a Qt signal and goes to
the same scan router as the wedge and the camera. When the scanner is unplugged the read fails; the
thread closes the port, says so, and tries to open it again with a growing pause (0.2 s up to 2 s), so
plugging it back in works without restarting the app. Settings: ``scanner_port`` (e.g. ``/dev/ttyACM0``,
``/dev/serial/by-id/...`` or ``COM3``) and ``scanner_baud`` (9600 by default; CDC devices ignore it).
"""

from __future__ import annotations

import contextlib
import threading
import time

import serial
from PySide6.QtCore import QObject, Signal

from sync.settings import SCANNER_BAUD, SCANNER_PORT

PORT_KEY = SCANNER_PORT.key  # declared with the other settings in sync/settings.py
BAUD_KEY = SCANNER_BAUD.key
BAUDS = (9600, 19200, 38400, 57600, 115200)
DEFAULT_BAUD = SCANNER_BAUD.default
END_PAUSE = 0.1  # seconds of silence that end a code sent without CR/LF
MAX_CODE = 4096  # a code longer than this is noise on the line, not a scan


def available_ports() -> list[str]:
    """Serial ports this computer has now (USB-COM scanners appear as ttyACM*/ttyUSB* or COMn)."""
    from serial.tools import list_ports

    return sorted(port.device for port in list_ports.comports())


class SerialScanner(QObject):
    """Reads codes from one serial port on a thread; ``code_scanned`` and ``state_changed`` arrive on
    the GUI thread (queued signals: the thread never touches a widget)."""

    code_scanned = Signal(str)
    state_changed = Signal(bool, str)  # connected, port

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.port = ""
        self.baud = DEFAULT_BAUD
        self.connected = False
        self.opens = 0  # how many times the port was opened (tests watch reconnects)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def configure(self, port: str, baud: int | str = DEFAULT_BAUD) -> None:
        """Use ``port`` from now on ("" stops reading). Safe to call again with new settings."""
        self.stop()
        self.port = port.strip()
        try:
            self.baud = int(baud)
        except (TypeError, ValueError):
            self.baud = DEFAULT_BAUD
        if not self.port:
            return
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(self._stop,), name="serial-scanner", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join(3)
            self._thread = None
        self._set_connected(False)

    def _set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.state_changed.emit(connected, self.port)

    def _run(self, stop: threading.Event) -> None:
        backoff = 0.2
        while not stop.is_set():
            try:
                port = serial.Serial(self.port, self.baud, timeout=END_PAUSE)
            except (serial.SerialException, OSError, ValueError):
                stop.wait(backoff)
                backoff = min(backoff * 2, 2.0)
                continue
            backoff = 0.2
            self.opens += 1
            self._set_connected(True)
            try:
                self._read(port, stop)
            except (serial.SerialException, OSError):
                pass  # unplugged: close, say so, and open again when it is back
            finally:
                with contextlib.suppress(serial.SerialException, OSError):
                    port.close()
                self._set_connected(False)

    def _read(self, port: serial.Serial, stop: threading.Event) -> None:
        pending = bytearray()
        last = time.monotonic()
        while not stop.is_set():
            chunk = port.read(port.in_waiting or 1)
            now = time.monotonic()
            if chunk:
                pending += chunk
                last = now
                while True:
                    cut = min((i for i in (pending.find(b"\r"), pending.find(b"\n")) if i >= 0), default=-1)
                    if cut < 0:
                        break
                    self._emit(bytes(pending[:cut]))
                    del pending[: cut + 1]
                if len(pending) > MAX_CODE:
                    pending.clear()
            elif pending and now - last >= END_PAUSE:
                self._emit(bytes(pending))  # a scanner set to send no suffix
                pending.clear()

    def _emit(self, raw: bytes) -> None:
        # Scanners send ASCII; a stray byte outside it is line noise, not part of a code.
        code = raw.decode("ascii", errors="ignore").strip().strip("\x00")
        if code:
            self.code_scanned.emit(code)


def attach(win) -> SerialScanner:
    """The main window's serial scanner, reading the port in the settings and routing codes as scans."""
    scanner = SerialScanner(win)
    scanner.code_scanned.connect(lambda code: win.route_scan(code, "serial"))
    scanner.configure(win.settings.value(SCANNER_PORT), win.settings.value(SCANNER_BAUD))
    return scanner
