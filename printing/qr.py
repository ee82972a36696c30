"""QR codes drawn as vector rectangles: segno builds the matrix, reportlab draws runs of dark modules.

reportlab's own QR widget costs ~200 ms a receipt; a segno matrix drawn as one path of merged
horizontal runs costs ~1 ms and prints crisp on thermal heads at any size.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white border the QR standard asks for; scanners misread without it


@lru_cache(maxsize=256)
def qr_runs(data: str, mode: str | None = None, error: str = "m") -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(modules per side, dark runs as (row, first column, length)) of a QR code without its border.

    ``mode`` forces a segno mode ("alphanumeric" for member tokens, which are uppercase base32);
    ``None`` lets segno choose. Cached: reprints of the same code cost nothing, and lru_cache is
    thread-safe.
    """
    # boost_error raises the error correction level when it fits in the same symbol size: free robustness.
    code = segno.make(data, mode=mode, error=error, micro=False, boost_error=True)
    matrix = code.matrix
    runs: list[tuple[int, int, int]] = []
    for row_index, row in enumerate(matrix):
        start = -1
        for col, value in enumerate(row):
            if value & 1:
                if start < 0:
                    start = col
            elif start >= 0:
                runs.append((row_index, start, col - start))
                start = -1
        if start >= 0:
            runs.append((row_index, start, len(row) - start))
    return len(matrix), tuple(runs)


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float, mode: str | None = None) -> None:
    """Draw the QR code for ``data`` with its quiet zone in the square (x, y, size, size); y is the bottom edge."""
    modules, runs = qr_runs(data, mode)
    unit = size / (modules + 2 * QUIET_ZONE)
    left = x + QUIET_ZONE * unit
    top = y + size - QUIET_ZONE * unit
    path = canvas.beginPath()
    for row, col, length in runs:
        path.rect(left + col * unit, top - (row + 1) * unit, length * unit, unit)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
