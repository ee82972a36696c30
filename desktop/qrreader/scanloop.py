"""The camera scan loop in plain Python: frames in, each code reported once, stoppable from any thread."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .base import Corners, QrReader, QrResult
from .frames import FrameSource

log = logging.getLogger(__name__)

OnCode = Callable[[str, Corners], None]
OnFrame = Callable[[np.ndarray, list[QrResult]], None]


@dataclass
class _Seen:
    reported_at: float
    missed_frames: int = 0


class ScanLoop:
    """Pulls frames from a :class:`FrameSource`, decodes them and reports each code once.

    A code is reported again only after it has left the view (not decoded in ``gone_after_frames``
    consecutive frames; one missed frame is usually a blurred frame, not a code taken away) or, while
    it stays in view, after ``repeat_after`` seconds (None: never). ``on_frame`` gets every frame
    with its results for the live preview; ``on_code`` runs before it for each newly seen code.
    Both are called on the loop's thread: a Qt adapter re-emits them as signals.
    """

    def __init__(
        self,
        source: FrameSource,
        reader: QrReader,
        on_code: OnCode,
        on_frame: OnFrame | None = None,
        *,
        gone_after_frames: int = 5,
        repeat_after: float | None = 5.0,
        clock: Callable[[], float] = time.monotonic,
        stop_event: threading.Event | None = None,
        close_source: bool = True,
    ):
        if gone_after_frames < 1:
            raise ValueError("gone_after_frames must be at least 1")
        self.source = source
        self.reader = reader
        self._on_code = on_code
        self._on_frame = on_frame
        self._gone_after_frames = gone_after_frames
        self._repeat_after = repeat_after
        self._clock = clock
        self._stop = stop_event or threading.Event()
        self._close_source = close_source
        self._seen: dict[str, _Seen] = {}
        self.frames_read = 0

    @property
    def stop_event(self) -> threading.Event:
        return self._stop

    def stop(self) -> None:
        """Ask the loop to end after the frame in hand; safe to call from any thread."""
        self._stop.set()

    def run(self) -> int:
        """Run until the source ends or :meth:`stop` is called; returns the number of frames read.

        The loop owns the source unless ``close_source`` is False: it is released on the loop's
        thread, which is what camera drivers expect.
        """
        try:
            while not self._stop.is_set():
                frame = self.source.read()
                if frame is None:
                    break
                self.frames_read += 1
                self.process(frame)
        finally:
            if self._close_source:
                self.source.close()
        return self.frames_read

    def process(self, frame: np.ndarray) -> list[QrResult]:
        """Decode one frame, report new codes and hand the frame to ``on_frame``."""
        results = self.reader.decode(frame)
        now = self._clock()
        in_view: dict[str, QrResult] = {}
        for result in results:
            in_view.setdefault(result.text, result)

        for text, result in in_view.items():
            seen = self._seen.get(text)
            if seen is None:
                self._seen[text] = _Seen(reported_at=now)
                self._on_code(text, result.corners)
                continue
            seen.missed_frames = 0
            if self._repeat_after is not None and now - seen.reported_at >= self._repeat_after:
                seen.reported_at = now
                self._on_code(text, result.corners)

        for text in [t for t in self._seen if t not in in_view]:
            seen = self._seen[text]
            seen.missed_frames += 1
            if seen.missed_frames >= self._gone_after_frames:
                del self._seen[text]

        if self._on_frame is not None:
            self._on_frame(frame, results)
        return results
