"""Python's cyclic garbage collector held off while a pull parses and applies pages.

A catch-up keeps tens of thousands of freshly parsed changes alive at once (the pages fetched ahead and
the ones being applied), and each of them is a handful of dicts and lists. The collector runs every
few hundred allocations and, as these objects survive, scans them again and again, and with them every
other object of the process: a quarter to a third of a catch-up's CPU went there (docs/PERFORMANCE.md).
Nothing a pull allocates forms reference cycles that must be freed meanwhile (reference counting frees
it), so the collector waits until the pull is over and runs then as usual.

This is for the processes that leave collection to Python: ``memberdesk sync``, tests and benchmarks.
The desk app turns automatic collection off for good and runs it from its GUI thread
(``desktop/gcpolicy.py``); there a pause finds it off and leaves it off.

Several pulls in one process (tests, the drill) may overlap: the collector is enabled again when the
last of them ends, and only if it was enabled before the first began.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
