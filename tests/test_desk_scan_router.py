"""The one scan router and the wedge detector, driven with the key events a real wedge scanner sends
(a separate Shift press and release around each capital, keypad digits, each suffix), on a registered
terminal against a real server."""

from __future__ import annotations

import os

import pytest
from conftest import enroll
from deskkeys import SUFFIXES, ime_scan, key, open_window, scan, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QVBoxLayout
from test_desktop import SHOTS, TIMEOUT, current, login, shot

os.environ["MEMBERDESK_RAISE"] = "1"


@pytest.fixture(name="win")
def desk_window(qtbot, store, services):
    yield from open_window(qtbot, store, services)


@pytest.fixture
def detector(qtbot):
    from desktop.scanner import WedgeDetector

    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.activateWindow()
    edit.setFocus()
    found = WedgeDetector()
    QApplication.instance().installEventFilter(found)
    codes: list[str] = []
    found.code_scanned.connect(codes.append)
    yield found, edit, codes
    QApplication.instance().removeEventFilter(found)


TOKENISH = "MABCDEFGHJKLMNPQRSTUVWXYZ234567"


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_capitals_with_separate_shift_events_and_every_suffix(qtbot, detector, suffix):
    _, edit, codes = detector
    scan(TOKENISH, suffix=suffix)
    qtbot.waitUntil(lambda: codes == [TOKENISH], timeout=TIMEOUT)
    assert edit.text() == ""  # nothing of the scan is left typed into the focused field


def test_keypad_digits_capslock_and_human_typing(qtbot, detector):
    _, edit, codes = detector
    scan("0070000013", keypad_digits=True)
    qtbot.waitUntil(lambda: codes == ["0070000013"], timeout=TIMEOUT)
    assert edit.text() == ""
    key(Qt.Key.Key_CapsLock)  # a modifier on its own changes nothing
    type_text("Li Wei")
    key(Qt.Key.Key_Return)
    assert codes == ["0070000013"] and edit.text() == "Li Wei"


def test_scan_through_an_input_method_commits(qtbot, detector):
    """An active pinyin IME hands the scanner's ASCII over as commit strings: still one scan."""
    _, edit, codes = detector
    ime_scan("CBDAY-00700001X")
    qtbot.waitUntil(lambda: codes == ["CBDAY-00700001X"], timeout=TIMEOUT)
    assert edit.text() == ""
    # Chinese committed by the IME is a person typing a name: it lands in the field, no scan.
    for char in "张三":
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(edit, event)
    assert edit.text() == "张三" and codes == ["CBDAY-00700001X"]


def test_nothing_happens_behind_a_modal_dialog(qtbot, detector):
    _, _, codes = detector
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=TIMEOUT)
    dialog.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=TIMEOUT)
    scan("1234", suffix="Tab")
    assert codes == []
    assert field.text() == "1234"  # the dialog's field got its keys


def _payment_and_unknown_codes(qtbot, win, screen):
    before = screen.has_input() if hasattr(screen, "has_input") else None
    for code, expected in (
        ("134567890123456789", "微信支付付款码"),
        ("28123456789012345678", "支付宝付款码"),
        ("HTTPS://EXAMPLE.COM/X", "不是会员码"),
    ):
        screen.show_error(None)
        scan(code)
        qtbot.waitUntil(lambda e=expected: e in screen.message.text(), timeout=TIMEOUT)
        assert current(win) is screen  # a message where the clerk is; never a name search on Home
    if before is not None:
        assert screen.has_input() == before


def test_router_member_coupon_slip_and_payment_codes_from_any_screen(qtbot, win, services, desk, manager, store):
    member = enroll(services, desk).member_no
    token = services.member_token(member)
    services.earn(desk, member, 300_000, "general")  # points for a gift, and its coupon
    gift = services.redeem_gift(manager, member, "K001", 1, pin="1234")
    coupon = gift.extra["coupons_issued"][0]
    login(qtbot, win, "D001", "2345")

    # A member code from the settings screen (focus in a text field): the member opens, the field is clean.
    win.show_settings()
    field = win.settings_screen.findChildren(QLineEdit)[0]
    field.setFocus()
    text_before = field.text()
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        scan(token)
    assert current(win) is win.member_screen and win.member_screen.member_no == member
    assert field.text() == text_before
    # Focus lands on the first action (F1), never in the history filters.
    assert QApplication.focusWidget() is win.member_screen.actions["earn"]

    # Payment codes and a URL: a message on the member screen, which stays.
    _payment_and_unknown_codes(qtbot, win, win.member_screen)
    shot(win, "30-scan-payment-code")

    # A coupon scanned with the member open: verification opens checked, for this member; Enter verifies.
    coupon_screen = win.action_screens["coupon"]
    scan(coupon)
    qtbot.waitUntil(lambda: current(win) is coupon_screen and coupon_screen.confirm.isEnabled(), timeout=TIMEOUT)
    assert coupon_screen.member_no == member and coupon_screen.code.text() == coupon
    assert QApplication.focusWidget() is coupon_screen.confirm
    shot(win, "31-scan-coupon")
    with qtbot.waitSignal(win.result_shown, timeout=TIMEOUT) as shown:
        key(Qt.Key.Key_Return)
    assert shown.args[0].extra["coupon_used"] == coupon

    # A slip serial from the result screen opens back-entry for that slip.
    kit = services.issue_outage_kit(services.login("M001", "1234"), {"receipt": 1})
    serial = services.outstanding_slips()[0]
    scan(serial)
    screen = win.backentry_screen
    qtbot.waitUntil(lambda: current(win) is screen and screen.slip_type == "receipt", timeout=TIMEOUT)
    assert screen.serial.text() == serial and kit is not None
    # In back-entry a payment code says so and the slip stays open.
    _payment_and_unknown_codes(qtbot, win, screen)
    assert screen.slip_type == "receipt"


def test_a_scan_asks_before_it_discards_a_half_filled_form(qtbot, win, services, desk):
    member = enroll(services, desk).member_no
    other = enroll(services, desk, phone="13900000002", name="李四").member_no
    login(qtbot, win, "D001", "2345")
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        win.show_member(member)
    win.show_action("earn", member)
    earn = win.action_screens["earn"]
    earn.amount_edit.setFocus()
    type_text("88")

    def question():
        boxes = [b for b in win.findChildren(QMessageBox, "DiscardForm") if b.isVisible()]
        return boxes[0] if boxes else None

    scan(services.member_token(other))
    qtbot.waitUntil(lambda: question() is not None, timeout=TIMEOUT)
    QApplication.processEvents()
    assert question().grab().save(str(SHOTS / "zh_CN" / "32-scan-discard-question.png"))  # a window of its own
    key(Qt.Key.Key_Escape)  # keep the form
    qtbot.waitUntil(lambda: question() is None, timeout=TIMEOUT)
    assert current(win) is earn and earn.amount_edit.text() == "88"
    scan(services.member_token(other))
    qtbot.waitUntil(lambda: question() is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        key(Qt.Key.Key_Return)  # open the code
    assert win.member_screen.member_no == other
    # A digits-only scan (the member number) into an empty form needs no question.
    win.show_action("earn", other)
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        scan(member)
    assert question() is None and win.member_screen.member_no == member


def test_route_scan_is_the_public_entry_point(qtbot, win, services, desk):
    """The camera and the serial scanner call ``route_scan`` directly; an unknown card says so."""
    member = enroll(services, desk).member_no
    login(qtbot, win, "D001", "2345")
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        win.route_scan(f"  {services.member_token(member)}\r\n", "serial")
    win.show_home()
    win.route_scan("1234567", "camera")
    qtbot.waitUntil(lambda: "1234567" in win.home_screen.message.text(), timeout=TIMEOUT)
    assert win.home_screen.field.text() == "" and win.home_screen.results.count() == 0
