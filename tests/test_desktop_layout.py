"""Every desk screen at the desk's common screen sizes: nothing clipped, nothing overlapping, tables show rows.

A geometric check on the real widgets (not a pixel snapshot): each visible control must get at least the
room its own size hint asks for (a button or label narrower than its text clips the text), lie inside its
parent, and not overlap a sibling control; a table must show at least ``MIN_ROWS`` rows. The screenshots
go to the test artifacts (``screens/layout-<size>/<language>/``) to be looked at.
"""

from __future__ import annotations

import os

import pytest
from conftest import ARTIFACTS, enroll, open_desk_window
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QScrollArea,
    QTabBar,
    QWidget,
)

os.environ["MEMBERDESK_RAISE"] = "1"
TIMEOUT = 10_000
MIN_ROWS = 5  # a table the clerk chooses from shows at least this many rows (when it has them)
CONTROLS = (QLabel, QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QProgressBar, QTabBar)


def _inside_compound(widget: QWidget, screen: QWidget) -> bool:
    """Parts of a compound control (a spin box's line edit, a table's header or corner button) are laid out
    by the control itself, not by the screen's layouts."""
    parent = widget.parentWidget()
    while parent is not None and parent is not screen:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _controls(screen: QWidget) -> list[QWidget]:
    return [
        w
        for w in screen.findChildren(QWidget)
        if isinstance(w, CONTROLS) and w.isVisible() and not _inside_compound(w, screen) and not w.isWindow()
    ]


def _clip_owner(widget: QWidget, screen: QWidget) -> QWidget:
    """The widget whose rectangle may legitimately hide part of ``widget``: a scroll area's viewport
    (scrolling is how the clerk reaches it), else the screen."""
    parent = widget.parentWidget()
    while parent is not None and parent is not screen:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return screen


def _in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def layout_problems(screen: QWidget) -> list[str]:
    """What is wrong with the geometry of a shown screen (an empty list when nothing is)."""
    problems: list[str] = []
    controls = _controls(screen)

    def name(w: QWidget) -> str:
        text = w.text() if hasattr(w, "text") and callable(w.text) else ""
        return f"{type(w).__name__}({w.objectName() or '-'}: {str(text)[:30]!r})"

    for w in controls:
        hint = w.minimumSizeHint()
        if isinstance(w, QLabel) and w.wordWrap() and w.text():
            need_h = w.heightForWidth(w.width())
            if need_h > w.height() + 1:
                problems.append(f"{name(w)} is {w.height()} px high, its wrapped text needs {need_h}")
        elif isinstance(w, (QLabel, QAbstractButton)) and w.text():
            need = w.sizeHint()
            if w.width() + 1 < need.width() or w.height() + 1 < min(need.height(), hint.height() or need.height()):
                problems.append(f"{name(w)} is {w.width()}×{w.height()}, its text needs {need.width()}×{need.height()}")
        elif isinstance(w, (QLineEdit, QAbstractSpinBox, QComboBox)):
            # The text line plus the style sheet's padding and border (at least 6 px a side); Qt's own hint
            # for a styled field is a few pixels more than the style sheet lays it out at.
            need_h = w.fontMetrics().height() + 12
            if w.height() + 1 < need_h or w.width() + 1 < hint.width():
                problems.append(f"{name(w)} is {w.width()}×{w.height()}, below its minimum {hint.width()}×{need_h}")
        elif hint.isValid() and (w.height() + 1 < hint.height() or w.width() + 1 < hint.width()):
            problems.append(f"{name(w)} is {w.width()}×{w.height()}, below its minimum {hint.width()}×{hint.height()}")
        # Inside every parent up to the one allowed to hide it (a scroll area) or the screen.
        parent = w.parentWidget()
        owner = _clip_owner(w, screen)
        while parent is not None and parent is not owner:
            if isinstance(parent, QWidget) and parent.parentWidget() is not None:
                if parent.objectName() == "qt_scrollarea_viewport":
                    break
                if not parent.rect().contains(_in(w, parent)):
                    problems.append(f"{name(w)} sticks out of {type(parent).__name__}({parent.objectName()})")
                    break
            parent = parent.parentWidget()
        if owner is screen and not screen.rect().contains(_in(w, screen)):
            problems.append(f"{name(w)} at {_in(w, screen).getRect()} is cut off by the screen {screen.size()}")
        if isinstance(w, QAbstractItemView) and hasattr(w, "verticalHeader"):
            # Room for the rows, whether or not the table has them yet (an empty inbox fills up).
            height = w.verticalHeader().defaultSectionSize()
            shown = w.viewport().height() // max(1, height)
            if shown < MIN_ROWS:
                problems.append(f"{name(w)} shows {shown} rows ({w.viewport().height()} px), needs {MIN_ROWS}")
    for area in screen.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
            problems.append(f"{type(area).__name__}({area.objectName()}) scrolls sideways")
    # Overlap: two controls that share a clipping owner and are not nested must not cover each other.
    for i, a in enumerate(controls):
        for b in controls[i + 1 :]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            owner = _clip_owner(a, screen)
            if owner is not _clip_owner(b, screen):
                continue
            ra, rb = _in(a, owner), _in(b, owner)
            overlap = ra.intersected(rb)
            if overlap.width() > 2 and overlap.height() > 2:  # focus-ring margins may touch
                problems.append(f"{name(a)} overlaps {name(b)} by {overlap.width()}×{overlap.height()}")
    return problems


@pytest.fixture
def win(qtbot, store, services, clock):
    yield from open_desk_window(qtbot, services, store)


def _idle(qtbot, win) -> None:
    qtbot.waitUntil(lambda: win.tasks.idle, timeout=TIMEOUT)
    QApplication.processEvents()


def _visit(qtbot, win, member_no: str, result):
    """Each screen in turn, shown as a clerk sees it: yields (name, screen)."""
    from desktop.i18n import translate

    session = win.session
    win._go(win.login_screen)
    yield "login", win.login_screen
    win.session = session
    win.show_home()
    yield "home", win.home_screen
    win.show_enroll()
    yield "enroll", win.enroll_screen
    win.show_result(result)
    _idle(qtbot, win)
    assert win.result_screen.welcome_button.isVisible(), translate("ResultScreen", "Print welcome slip")
    yield "result-enroll", win.result_screen
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        win.show_member(member_no)
    _idle(qtbot, win)
    yield "member", win.member_screen
    for name in win.action_screens:
        if name == "reverse":
            win.member_screen.table.selectRow(0)
            win.show_action("reverse", member_no, op=win.member_screen.selected_history())
        else:
            win.show_action(name, member_no)
        _idle(qtbot, win)
        yield f"action-{name}", win.action_screens[name]
    win.show_manager()
    _idle(qtbot, win)
    for tab in range(win.manager_screen.tabs.count()):  # every tab: staff list, terminal, shift handover
        win.manager_screen.tabs.setCurrentIndex(tab)
        _idle(qtbot, win)
        yield f"manager-{tab}", win.manager_screen
    win.manager_screen.tabs.setCurrentIndex(0)
    win.show_settings()
    _idle(qtbot, win)
    yield "settings", win.settings_screen
    win.show_backentry()
    _idle(qtbot, win)
    yield "backentry", win.backentry_screen


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_every_screen_fits_without_clipping_or_overlap(qtbot, win, services, store, size, tmp_path):
    from desktop.i18n import install_language

    win.settings["printer"] = "PDF"  # a configured printer: the result screen shows every print button
    manager = services.login("M001", "1234")
    member_no = enroll(services, manager).member_no
    for amount in range(1, 13):  # a history long enough to fill the table
        services.earn(manager, member_no, amount * 10_000, "general", False)
    welcome = services.enroll(
        manager, name="李四", phone="13912345678", birthday="05-01", privacy_accepted=True, marketing_accepted=False
    )
    win.logged_in(manager)
    win.resize(*size)
    _idle(qtbot, win)
    assert (win.width(), win.height()) == size
    found: dict[str, list[str]] = {}
    for language in ("zh_CN", "en"):
        install_language(language)
        folder = ARTIFACTS / "screens" / f"layout-{size[0]}x{size[1]}" / language
        folder.mkdir(parents=True, exist_ok=True)
        for name, screen in _visit(qtbot, win, member_no, welcome):
            for _ in range(3):  # texts set by the language change re-lay out on the next pass
                QApplication.processEvents()
            assert win.stack.currentWidget() is screen
            assert win.grab().save(str(folder / f"{name}.png"))
            problems = layout_problems(screen) + layout_problems(win.top)  # the top bar with the sync banner
            if screen.page_scroll.verticalScrollBar().maximum() > 0:  # the page scrolls only on smaller windows
                problems.append(f"the page scrolls by {screen.page_scroll.verticalScrollBar().maximum()} px")
            if problems:
                found[f"{language}/{name}"] = problems
    install_language("zh_CN")
    assert not found, "\n".join(f"{where}: {p}" for where, items in found.items() for p in items)


def test_the_check_sees_a_squeezed_table_and_an_overlap(qtbot):
    """The checker itself: a table squeezed to half a row and two overlapping fields are both reported."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QTableView

    from desktop.app import create_app

    create_app()
    screen = QWidget()
    qtbot.addWidget(screen)
    screen.resize(400, 300)
    table = QTableView(screen)
    table.setModel(QStringListModel([f"row {i}" for i in range(20)]))
    table.setGeometry(0, 0, 400, 30)
    first, second = QLineEdit(screen), QLineEdit(screen)
    first.setGeometry(0, 100, 200, 40)
    second.setGeometry(100, 110, 200, 40)
    screen.show()
    QApplication.processEvents()
    problems = layout_problems(screen)
    assert any("shows 0 rows" in p or "shows 1 rows" in p for p in problems), problems
    assert any("overlaps" in p for p in problems), problems
    first.setGeometry(0, 250, 200, 40)
    second.setGeometry(210, 250, 180, 40)
    table.setGeometry(0, 0, 400, 240)
    QApplication.processEvents()
    assert not [p for p in layout_problems(screen) if "overlaps" in p or "rows" in p]


def test_a_page_taller_than_the_window_scrolls_to_the_focused_field(qtbot, win, services):
    """When a page does not fit (a larger font, a longer translation), the page scrolls and Tab keeps the
    focused widget in view instead of Qt squeezing or overlapping the fields."""
    from PySide6.QtCore import Qt

    win.logged_in(services.login("D001", "2345"))
    win.resize(1280, 720)
    win.show_enroll()
    screen = win.enroll_screen
    # As if the form had grown past the window: room between the fields and the buttons below them.
    screen.layout_.insertSpacing(screen.layout_.indexOf(screen.message), 1500)
    for _ in range(3):
        QApplication.processEvents()
    bar = screen.page_scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    viewport = screen.page_scroll.viewport()

    def in_view(widget: QWidget) -> bool:
        return viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size()))

    screen.name.setFocus()
    qtbot.waitUntil(lambda: screen.name.hasFocus())
    while not screen.cancel_button.hasFocus():
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        QApplication.processEvents()
        assert in_view(QApplication.focusWidget()), QApplication.focusWidget()
    assert bar.value() > 0  # it did scroll to reach the buttons below the fold
    assert screen.page_scroll.focusPolicy() == Qt.FocusPolicy.NoFocus  # the scroll area is no Tab stop
