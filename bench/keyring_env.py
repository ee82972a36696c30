"""Benchmarks open encrypted stores like the desk does; on a headless machine they need a keyring.

The keyring's files stay in var/bench/keyring, so a store built by one run opens in the next.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ensure_keyring() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from keyring_session import ensure

    ensure(ROOT / "var" / "bench" / "keyring")
