"""Manager: the exceptions inbox, the staff list, and this terminal's facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from ..i18n import render
from ..models import ExceptionsModel, RecordRole, StaffModel
from ..widgets import Screen, button, form, label, row, show_rows, with_key

if TYPE_CHECKING:
    from ..shell import Shell


class _KeyboardTable(QTableView):
    """A table a keyboard user can act on at once: tabbing into it chooses its first row if none is
    chosen (otherwise the arrows have no row to move from and a decision has nothing to apply to)."""

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        model = self.model()
        if model is not None and model.rowCount() > 0 and not self.selectionModel().hasSelection():
            self.selectRow(0)


def _table(model) -> QTableView:
    table = _KeyboardTable()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows choose a row
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class ManagerScreen(Screen):
    def __init__(self, win: Shell):
        super().__init__(win)
        self.tabs = QTabWidget()
        # Exceptions inbox
        self.exceptions = ExceptionsModel(self)
        self.exceptions_table = _table(self.exceptions)
        self.exceptions_table.setObjectName("Exceptions")
        header = self.exceptions_table.horizontalHeader()
        for column in range(self.exceptions.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ExceptionsModel.COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.exceptions_table.setWordWrap(True)
        self.exceptions.local_time = self._local_time
        self.exceptions_note = label(name="Subtitle", wrap=True)
        self.resolution = QLineEdit()
        self.resolution.setObjectName("Resolution")
        self.resolve_button = button(primary=True)
        inbox = QWidget()
        inbox_layout = form()
        inbox.setLayout(inbox_layout)
        inbox_layout.addRow(self.exceptions_note)
        inbox_layout.addRow(self.exceptions_table)
        inbox_layout.addRow(row(self.resolution, self.resolve_button, stretch=False))
        # Staff
        self.staff = StaffModel(self)
        self.staff_table = _table(self.staff)
        self.staff_table.setObjectName("Staff")
        self.new_no, self.new_name, self.new_pin = QLineEdit(), QLineEdit(), QLineEdit()
        self.new_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_role = QComboBox()
        self.add_button = button()
        self.unlock_button = button()
        self.unlock_button.setObjectName("UnlockStaff")
        # The list beside the form: one above the other left the list half a row at 1280×720.
        staff_page = QWidget()
        staff_columns = QHBoxLayout(staff_page)
        staff_columns.setSpacing(24)
        staff_layout = form()
        staff_columns.addWidget(self.staff_table, 3)
        staff_columns.addLayout(staff_layout, 2)
        show_rows(self.staff_table)
        show_rows(self.exceptions_table)
        self.staff_labels = [label() for _ in range(4)]
        for lab, widget in zip(
            self.staff_labels, (self.new_no, self.new_name, self.new_role, self.new_pin), strict=True
        ):
            staff_layout.addRow(lab, widget)
        staff_layout.addRow(row(self.add_button, self.unlock_button))
        # Terminal
        self.terminal_facts = label(wrap=True)
        self.terminal_facts.setObjectName("TerminalFacts")
        terminal_page = QWidget()
        terminal_layout = form()
        terminal_page.setLayout(terminal_layout)
        terminal_layout.addRow(self.terminal_facts)
        self.report_button, self.csv_button, self.handbook_button = button(primary=True), button(), button()
        self.kit_button = button()
        self.kit_button.setObjectName("OutageKit")
        self.report_button.setObjectName("DailyReport")
        terminal_layout.addRow(row(self.report_button, self.csv_button, self.handbook_button, self.kit_button))
        self.reprint_ref = QLineEdit()
        self.reprint_ref.setObjectName("ReprintRef")
        self.reprint_button = button()
        self.reprint_button.setObjectName("ReprintByRef")
        self.reprint_label = label()
        terminal_layout.addRow(self.reprint_label, row(self.reprint_ref, self.reprint_button, stretch=False))
        # Shift handover (交班): the logged-in staff member's shift, from their login to now
        shift_page = QWidget()
        shift_layout = form()
        shift_page.setLayout(shift_layout)
        self.shift_facts = label(wrap=True)
        self.shift_facts.setObjectName("ShiftFacts")
        self.handed_to, self.counted = QLineEdit(), QLineEdit()
        self.handed_to.setObjectName("HandedTo")
        self.counted.setObjectName("StockCounted")
        self.shift_labels = [label(), label()]
        self.shift_button, self.shift_csv_button = button(primary=True), button()
        self.shift_button.setObjectName("ShiftHandover")
        self.shift_csv_button.setObjectName("ShiftHandoverCsv")
        shift_layout.addRow(self.shift_facts)
        shift_layout.addRow(self.shift_labels[0], self.handed_to)
        shift_layout.addRow(self.shift_labels[1], self.counted)
        shift_layout.addRow(row(self.shift_button, self.shift_csv_button))
        self.tabs.addTab(inbox, "")
        self.tabs.addTab(staff_page, "")
        self.tabs.addTab(terminal_page, "")
        self.tabs.addTab(shift_page, "")
        self.open_exceptions = 0
        self.back_button = button()
        self.layout_.addWidget(self.tabs, 1)
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(row(self.back_button))
        self.back_button.clicked.connect(self.win.show_home)
        self.add_button.clicked.connect(self.add_staff)
        self.unlock_button.clicked.connect(self.unlock_staff)
        self.staff_table.selectionModel().selectionChanged.connect(self._staff_selected)
        self.reprint_button.clicked.connect(lambda: self.reprint())
        self.shift_button.clicked.connect(lambda: self.shift_handover())
        self.shift_csv_button.clicked.connect(self._save_shift_csv)
        self.resolve_button.clicked.connect(self.resolve)
        self.report_button.clicked.connect(lambda: self.win.print_daily_report())
        self.csv_button.clicked.connect(self._save_csv)
        self.handbook_button.clicked.connect(lambda: self.win.print_handbook())
        self.kit_button.clicked.connect(
            lambda: self.win.print_outage_kit({"enroll": 10, "receipt": 20, "gift": 10, "benefit": 10})
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Manager"))
        self._inbox_tab_text()
        self.tabs.setTabText(1, self.tr("Staff"))
        self.tabs.setTabText(2, self.tr("Terminal"))
        self.tabs.setTabText(3, self.tr("Shift handover"))
        self.unlock_button.setText(self.tr("Unlock selected staff"))
        self.reprint_label.setText(self.tr("Reprint a receipt"))
        self.reprint_ref.setPlaceholderText(self.tr("Reference, e.g. 007-000003"))
        self.reprint_button.setText(self.tr("Reprint"))
        self.shift_labels[0].setText(self.tr("Handed over to (staff no.)"))
        self.shift_labels[1].setText(self.tr("Gifts counted"))
        self.counted.setPlaceholderText(self.tr("gift code = number counted, e.g. K001=12, K002=5"))
        self.shift_button.setText(self.tr("Print shift handover"))
        self.shift_csv_button.setText(self.tr("Shift handover as CSV"))
        self._shift_facts()
        self.resolution.setPlaceholderText(self.tr("Decision, e.g. 'credited at Desk 2 is correct; told member'"))
        self.resolve_button.setText(self.tr("Record decision"))
        for lab, text in zip(
            self.staff_labels, (self.tr("Staff number"), self.tr("Name"), self.tr("Role"), self.tr("PIN")), strict=True
        ):
            lab.setText(text)
        current = self.new_role.currentData()
        self.new_role.clear()
        for role, text in (
            ("desk", self.tr("Desk staff")),
            ("cashier", self.tr("Cashier")),
            ("manager", self.tr("Manager")),
        ):
            self.new_role.addItem(text, role)
        self.new_role.setCurrentIndex(max(0, self.new_role.findData(current)))
        self.add_button.setText(self.tr("Add or update staff"))
        self.report_button.setText(self.tr("Print today's daily report"))
        self.csv_button.setText(self.tr("Daily report as CSV"))
        self.handbook_button.setText(self.tr("Print the benefits handbook"))
        self.kit_button.setText(self.tr("Print an outage kit (50 slips + handbook)"))
        self.back_button.setText(with_key(self.tr("Back"), "Esc"))

    def _inbox_tab_text(self) -> None:
        text = self.tr("Exceptions inbox")
        if self.open_exceptions:
            text = self.tr("Exceptions inbox ({count} open)").format(count=self.open_exceptions)
        self.tabs.setTabText(0, text)

    def _shift_facts(self) -> None:
        session = self.win.session
        if session is None:
            self.shift_facts.setText("")
            return
        start = session.started_at.astimezone(self.win.store.rules().timezone).strftime("%Y-%m-%d %H:%M")
        self.shift_facts.setText(
            self.tr(
                "Shift of {name} ({staff_no}) since {start}: its figures, gifts handed out and stock counted."
            ).format(name=session.name, staff_no=session.staff_no, start=start)
        )

    def dirty(self) -> bool:
        return self.has_input()

    def primary_button(self):
        """Enter records the decision, saves the staff member or prints the handover, by the tab shown."""
        return {0: self.resolve_button, 1: self.add_button, 3: self.shift_button}.get(self.tabs.currentIndex())

    def entered(self) -> None:
        super().entered()
        self._shift_facts()
        self.tabs.setFocus()

    def refresh(self) -> None:
        services = self.win.services
        session = self.win.session
        # The inbox holds sync rejections: only the services of a registered terminal have one.
        inbox = getattr(services, "exceptions_inbox", None)
        store = self.win.store

        def load():
            from ..models import history_facts

            items = inbox(session, None) if inbox else None
            facts = history_facts(store, [e.op_id for e in items or () if e.op_id])
            return services.list_staff(session), items, services.terminal_facts(session), facts

        self.run(load, self._loaded)

    def _loaded(self, loaded) -> None:
        staff, exceptions, facts, op_facts = loaded
        self.exceptions.refs = {op_id: f.op_ref for op_id, f in op_facts.items()}
        self.staff.set_rows(staff)
        self._staff_selected()  # a reload clears the choice: unlock waits for one
        if exceptions is None:
            self.exceptions.set_rows([])
            self.exceptions_note.setText(
                self.tr("This terminal is not connected to a server, so there are no sync rejections to review.")
            )
            self.resolve_button.setEnabled(False)
        else:
            self.exceptions.set_rows(exceptions)
            self.open_exceptions = sum(1 for e in exceptions if e.status == "open")
            self._inbox_tab_text()
            self.exceptions_note.setText(
                self.tr(
                    "{open} open, {total} in all. Every sync rejection lands here; record a decision for each."
                ).format(open=sum(1 for e in exceptions if e.status == "open"), total=len(exceptions))
            )
            self.resolve_button.setEnabled(True)
        self.terminal_facts.setText("\n".join(f"{render(key)}: {value}" for key, value in facts))

    def _local_time(self, utc_text: str) -> str:
        from membership.timeutil import from_utc_text

        return from_utc_text(utc_text).astimezone(self.win.store.rules().timezone).strftime("%m-%d %H:%M")

    def _save_csv(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Daily report as CSV"), str(Path.home() / "daily-report.csv"), "CSV (*.csv)"
        )
        if path:
            self.win.print_daily_report(csv_path=path)

    def add_staff(self) -> None:
        values = (self.new_no.text(), self.new_name.text(), self.new_role.currentData(), self.new_pin.text())
        self.new_pin.clear()
        self.run(lambda: self.win.services.add_staff(self.win.session, *values), lambda _: self.refresh())

    def resolve(self) -> None:
        rows = self.exceptions_table.selectionModel().selectedRows()
        if not rows:
            self.show_error(self.tr("Choose an exception first."))
            return
        record = rows[0].data(RecordRole)
        text = self.resolution.text()
        self.run(
            lambda: self.win.services.resolve_exception(self.win.session, record.exception_id, text),
            lambda _: (self.resolution.clear(), self.refresh(), self._recount()),
        )

    def _recount(self) -> None:
        """The banner's count of open exceptions follows a decision at once, not at the next sync."""
        engine = getattr(self.win.services, "engine", None) or self.win.sync_engine
        refresh = getattr(engine, "refresh", None)
        if refresh is not None:
            self.win.tasks.run(refresh)

    def _selected_staff(self):
        rows = self.staff_table.selectionModel().selectedRows()
        return rows[0].data(RecordRole) if rows else None

    def _staff_selected(self, *args) -> None:
        staff = self._selected_staff()
        self.unlock_button.setEnabled(bool(staff is not None and staff["locked_until"]))

    def unlock_staff(self) -> None:
        staff = self._selected_staff()
        if staff is None:
            self.show_error(self.tr("Choose a staff member first."))
            return
        staff_no = staff["staff_no"]

        def unlocked(_) -> None:
            self.refresh()
            self.show_notice(self.tr("{staff_no} is unlocked and can log in again.").format(staff_no=staff_no))

        self.run(lambda: self.win.services.unlock_staff(self.win.session, staff_no), unlocked)

    def reprint(self, path: str | None = None) -> None:
        """Reprint a receipt of this desk by the reference printed on it (007-000003)."""
        from ..models import op_id_for_ref

        text, store = self.reprint_ref.text(), self.win.store

        def found(op_id: str | None) -> None:
            if op_id is None:
                self.show_error(
                    self.tr("No receipt of this desk has the reference {ref}.").format(ref=text.strip() or "—")
                )
                return
            self.win.reprint(op_id, path)

        self.run(lambda: op_id_for_ref(store, text), found)

    def counted_gifts(self) -> dict[str, int] | None:
        """What was typed in "gifts counted" as {code: number}; None (and a message) if it does not read."""
        counted: dict[str, int] = {}
        for part in self.counted.text().replace("，", ",").replace(";", ",").split(","):
            if not part.strip():
                continue
            code, _, number = part.replace("＝", "=").partition("=")
            code, number = code.strip().upper(), number.strip()
            if code not in self.win.store.master().catalogue or not number.isdigit():
                self.show_error(
                    self.tr("“{part}” is not a gift code with a number, e.g. K001=12.").format(part=part.strip())
                )
                self.counted.setFocus()
                return None
            counted[code] = int(number)
        return counted

    def shift_handover(self, path: str | None = None, csv_path: str | None = None) -> None:
        counted = self.counted_gifts()
        if counted is None:
            return
        self.show_error(None)
        self.win.print_shift_handover(path, csv_path, handed_to=self.handed_to.text().strip(), counted=counted)

    def _save_shift_csv(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Shift handover as CSV"), str(Path.home() / "shift-handover.csv"), "CSV (*.csv)"
        )
        if path:
            self.shift_handover(csv_path=path)
