"""The office console over real HTTP without a browser: cookies, CSRF, sessions, lockout, roles, audit,
members (masking, reveal, two-person adjustment, PIPL), and every template string translated."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from conftest import enroll
from server_fixtures import START_SERVER, ServerProcess, quiesce, wait_until

from membership.i18n import catalog
from server import admin
from server.console import auth
from server.console.i18n import CONTEXT, template_strings
from server.db import ServerDB

PASSWORD = "office-pass-1"
USERS = (("OM1", "王主管", "office_manager"), ("OM2", "赵主管", "office_manager"), ("OC1", "钱专员", "office_clerk"),
         ("SM1", "孙经理", "store_manager"))  # fmt: skip


def console_db(tmp: Path) -> str:
    """A migrated SQLite server database with the default rules and the office users above."""
    url = f"sqlite:///{tmp / 'server.sqlite3'}"
    admin.migrate(url)
    db = ServerDB(url)
    try:
        admin.load_rules(db, None, None, START_SERVER)
        for user_no, name, role in USERS:
            auth.save_user(db, user_no, name, role, PASSWORD, START_SERVER)
    finally:
        db.dispose()
    return url


def start_console_server(tmp: Path, **env: str) -> ServerProcess:
    return ServerProcess(console_db(tmp), tmp, env={"MEMBERDESK_JOBS": "off", **env}).start()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    proc = start_console_server(tmp_path_factory.mktemp("console"))
    yield proc
    proc.close()


class Console:
    """A person at the console: a cookie jar, and the CSRF token of the last page seen."""

    def __init__(self, server: ServerProcess):
        self.base = server.base_url + "/console"
        self.http = requests.Session()
        self.csrf = ""
        self.last: requests.Response | None = None
        self.verify: bool | str = True  # the server's certificate when it serves HTTPS

    def _seen(self, response: requests.Response) -> requests.Response:
        found = re.search(r'name="csrf" value="([^"]+)"', response.text)
        if found:
            self.csrf = found.group(1)
        self.last = response
        return response

    def get(self, path: str, **params: Any) -> requests.Response:
        return self._seen(self.http.get(self.base + path, params=params, timeout=30, verify=self.verify))

    def post(self, path: str, csrf: str | None = None, files: Any = None, **data: Any) -> requests.Response:
        data = {"csrf": self.csrf if csrf is None else csrf, **data}
        return self._seen(self.http.post(self.base + path, data=data, files=files, timeout=60, verify=self.verify))

    def login(self, user_no: str, password: str = PASSWORD) -> requests.Response:
        self.get("/login")
        return self.post("/login", user_no=user_no, password=password)


def logged_in(server: ServerProcess, user_no: str = "OM1") -> Console:
    person = Console(server)
    answer = person.login(user_no)
    assert answer.status_code == 200 and answer.url.endswith("/console/today"), answer.text[:500]
    return person


def audit_actions(server: ServerProcess, user_no: str) -> list[str]:
    return [r[0] for r in server.rows("SELECT action FROM console_audit WHERE user_no = :u ORDER BY id", u=user_no)]


def test_cookies_are_httponly_strict_and_every_form_needs_its_sessions_token(office):
    person = Console(office)
    page = person.get("/login")
    pre = page.headers["set-cookie"]
    assert "md_login_csrf=" in pre and "HttpOnly" in pre and "SameSite=strict" in pre.replace("Strict", "strict")
    # A log-in posted from elsewhere (no token, or not the cookie's) is refused.
    assert person.post("/login", csrf="", user_no="OM1", password=PASSWORD).status_code == 403
    assert person.post("/login", csrf="forged", user_no="OM1", password=PASSWORD).status_code == 403
    answer = person.post("/login", user_no="OM1", password=PASSWORD)
    assert answer.status_code == 200
    cookie = answer.history[0].headers["set-cookie"]
    assert "md_console=" in cookie and "HttpOnly" in cookie and "Path=/console" in cookie
    assert "samesite=strict" in cookie.lower() and "secure" not in cookie.lower()  # plain HTTP here

    other = logged_in(office, "OM2")
    codes_before = office.scalar("SELECT count(*) FROM registration_codes")
    for token in ("", "not-the-token", other.csrf):
        refused = person.post("/terminals/code", csrf=token, name="服务台 9")
        assert refused.status_code == 403 and "控制台" in refused.text
    assert office.scalar("SELECT count(*) FROM registration_codes") == codes_before
    assert audit_actions(office, "OM1").count("csrf_refused") == 3
    issued = person.post("/terminals/code", name="服务台 9")
    assert issued.status_code == 200 and re.search(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}", issued.text)
    assert office.scalar("SELECT count(*) FROM registration_codes") == codes_before + 1
    assert "registration_code_issued" in audit_actions(office, "OM1")
    # Pages are not cached, cannot be framed by another site and run no script.
    headers = person.get("/today").headers
    assert headers["cache-control"] == "no-store" and headers["x-frame-options"] == "DENY"
    assert "script-src 'none'" in headers["content-security-policy"]
    assert person.post("/terminals/code", csrf="").headers["x-frame-options"] == "DENY"


def test_a_page_without_a_session_goes_to_the_login_and_logout_ends_the_session(office):
    anonymous = Console(office)
    for path in ("/today", "/members", "/jobs", "/reports/daily.pdf"):
        answer = anonymous.get(path)
        assert answer.url.endswith("/console/login") and "登录" in answer.text
    person = logged_in(office, "OC1")
    old_cookie = person.http.cookies.get("md_console")
    assert person.post("/logout").url.endswith("/console/login")
    thief = requests.Session()
    thief.cookies.set("md_console", old_cookie)
    assert thief.get(person.base + "/today", timeout=30).url.endswith("/console/login")
    assert audit_actions(office, "OC1")[-2:] == ["login", "logout"]


def test_wrong_passwords_lock_the_account_until_a_manager_unlocks_it(office):
    db = ServerDB(office.db_url)
    try:
        auth.save_user(db, "OC9", "周专员", "office_clerk", PASSWORD, START_SERVER)
    finally:
        db.dispose()
    person = Console(office)
    for _ in range(auth.MAX_FAILURES - 1):
        answer = person.login("OC9", "wrong-password")
        assert answer.status_code == 401 and "用户编号或密码错误" in answer.text
    answer = person.login("OC9", "wrong-password")
    assert answer.status_code == 401 and "锁定" in answer.text
    answer = person.login("OC9")  # the right password no longer helps
    assert answer.status_code == 401 and "锁定" in answer.text
    # An unknown user number answers like a wrong password: nothing tells which part was wrong.
    assert "用户编号或密码错误" in Console(office).login("NOBODY", "whatever-it-is").text
    manager = logged_in(office, "OM1")
    staff = manager.get("/staff")
    assert "已锁定" in staff.text
    manager.post("/staff/office", user_no="OC9", action="unlock")
    assert logged_in(office, "OC9").get("/today").status_code == 200
    assert audit_actions(office, "OC9").count("login_refused") == auth.MAX_FAILURES + 1
    assert "office_user_unlock" in audit_actions(office, "OM1")


def test_an_idle_session_ends(tmp_path):
    server = start_console_server(tmp_path, MEMBERDESK_CONSOLE_IDLE="1")
    try:
        person = logged_in(server, "OM1")
        wait_until(lambda: person.get("/today").url.endswith("/console/login"), timeout=20, what="idle timeout")
        assert server.scalar("SELECT count(*) FROM console_sessions") == 0
    finally:
        server.close()


def test_each_role_holds_only_its_permissions(office):
    store_manager = logged_in(office, "SM1")
    assert store_manager.get("/today").status_code == 200
    assert store_manager.get("/reports").status_code == 200
    for path in ("/staff", "/members", "/terminals", "/rules", "/audit"):
        assert store_manager.get(path).status_code == 403, path
    assert 'href="/console/staff"' not in store_manager.get("/today").text
    clerk = logged_in(office, "OC1")
    assert clerk.get("/members").status_code == 200
    assert clerk.post("/jobs/annual_review/run", period="2028").status_code == 403
    assert office.scalar("SELECT count(*) FROM job_runs") == 0
    assert "refused" in audit_actions(office, "OC1")


def test_bad_input_gets_a_message_and_changes_nothing(office):
    person = logged_in(office)
    before = office.scalar("SELECT value FROM counters WHERE name = 'change_no'")
    answer = person.post("/coupons/issue", definition="RED20", count="lots")
    assert answer.status_code == 400 and "1 至 10000" in answer.text
    answer = person.post("/stock/allocate", terminal_id="T999", item_code="X", quantity="5")
    assert answer.status_code == 400
    answer = person.post("/terminals/code", name="服务台", terminal_code="abc")
    assert answer.status_code == 400 and "1 至 899" in answer.text
    bad = "[mall]\nname = 1\n"
    answer = person.post("/rules", files={"file": ("rules.toml", bad.encode())}, step="load")
    assert answer.status_code == 400 and "规则文件未加载" in answer.text
    answer = person.post("/staff/office", user_no="OC5", name="新人", role="office_clerk", password="short")
    assert answer.status_code == 400 and "至少 10 个字符" in answer.text
    answer = person.post("/jobs/annual_review/run", period="soon")
    assert answer.status_code == 400
    assert office.scalar("SELECT value FROM counters WHERE name = 'change_no'") == before
    assert office.scalar("SELECT count(*) FROM console_users WHERE user_no = 'OC5'") == 0


def test_members_masked_reveal_audited_and_an_adjustment_needs_a_second_person(office, make_terminal):
    desk = make_terminal(office, 21)
    member = enroll(desk.services, desk.desk, phone="13712345678", name="欧阳娜娜").member_no
    desk.services.earn(desk.cashier, member, 50_000)
    quiesce(desk)
    clerk = logged_in(office, "OC1")
    for query in ("13712345678", member, "欧阳"):
        results = clerk.get("/members", q=query).text.split("<table", 1)[-1]  # the search box echoes the query
        assert member in results and "137****5678" in results and "13712345678" not in results, query
    page = clerk.get(f"/members/{member}")
    assert "137****5678" in page.text and "欧阳娜娜" not in page.text
    assert clerk.post(f"/members/{member}/reveal", reason="会员来电").status_code == 403  # a clerk may not
    manager = logged_in(office, "OM1")
    assert manager.post(f"/members/{member}/reveal", reason="").status_code == 400
    shown = manager.post(f"/members/{member}/reveal", reason="会员本人来电核对")
    assert "13712345678" in shown.text and "欧阳娜娜" in shown.text
    reveal = office.rows("SELECT detail FROM console_audit WHERE action = 'member_revealed' AND subject = :m", m=member)
    assert json.loads(reveal[0][0]) == {"reason": "会员本人来电核对"}

    balance = office.scalar("SELECT sum(delta) FROM ledger WHERE member_no = :m", m=member)
    assert clerk.post(f"/members/{member}/adjust", points="zero", reason="x").status_code == 400
    asked = clerk.post(f"/members/{member}/adjust", points="+200", reason="活动补偿")
    assert "等待第二人审批" in asked.text
    [(request_id,)] = office.rows("SELECT id FROM adjust_requests WHERE member_no = :m", m=member)
    assert office.scalar("SELECT sum(delta) FROM ledger WHERE member_no = :m", m=member) == balance
    # The one who asked cannot approve; a clerk cannot approve at all; a manager other than the asker can.
    asker = logged_in(office, "OM2")
    asker.post(f"/members/{member}/adjust", points="-5", reason="更正")
    [(own_id,)] = office.rows("SELECT id FROM adjust_requests WHERE requested_by = 'OM2'")
    assert asker.post(f"/adjustments/{own_id}/approve").status_code == 403
    assert clerk.post(f"/adjustments/{request_id}/approve").status_code == 403
    approved = manager.post(f"/adjustments/{request_id}/approve")
    assert approved.status_code == 200 and "调整已批准" in approved.text
    assert manager.post(f"/adjustments/{own_id}/refuse").status_code == 200
    assert office.rows("SELECT status, decided_by FROM adjust_requests ORDER BY id") == [
        ("approved", "OM1"),
        ("refused", "OM1"),
    ]
    assert office.scalar("SELECT sum(delta) FROM ledger WHERE member_no = :m", m=member) == balance + 200
    quiesce(desk)
    assert desk.store.scalar("SELECT sum(delta) FROM ledger WHERE member_no = ?", (member,)) == balance + 200
    assert desk.services.summary(desk.desk, member).balance == balance + 200


def test_pipl_export_has_everything_and_erasure_keeps_the_accounts(office, make_terminal):
    desk = make_terminal(office, 22)
    member = enroll(desk.services, desk.desk, phone="13598765432", name="司马光").member_no
    desk.services.earn(desk.cashier, member, 30_000)
    quiesce(desk)
    manager = logged_in(office, "OM1")
    assert logged_in(office, "OC1").get(f"/members/{member}/export").status_code == 403
    exported = manager.get(f"/members/{member}/export")
    assert exported.headers["content-disposition"].startswith("attachment")
    data = exported.json()
    assert data["member"]["phone"] == "13598765432" and data["member"]["name"] == "司马光"
    assert {op["kind"] for op in data["operations"]} >= {"enroll", "earn"}
    assert sum(line["delta"] for line in data["ledger"]) > 0
    ledger_before = office.rows("SELECT kind, delta FROM ledger WHERE member_no = :m ORDER BY entry_id", m=member)

    assert manager.post(f"/members/{member}/erase", confirm="wrong").status_code == 400
    erased = manager.post(f"/members/{member}/erase", confirm=member, reason="会员书面申请")
    assert erased.status_code == 200 and "个人信息已删除" in erased.text
    row = office.rows("SELECT name, phone, birthday, card_no, privacy_consent, status FROM members WHERE member_no = :m",
                      m=member)  # fmt: skip
    assert row == [("已删除", f"erased-{member}", None, None, None, "closed")]
    assert (
        office.rows("SELECT kind, delta FROM ledger WHERE member_no = :m ORDER BY entry_id", m=member) == ledger_before
    )
    quiesce(desk)
    assert desk.store.scalar("SELECT name FROM members WHERE member_no = ?", (member,)) == "已删除"
    assert desk.store.scalar("SELECT status FROM members WHERE member_no = ?", (member,)) == "closed"
    assert not [h for h in desk.services.lookup(desk.desk, "13598765432") if h.member_no == member]


def test_a_desks_resolution_shows_in_the_console(office, make_terminal):
    a, b = make_terminal(office, 23), make_terminal(office, 24)
    member = enroll(a.services, a.desk, phone="13655554444").member_no
    quiesce(a, b)
    for desk in (a, b):
        desk.services.credit_receipt(desk.desk, member, "F101", "Z-77", 10_000, "2026-11-20")
    quiesce(a, b)
    [item] = b.services.exceptions_inbox(b.manager)
    person = logged_in(office, "OC1")
    assert f"/console/exceptions/{item.exception_id}" in person.get("/exceptions").text
    b.services.resolve_exception(b.manager, item.exception_id, "小票已归档，保留 7 号台积分")
    page = person.get(f"/exceptions/{item.exception_id}")
    assert "小票已归档，保留 7 号台积分" in page.text and "T024/M001" in page.text
    assert f"/console/exceptions/{item.exception_id}" in person.get("/exceptions", status="resolved").text


def test_every_template_string_is_listed_for_lupdate_and_translated():
    from server.console import strings

    listed = set(strings.STRINGS)
    found = template_strings()
    assert found and set(found) <= listed, "run: python -m server.console.strings"
    for language in ("zh_CN", "zh_TW"):
        cat = catalog(language)
        missing = [s for s in found if cat.translate(CONTEXT, s) == s]
        assert not missing, (language, missing[:10])


def test_coupons_issued_as_csv_their_story_and_stock_allocated_to_a_desk(office, make_terminal):
    desk = make_terminal(office, 25)
    member = enroll(desk.services, desk.desk, phone="13644443333").member_no
    quiesce(desk)
    person = logged_in(office, "OM1")
    person.get("/coupons")
    issued = person.post("/coupons/issue", definition="RED20", count="3", member_no=member)
    assert issued.headers["content-type"].startswith("text/csv")
    lines = issued.text.strip().splitlines()
    assert lines[0] == "code,definition,member_no" and len(lines) == 4
    codes = [line.split(",")[0] for line in lines[1:]]
    assert office.scalar("SELECT count(*) FROM coupons WHERE member_no = :m AND definition = 'RED20'", m=member) == 3
    story = person.get("/coupons", code=codes[0])
    assert "issued" in story.text and member in story.text
    assert "没有此券码的券" in person.get("/coupons", code="C-NOPE").text
    before = office.scalar("SELECT quantity FROM stock WHERE terminal_id = 'T025' AND item_code = 'G001'")
    done = person.post("/stock/allocate", terminal_id="T025", item_code="G001", quantity="7")
    assert done.status_code == 200 and "T025" in done.text
    quiesce(desk)
    assert desk.store.scalar("SELECT quantity FROM stock WHERE item_code = 'G001'") == before + 7
    assert {c for (c,) in desk.store.query("SELECT code FROM coupons WHERE member_no = ?", (member,))} >= set(codes)
    assert "coupons_issued" in audit_actions(office, "OM1") and "stock_allocated" in audit_actions(office, "OM1")


def test_a_rules_file_with_three_mistakes_shows_all_three_at_their_fields(office):
    from membership.rules import default_rules_path

    person = logged_in(office)
    person.get("/rules")
    bad = (
        default_rules_path()
        .read_text(encoding="utf-8")
        .replace("max_per_member_per_day = 10", "max_per_member_per_day = 0")
        .replace("qualifying_spend_yuan = 5000", 'qualifying_spend_yuan = "lots"')
        .replace("[benefits]", "[benefits_typo]")
    )
    before = office.scalar("SELECT value FROM counters WHERE name = 'change_no'")
    for step in ("check", "load"):
        answer = person.post("/rules", files={"file": ("rules.toml", bad.encode())}, step=step)
        assert answer.status_code == 400
        found = re.findall(
            r'<li data-field="([^"]+)"><code>[^<]+</code>: ([^<]+?)(?: <small class="line">([^<]+)</small>)?</li>',
            answer.text,
        )
        assert [field for field, _, _ in found] == [
            "tiers[1].qualifying_spend_yuan",
            "receipt_credit.max_per_member_per_day",
            "benefits",
        ], found
        # Each message is translated (the console's language is Simplified Chinese by default) and points
        # at the line of the uploaded file (none for a table that is not there).
        assert "必须是" in found[0][1] and "1 至 1000" in found[1][1] and "缺少" in found[2][1]
        lines = bad.splitlines()
        assert lines[int(found[0][2].strip("第 行")) - 1] == 'qualifying_spend_yuan = "lots"'
        assert lines[int(found[1][2].strip("第 行")) - 1].startswith("max_per_member_per_day = 0")
        assert found[2][2] == ""
        assert "发现 3 个问题" in answer.text
    assert office.scalar("SELECT value FROM counters WHERE name = 'change_no'") == before
    assert office.scalar("SELECT version FROM documents WHERE name = 'rules'") == "2026.1"


def test_rules_for_a_later_day_wait_for_it_and_can_be_cancelled(office, make_terminal):
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from membership.rules import default_rules_path
    from membership.timeutil import business_day
    from server import jobs

    desk = make_terminal(office, 26)
    today = business_day(datetime.now(UTC), ZoneInfo("Asia/Shanghai"), 4)
    later, much_later = (today + timedelta(days=1)).isoformat(), (today + timedelta(days=30)).isoformat()
    default = default_rules_path().read_text(encoding="utf-8")
    person = logged_in(office, "OM1")
    person.get("/rules")
    for version, day in (("2027.1", later), ("2027.9", much_later)):
        body = default.replace('version = "2026.1"', f'version = "{version}"')
        answer = person.post("/rules", step="load", body=body, effective_day=day)
        assert answer.status_code == 200 and f"将于 {day} 生效" in answer.text
    assert person.post("/rules", step="load", body=default, effective_day="next week").status_code == 400
    assert office.scalar("SELECT version FROM documents WHERE name = 'rules'") == "2026.1"
    [(far_id,)] = office.rows("SELECT id FROM pending_rules WHERE version = '2027.9'")
    assert person.post(f"/rules/pending/{far_id}/cancel").status_code == 200
    db = ServerDB(office.db_url)
    try:
        assert jobs.run_job(db, "rules_activation", today.isoformat()) is not None
        assert office.scalar("SELECT version FROM documents WHERE name = 'rules'") == "2026.1"  # not its day yet
        assert jobs.run_job(db, "rules_activation", much_later) is not None
    finally:
        db.dispose()
    assert office.rows("SELECT version, status FROM pending_rules ORDER BY id") == [
        ("2027.1", "loaded"),
        ("2027.9", "cancelled"),
    ]
    assert office.scalar("SELECT version FROM documents WHERE name = 'rules'") == "2027.1"
    row = re.search(r"<td>T026</td>.*?</tr>", person.get("/terminals").text, re.S).group(0)
    assert "旧版本" in row
    desk.sync()
    assert desk.store.rules().version == "2027.1"
    desk.sync()  # the server learns what a terminal has from its next pull
    row = re.search(r"<td>T026</td>.*?</tr>", person.get("/terminals").text, re.S).group(0)
    assert "<td>2027.1</td>" in row
    history = person.get("/rules").text
    assert "回退到 2026.1" in history  # the job's load is in the history, to roll back like any other
    person.post(
        "/rules/rollback/" + str(office.scalar("SELECT max(id) FROM console_audit WHERE action = 'rules_loaded'"))
    )
    assert office.scalar("SELECT version FROM documents WHERE name = 'rules'") == "2026.1"
    assert {"rules_scheduled", "rules_cancelled", "rules_rolled_back"} <= set(audit_actions(office, "OM1"))


def test_over_https_the_session_cookie_is_secure(tmp_path):
    from test_server_tls import self_signed

    cert, key = self_signed(tmp_path)
    server = ServerProcess(console_db(tmp_path), tmp_path, tls=(cert, key), env={"MEMBERDESK_JOBS": "off"}).start()
    try:
        person = Console(server)
        person.verify = str(cert)
        answer = person.login("OM1")
        assert answer.url == server.base_url + "/console/today"
        cookie = answer.history[0].headers["set-cookie"]
        assert "md_console=" in cookie and "secure" in cookie.lower() and "httponly" in cookie.lower()
    finally:
        server.close()


def test_audit_search_and_a_terminals_chain_verified(office, make_terminal):
    desk = make_terminal(office, 27)
    enroll(desk.services, desk.desk, phone="13633332222")
    quiesce(desk)
    anchored = office.scalar("SELECT count(*) FROM terminal_audit WHERE terminal_id = 'T027'")
    assert anchored > 0
    manager = logged_in(office, "OM1")
    found = manager.get("/audit", terminal="T027")
    assert found.status_code == 200 and found.text.count("<tr><td>T027</td>") == min(anchored, 200)
    verdict = manager.post("/audit/verify", terminal_id="T027")
    assert verdict.status_code == 200 and f"T027 的审计链完整（已锚定 {anchored} 行）" in verdict.text
    assert logged_in(office, "OC1").get("/audit").status_code == 403
    assert "audit_verified" in audit_actions(office, "OM1")


def _terminal_row(page: str, terminal_id: str) -> str:
    found = re.search(rf'<tr id="terminal-{terminal_id}">(.*?)</tr>', page, re.S)
    assert found, f"no row for {terminal_id}"
    return found.group(1)


def test_each_terminals_pending_count_and_version_show_on_today_and_terminals(office, make_terminal, tmp_path):
    from membership import __version__
    from sync.client import SyncError
    from sync.sync_keys import TOKEN

    # A server that takes no push (every batch is over its size limit): the desk's status request still
    # gets through, with the desk's 3 pending operations and its version.
    strict = start_console_server(tmp_path, MEMBERDESK_MAX_PUSH_BYTES="200")
    try:
        desk = make_terminal(strict, 41)
        tid = desk.store.terminal().terminal_id
        for i in range(3):
            enroll(desk.services, desk.desk, phone=f"1390000000{i}", name="钱" + "一二三"[i])
        assert desk.engine.outbox.pending_count()[0] == 3
        with pytest.raises(SyncError):
            desk.sync()
        assert strict.scalar("SELECT count(*) FROM ops WHERE terminal_id = :t", t=tid) == 0
        person = logged_in(strict)
        for path in ("/today", "/terminals"):
            row = _terminal_row(person.get(path).text, tid)
            assert '<td class="num pending">3</td>' in row, row
            assert f'<td class="version">{__version__}</td>' in row, row
        # A terminal older than the report (no headers) is served as before and changes nothing stored.
        old = requests.get(
            strict.base_url + "/v1/sync/status",
            headers={"Authorization": f"Bearer {desk.store.setting(TOKEN)}"},
            timeout=30,
        )
        assert old.status_code == 200 and old.json()["terminal_id"] == tid
        assert strict.rows("SELECT pending_ops, software_version FROM terminals WHERE terminal_id = :t", t=tid) == [
            (3, __version__)
        ]
        # Nonsense in the headers is ignored, not stored and not refused.
        odd = requests.get(
            strict.base_url + "/v1/sync/status",
            headers={
                "Authorization": f"Bearer {desk.store.setting(TOKEN)}",
                "X-MemberDesk-Pending": "-5",
                "X-MemberDesk-Version": "<b>9</b>",
            },
            timeout=30,
        )
        assert odd.status_code == 200
        assert strict.rows("SELECT pending_ops, software_version FROM terminals WHERE terminal_id = :t", t=tid) == [
            (3, __version__)
        ]
    finally:
        strict.close()
    # Against a server that takes the push, the same count drops to 0 once the round has pushed everything.
    other = make_terminal(office, 42)
    enroll(other.services, other.desk, phone="13900000009", name="孙九")
    other.sync()
    row = _terminal_row(logged_in(office).get("/today").text, other.store.terminal().terminal_id)
    assert '<td class="num pending">0</td>' in row, row


def test_a_desk_that_only_pulled_counts_as_synced(office, make_terminal):
    desk = make_terminal(office, 43, name="只查询服务台")
    tid = desk.store.terminal().terminal_id
    desk.sync()  # nothing to push: the round only pulls
    assert office.scalar("SELECT last_seen FROM terminals WHERE terminal_id = :t", t=tid) is None
    assert office.scalar("SELECT last_pull FROM terminals WHERE terminal_id = :t", t=tid)
    person = logged_in(office)
    row = _terminal_row(person.get("/today").text, tid)
    assert "<td>是</td>" in row and "—" not in row.split('class="num pending"')[0], row
    report = person.get("/reports", terminal=tid).text
    assert "完整：所有终端均已同步当日数据" in report and "不完整" not in report


def test_an_upgrade_by_spend_is_in_the_members_tier_history(office, make_terminal):
    desk = make_terminal(office, 44)
    member = enroll(desk.services, desk.desk, phone="13900000044", name="周四").member_no
    desk.services.earn(desk.cashier, member, 600_000)  # 6,000 yuan: past the silver threshold
    desk.sync()
    tid = desk.store.terminal().terminal_id
    new_tier = desk.services.summary(desk.desk, member).tier.code
    [(kind, before, after, terminal)] = office.rows(
        "SELECT kind, from_tier, to_tier, terminal_id FROM tier_changes WHERE member_no = :m", m=member
    )
    assert (kind, before, terminal) == ("earn", "regular", tid) and after == new_tier != "regular"
    page = logged_in(office).get(f"/members/{member}").text
    history = re.search(r'<table id="tier-history">.*?</table>', page, re.S).group(0)
    rows = re.findall(
        r'<tr data-kind="([^"]+)"><td>[^<]*</td><td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td>', history
    )
    names = {"regular": "普通会员", "silver": "银卡会员", "gold": "金卡会员", "diamond": "钻石会员"}
    assert rows == [("earn", "消费积分", "普通会员", names[new_tier])], rows


def test_donations_are_listed_in_the_servers_daily_report(office, make_terminal):
    desk = make_terminal(office, 45, name="捐赠服务台")
    member = enroll(desk.services, desk.desk, phone="13900000045", name="吴五").member_no
    desk.services.earn(desk.cashier, member, 50_000)
    desk.services.donate_points(desk.desk, member, "CHARITY2026", 300)
    desk.sync()
    tid = desk.store.terminal().terminal_id
    day = office.scalar("SELECT business_day FROM ops WHERE kind = 'donate_points' AND terminal_id = :t", t=tid)
    person = logged_in(office)
    for scope in (tid, ""):  # the desk's report and the mall-wide one
        page = person.get("/reports", day=day, terminal=scope).text
        assert re.search(r'<b id="donated">300</b>', page), scope
        row = re.search(r'<tr data-kind="donation">(.*?)</tr>', page, re.S).group(1)
        cells = re.findall(r"<td[^>]*>([^<]*)</td>", row)
        assert cells == ["积分捐赠", "CHARITY2026", "星河爱心助学", "1", "300"], cells
    csv_text = person.get("/reports/daily.csv", day=day, terminal=tid).text
    assert "星河爱心助学" in csv_text and "300" in csv_text


def test_the_servers_daily_report_names_a_reversed_operation_by_its_business_reference(office, make_terminal):
    """The console's daily report counts operations with the desks' own rule (membership.report_data):
    a reversal names what it reversed by kind and business reference, as the desk's report does."""
    from datetime import date

    from sync.reports import activity

    desk = make_terminal(office, 46, name="冲正服务台")
    member = enroll(desk.services, desk.desk, phone="13900000046", name="郑六").member_no
    earned = desk.services.earn(desk.cashier, member, 20_000)
    desk.services.reverse(desk.manager, earned.op_id, "顾客退货", pin="1234")
    desk.sync()
    tid = desk.store.terminal().terminal_id
    day = office.scalar("SELECT business_day FROM ops WHERE kind = 'reverse' AND terminal_id = :t", t=tid)
    [on_desk] = activity(desk.store, date.fromisoformat(day)).reversals
    assert (on_desk.original_kind, on_desk.original_ref) == ("earn", earned.op_ref) and earned.op_ref
    csv_text = logged_in(office).get("/reports/daily.csv", day=day, terminal=tid).text
    [line] = [row for row in csv_text.splitlines() if on_desk.op_ref in row]
    assert earned.op_ref in line and "顾客退货" in line, line
