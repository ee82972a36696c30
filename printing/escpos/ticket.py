"""A slip laid out in printer columns and turned into ESC/POS bytes with python-escpos.

python-escpos builds the commands (text size, emphasis, alignment, reverse, QR code, raster image,
cut); the text itself is encoded here, because the library's code-page machinery has no Chinese
encodings: the printer is put in Chinese mode (``FS &``, or ``FS ( C`` for UTF-8) and text goes out
as GB18030, GBK or UTF-8 bytes. Widths are counted in columns: 48 (80 mm) or 32 (58 mm), a CJK
character takes two.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from escpos.capabilities import Profile
from escpos.printer import Dummy
from PIL import Image

from ..qr import QUIET_ZONE, qr_runs
from ..slip_content import Line
from ..text import columns, wrap_columns
from .profiles import PrinterConfig

ESC, GS, FS = b"\x1b", b"\x1d", b"\x1c"
INIT = ESC + b"@"
CHINESE_ON = FS + b"&"  # Kanji (Chinese) mode: multi-byte characters from the GB font
CHINESE_OFF = FS + b"."
UTF8_ON = FS + b"(C\x02\x000\x02"  # FS ( C fn 48: character encoding system = UTF-8 (Epson)

# Characters the printers' GB fonts lack or that GBK cannot encode, as what a Chinese receipt prints.
_PRINTABLE = str.maketrans({"¥": "￥", "−": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "})

# QR module size in dots: large enough for a phone camera or a desk scanner at arm's length.
QR_DOTS = {"token": {80: 8, 58: 6}, "ref": {80: 6, 58: 5}, "coupon": {80: 6, 58: 5}}


@lru_cache(maxsize=4)
def _capabilities(dots: int):
    """python-escpos's user profile (generic capabilities) with the head's width filled in: the library
    checks images against it. A class per width, so no profile data is shared and changed."""
    data = copy.deepcopy(Profile.profile_data)
    data["media"] = {"dpi": 203, "width": {"mm": 72 if dots == 576 else 48, "pixels": dots}}
    return type(f"MemberDesk{dots}Profile", (Profile,), {"profile_data": data})(
        columns=dots // 12, features=dict(data["features"])
    )


def printable(text: str) -> str:
    return text.translate(_PRINTABLE)


def _encode_char(char: str, encoding: str) -> bytes:
    """One character the encoding lacks (ô in GBK): its base letter when it has one, else "?"."""
    try:
        return char.encode(encoding)
    except UnicodeEncodeError:
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        return base.encode(encoding, errors="replace") if base else b"?"


@lru_cache(maxsize=64)
def _qr_raster(data: str, mode: str | None, module: int, dots: int) -> Image.Image:
    """The QR code as a 1-bit image the printer's width, centred, for printers without GS ( k."""
    size, runs = qr_runs(data, mode)
    side = (size + 2 * QUIET_ZONE) * module
    image = Image.new("1", (dots, side), 1)
    left = (dots - side) // 2 + QUIET_ZONE * module
    top = QUIET_ZONE * module
    for row, col, length in runs:
        x0 = left + col * module
        y0 = top + row * module
        image.paste(0, (x0, y0, x0 + length * module, y0 + module))
    return image


class Ticket:
    """Lines top to bottom for one ESC/POS printer; :meth:`output` gives the job's bytes."""

    def __init__(self, config: PrinterConfig):
        self.config = config
        self.cols = config.columns
        self.encoding = config.encoding
        self.p = Dummy(profile=_capabilities(config.dots))
        self.p._raw(INIT)
        self.p._raw(UTF8_ON if self.encoding == "utf-8" else CHINESE_ON)
        self._style(1, 1, False, "left", False)
        if config.logo:
            self.logo(config.logo)

    # -- low level -------------------------------------------------------------------------------

    def _style(self, width: int, height: int, bold: bool, align: str, invert: bool) -> None:
        self.p.set(custom_size=True, width=width, height=height, bold=bold, align=align, invert=invert)

    def _encode(self, text: str) -> bytes:
        text = printable(text)
        try:
            return text.encode(self.encoding)
        except UnicodeEncodeError:
            return b"".join(_encode_char(char, self.encoding) for char in text)

    def _lines(self, lines: list[str], *, size: int = 1, bold: bool = False, align: str = "left") -> None:
        self._style(size, size, bold, align, False)
        for line in lines:
            self.p._raw(self._encode(line) + b"\n")
        if size != 1 or bold or align != "left":
            self._style(1, 1, False, "left", False)

    # -- text ------------------------------------------------------------------------------------

    def text(self, text: str, *, bold: bool = False, size: int = 1, align: str = "left") -> None:
        """A paragraph wrapped to the paper (``size`` 2 doubles width and height: half the columns)."""
        self._lines(wrap_columns(printable(text), self.cols // size), size=size, bold=bold, align=align)

    def center(self, text: str, *, bold: bool = False, size: int = 1) -> None:
        self.text(text, bold=bold, size=size, align="center")

    def pair(self, label: str, value: str, *, bold: bool = False) -> None:
        """``label`` left and ``value`` right on one line, or the value right-aligned under the label."""
        label, value = printable(label), printable(value)
        gap = self.cols - columns(label) - columns(value)
        if gap >= 1:
            if bold:
                self._lines([label + " " * gap + value], bold=True)
            else:
                self.p._raw(self._encode(label + " " * gap + value) + b"\n")
            return
        self._lines(wrap_columns(label, self.cols))
        self._lines(wrap_columns(value, self.cols), bold=bold, align="right")

    def rule(self, char: str = "-") -> None:
        self.p._raw(char.encode("ascii") * self.cols + b"\n")

    def gap(self, lines: int = 1) -> None:
        self.p._raw(b"\n" * lines)

    def band(self, text: str) -> None:
        """White on black across the paper, double height: REPRINT can never pass for an original."""
        self.p.set(custom_size=True, width=1, height=2, bold=True, align="left", invert=True)
        for line in wrap_columns(printable(text), self.cols - 2):
            pad = self.cols - columns(line)
            self.p._raw(self._encode(" " * (pad // 2) + line + " " * (pad - pad // 2)) + b"\n")
        self._style(1, 1, False, "left", False)

    def boxed(self, text: str) -> None:
        """A notice between two rules of '=': it matters, but is not an alarm (offline, provisional)."""
        self.rule("=")
        self.center(text)
        self.rule("=")

    def signature(self, label: str) -> None:
        label = printable(label)
        self.gap(2)
        line = "_" * max(8, self.cols - columns(label) - 1)
        self.text(f"{label} {line}")

    # -- graphics --------------------------------------------------------------------------------

    def qr(self, data: str, kind: str, mode: str | None = None) -> None:
        """A QR code centred: by the printer's own command when the profile has it, else as a raster."""
        module = QR_DOTS[kind][self.config.width_mm]
        if self.config.profile.native_qr:
            self._style(1, 1, False, "center", False)
            # Error level M, as the PDF slips; the printer picks the densest mode (alphanumeric for tokens).
            self.p.qr(data, ec=1, size=module, native=True)
            self.p._raw(b"\n")
            self._style(1, 1, False, "left", False)
        else:
            self.p.image(_qr_raster(data, mode, module, self.config.dots), impl="bitImageRaster")

    def logo(self, path: str) -> None:
        """The mall's logo, scaled to at most the printable width and 160 dots high, centred."""
        with Image.open(path) as source:
            image = source.convert("L")
        scale = min(1.0, self.config.dots / image.width, 160 / image.height)
        if scale < 1.0:
            image = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))
        canvas = Image.new("L", (self.config.dots, image.height), 255)
        canvas.paste(image, ((self.config.dots - image.width) // 2, 0))
        self.p.image(canvas.point(lambda v: 0 if v < 128 else 255, "1"), impl="bitImageRaster")

    # -- output ----------------------------------------------------------------------------------

    def output(self, cut: bool = True) -> bytes:
        if cut:
            self.p.cut()  # feeds past the cutter first
        return self.p.output


def draw(ticket: Ticket, lines: Iterable[Line]) -> None:
    """Print a slip's content (``printing.slip_content``) as text lines: bold, double size and blank lines
    stand in for the PDF's point sizes; a gap only the PDF needs is left out."""
    for line in lines:
        if line.kind == "text":
            ticket.text(line.text, bold=line.bold)
        elif line.kind == "center":
            ticket.center(line.text, bold=line.bold, size=2 if line.double else 1)
        elif line.kind == "pair":
            ticket.pair(line.text, line.value, bold=line.bold)
        elif line.kind == "rule":
            ticket.rule()
        elif line.kind == "gap":
            if line.blank_line:
                ticket.gap()
        elif line.kind == "band":
            ticket.band(line.text)
        elif line.kind == "boxed":
            ticket.boxed(line.text)
        elif line.kind == "qr":
            ticket.qr(line.text, line.purpose, mode=line.mode)
        elif line.kind == "signature":
            ticket.signature(line.text)
        else:
            raise ValueError(f"unknown slip line {line.kind!r}")
