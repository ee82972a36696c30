"""ESC/POS slips: what reaches the virtual printer is what the operation says, in each encoding and width.

Each job is decoded by the tests' own parser (``virtual_escpos``, written from the command reference)
in the *printer's* encoding, rendered as a 203-dpi print, and its QR codes are decoded again with
zxing-cpp. Transports are real: a TCP listener on 127.0.0.1, a pseudo-terminal standing in for
``/dev/usb/lp0``, and a raw CUPS queue pointed at the listener.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from printing_data import ARTIFACTS, flat, pdf_text, receipts_by_kind, welcome_slip
from test_printing_spool import C_LOCALE, cups, spooler  # noqa: F401  (the CUPS fixtures: cupsd; pycups or lp)
from virtual_escpos import Cut, Line, ParseError, Qr, Raster, VirtualPrinter, decode_qr_codes, parse, render

from membership.i18n import Message, catalog
from membership.money import format_yuan
from printing import PrintError, render_receipt, render_welcome_slip
from printing.escpos import (
    TEST_QR,
    ConfigError,
    config_from_settings,
    make_config,
    printer_status,
    receipt_escpos,
    sample_page_escpos,
    send_job,
    welcome_escpos,
)

ROOT = Path(__file__).resolve().parent.parent
ZH = catalog("zh_CN")
OUT = ARTIFACTS / "escpos"

# (profile, width, encoding override): each encoding on each width, native QR and raster QR.
SETUPS = [
    ("epson-tm-t88-cn", 80, ""),  # GB18030, printer draws the QR
    ("xprinter-xp80", 80, ""),  # GBK
    ("generic-utf8", 80, ""),  # UTF-8
    ("xprinter-xp58", 58, ""),  # GBK, QR as raster
    ("gprinter-58", 58, ""),  # GB18030, QR as raster
    ("generic-utf8", 58, ""),  # UTF-8
]


def cells(line: Line) -> int:
    """Printed width in columns, counted independently: ASCII one cell, everything else two."""
    return sum(1 if ord(c) < 0x80 else 2 for c in line.text) * line.width


def printed(job_bytes: bytes, config, name: str | None = None):
    job = parse(job_bytes, config.encoding)
    image = render(job, config.dots)
    if name:
        OUT.mkdir(parents=True, exist_ok=True)
        image.save(OUT / f"{name}.png")
    return job, image


def as_printed(text: str, encoding: str) -> str:
    """What a GB-font printer prints: full-width ￥, ASCII minus, and in GBK accented Latin letters as
    their base letter (GBK has no ô); whitespace dropped for comparing wrapped text."""
    text = text.replace("¥", "￥").replace("−", "-")
    if encoding == "gbk":
        text = "".join(unicodedata.normalize("NFKD", c)[0] if 0xC0 <= ord(c) <= 0x24F else c for c in text)
    return "".join(text.split())


def yuan(fen: int) -> str:
    return f"￥{format_yuan(fen)}"  # what a Chinese receipt printer prints for ¥


def config(profile: str, width: int, encoding: str = "", transport: str = "tcp", address: str = "127.0.0.1:9100"):
    return make_config(profile, transport, address, width, encoding)


def check_common(job, image, cfg) -> None:
    assert job.initialised and (job.chinese_mode or job.utf8_mode)
    assert isinstance(job.items[-1], Cut), "the slip is cut at the end"
    for line in job.lines:
        assert cells(line) <= cfg.columns, f"runs past the paper: {line.text!r}"
        assert "\ufffd" not in line.text and "?" not in line.text, f"characters lost: {line.text!r}"
    if cfg.profile.native_qr:
        assert job.of(Qr) and not job.of(Raster)
    else:
        assert job.of(Raster) and not job.of(Qr)


@pytest.mark.parametrize(("profile", "width", "encoding"), SETUPS)
@pytest.mark.parametrize("kind", list(receipts_by_kind()))
def test_each_receipt_prints_what_the_operation_says(kind, profile, width, encoding):
    cfg = config(profile, width, encoding)
    data = receipts_by_kind()[kind]
    job, image = printed(receipt_escpos(data, cfg), cfg, f"{kind}-{profile}-{width}")
    check_common(job, image, cfg)
    text = job.text
    assert job.lines[0].text == data.mall_name.zh_CN and job.lines[0].width == 2
    assert data.kind_label.render(ZH) in job.texts
    flat = "".join(text.split())  # wrapped lines joined (a break at a space drops the space)
    for line in data.lines:
        assert as_printed(line.render(ZH), cfg.encoding) in flat
    for expected in (data.op_ref, data.at_local, data.staff_name, data.desk_name):
        assert expected in text
    if data.member_no:
        assert data.member_no in text and data.member_name_masked in text and data.phone_masked in text
        assert "13812345678" not in text
        points_now = next(line for line in job.lines if line.text.startswith("当前积分"))
        assert points_now.text.endswith(f"{data.points_after:,}") and points_now.bold
    if data.value_fen:
        assert yuan(data.value_fen) in text
    if not data.online:
        assert "离线" in text
    assert not any(line.invert for line in job.lines), "an original has no REPRINT band"
    codes = decode_qr_codes(image)
    assert data.op_ref in codes
    coupon = data.extra.get("coupon_code")
    if coupon and kind in ("redeem_gift", "claim_benefit"):
        assert coupon in codes and coupon in text
    elif coupon:
        assert coupon not in codes, "a spent coupon is never printed as a code again"


def same_glyphs(text: str) -> str:
    """Text without whitespace, with the glyphs the PDF and a receipt printer draw differently made alike."""
    return flat(text).replace("¥", "￥").replace("−", "-")


def receipt_variants():
    yield from receipts_by_kind().items()
    # Offline, with terms and a signature; and a donation, whose signature line is its own wording.
    yield "offline-signed", replace(receipts_by_kind()["redeem_gift"], online=False)
    yield "donation", replace(receipts_by_kind()["redeem_cash_offset"], kind="donate_points", needs_signature=True)


@pytest.mark.parametrize("reprint", [False, True])
@pytest.mark.parametrize(("name", "data"), list(receipt_variants()))
def test_escpos_and_pdf_receipts_say_the_same(name, data, reprint):
    """Both are drawn from one list of lines: every line the receipt printer prints is on the PDF too."""
    cfg = config("generic-utf8", 80)
    job = parse(receipt_escpos(data, cfg, reprint=reprint, reprinted_at="2026-11-23 09:30"), cfg.encoding)
    on_pdf = same_glyphs(pdf_text(render_receipt(data, reprint=reprint, reprinted_at="2026-11-23 09:30")))
    lines = [same_glyphs(text).strip("-=_") for text in job.texts]  # rules and the signing line are drawn
    assert len([line for line in lines if line]) > 15
    assert [line for line in lines if line and line not in on_pdf] == []
    if name == "donation":
        wording = Message("Print", "I confirm this donation of my points.").render(ZH)
        assert wording != "I confirm this donation of my points." and same_glyphs(wording) in "".join(lines)


def test_escpos_and_pdf_welcome_slips_say_the_same():
    cfg = config("generic-utf8", 80)
    job = parse(welcome_escpos(welcome_slip(), cfg), cfg.encoding)
    on_pdf = same_glyphs(pdf_text(render_welcome_slip(welcome_slip())))
    lines = [same_glyphs(text).strip("-=_") for text in job.texts]
    assert len([line for line in lines if line]) > 10
    assert [line for line in lines if line and line not in on_pdf] == []


@pytest.mark.parametrize(("profile", "width", "encoding"), SETUPS)
def test_reprint_carries_its_band_top_and_bottom(profile, width, encoding):
    cfg = config(profile, width, encoding)
    data = receipts_by_kind()["redeem_gift"]
    job, image = printed(
        receipt_escpos(data, cfg, reprint=True, reprinted_at="2026-11-23 09:30"), cfg, f"reprint-{profile}-{width}"
    )
    check_common(job, image, cfg)
    at = [n for n, line in enumerate(job.lines) if line.invert]
    bands = [job.lines[n] for n in at]
    assert len(bands) == 2 and all(band.bold and band.text.strip() == "重印 / REPRINT" for band in bands)
    assert all(cells(band) == cfg.columns for band in bands), "the band spans the paper"
    assert at[0] < 4 and at[1] == len(job.lines) - 1, "at the top and at the bottom"
    assert any("2026-11-23 09:30" in t for t in job.texts)
    assert data.op_ref in decode_qr_codes(image)


@pytest.mark.parametrize(("profile", "width", "encoding"), SETUPS)
def test_offline_receipt_carries_the_provisional_notice(profile, width, encoding):
    cfg = config(profile, width, encoding)
    data = replace(receipts_by_kind()["redeem_cash_offset"], online=False)
    job, image = printed(receipt_escpos(data, cfg), cfg, f"offline-{profile}-{width}")
    check_common(job, image, cfg)
    notice = Message("Print", "Offline: provisional until this terminal syncs").render(ZH)
    assert notice != "Offline: provisional until this terminal syncs"
    assert "".join(notice.split()) in "".join(job.text.split())
    # Framed by rules of "=" above and below.
    i = next(n for n, t in enumerate(job.texts) if t.startswith(notice[:4]))
    assert set(job.texts[i - 1]) == {"="}


def test_paper_slip_receipt_from_back_entry():
    """A slip keyed in afterwards is a receipt like any other, printed as decided offline."""
    cfg = config("xprinter-xp80", 80)
    data = replace(
        receipts_by_kind()["credit_receipt"], online=False, extra={"slip_serial": "R007-000031"}, op_ref="007-000201"
    )
    job, image = printed(receipt_escpos(data, cfg), cfg, "paper-slip-xprinter-xp80")
    check_common(job, image, cfg)
    assert "007-000201" in decode_qr_codes(image)


@pytest.mark.parametrize(("profile", "width", "encoding"), SETUPS)
def test_welcome_slip_member_code_scans_back(profile, width, encoding):
    cfg = config(profile, width, encoding)
    data = welcome_slip()
    job, image = printed(welcome_escpos(data, cfg), cfg, f"welcome-{profile}-{width}")
    check_common(job, image, cfg)
    assert decode_qr_codes(image) == [data.token]
    assert f"会员号 {data.member_no}" in job.texts
    assert data.phone_masked in job.text and data.member_name_masked in job.text
    assert any(t.startswith("当前积分") and t.endswith(f"{data.points_balance:,}") for t in job.texts)


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en"])
def test_each_language_prints_in_the_printer_encoding(language):
    cfg = config("epson-tm-t88-cn", 80)
    data = receipts_by_kind()["claim_benefit"]
    job, _ = printed(receipt_escpos(data, cfg, language=language), cfg)
    assert job.lines[0].text == data.mall_name.get(language)
    assert data.kind_label.render(catalog(language)) in job.texts


def test_wrong_encoding_comes_out_garbled():
    """The parser really decodes in the printer's encoding: a GBK job on a UTF-8 printer is garbage."""
    cfg = config("xprinter-xp80", 80)
    job = parse(receipt_escpos(receipts_by_kind()["earn"], cfg), "utf-8")
    assert "会员号" not in job.text and "\ufffd" in job.text


def test_long_chinese_text_wraps_at_the_column_limit():
    cfg = config("xprinter-xp58", 58)
    long_line = Message("Receipt", "这是一行很长的说明文字，" * 6)
    data = replace(receipts_by_kind()["earn"], lines=(long_line,))
    job, _ = printed(receipt_escpos(data, cfg), cfg)
    alphabet = set("这是一行很长的说明文字，")
    wrapped = [line for line in job.lines if line.text and set(line.text) <= alphabet]
    assert len(wrapped) == 5 and all(cells(line) <= 32 for line in wrapped)
    assert "".join(line.text for line in wrapped) == "这是一行很长的说明文字，" * 6
    assert not any(line.text.startswith("，") for line in wrapped), "避头: no line starts with a comma"


def test_logo_is_printed_as_a_raster_above_everything(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("L", (800, 200), 0).save(logo)  # wider than the head: scaled down
    cfg = make_config("epson-tm-t88-cn", "tcp", "127.0.0.1", 80, logo=str(logo))
    job, image = printed(receipt_escpos(receipts_by_kind()["earn"], cfg), cfg, "logo-epson")
    first = job.items[0]
    assert isinstance(first, Raster) and first.image.width == 576 and first.image.height <= 160
    assert "007-000123" in decode_qr_codes(image)


def test_sample_page_names_the_setup_and_has_a_ruler():
    cfg = config("gprinter-80", 80)
    job, image = printed(sample_page_escpos(cfg, mall_name="星河广场", at_local="2026-11-22 14:05"), cfg, "test-page")
    assert "会员服务台 積分兌換 ￥1,234.50" in job.texts
    assert "".join(str(i % 10) for i in range(1, 49)) in job.texts
    assert any("GB18030" in t for t in job.texts)
    assert decode_qr_codes(image) == [TEST_QR]


def test_parser_refuses_unknown_commands():
    with pytest.raises(ParseError):
        parse(b"\x1b@\x1c&\x1b\x99\x00", "gb18030")
    with pytest.raises(ParseError):
        parse(b"\x1b@\x1dv0\x00\x10\x00", "gb18030")  # raster header cut short


# -- set-up -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("epson", "tcp", "10.0.0.5"), "未知的打印机型号"),
        (("epson-tm-t88-cn", "bluetooth", "x"), "未知的打印机连接方式"),
        (("epson-tm-t88-cn", "tcp", ""), "打印机地址为空"),
        (("epson-tm-t88-cn", "tcp", "10.0.0.5:99999"), "不是打印机的网络地址"),
        (("xprinter-xp58", "usb", "/dev/usb/lp0", 80), "XP-58"),
        (("epson-tm-t88-cn", "usb", "/dev/usb/lp0", 80, "big5"), "未知的打印机编码"),
    ],
)
def test_bad_setup_is_refused_with_a_translated_message(args, needle):
    with pytest.raises(ConfigError) as caught:
        make_config(*args)
    assert needle in caught.value.message.render(ZH)


def test_settings_choose_pdf_or_escpos():
    assert config_from_settings({}) is None
    assert config_from_settings({"printer_profile": "pdf", "printer": "Office"}) is None
    cfg = config_from_settings(
        {
            "printer_profile": "generic-utf8",
            "printer_transport": "tcp",
            "printer_address": "192.168.1.50",
            "paper": "58",
            "printer_encoding": "gbk",
        }
    )
    assert cfg is not None and cfg.tcp_endpoint() == ("192.168.1.50", 9100)
    assert (cfg.columns, cfg.dots, cfg.encoding) == (32, 384, "gbk")


# -- transports and status -----------------------------------------------------------------------------


@pytest.fixture
def printer():
    with VirtualPrinter("gb18030").start_tcp() as vp:
        yield vp


def tcp(vp: VirtualPrinter, profile: str = "epson-tm-t88-cn", width: int = 80):
    return make_config(profile, "tcp", f"127.0.0.1:{vp.port}", width)


def test_job_over_tcp_arrives_whole_and_status_is_read(printer):
    cfg = tcp(printer)
    data = receipts_by_kind()["redeem_gift"]
    job = receipt_escpos(data, cfg)
    status = send_job(job, cfg)
    assert status.known and status.problem is None
    received = printer.wait_for_jobs(1)[0]
    assert job in received, "the job reaches the printer byte for byte"
    assert printer.queries == 6, "three status questions before the job and three after"
    assert data.op_ref in decode_qr_codes(render(parse(received, "gb18030"), 576))


@pytest.mark.parametrize(
    ("switch", "reason", "needle"),
    [("paper_out", "out_of_paper", "缺纸"), ("cover_open", "cover_open", "盖"), ("offline", "printer_offline", "离线")],
)
def test_printer_problem_is_a_message_and_nothing_is_printed_until_fixed(printer, switch, reason, needle):
    cfg = tcp(printer)
    job = receipt_escpos(receipts_by_kind()["earn"], cfg)
    setattr(printer, switch, True)
    with pytest.raises(PrintError) as caught:
        send_job(job, cfg)
    assert caught.value.reason == reason
    message = caught.value.message.render(ZH)
    assert needle in message and "重印" in message
    assert not parse(printer.wait_for_jobs(1)[0], "gb18030").lines, "no slip came out"
    setattr(printer, switch, False)
    send_job(job, cfg)  # the reprint, once fixed
    assert job in printer.wait_for_jobs(2)[1]


def test_paper_running_out_during_the_job_asks_for_a_reprint(printer):
    cfg = tcp(printer)
    printer.paper_out_during = True
    with pytest.raises(PrintError) as caught:
        send_job(receipt_escpos(receipts_by_kind()["earn"], cfg), cfg)
    assert caught.value.reason == "out_of_paper"


def test_dropped_connection_is_a_message_and_the_reprint_is_whole(printer):
    cfg = tcp(printer)
    job = receipt_escpos(receipts_by_kind()["redeem_gift"], cfg)
    printer.drop_after = 300
    with pytest.raises(PrintError) as caught:
        send_job(job, cfg)
    assert caught.value.reason == "connection_lost"
    assert "连接" in caught.value.message.render(ZH) and "重印" in caught.value.message.render(ZH)
    assert job not in printer.wait_for_jobs(1)[0], "the first job was cut off"
    send_job(job, cfg)
    assert job in printer.wait_for_jobs(2)[1]


def test_printer_that_never_answers_status_still_prints(printer):
    printer.answer_status = False
    cfg = tcp(printer)
    job = receipt_escpos(receipts_by_kind()["earn"], cfg)
    status = send_job(job, cfg, status_timeout=0.2)
    assert not status.known
    assert job in printer.wait_for_jobs(1)[0]


def test_status_query_reports_each_condition(printer):
    cfg = tcp(printer)
    assert printer_status(cfg).problem is None
    printer.cover_open = True
    status = printer_status(cfg)
    assert status.cover_open and not status.online and status.problem == "cover_open"


def test_unreachable_printer():
    with VirtualPrinter().start_tcp() as vp:
        port = vp.port
    cfg = make_config("epson-tm-t88-cn", "tcp", f"127.0.0.1:{port}", 80)
    with pytest.raises(PrintError) as caught:
        send_job(b"\x1b@", cfg, timeout=2)
    assert caught.value.reason == "printer_unreachable"
    assert "没有响应" in caught.value.message.render(ZH)


def test_usb_device_file_through_a_pseudo_terminal():
    with VirtualPrinter("gbk").start_pty() as vp:
        cfg = make_config("xprinter-xp58", "usb", vp.device, 58)
        data = welcome_slip()
        job = welcome_escpos(data, cfg)
        status = send_job(job, cfg)
        assert status.known
        received = vp.wait_for_jobs(1)[0]
        assert job in received
        assert decode_qr_codes(render(parse(received, "gbk"), 384)) == [data.token]
        vp.paper_out = True
        with pytest.raises(PrintError) as caught:
            send_job(job, cfg)
        assert caught.value.reason == "out_of_paper"


def test_unplugged_usb_printer(tmp_path):
    cfg = make_config("xprinter-xp58", "usb", str(tmp_path / "lp0"), 58)
    with pytest.raises(PrintError) as caught:
        send_job(b"\x1b@", cfg)
    assert caught.value.reason == "device_missing"
    assert "USB" in caught.value.message.render(ZH)


@pytest.fixture
def raw_queue(spooler, printer):  # noqa: F811  (spooler is the imported fixture: each test via pycups and lp)
    name = f"escpos-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        ["lpadmin", "-p", name, "-E", "-v", f"socket://127.0.0.1:{printer.port}", "-m", "raw"],
        check=True,
        capture_output=True,
        env=C_LOCALE,
    )
    yield name
    subprocess.run(["lpadmin", "-x", name], check=False, capture_output=True, env=C_LOCALE)


def test_raw_cups_queue_passes_the_job_through_untouched(raw_queue, printer):
    cfg = make_config("gprinter-80", "cups", raw_queue, 80)
    data = receipts_by_kind()["claim_benefit"]
    job = receipt_escpos(data, cfg)
    status = send_job(job, cfg)
    assert not status.known, "CUPS does not pass the printer's status back"
    received = printer.wait_for_jobs(1, timeout=60)[0]
    assert received == job
    assert data.op_ref in decode_qr_codes(render(parse(received, "gb18030"), 576))


def test_missing_cups_queue_is_a_message(spooler):  # noqa: F811
    cfg = make_config("gprinter-80", "cups", "no-such-queue", 80)
    with pytest.raises(PrintError) as caught:
        send_job(b"\x1b@", cfg)
    assert caught.value.reason == "no_printer"


# -- the command-line tool the `memberdesk printer` commands run -------------------------------------------


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "printing.escpos", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_tool_test_print_and_status(printer):
    address = f"127.0.0.1:{printer.port}"
    result = run_tool("test", "--profile", "xprinter-xp80", "--transport", "tcp", "--address", address)
    assert result.returncode == 0, result.stderr
    job = parse(printer.wait_for_jobs(1)[0], "gbk")
    assert any("GBK" in t for t in job.texts)
    printer.paper_out = True
    result = run_tool("status", "--profile", "xprinter-xp80", "--transport", "tcp", "--address", address)
    assert result.returncode == 1 and "PAPER OUT" in result.stdout
    result = run_tool("test", "--profile", "xprinter-xp80", "--transport", "tcp", "--address", address)
    assert result.returncode == 1 and "缺纸" in result.stderr


def test_tool_refuses_a_bad_setup():
    result = run_tool("--lang", "en", "test", "--profile", "nope", "--transport", "tcp", "--address", "x")
    assert result.returncode == 2 and "Unknown printer model" in result.stderr and "Traceback" not in result.stderr


# -- `memberdesk printer`: set up and test print from the command line ---------------------------------------


def memberdesk(store, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sync.cli", "--db", str(store.path), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_cli_sets_up_the_printer_and_prints_a_test_page(store, printer):
    address = f"127.0.0.1:{printer.port}"
    result = memberdesk(
        store, "printer", "set", "--profile", "gprinter-58", "--transport", "tcp", "--address", address, "--paper", "58"
    )
    assert result.returncode == 0, result.stderr
    assert store.setting("printer_profile") == "gprinter-58" and store.setting("printer_address") == address
    assert store.setting("paper") == "58"
    shown = memberdesk(store, "printer", "show").stdout
    assert f"printer_address = {address}" in shown
    result = memberdesk(store, "printer", "test")
    assert result.returncode == 0, result.stderr
    page = parse(printer.wait_for_jobs(1)[0], "gb18030")
    assert page.texts[0] == store.rules().mall_name.zh_CN, "the mall's name from the rules"
    assert "".join(str(i % 10) for i in range(1, 33)) in page.texts, "a 32-column ruler on 58 mm"
    assert page.of(Raster), "the GP-58 gets its QR code as a raster"
    printer.cover_open = True
    result = memberdesk(store, "printer", "status")
    assert result.returncode == 1 and "cover open" in result.stdout


def test_cli_refuses_a_bad_printer_and_keeps_the_old_one(store):
    before = {key: store.setting(key) for key in ("printer_profile", "printer_address")}
    result = memberdesk(store, "printer", "set", "--profile", "xprinter-xp58", "--transport", "tcp", "--address", "x:0")
    assert result.returncode == 2 and "不是打印机的网络地址" in result.stderr and "Traceback" not in result.stderr
    assert {key: store.setting(key) for key in before} == before
    result = memberdesk(store, "printer", "test")
    assert result.returncode == 2 and "no receipt printer" in result.stderr
