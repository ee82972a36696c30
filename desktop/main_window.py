"""The one main window: builds the top bar with the sync banner and the stack of screens, and combines the
window's parts (navigation, session and idle lock, scan routing, sync banner, printing, settings)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from sync.services import DeskServices, Session
from sync.settings import Settings
from sync.store import Store

from . import serial_scanner
from .banner import SyncBanner
from .i18n import render
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
from .window.navigation import NavigationMixin
from .window.print_wiring import PrintingMixin
from .window.scan_wiring import ScanMixin
from .window.session import ActivityFilter, SessionMixin
from .window.settings_wiring import SettingsMixin
from .window.sync_wiring import SyncMixin


class MainWindow(NavigationMixin, SessionMixin, ScanMixin, SyncMixin, PrintingMixin, SettingsMixin, QMainWindow):
    """The desk's one window: it builds the top bar and the screens and holds the state they share; what it
    does is split by responsibility into the mixins of ``desktop/window/`` (see docs/DESKTOP.md). Screens see
    it only as a ``desktop.shell.Shell``."""

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
        self.settings = Settings.load(store)  # every desk setting, typed by its declaration (sync/settings.py)
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
        self._activity = ActivityFilter(self.idle_timer)
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
