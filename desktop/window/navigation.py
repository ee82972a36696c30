"""The window's screen stack: which screen is current and how a screen is entered."""

from __future__ import annotations

from typing import Any


class NavigationMixin:
    """Moving between the screens of ``MainWindow.stack`` (the screens are built by the window)."""

    def _go(self, screen) -> None:
        self.stack.setCurrentWidget(screen)
        screen.entered()

    def show_home(self) -> None:
        self._go(self.home_screen if self.session else self.login_screen)

    def show_member(self, member_no: str, notice: Any = None) -> None:
        if self.session is None:
            return
        self.stack.setCurrentWidget(self.member_screen)
        self.member_screen.open(member_no)
        if notice is not None:
            self.member_screen.show_error(notice)

    def show_enroll(self) -> None:
        self._go(self.enroll_screen)

    def show_action(self, name: str, member_no: str | None, **kwargs: Any) -> None:
        screen = self.action_screens[name]
        self.stack.setCurrentWidget(screen)
        screen.show_error(None)
        screen.prepare(member_no, **kwargs)

    def show_coupon(self, member_no: str | None, code: str | None = None) -> None:
        self.show_action("coupon", member_no, code=code)

    def show_result(self, result) -> None:
        self.stack.setCurrentWidget(self.result_screen)
        self.result_screen.show_result(result)
        self.refresh_banner()
        self.result_shown.emit(result)

    def show_manager(self) -> None:
        self._go(self.manager_screen)

    def show_backentry(self) -> None:
        self._go(self.backentry_screen)

    def show_settings(self) -> None:
        self._go(self.settings_screen)

    def _open_slip(self, serial: str) -> None:
        self.stack.setCurrentWidget(self.backentry_screen)
        self.backentry_screen.show_error(None)
        self.backentry_screen.open_slip(serial)

    def member_summary(self):
        """The member last shown on the member screen (action forms repeat who it is)."""
        return self.member_screen.summary

    def history_facts(self, op_id: str):
        """The member screen's facts about one history row (its business reference), or None."""
        return self.member_screen.facts.get(op_id)
