"""Shared A4 furniture: styles, page header and "page x of y" footer, tables, key figures, charts, signatures."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .fonts import FONT, SafeCanvas, draw_runs, ensure_fonts, markup, runs, string_width
from .text import wrap

PAGE = A4
MARGIN = 16 * mm
WIDTH = PAGE[0] - 2 * MARGIN

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
LINE = colors.HexColor("#cbd2d9")
SHADE = colors.HexColor("#f0f4f8")
ACCENT = colors.HexColor("#2f5d8a")
ACCENT_2 = colors.HexColor("#d9822b")
ALARM = colors.HexColor("#b42318")
ALARM_BG = colors.HexColor("#fdecea")
GOOD = colors.HexColor("#1e7b45")
GOOD_BG = colors.HexColor("#e8f5ec")

BODY = 9.0
SMALL = 7.8
CELL = 8.4


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    figure: ParagraphStyle
    figure_label: ParagraphStyle


def styles() -> Styles:
    ensure_fonts()
    base = ParagraphStyle("md-body", fontName=FONT, fontSize=BODY, leading=BODY * 1.45, textColor=INK, wordWrap="CJK")
    return Styles(
        title=ParagraphStyle("md-title", parent=base, fontSize=18, leading=23, textColor=INK),
        subtitle=ParagraphStyle("md-subtitle", parent=base, fontSize=10, leading=14, textColor=MUTED),
        h2=ParagraphStyle("md-h2", parent=base, fontSize=12, leading=16, textColor=ACCENT, spaceBefore=9, spaceAfter=4),
        body=base,
        small=ParagraphStyle("md-small", parent=base, fontSize=SMALL, leading=SMALL * 1.4, textColor=MUTED),
        figure=ParagraphStyle("md-figure", parent=base, fontSize=15, leading=19, alignment=TA_CENTER),
        figure_label=ParagraphStyle(
            "md-figure-label", parent=base, fontSize=SMALL, leading=SMALL * 1.3, textColor=MUTED, alignment=TA_CENTER
        ),
    )


def para(text: str, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """A Paragraph of plain ``text`` (escaped; CJK runs switched to the CJK face)."""
    return Paragraph(markup(text, bold), style)


class Lines(Flowable):
    """Pre-wrapped lines of text drawn in font runs: a table cell that costs far less than a Paragraph."""

    def __init__(self, lines: Sequence[str], size: float, color=INK, align: str = "left", bold: bool = False):
        super().__init__()
        self.lines = list(lines) or [""]
        self.size = size
        self.leading = size * 1.3
        self.color = color
        self.align = align
        self.bold = bold
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._width = availWidth
        return availWidth, self.leading * len(self.lines) - (self.leading - self.size) + 2

    def draw(self) -> None:
        c = self.canv
        c.setFillColor(self.color)
        c.setStrokeColor(self.color)
        y = self.leading * len(self.lines) - (self.leading - self.size) + 2 - self.size
        for line in self.lines:
            if self.align == "right":
                draw_runs(c, self._width, y, line, self.size, bold=self.bold, anchor="end")
            elif self.align == "center":
                draw_runs(c, self._width / 2, y, line, self.size, bold=self.bold, anchor="middle")
            else:
                draw_runs(c, 0, y, line, self.size, bold=self.bold)
            y -= self.leading


# -- the document ------------------------------------------------------------------------------------


def _numbered_canvas(footer_left: str, page_label: str) -> type[SafeCanvas]:
    """A canvas that learns the page count at save time and writes "page x of y" on every page."""

    class NumberedCanvas(SafeCanvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFillColor(MUTED)
                draw_runs(self, MARGIN, 8 * mm, footer_left, SMALL)
                label = page_label.format(page=self._pageNumber, pages=total)
                draw_runs(self, PAGE[0] - MARGIN, 8 * mm, label, SMALL, anchor="end")
                SafeCanvas.showPage(self)
            SafeCanvas.save(self)

    return NumberedCanvas


def build(story: list[Flowable], *, title: str, header: str, footer_left: str, page_label: str) -> bytes:
    """Lay ``story`` out on A4 pages with a running header and a "page x of y" footer; PDF bytes."""
    ensure_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN,
        title=title,
        author="MemberDesk",
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        WIDTH,
        PAGE[1] - 2 * MARGIN - 4 * mm,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def on_page(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        draw_runs(canvas, MARGIN, PAGE[1] - 10 * mm, header, SMALL)
        canvas.setStrokeColor(LINE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, PAGE[1] - 11.5 * mm, PAGE[0] - MARGIN, PAGE[1] - 11.5 * mm)
        canvas.line(MARGIN, 11.5 * mm, PAGE[0] - MARGIN, 11.5 * mm)
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story, canvasmaker=_numbered_canvas(footer_left, page_label))
    return buffer.getvalue()


# -- building blocks -----------------------------------------------------------------------------------


def heading(text: str, st: Styles) -> Paragraph:
    return para(text, st.h2)


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    total: Sequence[str] | None = None,
    size: float = CELL,
    highlight: Sequence[int] = (),
) -> Table:
    """A calm grid: shaded header repeated on every page, right-aligned numbers, an optional total row.

    Cells are wrapped here to their column width and drawn as :class:`Lines` (much faster than a
    Paragraph per cell, which matters for a day with thousands of rows); nothing overflows its column.
    """
    col_widths = [w * WIDTH for w in widths]
    pad = 3.0
    right = set(numeric)
    marked = set(highlight)

    def cells(row: Sequence[str], color=INK, bold: bool = False) -> list[Lines]:
        return [
            Lines(wrap(str(value), size, width - 2 * pad, bold), size, color, "right" if i in right else "left", bold)
            for i, (value, width) in enumerate(zip(row, col_widths, strict=True))
        ]

    data = [cells(header, MUTED)]
    data += [cells(row, ALARM if i in marked else INK) for i, row in enumerate(rows)]
    if total is not None:
        data.append(cells(total, bold=True))
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, LINE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4),
    ]
    if total is not None:
        style += [("LINEABOVE", (0, -1), (-1, -1), 0.9, INK), ("BACKGROUND", (0, -1), (-1, -1), SHADE)]
    return Table(data, colWidths=col_widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def empty_note(text: str, st: Styles) -> Paragraph:
    return para(text, st.small)


def key_figures(items: Sequence[tuple[str, str]], st: Styles, columns: int = 4) -> Table:
    """Big numbers with a label under each: what a manager reads first."""
    cells = [[para(value, st.figure), para(label, st.figure_label)] for label, value in items]
    while len(cells) % columns:
        cells.append(["", ""])
    rows = []
    for start in range(0, len(cells), columns):
        chunk = cells[start : start + columns]
        rows.append([c[0] for c in chunk])
        rows.append([c[1] for c in chunk])
    t = Table(rows, colWidths=[WIDTH / columns] * columns, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for r in range(0, len(rows), 2):
        style += [
            ("BACKGROUND", (0, r), (-1, r + 1), SHADE),
            ("TOPPADDING", (0, r), (-1, r), 6),
            ("BOTTOMPADDING", (0, r + 1), (-1, r + 1), 6),
            ("LINEBELOW", (0, r + 1), (-1, r + 1), 3, colors.white),
        ]
    for c in range(1, columns):
        style.append(("LINEBEFORE", (c, 0), (c, -1), 3, colors.white))
    t.setStyle(TableStyle(style))
    return t


def notice(text: str, st: Styles, alarm: bool) -> Table:
    """A full-width box: red for INCOMPLETE and other warnings, green for all-clear."""
    style = ParagraphStyle("md-notice", parent=st.body, fontSize=10.5, leading=14.5, textColor=ALARM if alarm else GOOD)
    t = Table([[para(text, style)]], colWidths=[WIDTH], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ALARM_BG if alarm else GOOD_BG),
                ("BOX", (0, 0), (-1, -1), 1.2 if alarm else 0.6, ALARM if alarm else GOOD),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return t


def signatures(labels: Sequence[str], date_label: str, st: Styles) -> KeepTogether:
    """Separate signature lines side by side, each with room for a date, kept on one page."""
    n = len(labels)
    gap = 10 * mm
    col = (WIDTH - gap * (n - 1)) / n
    label_style = ParagraphStyle("md-sign", parent=st.body, textColor=MUTED)
    # Signing columns alternate with empty gap columns, so each person gets a line of their own.
    rows: list[list] = [[], [], []]
    widths: list[float] = []
    for i, label in enumerate(labels):
        if i:
            for row in rows:
                row.append("")
            widths.append(gap)
        rows[0].append(Spacer(1, 16 * mm))
        rows[1].append(para(label, label_style))
        rows[2].append(para(date_label, st.small))
        widths.append(col)
    t = Table(rows, colWidths=widths, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    for c in range(0, 2 * n - 1, 2):
        style.append(("LINEBELOW", (c, 0), (c, 0), 0.8, INK))
    t.setStyle(TableStyle(style))
    return KeepTogether([Spacer(1, 6 * mm), t])


# -- charts --------------------------------------------------------------------------------------------
#
# Drawn from reportlab.graphics shapes rather than its chart widgets: a chart label may mix Chinese and
# digits ("11月", "品牌保温杯 G001"), and a widget's String uses one face for the whole label.


def rich_string(
    text: str, x: float, y: float, size: float, *, anchor: str = "start", color=INK, bold: bool = False
) -> Group:
    """A label as one String per font run, so Chinese and Latin both render."""
    width = string_width(text, size, bold)
    if anchor == "middle":
        x -= width / 2
    elif anchor == "end":
        x -= width
    group = Group()
    for face, chunk in runs(text, bold):
        group.add(String(x, y, chunk, fontName=face, fontSize=size, fillColor=color))
        x += string_width(chunk, size, bold)
    return group


def _nice_step(top: int, ticks: int = 4) -> int:
    """A round gridline step (1, 2 or 5 × 10^n) giving about ``ticks`` lines up to ``top``."""
    raw = max(top / ticks, 1)
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def _short(text: str, size: float, width: float) -> str:
    lines = wrap(text, size, width)
    return lines[0] + ("…" if len(lines) > 1 else "")


def hbar_chart(
    title: str, labels: Sequence[str], values: Sequence[int], *, width: float, color=ACCENT, value_text=str
) -> Drawing:
    """Horizontal bars with the value at the end of each: for "which source / which gift" questions."""
    size = 7.5
    row = 13
    label_w = min(max((string_width(label, size) for label in labels), default=20) + 6, width * 0.4)
    value_w = max((string_width(value_text(v), size) for v in values), default=10) + 6
    height = 16 + row * max(len(values), 1) + 4
    d = Drawing(width, height)
    d.add(rich_string(title, 0, height - 10, 9))
    top = max(values, default=0)
    scale = (width - label_w - value_w) / top if top > 0 else 0
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = height - 16 - (i + 1) * row
        d.add(rich_string(_short(label, size, label_w - 6), label_w - 4, y + 3.5, size, anchor="end"))
        bar = max(value, 0) * scale
        if bar > 0:
            d.add(Rect(label_w, y + 1.5, bar, row - 4, fillColor=color, strokeColor=None))
        d.add(rich_string(value_text(value), label_w + bar + 3, y + 3.5, size))
    d.add(Line(label_w, height - 16, label_w, height - 16 - row * len(values), strokeColor=LINE, strokeWidth=0.6))
    return d


def vbar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[Sequence[int]],
    names: Sequence[str],
    *,
    width: float,
    height: float = 48 * mm,
    palette: Sequence = (ACCENT, ACCENT_2),
) -> Drawing:
    """Grouped vertical bars with a light grid (operations per hour, points earned and redeemed per month)."""
    size = 7
    d = Drawing(width, height)
    d.add(rich_string(title, 0, height - 10, 9))
    top = max((max(values, default=0) for values in series), default=0)
    step = _nice_step(top)
    axis_top = max(step * -(-top // step), step)
    left = max(string_width(f"{axis_top:,}", size) + 6, 20)
    x0, y0 = left, 14
    plot_w, plot_h = width - left - 2, height - 14 - 22
    for tick in range(0, axis_top + 1, step):
        y = y0 + plot_h * tick / axis_top
        d.add(Line(x0, y, x0 + plot_w, y, strokeColor=SHADE if tick else LINE, strokeWidth=0.6))
        d.add(rich_string(f"{tick:,}", x0 - 3, y - 2.5, size, anchor="end", color=MUTED))
    n = max(len(labels), 1)
    slot = plot_w / n
    bar_w = slot * 0.72 / max(len(series), 1)
    for i, label in enumerate(labels):
        x = x0 + i * slot + slot * 0.14
        for j, values in enumerate(series):
            value = values[i] if i < len(values) else 0
            if value > 0:
                d.add(
                    Rect(
                        x + j * bar_w,
                        y0,
                        bar_w,
                        plot_h * value / axis_top,
                        fillColor=palette[j % len(palette)],
                        strokeColor=None,
                    )
                )
        d.add(rich_string(label, x0 + (i + 0.5) * slot, y0 - 9, size, anchor="middle", color=MUTED))
    if len(series) > 1:
        x = width
        for j in reversed(range(len(series))):
            name = names[j] if j < len(names) else ""
            x -= string_width(name, size) + 4
            d.add(rich_string(name, x, height - 10, size, color=MUTED))
            x -= 10
            d.add(Rect(x, height - 10.5, 7, 7, fillColor=palette[j % len(palette)], strokeColor=None))
            x -= 10
    return d


def side_by_side(left: Flowable, right: Flowable, gap: float = 8 * mm) -> Table:
    half = (WIDTH - gap) / 2
    t = Table([[left, "", right]], colWidths=[half, gap, half], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


HALF = (WIDTH - 8 * mm) / 2
