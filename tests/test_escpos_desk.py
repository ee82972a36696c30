"""The desk with its real hardware stand-ins: an ESC/POS printer on 127.0.0.1 and a USB-COM scanner on a pty.

Set-up and test print in Settings, receipts / reprints / welcome slips reaching the printer as ESC/POS,
paper out and a dropped connection giving the message and a reprint that comes out whole, the print
preview when no printer is chosen (Qt's dialog, translated), and a serial scanner routed like the wedge,
unplugged and plugged back in while the app runs. Against a registered, synced terminal (conftest).
"""

# ruff: noqa: F811  (pytest fixtures imported from the desk tests are parameters here)
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from test_desktop import (  # noqa: F401  (fixtures and helpers of the desk tests)
    SHOTS,
    TIMEOUT,
    back_to_member,
    click,
    idle,
    login,
    open_member,
    qt_language,
    result_of,
    type_into,
    win,
)
from test_serial_scanner import FakeScannerPort
from virtual_escpos import Qr, VirtualPrinter, decode_qr_codes, parse, render


@pytest.fixture
def printer():
    with VirtualPrinter("gb18030").start_tcp() as vp:
        yield vp


def shot(widget, name: str) -> Path:
    (SHOTS / "zh_CN").mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = SHOTS / "zh_CN" / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def set_up_printer(qtbot, win, printer: VirtualPrinter, profile: str = "epson-tm-t88-cn") -> None:
    """Through the Settings screen, as staff do: model, network, address, test print, save."""
    click(qtbot, win.nav["settings"])
    screen = win.settings_screen
    assert screen.first_run_note.isVisible(), "a new desk is asked to choose its printer"
    screen.profile.setCurrentIndex(screen.profile.findData(profile))
    screen.transport.setCurrentIndex(screen.transport.findData("tcp"))
    type_into(qtbot, screen.address, f"127.0.0.1:{printer.port}")
    click(qtbot, screen.test_button)
    qtbot.waitUntil(lambda: "测试页已发送" in screen.test_result.text(), timeout=TIMEOUT)
    test_page = parse(printer.wait_for_jobs(1)[-1], "gb18030")
    assert "打印机测试" in test_page.texts and any("GB18030" in t for t in test_page.texts)
    assert win.store.setting("printer_profile") is None, "a test print saves nothing"
    shot(win, "30-settings-printer")
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: win.store.setting("printer_profile") == profile, timeout=TIMEOUT)
    assert win.store.setting("printer_address") == f"127.0.0.1:{printer.port}"
    assert win.store.setting("printer_transport") == "tcp"


def earn(qtbot, win, member_no: str, amount: str = "300"):
    win.show_home()
    open_member(qtbot, win, member_no)
    click(qtbot, win.member_screen.actions["earn"])
    type_into(qtbot, win.action_screens["earn"].amount_edit, amount)
    return result_of(qtbot, win, lambda: click(qtbot, win.action_screens["earn"].confirm))


def test_receipt_printer_set_up_in_settings_and_used_for_every_slip(qtbot, win, services, desk, printer, store):
    from conftest import enroll

    enrolled = enroll(services, desk)
    login(qtbot, win, "M001", "1234")
    assert "尚未选择打印机" in win.home_screen.message.text()
    set_up_printer(qtbot, win, printer)

    # A receipt: the ESC/POS job says what the operation says.
    result = earn(qtbot, win, enrolled.member_no)
    click(qtbot, win.result_screen.print_button)
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=TIMEOUT)
    job = parse(printer.jobs[-1], "gb18030")
    assert result.op_ref in job.text and enrolled.member_no in job.text
    assert any(line.text.endswith(f"{result.receipt.points_after:,}") for line in job.lines)
    assert result.op_ref in decode_qr_codes(render(job, 576))
    qtbot.waitUntil(lambda: "已发送到打印机" in win.result_screen.status.text(), timeout=TIMEOUT)

    # Paper out: the message and the print button again; nothing was lost, the reprint comes out whole.
    printer.paper_out = True
    click(qtbot, win.result_screen.print_button)
    qtbot.waitUntil(lambda: "缺纸" in win.result_screen.message.text(), timeout=TIMEOUT)
    assert "重印" in win.result_screen.message.text()
    assert not parse(printer.wait_for_jobs(3)[-1], "gb18030").lines
    shot(win, "31-printer-out-of-paper")
    printer.paper_out = False
    click(qtbot, win.result_screen.print_button)
    qtbot.waitUntil(lambda: len(printer.jobs) == 4, timeout=TIMEOUT)
    assert result.op_ref in parse(printer.jobs[-1], "gb18030").text
    assert store.scalar("SELECT count(*) FROM oplog WHERE op_id = ?", (result.op_id,)) == 1

    # The printer is switched off mid-job: the message, then a whole reprint.
    printer.drop_after = 200
    click(qtbot, win.result_screen.print_button)
    qtbot.waitUntil(lambda: "连接中断" in win.result_screen.message.text(), timeout=TIMEOUT)
    click(qtbot, win.result_screen.print_button)
    qtbot.waitUntil(lambda: len(printer.jobs) == 6, timeout=TIMEOUT)
    assert printer.jobs[-1].endswith(b"\x1dV\x00") or b"\x1dV\x00" in printer.jobs[-1]
    assert result.op_ref in decode_qr_codes(render(parse(printer.jobs[-1], "gb18030"), 576))

    # A reprint from the member's history carries its band.
    back_to_member(qtbot, win)
    win.reprint(result.op_id)
    qtbot.waitUntil(lambda: len(printer.jobs) == 7, timeout=TIMEOUT)
    reprint = parse(printer.jobs[-1], "gb18030")
    assert [line.text.strip() for line in reprint.lines if line.invert] == ["重印 / REPRINT"] * 2

    # The welcome slip: the member's own code, drawn by the printer, scans back.
    win.print_welcome_slip(enrolled)
    qtbot.waitUntil(lambda: len(printer.jobs) == 8, timeout=TIMEOUT)
    welcome = parse(printer.jobs[-1], "gb18030")
    assert welcome.of(Qr)[0].data == enrolled.extra["member_token"]
    assert decode_qr_codes(render(welcome, 576)) == [enrolled.extra["member_token"]]


def test_bad_printer_set_up_is_refused_and_nothing_saved(qtbot, win, printer):
    login(qtbot, win, "M001", "1234")
    click(qtbot, win.nav["settings"])
    screen = win.settings_screen
    screen.profile.setCurrentIndex(screen.profile.findData("xprinter-xp58"))
    screen.transport.setCurrentIndex(screen.transport.findData("tcp"))
    screen.paper.setCurrentIndex(screen.paper.findData("80"))
    type_into(qtbot, screen.address, "127.0.0.1:99999")
    click(qtbot, screen.save_button)
    assert "不是打印机的网络地址" in screen.message.text()
    type_into(qtbot, screen.address, f"127.0.0.1:{printer.port}")
    click(qtbot, screen.test_button)
    qtbot.waitUntil(lambda: "58 毫米纸卷" in screen.test_result.text(), timeout=TIMEOUT)
    click(qtbot, screen.save_button)
    idle(qtbot, win)
    assert win.store.setting("printer_profile") is None and win.store.setting("printer_address") is None
    assert printer.jobs == []


def test_unreachable_receipt_printer_on_the_test_print(qtbot, win):
    with VirtualPrinter().start_tcp() as gone:
        port = gone.port
    login(qtbot, win, "M001", "1234")
    click(qtbot, win.nav["settings"])
    screen = win.settings_screen
    screen.profile.setCurrentIndex(screen.profile.findData("gprinter-80"))
    screen.transport.setCurrentIndex(screen.transport.findData("tcp"))
    type_into(qtbot, screen.address, f"127.0.0.1:{port}")
    click(qtbot, screen.test_button)
    qtbot.waitUntil(lambda: "没有响应" in screen.test_result.text(), timeout=TIMEOUT)
    assert screen.test_button.isEnabled()


def test_no_printer_opens_a_translated_print_preview(qtbot, win, services, desk):
    from conftest import enroll
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    enrolled = enroll(services, desk)
    login(qtbot, win, "D001", "2345")
    result = earn(qtbot, win, enrolled.member_no)
    click(qtbot, win.result_screen.print_button)
    qtbot.waitUntil(lambda: win.printer_service.preview_dialog is not None, timeout=TIMEOUT)
    dialog = win.printer_service.preview_dialog
    assert isinstance(dialog, QPrintPreviewDialog) and dialog.isVisible()
    assert dialog.windowTitle() == f"打印预览: receipt-{result.op_ref}"  # Qt's own text, in Chinese
    assert dialog.printer().docName() == f"receipt-{result.op_ref}", "named by the business reference"
    path = shot(dialog, "32-print-preview")
    # The page drawn in the preview is the receipt: its QR code scans from the screenshot.
    from PIL import Image

    assert result.op_ref in decode_qr_codes(Image.open(path))
    dialog.reject()


def test_save_dialog_starts_in_documents_with_the_reference(qtbot, win, services, desk, monkeypatch, tmp_path):
    from conftest import enroll
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setenv("HOME", str(tmp_path))
    enrolled = enroll(services, desk)
    login(qtbot, win, "D001", "2345")
    result = earn(qtbot, win, enrolled.member_no)
    asked: list[str] = []

    def answer(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(tmp_path / "out.pdf"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    click(qtbot, win.result_screen.pdf_button)
    qtbot.waitUntil(lambda: (tmp_path / "out.pdf").exists(), timeout=TIMEOUT)
    assert asked and asked[0].endswith(f"MemberDesk/receipt-{result.op_ref}.pdf")
    assert Path(asked[0]).parent != tmp_path, "not the bare home folder"


def test_serial_scanner_routes_codes_and_survives_replugging(qtbot, win, services, desk, tmp_path):
    from conftest import enroll

    enrolled = enroll(services, desk)
    token = enrolled.extra["member_token"]
    port = FakeScannerPort(tmp_path)
    try:
        login(qtbot, win, "M001", "1234")
        click(qtbot, win.nav["settings"])
        screen = win.settings_screen
        screen.scanner_port.setEditText(str(port.link))
        screen.scanner_baud.setCurrentIndex(screen.scanner_baud.findData("115200"))
        click(qtbot, screen.save_button)
        qtbot.waitUntil(lambda: win.serial_scanner.connected, timeout=TIMEOUT)
        qtbot.waitUntil(lambda: "已连接" in screen.scanner_state.text(), timeout=TIMEOUT)
        shot(win, "33-settings-serial-scanner")
        # A scan while a text field on Settings has the focus: the member opens, the field is untouched.
        screen.address.setFocus()
        with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
            port.scan(token)
        assert win.member_screen.member_no == enrolled.member_no
        assert screen.address.text() == ""
        # Unplugged and plugged back in: the next scan works without restarting the app.
        port.unplug()
        qtbot.waitUntil(lambda: not win.serial_scanner.connected, timeout=TIMEOUT)
        port.plug()
        qtbot.waitUntil(lambda: win.serial_scanner.connected, timeout=TIMEOUT)
        win.show_home()
        with qtbot.waitSignal(win.member_shown, timeout=TIMEOUT):
            port.scan(enrolled.member_no)
        assert win.store.setting("scanner_port") == str(port.link)
        # A WeChat payment code from the serial scanner gets the router's message like any scan.
        port.scan("134567890123456789")
        qtbot.waitUntil(lambda: "微信" in win.stack.currentWidget().message.text(), timeout=TIMEOUT)
    finally:
        win.serial_scanner.stop()
        port.close()
