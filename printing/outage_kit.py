"""The outage kit: pre-numbered A4 paper slips (two to a page) with boxes for handwriting and the serial as a QR code.

Staff fill these in by hand when even the terminal is down; afterwards the back-entry screen scans each
slip's QR and the fields are keyed in. The benefits handbook is printed with the kit (``render_handbook``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from membership import __version__
from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, Text

from .fonts import SafeCanvas, draw_runs, ensure_fonts
from .qr import draw_qr
from .text import Tr

TITLES = {
    "enroll": QT_TRANSLATE_NOOP("Print", "Enrollment slip"),
    "receipt": QT_TRANSLATE_NOOP("Print", "Receipt-credit slip"),
    "gift": QT_TRANSLATE_NOOP("Print", "Redemption slip"),
    "benefit": QT_TRANSLATE_NOOP("Print", "Benefit slip"),
}

# The boxes each slip type asks for, in order: (label, relative width). Widths of a row add up to 1.
_MEMBER = QT_TRANSLATE_NOOP("Print", "Member number or mobile number")
FIELDS: dict[str, list[list[tuple[str, float]]]] = {
    "enroll": [
        [(QT_TRANSLATE_NOOP("Print", "Name"), 0.5), (QT_TRANSLATE_NOOP("Print", "Mobile number"), 0.5)],
        [
            (QT_TRANSLATE_NOOP("Print", "Birthday (month-day, year optional)"), 0.5),
            (QT_TRANSLATE_NOOP("Print", "Gender (optional)"), 0.2),
            (QT_TRANSLATE_NOOP("Print", "Referrer"), 0.3),
        ],
    ],
    "receipt": [
        [(_MEMBER, 1.0)],
        [
            (QT_TRANSLATE_NOOP("Print", "Store (tenant) name or code"), 0.5),
            (QT_TRANSLATE_NOOP("Print", "Receipt number"), 0.5),
        ],
        [(QT_TRANSLATE_NOOP("Print", "Amount (¥)"), 0.5), (QT_TRANSLATE_NOOP("Print", "Purchase date"), 0.5)],
    ],
    "gift": [
        [(_MEMBER, 1.0)],
        [(QT_TRANSLATE_NOOP("Print", "Gift code and name"), 0.7), (QT_TRANSLATE_NOOP("Print", "Quantity"), 0.3)],
    ],
    "benefit": [
        [(_MEMBER, 1.0)],
        [
            (QT_TRANSLATE_NOOP("Print", "Benefit: birthday / parking / member day"), 0.7),
            (QT_TRANSLATE_NOOP("Print", "Parking hours"), 0.3),
        ],
    ],
}


@dataclass(frozen=True)
class OutageKitData:
    mall_name: Text
    desk_name: str
    terminal_code: int
    issued_at_local: str
    issued_by: str
    serials: dict[str, list[str]]  # slip type → serials
    rules_version: str = ""


PAGE_W, PAGE_H = A4
MARGIN = 14 * mm
SLIP_H = (PAGE_H - 2 * MARGIN) / 2


def render_outage_kit(data: OutageKitData, *, language: str = DEFAULT_LANGUAGE) -> bytes:
    """Every slip of the kit, two to an A4 page, in serial order per type."""
    ensure_fonts()
    tr = Tr(language)
    buffer = io.BytesIO()
    canvas = SafeCanvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(f"{tr(QT_TRANSLATE_NOOP('Print', 'Outage kit'))} {data.desk_name}")
    slips = [(slip_type, serial) for slip_type in TITLES for serial in data.serials.get(slip_type, [])]
    for index, (slip_type, serial) in enumerate(slips):
        if index and index % 2 == 0:
            canvas.showPage()
        top = PAGE_H - MARGIN - (index % 2) * SLIP_H
        _slip(canvas, tr, data, slip_type, serial, top)
    if not slips:
        draw_runs(canvas, MARGIN, PAGE_H - MARGIN, tr(QT_TRANSLATE_NOOP("Print", "Outage kit")), 14, bold=True)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _box(canvas, x: float, y: float, w: float, h: float, label: str) -> None:
    canvas.setLineWidth(0.8)
    canvas.rect(x, y - h, w, h)
    draw_runs(canvas, x + 2 * mm, y - 4 * mm, label, 7.5)


def _slip(canvas, tr: Tr, data: OutageKitData, slip_type: str, serial: str, top: float) -> None:
    width = PAGE_W - 2 * MARGIN
    left = MARGIN
    bottom = top - SLIP_H + 6 * mm
    # Cut line between the two slips of a page
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.4)
    canvas.line(left, top - SLIP_H + 2 * mm, left + width, top - SLIP_H + 2 * mm)
    canvas.restoreState()
    # Header: mall, desk, slip kind, serial and its QR
    qr_size = 30 * mm
    draw_runs(canvas, left, top - 6 * mm, f"{tr.text(data.mall_name)} · {data.desk_name}", 10)
    draw_runs(canvas, left, top - 15 * mm, tr(TITLES[slip_type]), 16, bold=True)
    draw_runs(
        canvas,
        left,
        top - 22 * mm,
        tr(
            QT_TRANSLATE_NOOP("Print", "Fill in by hand during an outage; key in at this desk when the system is back.")
        ),
        8,
    )
    draw_runs(canvas, left + width - qr_size - 3 * mm, top - 6 * mm, serial, 11, bold=True, anchor="end")
    draw_qr(canvas, serial, left + width - qr_size, top - qr_size - 1 * mm, qr_size, mode="alphanumeric")
    # Date, time and staff first: judged as of the time written here.
    y = top - qr_size - 4 * mm
    row_h = 13 * mm
    _box(canvas, left, y, width * 0.35, row_h, tr(QT_TRANSLATE_NOOP("Print", "Date (YYYY-MM-DD)")))
    _box(canvas, left + width * 0.35, y, width * 0.25, row_h, tr(QT_TRANSLATE_NOOP("Print", "Time (HH:MM)")))
    _box(
        canvas, left + width * 0.6, y, width * 0.4, row_h, tr(QT_TRANSLATE_NOOP("Print", "Staff number and signature"))
    )
    y -= row_h
    for row in FIELDS[slip_type]:
        x = left
        for label, share in row:
            _box(canvas, x, y, width * share, row_h, tr(label))
            x += width * share
        y -= row_h
    if slip_type == "enroll":
        for offset, text in (
            (6, tr(QT_TRANSLATE_NOOP("Print", "I accept the member privacy policy (required)"))),
            (12, tr(QT_TRANSLATE_NOOP("Print", "I agree to receive marketing messages (optional)"))),
        ):
            canvas.rect(left, y - offset * mm - 0.8 * mm, 3.5 * mm, 3.5 * mm)  # a tick box (no font has ☐)
            draw_runs(canvas, left + 6 * mm, y - offset * mm, text, 8.5)
        y -= 15 * mm
    # Signatures at the bottom
    sign_y = max(bottom + 8 * mm, y - 14 * mm)
    canvas.setLineWidth(0.6)
    half = width / 2 - 5 * mm
    canvas.line(left, sign_y, left + half, sign_y)
    canvas.line(left + width - half, sign_y, left + width, sign_y)
    draw_runs(canvas, left, sign_y - 4 * mm, tr(QT_TRANSLATE_NOOP("Print", "Member signature")), 7.5)
    draw_runs(
        canvas,
        left + width - half,
        sign_y - 4 * mm,
        tr(QT_TRANSLATE_NOOP("Print", "Second person (amounts above the limit)")),
        7.5,
    )
    draw_runs(
        canvas,
        left,
        bottom - 2 * mm,
        f"MemberDesk {__version__} · {data.issued_at_local} · {data.issued_by}"
        + (
            f" · {tr(QT_TRANSLATE_NOOP('Print', 'Rules {version}'), version=data.rules_version)}"
            if data.rules_version
            else ""
        ),
        6.5,
    )
