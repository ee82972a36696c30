"""Manager: the exceptions inbox, the staff list, and this terminal's facts."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QLineEdit, QTableView, QTabWidget, QWidget

from ..i18n import render
from ..models import ExceptionsModel, RecordRole, StaffModel
from ..widgets import Screen, button, form, label, row


def _table(model) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class ManagerScreen(Screen):
    def __init__(self, win):
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
        staff_page = QWidget()
        staff_layout = form()
        staff_page.setLayout(staff_layout)
        staff_layout.addRow(self.staff_table)
        self.staff_labels = [label() for _ in range(4)]
        for lab, widget in zip(
            self.staff_labels, (self.new_no, self.new_name, self.new_role, self.new_pin), strict=True
        ):
            staff_layout.addRow(lab, widget)
        staff_layout.addRow(self.add_button)
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
        self.tabs.addTab(inbox, "")
        self.tabs.addTab(staff_page, "")
        self.tabs.addTab(terminal_page, "")
        self.back_button = button()
        self.layout_.addWidget(self.tabs, 1)
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(row(self.back_button))
        self.back_button.clicked.connect(self.win.show_home)
        self.add_button.clicked.connect(self.add_staff)
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
        self.tabs.setTabText(0, self.tr("Exceptions inbox"))
        self.tabs.setTabText(1, self.tr("Staff"))
        self.tabs.setTabText(2, self.tr("Terminal"))
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
        self.back_button.setText(self.tr("Back"))

    def refresh(self) -> None:
        services = self.win.services
        session = self.win.session
        # The inbox holds sync rejections: only the services of a registered terminal have one.
        inbox = getattr(services, "exceptions_inbox", None)
        self.run(
            lambda: (
                services.list_staff(session),
                inbox(session, None) if inbox else None,
                services.terminal_facts(session),
            ),
            self._loaded,
        )

    def _loaded(self, loaded) -> None:
        staff, exceptions, facts = loaded
        self.staff.set_rows(staff)
        if exceptions is None:
            self.exceptions.set_rows([])
            self.exceptions_note.setText(
                self.tr("This terminal is not connected to a server, so there are no sync rejections to review.")
            )
            self.resolve_button.setEnabled(False)
        else:
            self.exceptions.set_rows(exceptions)
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
            lambda _: (self.resolution.clear(), self.refresh()),
        )
