"""The sync engine and the banner: the engine's state shown in the top bar, sync now, registration."""

from __future__ import annotations

import os

from membership.timeutil import from_utc_text

from ..i18n import translate


class SyncMixin:
    """Shows the sync engine's state in the banner and lets the desk register with a server."""

    def register_terminal(self, server_url: str, code: str) -> None:
        """Register with the server using a one-time code, then sync from now on (staff log in again)."""
        from sync.engine import engine_for, register_terminal
        from sync.inbox import SyncedDeskServices

        store, clock = self.store, self.services.clock
        verify = os.environ.get("MEMBERDESK_CA") or True

        def register():
            register_terminal(store, server_url, code, verify=verify)
            return engine_for(store, verify=verify)

        def registered(engine) -> None:
            self.services = SyncedDeskServices(store, clock=clock, engine=engine)
            self.attach_engine(engine)
            engine.start()
            self.lock()
            self.login_screen.set_locked(None)
            self.login_screen.show_notice(
                translate("MainWindow", "Terminal registered. Log in again to start working online.")
            )

        self.tasks.run(register, registered, self.settings_screen.show_error)

    def attach_engine(self, engine) -> None:
        """Show the sync engine's state: its plain events arrive here as Qt signals on the GUI thread."""
        from ..events import SyncEvents

        if self.sync_events is not None:
            self.sync_events.detach()
        self.sync_engine = engine
        self.sync_events = SyncEvents(engine, self)
        self.sync_events.status_changed.connect(self._sync_status)
        self.sync_events.exceptions_opened.connect(self._exceptions_opened)
        self._sync_status(engine.status)

    def _sync_status(self, status) -> None:
        self.online = status.online
        self.open_exceptions = getattr(status, "open_exceptions", 0)
        if status.last_success:
            local = from_utc_text(status.last_success).astimezone(self.store.rules().timezone)
            self.last_sync = local.strftime("%m-%d %H:%M")
        self.refresh_banner()

    def _exceptions_opened(self, ids) -> None:
        if self.stack.currentWidget() is self.manager_screen:
            self.manager_screen.refresh()

    def refresh_banner(self) -> None:
        self.tasks.run(self.services.flush_lookup_audit)  # look-ups' audit rows, a few seconds late at most
        count, oldest = self.services.pending_operations()
        if oldest:
            oldest = from_utc_text(oldest).astimezone(self.store.rules().timezone).strftime("%m-%d %H:%M")
        self.banner.set_state(self.online, count, oldest, self.last_sync, self.open_exceptions)

    def sync_now(self) -> None:
        """The banner's "sync now": ask the engine for a round at once."""
        engine = self.sync_engine
        if engine is None:
            self.stack.currentWidget().show_error(
                translate("MainWindow", "No server is configured; operations stay on this terminal until one is.")
            )
            return
        engine.request_sync()
