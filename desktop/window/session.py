"""Who is logged in at the desk: log-in, lock (by hand or after the idle time), role checks, language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

from membership.i18n import Message
from sync import auth
from sync.services import Session
from sync.settings import IDLE_MINUTES

from ..i18n import install_language, render


class ActivityFilter(QObject):
    """Any key or mouse press restarts the idle-lock timer."""

    def __init__(self, timer: QTimer):
        super().__init__()
        self.timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pressed = event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
        if pressed and self.timer.isActive():
            self.timer.start()
        return False


class SessionMixin:
    """The staff session of the window and the idle lock that ends it."""

    def logged_in(self, session: Session) -> None:
        self.session = session
        self.login_screen.set_locked(None)
        self._update_staff()
        self.idle_timer.setInterval(self.settings.value(IDLE_MINUTES) * 60_000)
        self.idle_timer.start()
        self.start_camera()
        self.show_home()
        self.printer_service.first_run_notice(self.home_screen)  # no printer chosen yet: say where to

    def lock(self) -> None:
        """Lock the terminal: the session ends and what was on screen is hidden."""
        if self.session is not None:
            staff_no = self.session.staff_no
            services, session = self.services, self.session
            self.session = None
            self.tasks.run(lambda: services.logout(session))
            self.login_screen.set_locked(staff_no)
        self.idle_timer.stop()
        self._update_staff()
        self._go(self.login_screen)

    def allowed(self, action: str) -> bool:
        """Whether to offer an action to the current role (the services enforce it regardless)."""
        return self.session is not None and self.session.role in auth.PERMISSIONS.get(action, frozenset())

    def _update_staff(self) -> None:
        logged_in = self.session is not None
        if logged_in:
            role = render(Message("Auth", auth.ROLE_LABELS[self.session.role]))
            self.staff_label.setText(f"{self.session.name} ({self.session.staff_no}, {role})")
        else:
            self.staff_label.setText("")
        for name, widget in self.nav.items():
            widget.setVisible(logged_in and (name != "manager" or self.allowed("manage_staff")))

    def switch_language(self, language: str) -> None:
        install_language(language)  # Qt sends LanguageChange to every widget: each retranslates itself
