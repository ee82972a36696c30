"""Start the desk application: fonts, style, translations, crash handler, the store and the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from membership import __version__
from membership.i18n import DEFAULT_LANGUAGE, LANGUAGES
from sync import settings

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
log = logging.getLogger("memberdesk")


def load_fonts() -> None:
    """Bundle the fonts so the UI renders the same everywhere (Latin from Roboto, CJK from Droid Sans Fallback)."""
    families: list[str] = []
    for name in ("Roboto-Regular.ttf", "Roboto-Bold.ttf", "DroidSansFallbackFull.ttf"):
        path = RESOURCES / "fonts" / name
        if path.exists():
            font_id = QFontDatabase.addApplicationFont(str(path))
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    if families:
        font = QFont()
        font.setFamilies(families)
        font.setPointSize(11)
        QApplication.setFont(font)


def install_crash_handler(app: QApplication) -> None:
    """Crashes are caught once: logged with their traceback and shown on the GUI thread. The operation
    log is safe either way: every action commits or rolls back as a whole."""

    def handler(exc_type, exc, tb) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unhandled exception\n%s", text)
        if os.environ.get("MEMBERDESK_RAISE"):  # tests want the failure, not a dialog
            sys.__excepthook__(exc_type, exc, tb)
            return

        def show() -> None:
            from .i18n import translate

            box = QMessageBox(
                QMessageBox.Icon.Critical,
                "MemberDesk",
                translate("MainWindow", "Something went wrong. Nothing you saved is lost; please tell the manager."),
            )
            box.setDetailedText(text)
            box.exec()

        QTimer.singleShot(0, show)

    sys.excepthook = handler


def _printing_parts() -> dict[str, bool]:
    """Whether the receipt-printer commands (ESC/POS), the print preview (PDFium) and the serial-scanner
    reader load: each is imported only when used, so a bundle missing one would fail only at the desk."""
    import importlib

    parts = {}
    for name, module in (("escpos", "printing.escpos"), ("preview", "pypdfium2"), ("serial", "serial")):
        try:
            importlib.import_module(module)
            parts[name] = True
        except Exception:  # reported, not raised: this is the check
            parts[name] = False
    return parts


def self_check(window) -> str:
    """What an installer wants to know: the version, the language, and whether translations and fonts
    were found (inside a bundle too)."""
    import json

    from PySide6.QtGui import QFontDatabase

    from .i18n import current_language, translate

    return json.dumps(
        {
            "version": __version__,
            "frozen": bool(getattr(sys, "frozen", False)),
            "language": current_language(),
            "translated": translate("LoginScreen", "Log in") != "Log in" or current_language() == "en",
            "login_screen": window.stack.currentWidget() is window.login_screen and window.isVisible(),
            "fonts": sorted(f for f in QFontDatabase.families() if f in ("Roboto", "Droid Sans Fallback")),
            "printing": _printing_parts(),
            "resources": str(RESOURCES),
        },
        ensure_ascii=False,
    )


def build_parser() -> argparse.ArgumentParser:
    from sync.store import default_store_path

    p = argparse.ArgumentParser(prog="memberdesk-desk", description="MemberDesk desk application")
    p.add_argument("--db", default=os.environ.get("MEMBERDESK_DB", str(default_store_path())))
    p.add_argument("--lang", choices=LANGUAGES, help="overrides the language saved in settings")
    p.add_argument("--camera-file", help="feed a recorded video through the camera path instead of a camera")
    p.add_argument("--quit-after", type=int, help=argparse.SUPPRESS)  # ms; for start-up checks
    p.add_argument(
        "--self-check",
        action="store_true",
        help="open to the login screen, print what was found (translations, fonts), and quit",
    )
    p.add_argument("--version", action="version", version=f"MemberDesk {__version__}")
    return p


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("MemberDesk")
    app.setApplicationVersion(__version__)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    icon = RESOURCES / "icons" / "memberdesk.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    load_fonts()
    style = RESOURCES / "style" / "memberdesk.qss"
    app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_app()
    install_crash_handler(app)
    from sync.services import DeskServices
    from sync.store import Store, StoreError

    from .i18n import install_language, render, translate
    from .main_window import MainWindow

    if not Path(args.db).exists():
        print(f"no terminal store at {args.db}: set one up with scripts/run or `memberdesk init`", file=sys.stderr)
        return 2
    try:
        store = Store(args.db)
        store.terminal()
    except StoreError as exc:
        # Wrong or missing key, no keyring, a newer database: say so on screen, change nothing.
        install_language(args.lang or DEFAULT_LANGUAGE)
        text = render(exc.message)
        print(text, file=sys.stderr)
        if not args.self_check and QApplication.platformName() != "offscreen":
            QMessageBox.critical(None, translate("App", "MemberDesk cannot open its database"), text)
        return 2
    install_language(args.lang or settings.LANGUAGE.read(store))
    engine = None
    services: DeskServices = DeskServices(store)
    if settings.SERVER_URL.read(store):  # registered with a central server: sync in the background
        from sync.engine import engine_for
        from sync.inbox import SyncedDeskServices

        engine = engine_for(store, verify=os.environ.get("MEMBERDESK_CA") or True)
        services = SyncedDeskServices(store, engine=engine)
        if not args.self_check:
            engine.start()
    window = MainWindow(services, store, camera_file=args.camera_file, engine=engine)
    window.show()
    from .gcpolicy import GuiGarbageCollector

    collector = GuiGarbageCollector(app)  # cycles collected on the GUI thread, the long pass when idle
    from .probe import install as install_probe

    install_probe(window)  # MEMBERDESK_STATE_FILE: what is on screen, for tests that drive it with X input
    from . import xkeys

    # On X11, wedge scans are read from the raw key events, before an active Chinese IME can mangle them.
    native_keys = xkeys.install(app, window.wedge.deliver)
    if args.self_check:
        QTimer.singleShot(0, lambda: (print(self_check(window)), app.quit()))
    if args.quit_after is not None:
        QTimer.singleShot(args.quit_after, app.quit)
    code = app.exec()
    xkeys.uninstall(app, native_keys)
    collector.stop()
    window.shutdown()
    if engine is not None:
        engine.stop()
    store.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
