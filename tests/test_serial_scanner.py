"""Serial (USB-COM) scanners through a pseudo-terminal pair standing in for the scanner's CDC port.

The app opens a stable name (a symlink, as udev's ``/dev/serial/by-id/...``) that points at the pty's
slave; the test writes codes into the master as the scanner would. Unplugging closes the master (reads
fail with EIO, as when the USB device disappears); plugging in makes a new pty and re-points the link.
"""

from __future__ import annotations

import contextlib
import os
import tty
from pathlib import Path

import pytest

from desktop.serial_scanner import SerialScanner


class FakeScannerPort:
    """A pty pair behind a stable device name; ``unplug``/``plug`` as with a real USB scanner."""

    def __init__(self, directory: Path):
        self.link = directory / "ttyScanner"
        self.master = -1
        self.slave = -1
        self.plug()

    def plug(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)  # bytes as sent: no CR→LF, no echo, as a CDC ACM port in raw mode
        target = os.ttyname(self.slave)
        tmp = self.link.with_suffix(".new")
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(target)
        os.replace(tmp, self.link)
        os.close(self.slave)  # only the app holds the slave open, as with a real device

    def unplug(self) -> None:
        os.close(self.master)
        self.link.unlink(missing_ok=True)

    def scan(self, code: str, suffix: str = "\r") -> None:
        os.write(self.master, (code + suffix).encode("ascii"))

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.master)
        self.link.unlink(missing_ok=True)


@pytest.fixture
def port(tmp_path):
    fake = FakeScannerPort(tmp_path)
    yield fake
    fake.close()


@pytest.fixture
def scanner(qtbot):
    reader = SerialScanner()
    codes: list[str] = []
    reader.code_scanned.connect(codes.append)
    reader.codes = codes  # type: ignore[attr-defined]
    yield reader
    reader.stop()


TOKEN = "MAEAAILBPGAFWTM4U4BEFOEZKXYUUR5UHTNUVHVY34H7MHWJMSTKIBW2E2ONDPDTKSBVKYU3SOQ4RKLKPLIQKQXGCZJDR24RNMDFFO4S7O2CIRDXTEMDQ"


def test_codes_arrive_whole_with_each_usual_suffix(qtbot, port, scanner):
    scanner.configure(str(port.link), 115200)
    qtbot.waitUntil(lambda: scanner.connected, timeout=5000)
    port.scan(TOKEN, "\r")
    port.scan("CPN-BDAY-0070000AF7", "\r\n")
    port.scan("007-000123", "\n")
    port.scan("0070001235", "")  # no suffix: the pause ends it
    qtbot.waitUntil(lambda: len(scanner.codes) == 4, timeout=5000)
    assert scanner.codes == [TOKEN, "CPN-BDAY-0070000AF7", "007-000123", "0070001235"]


def test_unplug_and_replug_recovers_without_a_restart(qtbot, port, scanner):
    states: list[bool] = []
    scanner.state_changed.connect(lambda connected, _: states.append(connected))
    scanner.configure(str(port.link))
    qtbot.waitUntil(lambda: scanner.connected, timeout=5000)
    port.scan("0070001235")
    qtbot.waitUntil(lambda: scanner.codes == ["0070001235"], timeout=5000)

    port.unplug()
    qtbot.waitUntil(lambda: not scanner.connected, timeout=5000)
    port.plug()
    qtbot.waitUntil(lambda: scanner.connected and scanner.opens == 2, timeout=10000)
    port.scan(TOKEN)
    qtbot.waitUntil(lambda: len(scanner.codes) == 2, timeout=5000)
    assert scanner.codes[1] == TOKEN
    assert states[:3] == [True, False, True]


def test_a_port_that_is_not_there_yet_is_opened_when_it_appears(qtbot, tmp_path, scanner):
    link = tmp_path / "ttyScanner"
    scanner.configure(str(link))
    qtbot.wait(300)
    assert not scanner.connected
    fake = FakeScannerPort(tmp_path)
    try:
        qtbot.waitUntil(lambda: scanner.connected, timeout=10000)
        fake.scan("007-000123")
        qtbot.waitUntil(lambda: scanner.codes == ["007-000123"], timeout=5000)
    finally:
        fake.close()


def test_line_noise_is_not_a_code(qtbot, port, scanner):
    scanner.configure(str(port.link))
    qtbot.waitUntil(lambda: scanner.connected, timeout=5000)
    os.write(port.master, b"\r\n\x00\xff\r0070001235\r")
    qtbot.waitUntil(lambda: scanner.codes == ["0070001235"], timeout=5000)


def test_stop_and_reconfigure(qtbot, port, scanner):
    scanner.configure(str(port.link))
    qtbot.waitUntil(lambda: scanner.connected, timeout=5000)
    scanner.configure("")
    assert not scanner.connected
    port.scan("0070001235")
    qtbot.wait(300)
    assert scanner.codes == []
