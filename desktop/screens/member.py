"""The member view: who, tier, points and expiry, progress, lifecycle and RFM, benefits, coupons, history."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHeaderView,
    QProgressBar,
    QTableView,
    QVBoxLayout,
)

from membership import operations as ops
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.money import format_yuan
from membership.segments import LIFECYCLE_LABELS

from ..i18n import render
from ..models import HistoryModel, RecordRole, SortRole, history_facts, kind_label
from ..widgets import Screen, button, key_shortcut, label, row, show_rows, with_key

if TYPE_CHECKING:
    from ..shell import Shell
# The member actions' function keys, shown on the buttons (the order of the buttons on screen).
ACTION_KEYS = {
    "earn": "F1",
    "receipt": "F2",
    "gift": "F3",
    "offset": "F4",
    "coupon": "F5",
    "benefit": "F6",
    "donate": "F10",
    "adjust": "F7",
    "reverse": "F8",
    "reprint": "F9",
}
REVEAL_SECONDS = 30  # a revealed phone number masks itself again after this, or on leaving the screen
HISTORY_DAYS = 90
HISTORY_KEY = "F12"  # the history opens on the last 90 days; the date filters widen it

BENEFIT_LABELS = {
    "birthday": QT_TRANSLATE_NOOP("MemberScreen", "Birthday gift"),
    "parking": QT_TRANSLATE_NOOP("MemberScreen", "Free parking"),
    "member_day": QT_TRANSLATE_NOOP("MemberScreen", "Member-day gift"),
}


class HistoryFilter(QSortFilterProxyModel):
    """Filters history rows by kind and by date range (rows carry their local time as text)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind: str | None = None
        self.first: str = "0000"
        self.last: str = "9999"
        self.setSortRole(SortRole)

    def set_filter(self, kind: str | None, first: date, last: date) -> None:
        self.beginFilterChange()
        self.kind, self.first, self.last = kind, first.isoformat(), last.isoformat() + "\uffff"
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        record = self.sourceModel().index(source_row, 0, source_parent).data(RecordRole)
        if self.kind and record.kind != self.kind:
            return False
        return self.first <= record.at <= self.last


class MemberScreen(Screen):
    def __init__(self, win: Shell):
        super().__init__(win)
        self.member_no: str | None = None
        self.summary = None
        self._focus_on_show = False
        self.facts: dict = {}
        self.revealed = False
        self.reveal_timer = QTimer(self)
        self.reveal_timer.setSingleShot(True)
        self.reveal_timer.setInterval(REVEAL_SECONDS * 1000)
        self.reveal_timer.timeout.connect(self.mask_phone)
        card = QFrame()
        card.setObjectName("Card")
        grid = QGridLayout(card)
        grid.setContentsMargins(18, 14, 18, 14)
        self.who = label(name="Subtitle")
        self.tier = label(name="TierBadge")
        self.reveal_button = button()
        self.statement_button = button()
        self.statement_button.setObjectName("Statement")
        self.points_caption, self.points = label(name="Subtitle"), label(name="Big")
        self.expiring = label()  # one line: the points column is as wide as it needs
        self.progress_caption = label(wrap=True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.segment = label(wrap=True)
        self.benefits = label(wrap=True)
        self.coupons = label(wrap=True)
        # Compact so the history keeps room for its rows at 1280×720: who the member is shares the title's
        # line, and the card's facts stand in three columns (points · progress · segment, benefits, coupons).
        self.layout_.removeWidget(self.title)
        self.layout_.addLayout(row(self.title, self.who, self.tier, self.reveal_button, self.statement_button))
        points_box = QVBoxLayout()
        points_box.addWidget(self.points_caption)
        points_box.addWidget(self.points)
        points_box.addWidget(self.expiring)
        points_box.addStretch(1)
        grid.addLayout(points_box, 0, 0)
        progress_box = QVBoxLayout()
        progress_box.addWidget(self.progress_caption)
        progress_box.addWidget(self.progress)
        progress_box.addStretch(1)
        grid.addLayout(progress_box, 0, 1)
        facts_box = QVBoxLayout()
        facts_box.addWidget(self.segment)
        facts_box.addWidget(self.benefits)
        facts_box.addWidget(self.coupons)
        facts_box.addStretch(1)
        grid.addLayout(facts_box, 0, 2)
        grid.setHorizontalSpacing(24)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        self.actions = {name: button(primary=name == "earn") for name in ACTION_KEYS}
        for name, widget in self.actions.items():
            widget.setObjectName(widget.objectName() or f"Action_{name}")
            key_shortcut(widget, ACTION_KEYS[name])  # the F-key acts at once (no animated click)
            widget.clicked.connect(lambda _=False, n=name: self._action(n))
        self.history_caption = label(name="Subtitle")
        self.kind_filter = QComboBox()
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.model = HistoryModel(self)
        self.proxy = HistoryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("History")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(HistoryModel.COL_TIME, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows choose a row
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The status says what the server made of a row (a rejection and its exception): shown whole.
        self.table.horizontalHeader().setSectionResizeMode(
            HistoryModel.COL_STATE, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        show_rows(self.table)
        self.back_button = button()
        self.back_button.clicked.connect(self.win.show_home)
        history_key = QShortcut(QKeySequence(HISTORY_KEY), self)
        history_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        history_key.activated.connect(self.focus_history)

        self.layout_.addWidget(card)
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(
            row(*(self.actions[n] for n in ("earn", "receipt", "gift", "offset", "coupon", "benefit", "donate")))
        )
        self.layout_.addLayout(
            row(
                self.history_caption,
                self.kind_filter,
                self.date_from,
                self.date_to,
                self.actions["reprint"],
                self.actions["reverse"],
                self.actions["adjust"],
                self.back_button,
                stretch=False,
            )
        )
        self.layout_.addWidget(self.table, 1)
        self.kind_filter.currentIndexChanged.connect(self._filter)
        self.date_from.dateChanged.connect(self._filter)
        self.date_to.dateChanged.connect(self._filter)
        self.reveal_button.clicked.connect(self._reveal)
        self.statement_button.clicked.connect(lambda: self.win.print_statement(self.member_no))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Member"))
        labels = {
            "earn": self.tr("Purchase points"),
            "receipt": self.tr("Receipt credit"),
            "gift": self.tr("Redeem gift"),
            "offset": self.tr("Points as cash"),
            "coupon": self.tr("Verify coupon"),
            "benefit": self.tr("Benefits"),
            "donate": self.tr("Donate"),
            "adjust": self.tr("Adjust points"),
            "reverse": self.tr("Reverse selected"),
            "reprint": self.tr("Reprint receipt"),
        }
        for name, text in labels.items():
            self.actions[name].setText(with_key(text, ACTION_KEYS[name]))
        self.reveal_button.setText(self.tr("Show full phone"))
        self.statement_button.setText(self.tr("Annual statement"))
        self.points_caption.setText(self.tr("Points"))
        self.history_caption.setText(with_key(self.tr("History"), HISTORY_KEY))
        self.back_button.setText(with_key(self.tr("Done"), "Esc"))
        current = self.kind_filter.currentData()
        self.kind_filter.blockSignals(True)
        self.kind_filter.clear()
        self.kind_filter.addItem(self.tr("All transactions"), None)
        for kind in ops.KINDS:
            self.kind_filter.addItem(kind_label(kind), kind)
        index = self.kind_filter.findData(current)
        self.kind_filter.setCurrentIndex(max(index, 0))
        self.kind_filter.blockSignals(False)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        if self.summary is not None:
            self.show_summary(self.summary)

    def open(self, member_no: str) -> None:
        self.member_no = member_no
        self.summary = None
        self._focus_on_show = True
        self.show_error(None)
        self.refresh()

    def entered(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self.member_no:
            member_no, services, session, store = self.member_no, self.win.services, self.win.session, self.win.store

            def load():
                summary = services.summary(session, member_no)
                return summary, history_facts(store, [h.op_id for h in summary.history])

            self.run(load, lambda loaded: self.show_summary(*loaded))

    def focus_history(self) -> None:
        """F12: into the history with the newest row chosen (then ↑/↓, F8 reverses, F9 reprints)."""
        self.table.setFocus()
        if self.proxy.rowCount() and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)

    def mask_phone(self) -> None:
        """Hide a revealed number again (after REVEAL_SECONDS, or when the screen is left)."""
        self.reveal_timer.stop()
        self.revealed = False
        if self.summary is not None:
            s = self.summary
            self.who.setText(f"{s.name_masked}   {s.member_no}   {s.phone_masked}")

    def hideEvent(self, event) -> None:
        if self.revealed:
            self.mask_phone()
        super().hideEvent(event)

    def back(self) -> None:
        self.win.show_home()

    def show_summary(self, s, facts=None) -> None:
        self.summary = s
        if facts is not None:
            self.facts = facts
        self.reveal_timer.stop()
        self.revealed = False
        self.who.setText(f"{s.name_masked}   {s.member_no}   {s.phone_masked}")
        self.tier.setText(render(s.tier.name))
        self.tier.setProperty("tier", s.tier.code)
        self.tier.style().unpolish(self.tier)
        self.tier.style().polish(self.tier)
        self.points.setText(f"{s.balance:,d}")
        if s.expiring_on:
            self.expiring.setText(
                self.tr("{points} points expire after {date}").format(
                    points=f"{s.expiring_points:,d}", date=s.expiring_on.isoformat()
                )
            )
        else:
            self.expiring.setText(self.tr("No points due to expire"))
        if s.next_tier:
            self.progress_caption.setText(
                self.tr("¥{amount} more spending to {tier} (12-month spend ¥{spend})").format(
                    amount=format_yuan(s.spend_to_next_fen),
                    tier=render(s.next_tier.name),
                    spend=format_yuan(s.spend_rolling_fen),
                )
            )
        else:
            self.progress_caption.setText(
                self.tr("Top tier (12-month spend ¥{spend})").format(spend=format_yuan(s.spend_rolling_fen))
            )
        self.progress.setValue(s.progress_percent)
        self.segment.setText(
            self.tr("{stage} · {segment}: {action}").format(
                stage=render(Message("Segment", LIFECYCLE_LABELS[s.lifecycle])),
                segment=render(Message("Segment", s.segment.label)),
                action=render(Message("Segment", s.segment.action)),
            )
        )
        available = [self.tr_benefit(b) for b in s.benefits_available]
        self.benefits.setText(
            self.tr("Benefits available now: {list}").format(
                list="、".join(available) if available else self.tr("none")
            )
        )
        coupons = [f"{c.code} (→{c.valid_to.isoformat()})" for c in s.coupons]
        self.coupons.setText(
            self.tr("Coupons held: {list}").format(list=", ".join(coupons) if coupons else self.tr("none"))
        )
        self.model.set_history(s.history, self.facts)
        self._reset_dates(s)
        self._update_buttons()
        if self._focus_on_show:
            self._focus_on_show = False
            self.focus_primary()
        self.win.member_shown.emit(s.member_no)

    def focus_primary(self) -> None:
        """After a scan the keyboard starts on the first action (F1), never in the history filters."""
        for name in ACTION_KEYS:
            widget = self.actions[name]
            if widget.isVisibleTo(self) and widget.isEnabled():
                widget.setFocus()
                return
        self.back_button.setFocus()

    def tr_benefit(self, benefit: str) -> str:
        from ..i18n import translate

        return translate("MemberScreen", BENEFIT_LABELS[benefit])

    def _reset_dates(self, s) -> None:
        today = self.win.services._today()
        first = today - timedelta(days=HISTORY_DAYS)
        # Rows carry their local time, and the business day runs past midnight up to the cut-over hour:
        # between midnight and the cut-over, "today" (the business day) is still yesterday's date.
        local = self.win.services.clock().astimezone(self.win.store.rules().timezone).date()
        last = max(today, local)
        for edit, value in ((self.date_from, first.isoformat()), (self.date_to, last.isoformat())):
            edit.blockSignals(True)
            edit.setDate(QDate.fromString(value, "yyyy-MM-dd"))
            edit.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        self.proxy.set_filter(
            self.kind_filter.currentData(), self.date_from.date().toPython(), self.date_to.date().toPython()
        )

    def selected_history(self):
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RecordRole) if rows else None

    def _update_buttons(self) -> None:
        role = self.win.session.role if self.win.session else ""
        allowed = self.win.allowed
        for name, action in (
            ("earn", "earn"),
            ("receipt", "credit_receipt"),
            ("gift", "redeem_gift"),
            ("offset", "redeem_cash_offset"),
            ("coupon", "verify_coupon"),
            ("benefit", "claim_benefit"),
            ("donate", "donate_points"),
            ("adjust", "adjust"),
            ("reverse", "reverse"),
        ):
            self.actions[name].setVisible(allowed(action))
        record = self.selected_history()
        self.actions["reverse"].setEnabled(
            bool(record and record.op_id and not record.reversed and record.kind in ops.REVERSIBLE)
        )
        self.actions["reprint"].setEnabled(bool(record and record.op_id) and self.win.printing_available())
        # No campaign in the rules: nothing to donate to (the button stays, disabled, so the key is not a mystery).
        self.actions["donate"].setEnabled(bool(self.win.services.donation_campaigns()))
        self.reveal_button.setVisible(role == "manager")

    def _action(self, name: str) -> None:
        if name == "reprint":
            record = self.selected_history()
            if record is not None and record.op_id:
                self.win.reprint(record.op_id)
            return
        if name == "reverse":
            record = self.selected_history()
            if record is not None:
                self.win.show_action("reverse", self.member_no, op=record)
            return
        if name == "coupon":
            self.win.show_coupon(self.member_no)
            return
        self.win.show_action(name, self.member_no)

    def _reveal(self) -> None:
        member_no = self.member_no

        def shown(phone: str) -> None:
            s = self.summary
            if s is None or s.member_no != member_no or not self.isVisible():
                return  # the screen moved on meanwhile: nothing is shown
            self.who.setText(f"{s.name_masked}   {s.member_no}   {phone}")
            self.revealed = True
            self.reveal_timer.start()

        self.run_stepped(lambda pin: self.win.services.reveal_phone(self.win.session, member_no, pin=pin), shown)
