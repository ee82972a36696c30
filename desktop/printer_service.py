"""Where the desk's documents go: the ESC/POS receipt printer, a printer with a driver (PDF), a preview.

The printer profile (Settings, ``printer_profile``) chooses for slips (receipts, reprints, welcome
slips): an ESC/POS model sends printer commands over USB, TCP 9100 or a raw CUPS queue; ``pdf`` (or no
profile, on terminals set up before ESC/POS) prints the PDF through the ``printer`` queue. A4 documents
always go as PDF to the ``printer`` queue. With no queue and no receipt printer, a document opens in a
print preview (Qt's own dialog, translated) instead of a Save dialog; Save as PDF stays one click away.

Printing runs on its own worker thread, so a printer that takes its time never holds up store work
(the next scan); reading what to print (a reprint's receipt) runs on the store's worker first. A
printer problem becomes the screen's message (translated, ending in "reprint"); the operation is
already recorded and the print button prints it again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QSizeF, QStandardPaths
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from membership.i18n import Message
from sync.settings import (
    PAPER,
    PRINTER,
    PRINTER_ADDRESS,
    PRINTER_ENCODING,
    PRINTER_LOGO,
    PRINTER_PROFILE,
    PRINTER_TRANSPORT,
    Settings,
)

from .i18n import current_language
from .tasks import TaskManager

NONE = "none"  # printing.escpos.NONE: no printer at this desk (chosen at first run)


def reference_of(receipt) -> str:
    """The business reference people read (007-000123): the services' ``reference`` when it has one."""
    return getattr(receipt, "reference", None) or receipt.op_ref


def documents_folder() -> Path:
    """Where Save dialogs start: the user's Documents/MemberDesk (made on first use), not the home folder."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    folder = Path(base) / "MemberDesk"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path(base)
    return folder


class PrinterService(QObject):
    def __init__(self, win):
        super().__init__(win)
        self.win = win
        self.print_tasks = TaskManager(self)  # one printer, one job at a time, never behind store work
        self.preview_dialog: QPrintPreviewDialog | None = None

    # -- what is set up ----------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self.win.settings  # loaded with the window, every desk setting (sync/settings.py)

    def first_run(self) -> bool:
        """No printer was ever chosen at this desk (terminals that had a PDF queue count as chosen)."""
        return not self.settings.is_set(PRINTER_PROFILE) and not self.settings.value(PRINTER)

    def first_run_notice(self, screen) -> None:
        """On a desk where no printer was ever chosen, say on the first screen where to choose one."""
        if self.first_run():
            screen.show_notice(
                self.tr("No printer is chosen for this desk yet: open Settings, choose it and make a test print.")
            )

    def escpos_config(self):
        """The ESC/POS printer for slips, or None (PDF). A broken set-up is a PrintError with its message."""
        from printing.escpos import ConfigError, config_from_settings
        from printing.spool import PrintError

        try:
            return config_from_settings(self.settings)
        except ConfigError as exc:
            raise PrintError("printer_setup", exc.message) from None

    def _has_pdf_printer(self) -> bool:
        return bool(self.settings.value(PRINTER))

    def printing_available(self) -> bool:
        try:
            import printing.receipt  # noqa: F401
        except ImportError:
            return False
        return True

    def available_printers(self) -> list[str]:
        from printing.spool import printers

        try:
            return printers()
        except Exception:  # no CUPS, a scheduler that hangs: the list is only a convenience
            return []

    # -- slips ---------------------------------------------------------------------------------------

    def _reprinted_at(self) -> str:
        return self.win.services.clock().astimezone(self.win.store.rules().timezone).strftime("%Y-%m-%d %H:%M")

    def receipt_pdf(self, receipt, reprint: bool = False, reprinted_at: str | None = None) -> bytes:
        from printing.receipt import render_receipt

        width = self.settings.value(PAPER)
        return render_receipt(
            receipt, width_mm=width, language=current_language(), reprint=reprint, reprinted_at=reprinted_at
        )

    def print_receipt(self, receipt, screen, path: str | None = None, *, reprint: bool = False) -> None:
        """A receipt (or a reprint with its band) to the receipt printer, the PDF printer or the preview."""
        from printing.escpos import receipt_escpos

        reprinted_at = self._reprinted_at() if reprint else None
        language = current_language()
        name = f"{'reprint' if reprint else 'receipt'}-{reference_of(receipt)}"
        self.slip(
            screen,
            name,
            lambda config: receipt_escpos(
                receipt, config, language=language, reprint=reprint, reprinted_at=reprinted_at
            ),
            lambda: self.receipt_pdf(receipt, reprint, reprinted_at),
            path,
        )

    def reprint(self, op_id: str, screen, path: str | None = None) -> None:
        """Reprint a past receipt, marked REPRINT: read (and audited) on the store's thread, then printed."""
        services, session = self.win.services, self.win.session
        self.win.tasks.run(
            lambda: services.reprint_receipt(session, op_id),
            lambda receipt: self.print_receipt(receipt, screen, path, reprint=True),
            screen.show_error,
        )

    def welcome_data(self, result):
        from printing import WelcomeSlipData

        r = result.receipt
        rules = self.win.store.rules()
        return WelcomeSlipData(
            mall_name=r.mall_name,
            desk_name=r.desk_name,
            terminal_code=r.terminal_code,
            at_local=r.at_local,
            staff_no=r.staff_no,
            staff_name=r.staff_name,
            op_ref=reference_of(r),
            member_no=r.member_no,
            member_name_masked=r.member_name_masked,
            phone_masked=r.phone_masked,
            tier_name=r.tier_name,
            token=result.extra["member_token"],
            welcome_points=rules.welcome_points,
            points_balance=r.points_after,
            rules_location=rules.rules_location,
        )

    def print_welcome_slip(self, result, screen, path: str | None = None) -> None:
        from printing import render_welcome_slip
        from printing.escpos import welcome_escpos

        data = self.welcome_data(result)
        width = self.settings.value(PAPER)
        language = current_language()
        self.slip(
            screen,
            f"welcome-{data.member_no}",
            lambda config: welcome_escpos(data, config, language=language),
            lambda: render_welcome_slip(data, width_mm=width, language=language),
            path,
        )

    def slip(
        self,
        screen,
        name: str,
        make_escpos: Callable[[object], bytes],
        make_pdf: Callable[[], bytes],
        path: str | None = None,
    ) -> None:
        """A slip to the ESC/POS printer when one is set up, else as PDF (printer, file or preview)."""
        if path is None:
            from printing.spool import PrintError

            try:
                config = self.escpos_config()
            except PrintError as exc:  # the saved set-up is broken: say what to fix in Settings
                screen.show_error(exc)
                return
            if config is not None:
                from printing.escpos import send_job

                self.print_tasks.run(
                    lambda: send_job(make_escpos(config), config, title=name),
                    lambda _: self._sent(screen),
                    screen.show_error,
                )
                return
        self.output(make_pdf, name, screen, path)

    # -- PDF -----------------------------------------------------------------------------------------

    def _status(self, screen):
        return getattr(screen, "status", screen.message)

    def _sent(self, screen) -> None:
        screen.show_error(None)
        self._status(screen).setText(self.tr("Sent to the printer."))

    def output(self, make_pdf, name: str, screen, path: str | None = None) -> None:
        """A PDF document to ``path``, to the ``printer`` queue, or, with no printer, to a print preview."""
        status = self._status(screen)
        if path is not None:

            def write() -> str:
                from printing.spool import save_pdf

                save_pdf(make_pdf(), path)
                return path

            self.win.tasks.run(
                write, lambda p: status.setText(self.tr("Saved to {path}").format(path=p)), screen.show_error
            )
            return
        printer = self.settings.value(PRINTER)
        if printer:
            from printing.spool import print_pdf

            self.print_tasks.run(
                lambda: print_pdf(make_pdf(), printer, title=name), lambda _: self._sent(screen), screen.show_error
            )
            return
        self.win.tasks.run(make_pdf, lambda pdf: self.preview(pdf, name), screen.show_error)

    def save_dialog(self, make_pdf, name: str, screen) -> None:
        suggested = str(documents_folder() / f"{name}.pdf")
        path, _ = QFileDialog.getSaveFileName(self.win, self.tr("Save as PDF"), suggested, "PDF (*.pdf)")
        if path:
            self.output(make_pdf, name, screen, path)

    def save_receipt_pdf(self, receipt, screen, path: str | None = None) -> None:
        name = f"receipt-{reference_of(receipt)}"
        if path:
            self.output(lambda: self.receipt_pdf(receipt), name, screen, path)
        else:
            self.save_dialog(lambda: self.receipt_pdf(receipt), name, screen)

    def preview(self, pdf: bytes, name: str) -> QPrintPreviewDialog:
        """Qt's print preview of the PDF's pages (drawn with PDFium); its Print button reaches any printer
        the computer has, with the page size of the document (a roll slip keeps its length)."""
        import pypdfium2

        document = pypdfium2.PdfDocument(pdf)
        width_pt, height_pt = document[0].get_size()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(name)
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, name))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)

        def paint(target: QPrinter) -> None:
            painter = QPainter(target)
            page_rect = target.paperRect(QPrinter.Unit.DevicePixel)
            for index in range(len(document)):
                if index:
                    target.newPage()
                page = document[index]
                dpi = 200  # sharp on screen and paper, and quick: a slip renders in a few milliseconds
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                image = bitmap.to_pil()
                qimage = QImage(
                    image.tobytes(), image.width, image.height, image.width, QImage.Format.Format_Grayscale8
                ).copy()
                painter.drawImage(QRectF(0, 0, page_rect.width(), page_rect.height()), qimage)
            painter.end()

        dialog = QPrintPreviewDialog(printer, self.win)
        dialog.setObjectName("PrintPreview")
        dialog.paintRequested.connect(paint)
        dialog.resize(900, 800)
        dialog._document = document  # type: ignore[attr-defined]  # kept alive with the dialog
        dialog.finished.connect(lambda _: document.close())
        dialog._printer = printer  # type: ignore[attr-defined]
        dialog.open()  # window-modal, not blocking: the desk's event loop runs on
        self.preview_dialog = dialog
        return dialog

    # -- set-up and test print -------------------------------------------------------------------------

    def test_print(self, values: dict[str, str], on_done: Callable[[str], None], on_failed) -> None:
        """Print the test page with the set-up in ``values`` (not yet saved), or the PDF one."""
        # The values on screen, as typed: make_config checks them and says what to fix.
        profile = values.get(PRINTER_PROFILE.key, "")
        mall = self.win.store.rules().mall_name
        at = self._reprinted_at()
        language = current_language()
        if profile in ("", "pdf", NONE):
            if not values.get(PRINTER.key):
                on_failed(
                    Message("Settings", "Choose a printer first: a receipt printer model, or a print queue for PDF.")
                )
                return
            from printing.spool import print_pdf

            queue = values[PRINTER.key]
            self.print_tasks.run(
                lambda: print_pdf(self._test_pdf(), queue, title="MemberDesk test"),
                lambda _: on_done(queue),
                on_failed,
            )
            return
        from printing.escpos import ConfigError, make_config, sample_page_escpos, send_job

        try:
            config = make_config(
                profile,
                values.get(PRINTER_TRANSPORT.key, ""),
                values.get(PRINTER_ADDRESS.key, ""),
                values.get(PAPER.key, PAPER.text(PAPER.default)),
                values.get(PRINTER_ENCODING.key, ""),
                values.get(PRINTER_LOGO.key, ""),
            )
        except ConfigError as exc:
            on_failed(exc.message)
            return
        self.print_tasks.run(
            lambda: send_job(
                sample_page_escpos(config, mall_name=mall, at_local=at, language=language),
                config,
                title="MemberDesk test",
            ),
            lambda _: on_done(config.label),
            on_failed,
        )

    def _test_pdf(self) -> bytes:
        """The PDF test print: a receipt-sized slip naming the terminal (through the driver's path)."""
        from printing.slip import Slip, paper

        slip = Slip(paper(self.settings.value(PAPER)), title="MemberDesk test")
        slip.center(self.tr("Printer test"), 14, bold=True)
        slip.center(self.win.store.terminal().name)
        slip.center("会员服务台 積分兌換 ¥1,234.50")
        slip.qr("MEMBERDESK-TEST", 60)
        return slip.render()

    def wait(self, msecs: int = 10_000) -> bool:
        return self.print_tasks.wait(msecs)
