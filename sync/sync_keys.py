"""The settings sync keeps in the terminal's store: where the server is, how this desk signs in, how far it has pulled."""

from __future__ import annotations

from .settings import SERVER_URL_KEY as SERVER_URL  # noqa: F401 (declared with the other settings in sync/settings.py)

TOKEN = "sync.token"
CURSOR = "sync.cursor"  # the server's change number this store has applied through
REMOTE_OPS_PRUNED = "sync.remote_ops_pruned"  # the business day other desks' old operations were last pruned
AUDIT_ANCHORED = "sync.audit_anchored"  # the newest audit row id the server holds (see server/audit.py)
AUDIT_REQUEST = "sync.audit_request_no"  # raised for every anchor request: a late copy is then stale
