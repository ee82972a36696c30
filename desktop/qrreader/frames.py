"""Where scanner frames come from: a camera or a recorded video through OpenCV, or frames in memory."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

import numpy as np

log = logging.getLogger(__name__)


class FrameSourceError(OSError):
    """A camera or video file could not be opened."""


class FrameSource(ABC):
    """A stream of BGR (or gray) uint8 frames; ``read`` returns None once the stream has ended.

    Use it from one thread only (the scan worker); other threads stop the loop, not the source.
    """

    @abstractmethod
    def read(self) -> np.ndarray | None:
        """The next frame, or None when the stream has ended or the device is gone."""

    def close(self) -> None:  # noqa: B027 - most in-memory sources have nothing to release
        """Release the device or file; reading afterwards returns None."""

    def __iter__(self) -> Iterator[np.ndarray]:
        while (frame := self.read()) is not None:
            yield frame

    def __enter__(self) -> FrameSource:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class IterableSource(FrameSource):
    """Frames already in memory (tests, or frames a GUI camera widget hands over)."""

    def __init__(self, frames: Iterable[np.ndarray]):
        self._frames: Iterator[np.ndarray] | None = iter(frames)

    def read(self) -> np.ndarray | None:
        if self._frames is None:
            return None
        frame = next(self._frames, None)
        if frame is None:
            self._frames = None
        return frame

    def close(self) -> None:
        self._frames = None


class _Capture(Protocol):
    """The part of ``cv2.VideoCapture`` we use, so tests can hand in a stand-in."""

    def isOpened(self) -> bool: ...
    def read(self) -> tuple[bool, Any]: ...
    def release(self) -> None: ...
    def get(self, prop: int) -> float: ...
    def set(self, prop: int, value: float) -> bool: ...


class CaptureSource(FrameSource):
    """Frames from a ``cv2.VideoCapture``: a camera by index, or a recorded video file.

    The desk's ``--camera-file`` option feeds a recording through exactly this path, so a video
    behaves like a camera everywhere after the constructor.
    """

    def __init__(
        self,
        capture: _Capture,
        *,
        description: str,
        failed_reads_allowed: int = 0,
        pace_fps: float | None = None,
    ):
        self._capture: _Capture | None = capture
        self.description = description
        self._failed_reads_allowed = failed_reads_allowed
        self._frame_interval = 1.0 / pace_fps if pace_fps else 0.0
        self._next_frame_at = 0.0

    @classmethod
    def camera(cls, index: int, *, width: int = 1280, height: int = 720, api: int | None = None) -> CaptureSource:
        import cv2

        capture = cv2.VideoCapture(index, cv2.CAP_ANY if api is None else api)
        if not capture.isOpened():
            capture.release()
            raise FrameSourceError(
                f"Camera {index} could not be opened. Check that it is plugged in and not in use by "
                "another program, or choose another camera in the settings."
            )
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        # Keep at most one queued frame: when decoding falls behind (pyzbar), the preview and the
        # scan should show the present, not a backlog.
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        # USB cameras drop the odd frame when re-negotiating exposure; a few misses in a row are
        # tolerated before the camera counts as unplugged.
        return cls(capture, description=f"camera {index}", failed_reads_allowed=5)

    @classmethod
    def video_file(cls, path: str | os.PathLike[str], *, realtime: bool = False) -> CaptureSource:
        """A recorded video; ``realtime`` paces frames at the file's frame rate like a live camera."""
        import cv2

        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"Video file not found: {path}")
        capture = cv2.VideoCapture(str(path))
        if not capture.isOpened():
            capture.release()
            raise FrameSourceError(f"Video file {path} could not be opened (unsupported format or codec?).")
        fps = capture.get(cv2.CAP_PROP_FPS) if realtime else 0.0
        return cls(capture, description=str(path), pace_fps=fps if fps and fps > 0 else None)

    def read(self) -> np.ndarray | None:
        capture = self._capture
        if capture is None:
            return None
        if self._frame_interval:
            self._wait_for_frame_time()
        for _ in range(self._failed_reads_allowed + 1):
            ok, frame = capture.read()
            if ok and frame is not None:
                return frame
        log.info("frame source %s ended", self.description)
        self.close()
        return None

    def _wait_for_frame_time(self) -> None:
        now = time.monotonic()
        if self._next_frame_at > now:
            time.sleep(self._next_frame_at - now)
            now = self._next_frame_at
        self._next_frame_at = now + self._frame_interval

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None


@contextlib.contextmanager
def _quiet_opencv() -> Iterator[None]:
    """Silence OpenCV's per-index warnings while probing for cameras that are not there."""
    try:
        import cv2.utils.logging as cvlog
    except ImportError:
        yield
        return
    previous = cvlog.getLogLevel()
    cvlog.setLogLevel(cvlog.LOG_LEVEL_ERROR)
    try:
        yield
    finally:
        cvlog.setLogLevel(previous)


def _open_camera_for_probe(index: int) -> _Capture | None:
    # On Linux a missing /dev/videoN answers instantly; asking OpenCV costs a backend scan.
    if sys.platform.startswith("linux") and not os.path.exists(f"/dev/video{index}"):
        return None
    import cv2

    # DirectShow opens in a fraction of the time Media Foundation needs just to say "no".
    api = cv2.CAP_DSHOW if sys.platform == "win32" else cv2.CAP_ANY
    return cv2.VideoCapture(index, api)


def list_cameras(max_index: int = 8, *, open_capture: Callable[[int], _Capture | None] | None = None) -> list[int]:
    """Indexes 0..max_index-1 that open as a camera; an empty list when there is none."""
    opener = open_capture or _open_camera_for_probe
    found = []
    with _quiet_opencv():
        for index in range(max_index):
            try:
                capture = opener(index)
            except Exception:  # a broken driver must not take the settings screen down with it
                log.warning("probing camera %d failed", index, exc_info=True)
                continue
            if capture is None:
                continue
            try:
                if capture.isOpened():
                    found.append(index)
            finally:
                capture.release()
    return found
