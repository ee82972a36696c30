"""The office console in a real browser: Debian's chromium driven by Playwright, against the real server
process, with real terminals pulling what the office did. Every page is saved to artifacts/console/."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ARTIFACTS, START, Clock, copy_store, enroll
from server_fixtures import ServerProcess, quiesce
from test_console import PASSWORD, start_console_server

from membership.rules import default_rules_path

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = ARTIFACTS / "console"

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="Debian's chromium is missing: run scripts/setup (apt-packages.txt)"
)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    proc = start_console_server(tmp_path_factory.mktemp("console-browser"))
    yield proc
    proc.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, office):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    tab.base = office.base_url  # type: ignore[attr-defined]
    yield tab
    context.close()


def shot(tab, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


def log_in(tab, user_no: str = "OM1", password: str = PASSWORD) -> None:
    tab.goto(tab.base + "/console/login")
    tab.fill("input[name=user_no]", user_no)
    tab.fill("input[name=password]", password)
    tab.click("button[type=submit]")


def test_log_in_and_every_page_in_each_language(page, office, make_terminal):
    desk = make_terminal(office, 31, name="一楼服务台")
    member = enroll(desk.services, desk.desk, phone="13811112222", name="王小明").member_no
    desk.services.earn(desk.cashier, member, 120_000)
    quiesce(desk)
    page.goto(page.base + "/console/login")
    shot(page, "login")
    log_in(page)
    page.wait_for_url("**/console/today")
    assert page.locator("h1").inner_text().startswith("今日")
    assert page.locator("#ops-total").inner_text() != ""
    for slug in (
        "today",
        "exceptions",
        "members",
        "terminals",
        "staff",
        "rules",
        "coupons",
        "reports",
        "audit",
        "jobs",
    ):
        page.goto(page.base + f"/console/{slug}")
        assert page.locator("nav a.here").count() == 1, slug
        shot(page, slug)
    page.goto(page.base + f"/console/members?q={member}")
    page.click(f"text={member}")
    page.wait_for_url(f"**/console/members/{member}")
    assert "138****2222" in page.content() and "13811112222" not in page.content()
    shot(page, "member")
    for language, word in (("zh_TW", "今日"), ("en", "Today")):
        page.goto(page.base + f"/console/lang/{language}?next=/console/today")
        assert page.locator("h1").inner_text().startswith(word)
        shot(page, f"today-{language}")
    page.goto(page.base + "/console/lang/zh_CN?next=/console/today")


def test_wrong_passwords_lock_the_account(page, office):
    for attempt in range(5):
        log_in(page, "OC1", f"not-the-password-{attempt}")
        assert page.locator(".error").is_visible()
    assert "锁定" in page.locator(".error").inner_text()
    shot(page, "login-locked")
    log_in(page, "OC1")
    assert "锁定" in page.locator(".error").inner_text() and page.url.endswith("/console/login")


def test_an_exception_resolved_in_the_console_reaches_the_desk(page, office, make_terminal):
    a, b = make_terminal(office, 32), make_terminal(office, 33)
    member = enroll(a.services, a.desk, phone="13733334444").member_no
    quiesce(a, b)
    for desk in (a, b):
        desk.services.credit_receipt(desk.desk, member, "F101", "Z-901", 10_000, "2026-11-20")
    quiesce(a, b)
    [item] = b.services.exceptions_inbox(b.manager)
    log_in(page)
    page.goto(page.base + "/console/exceptions?terminal=T033")
    page.click(f"a[href='/console/exceptions/{item.exception_id}']")
    page.fill("textarea[name=decision]", "核实为重复小票，保留 32 号台积分")
    shot(page, "exception")
    page.click("form[action$='/resolve'] button")
    assert "已处理" in page.locator(".notice").inner_text()
    b.sync()
    [done] = b.services.exceptions_inbox(b.manager, status="resolved")
    assert done.resolution == "核实为重复小票，保留 32 号台积分" and done.resolved_by == "console/OM1"
    assert b.services.exceptions_inbox(b.manager) == []


def test_a_code_issued_in_the_console_registers_a_real_terminal(page, office, template_store, tmp_path, make_terminal):
    from sync.engine import register_terminal
    from sync.store import Store

    log_in(page)
    page.goto(page.base + "/console/terminals")
    page.fill("input[name=name]", "三楼服务台")
    page.fill("input[name=terminal_code]", "41")
    page.click("form[action='/console/terminals/code'] button")
    code = page.locator("#registration-code").inner_text().strip()
    assert page.locator(".qr svg").count() == 1
    shot(page, "terminals-code")
    path = copy_store(template_store, tmp_path / "new-terminal.sqlite3")
    store = Store(path)
    clock = Clock(START)
    register_terminal(store, office.base_url, code, now=clock())
    store.close()
    desk = make_terminal.open(path, clock)
    desk.sync()
    assert desk.store.terminal().terminal_id == "T041"
    page.goto(page.base + "/console/terminals")
    row = page.locator("tr", has_text="T041").first
    assert "三楼服务台" in row.inner_text() and "active" in row.inner_text()
    # Revoked in the console: the terminal's token is refused at once.
    row.locator("form[action$='/revoke'] button").click()
    assert office.scalar("SELECT status FROM terminals WHERE terminal_id = 'T041'") == "revoked"


def test_a_bad_rules_file_shows_its_errors_and_a_good_one_reaches_the_terminals(page, office, make_terminal, tmp_path):
    desk = make_terminal(office, 34)
    good = default_rules_path().read_text(encoding="utf-8").replace('version = "2026.1"', 'version = "2026.2"')
    # Three independent mistakes: each is shown at its field, all at once.
    bad = (
        good.replace("qualifying_spend_yuan = 5000", 'qualifying_spend_yuan = "lots"')
        .replace('timezone = "Asia/Shanghai"', 'timezone = "Asia/Atlantis"')
        .replace("day_of_month = 18", "day_of_month = 40")
    )
    (tmp_path / "bad.toml").write_text(bad, encoding="utf-8")
    (tmp_path / "good.toml").write_text(good, encoding="utf-8")
    log_in(page)
    page.goto(page.base + "/console/rules")
    page.set_input_files("input[type=file]", str(tmp_path / "bad.toml"))
    page.click("form[action='/console/rules'] button")
    errors = page.locator(".field-errors li")
    fields = [errors.nth(i).get_attribute("data-field") for i in range(errors.count())]
    assert fields == ["timezone", "tiers[1].qualifying_spend_yuan", "campaigns.member_day.day_of_month"]
    assert "1 至 28" in errors.nth(2).inner_text() and "Asia/Atlantis" in errors.nth(0).inner_text()
    shot(page, "rules-errors")
    assert office.scalar("SELECT version FROM documents WHERE name = 'rules'") == "2026.1"
    page.set_input_files("input[type=file]", str(tmp_path / "good.toml"))
    page.click("form[action='/console/rules'] button")
    assert '+version = "2026.2"' in page.locator("pre.diff").inner_text()
    shot(page, "rules-diff")
    page.click("#load-rules")
    assert page.locator("#version-rules").inner_text() == "2026.2"
    desk.sync()
    assert desk.store.rules().version == "2026.2"
    # Roll back: the previous version is loaded again and pulled the same way.
    page.locator("form[action^='/console/rules/rollback'] button").first.click()
    assert page.locator("#version-rules").inner_text() == "2026.1"
    desk.sync()
    assert desk.store.rules().version == "2026.1"


def test_the_annual_review_run_from_the_console_moves_a_member_down_on_a_terminal(page, office, make_terminal):
    desk = make_terminal(office, 35)
    member = enroll(desk.services, desk.desk, phone="13566667777", name="赵六").member_no
    desk.services.earn(desk.cashier, member, 600_000)
    quiesce(desk)
    high = desk.services.summary(desk.desk, member).tier.code
    log_in(page)
    page.goto(page.base + "/console/jobs")
    form = page.locator("#run-annual_review")
    form.locator("input[name=period]").fill("2028")
    form.locator("button").click()
    assert "已开始" in page.locator(".notice").inner_text()
    # The run goes on in the server; the page refreshes itself until the run's row says ok.
    page.wait_for_selector("#runs tbody tr.ok", timeout=60_000)
    assert page.locator("#runs tbody tr").first.inner_text().split()[1:4] == ["annual_review", "2028", "hand"]
    shot(page, "jobs-run")
    desk.sync()
    low = desk.services.summary(desk.desk, member).tier.code
    assert low != high and desk.store.scalar("SELECT tier FROM members WHERE member_no = ?", (member,)) == low
    page.goto(page.base + f"/console/members/{member}")
    assert low in page.locator("#tier").inner_text()
    # The history has the upgrade the purchase made (at the desk) and the review's step down (the server).
    history = page.locator("#tier-history tbody tr")
    assert [history.nth(i).get_attribute("data-kind") for i in range(history.count())] == ["earn", "tier_review"]
    shot(page, "member-tier-history")


def test_the_mall_wide_daily_report_prints(page, office, make_terminal):
    from pypdf import PdfReader

    desk = make_terminal(office, 36, name="二楼服务台")
    member = enroll(desk.services, desk.desk, phone="13599990000").member_no
    desk.services.earn(desk.cashier, member, 88_800)
    desk.services.donate_points(desk.desk, member, "CHARITY2026", 200)
    quiesce(desk)
    log_in(page)
    day = office.scalar("SELECT max(business_day) FROM ops")
    page.goto(page.base + f"/console/reports?day={day}")
    assert "星河爱心助学" in page.locator("#redeemed tr[data-kind=donation]").inner_text()
    shot(page, "reports-day")
    pdf = page.request.get(page.base + f"/console/reports/daily.pdf?day={day}&terminal=")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
    assert "星河广场" in text and day in text and "二楼服务台" in text and "星河爱心助学" in text
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "daily-report.pdf").write_bytes(pdf.body())
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "1",
                str(SHOTS / "daily-report.pdf"),
                str(SHOTS / "daily"),
            ],
            check=True,
        )
    csv = page.request.get(page.base + f"/console/reports/daily.csv?day={day}")
    assert csv.status == 200 and "星河广场" in csv.text()
    month = page.request.get(page.base + f"/console/reports/month.csv?month={day[:7]}")
    lines = month.text().splitlines()
    assert lines[0] == "日期,终端,操作,笔数" and any(line.startswith(f"{day},T036,") for line in lines[1:])
