"""The one main window: top bar with the sync banner, a stack of screens, scanner input, idle lock."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from membership import codes
from membership.i18n import Message
from membership.timeutil import from_utc_text
from sync import auth
from sync.services import DeskServices, Session
from sync.store import Store

from . import serial_scanner
from .banner import SyncBanner
from .i18n import current_language, install_language, render
from .printer_service import PrinterService
from .scanner import WedgeDetector
from .screens.actions import (
    AdjustScreen,
    BenefitScreen,
    CashOffsetScreen,
    CouponScreen,
    DonationScreen,
    EarnScreen,
    GiftScreen,
    ReceiptScreen,
    ReverseScreen,
)
from .screens.backentry import BackEntryScreen
from .screens.enroll import EnrollScreen
from .screens.home import HomeScreen
from .screens.login import LoginScreen
from .screens.manager import ManagerScreen
from .screens.member import MemberScreen
from .screens.result import ResultScreen
from .screens.settings import SettingsScreen
from .tasks import TaskManager
from .widgets import button, label

SETTING_KEYS = ("server_url", "printer", "paper", "camera", "language", "idle_minutes")


class _ActivityFilter(QObject):
    """Any key or mouse press restarts the idle-lock timer."""

    def __init__(self, timer: QTimer):
        super().__init__()
        self.timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pressed = event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
        if pressed and self.timer.isActive():
            self.timer.start()
        return False


class MainWindow(QMainWindow):
    member_shown = Signal(str)  # emitted when a member's summary is on screen (tests and benchmarks wait on it)
    result_shown = Signal(object)

    def __init__(self, services: DeskServices, store: Store, camera_file: str | None = None, engine=None):
        super().__init__()
        self.services = services
        self.sync_engine = engine
        self.sync_events = None
        self.store = store
        self.session: Session | None = None
        self.tasks = TaskManager(self)
        self.settings: dict[str, str] = {
            key: value for key in SETTING_KEYS if (value := store.setting(key)) is not None
        }
        self.camera_file = camera_file
        self.camera_worker = None
        self.setMinimumSize(1280, 720)

        self.top = QWidget()
        self.top.setObjectName("TopBar")
        top = QHBoxLayout(self.top)
        top.setContentsMargins(16, 8, 16, 8)
        self.mall = label()
        self.staff_label = label()
        self.banner = SyncBanner()
        self.nav = {name: button() for name in ("home", "manager", "settings", "lock")}
        top.addWidget(self.mall)
        top.addWidget(self.banner, 1)
        top.addWidget(self.staff_label)
        for widget in self.nav.values():
            top.addWidget(widget)
        self.nav["home"].clicked.connect(self.show_home)
        self.nav["manager"].clicked.connect(self.show_manager)
        self.nav["settings"].clicked.connect(self.show_settings)
        self.nav["lock"].clicked.connect(self.lock)
        self.banner.sync_button.clicked.connect(self.sync_now)

        self.stack = QStackedWidget()
        self.login_screen = LoginScreen(self)
        self.home_screen = HomeScreen(self)
        self.member_screen = MemberScreen(self)
        self.enroll_screen = EnrollScreen(self)
        self.result_screen = ResultScreen(self)
        self.manager_screen = ManagerScreen(self)
        self.settings_screen = SettingsScreen(self)
        self.backentry_screen = BackEntryScreen(self)
        self.action_screens = {
            "earn": EarnScreen(self),
            "receipt": ReceiptScreen(self),
            "gift": GiftScreen(self),
            "offset": CashOffsetScreen(self),
            "coupon": CouponScreen(self),
            "benefit": BenefitScreen(self),
            "donate": DonationScreen(self),
            "adjust": AdjustScreen(self),
            "reverse": ReverseScreen(self),
        }
        for screen in (
            self.login_screen,
            self.home_screen,
            self.member_screen,
            self.enroll_screen,
            self.result_screen,
            self.manager_screen,
            self.settings_screen,
            self.backentry_screen,
            *self.action_screens.values(),
        ):
            self.stack.addWidget(screen)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.wedge = WedgeDetector(self)
        self.wedge.code_scanned.connect(lambda code: self.route_scan(code, "wedge"))
        app = QApplication.instance()
        app.installEventFilter(self.wedge)
        self.printer_service = PrinterService(self)
        self.serial_scanner = serial_scanner.attach(self)  # USB-COM scanners: same router as the wedge
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self._activity = _ActivityFilter(self.idle_timer)
        app.installEventFilter(self._activity)
        self.banner_timer = QTimer(self)
        self.banner_timer.timeout.connect(self.refresh_banner)
        self.banner_timer.start(5000)
        self.online = False
        self.open_exceptions = 0
        self.last_sync: str | None = None
        if engine is not None:
            self.attach_engine(engine)

        self.retranslate()
        self.refresh_banner()
        self._go(self.login_screen)

    # -- language ----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        try:
            mall = render(self.store.rules().mall_name)
        except Exception:
            mall = "MemberDesk"
        terminal = self.store.terminal()
        self.setWindowTitle(self.tr("{mall} · {desk} · MemberDesk").format(mall=mall, desk=terminal.name))
        self.mall.setText(f"{mall} · {terminal.name}")
        self.nav["home"].setText(self.tr("Home"))
        self.nav["manager"].setText(self.tr("Manager"))
        self.nav["settings"].setText(self.tr("Settings"))
        self.nav["lock"].setText(self.tr("Lock"))
        self._update_staff()

    def switch_language(self, language: str) -> None:
        install_language(language)  # Qt sends LanguageChange to every widget: each retranslates itself

    # -- sessions ----------------------------------------------------------------------------------

    def logged_in(self, session: Session) -> None:
        self.session = session
        self.login_screen.set_locked(None)
        self._update_staff()
        self.idle_timer.setInterval(int(self.settings.get("idle_minutes", "15")) * 60_000)
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

    # -- navigation --------------------------------------------------------------------------------

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

    def print_outage_kit(
        self, counts: dict[str, int], path: str | None = None, handbook_path: str | None = None
    ) -> None:
        """Reserve serials and print the kit's slips, then the benefits handbook that goes with it."""
        from printing import OutageKitData, render_handbook, render_outage_kit

        services, session, store = self.services, self.session, self.store
        language = current_language()

        def make() -> bytes:
            kit = services.issue_outage_kit(session, counts)
            rules = store.rules()
            data = OutageKitData(
                rules.mall_name,
                kit.desk_name,
                kit.terminal_code,
                kit.issued_at.astimezone(rules.timezone).strftime("%Y-%m-%d %H:%M"),
                session.staff_no,
                kit.serials,
                rules.version,
            )
            return render_outage_kit(data, language=language)

        self.output(make, "outage-kit", self.manager_screen, path)
        self.output(
            lambda: render_handbook(store.rules(), store.master(), language=language),
            f"handbook-{store.rules().version}",
            self.manager_screen,
            handbook_path,
        )

    def show_settings(self) -> None:
        self._go(self.settings_screen)

    # -- scanning ----------------------------------------------------------------------------------

    def route_scan(self, code: str, source: str = "wedge") -> None:
        """The one entry point for every scanned code, wherever the user is.

        ``source`` is ``"wedge"``, ``"camera"`` or ``"serial"`` (for the log; routing is the same). A member
        code opens the member; a coupon opens its verification, checked, for the member on screen; a
        paper slip opens back-entry for that slip; a payment code or anything else gets a message on the
        current screen, never a name search. If the screen holds a half-filled form the desk asks first.
        Call on the GUI thread.
        """
        from . import scanroute

        if self.session is None or QApplication.activeModalWidget() is not None:
            return
        kind, code = scanroute.classify(code)
        screen = self.stack.currentWidget()
        if kind == scanroute.SLIP:
            if not self.allowed("back_entry"):
                screen.show_error(self.tr("This is a paper slip; a desk clerk or a manager keys it in."))
                return
            self._leave_then(screen, lambda: self._open_slip(code))
        elif kind == scanroute.COUPON:
            member = self._member_on_screen(screen)
            self._leave_then(screen, lambda: self.show_coupon(member, code))
        elif kind in (scanroute.WECHAT_PAY, scanroute.ALIPAY):
            screen.show_error(
                self.tr("This is a WeChat Pay payment code, not a member code. Ask for the member code.")
                if kind == scanroute.WECHAT_PAY
                else self.tr("This is an Alipay payment code, not a member code. Ask for the member code.")
            )
        elif kind == scanroute.UNKNOWN:
            try:
                codes.verify_member_token(code, {}, self.services._today())
            except codes.CodeError as exc:  # says what is wrong: not a member code, incomplete
                screen.show_error(exc)
        else:
            services, session = self.services, self.session

            def found(hits) -> None:
                if self.session is not session:
                    return
                if not hits:
                    self.stack.currentWidget().show_error(
                        self.tr("No member has the scanned code {code}.").format(code=code)
                    )
                    return
                member_no = hits[0].member_no
                self._leave_then(self.stack.currentWidget(), lambda: self.show_member(member_no))

            self.tasks.run(lambda: services.lookup(session, code), found, lambda exc: self._scan_failed(exc))

    def precheck_online(self) -> bool:
        """Whether a redemption or coupon verification will ask the server first (a synced terminal that
        believes it is online); the screen then shows that it is checking."""
        services = self.services
        if getattr(services, "engine", None) is None:
            return False
        is_online = getattr(services, "_is_online", None)
        return bool(is_online() if is_online is not None else self.online)

    def _scan_failed(self, exc: BaseException) -> None:
        self.stack.currentWidget().show_error(exc)

    def _member_on_screen(self, screen) -> str | None:
        if screen is self.member_screen or screen in self.action_screens.values():
            return getattr(screen, "member_no", None)
        if screen is self.result_screen and screen.result is not None:
            return screen.result.member_no
        return None

    def _open_slip(self, serial: str) -> None:
        self.stack.setCurrentWidget(self.backentry_screen)
        self.backentry_screen.show_error(None)
        self.backentry_screen.open_slip(serial)

    def _leave_then(self, screen, go) -> None:
        """Run ``go`` (which leaves the screen or refills it); ask first when a half-filled form would be lost."""
        if not screen.dirty():
            go()
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName("DiscardForm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("A form is half filled"))
        box.setText(self.tr("A code was scanned while this form is half filled. Leave the form and open the code?"))
        leave = box.addButton(self.tr("Open the code (Enter)"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(self.tr("Keep the form (Esc)"), QMessageBox.ButtonRole.RejectRole)
        leave.setObjectName("DiscardLeave")
        stay.setObjectName("DiscardStay")
        box.setDefaultButton(leave)
        box.setEscapeButton(stay)

        def answered(_: int) -> None:
            self.activateWindow()  # the keyboard comes back to the desk, not to nowhere
            if box.clickedButton() is leave:
                go()
            else:
                screen.focus_primary()

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()

    def start_camera(self) -> None:
        source = self.camera_file or self.settings.get("camera", "")
        if not source or self.camera_worker is not None:
            return
        from .qrreader.frames import CaptureSource
        from .scanner import CameraWorker

        if self.camera_file:

            def factory():
                return CaptureSource.video_file(self.camera_file, realtime=True)  # plays like a live camera
        else:

            def factory():
                return CaptureSource.camera(int(source))

        self.camera_worker = CameraWorker(factory, parent=self, emit_frames=True)
        self.camera_worker.code_scanned.connect(lambda code: self.route_scan(code, "camera"))
        self.camera_worker.frame_ready.connect(self.home_screen.preview.show_frame)
        self.home_screen.preview.show()
        self.camera_worker.failed.connect(lambda text: self.home_screen.show_error(text))
        self.camera_worker.start()

    def stop_camera(self) -> None:
        if self.camera_worker is not None:
            self.camera_worker.stop()
            self.camera_worker = None

    def available_cameras(self) -> list[int]:
        from .qrreader.frames import list_cameras

        return list_cameras(max_index=4)

    # -- settings ----------------------------------------------------------------------------------

    def save_settings(self, values: dict[str, str]) -> None:
        store = self.store

        def write() -> None:
            with store.transaction() as conn:
                for key, value in values.items():
                    store.set_setting(conn, key, value)

        def saved(_: object) -> None:
            language_changed = values.get("language") != current_language()
            self.settings.update(values)
            self.idle_timer.setInterval(int(values["idle_minutes"]) * 60_000)
            if language_changed:
                self.switch_language(values["language"])
            self.settings_screen.message.setObjectName("Ok")
            self.settings_screen.show_error(self.tr("Settings saved."))
            self.settings_screen.message.setObjectName("Ok")
            self.settings_screen.message.style().polish(self.settings_screen.message)

        self.tasks.run(write, saved, self.settings_screen.show_error)

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
            self.login_screen.show_notice(self.tr("Terminal registered. Log in again to start working online."))

        self.tasks.run(register, registered, self.settings_screen.show_error)

    def attach_engine(self, engine) -> None:
        """Show the sync engine's state: its plain events arrive here as Qt signals on the GUI thread."""
        from .events import SyncEvents

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

    # -- sync banner -------------------------------------------------------------------------------

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
                self.tr("No server is configured; operations stay on this terminal until one is.")
            )
            return
        engine.request_sync()

    # -- printing ----------------------------------------------------------------------------------

    def printing_available(self) -> bool:
        return self.printer_service.printing_available()

    def available_printers(self) -> list[str]:
        return self.printer_service.available_printers()

    def output(self, make_pdf, name: str, screen, path: str | None = None) -> None:
        """A PDF document to ``path``, the PDF printer, or a print preview (see desktop/printer_service.py)."""
        self.printer_service.output(make_pdf, name, screen, path)

    def print_receipt(self, receipt, path: str | None = None) -> None:
        self.printer_service.print_receipt(receipt, self.result_screen, path)

    def save_receipt_pdf(self, receipt, path: str | None = None) -> None:
        self.printer_service.save_receipt_pdf(receipt, self.result_screen, path)

    def reprint(self, op_id: str, path: str | None = None) -> None:
        """Reprint a past receipt from history, marked REPRINT (the reprint itself is audited)."""
        self.printer_service.reprint(op_id, self.member_screen, path)

    def print_welcome_slip(self, result, path: str | None = None) -> None:
        self.printer_service.print_welcome_slip(result, self.result_screen, path)

    def print_daily_report(self, path: str | None = None, csv_path: str | None = None) -> None:
        from printing import daily_report_csv, render_daily_report
        from sync import reports

        services, store, session = self.services, self.store, self.session
        day = services._today()
        screen = self.manager_screen

        def data():
            return reports.daily_report(store, day, f"{session.name} ({session.staff_no})", services.clock())

        if csv_path:
            services.record_export(session, "daily_report_csv", 1)
            self.tasks.run(
                lambda: Path(csv_path).write_text(
                    daily_report_csv(data(), language=current_language()), encoding="utf-8-sig"
                ),
                lambda _: screen.show_notice(self.tr("Saved to {path}").format(path=csv_path)),
                screen.show_error,
            )
            return
        self.output(
            lambda: render_daily_report(data(), language=current_language()), f"daily-report-{day}", screen, path
        )

    def print_shift_handover(
        self,
        path: str | None = None,
        csv_path: str | None = None,
        handed_to: str = "",
        counted: dict[str, int] | None = None,
    ) -> None:
        """The shift handover (交班) of the staff member logged in: from their login to now, as PDF or CSV."""
        from printing import render_shift_handover, shift_handover_csv
        from sync import reports

        services, store, session = self.services, self.store, self.session
        screen = self.manager_screen
        counts = dict(counted or {})

        def data():
            return reports.shift_handover(
                store,
                session.staff_no,
                session.name,
                session.started_at,
                services.clock(),
                counts,
                services.clock(),
                handed_to=handed_to,
            )

        name = f"shift-handover-{session.staff_no}-{services._today()}"
        if csv_path:
            services.record_export(session, "shift_handover_csv", 1)
            self.tasks.run(
                lambda: Path(csv_path).write_text(
                    shift_handover_csv(data(), language=current_language()), encoding="utf-8-sig"
                ),
                lambda _: screen.show_notice(self.tr("Saved to {path}").format(path=csv_path)),
                screen.show_error,
            )
            return
        self.output(lambda: render_shift_handover(data(), language=current_language()), name, screen, path)

    def print_statement(self, member_no: str, year: int | None = None, path: str | None = None) -> None:
        """The member annual statement (会员价值报告) for this year, or ``year``."""
        from printing import render_statement
        from sync import reports

        store, today = self.store, self.services._today()
        year = year or today.year
        self.output(
            lambda: render_statement(
                reports.member_statement(store, member_no, year, today), language=current_language()
            ),
            f"statement-{member_no}-{year}",
            self.member_screen,
            path,
        )

    def print_handbook(self, path: str | None = None) -> None:
        from printing import render_handbook

        store = self.store
        self.output(
            lambda: render_handbook(store.rules(), store.master(), language=current_language()),
            f"handbook-{store.rules().version}",
            self.manager_screen,
            path,
        )

    def shutdown(self) -> None:
        """Stop timers, the camera and the event filters, and let queued store work finish."""
        if self.sync_events is not None:
            self.sync_events.detach()
            self.sync_events = None
        self.banner_timer.stop()
        self.idle_timer.stop()
        self.stop_camera()
        self.serial_scanner.stop()
        self.tasks.wait(10_000)
        self.printer_service.wait(10_000)
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
            app.removeEventFilter(self._activity)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
