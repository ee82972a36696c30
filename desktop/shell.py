"""What a screen may ask of the window around it: the one narrow, typed interface screens depend on.

Screens (``desktop/screens/``) and the ``Screen`` base class import this Protocol, never
``desktop.main_window``: the window depends on the screens, the screens on this list, and nothing goes
round in a circle (``tests/test_layers.py`` checks that ``desktop/`` has no import cycle). Anything a
screen needs that is not listed here is a change to this file first, so the list stays the whole story.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from sync.services import ActionResult, DeskServices, MemberSummary, Session
    from sync.settings import Settings
    from sync.store import Store

    from .models import HistoryFacts
    from .printer_service import PrinterService
    from .serial_scanner import SerialScanner
    from .tasks import TaskManager


class Shell(Protocol):
    """The main window as the screens see it (``desktop.main_window.MainWindow`` implements it)."""

    # -- what the screens read -------------------------------------------------------------------------
    services: DeskServices  # the desk services (synced on a registered terminal)
    store: Store
    session: Session | None  # who is logged in; None on the login/lock screen
    tasks: TaskManager  # store and network work off the GUI thread
    settings: Settings  # this terminal's settings, typed by their declarations (sync/settings.py)
    printer_service: PrinterService
    serial_scanner: SerialScanner | None
    sync_engine: Any  # the sync engine of a registered terminal (sync.engine.SyncEngine), or None
    member_shown: SignalInstance  # the member screen emits it once a summary is on screen

    def allowed(self, action: str) -> bool:
        """Whether to offer ``action`` to the role logged in (the services enforce it regardless)."""
        ...

    def precheck_online(self) -> bool:
        """Whether a redemption or coupon verification will ask the server first."""
        ...

    def member_summary(self) -> MemberSummary | None:
        """The summary of the member last shown on the member screen (action forms show it)."""
        ...

    def history_facts(self, op_id: str) -> HistoryFacts | None:
        """What the member screen's history knows of one operation (its business reference)."""
        ...

    # -- navigation ----------------------------------------------------------------------------------
    def logged_in(self, session: Session) -> None: ...
    def show_home(self) -> None: ...
    def show_member(self, member_no: str, notice: Any = None) -> None: ...
    def show_enroll(self) -> None: ...
    def show_action(self, name: str, member_no: str | None, **kwargs: Any) -> None: ...
    def show_coupon(self, member_no: str | None, code: str | None = None) -> None: ...
    def show_result(self, result: ActionResult) -> None: ...
    def show_backentry(self) -> None: ...

    # -- printing ------------------------------------------------------------------------------------
    def printing_available(self) -> bool: ...
    def available_printers(self) -> list[str]: ...
    def print_receipt(self, receipt: Any, path: str | None = None) -> None: ...
    def save_receipt_pdf(self, receipt: Any, path: str | None = None) -> None: ...
    def print_welcome_slip(self, result: ActionResult, path: str | None = None) -> None: ...
    def reprint(self, op_id: str, path: str | None = None) -> None: ...
    def print_statement(self, member_no: str, year: int | None = None, path: str | None = None) -> None: ...
    def print_daily_report(self, path: str | None = None, csv_path: str | None = None) -> None: ...
    def print_handbook(self, path: str | None = None) -> None: ...
    def print_outage_kit(
        self, counts: dict[str, int], path: str | None = None, handbook_path: str | None = None
    ) -> None: ...
    def print_shift_handover(
        self,
        path: str | None = None,
        csv_path: str | None = None,
        handed_to: str = "",
        counted: dict[str, int] | None = None,
    ) -> None: ...

    # -- settings and registration -------------------------------------------------------------------
    def available_cameras(self) -> list[int]: ...
    def save_settings(self, values: dict[str, str]) -> None: ...
    def register_terminal(self, server_url: str, code: str) -> None: ...
