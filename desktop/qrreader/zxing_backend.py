"""zxing-cpp QR backend: the default decoder (fast and tolerant of tilt, blur and poor print)."""

from __future__ import annotations

import numpy as np

from .base import QrReader, QrReaderUnavailable, QrResult, as_corners, to_gray

# The second pass runs at half size above this height: enough pixels per module survive for any
# code that is readable at all, and it keeps the extra cost on code-less frames under ~1 ms.
_HALVE_FROM_HEIGHT = 480


class ZxingCppReader(QrReader):
    """zxing-cpp restricted to QR codes, with rotation and downscaled passes on.

    When the first pass finds nothing, a second pass reads a contrast-equalised (CLAHE), half-size
    copy. zxing's binariser gives up on codes with less than ~20 grey levels between dark and light
    modules (a dimmed phone screen under the desk lamp); equalising recovers nearly all of them and
    costs about 1 ms per frame. See docs/QRREADER.md, "Performance".
    """

    name = "zxing-cpp"

    def __init__(self, *, second_pass: bool = True) -> None:
        try:
            import zxingcpp
        except ImportError as exc:
            raise QrReaderUnavailable("zxing-cpp is not installed (pip install zxing-cpp).") from exc
        self._zx = zxingcpp
        self.second_pass = second_pass
        # zxing-cpp's ReaderOptions default to try-harder; rotation and downscaled passes are
        # switched on explicitly so an upgrade that changes the defaults cannot turn them off.
        self._options = {
            "formats": zxingcpp.BarcodeFormat.QRCode,
            "try_rotate": True,
            "try_downscale": True,
            # Plain: the symbol's bytes as text, without HRI decoration (e.g. GS1 brackets).
            "text_mode": zxingcpp.TextMode.Plain,
        }
        self._clahe = None

    def decode(self, frame: np.ndarray) -> list[QrResult]:
        gray = to_gray(frame)
        results = self._read(gray, 1.0, self._options)
        if results or not self.second_pass:
            return results
        return self._read_equalised(gray)

    def _read_equalised(self, gray: np.ndarray) -> list[QrResult]:
        import cv2

        if self._clahe is None:
            self._clahe = cv2.createCLAHE(clipLimit=6.0, tileGridSize=(8, 8))
        scale = 1.0
        if gray.shape[0] >= _HALVE_FROM_HEIGHT:
            gray = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
            scale = 2.0
        # The half-size image is the downscaled pass already; another one would only cost time.
        options = {**self._options, "try_downscale": False}
        return self._read(self._clahe.apply(gray), scale, options)

    def _read(self, gray: np.ndarray, scale: float, options: dict) -> list[QrResult]:
        results = []
        for barcode in self._zx.read_barcodes(gray, **options):
            pos = barcode.position
            corners = as_corners(
                (p.x * scale, p.y * scale) for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
            )
            results.append(QrResult(barcode.text, corners))
        return results
