"""Desk services: the API the desk application calls. Each user action is one transaction that writes
the state change, its operation-log row and its audit row together, or nothing at all.

Role checks live here, not in any button. Business rules come from :mod:`membership.decisions`, chosen
by kind in :mod:`membership.dispatch`; this package reads the state those decisions need
(:mod:`.reader`) and writes the plan they come to (:mod:`.executor`). :class:`DeskServices` is
assembled from one part per responsibility, each building on the one before:

- :mod:`.base` — the store, the clock and connectivity, small helpers;
- :mod:`.sessions` — logging in, PINs and lock-outs, role checks, a manager's approval;
- :mod:`.staff` — staff administration;
- :mod:`.lookups` — finding members, the member summary and history, references, reprints;
- :mod:`.receipts` — building an operation's receipt;
- :mod:`.writing` — performing one operation (validate, decide, write the plan, log, audit);
- :mod:`.actions` — the desk's actions (enroll, earn, credit a receipt, redeem, reverse, …);
- :mod:`.paper_slips` — the outage kit and keying paper slips in;
- :mod:`.records` — the plain records they take and return.
"""

from __future__ import annotations

from .paper_slips import PaperSlipServices
from .records import (
    NAME_SEARCH_LIMIT,
    USER_ERRORS,
    ActionResult,
    DuplicatePhone,
    HistoryRow,
    MemberHit,
    MemberSummary,
    OutageKit,
    PaperSlip,
    Session,
)

__all__ = [
    "NAME_SEARCH_LIMIT",
    "USER_ERRORS",
    "ActionResult",
    "DeskServices",
    "DuplicatePhone",
    "HistoryRow",
    "MemberHit",
    "MemberSummary",
    "OutageKit",
    "PaperSlip",
    "Session",
]


class DeskServices(PaperSlipServices):
    """The terminal's desk services over one :class:`~sync.store.Store`."""
