"""Printing from the desk: receipts, slips and the reports, through ``desktop/printer_service.py``."""

from __future__ import annotations

from pathlib import Path

from ..i18n import current_language, translate


class PrintingMixin:
    """What each print button does: the document, its file name, the screen that shows the outcome."""

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

    def _save_csv(self, make_csv, export: str, csv_path: str, screen) -> None:
        """A report as CSV (Excel's UTF-8 with BOM) to ``csv_path`` off the GUI thread; the export is audited."""
        self.services.record_export(self.session, export, 1)
        self.tasks.run(
            lambda: Path(csv_path).write_text(make_csv(), encoding="utf-8-sig"),
            lambda _: screen.show_notice(translate("MainWindow", "Saved to {path}").format(path=csv_path)),
            screen.show_error,
        )

    def print_daily_report(self, path: str | None = None, csv_path: str | None = None) -> None:
        from printing import daily_report_csv, render_daily_report
        from sync import reports

        services, store, session = self.services, self.store, self.session
        day = services._today()
        screen = self.manager_screen

        def data():
            return reports.daily_report(store, day, f"{session.name} ({session.staff_no})", services.clock())

        if csv_path:
            self._save_csv(
                lambda: daily_report_csv(data(), language=current_language()), "daily_report_csv", csv_path, screen
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
            self._save_csv(
                lambda: shift_handover_csv(data(), language=current_language()), "shift_handover_csv", csv_path, screen
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
