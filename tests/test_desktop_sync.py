"""The desk application with a real central server: the banner follows the engine, the manager's inbox
shows what the server rejected, and a decision is recorded from the UI."""

from __future__ import annotations

import os

import pytest
from conftest import enroll
from PySide6.QtWidgets import QApplication
from server_fixtures import quiesce
from test_desktop import TIMEOUT, click, login, shot, type_into

os.environ["MEMBERDESK_RAISE"] = "1"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_banner_and_exceptions_inbox_with_a_real_server(qtbot, server, make_terminal):
    from desktop.app import create_app
    from desktop.i18n import install_language
    from desktop.main_window import MainWindow

    t7, t8 = make_terminal(server, 7), make_terminal(server, 8)
    member = enroll(t7.services, t7.desk, phone="13800000001").member_no
    quiesce(t7, t8)
    # Both desks credit the same receipt while apart; desk 8 syncs first and wins.
    t8.services.credit_receipt(t8.desk, member, "F101", "R-777", 20_000, "2026-11-20")
    t7.services.credit_receipt(t7.desk, member, "F101", "R-777", 20_000, "2026-11-20")
    t8.sync()

    create_app()
    install_language("zh_CN")
    window = MainWindow(t7.services, t7.store, engine=t7.engine)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    try:
        assert "1 笔操作待发送" in window.banner.text.text()  # the credit made at this desk waits to be sent
        login(qtbot, window, "M001", "1234")
        click(qtbot, window.banner.sync_button)  # "sync now" wakes the engine; here we run its round
        t7.online.value = True
        t7.engine.sync_once()
        qtbot.waitUntil(
            lambda: "在线" in window.banner.text.text() and "无待发送操作" in window.banner.text.text(), timeout=TIMEOUT
        )
        click(qtbot, window.nav["manager"])
        manager = window.manager_screen
        qtbot.waitUntil(lambda: manager.exceptions.rowCount() == 1, timeout=TIMEOUT)
        assert "小票" in manager.exceptions.index(0, manager.exceptions.COL_KIND).data()
        shot(window, "27-exceptions-inbox")
        manager.exceptions_table.selectRow(0)
        type_into(qtbot, manager.resolution, "以 8 号服务台积分为准，已告知会员")
        click(qtbot, manager.resolve_button)
        qtbot.waitUntil(
            lambda: manager.exceptions.rowCount() == 1 and manager.exceptions.record(0).status == "resolved",
            timeout=TIMEOUT,
        )
        assert "以 8 号服务台" in manager.exceptions.record(0).resolution
    finally:
        window.shutdown()
        QApplication.processEvents()


def test_a_hung_server_shows_checking_then_the_offline_rules_apply(qtbot, store, services, engine, online, desk_server):
    """With the server stopped (SIGSTOP: connections are accepted, nothing answers), a redemption shows
    "正在联网核对…" with its confirm button disabled, the GUI keeps running, and after the pre-check's
    timeout the gift is booked under the offline rules."""
    import signal

    from deskkeys import open_window
    from PySide6.QtCore import QTimer

    member = enroll(services, services.login("D001", "2345")).member_no
    services.earn(services.login("C001", "3456"), member, 300_000, "general")
    window_gen = open_window(qtbot, store, services, engine=engine)
    window = next(window_gen)
    try:
        login(qtbot, window, "D001", "2345")
        online.value = True  # the desk believes it is online: redemptions ask the server first
        with qtbot.waitSignal(window.member_shown, timeout=TIMEOUT):
            window.show_member(member)
        window.show_action("gift", member)
        gift = window.action_screens["gift"]
        row = next(r for r in range(gift.proxy.rowCount()) if gift.proxy.index(r, 0).data() == "K001")
        gift.table.selectRow(row)
        click(qtbot, gift.confirm)  # the second step ("Spend … points? Press Confirm.")
        ticks: list[int] = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(20)
        desk_server.proc.send_signal(signal.SIGSTOP)
        try:
            with qtbot.waitSignal(window.result_shown, timeout=30_000) as shown:
                click(qtbot, gift.confirm)
                qtbot.waitUntil(lambda: "正在联网核对" in gift.message.text(), timeout=TIMEOUT)
                assert not gift.confirm.isEnabled()
                shot(window, "39-checking-online")
                seen = len(ticks)
                qtbot.waitUntil(lambda: len(ticks) >= seen + 5, timeout=TIMEOUT)  # the GUI thread keeps running
                assert not gift.confirm.isEnabled() or window.stack.currentWidget() is window.result_screen
        finally:
            desk_server.proc.send_signal(signal.SIGCONT)
            timer.stop()
        result = shown.args[0]
        assert result.receipt.kind == "redeem_gift" and not result.receipt.online  # the offline rules decided
        assert "正在联网核对" not in gift.message.text() and gift.confirm.isEnabled()
    finally:
        next(window_gen, None)
        QApplication.processEvents()
