"""Registering a terminal with the central server (the desktop's settings screen calls this)."""

from __future__ import annotations

from .engine import Registration, register_terminal

__all__ = ["Registration", "register_terminal"]
