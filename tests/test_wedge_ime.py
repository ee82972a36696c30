"""A keyboard-wedge scan with a Chinese input method on, for real: ibus with the libpinyin engine under
Xvfb, reached through Qt's ibus input context, and the desk app as its own process on Qt's xcb platform.

The scanner is XTest key events at 8 ms a character with Shift pressed and released around each capital
(``tests/xdesk.py``). Without the X-level reader (``desktop/xkeys.py``) the engine holds the letters,
takes the digits as candidate choices and swallows the Enter; these tests show the scan now opens the
member whatever the IME does, that a person typing pinyin still gets Chinese, and that a scan into a
text field leaves nothing of itself there. What the app shows is read from its state file
(``desktop/probe.py``); screenshots go to ``artifacts/wedge-ime/``.

The X tools come from ``scripts/apt-packages.txt``: without them the test is skipped on a developer's
machine and fails in CI (``CI=true``).
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from xdesk import (
    ROOT,
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

ARTIFACTS = ROOT / "artifacts" / "wedge-ime"
MANAGER = ("M001", "1234")


@pytest.fixture(scope="module")
def xsession(tmp_path_factory) -> Iterator[XSession]:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)  # this run's screenshots only
    session = start_session_or_skip(tmp_path_factory.mktemp("xsession-ime"), ARTIFACTS, "the IME scan test")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[tuple[DemoServer, Path]]:
    """The server with demo data, this terminal registered and synced with it, as ``scripts/run`` does."""
    workdir = tmp_path_factory.mktemp("wedge-ime")
    server = DemoServer(workdir, members=50).prepare().start()
    try:
        store_path = workdir / "terminal.sqlite3"
        server.register_terminal(store_path)
        with open_store(store_path) as store, store.transaction() as conn:
            store.set_setting(conn, "language", "zh_CN")
        yield server, store_path
    finally:
        server.stop()


@pytest.fixture(scope="module")
def desk(xsession, demo, tmp_path_factory) -> Iterator[DeskApp]:
    """The desk app, the manager logged in; one process for the module (each test starts from Home)."""
    _server, store_path = demo
    app = DeskApp(xsession, store_path, tmp_path_factory.mktemp("wedge-ime-desk")).start()
    try:
        log_in(xsession, app, MANAGER)
        yield app
    finally:
        with contextlib.suppress(Exception):
            xsession.ime_off()
            xsession.screenshot("last")
        app.stop()
    assert "unhandled exception" not in app.log_text(), app.log_text()[-4000:]


@pytest.fixture
def home(xsession, desk) -> XSession:
    """Home, with the focus in its scan field (Esc back from wherever the last test left the desk)."""
    for _ in range(4):
        if desk.state().get("screen") == "HomeScreen":
            break
        xsession.key("Escape")
        desk.wait(lambda s: not s.get("busy"), 30, "the desk to settle")
    desk.wait_screen("HomeScreen")
    desk.wait_focus("ScanField")
    return xsession


@pytest.fixture
def ime(home) -> Iterator[XSession]:
    """From Home, the pinyin IME switched on (and off again afterwards)."""
    xsession = home
    xsession.ime_on()
    try:
        yield xsession
    finally:
        xsession.ime_off()


def wait_member(desk: DeskApp, code: str, member_no: str, what: str) -> dict:
    try:
        return desk.wait(lambda s: s.get("member") == member_no and s["screen"] == "MemberScreen", 60, what)
    except AssertionError as exc:
        raise AssertionError(f"{exc}\nscanned {code!r}\ndelivered {desk.state().get('last_scan')!r}") from None


def test_a_member_qr_scanned_with_the_pinyin_ime_on_opens_the_member(ime, desk, demo):
    _server, store_path = demo
    x = ime
    member_no = a_demo_member(store_path)
    token = member_token(store_path, member_no)
    assert any(c.isupper() for c in token) and any(c.isdigit() for c in token), token  # Shift and digits both
    assert x.engine() == "libpinyin"
    x.scan(token)
    state = wait_member(desk, token, member_no, "the member scanned with the IME on")
    assert state["last_scan"] == token  # the whole code, capitals and digits, as the scanner sent it
    x.screenshot("ime-member-scanned")

    # Back on Home the scan field holds nothing of the scan (the IME never saw its keys).
    x.key("Escape")
    state = desk.wait(lambda s: s["screen"] == "HomeScreen" and s["focus"].get("name") == "ScanField", 30, "Home")
    assert state["focus"]["text"] == ""

    # The member number from a scanner in keypad mode (keypad digits, keypad Enter), IME still on.
    x.scan(member_no, suffix="keypad-enter", keypad=True)
    state = wait_member(desk, member_no, member_no, "the member number scanned on the keypad with the IME on")
    assert state["last_scan"] == member_no

    # A scanner set up with a Tab suffix (libpinyin takes Tab too): from Home, the QR again.
    x.key("Escape")
    desk.wait(lambda s: s["screen"] == "HomeScreen" and s["focus"].get("name") == "ScanField", 30, "Home")
    x.scan(token, suffix="tab")
    state = wait_member(desk, token, member_no, "the member scanned with a Tab suffix and the IME on")
    assert state["last_scan"] == token
    assert x.engine() == "libpinyin"  # the scans did not switch the engine off


def test_pinyin_typed_by_a_person_still_becomes_chinese_and_a_scan_leaves_the_field_alone(ime, desk, demo):
    _server, store_path = demo
    x = ime
    member_no = a_demo_member(store_path)
    token = member_token(store_path, member_no)
    x.key("F1")
    desk.wait(lambda s: s["screen"] == "EnrollScreen" and s["focus"].get("name") == "Name", 30, "the enroll form")

    # A person types a name in pinyin at a person's speed: the IME composes it, Space takes the first candidate.
    x.type_text("zhangsan")
    x.key("space")
    name = desk.wait(lambda s: is_chinese(s["focus"].get("text", "")), 20, "the name from the IME")["focus"]["text"]
    assert len(name) == 2, name  # 张三 (or the engine's first candidate for it): two characters, no letters
    x.screenshot("ime-name-typed")

    # The member's code is scanned into the name field: the half-filled form makes the desk ask first,
    # and not one character of the code went into the field or into the IME.
    x.scan(token)
    state = desk.wait(lambda s: s.get("modal_class") == "QMessageBox", 30, "the question about the half-filled form")
    assert state["last_scan"] == token
    x.screenshot("ime-scan-into-name-asks")
    x.key("Escape")  # keep the form: the focus goes back to the name
    wait_for(lambda: "MemberDesk" in x.active_window_name(), 30, "the desk window to have the keyboard again")
    state = desk.wait(
        lambda s: not s.get("modal") and s["focus"].get("name") == "Name", 30, "the name field after the question"
    )
    assert state["focus"]["text"] == name
    x.screenshot("ime-name-kept")

    # The person goes on typing in pinyin after the scan: the IME still composes (the scan left it clean).
    x.type_text("ren")
    x.key("space")
    state = desk.wait(lambda s: len(s["focus"].get("text", "")) > len(name), 20, "more Chinese from the IME")
    assert state["focus"]["text"].startswith(name) and is_chinese(state["focus"]["text"]), state["focus"]["text"]
    x.screenshot("ime-name-more")

    # And a scan now, answered with Enter (open the code), opens the member.
    x.scan(token)
    desk.wait(lambda s: s.get("modal_class") == "QMessageBox", 30, "the question about the half-filled form")
    x.key("Return")
    wait_member(desk, token, member_no, "the member after leaving the form")


def test_keys_that_are_not_a_scan_reach_the_field_unchanged_and_in_order(home, desk):
    x = home
    assert x.engine() != "libpinyin"
    # A burst at scanner speed without a suffix (a fast typist, a scanner set up without one): held, then
    # given back to the field whole and in order, capitals included.
    x.scan("Ab12Cd", suffix="")
    state = desk.wait(lambda s: s["focus"].get("text") == "Ab12Cd", 20, "the burst given back to the field")
    assert state["last_scan"] != "Ab12Cd"
    # A person typing after it: every key arrives, after the given-back ones.
    x.type_text(" Zhang")
    desk.wait(lambda s: s["focus"].get("text") == "Ab12Cd Zhang", 20, "a person's keys after the burst")
    x.screenshot("not-a-scan")
    x.key(*["BackSpace"] * len("Ab12Cd Zhang"))
    desk.wait(lambda s: s["focus"].get("text") == "", 30, "the field emptied with Backspace")


# -- without X ----------------------------------------------------------------------------------------------


def test_what_each_key_press_is_for_the_burst():
    from desktop import xkeys

    shift, control = 1, 4
    assert xkeys.classify(0xFFE1, "", shift) == (xkeys.MODIFIER, "")  # Shift_L around a capital
    assert xkeys.classify(0xFFE5, "", 0) == (xkeys.MODIFIER, "")  # Caps_Lock
    assert xkeys.classify(0x4D, "M", shift) == (xkeys.CHAR, "M")
    assert xkeys.classify(0xFFB7, "7", 0x10) == (xkeys.CHAR, "7")  # KP_7 with NumLock (Mod2)
    assert xkeys.classify(0xFF0D, "\r", 0) == (xkeys.SUFFIX, "\r")  # Return
    assert xkeys.classify(0xFF8D, "\r", 0x10) == (xkeys.SUFFIX, "\r")  # KP_Enter
    assert xkeys.classify(0xFF09, "\t", 0) == (xkeys.SUFFIX, "\t")  # Tab
    assert xkeys.classify(0x6A, "\n", control) == (xkeys.SUFFIX, "\n")  # Ctrl+J: LF
    assert xkeys.classify(0x63, "\x03", control) == (xkeys.OTHER, "")  # Ctrl+C is a shortcut
    assert xkeys.classify(0x61, "a", 8) == (xkeys.OTHER, "")  # Alt+A
    assert xkeys.classify(0xFFBE, "", 0) == (xkeys.OTHER, "")  # F1
    assert xkeys.classify(0xE9, "é", 0) == (xkeys.OTHER, "")  # not a character a code holds


def test_nothing_is_installed_off_x11(qapp):
    from PySide6.QtGui import QGuiApplication

    from desktop import xkeys

    assert QGuiApplication.platformName() != "xcb"
    assert xkeys.install(qapp, lambda code: None) is None  # the Qt-level WedgeDetector works alone here
