"""A small layout engine for thermal-paper slips: measure everything first, then draw one page that fits.

Platypus is built for A4 flows and costs tens of milliseconds; a receipt is a single column of lines,
so it is laid out here directly on the canvas, with the page length set from the content.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import SafeCanvas, draw_runs, ensure_fonts, string_width
from .qr import draw_qr
from .slip_content import Line
from .text import wrap

LEADING = 1.3  # line height as a multiple of the font size: calm, and still short paper


@dataclass(frozen=True)
class Paper:
    """A thermal roll: full width, the printable margins either side, and the body font size."""

    width_mm: int
    margin: float
    body: float

    @property
    def width(self) -> float:
        return self.width_mm * mm

    @property
    def inner(self) -> float:
        return self.width - 2 * self.margin


# Thermal heads print 72 mm of an 80 mm roll and 48 mm of a 58 mm roll; the margins keep text inside.
PAPERS = {
    80: Paper(80, 4 * mm, 8.5),
    58: Paper(58, 5 * mm, 7.5),
}


def paper(width_mm: int) -> Paper:
    try:
        return PAPERS[width_mm]
    except KeyError:
        raise ValueError(f"thermal paper must be one of {sorted(PAPERS)} mm wide, got {width_mm}") from None


_Op = Callable[[Canvas, float], None]  # draws at the given page height (y grows down in layout)


class Slip:
    """Collects lines top to bottom, then renders a page exactly as long as they are."""

    def __init__(self, paper: Paper, top: float = 4 * mm, bottom: float = 8 * mm, title: str = ""):
        ensure_fonts()
        self.paper = paper
        self.y = top  # layout cursor, from the top of the page down
        self.bottom = bottom
        self.title = title
        self._ops: list[_Op] = []

    # -- text ------------------------------------------------------------------------------------

    def _line(
        self, text: str, size: float, align: str, bold: bool, x0: float, width: float, white: bool = False
    ) -> None:
        baseline = self.y + size  # the cap height sits within the line box; descenders in the leading
        self.y += size * LEADING

        def op(c: Canvas, height: float) -> None:
            if white:
                c.setFillColorRGB(1, 1, 1)
                c.setStrokeColorRGB(1, 1, 1)
            y = height - baseline
            if align == "center":
                draw_runs(c, x0 + width / 2, y, text, size, bold=bold, anchor="middle")
            elif align == "right":
                draw_runs(c, x0 + width, y, text, size, bold=bold, anchor="end")
            else:
                draw_runs(c, x0, y, text, size, bold=bold)
            if white:
                c.setFillColorRGB(0, 0, 0)
                c.setStrokeColorRGB(0, 0, 0)

        self._ops.append(op)

    def text(
        self, text: str, size: float | None = None, align: str = "left", bold: bool = False, indent: float = 0.0
    ) -> None:
        """A paragraph, wrapped to the paper width."""
        size = size or self.paper.body
        x0 = self.paper.margin + indent
        width = self.paper.inner - indent
        for line in wrap(text, size, width, bold):
            self._line(line, size, align, bold, x0, width)

    def center(self, text: str, size: float | None = None, bold: bool = False) -> None:
        self.text(text, size, "center", bold)

    def pair(self, label: str, value: str, size: float | None = None, bold: bool = False) -> None:
        """``label`` on the left and ``value`` on the right; either wraps rather than overlapping."""
        size = size or self.paper.body
        inner = self.paper.inner
        x0 = self.paper.margin
        gap = size
        label_w = string_width(label, size)
        value_w = string_width(value, size, bold)
        if label_w + gap + value_w <= inner:
            start = self.y
            self._line(label, size, "left", False, x0, inner)
            self.y = start
            self._line(value, size, "right", bold, x0, inner)
            return
        # Too long for one line: label keeps up to 40% of the width, the value wraps in the rest.
        label_width = min(label_w, inner * 0.4)
        label_lines = wrap(label, size, label_width)
        value_lines = wrap(value, size, inner - label_width - gap, bold)
        start = self.y
        for line in label_lines:
            self._line(line, size, "left", False, x0, inner)
        after_label = self.y
        self.y = start
        for line in value_lines:
            self._line(line, size, "right", bold, x0, inner)
        self.y = max(self.y, after_label)

    # -- graphics ----------------------------------------------------------------------------------

    def gap(self, points: float) -> None:
        self.y += points

    def rule(self, dashed: bool = True, weight: float = 0.5) -> None:
        y_at = self.y + 3
        self.y += 6
        x0, x1 = self.paper.margin, self.paper.width - self.paper.margin

        def op(c: Canvas, height: float) -> None:
            c.saveState()
            c.setLineWidth(weight)
            if dashed:
                c.setDash(2, 2)
            c.line(x0, height - y_at, x1, height - y_at)
            c.restoreState()

        self._ops.append(op)

    def band(self, text: str, size: float) -> None:
        """White text on a black band: a marking no one can miss (REPRINT, OFFLINE)."""
        pad = size * 0.35
        top = self.y
        lines = wrap(text, size, self.paper.inner - 2 * pad, bold=True)
        band_h = len(lines) * size * LEADING + 2 * pad
        x0, w = self.paper.margin, self.paper.inner

        def op(c: Canvas, height: float) -> None:
            c.saveState()
            c.setFillColorRGB(0, 0, 0)
            c.rect(x0, height - top - band_h, w, band_h, stroke=0, fill=1)
            c.restoreState()

        self._ops.append(op)
        self.y += pad
        for line in lines:
            self._line(line, size, "center", True, x0, w, white=True)
        self.y = top + band_h

    def boxed(self, text: str, size: float) -> None:
        """Text in a thin frame: a notice that matters but is not an alarm (offline, provisional)."""
        pad = size * 0.35
        top = self.y
        lines = wrap(text, size, self.paper.inner - 2 * pad)
        box_h = len(lines) * size * LEADING + 2 * pad
        x0, w = self.paper.margin, self.paper.inner

        def op(c: Canvas, height: float) -> None:
            c.saveState()
            c.setLineWidth(0.8)
            c.rect(x0, height - top - box_h, w, box_h, stroke=1, fill=0)
            c.restoreState()

        self._ops.append(op)
        self.y += pad
        for line in lines:
            self._line(line, size, "center", False, x0 + pad, w - 2 * pad)
        self.y = top + box_h

    def qr(self, data: str, size: float, mode: str | None = None) -> None:
        """A QR code centred on the paper, ``size`` points wide including its quiet zone."""
        size = min(size, self.paper.inner)
        top = self.y
        x = (self.paper.width - size) / 2

        def op(c: Canvas, height: float) -> None:
            draw_qr(c, data, x, height - top - size, size, mode)

        self._ops.append(op)
        self.y += size

    def signature(self, label: str, size: float | None = None) -> None:
        """A label and a line long enough to sign on, with room above it for the pen."""
        size = size or self.paper.body
        x0 = self.paper.margin
        label_w = min(string_width(label, size) + size * 0.5, self.paper.inner * 0.45)
        lines = wrap(label, size, label_w - size * 0.5)
        # The label's last line sits on the signing line; the space above it is where people write.
        line_y = self.y + max(size * 2.6, len(lines) * size * LEADING + size)
        x_line = x0 + label_w
        x1 = self.paper.width - self.paper.margin

        def op(c: Canvas, height: float) -> None:
            c.saveState()
            c.setLineWidth(0.6)
            c.line(x_line, height - line_y, x1, height - line_y)
            c.restoreState()

        self._ops.append(op)
        self.y = line_y - size - (len(lines) - 1) * size * LEADING
        for line in lines:
            self._line(line, size, "left", False, x0, label_w)
        self.y = line_y + size * 0.6

    # -- output ------------------------------------------------------------------------------------

    @property
    def height(self) -> float:
        return self.y + self.bottom

    def render(self) -> bytes:
        height = self.height
        buffer = io.BytesIO()
        # Uncompressed: deflating the embedded font subsets costs ~1.5 ms of a ~6 ms receipt, and a
        # 50 KB slip goes to a local spooler (receipts are kept as data and re-rendered, never stored).
        c = SafeCanvas(buffer, pagesize=(self.paper.width, height), pageCompression=0)
        if self.title:
            c.setTitle(self.title)
        c.setAuthor("MemberDesk")
        for op in self._ops:
            op(c, height)
        c.showPage()
        c.save()
        return buffer.getvalue()


# A QR code's printed width by purpose, in mm on (80 mm, 58 mm) paper: the member's token as large as
# the paper allows (it is scanned at every desk), a coupon a little larger than the reference.
QR_MM = {"token": (52, 44), "coupon": (26, 24), "ref": (24, 20)}


def draw(slip: Slip, lines: Iterable[Line]) -> None:
    """Lay out a slip's content (``printing.slip_content``) in the PDF's sizes."""
    body = slip.paper.body
    wide = slip.paper.width_mm >= 80
    for line in lines:
        size = body + line.size
        if line.kind == "text":
            slip.text(line.text, size, bold=line.bold)
        elif line.kind == "center":
            slip.center(line.text, size, bold=line.bold)
        elif line.kind == "pair":
            slip.pair(line.text, line.value, size, bold=line.bold)
        elif line.kind == "rule":
            slip.rule()
        elif line.kind == "gap":
            slip.gap(line.points)
        elif line.kind == "band":
            slip.band(line.text, size)
        elif line.kind == "boxed":
            slip.boxed(line.text, size)
        elif line.kind == "qr":
            slip.qr(line.text, QR_MM[line.purpose][0 if wide else 1] * mm, mode=line.mode)
        elif line.kind == "signature":
            slip.signature(line.text, size)
        else:
            raise ValueError(f"unknown slip line {line.kind!r}")
