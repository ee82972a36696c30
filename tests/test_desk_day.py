"""A day at the desk, the way staff work it: the real app in a real X window, driven by real X key events.

The central server is started the way ``scripts/run`` starts it (demo data, a registered and synced
terminal), the app is its own process on Qt's xcb platform with the ibus input method, and everything is
done with the keyboard alone: a keyboard-wedge scanner types codes at 8 ms a character with Shift around
every capital, a person types the rest. What happened is read from the terminal store, the server
database and the PDFs the printer (a cups-pdf queue) produced; screenshots go to ``artifacts/desk-day/``.

The X tools come from ``scripts/apt-packages.txt``. Without them the test is skipped on a developer's
machine, but fails in CI (``CI=true``), where they must be installed.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from test_printing_spool import C_LOCALE, PPD, cups  # noqa: F401  (cupsd for the session's printer)
from xdesk import (
    ARTIFACTS,
    DemoServer,
    DeskApp,
    XSession,
    a_demo_member,
    is_chinese,
    log_in,
    member_token,
    open_store,
    start_session_or_skip,
    wait_for,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
MANAGER = ("M001", "1234")
CASHIER = ("C001", "3456")
# What the day books for its member (the kinds in the store's operation log).
KINDS_TODAY = (
    "enroll",
    "earn",
    "credit_receipt",
    "redeem_gift",
    "redeem_cash_offset",
    "donate_points",
    "verify_coupon",
    "claim_benefit",
    "reverse",
    "adjust",
)


@pytest.fixture(scope="module")
def xsession(tmp_path_factory) -> Iterator[XSession]:
    session = start_session_or_skip(tmp_path_factory.mktemp("xsession"), ARTIFACTS, "the real-window desk test")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def printer(cups) -> Iterator[tuple[str, Path]]:  # noqa: F811
    """A cups-pdf queue for the desk: every print job comes out as a PDF in ``out``."""
    name = f"memberdesk-desk-day-{uuid.uuid4().hex[:8]}"
    out = ARTIFACTS.parent / "desk-day-printed" / name
    out.mkdir(parents=True, exist_ok=True)
    out.chmod(0o777)
    conf = Path("/etc/cups") / f"cups-pdf-{name}.conf"
    conf.write_text(f"Out {out}\nLabel 1\n", encoding="utf-8")
    subprocess.run(
        ["lpadmin", "-p", name, "-E", "-v", f"cups-pdf:/{name}", "-P", PPD],
        check=True,
        capture_output=True,
        env=C_LOCALE,
    )
    try:
        yield name, out
    finally:
        subprocess.run(["cancel", "-a", name], capture_output=True, check=False)
        subprocess.run(["lpadmin", "-x", name], capture_output=True, check=False)
        conf.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def demo(tmp_path_factory, printer) -> Iterator[tuple[DemoServer, Path]]:
    """The server with demo data and this terminal registered and synced with it, as ``scripts/run`` does."""
    from sync.store import Store

    workdir = tmp_path_factory.mktemp("desk-day")
    server = DemoServer(workdir).prepare().start()
    try:
        store_path = workdir / "terminal.sqlite3"
        server.register_terminal(store_path)
        store = Store(store_path)
        try:
            with store.transaction() as conn:
                store.set_setting(conn, "printer_profile", "pdf")  # slips as PDF through the driver queue
                store.set_setting(conn, "printer", printer[0])
                store.set_setting(conn, "language", "zh_CN")
        finally:
            store.close()
        yield server, store_path
    finally:
        server.stop()


@pytest.fixture
def desk(xsession, demo, tmp_path) -> Iterator[DeskApp]:
    _server, store_path = demo
    app = DeskApp(xsession, store_path, tmp_path).start()
    try:
        yield app
    finally:
        with contextlib.suppress(Exception):
            xsession.screenshot("last-" + os.environ.get("PYTEST_CURRENT_TEST", "test").split("::")[-1].split(" ")[0])
        app.stop()
    assert "unhandled exception" not in app.log_text(), app.log_text()[-4000:]


def scan_member(
    x: XSession, desk: DeskApp, code: str, member_no: str, what: str, suffix: str = "enter", keypad: bool = False
) -> dict:
    """Scan a member's code and wait for the member screen; a failure tells what the detector delivered."""
    x.scan(code, suffix=suffix, keypad=keypad)
    try:
        return desk.wait(lambda s: s.get("member") == member_no and s["screen"] == "MemberScreen", 60, what)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\nscanned {code!r}\ndelivered {desk.state().get('last_scan')!r}") from None


def now_local() -> datetime:
    return datetime.now(SHANGHAI)


def test_log_in_and_scan_a_member_with_a_wedge_scanner(xsession, demo, desk):
    _server, store_path = demo
    member_no = a_demo_member(store_path)
    token = member_token(store_path, member_no)
    x = xsession
    x.screenshot("login")
    log_in(x, desk, MANAGER)
    x.screenshot("home")
    state = scan_member(x, desk, token, member_no, "the member on screen")
    assert state["screen"] == "MemberScreen"
    x.screenshot("member-scanned")


# -- the desk day ------------------------------------------------------------------------------------------


class Printed:
    """The PDFs the desk's printer (a cups-pdf queue) has produced, in order."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.seen = set(folder.glob("*.pdf"))

    def next(self, what: str, timeout: float = 90) -> tuple[Path, str]:
        def new() -> list[Path]:
            fresh = [p for p in self.folder.glob("*.pdf") if p not in self.seen and p.stat().st_size > 0]
            return sorted(fresh, key=lambda p: p.stat().st_mtime)

        path = wait_for(new, timeout, f"the printer to print {what}")[0]
        self.seen.add(path)
        text = wait_for(lambda: pdf_text(path), 30, f"{what} to be a whole PDF")
        return path, text


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=False)
    return result.stdout if result.returncode == 0 else ""


def qr_codes(pdf: Path) -> list[str]:
    import zxingcpp
    from PIL import Image

    png = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(png)], check=True)
    return [r.text for r in zxingcpp.read_barcodes(Image.open(f"{png}.png"))]


def ops(store_path: Path, kind: str, member_no: str | None = None) -> list:
    with open_store(store_path) as store:
        sql = "SELECT op_id, kind, member_no, status, online, payload FROM oplog WHERE kind = ?"
        params: list = [kind]
        if member_no:
            sql += " AND member_no = ?"
            params.append(member_no)
        return list(store.query(sql + " ORDER BY id", params))


def wait_op(store_path: Path, kind: str, member_no: str, count: int, timeout: float = 60) -> dict:
    """The ``count``-th operation of ``kind`` for the member, once the desk has written it."""
    rows = wait_for(
        lambda: (found := ops(store_path, kind, member_no)) and len(found) >= count and found,
        timeout,
        f"operation {kind} #{count} for {member_no} in the terminal store",
    )
    return dict(rows[count - 1])


def ops_by(store_path: Path, op_id: str) -> str:
    """The staff number an operation was booked under."""
    with open_store(store_path) as store:
        return store.scalar("SELECT staff_no FROM oplog WHERE op_id = ?", (op_id,))


def balance(store_path: Path, member_no: str) -> int:
    with open_store(store_path) as store:
        return store.scalar("SELECT coalesce(sum(delta), 0) FROM ledger WHERE member_no = ?", (member_no,))


def focus_on(x: XSession, desk: DeskApp, match, what: str, limit: int = 40, back: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until the focus is where ``match`` says, as a keyboard user does."""
    state = desk.state()
    for _ in range(limit):
        if match(state.get("focus", {})):
            return state
        before = state.get("focus")
        x.key("shift+Tab" if back else "Tab")
        state = desk.wait(lambda s, b=before: s.get("focus") != b, 10, "the focus to move")
    raise AssertionError(f"{what} never got the focus with {'Shift+' if back else ''}Tab; last {state.get('focus')}")


def named(name: str):
    return lambda focus: focus.get("name") == name


def button_text(text: str):
    return lambda focus: focus.get("class") == "QPushButton" and text in focus.get("text", "")


def test_a_day_at_the_desk_with_the_keyboard_alone(xsession, demo, desk, printer):
    server, store_path = demo
    x = xsession
    printed = Printed(printer[1])
    today = now_local()

    # 08:55 — the manager opens the desk.
    log_in(x, desk, MANAGER)
    x.screenshot("day-home")

    # A new member at the desk: F1 enrolls; the name goes in through the pinyin input method.
    x.key("F1")
    desk.wait(lambda s: s["screen"] == "EnrollScreen" and s["focus"].get("name") == "Name", 30, "the enroll form")
    x.ime_on()
    try:
        x.type_text("zhangsan")
        x.key("space")  # the first candidate: 张三
        name = desk.wait(lambda s: s["focus"].get("text", "").strip() != "", 20, "the name from the IME")["focus"][
            "text"
        ]
    finally:
        x.ime_off()
    assert is_chinese(name), name
    x.key("Return")  # Enter walks to the next empty field
    desk.wait_focus("Phone")
    x.type_text("13987654321")
    x.key("Return")
    desk.wait_focus("Birthday")
    x.type_text(today.strftime("%m-%d"))  # born today: the birthday gift is due
    x.key("Return")
    desk.wait_focus("Privacy")
    x.key("space")  # the member accepts the privacy policy
    x.screenshot("day-enroll-form")
    x.key("Return")
    desk.wait_screen("ResultScreen")
    with open_store(store_path) as store:
        member_no = store.query_one("SELECT member_no, name FROM members WHERE name = ?", (name,))["member_no"]
    x.screenshot("day-enrolled")
    # The welcome slip, with the member's QR code on it: Tab to its button, Space prints it.
    focus_on(x, desk, named("WelcomeSlip"), "the welcome-slip button")
    x.key("space")
    slip, text = printed.next("the welcome slip")
    assert member_no in text, text  # (CJK text does not survive cups-pdf's re-rendering; the digits do)
    (token,) = qr_codes(slip)

    # The member comes back with the slip: the scanner reads its QR (capitals, Shift around each).
    x.key("Escape")
    desk.wait_screen("MemberScreen")
    x.key("Escape")
    desk.wait_screen("HomeScreen")
    scan_member(x, desk, token, member_no, "the member from the slip")
    start = balance(store_path, member_no)

    # Earn at checkout: F1, the amount, Enter.
    fill_in(x, desk, "F1", "EarnScreen", [("Amount", "3000")])
    wait_op(store_path, "earn", member_no, 1)
    x.key("Return")  # Enter prints the receipt (the focused button)
    _, text = printed.next("the earn receipt")
    assert member_no in text
    x.key("Escape")
    desk.wait_screen("MemberScreen")

    # A store receipt: F2, the store by code, receipt number, amount; Enter walks and then confirms.
    receipt = [("TenantSearch", "B101"), ("ReceiptNo", "R-20261201-01"), ("Amount", "880")]
    fill_in(x, desk, "F2", "ReceiptScreen", receipt, shot="day-receipt-form")
    assert wait_op(store_path, "credit_receipt", member_no, 1)["status"] in ("pending", "acked")
    x.key("Escape")
    desk.wait_screen("MemberScreen")
    points = balance(store_path, member_no)
    assert points > start

    # A gift: F3, the arrows choose, Enter asks, Enter again spends.
    x.key("F3")
    desk.wait(lambda s: s["screen"] == "GiftScreen", 30, "the catalogue")
    x.key("Down")
    x.key("Return")
    # The first Enter asks (the button now reads 确认, "Confirm"); nothing is spent yet.
    desk.wait(lambda s: s["primary"].startswith("确认"), 30, "the question before points are spent")
    assert not ops(store_path, "redeem_gift", member_no)
    x.screenshot("day-gift-confirm")
    x.key("Return")
    desk.wait_screen("ResultScreen")
    wait_op(store_path, "redeem_gift", member_no, 1)
    x.key("Escape")
    desk.wait_screen("MemberScreen")

    # Points as cash: F4, the purchase, the points, Enter.
    fill_in(x, desk, "F4", "CashOffsetScreen", [("Amount", "200"), ("Points", "500")])
    wait_op(store_path, "redeem_cash_offset", member_no, 1)
    x.key("Escape")
    desk.wait_screen("MemberScreen")

    # Points donated to the mall's charity campaign: F10, the points, Enter.
    fill_in(x, desk, "F10", "DonationScreen", [("Points", "200")])
    wait_op(store_path, "donate_points", member_no, 1)
    x.key("Escape")
    desk.wait_screen("MemberScreen")

    # A coupon the member holds: one scan opens it pre-filled for this member, one Enter uses it.
    with server.db() as db:
        from server import admin

        (coupon,) = admin.issue_coupons(db, "RED20", 1, datetime.now(SHANGHAI), member_no=member_no)
    with open_store(store_path) as store:
        wait_for(
            lambda: store.scalar("SELECT count(*) FROM coupons WHERE code = ?", (coupon,)), 90, "the coupon to sync"
        )
    x.scan(coupon, suffix="tab")  # this scanner is set to end with Tab
    desk.wait(lambda s: s["screen"] == "CouponScreen" and not s["busy"], 30, "coupon verification")
    desk.wait(lambda s: s["focus"].get("name") == "Confirm", 30, "the confirm button after the check")
    x.screenshot("day-coupon")
    x.key("Return")
    desk.wait_screen("ResultScreen")
    wait_op(store_path, "verify_coupon", member_no, 1)
    x.key("Escape")
    desk.wait_screen("MemberScreen")

    # Benefits: F6, Space chooses the first one available, Enter claims. Birthday, then parking.
    for benefit in ("birthday", "parking"):
        x.key("F6")
        desk.wait(lambda s: s["screen"] == "BenefitScreen", 30, "the benefits")
        focus_on(x, desk, named(f"Benefit_{benefit}"), f"the {benefit} choice")
        x.key("space")
        x.key("Return")
        desk.wait_screen("ResultScreen")
        claimed = [json_payload(r)["benefit"] for r in ops(store_path, "claim_benefit", member_no)]
        assert benefit in claimed
        x.key("Escape")
        desk.wait_screen("MemberScreen")

    # Reverse the parking claim: F12 into the history (newest first), F8, the reason, Enter.
    x.key("F12")
    desk.wait(lambda s: s["focus"].get("name") == "History", 30, "the history")
    fill_in(x, desk, "F8", "ReverseScreen", [("Reason", "wrong car plate")], pin=MANAGER[1])
    wait_op(store_path, "reverse", member_no, 1)
    x.key("Escape")
    desk.wait_screen("MemberScreen")

    # Adjust: F7, +50 points, a reason, Enter.
    fill_in(x, desk, "F7", "AdjustScreen", [("Points", "50"), ("Reason", "goodwill for the queue")], pin=MANAGER[1])
    wait_op(store_path, "adjust", member_no, 1)
    x.key("Escape")
    desk.wait_screen("MemberScreen")

    # Reveal the phone number (manager): Tab to the button, Space, the PIN if asked.
    focus_on(x, desk, button_text("显示完整手机号"), "the reveal button", back=True)
    x.key("space")
    step_up_if_asked(x, desk, MANAGER[1], done=lambda: audit_count(store_path, "reveal_phone"))
    wait_for(lambda: audit_count(store_path, "reveal_phone"), 30, "the reveal in the audit log")
    x.screenshot("day-revealed")

    # Reprint the newest receipt from the history: F12, F9.
    x.key("F12")
    desk.wait(lambda s: s["focus"].get("name") == "History", 30, "the history")
    x.key("F9")
    _, text = printed.next("the reprint")
    assert member_no in text
    assert "REPRINT" in text, text
    x.screenshot("day-member-after")
    x.key("Escape")
    desk.wait_screen("HomeScreen")

    # The manager screen, reached with Tab like any button: the daily report and the outage kit (Terminal
    # tab), the shift handover (Shift handover tab).
    open_manager(x, desk)
    x.key("Right")
    x.key("Right")  # the Terminal tab
    focus_on(x, desk, named("DailyReport"), "the daily-report button")
    x.key("space")
    _, text = printed.next("the daily report")
    assert today.strftime("%Y-%m-%d") in text or business_day(today) in text, text
    focus_on(x, desk, named("OutageKit"), "the outage-kit button")
    x.key("space")
    printed.next("the outage kit")
    printed.next("the benefits handbook that goes with it")
    with open_store(store_path) as store:
        first = store.query_one("SELECT first_seq FROM slip_ranges WHERE slip_type = 'receipt'")["first_seq"]
    serial = make_slip_serial("receipt", 7, first)
    focus_on(x, desk, lambda f: f.get("class") == "QTabBar", "the tabs", back=True)
    x.key("Right")  # Shift handover
    focus_on(x, desk, named("HandedTo"), "the handed-to field")
    x.type_text("D001")
    focus_on(x, desk, named("ShiftHandover"), "the shift-handover button")
    x.screenshot("day-shift-handover")
    x.key("space")
    _, text = printed.next("the shift handover")
    assert "M001" in text, text
    x.key("Escape")
    desk.wait_screen("HomeScreen")

    # A paper slip from the kit, written during a power cut: its scan opens back-entry for that slip.
    x.scan(serial, suffix="lf", keypad=True)  # keypad digits, a line feed at the end
    desk.wait(lambda s: s["screen"] == "BackEntryScreen" and s["focus"].get("name") == "WrittenAt", 30, "the slip")
    x.type_text(today.strftime("%Y-%m-%d %H:%M"))
    for name, value in (
        ("WrittenBy", "D001"),
        ("SlipMember", member_no),
        ("SlipTenant", "B102"),
        ("SlipReceiptNo", "P-5531"),
        ("SlipAmount", "120"),
        ("SlipPurchaseDate", business_day(today)),
    ):
        x.key("Return")  # Enter walks to the next empty box
        desk.wait_focus(name)
        x.type_text(value)
    x.screenshot("day-back-entry")
    x.key("Return")
    with open_store(store_path) as store:
        wait_for(
            lambda: store.scalar("SELECT count(*) FROM paper_slips WHERE serial = ?", (serial,)),
            60,
            "the slip keyed in",
        )
    go_home(x, desk)

    # The server goes down (killed). The desk carries on offline; a receipt is credited and queued.
    print("longest GUI-thread stall before the outage:", desk.state().get("longest_stall_ms"), "ms")
    server.kill()
    state = desk.wait(lambda s: not s["online"], 60, "the banner to turn offline")
    assert "离线" in state["banner"], state["banner"]
    scan_member(x, desk, token, member_no, "the member, offline")
    fill_in(x, desk, "F2", "ReceiptScreen", [("TenantSearch", "B101"), ("ReceiptNo", "R-777"), ("Amount", "200")])
    offline = [r for r in ops(store_path, "credit_receipt", member_no) if '"R-777"' in r["payload"]]
    assert len(offline) == 1 and offline[0]["status"] == "pending" and not offline[0]["online"]
    state = desk.wait(lambda s: s["pending"] == 1 and not s["online"], 30, "the banner to count the waiting one")
    assert "1 笔" in state["banner"], state["banner"]
    x.screenshot("day-offline")
    print("longest GUI-thread stall so far (offline):", desk.state().get("longest_stall_ms"), "ms")
    x.key("Escape")
    desk.wait_screen("MemberScreen")
    # Meanwhile desk 2 (on the server's other node) credits the same receipt, and the server has it first.
    second_desk_credits(server, member_no, "B101", "R-777", 20_000)
    server.start()
    wait_for(
        lambda: not [r for r in ops(store_path, "credit_receipt", member_no) if r["status"] == "pending"],
        120,
        "the queue to drain after the server came back",
    )
    state = desk.wait(lambda s: s["online"] and s["pending"] == 0, 60, "the banner: online, nothing waiting")
    assert "在线" in state["banner"], state["banner"]
    (rejected,) = [r for r in ops(store_path, "credit_receipt", member_no) if '"R-777"' in r["payload"]]
    assert rejected["status"] == "rejected"
    with open_store(store_path) as store:
        wait_for(
            lambda: store.scalar("SELECT count(*) FROM sync_exceptions WHERE status = 'open'"), 60, "the exception"
        )
    x.screenshot("day-back-online")
    # Everything the desk did reached the server: the operations, and the member's points as the server
    # books them (the rejected credit counted nowhere).
    mine = {r["op_id"] for kind in KINDS_TODAY for r in ops(store_path, kind, member_no)}
    on_server = {row[0] for row in server.rows("SELECT op_id FROM ops WHERE member_no = :m", m=member_no)}
    assert mine <= on_server, mine - on_server
    wait_for(
        lambda: (
            server.rows("SELECT coalesce(sum(delta), 0) FROM ledger WHERE member_no = :m", m=member_no)[0][0]
            == balance(store_path, member_no)
        ),
        60,
        "the server's and the desk's points to agree",
    )
    # The member number printed on a card, scanned as a barcode (keypad digits, keypad Enter).
    go_home(x, desk)
    scan_member(x, desk, member_no, member_no, "the member from the number on the card", "keypad-enter", True)

    # The manager resolves it in the exceptions inbox: Tab into the table, Space chooses it, the decision.
    go_home(x, desk)
    open_manager(x, desk)
    x.key("Left", "Left", "Left")  # back to the first tab, the inbox (the screen kept the last one open)
    focus_on(x, desk, named("Exceptions"), "the exceptions table")
    # Tab into a table makes its first row current but not selected; with one row the arrows cannot move,
    # so Space selects it (what a keyboard user learns; see the report about the inbox).
    x.key("space")
    focus_on(x, desk, named("Resolution"), "the decision field")
    x.type_text("desk 2 credited it first; told the member")
    x.screenshot("day-exception")
    focus_on(x, desk, lambda f: f.get("class") == "QPushButton" and "记录" in f.get("text", ""), "record decision")
    x.key("space")
    with open_store(store_path) as store:
        wait_for(
            lambda: store.scalar("SELECT count(*) FROM sync_exceptions WHERE status = 'resolved'"), 60, "the decision"
        )
    wait_for(
        lambda: server.rows(
            "SELECT resolution FROM exceptions WHERE status = 'resolved' AND member_no = :m", m=member_no
        ),
        90,
        "the decision to reach the server",
    )
    go_home(x, desk)

    # Shift change: the manager locks the desk, the cashier logs in and credits a purchase at checkout.
    open_nav(x, desk, ("锁屏",), "LoginScreen")
    focus_on(x, desk, named("StaffNo"), "the staff number", back=True)
    x.key("ctrl+a")
    log_in(x, desk, CASHIER)
    scan_member(x, desk, token, member_no, "the member at checkout")
    fill_in(x, desk, "F1", "EarnScreen", [("Amount", "99.50")])
    earned = wait_op(store_path, "earn", member_no, 2)
    assert ops_by(store_path, earned["op_id"]) == CASHIER[0]
    go_home(x, desk)

    # Settings: the language changes at once (Traditional Chinese, then English, then back).
    for language, word in (("zh_TW", "會員服務"), ("en", "Member service"), ("zh_CN", "会员服务")):
        open_nav(x, desk, ("设置", "設定", "Settings"), "SettingsScreen")
        focus_on(x, desk, named("Language"), "the language list")
        target = {"zh_CN": 0, "zh_TW": 1, "en": 2}[language]
        x.key("Home")
        for _ in range(target):
            x.key("Down")
        focus_on(x, desk, named("SaveSettings"), "save")
        x.key("space")
        desk.wait(lambda s, w=word: w in s.get("window_title", "") or s["screen"] == "SettingsScreen", 30, "saved")
        x.key("Escape")
        desk.wait(lambda s, w=word: s["screen"] == "HomeScreen" and s["title"] == w, 30, f"Home in {language}")
        x.screenshot(f"day-home-{language}")


def business_day(moment: datetime) -> str:
    """The mall's business day (it runs to the cut-over hour of the rules) as the desk shows it."""
    from membership.rules import default_rules
    from membership.timeutil import business_day as day

    rules = default_rules()
    return day(moment, rules.timezone, rules.cutover_hour).isoformat()


def make_slip_serial(slip_type: str, terminal_code: int, sequence: int) -> str:
    from membership.codes import make_slip_serial as make

    return make(slip_type, terminal_code, sequence)


def open_nav(x: XSession, desk: DeskApp, texts: tuple[str, ...], screen: str) -> None:
    focus_on(x, desk, lambda f: f.get("class") == "QPushButton" and f.get("text") in texts, texts[0], back=True)
    x.key("space")
    desk.wait_screen(screen)


def go_home(x: XSession, desk: DeskApp) -> None:
    """Esc, one step back at a time, until Home."""
    for _ in range(4):
        state = desk.wait(lambda s: not s["busy"] and not s["modal"], 30, "the app to settle")
        if state["screen"] == "HomeScreen":
            return
        before = state["screen"]
        x.key("Escape")
        desk.wait(lambda s, b=before: s["screen"] != b, 30, f"Esc to leave the {before}")
    desk.wait_screen("HomeScreen")


def open_manager(x: XSession, desk: DeskApp) -> None:
    open_nav(x, desk, ("经理", "經理", "Manager"), "ManagerScreen")
    desk.wait(lambda s: s["focus"].get("class") == "QTabBar", 30, "the manager's tabs")


def second_desk_credits(server: DemoServer, member_no: str, tenant: str, receipt_no: str, fen: int) -> None:
    """Desk 2 works through the server's second node (same database) while desk 1 cannot reach the server."""
    from sync.engine import engine_for, register_terminal
    from sync.inbox import SyncedDeskServices
    from sync.setup import init_store
    from sync.store import utc_now

    port = server.run_demo.free_port()
    node = server.run_demo.start_server(server.url, port)
    try:
        path = server.workdir / "desk-2.sqlite3"
        store = init_store(path, 8, "服务台 2")
        try:
            with server.db() as db:
                from server import admin

                code = admin.issue_registration_code(db, "服务台 2", utc_now(), 8, 1)
            register_terminal(store, f"http://127.0.0.1:{port}", code, verify=False)
            engine = engine_for(store, verify=False)
            engine.sync_once()
            services = SyncedDeskServices(store, engine=engine)
            session = services.login("D001", "2345")
            services.credit_receipt(session, member_no, tenant, receipt_no, fen, services._today())
            report = engine.sync_once()
            assert store.scalar("SELECT count(*) FROM oplog WHERE status = 'pending'") == 0, report
            engine.client.close()
        finally:
            store.close()
    finally:
        _stop_process(node)


def _stop_process(process) -> None:
    process.terminate()
    process.wait(20)


def fill_in(
    x: XSession, desk: DeskApp, key: str, screen: str, fields: list[tuple[str, str]], pin: str = "", shot: str = ""
) -> None:
    """A member action by keyboard: its F-key, each field's value with Enter walking on to the next,
    Enter confirming (and the PIN if the desk asks for it again); waits for the result panel."""
    x.key(key)
    first = fields[0][0]
    desk.wait(lambda s: s["screen"] == screen and s["focus"].get("name") == first, 30, f"{screen} with {first}")
    for index, (name, value) in enumerate(fields):
        if index:
            x.key("Return")
            desk.wait_focus(name)
        x.type_text(value)
    if shot:
        x.screenshot(shot)
    x.key("Return")
    if pin:
        step_up_if_asked(x, desk, pin)
    desk.wait_screen("ResultScreen", timeout=90)


def json_payload(row) -> dict:
    import json

    return json.loads(row["payload"])


def audit_count(store_path: Path, action: str) -> int:
    with open_store(store_path) as store:
        return store.scalar("SELECT count(*) FROM audit WHERE action = ?", (action,))


def step_up_if_asked(x: XSession, desk: DeskApp, pin: str, done: Callable[[], Any] | None = None) -> None:
    """Adjustments, reversals and reveals may ask for the PIN again in a dialog: type it and Enter.

    ``done`` tells that the action went through without asking; without it, the result screen (or an idle
    member screen) does. A reveal stays on the member screen, which is idle before its dialog opens too,
    so it passes ``done``: waiting for an idle screen there raced the dialog."""
    state = desk.wait(
        lambda s: (
            s["modal_class"] == "QInputDialog"
            or (done() if done else s["screen"] == "ResultScreen" or (s["screen"] == "MemberScreen" and not s["busy"]))
        ),
        30,
        "the PIN prompt or the result",
    )
    if state["modal_class"] == "QInputDialog":
        x.type_text(pin)
        x.key("Return")


# -- found by the desk day, kept as quick checks without X --------------------------------------------------


def test_history_shows_what_was_done_after_midnight_before_the_cutover(qtbot, store, clock):
    """The desk day ran at 02:40 in Shanghai: the business day (cut-over 04:00) was still yesterday, and the
    history, filtered to end on the business day, hid everything done since midnight."""
    from conftest import enroll
    from test_desktop import TIMEOUT, login

    from desktop.app import create_app
    from desktop.i18n import install_language
    from desktop.main_window import MainWindow
    from sync.services import DeskServices

    clock.set_local("2026-11-21 01:30")  # business day 2026-11-20
    services = DeskServices(store, clock=clock)
    desk_session = services.login("D001", "2345")
    member = enroll(services, desk_session).member_no
    services.earn(desk_session, member, 12_000, "general", False)
    create_app()
    install_language("zh_CN")
    window = MainWindow(services, store)
    qtbot.addWidget(window)
    window.show()
    try:
        login(qtbot, window, "D001", "2345")
        window.show_member(member)
        qtbot.waitUntil(lambda: window.member_screen.model.rowCount() == 2, timeout=TIMEOUT)
        assert window.member_screen.proxy.rowCount() == 2  # enrollment and purchase, both shown
    finally:
        window.shutdown()


def test_function_keys_survive_a_language_change(qtbot, store, clock):
    """QAbstractButton.setText replaces a button's own shortcut with its text's mnemonic: every retranslate
    (at start and on each language change) had wiped F1–F10 from Home and the member screen. Pressing the
    keys after each language change must still open the screens."""
    from conftest import enroll
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from test_desktop import TIMEOUT, login

    from desktop.app import create_app
    from desktop.i18n import install_language
    from desktop.main_window import MainWindow
    from sync.services import DeskServices

    services = DeskServices(store, clock=clock)
    member = enroll(services, services.login("D001", "2345")).member_no
    create_app()
    install_language("zh_CN")
    window = MainWindow(services, store)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    try:
        login(qtbot, window, "D001", "2345")
        for language in ("en", "zh_TW", "zh_CN"):
            window.switch_language(language)
            QApplication.processEvents()  # LanguageChange is posted: every screen retranslates here
            window.show_home()
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
            qtbot.waitUntil(lambda: window.stack.currentWidget() is window.enroll_screen, timeout=TIMEOUT)
            window.show_member(member)
            qtbot.waitUntil(lambda: window.member_screen.summary is not None, timeout=TIMEOUT)
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F3)
            qtbot.waitUntil(lambda: window.stack.currentWidget() is window.action_screens["gift"], timeout=TIMEOUT)
    finally:
        window.shutdown()
        install_language("zh_CN")
