"""The manager screen has it all: shift handover (PDF and CSV), staff unlock (audited), the exceptions
inbox with its count on the banner, reprint by business reference; the history says what the server
rejected; a revealed phone number masks itself again. A registered terminal against a real server."""

from __future__ import annotations

import io
import os

import pytest
from conftest import enroll
from deskkeys import activate, key, open_window, type_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from server_fixtures import quiesce
from test_desktop import TIMEOUT, click, confirm_with_pin, current, login, shot, type_into

from sync.auth import AuthError

os.environ["MEMBERDESK_RAISE"] = "1"


@pytest.fixture(name="win")
def desk_window(qtbot, store, services, engine):
    yield from open_window(qtbot, store, services, engine=engine)


def pdf_text(qtbot, win, path) -> str:
    qtbot.waitUntil(path.exists, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: win.tasks.idle, timeout=TIMEOUT)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_shift_handover_and_reprint_by_reference(qtbot, win, services, desk, tmp_path):
    member = enroll(services, desk).member_no
    login(qtbot, win, "M001", "1234")
    earned = services.earn(win.session, member, 300_000, "general")
    services.redeem_gift(win.session, member, "K001", 1, pin="1234")
    win.show_manager()
    manager = win.manager_screen
    manager.tabs.setCurrentIndex(3)
    assert "M001" in manager.shift_facts.text()
    type_into(qtbot, manager.handed_to, "D001")
    type_into(qtbot, manager.counted, "K001=7")
    shot(win, "35-manager-shift-handover")
    pdf, csv = tmp_path / "shift.pdf", tmp_path / "shift.csv"
    manager.shift_handover(str(pdf))
    text = pdf_text(qtbot, win, pdf)
    assert "交班" in text and "M001" in text and "D001" in text
    manager.shift_handover(csv_path=str(csv))
    qtbot.waitUntil(lambda: csv.exists() and manager.message.isVisible(), timeout=TIMEOUT)
    content = csv.read_text(encoding="utf-8-sig")
    assert "M001" in content and "K001" in content and "7" in content
    # A count that does not read is refused with a message, and nothing is printed.
    type_into(qtbot, manager.counted, "K001 seven")
    manager.shift_handover(str(tmp_path / "never.pdf"))
    assert "K001 seven" in manager.message.text() and not (tmp_path / "never.pdf").exists()

    # Reprint by the reference printed on the receipt.
    manager.tabs.setCurrentIndex(2)
    reprint = tmp_path / "reprint.pdf"
    type_into(qtbot, manager.reprint_ref, earned.op_ref)
    manager.reprint(str(reprint))
    assert earned.op_ref in pdf_text(qtbot, win, reprint)
    type_into(qtbot, manager.reprint_ref, "007-999999")
    manager.reprint(str(tmp_path / "none.pdf"))
    qtbot.waitUntil(lambda: "007-999999" in manager.message.text(), timeout=TIMEOUT)


def test_staff_unlock_is_audited(qtbot, win, services, store):
    for _ in range(5):
        with pytest.raises(AuthError):
            services.login("D001", "0000")
    with pytest.raises(AuthError, match="locked"):
        services.login("D001", "2345")
    login(qtbot, win, "M001", "1234")
    win.show_manager()
    manager = win.manager_screen
    manager.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: manager.staff.rowCount() == 3, timeout=TIMEOUT)
    row = next(r for r in range(manager.staff.rowCount()) if manager.staff.record(r)["staff_no"] == "D001")
    assert not manager.unlock_button.isEnabled()
    manager.staff_table.selectRow(row)
    shot(win, "36-manager-unlock")
    click(qtbot, manager.unlock_button)
    qtbot.waitUntil(lambda: "D001" in manager.message.text(), timeout=TIMEOUT)
    audit = store.query_one("SELECT staff_no, action, subject FROM audit WHERE action = 'staff_unlocked'")
    assert tuple(audit) == ("M001", "staff_unlocked", "D001")
    assert services.login("D001", "2345").staff_no == "D001"


def test_exceptions_count_and_rejected_status_in_history(
    qtbot, win, services, store, engine, desk_server, make_terminal
):
    member = enroll(services, services.login("D001", "2345"), phone="13800000001").member_no
    engine.sync_once()
    other = make_terminal(desk_server, 8)
    quiesce(other)
    # Both desks credit the same receipt while apart; desk 8 syncs first and wins.
    other.services.credit_receipt(other.desk, member, "F101", "R-777", 20_000, "2026-11-20")
    mine = services.credit_receipt(services.login("D001", "2345"), member, "F101", "R-777", 20_000, "2026-11-20")
    other.sync()
    engine.sync_once()
    qtbot.waitUntil(lambda: "1 条异常待处理" in win.banner.text.text(), timeout=TIMEOUT)

    login(qtbot, win, "M001", "1234")
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        win.show_member(member)
    model = win.member_screen.model
    row = next(r for r in range(model.rowCount()) if model.record(r).op_id == mine.op_id)
    status = model.index(row, model.COL_STATE).data()
    assert "服务器已拒绝" in status and "待处理" in status
    assert model.index(row, model.COL_REF).data() == mine.op_ref
    shot(win, "37-history-rejected")
    win.show_manager()
    manager = win.manager_screen
    qtbot.waitUntil(lambda: "1 条待处理" in manager.tabs.tabText(0), timeout=TIMEOUT)
    exceptions = manager.exceptions
    assert exceptions.index(0, exceptions.COL_REF).data() == mine.op_ref  # the reference on the desk's receipt
    shot(win, "38-manager-inbox-count")
    # The decision by keyboard: choose the row, type it, Enter records it; the counts go down.
    manager.exceptions_table.setFocus(Qt.FocusReason.TabFocusReason)  # tabbing in chooses the first row
    qtbot.waitUntil(lambda: manager.exceptions_table.selectionModel().isRowSelected(0), timeout=TIMEOUT)
    manager.resolution.setFocus()
    type_text("以 8 号服务台为准")
    key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: manager.exceptions.record(0).status == "resolved", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "待处理" not in manager.tabs.tabText(0), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "异常待处理" not in win.banner.text.text(), timeout=TIMEOUT)


def test_revealed_phone_masks_itself_again(qtbot, win, services, desk):
    member = enroll(services, desk).member_no
    login(qtbot, win, "M001", "1234")
    activate(qtbot, win)
    screen = win.member_screen
    assert screen.reveal_timer.interval() == 30_000
    for leave in (False, True):
        with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
            win.show_member(member)
        click(qtbot, screen.reveal_button)
        confirm_with_pin(qtbot, win, "1234")
        qtbot.waitUntil(lambda: "13812345678" in screen.who.text(), timeout=TIMEOUT)
        if leave:
            win.show_home()  # leaving the screen masks it at once
            assert "13812345678" not in screen.who.text() and not screen.revealed
        else:
            assert screen.reveal_timer.isActive()
            screen.reveal_timer.setInterval(50)  # the 30 s, shortened: the same timer masks it
            screen.reveal_timer.start()
            qtbot.waitUntil(lambda: "13812345678" not in screen.who.text(), timeout=TIMEOUT)
            assert "138****5678" in screen.who.text() and current(win) is screen
