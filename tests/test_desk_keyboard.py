"""Every desk task with the keyboard alone, from the scan to the confirmed action (the sequences of
docs/DESKTOP.md), on a registered terminal against a real server; no keyboard traps, a stable layout."""

from __future__ import annotations

import os

import pytest
from conftest import enroll
from deskkeys import activate, focus, key, open_window, scan, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from test_desktop import TIMEOUT, current, login, shot

from desktop.models import RecordRole

os.environ["MEMBERDESK_RAISE"] = "1"


@pytest.fixture(name="win")
def desk_window(qtbot, store, services):
    yield from open_window(qtbot, store, services)


def scan_member(qtbot, win, token: str) -> None:
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        scan(token)
    assert focus() is win.member_screen.actions["earn"]


def confirmed(qtbot, win, *keys) -> object:
    """Press ``keys``; the last one confirms: the result panel shows with Print focused."""
    with qtbot.waitSignal(win.result_shown, timeout=TIMEOUT) as shown:
        for k in keys:
            key(k)
    qtbot.waitUntil(lambda: focus() is win.result_screen.print_button, timeout=TIMEOUT)
    return shown.args[0]


def back_to_member(qtbot, win) -> None:
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        key(Qt.Key.Key_Escape)


def answer_pin(qtbot, win, pin: str) -> None:
    def prompt():
        dialogs = [d for d in win.findChildren(QInputDialog, "StepUp") if d.isVisible()]
        return dialogs[0] if dialogs else None

    qtbot.waitUntil(lambda: prompt() is not None, timeout=TIMEOUT)
    prompt().activateWindow()
    qtbot.waitUntil(lambda: focus() is not None and focus().window() is prompt(), timeout=TIMEOUT)
    type_text(pin)


Enter, Esc, F = Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key


def test_every_member_task_by_keyboard(qtbot, win, services, desk, clock):
    member = enroll(services, desk).member_no
    token = services.member_token(member)
    login(qtbot, win, "M001", "1234")
    activate(qtbot, win)

    # Purchase points: scan, F1, amount, Enter.
    scan_member(qtbot, win, token)
    key(F.Key_F1)
    qtbot.waitUntil(lambda: focus() is win.action_screens["earn"].amount_edit, timeout=TIMEOUT)
    type_text("3000")
    result = confirmed(qtbot, win, Enter)
    assert result.receipt.points_delta == 3000
    back_to_member(qtbot, win)

    # Receipt credit: F2, store search, Enter, number, Enter, amount, Enter (the store table never traps Tab).
    key(F.Key_F2)
    receipt = win.action_screens["receipt"]
    qtbot.waitUntil(lambda: focus() is receipt.search, timeout=TIMEOUT)
    type_text("F101")
    key(Enter)
    assert focus() is receipt.receipt_no
    type_text("R-1")
    key(Enter)
    assert focus() is receipt.amount_edit
    type_text("100")
    shot(win, "33-keyboard-receipt")
    result = confirmed(qtbot, win, Enter)
    assert result.receipt.kind == "credit_receipt"
    receipt_points = result.receipt.points_delta
    back_to_member(qtbot, win)

    # Gift: F3, ↓ to the gift, Enter asks, Enter spends.
    key(F.Key_F3)
    gift = win.action_screens["gift"]
    qtbot.waitUntil(lambda: focus() is gift.table, timeout=TIMEOUT)
    key(Qt.Key.Key_Down)

    def chosen():
        rows = gift.table.selectionModel().selectedRows()
        return rows[0].data(RecordRole)[0].code if rows else None

    while chosen() != "K001":  # the coupon gift; ↓ walks the catalogue
        key(Qt.Key.Key_Down)
    key(Enter)
    assert gift.pending is not None and "积分" in gift.confirm_line.text()
    result = confirmed(qtbot, win, Enter)
    assert result.receipt.kind == "redeem_gift"
    coupon = result.extra["coupons_issued"][0]
    back_to_member(qtbot, win)

    # Points as cash: F4, purchase, Enter, points, Enter.
    key(F.Key_F4)
    qtbot.waitUntil(lambda: focus() is win.action_screens["offset"].purchase, timeout=TIMEOUT)
    type_text("50")
    key(Enter)
    assert focus() is win.action_screens["offset"].points
    type_text("100")
    result = confirmed(qtbot, win, Enter)
    assert result.receipt.kind == "redeem_cash_offset"
    back_to_member(qtbot, win)

    # Coupon: one scan, one Enter.
    scan(coupon)
    coupon_screen = win.action_screens["coupon"]
    qtbot.waitUntil(lambda: focus() is coupon_screen.confirm, timeout=TIMEOUT)
    result = confirmed(qtbot, win, Enter)
    assert result.extra["coupon_used"] == coupon
    back_to_member(qtbot, win)

    # Benefit: F6, → to parking, Enter.
    key(F.Key_F6)
    benefit = win.action_screens["benefit"]
    qtbot.waitUntil(lambda: focus() in benefit.choices.values(), timeout=TIMEOUT)
    while focus() is not benefit.choices["parking"]:
        key(Qt.Key.Key_Right)
    result = confirmed(qtbot, win, Enter)
    assert result.receipt.kind == "claim_benefit"
    back_to_member(qtbot, win)

    # Adjust: F7, points, Enter, reason, Enter, PIN, Enter.
    key(F.Key_F7)
    qtbot.waitUntil(lambda: focus() is win.action_screens["adjust"].points, timeout=TIMEOUT)
    type_text("50")
    key(Enter)
    type_text("bu chang")
    key(Enter)
    answer_pin(qtbot, win, "1234")
    result = confirmed(qtbot, win, Enter)
    assert result.receipt.kind == "adjust" and result.receipt.points_delta == 50
    back_to_member(qtbot, win)

    # Reverse: F12 into the history, ↓ to the receipt credit, F8, reason, Enter, PIN, Enter.
    key(F.Key_F12)
    table = win.member_screen.table
    qtbot.waitUntil(lambda: focus() is table, timeout=TIMEOUT)
    while win.member_screen.selected_history().kind != "credit_receipt":
        key(Qt.Key.Key_Down)
    key(F.Key_F8)
    qtbot.waitUntil(lambda: focus() is win.action_screens["reverse"].reason, timeout=TIMEOUT)
    assert win.action_screens["reverse"].what.text().startswith("007-")  # the business reference, as printed
    type_text("tui huo")
    key(Enter)
    answer_pin(qtbot, win, "1234")
    result = confirmed(qtbot, win, Enter)
    assert result.receipt.kind == "reverse" and result.receipt.points_delta == -receipt_points
    back_to_member(qtbot, win)

    # Esc from the member goes Home, whose scan field has the focus.
    key(Esc)
    assert current(win) is win.home_screen and focus() is win.home_screen.field


def test_enroll_and_back_entry_by_keyboard(qtbot, win, services, manager):
    login(qtbot, win, "M001", "1234")
    activate(qtbot, win)
    key(Qt.Key.Key_F1)
    screen = win.enroll_screen
    qtbot.waitUntil(lambda: focus() is screen.name, timeout=TIMEOUT)
    type_text("张三")
    key(Enter)
    type_text("13812345678")
    key(Enter)
    type_text("03-15")
    key(Enter)
    assert focus() is screen.privacy  # the required consent is the next thing Enter asks for
    key(Qt.Key.Key_Space)
    result = confirmed(qtbot, win, Enter)
    assert result.receipt.kind == "enroll"
    member = result.member_no

    services.issue_outage_kit(manager, {"benefit": 1})
    serial = services.outstanding_slips()[0]
    scan(serial)
    back = win.backentry_screen
    qtbot.waitUntil(lambda: back.slip_type == "benefit" and focus() is back.written_at, timeout=TIMEOUT)
    for text in ("2026-11-20 09:30", "D001", member, "parking"):
        type_text(text)
        key(Enter)
    qtbot.waitUntil(lambda: current(win) is win.result_screen, timeout=TIMEOUT)
    assert win.result_screen.result.receipt.kind == "claim_benefit"


def test_no_traps_a_visible_focus_and_a_layout_that_stays(qtbot, win, services, desk):
    member = enroll(services, desk).member_no
    login(qtbot, win, "D001", "2345")
    activate(qtbot, win)
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        win.show_member(member)
    win.show_action("receipt", member)
    receipt = win.action_screens["receipt"]
    receipt.table.setFocus()
    key(Qt.Key.Key_Tab)
    assert focus() is not receipt.table  # Tab leaves the store table
    # A message appearing does not move the buttons.
    QApplication.processEvents()
    before = receipt.confirm.mapTo(win, receipt.confirm.rect().topLeft())
    receipt.show_error("一条很长的错误信息，" * 3)
    QApplication.processEvents()
    assert receipt.confirm.mapTo(win, receipt.confirm.rect().topLeft()) == before
    # The focus ring: the focused confirm button is drawn differently from the unfocused one.
    receipt.show_error(None)
    receipt.cancel.setFocus()
    QApplication.processEvents()
    unfocused = receipt.confirm.grab().toImage()
    receipt.confirm.setFocus()
    QApplication.processEvents()
    focused = receipt.confirm.grab().toImage()
    assert unfocused != focused
    shot(win, "34-focus-ring")
    # Esc from a text field of a form goes back to the member.
    receipt.amount_edit.setFocus()
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        key(Qt.Key.Key_Escape)
    assert current(win) is win.member_screen
    # The buttons show their keys.
    assert "F2" in win.member_screen.actions["receipt"].text()
    assert "Enter" in receipt.confirm.text() and "Esc" in receipt.cancel.text()
