"""A virtual ESC/POS receipt printer for the tests, and an independent decoder of what it received.

``VirtualPrinter`` listens on 127.0.0.1 (the printer's port 9100) or on a pseudo-terminal (standing in
for the usblp device file ``/dev/usb/lp0``), keeps every job it receives, answers the real-time status
queries (``DLE EOT n``) from its switches (paper out, cover open, offline), and can drop the connection
part-way through a job.

``parse`` is written from the ESC/POS command reference, not from ``printing.escpos``: it decodes a job
into lines of text in the printer's own encoding (with their size, emphasis, alignment, reverse) and
commands (QR code, raster image, cut, feed, status query), and refuses any byte it does not understand.
``render`` draws the decoded job the way a 203-dpi head would (fixed-pitch cells, CJK double width,
the printer's QR code from its parameters), so the QR codes can be decoded again with zxing-cpp.
"""

from __future__ import annotations

import contextlib
import os
import select
import socket
import struct
import threading
import time
import tty
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10


# -- decoded job --------------------------------------------------------------------------------------


@dataclass
class Line:
    text: str
    align: str = "left"
    bold: bool = False
    width: int = 1
    height: int = 1
    invert: bool = False


@dataclass
class Qr:
    data: str
    module: int
    ec: str
    align: str


@dataclass
class Raster:
    image: Image.Image  # mode "1", black = 0


@dataclass
class Cut:
    partial: bool


@dataclass
class Feed:
    lines: int


@dataclass
class StatusQuery:
    n: int


@dataclass
class Job:
    items: list[object] = field(default_factory=list)
    chinese_mode: bool = False
    utf8_mode: bool = False
    initialised: bool = False

    @property
    def lines(self) -> list[Line]:
        return [item for item in self.items if isinstance(item, Line)]

    @property
    def texts(self) -> list[str]:
        return [line.text for line in self.lines]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    def of(self, kind: type) -> list:
        return [item for item in self.items if isinstance(item, kind)]


class Incomplete(Exception):
    """The buffer ends inside a command: wait for more bytes."""


class ParseError(ValueError):
    pass


class Parser:
    """Decodes an ESC/POS byte stream incrementally (``feed``), so the virtual printer can answer status
    queries in real time without mistaking raster data for commands."""

    def __init__(self, encoding: str):
        self.encoding = encoding
        self.job = Job()
        self.buffer = b""
        self.text = bytearray()
        self.align, self.bold, self.width, self.height, self.invert = "left", False, 1, 1, False
        self.qr_module, self.qr_ec, self.qr_data = 3, "L", b""

    def feed(self, data: bytes) -> list[object]:
        """Consume ``data``; return the items completed (status queries included)."""
        self.buffer += data
        start = len(self.job.items)
        pos = 0
        while pos < len(self.buffer):
            try:
                pos = self._step(self.buffer, pos)
            except Incomplete:
                break
        self.buffer = self.buffer[pos:]
        return self.job.items[start:]

    def close(self) -> Job:
        if self.buffer:
            raise ParseError(f"job ends inside a command: {self.buffer[:16]!r}")
        if self.text:
            self._line()
        return self.job

    # -- helpers

    def _decode(self, raw: bytes) -> str:
        if self.job.chinese_mode or self.job.utf8_mode:
            return raw.decode(self.encoding, errors="replace")
        return raw.decode("cp437", errors="replace")  # a printer left in code-page mode

    def _line(self) -> None:
        self.job.items.append(
            Line(self._decode(bytes(self.text)), self.align, self.bold, self.width, self.height, self.invert)
        )
        self.text.clear()

    @staticmethod
    def _need(buf: bytes, end: int) -> None:
        if end > len(buf):
            raise Incomplete

    def _step(self, b: bytes, i: int) -> int:
        c = b[i]
        if c == 0x0A:
            self._line()
            return i + 1
        if c == 0x0D:
            return i + 1
        if c == DLE:
            self._need(b, i + 3)
            if b[i + 1] != 0x04 or b[i + 2] not in (1, 2, 3, 4):
                raise ParseError(f"unknown DLE command at {i}: {b[i : i + 3]!r}")
            self.job.items.append(StatusQuery(b[i + 2]))
            return i + 3
        if c == ESC:
            return self._esc(b, i)
        if c == GS:
            return self._gs(b, i)
        if c == FS:
            return self._fs(b, i)
        if c < 0x20:
            raise ParseError(f"unexpected control byte 0x{c:02x} at {i}")
        self.text.append(c)
        return i + 1

    def _esc(self, b: bytes, i: int) -> int:
        self._need(b, i + 2)
        op = b[i + 1]
        if op == ord("@"):
            self.job.initialised = True
            self.align, self.bold, self.width, self.height, self.invert = "left", False, 1, 1, False
            return i + 2
        if op in (ord("2"),):
            return i + 2
        self._need(b, i + 3)
        n = b[i + 2]
        if op == ord("a"):
            self.align = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}[n]
        elif op == ord("E"):
            self.bold = bool(n & 1)
        elif op == ord("!"):
            # ANK characters only; size through GS ! covers Chinese too.
            self.bold = bool(n & 0x08)
            self.height = 2 if n & 0x10 else 1
            self.width = 2 if n & 0x20 else 1
        elif op == ord("d"):
            if self.text:
                self._line()
            self.job.items.append(Feed(n))
        elif op in (ord("-"), ord("M"), ord("{"), ord("3"), ord("t"), ord("J"), ord("V"), ord("R"), ord(" ")):
            pass  # underline, font, upside-down, line spacing, code page, feed dots, rotate, charset, spacing
        else:
            raise ParseError(f"unknown ESC command 0x{op:02x} at {i}")
        return i + 3

    def _gs(self, b: bytes, i: int) -> int:
        self._need(b, i + 2)
        op = b[i + 1]
        if op == ord("!"):
            self._need(b, i + 3)
            n = b[i + 2]
            self.width, self.height = (n >> 4) + 1, (n & 0x0F) + 1
            return i + 3
        if op == ord("B"):
            self._need(b, i + 3)
            self.invert = bool(b[i + 2] & 1)
            return i + 3
        if op == ord("b"):
            self._need(b, i + 3)
            return i + 3
        if op == ord("V"):
            self._need(b, i + 3)
            m = b[i + 2]
            if m in (65, 66):
                self._need(b, i + 4)
                self.job.items.append(Cut(partial=m == 66))
                return i + 4
            self.job.items.append(Cut(partial=m in (1, 49)))
            return i + 3
        if op == ord("v"):
            self._need(b, i + 8)
            if b[i + 2] != ord("0"):
                raise ParseError(f"unknown GS v command at {i}")
            x_bytes, height = struct.unpack_from("<HH", b, i + 4)
            end = i + 8 + x_bytes * height
            self._need(b, end)
            bits = bytes(255 - v for v in b[i + 8 : end])  # ESC/POS: 1 = dot printed; PIL "1": 0 = black
            self.job.items.append(Raster(Image.frombytes("1", (x_bytes * 8, height), bits)))
            return end
        if op == ord("("):
            self._need(b, i + 5)
            fn_class = b[i + 2]
            length = struct.unpack_from("<H", b, i + 3)[0]
            end = i + 5 + length
            self._need(b, end)
            body = b[i + 5 : end]
            if fn_class == ord("k"):
                self._qr(body, i)
            elif fn_class != ord("L"):
                raise ParseError(f"unknown GS ( command at {i}")
            return end
        raise ParseError(f"unknown GS command 0x{op:02x} at {i}")

    def _qr(self, body: bytes, at: int) -> None:
        if body[0] != ord("1"):
            raise ParseError(f"2D code other than QR at {at}")
        fn = body[1]
        if fn == 65:  # model
            return
        if fn == 67:
            self.qr_module = body[2]
        elif fn == 69:
            self.qr_ec = {48: "L", 49: "M", 50: "Q", 51: "H"}[body[2]]
        elif fn == 80:
            self.qr_data = body[3:]
        elif fn == 81:
            if self.text:
                self._line()
            self.job.items.append(Qr(self.qr_data.decode("utf-8"), self.qr_module, self.qr_ec, self.align))
        else:
            raise ParseError(f"unknown QR function {fn} at {at}")

    def _fs(self, b: bytes, i: int) -> int:
        self._need(b, i + 2)
        op = b[i + 1]
        if op == ord("&"):
            self.job.chinese_mode = True
            return i + 2
        if op == ord("."):
            self.job.chinese_mode = False
            return i + 2
        if op == ord("("):
            self._need(b, i + 5)
            length = struct.unpack_from("<H", b, i + 3)[0]
            end = i + 5 + length
            self._need(b, end)
            if b[i + 2] == ord("C") and b[i + 5] == 48:
                self.job.utf8_mode = b[i + 6] == 2
            return end
        if op == ord("!"):
            self._need(b, i + 3)
            return i + 3
        raise ParseError(f"unknown FS command 0x{op:02x} at {i}")


def parse(data: bytes, encoding: str) -> Job:
    parser = Parser(encoding)
    parser.feed(data)
    return parser.close()


# -- rendering -----------------------------------------------------------------------------------------

_fonts: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    key = (name, size)
    if key not in _fonts:
        path = FONTS / name if (FONTS / name).exists() else Path("/usr/share/fonts/truetype/dejavu") / name
        _fonts[key] = ImageFont.truetype(str(path), size)
    return _fonts[key]


def render(job: Job, dots: int) -> Image.Image:
    """The job as a 203-dpi print: 12 × 24-dot cells for ASCII, 24 × 24 for everything else."""
    pieces: list[Image.Image] = []
    for item in job.items:
        if isinstance(item, Line):
            pieces.append(_render_line(item, dots))
        elif isinstance(item, Qr):
            matrix = segno.make(item.data, error=item.ec.lower(), micro=False, boost_error=False)
            modules = len(matrix.matrix)
            side = (modules + 8) * item.module
            qr_img = Image.new("1", (dots, side), 1)
            code = Image.new("1", (side, side), 1)
            for r, row in enumerate(matrix.matrix):
                for col, dark in enumerate(row):
                    if dark & 1:
                        x0, y0 = (col + 4) * item.module, (r + 4) * item.module
                        code.paste(0, (x0, y0, x0 + item.module, y0 + item.module))
            x = {"left": 0, "center": (dots - side) // 2, "right": dots - side}[item.align]
            qr_img.paste(code, (x, 0))
            pieces.append(qr_img)
        elif isinstance(item, Raster):
            pieces.append(item.image.crop((0, 0, dots, item.image.height)))
        elif isinstance(item, Feed):
            pieces.append(Image.new("1", (dots, 24 * item.lines), 1))
        elif isinstance(item, Cut):
            strip = Image.new("1", (dots, 9), 1)
            ImageDraw.Draw(strip).line((0, 4, dots, 4), fill=0)
            pieces.append(strip)
    height = sum(p.height for p in pieces) or 1
    out = Image.new("L", (dots + 32, height + 32), 255)
    y = 16
    for piece in pieces:
        out.paste(piece.convert("L"), (16, y))
        y += piece.height
    return out


def _render_line(line: Line, dots: int) -> Image.Image:
    cell_h = 24 * line.height + 6
    img = Image.new("L", (dots, cell_h), 255)
    draw = ImageDraw.Draw(img)
    cells = []
    for char in line.text:
        wide = ord(char) >= 0x80
        cells.append((char, (24 if wide else 12) * line.width, wide))
    total = sum(w for _, w, _ in cells)
    x = {"left": 0, "center": max(0, (dots - total) // 2), "right": max(0, dots - total)}[line.align]
    if line.invert:
        draw.rectangle((x, 0, x + total - 1, cell_h - 1), fill=0)
    ink = 255 if line.invert else 0
    for char, w, wide in cells:
        # Drawn in the normal cell, then scaled: that is what GS ! does to the printer's bitmap font.
        cjk = unicodedata.east_asian_width(char) in ("W", "F")
        font = _font("DroidSansFallbackFull.ttf" if cjk else "DejaVuSansMono.ttf", 22 if cjk else 20)
        glyph = Image.new("L", (24 if wide else 12, 30), 0)
        ImageDraw.Draw(glyph).text((0 if cjk or not wide else 6, 2), char, font=font, fill=255)
        glyph = glyph.resize((w, cell_h))
        img.paste(ink, (x, 0), glyph)
        if line.bold:
            img.paste(ink, (x + 1, 0), glyph)
        x += w
        if x >= dots:
            break
    return img.convert("1")


def decode_qr_codes(image: Image.Image) -> list[str]:
    import zxingcpp

    return [result.text for result in zxingcpp.read_barcodes(image.convert("L"))]


# -- the printer ----------------------------------------------------------------------------------------


class VirtualPrinter:
    """A receipt printer on 127.0.0.1 (``start_tcp``) or a pseudo-terminal (``start_pty``).

    Switches: ``paper_out``, ``cover_open``, ``offline`` (answered to ``DLE EOT``); ``answer_status``
    False makes it one of the clones that never answer; ``drop_after`` closes the connection once
    that many job bytes arrived (and clears itself: the next connection prints); ``paper_out_during``
    runs out of paper while the job arrives. ``jobs`` holds each connection's bytes (status
    queries included: ``parse`` tells them apart).
    """

    def __init__(self, encoding: str = "gb18030"):
        self.encoding = encoding
        self.paper_out = self.cover_open = self.offline = False
        self.answer_status = True
        self.drop_after: int | None = None
        self.paper_out_during = False
        self.jobs: list[bytes] = []
        self.queries = 0
        self.connections = 0
        self._lock = threading.Condition()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._server: socket.socket | None = None
        self._pty: tuple[int, int] | None = None
        self.port = 0
        self.device = ""

    # -- status bytes: fixed bits 1 and 4 set, as the reference says

    def _status(self, n: int) -> bytes:
        if n == 1:
            return bytes((0x12 | (0x08 if self.offline or self.cover_open or self.paper_out else 0),))
        if n == 2:
            return bytes((0x12 | (0x04 if self.cover_open else 0) | (0x20 if self.paper_out else 0),))
        if n == 4:
            return bytes((0x12 | (0x6C if self.paper_out else 0),))
        return b"\x12"

    def _session(self, read: Callable[[], bytes], write: Callable[[bytes], None], drop: Callable[[], None]) -> None:
        """One connection: collect the job, answer status queries, drop when told to."""
        parser = Parser(self.encoding)
        job = bytearray()
        with self._lock:
            self.connections += 1
        while not self._stop.is_set():
            chunk = read()
            if chunk is None:
                continue
            if not chunk:
                break
            for item in parser.feed(chunk):
                if isinstance(item, StatusQuery):
                    with self._lock:
                        self.queries += 1
                    if self.answer_status:
                        write(self._status(item.n))
            job += chunk
            if self.paper_out_during and len(job) > 64:
                self.paper_out = True
            if self.drop_after is not None and len(job) >= self.drop_after:
                keep, self.drop_after = self.drop_after, None
                drop()  # switched off mid-job: what came after this point never printed
                with self._lock:
                    self.jobs.append(bytes(job[:keep]))
                    self._lock.notify_all()
                return
        with self._lock:
            self.jobs.append(bytes(job))
            self._lock.notify_all()

    # -- TCP

    def start_tcp(self) -> VirtualPrinter:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", 0))
        server.listen(4)
        server.settimeout(0.1)
        self._server = server
        self.port = server.getsockname()[1]
        self._spawn(self._accept)
        return self

    def _accept(self) -> None:
        assert self._server is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(0.1)
            self._spawn(lambda c=conn: self._tcp_session(c))

    def _tcp_session(self, conn: socket.socket) -> None:
        def read() -> bytes | None:
            try:
                return conn.recv(65536)
            except TimeoutError:
                return None
            except OSError:
                return b""

        def drop() -> None:
            # An abortive close (RST), as when a printer is switched off mid-job.
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()

        try:
            self._session(read, conn.sendall, drop)
        finally:
            with contextlib.suppress(OSError):
                conn.close()

    # -- pseudo-terminal standing in for /dev/usb/lp0

    def start_pty(self) -> VirtualPrinter:
        master, slave = os.openpty()
        tty.setraw(slave)  # bytes through untouched, no echo: like the usblp character device
        self._pty = (master, slave)
        self.device = os.ttyname(slave)
        self._spawn(self._pty_loop)
        return self

    def _pty_loop(self) -> None:
        assert self._pty is not None
        master = self._pty[0]
        while not self._stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.1)
            if not ready:
                continue
            last = [time.monotonic()]

            def read(last: list[float] = last) -> bytes | None:
                ready, _, _ = select.select([master], [], [], 0.1)
                if not ready:
                    # A device file has no "end of job": half a second of silence ends it.
                    return b"" if time.monotonic() - last[0] > 0.5 else None
                try:
                    data = os.read(master, 65536)
                except OSError:
                    return b""
                last[0] = time.monotonic()
                return data

            self._session(read, lambda data: os.write(master, data), lambda: None)

    # -- common

    def _spawn(self, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        self._threads.append(thread)

    def wait_for_jobs(self, count: int, timeout: float = 10.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self.jobs) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"the virtual printer got {len(self.jobs)} jobs, not {count}")
                self._lock.wait(left)
            return list(self.jobs)

    def last_job(self, timeout: float = 10.0) -> Job:
        return parse(self.wait_for_jobs(1, timeout)[-1], self.encoding)

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.close()
        for thread in self._threads:
            thread.join(2)
        if self._pty is not None:
            for fd in self._pty:
                with contextlib.suppress(OSError):
                    os.close(fd)

    def __enter__(self) -> VirtualPrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
