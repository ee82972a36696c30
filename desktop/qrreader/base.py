"""The Qt-free QR decoder interface: numpy frames in, decoded texts with their outlines out."""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

Point = tuple[int, int]
Corners = tuple[Point, Point, Point, Point]


class QrReaderUnavailable(RuntimeError):
    """No usable decoder library is installed (or the one asked for is missing)."""


@dataclass(frozen=True)
class QrResult:
    """One decoded QR code.

    ``corners`` are four pixel points in clockwise order on screen, starting at the code's own
    top-left corner where the backend reports orientation (zxing-cpp, OpenCV); pyzbar only knows the
    orientation to the nearest quarter turn, so its starting corner is a best guess. They are meant
    for outlining the code in the live preview, not for measuring.
    """

    text: str
    corners: Corners

    @property
    def center(self) -> tuple[float, float]:
        return (
            sum(x for x, _ in self.corners) / 4.0,
            sum(y for _, y in self.corners) / 4.0,
        )


class QrReader(ABC):
    """A QR decoder fed numpy frames (BGR or gray, uint8) by whoever owns the camera.

    An instance keeps scratch state between calls: use one per thread (the scan worker's).
    """

    #: Short name used in settings, logs and the benchmark table.
    name: str = ""

    @abstractmethod
    def decode(self, frame: np.ndarray) -> list[QrResult]:
        """All QR codes found in ``frame``; an empty list when there is none. Never raises for "no code"."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


def to_gray(frame: np.ndarray) -> np.ndarray:
    """A C-contiguous 8-bit single-channel view or copy of a BGR, BGRA or gray frame."""
    if not isinstance(frame, np.ndarray):
        raise TypeError(f"expected a numpy frame, got {type(frame).__name__}")
    if frame.dtype != np.uint8:
        raise ValueError(f"expected an 8-bit frame, got dtype {frame.dtype}")
    if frame.ndim == 3 and frame.shape[2] == 1:
        frame = frame[:, :, 0]
    if frame.ndim == 2:
        return np.ascontiguousarray(frame)
    if frame.ndim == 3 and frame.shape[2] in (3, 4):
        import cv2  # imported here so a pure-gray caller never needs OpenCV loaded

        code = cv2.COLOR_BGR2GRAY if frame.shape[2] == 3 else cv2.COLOR_BGRA2GRAY
        return cv2.cvtColor(frame, code)
    raise ValueError(f"expected a gray, BGR or BGRA frame, got shape {frame.shape}")


def clockwise_from(points: Sequence[tuple[float, float]], start: int = 0) -> Corners:
    """Four points sorted clockwise on screen (y grows downwards), rotated to begin at ``start``.

    Sorting begins at the point nearest the image's top-left, so ``start`` counts quarter turns
    from an upright code.
    """
    if len(points) != 4:
        raise ValueError("a QR outline has four corners")
    cx = sum(p[0] for p in points) / 4.0
    cy = sum(p[1] for p in points) / 4.0
    ordered = sorted(points, key=lambda p: math.atan2(p[1] - cy, p[0] - cx))
    first = min(range(4), key=lambda i: ordered[i][0] + ordered[i][1])
    ordered = ordered[first:] + ordered[:first]
    ordered = ordered[start % 4 :] + ordered[: start % 4]
    return as_corners(ordered)


def as_corners(points: Iterable[tuple[float, float]]) -> Corners:
    pts = tuple((round(float(x)), round(float(y))) for x, y in points)
    if len(pts) != 4:
        raise ValueError("a QR outline has four corners")
    return pts  # type: ignore[return-value]
