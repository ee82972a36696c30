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
