"""pyzbar (ZBar) QR backend: the design's original decoder, kept as the fallback."""

from __future__ import annotations

import numpy as np

from .base import QrReader, QrReaderUnavailable, QrResult, clockwise_from, to_gray

# ZBar reports orientation in quarter turns; this is how far the code's top-left corner sits
# clockwise from the image's top-left corner of its outline.
_QUARTER_TURNS = {"UP": 0, "RIGHT": 1, "DOWN": 2, "LEFT": 3}


class PyzbarReader(QrReader):
    name = "pyzbar"

    def __init__(self) -> None:
        try:
            from pyzbar import pyzbar
        except (ImportError, OSError) as exc:  # the wheel may be there without the ZBar library
            raise QrReaderUnavailable(
                "pyzbar is not usable: install it with `pip install pyzbar` and the ZBar library "
                "(Debian/Ubuntu: `apt-get install libzbar0`; it is bundled in the Windows wheel)."
            ) from exc
        self._pyzbar = pyzbar
        self._symbols = [pyzbar.ZBarSymbol.QRCODE]

    def decode(self, frame: np.ndarray) -> list[QrResult]:
        gray = to_gray(frame)
        # pyzbar would silently take the blue channel of a colour array, hence the gray frame
        # passed as raw bytes.
        height, width = gray.shape
        decoded = self._pyzbar.decode((gray.tobytes(), width, height), symbols=self._symbols)
        results = []
        for symbol in decoded:
            text = symbol.data.decode("utf-8", errors="replace")
            points = [(p.x, p.y) for p in symbol.polygon]
            if len(points) != 4:
                r = symbol.rect
                points = [
                    (r.left, r.top),
                    (r.left + r.width, r.top),
                    (r.left + r.width, r.top + r.height),
                    (r.left, r.top + r.height),
                ]
            corners = clockwise_from(points, _QUARTER_TURNS.get(symbol.orientation or "UP", 0))
            results.append(QrResult(text, corners))
        return results
