"""The settings sync keeps in the terminal's store: where the server is, how this desk signs in, how far it has pulled.

The server address is a setting staff see (declared with its type and default in :mod:`sync.settings`);
the others are the engine's own bookkeeping, never set by hand.
"""

from __future__ import annotations

from .settings import SERVER_URL_KEY as SERVER_URL

__all__ = ["AUDIT_ANCHORED", "AUDIT_REQUEST", "CURSOR", "REMOTE_OPS_PRUNED", "SERVER_URL", "TOKEN"]

TOKEN = "sync.token"
CURSOR = "sync.cursor"  # the server's change number this store has applied through
REMOTE_OPS_PRUNED = "sync.remote_ops_pruned"  # the business day other desks' old operations were last pruned
AUDIT_ANCHORED = "sync.audit_anchored"  # the newest audit row id the server holds (see server/audit.py)
AUDIT_REQUEST = "sync.audit_request_no"  # raised for every anchor request: a late copy is then stale
