"""Table models (Vorta's shape): named column constants, a role for the record and one for sorting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from membership import operations as ops
from membership.i18n import QT_TRANSLATE_NOOP, Message
from membership.money import format_yuan

from .i18n import render, translate

RecordRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows of plain records; subclasses say how each column shows a record."""

    HEADERS: tuple[tuple[str, str], ...] = ()  # (context, source text) per column

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            context, text = self.HEADERS[section]
            return translate(context, text)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == RecordRole:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(record, index.column())  # long reasons are cut in the cell, whole here
        if role == SortRole:
            return self.sort_value(record, index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and self.numeric(index.column()):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def display(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, record: Any, column: int) -> Any:
        return self.display(record, column)

    def numeric(self, column: int) -> bool:
        return False


def kind_label(kind: str) -> str:
    return render(Message("Operation", ops.KIND_LABELS[kind])) if kind in ops.KIND_LABELS else kind


@dataclass(frozen=True)
class HistoryFacts:
    """What the history shows of an own operation besides the row: its reference and what sync made of it."""

    op_ref: str
    status: str  # pending, acked, rejected
    exception_id: int | None = None
    exception_status: str | None = None


def history_facts(store: Any, op_ids: Sequence[str]) -> dict[str, HistoryFacts]:
    """The business reference (007-000003) and sync status of this terminal's operations, with the
    exception a rejection opened. Runs on the store worker (reads the store)."""
    from membership.codes import op_ref

    ids = [op_id for op_id in op_ids if op_id]
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    code = store.terminal().terminal_code
    out: dict[str, HistoryFacts] = {}
    for r in store.query(f"SELECT op_id, epoch, seq, status FROM oplog WHERE op_id IN ({marks})", tuple(ids)):
        out[r["op_id"]] = HistoryFacts(op_ref(code, r["epoch"], r["seq"]), r["status"])
    for r in store.query(
        f"SELECT id, op_id, status FROM sync_exceptions WHERE op_id IN ({marks}) ORDER BY id", tuple(ids)
    ):
        if r["op_id"] in out:
            facts = out[r["op_id"]]
            out[r["op_id"]] = HistoryFacts(facts.op_ref, facts.status, r["id"], r["status"])
    return out


def op_id_for_ref(store: Any, text: str) -> str | None:
    """The operation of this terminal with the business reference ``text`` (007-000003, or 007-000003/2)."""
    import re

    match = re.fullmatch(r"\s*(\d{1,3})\s*-\s*(\d{1,6})\s*(?:/\s*(\d+))?\s*", text or "")
    if not match or int(match.group(1)) != store.terminal().terminal_code:
        return None
    epoch = int(match.group(3) or 1)
    return store.scalar("SELECT op_id FROM oplog WHERE epoch = ? AND seq = ?", (epoch, int(match.group(2))))


class HistoryModel(RowsModel):
    COL_TIME, COL_KIND, COL_POINTS, COL_SPEND, COL_STATE, COL_REF = range(6)
    HEADERS = (
        ("History", QT_TRANSLATE_NOOP("History", "Time")),
        ("History", QT_TRANSLATE_NOOP("History", "Transaction")),
        ("History", QT_TRANSLATE_NOOP("History", "Points")),
        ("History", QT_TRANSLATE_NOOP("History", "Spend (¥)")),
        ("History", QT_TRANSLATE_NOOP("History", "Status")),
        ("History", QT_TRANSLATE_NOOP("History", "Reference")),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.facts: dict[str, HistoryFacts] = {}

    def set_history(self, rows: Sequence[Any], facts: dict[str, HistoryFacts]) -> None:
        self.facts = dict(facts)
        self.set_rows(rows)

    def display(self, h, column: int) -> str:
        if column == self.COL_TIME:
            return h.at
        if column == self.COL_KIND:
            return kind_label(h.kind)
        if column == self.COL_POINTS:
            return f"{h.points:+,d}" if h.points else "0"
        if column == self.COL_SPEND:
            return format_yuan(h.spend_fen) if h.spend_fen else ""
        facts = self.facts.get(h.op_id) if h.op_id else None
        if column == self.COL_REF:
            return facts.op_ref if facts else ""
        return self.status_text(h, facts)

    def status_text(self, h, facts: HistoryFacts | None) -> str:
        if facts is not None and facts.status == "rejected":
            if facts.exception_id is None:
                return translate("History", "Rejected by the server")
            template = (
                translate("History", "Rejected by the server · exception #{id} open")
                if facts.exception_status == "open"
                else translate("History", "Rejected by the server · exception #{id} resolved")
            )
            return template.format(id=facts.exception_id)
        if h.reversed:
            return translate("History", "Reversed")
        if h.op_id is None:
            return translate("History", "Imported")
        if facts is not None and facts.status == "pending":
            return translate("History", "Waiting to be sent")
        return ""

    def sort_value(self, h, column: int):
        return {self.COL_POINTS: h.points, self.COL_SPEND: h.spend_fen}.get(column, self.display(h, column))

    def numeric(self, column: int) -> bool:
        return column in (self.COL_POINTS, self.COL_SPEND)


class CatalogueModel(RowsModel):
    COL_CODE, COL_NAME, COL_POINTS, COL_STOCK = range(4)
    HEADERS = (
        ("Gift", QT_TRANSLATE_NOOP("Gift", "Code")),
        ("Gift", QT_TRANSLATE_NOOP("Gift", "Gift")),
        ("Gift", QT_TRANSLATE_NOOP("Gift", "Points")),
        ("Gift", QT_TRANSLATE_NOOP("Gift", "In stock")),
    )

    def display(self, row, column: int) -> str:
        item, stock = row
        return (item.code, render(item.name), f"{item.points:,d}", str(stock))[column]

    def sort_value(self, row, column: int):
        item, stock = row
        return {self.COL_POINTS: item.points, self.COL_STOCK: stock}.get(column, self.display(row, column))

    def numeric(self, column: int) -> bool:
        return column in (self.COL_POINTS, self.COL_STOCK)


class TenantModel(RowsModel):
    COL_CODE, COL_NAME, COL_FLOOR = range(3)
    HEADERS = (
        ("Tenant", QT_TRANSLATE_NOOP("Tenant", "Code")),
        ("Tenant", QT_TRANSLATE_NOOP("Tenant", "Store")),
        ("Tenant", QT_TRANSLATE_NOOP("Tenant", "Floor")),
    )

    def display(self, t, column: int) -> str:
        return (t.code, t.name, t.floor)[column]


class StaffModel(RowsModel):
    COL_NO, COL_NAME, COL_ROLE, COL_STATE = range(4)
    HEADERS = (
        ("Staff", QT_TRANSLATE_NOOP("Staff", "Staff no.")),
        ("Staff", QT_TRANSLATE_NOOP("Staff", "Name")),
        ("Staff", QT_TRANSLATE_NOOP("Staff", "Role")),
        ("Staff", QT_TRANSLATE_NOOP("Staff", "Status")),
    )

    def display(self, s, column: int) -> str:
        from sync.auth import ROLE_LABELS

        if column == self.COL_ROLE:
            return render(Message("Auth", ROLE_LABELS[s["role"]]))
        if column == self.COL_STATE:
            if not s["active"]:
                return translate("Staff", "Disabled")
            return translate("Staff", "Locked") if s["locked_until"] else translate("Staff", "Active")
        return (s["staff_no"], s["name"])[column]


class ExceptionsModel(RowsModel):
    COL_OPENED, COL_KIND, COL_MEMBER, COL_TERMINAL, COL_REASON, COL_RESOLUTION, COL_REF = range(7)
    HEADERS = (
        ("Exceptions", QT_TRANSLATE_NOOP("Exceptions", "Opened")),
        ("Exceptions", QT_TRANSLATE_NOOP("Exceptions", "Kind")),
        ("Exceptions", QT_TRANSLATE_NOOP("Exceptions", "Member")),
        ("Exceptions", QT_TRANSLATE_NOOP("Exceptions", "Terminal")),
        ("Exceptions", QT_TRANSLATE_NOOP("Exceptions", "Reason")),
        ("Exceptions", QT_TRANSLATE_NOOP("Exceptions", "Resolution")),
        ("Exceptions", QT_TRANSLATE_NOOP("Exceptions", "Reference")),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.refs: dict[str, str] = {}  # set by the screen: op id → business reference (this desk's own)

    # Set by the screen: UTC text → the mall's local time.
    local_time = staticmethod(lambda utc_text: utc_text[:16].replace("T", " "))

    def display(self, e, column: int) -> str:
        """``e`` is a :class:`sync.inbox.InboxItem`."""
        values = (
            self.local_time(e.opened_at),
            render(e.label),
            e.member_no or "",
            str(e.detail.get("terminal") or e.detail.get("terminal_id") or ""),
            render(e.message),
            e.resolution or "",
            self.refs.get(e.op_id, "") if e.op_id else "",
        )
        return values[column]
