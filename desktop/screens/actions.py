"""The desk and checkout actions: each a short form that ends in a result panel or a clear refusal."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from membership.decisions import cash_offset_value
from membership.money import AmountError, format_yuan, parse_yuan

from ..i18n import render
from ..models import CatalogueModel, RecordRole, SortRole, TenantModel
from ..widgets import Screen, button, form, label, row, show_rows, stepper, with_key

CATEGORIES = (
    "general",
    "fashion",
    "cosmetics",
    "dining",
    "sports",
    "electronics",
    "kids",
    "entertainment",
    "jewellery",
)


if TYPE_CHECKING:
    from ..shell import Shell


class ActionScreen(Screen):
    """A form for one member: fields, a confirm button, a cancel button back to the member."""

    fills = False  # True when body() adds a widget that takes the spare height (then no trailing stretch)

    def __init__(self, win: Shell):
        super().__init__(win)
        self.member_no: str | None = None
        self.member_line = label(name="Subtitle")
        self.fields = form()
        self.confirm = button(primary=True)
        self.confirm.setObjectName("Confirm")
        self.cancel = button()
        self.layout_.addWidget(self.member_line)
        self.layout_.addLayout(self.fields)
        self.body()
        self.layout_.addWidget(self.message)
        self.layout_.addLayout(row(self.confirm, self.cancel))
        if not self.fills:
            self.layout_.addStretch(1)
        self.confirm.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.back)
        self.retranslate()

    def body(self) -> None:
        """Extra widgets below the form."""

    def primary_button(self):
        return self.confirm

    def dirty(self) -> bool:
        return self.has_input()

    def focus_primary(self) -> None:
        first = next((w for w in self.required() if w.isVisibleTo(self)), None)
        (first or self.confirm).setFocus()

    def run_checked(self, fn, on_done) -> None:
        """An action that asks the server first when online (balance, coupon status): the confirm button
        is disabled and "checking online…" shows while the worker waits; the GUI never waits. When the
        server does not answer in time the services go ahead on the offline rules."""
        if not self.win.precheck_online():
            self.run_stepped(fn, on_done)
            return

        def busy(waiting: bool) -> None:
            self.confirm.setEnabled(not waiting)
            if waiting:
                self.show_wait(self.tr("Checking online…"))

        self.run_stepped(fn, on_done, busy=busy)

    def back(self) -> None:
        if self.member_no:
            self.win.show_member(self.member_no)
        else:
            self.win.show_home()

    def prepare(self, member_no: str | None, **kwargs) -> None:
        self.member_no = member_no
        summary = self.win.member_summary()
        if summary is not None and summary.member_no == member_no:
            self.member_line.setText(
                f"{summary.name_masked}  {member_no}  · {render(summary.tier.name)} · "
                + self.tr("{points} points").format(points=f"{summary.balance:,d}")
            )
        else:
            self.member_line.setText(member_no or "")

    def amount(self, edit: QLineEdit) -> int | None:
        try:
            return parse_yuan(edit.text())
        except AmountError as exc:
            self.show_error(render(exc.message))
            edit.setFocus()
            return None

    def submit(self) -> None:
        raise NotImplementedError  # every subclass defines what its confirm button does

    def done(self, result) -> None:
        self.win.show_result(result)


class EarnScreen(ActionScreen):
    def body(self) -> None:
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("Amount")
        self.category = QComboBox()
        self.discount = QCheckBox()
        self.amount_label, self.category_label = label(), label()
        self.fields.addRow(self.amount_label, self.amount_edit)
        self.fields.addRow(self.category_label, self.category)
        self.fields.addRow("", self.discount)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Points for a purchase"))
        self.amount_label.setText(self.tr("Amount (¥)"))
        self.category_label.setText(self.tr("Category"))
        self.discount.setText(self.tr("Apply the member's tier discount"))
        names = {
            "general": self.tr("General"),
            "fashion": self.tr("Fashion"),
            "cosmetics": self.tr("Cosmetics"),
            "dining": self.tr("Dining"),
            "sports": self.tr("Sports"),
            "electronics": self.tr("Electronics"),
            "kids": self.tr("Kids"),
            "entertainment": self.tr("Entertainment"),
            "jewellery": self.tr("Jewellery"),
        }
        current = self.category.currentData()
        self.category.clear()
        for code in CATEGORIES:
            self.category.addItem(names[code], code)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.confirm.setText(with_key(self.tr("Credit points"), "Enter"))
        self.cancel.setText(with_key(self.tr("Cancel"), "Esc"))

    def required(self) -> list[QLineEdit]:
        return [self.amount_edit]

    def prepare(self, member_no, **kwargs) -> None:
        super().prepare(member_no)
        self.amount_edit.clear()
        self.discount.setChecked(False)
        self.amount_edit.setFocus()

    def submit(self) -> None:
        fen = self.amount(self.amount_edit)
        if fen is None:
            return
        member, category, discount = self.member_no, self.category.currentData(), self.discount.isChecked()
        self.run(lambda: self.win.services.earn(self.win.session, member, fen, category, discount), self.done)


class ReceiptScreen(ActionScreen):
    fills = True

    def body(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("TenantSearch")
        self.tenants = TenantModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.tenants)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setObjectName("Tenants")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows choose
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        show_rows(self.table)
        self.receipt_no, self.amount_edit = QLineEdit(), QLineEdit()
        self.receipt_no.setObjectName("ReceiptNo")
        self.amount_edit.setObjectName("Amount")
        self.date = QDateEdit()
        self.date.setObjectName("PurchaseDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.approver, self.approver_pin = QLineEdit(), QLineEdit()
        self.approver_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [label() for _ in range(6)]
        # Two columns: the store picker (search over its table) on the left, the receipt's own fields on the
        # right. One column was taller than a 1280×720 screen: Qt squeezed the table to half a row.
        index = self.layout_.indexOf(self.fields)
        self.layout_.removeItem(self.fields)
        picker = QVBoxLayout()
        picker.setSpacing(8)
        picker.addWidget(self.labels[0])
        picker.addWidget(self.search)
        picker.addWidget(self.table, 1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(picker, 3)
        columns.addLayout(self.fields, 2)
        self.layout_.insertLayout(index, columns, 1)
        self.fields.addRow(self.labels[1], self.receipt_no)
        self.fields.addRow(self.labels[2], self.amount_edit)
        self.fields.addRow(self.labels[3], self.date)
        self.fields.addRow(self.labels[4], self.approver)
        self.fields.addRow(self.labels[5], self.approver_pin)
        self.search.textChanged.connect(self._filter_tenants)
        self.search.installEventFilter(self)

    def _filter_tenants(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if self.proxy.rowCount() >= 1 and text.strip():
            self.table.selectRow(0)  # the best match is chosen; the arrow keys in the search move it
        else:
            self.table.clearSelection()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step and self.proxy.rowCount():
                rows = self.table.selectionModel().selectedRows()
                current = rows[0].row() if rows else -1
                self.table.selectRow(max(0, min(self.proxy.rowCount() - 1, current + step)))
                return True
        return super().eventFilter(watched, event)

    def required(self) -> list[QLineEdit]:
        return [self.search, self.receipt_no, self.amount_edit]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Credit a store receipt"))
        for lab, text in zip(
            self.labels,
            (
                self.tr("Store"),
                self.tr("Receipt number"),
                self.tr("Amount (¥)"),
                self.tr("Purchase date"),
                self.tr("Manager (if needed)"),
                self.tr("Manager PIN"),
            ),
            strict=True,
        ):
            lab.setText(text)
        self.search.setPlaceholderText(self.tr("Search by name, code or floor…"))
        self.confirm.setText(with_key(self.tr("Credit receipt"), "Enter"))
        self.cancel.setText(with_key(self.tr("Cancel"), "Esc"))
        self.tenants.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def prepare(self, member_no, **kwargs) -> None:
        super().prepare(member_no)
        self.tenants.set_rows(sorted(self.win.store.master().tenants.values(), key=lambda t: t.code))
        for widget in (self.search, self.receipt_no, self.amount_edit, self.approver, self.approver_pin):
            widget.clear()
        today = self.win.services._today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.table.clearSelection()
        self.search.setFocus()

    def submit(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows and self.proxy.rowCount() == 1:
            rows = [self.proxy.index(0, 0)]
        if not rows:
            self.show_error(self.tr("Choose the store the receipt is from."))
            self.search.setFocus()
            return
        tenant = rows[0].data(RecordRole).code
        fen = self.amount(self.amount_edit)
        if fen is None:
            return
        approver = (self.approver.text(), self.approver_pin.text()) if self.approver.text().strip() else None
        member, number, day = self.member_no, self.receipt_no.text(), self.date.date().toPython()
        self.approver_pin.clear()
        self.run(
            lambda: self.win.services.credit_receipt(
                self.win.session, member, tenant, number, fen, day, approver=approver
            ),
            self.done,
        )


class GiftScreen(ActionScreen):
    fills = True

    def body(self) -> None:
        self.model = CatalogueModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setObjectName("Catalogue")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CatalogueModel.COL_POINTS, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        show_rows(self.table)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 20)
        self.quantity.setMaximumWidth(140)
        self.quantity_label = label()
        self.confirm_line = label(name="Subtitle", wrap=True)
        self.layout_.addWidget(self.table, 1)
        self.fields.addRow(self.quantity_label, stepper(self.quantity))
        self.layout_.addWidget(self.confirm_line)
        self.pending: tuple[str, int] | None = None
        self.table.selectionModel().selectionChanged.connect(self._reset_confirmation)
        self.quantity.valueChanged.connect(self._reset_confirmation)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Redeem a gift"))
        self.quantity_label.setText(self.tr("Quantity"))
        self.cancel.setText(with_key(self.tr("Cancel"), "Esc"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self._reset_confirmation()

    def prepare(self, member_no, **kwargs) -> None:
        super().prepare(member_no)
        items = sorted(self.win.store.master().catalogue.values(), key=lambda i: i.points)
        self.model.set_rows([(item, self.win.store.stock_level(item.code)) for item in items])
        self.quantity.setValue(1)
        self.table.clearSelection()
        self._reset_confirmation()
        self.focus_primary()

    def focus_primary(self) -> None:
        self.table.setFocus()  # the arrows choose the gift, Enter asks to confirm, Enter again spends

    def dirty(self) -> bool:
        return self.pending is not None

    def _reset_confirmation(self, *args) -> None:
        self.pending = None
        self.confirm_line.setText("")
        self.confirm.setText(with_key(self.tr("Redeem…"), "Enter"))

    def submit(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.show_error(self.tr("Choose a gift from the catalogue."))
            return
        item, _stock = rows[0].data(RecordRole)
        quantity = self.quantity.value()
        if self.pending != (item.code, quantity):
            # Spending points is confirmed in a second step, so a stray tap never spends them.
            self.pending = (item.code, quantity)
            self.confirm_line.setText(
                self.tr("Spend {points} points on {quantity} × {gift}? Press Confirm.").format(
                    points=f"{item.points * quantity:,d}", quantity=quantity, gift=render(item.name)
                )
            )
            self.confirm.setText(with_key(self.tr("Confirm"), "Enter"))
            return
        member = self.member_no
        self.run_checked(
            lambda pin: self.win.services.redeem_gift(self.win.session, member, item.code, quantity, pin=pin), self.done
        )


class CashOffsetScreen(ActionScreen):
    def body(self) -> None:
        self.purchase, self.points = QLineEdit(), QLineEdit()
        self.purchase.setObjectName("Amount")
        self.points.setObjectName("Points")
        self.value = label(name="Subtitle")
        self.labels = [label(), label()]
        self.fields.addRow(self.labels[0], self.purchase)
        self.fields.addRow(self.labels[1], self.points)
        self.layout_.addWidget(self.value)
        self.points.textChanged.connect(self._preview)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Pay with points"))
        self.labels[0].setText(self.tr("Purchase amount (¥)"))
        self.labels[1].setText(self.tr("Points to use"))
        self.confirm.setText(with_key(self.tr("Use points"), "Enter"))
        self.cancel.setText(with_key(self.tr("Cancel"), "Esc"))

    def required(self) -> list[QLineEdit]:
        return [self.purchase, self.points]

    def prepare(self, member_no, **kwargs) -> None:
        super().prepare(member_no)
        self.purchase.clear()
        self.points.clear()
        self.value.clear()
        self.purchase.setFocus()

    def _preview(self) -> None:
        text = self.points.text().strip()
        if text.isdigit():
            value = cash_offset_value(int(text), self.win.store.rules())
            self.value.setText(self.tr("Worth ¥{value}").format(value=format_yuan(value)))
        else:
            self.value.clear()

    def submit(self) -> None:
        fen = self.amount(self.purchase)
        if fen is None:
            return
        text = self.points.text().strip()
        if not text.isdigit():
            self.show_error(self.tr("Enter the number of points to use."))
            return
        member, points = self.member_no, int(text)
        self.run_checked(
            lambda pin: self.win.services.redeem_cash_offset(self.win.session, member, points, fen, pin=pin), self.done
        )


class CouponScreen(ActionScreen):
    """Scan a coupon → its terms and validity → confirm."""

    def body(self) -> None:
        self.code, self.purchase = QLineEdit(), QLineEdit()
        self.code.setObjectName("CouponCode")
        self.purchase.setObjectName("Amount")
        self.check_button = button()
        self.details = label(wrap=True)
        self.details.setObjectName("CouponDetails")
        self.labels = [label(), label()]
        self.fields.addRow(self.labels[0], self.code)
        self.fields.addRow(self.labels[1], self.purchase)
        self.layout_.addLayout(row(self.check_button))
        self.layout_.addWidget(self.details)
        self.check_button.clicked.connect(self.check)
        self.checked: str | None = None

    def retranslate(self) -> None:
        self.title.setText(self.tr("Verify a coupon"))
        self.labels[0].setText(self.tr("Coupon code"))
        self.labels[1].setText(self.tr("Purchase amount (¥, optional)"))
        self.check_button.setText(self.tr("Check"))
        self.confirm.setText(with_key(self.tr("Verify and use"), "Enter"))
        self.cancel.setText(with_key(self.tr("Cancel"), "Esc"))

    def prepare(self, member_no, code: str | None = None, **kwargs) -> None:
        super().prepare(member_no)
        self.code.setText(code or "")
        self.purchase.clear()
        self.details.clear()
        self.checked = None
        self.confirm.setEnabled(False)
        if code:
            self.check()
        else:
            self.code.setFocus()

    def dirty(self) -> bool:
        return self.has_input(self.code)  # a scanned code is replaced by the next one without asking

    def enter(self) -> None:
        """Enter in the code field checks it; once checked, Enter verifies (the purchase amount is optional)."""
        if self.focusWidget() is self.code or not self.checked or self.code.text().strip().upper() != self.checked:
            self.check()
        elif self.confirm.isEnabled():
            self.submit()

    def focus_primary(self) -> None:
        (self.confirm if self.confirm.isEnabled() else self.code).setFocus()

    def check(self) -> None:
        code = self.code.text()
        if not code.strip():
            self.show_error(self.tr("Scan the coupon, or type its code."))
            self.code.setFocus()
            return
        self.run(lambda: self.win.services.check_coupon(self.win.session, code), self._show)

    def _show(self, found) -> None:
        record, definition = found
        status = {"issued": self.tr("Unused"), "used": self.tr("Already used"), "void": self.tr("Cancelled")}[
            record.status
        ]
        lines = [f"{record.code} · {render(definition.name) if definition else record.definition} · {status}"]
        if definition is not None:
            lines.append(
                self.tr("Value ¥{value}, minimum spend ¥{min}").format(
                    value=format_yuan(definition.value_fen), min=format_yuan(definition.min_spend_fen)
                )
            )
            lines.append(render(definition.terms))
        lines.append(
            self.tr("Valid {first} to {last}").format(
                first=record.valid_from.isoformat(), last=record.valid_to.isoformat()
            )
        )
        self.details.setText("\n".join(lines))
        self.checked = record.code
        self.confirm.setEnabled(record.status == "issued")
        self.focus_primary()  # scanned: Enter verifies

    def submit(self) -> None:
        if not self.checked:
            self.check()
            return
        fen = None
        if self.purchase.text().strip():
            fen = self.amount(self.purchase)
            if fen is None:
                return
        code, member = self.checked, self.member_no
        self.run_checked(lambda pin: self.win.services.verify_coupon(self.win.session, code, member, fen), self.done)


class BenefitScreen(ActionScreen):
    def body(self) -> None:
        self.choices = {name: button() for name in ("birthday", "parking", "member_day")}
        for name, widget in self.choices.items():
            widget.setObjectName(f"Benefit_{name}")
            widget.setCheckable(True)
            widget.setAutoExclusive(True)
            widget.setAutoDefault(False)  # Enter on a focused benefit claims it (the screen takes the key)
        self.layout_.addLayout(row(*self.choices.values()))
        self.availability = label(wrap=True)
        self.layout_.addWidget(self.availability)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Claim a benefit"))
        self.choices["birthday"].setText(self.tr("Birthday gift"))
        self.choices["parking"].setText(self.tr("Free parking"))
        self.choices["member_day"].setText(self.tr("Member-day gift"))
        self.confirm.setText(with_key(self.tr("Claim"), "Enter"))
        self.cancel.setText(with_key(self.tr("Cancel"), "Esc"))

    def prepare(self, member_no, **kwargs) -> None:
        super().prepare(member_no)
        summary = self.win.member_summary()
        available = set(summary.benefits_available) if summary else set()
        for name, widget in self.choices.items():
            widget.setChecked(False)
            widget.setEnabled(name in available)
        self.focus_primary()
        if summary:
            hours = summary.tier.parking_hours
            self.availability.setText(self.tr("Parking for this tier: {hours} h a day.").format(hours=hours))

    def focus_primary(self) -> None:
        first = next((w for w in self.choices.values() if w.isEnabled()), None)
        (first or self.cancel).setFocus()

    def dirty(self) -> bool:
        return False

    def submit(self) -> None:
        chosen = next((name for name, w in self.choices.items() if w.isChecked()), None)
        if chosen is None:  # Enter on a benefit button checks it (autoDefault clicks it); Enter again claims
            focused = self.focusWidget()
            chosen = next((name for name, w in self.choices.items() if w is focused and w.isEnabled()), None)
        if chosen is None:
            self.show_error(self.tr("Choose a benefit."))
            return
        member = self.member_no
        self.run(lambda: self.win.services.claim_benefit(self.win.session, member, chosen), self.done)


class AdjustScreen(ActionScreen):
    def body(self) -> None:
        self.points, self.reason = QLineEdit(), QLineEdit()
        self.points.setObjectName("Points")
        self.reason.setObjectName("Reason")
        self.reason.setMaxLength(200)
        self.labels = [label(), label()]
        self.fields.addRow(self.labels[0], self.points)
        self.fields.addRow(self.labels[1], self.reason)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Adjust points (manager)"))
        self.labels[0].setText(self.tr("Points (+ or −)"))
        self.labels[1].setText(self.tr("Reason"))
        self.confirm.setText(with_key(self.tr("Adjust"), "Enter"))
        self.cancel.setText(with_key(self.tr("Cancel"), "Esc"))

    def required(self) -> list[QLineEdit]:
        return [self.points, self.reason]

    def prepare(self, member_no, **kwargs) -> None:
        super().prepare(member_no)
        self.points.clear()
        self.reason.clear()
        self.points.setFocus()

    def submit(self) -> None:
        text = self.points.text().strip().replace("−", "-").replace("+", "")
        try:
            points = int(text)
        except ValueError:
            self.show_error(self.tr("Enter a whole number of points, e.g. 200 or -150."))
            return
        member, reason = self.member_no, self.reason.text()
        self.run_stepped(
            lambda pin: self.win.services.adjust(self.win.session, member, points, reason, pin=pin), self.done
        )


class ReverseScreen(ActionScreen):
    def body(self) -> None:
        self.what = label(wrap=True)
        self.reason = QLineEdit()
        self.reason.setObjectName("Reason")
        self.reason_label = label()
        self.layout_.addWidget(self.what)
        self.fields.addRow(self.reason_label, self.reason)
        self.op = None

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reverse a transaction"))
        self.reason_label.setText(self.tr("Reason"))
        self.confirm.setText(with_key(self.tr("Reverse"), "Enter"))
        self.confirm.setObjectName("Confirm")
        self.cancel.setText(with_key(self.tr("Cancel"), "Esc"))

    def prepare(self, member_no, op=None, **kwargs) -> None:
        from ..models import kind_label

        super().prepare(member_no)
        self.op = op
        self.reason.clear()
        if op is not None:
            text = self.tr("{time} · {kind} · {points} points").format(
                time=op.at, kind=kind_label(op.kind), points=f"{op.points:+,d}"
            )
            facts = self.win.history_facts(op.op_id)
            self.what.setText(f"{facts.op_ref} · {text}" if facts else text)  # the reference on its receipt
        self.reason.setFocus()

    def required(self) -> list[QLineEdit]:
        return [self.reason]

    def submit(self) -> None:
        op_id, reason = self.op.op_id, self.reason.text()
        self.run_stepped(lambda pin: self.win.services.reverse(self.win.session, op_id, reason, pin=pin), self.done)


class DonationScreen(ActionScreen):
    """Points to a charity campaign of the rules (积分捐赠): the campaign, the points, Enter donates.

    The range and the balance are the services' to check (their refusal is the message); the screen
    shows them beforehand so the clerk can tell the member. Online, the server's balance is asked first
    (bounded, "checking online…"); a large donation asks for the PIN again.
    """

    def body(self) -> None:
        self.campaign = QComboBox()
        self.campaign.setObjectName("Campaign")
        self.points = QLineEdit()
        self.points.setObjectName("Points")
        self.points.installEventFilter(self)
        self.labels = [label(), label()]
        self.fields.addRow(self.labels[0], self.campaign)
        self.fields.addRow(self.labels[1], self.points)
        self.preview = label(name="Subtitle", wrap=True)
        self.layout_.addWidget(self.preview)
        self.points.textChanged.connect(self._preview)
        self.campaign.currentIndexChanged.connect(self._preview)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Donate points to charity"))
        self.labels[0].setText(self.tr("Campaign"))
        self.labels[1].setText(self.tr("Points to donate"))
        self.points.setPlaceholderText(self.tr("↑/↓ choose the campaign"))
        self.confirm.setText(with_key(self.tr("Donate"), "Enter"))
        self.cancel.setText(with_key(self.tr("Cancel"), "Esc"))
        self._fill_campaigns()

    def _campaigns(self):
        return self.win.services.donation_campaigns()

    def _fill_campaigns(self) -> None:
        """The rules' campaigns by their name in the desk's language (kept chosen across a language change)."""
        current = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        for c in self._campaigns():
            self.campaign.addItem(f"{render(c.name)} · {c.code}", c.code)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(current)))
        self.campaign.blockSignals(False)
        self._preview()

    def eventFilter(self, watched, event) -> bool:
        # ↑/↓ in the points field choose the campaign: the hands stay on the digits, no Tab to the list.
        if watched is self.points and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step and self.campaign.count():
                self.campaign.setCurrentIndex(
                    max(0, min(self.campaign.count() - 1, self.campaign.currentIndex() + step))
                )
                return True
        return super().eventFilter(watched, event)

    def required(self) -> list[QLineEdit]:
        return [self.points]

    def prepare(self, member_no, **kwargs) -> None:
        super().prepare(member_no)
        self._fill_campaigns()
        self.points.clear()
        self._preview()
        if not self.campaign.count():
            self.show_error(self.tr("The rules name no donation campaign; nothing can be donated."))
        self.points.setFocus()

    def _chosen(self):
        code = self.campaign.currentData()
        return next((c for c in self._campaigns() if c.code == code), None)

    def _typed_points(self) -> int | None:
        text = unicodedata.normalize("NFKC", self.points.text()).strip()  # full-width digits from an IME
        return int(text) if text.isascii() and text.isdigit() else None

    def _preview(self, *args) -> None:
        """What the donation would be, from the terminal's view of the balance (the services decide)."""
        campaign = self._chosen()
        if campaign is None:
            self.preview.clear()
            return
        lines = [
            self.tr("{low} to {high} points a donation.").format(
                low=f"{campaign.min_points:,d}", high=f"{campaign.max_points:,d}"
            )
        ]
        summary = self.win.member_summary()
        points = self._typed_points()
        if points and summary is not None and summary.member_no == self.member_no:
            if points > summary.balance:  # said before Enter; the services refuse it regardless
                lines.append(self.tr("The member has {balance} points.").format(balance=f"{summary.balance:,d}"))
            elif campaign.min_points <= points <= campaign.max_points:  # else the range above says why not
                lines.append(
                    self.tr("{points} points to {campaign}; {left} points left.").format(
                        points=f"{points:,d}", campaign=render(campaign.name), left=f"{summary.balance - points:,d}"
                    )
                )
        self.preview.setText("\n".join(lines))

    def submit(self) -> None:
        campaign = self._chosen()
        if campaign is None:
            self.show_error(self.tr("The rules name no donation campaign; nothing can be donated."))
            return
        points = self._typed_points()
        if points is None:
            self.show_error(self.tr("Enter the number of points to donate, e.g. 500."))
            self.points.setFocus()
            return
        member, code = self.member_no, campaign.code
        self.run_checked(
            lambda pin: self.win.services.donate_points(self.win.session, member, code, points, pin=pin), self.done
        )
