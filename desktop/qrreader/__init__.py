"""Qt-free camera QR reading: decoder backends, frame sources and the scan loop (no Qt imports here)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from .base import Corners, Point, QrReader, QrReaderUnavailable, QrResult, to_gray
from .frames import CaptureSource, FrameSource, FrameSourceError, IterableSource, list_cameras
from .opencv_backend import OpenCvReader
from .pyzbar_backend import PyzbarReader
from .scanloop import ScanLoop
from .zxing_backend import ZxingCppReader

__all__ = [
    "BACKENDS",
    "DEFAULT_ORDER",
    "CaptureSource",
    "Corners",
    "FrameSource",
    "FrameSourceError",
    "IterableSource",
    "OpenCvReader",
    "Point",
    "PyzbarReader",
    "QrReader",
    "QrReaderUnavailable",
    "QrResult",
    "ScanLoop",
    "ZxingCppReader",
    "get_reader",
    "list_cameras",
    "to_gray",
]

log = logging.getLogger(__name__)

#: Every backend by its settings name. OpenCV is here for the benchmark, not the fallback chain.
BACKENDS: dict[str, Callable[[], QrReader]] = {
    ZxingCppReader.name: ZxingCppReader,
    PyzbarReader.name: PyzbarReader,
    OpenCvReader.name: OpenCvReader,
}

#: The order ``get_reader`` tries when nothing (or something unavailable) is preferred.
DEFAULT_ORDER: tuple[str, ...] = (ZxingCppReader.name, PyzbarReader.name)


def get_reader(preferred: str | None = None) -> QrReader:
    """The preferred decoder if it loads, else zxing-cpp, else pyzbar; raises :class:`QrReaderUnavailable`.

    Falling back is logged rather than raised: a desk with a slower decoder still serves members.
    """
    if preferred is not None and preferred not in BACKENDS:
        raise ValueError(f"unknown QR decoder {preferred!r}; choose one of {', '.join(BACKENDS)}")
    order = [preferred] if preferred else []
    order += [name for name in DEFAULT_ORDER if name not in order]
    reasons = []
    for name in order:
        try:
            reader = BACKENDS[name]()
        except QrReaderUnavailable as exc:
            log.warning("QR decoder %s unavailable: %s", name, exc)
            reasons.append(str(exc))
            continue
        if name != order[0]:
            log.warning("using the %s QR decoder instead of %s", name, order[0])
        return reader
    raise QrReaderUnavailable(
        "No QR decoder is available, so the camera cannot scan codes (keyboard-wedge scanners still work). "
        + " ".join(reasons)
    )
