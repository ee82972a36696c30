"""Points donation (积分捐赠) at the desk with the keyboard alone, on a registered terminal against a real
server: F10 from the member, the campaign of the rules, the points, Enter; the receipt printed; refusals
that write nothing; the offline cap with the server killed; the role that may not donate."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from conftest import ARTIFACTS, enroll, fingerprint
from deskkeys import activate, focus, key, open_window, scan, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from test_desk_keyboard import answer_pin, confirmed, scan_member
from test_desktop import TIMEOUT, current, login, shot

from desktop.printer_service import reference_of
from sync.auth import AuthError

os.environ["MEMBERDESK_RAISE"] = "1"
Enter = Qt.Key.Key_Return


@pytest.fixture(name="win")
def desk_window(qtbot, store, services):
    yield from open_window(qtbot, store, services)


@pytest.fixture(name="win_en")
def desk_window_en(qtbot, store, services):
    yield from open_window(qtbot, store, services, language="en")


def rich_member(services, cashier, desk, fen: int) -> str:
    phones = services.store.scalar("SELECT count(*) FROM members")  # each member a phone of their own
    member = enroll(services, desk, phone=f"1381234{5678 + phones:04d}").member_no
    services.earn(cashier, member, fen, "general")
    return member


def balance(services, session, member: str) -> int:
    return services.summary(session, member).balance


def written(store) -> dict[str, str]:
    """Everything an operation writes; the audit log (look-ups are audited) and settings left aside."""
    return {name: digest for name, digest in fingerprint(store).items() if name not in ("audit", "settings")}


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def open_donation(qtbot, win):
    """F10 on the member: the donation screen at once (the key clicks, no animated delay), points focused."""
    key(Qt.Key.Key_F10)
    screen = win.action_screens["donate"]
    # No wait here: the shortcut acts on the key itself (an animated click would still be 100 ms away).
    assert current(win) is screen
    assert focus() is screen.points
    return screen


def test_a_large_donation_online_by_keyboard_with_the_pin_and_its_receipt(
    qtbot, win, services, engine, online, store, desk, cashier, tmp_path
):
    member = rich_member(services, cashier, desk, 1_200_000)  # ¥12,000 of purchases
    before = balance(services, desk, member)
    assert before > 6000
    engine.sync_once()  # the server knows the member and the balance: the desk asks it first
    online.value = True
    login(qtbot, win, "D001", "2345")
    activate(qtbot, win)
    scan_member(qtbot, win, services.member_token(member))
    assert "[F10]" in win.member_screen.actions["donate"].text()
    shot(win, "40-member-donation-key")

    screen = open_donation(qtbot, win)
    assert screen.campaign.currentData() == "CHARITY2026" and "星河爱心助学" in screen.campaign.currentText()
    assert "100" in screen.preview.text() and "20,000" in screen.preview.text()
    assert "Enter" in screen.confirm.text() and "Esc" in screen.cancel.text()
    type_text("6000")
    assert "星河爱心助学" in screen.preview.text() and f"{before - 6000:,d}" in screen.preview.text()
    shot(win, "40-donation")
    key(Enter)  # 6,000 ≥ security.step_up_points: the PIN again
    with qtbot.waitSignal(win.result_shown, timeout=TIMEOUT) as shown:
        answer_pin(qtbot, win, "2345")
        key(Enter)
    qtbot.waitUntil(lambda: focus() is win.result_screen.print_button, timeout=TIMEOUT)
    result = shown.args[0]
    assert result.receipt.kind == "donate_points" and result.receipt.online
    assert result.receipt.points_before == before and result.receipt.points_after == before - 6000
    shot(win, "41-donation-result")

    # The oplog row and its ledger lines (oldest points first), in the terminal's store.
    row = store.query_one("SELECT * FROM oplog WHERE op_id = ?", (result.op_id,))
    assert row["kind"] == "donate_points" and row["member_no"] == member and row["online"] == 1
    payload = json.loads(row["payload"])
    assert payload["campaign_code"] == "CHARITY2026" and payload["points"] == 6000
    ledger = store.query("SELECT kind, delta FROM ledger WHERE op_id = ?", (result.op_id,))
    assert ledger and {r["kind"] for r in ledger} == {"donation"} and sum(r["delta"] for r in ledger) == -6000
    assert balance(services, desk, member) == before - 6000

    # Enter on the result prints: with no printer set up, the print preview opens on the receipt.
    key(Enter)
    qtbot.waitUntil(lambda: win.printer_service.preview_dialog is not None, timeout=TIMEOUT)
    preview = win.printer_service.preview_dialog
    qtbot.waitUntil(preview.isVisible, timeout=TIMEOUT)
    assert preview._printer.docName() == f"receipt-{reference_of(result.receipt)}"
    preview.reject()
    # The same receipt as a PDF file (Save as PDF), parsed back.
    path = tmp_path / "donation.pdf"
    win.save_receipt_pdf(result.receipt, str(path))
    qtbot.waitUntil(path.exists, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: win.tasks.idle, timeout=TIMEOUT)
    text = pdf_text(path)
    (ARTIFACTS / "screens").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "screens" / "donation-receipt.pdf").write_bytes(path.read_bytes())  # to look at
    assert result.op_ref in text and "星河爱心助学" in text and "6000" in text.replace(",", "")
    assert "138****5678" in text and "13812345678" not in text

    # The server takes it.
    engine.sync_once()
    assert store.scalar("SELECT status FROM oplog WHERE op_id = ?", (result.op_id,)) == "acked"


def test_refusals_write_nothing_and_say_why(qtbot, win_en, services, engine, online, store, desk, cashier):
    win = win_en
    member = rich_member(services, cashier, desk, 30_000)  # ¥300: a few hundred points
    have = balance(services, desk, member)
    assert 100 <= have < 1000
    engine.sync_once()
    online.value = True  # the balance is the server's
    login(qtbot, win, "D001", "2345")
    activate(qtbot, win)
    scan_member(qtbot, win, services.member_token(member))
    screen = open_donation(qtbot, win)
    assert "Galaxy Plaza school-aid fund" in screen.campaign.currentText()
    shot(win, "40-donation", "en")
    untouched = written(store)

    def refused(points: str, *expected: str, pin: str | None = None) -> None:
        screen.points.setFocus()
        screen.points.selectAll()
        type_text(points)
        key(Enter)
        if pin:
            answer_pin(qtbot, win, pin)
            key(Enter)
        qtbot.waitUntil(lambda: screen.message.isVisible() and "Checking" not in screen.message.text(), timeout=TIMEOUT)
        qtbot.waitUntil(lambda: win.tasks.idle, timeout=TIMEOUT)
        text = screen.message.text()
        assert all(part in text for part in expected), text
        assert current(win) is screen and screen.confirm.isEnabled()
        assert written(store) == untouched, points

    refused("50", "from 100 to 20000 points", "Galaxy Plaza school-aid fund")  # below the minimum
    screen.points.selectAll()
    type_text("1000")
    assert f"The member has {have} points." in screen.preview.text()  # told before Enter
    refused("1000", "Not enough points", str(have))  # over the balance (the server's)
    refused("abc", "Enter the number of points to donate")  # not a number: the screen's own message
    shot(win, "42-donation-refused", "en")
    assert balance(services, desk, member) == have
    # Esc goes back to the member; the next member has the points for more than a donation's maximum.
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        key(Qt.Key.Key_Escape)
    rich = rich_member(services, cashier, desk, 3_000_000)
    assert balance(services, desk, rich) > 20_001
    engine.sync_once()
    scan_member(qtbot, win, services.member_token(rich))
    screen = open_donation(qtbot, win)
    untouched = written(store)
    # Over the maximum, and large enough to need the PIN: refused at once, no PIN prompt on the way.
    refused("20001", "from 100 to 20000 points")
    shot(win, "43-donation-over-maximum", "en")
    assert "20,001 points to" not in screen.preview.text()  # the preview promised no donation the range refuses
    assert not [d for d in win.findChildren(QInputDialog, "StepUp") if d.isVisible()]


def test_offline_with_the_server_killed_the_offline_cap_applies(
    qtbot, win, services, engine, online, store, desk, cashier, desk_server
):
    member = rich_member(services, cashier, desk, 1_000_000)
    before = balance(services, desk, member)
    engine.sync_once()
    online.value = True  # the desk still believes it is online when the server dies
    desk_server.kill()
    login(qtbot, win, "D001", "2345")
    activate(qtbot, win)
    scan_member(qtbot, win, services.member_token(member))

    screen = open_donation(qtbot, win)
    type_text("1500")
    result = confirmed(qtbot, win, Enter)  # the balance check cannot reach the server: offline rules
    assert result.receipt.kind == "donate_points" and not result.receipt.online
    assert "发送" in win.result_screen.status.text()  # saved here, sent when online
    assert store.scalar("SELECT status FROM oplog WHERE op_id = ?", (result.op_id,)) == "pending"
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        key(Qt.Key.Key_Escape)

    screen = open_donation(qtbot, win)
    untouched = written(store)
    type_text("600")  # 1,500 + 600 > the offline cap of 2,000 points a day
    key(Enter)
    qtbot.waitUntil(lambda: screen.message.isVisible() and "正在联网核对" not in screen.message.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: win.tasks.idle, timeout=TIMEOUT)
    assert "2000" in screen.message.text() and "1500" in screen.message.text(), screen.message.text()
    assert written(store) == untouched
    assert balance(services, desk, member) == before - 1500
    shot(win, "43-donation-offline-cap")


def test_a_cashier_is_not_offered_donation_and_is_refused_below_the_ui(qtbot, win, services, desk, cashier):
    member = rich_member(services, cashier, desk, 100_000)
    login(qtbot, win, "C001", "3456")
    activate(qtbot, win)
    with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
        scan(services.member_token(member))
    assert not win.member_screen.actions["donate"].isVisible()
    key(Qt.Key.Key_F10)  # a hidden button's key does nothing
    QApplication.processEvents()
    assert current(win) is win.member_screen
    with pytest.raises(AuthError):
        services.donate_points(win.session, member, "CHARITY2026", 100)


def test_a_hung_server_shows_checking_with_the_confirm_disabled_then_the_offline_rules(
    qtbot, win, services, engine, online, store, desk, cashier, desk_server
):
    """SIGSTOP: the server accepts connections and answers nothing. The balance pre-check is bounded:
    "正在联网核对…" with Donate disabled, the GUI thread running, then the offline rules decide."""
    import signal

    from PySide6.QtCore import QTimer

    member = rich_member(services, cashier, desk, 300_000)
    engine.sync_once()
    online.value = True
    login(qtbot, win, "D001", "2345")
    activate(qtbot, win)
    scan_member(qtbot, win, services.member_token(member))
    screen = open_donation(qtbot, win)
    type_text("500")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    desk_server.proc.send_signal(signal.SIGSTOP)
    try:
        with qtbot.waitSignal(win.result_shown, timeout=30_000) as shown:
            key(Enter)
            qtbot.waitUntil(lambda: "正在联网核对" in screen.message.text(), timeout=TIMEOUT)
            assert not screen.confirm.isEnabled()
            shot(win, "44-donation-checking-online")
            seen = len(ticks)
            qtbot.waitUntil(lambda: len(ticks) >= seen + 5, timeout=TIMEOUT)  # the GUI thread keeps running
    finally:
        desk_server.proc.send_signal(signal.SIGCONT)
        timer.stop()
    result = shown.args[0]
    assert result.receipt.kind == "donate_points" and not result.receipt.online  # decided offline
    assert screen.confirm.isEnabled() and "正在联网核对" not in screen.message.text()
