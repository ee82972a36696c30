"""Bad input at the desk: each is refused with a clear message and nothing is written anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import fingerprint

from membership.i18n import catalog
from sync.services import USER_ERRORS

FORGED_TOKEN = "M" + "A" * 116
SQL = "'); DROP TABLE members; --"


def cases(member: str):
    """(description, role, call) — call(services, session) must be refused."""
    return [
        (
            "malformed phone",
            "desk",
            lambda s, se: s.enroll(
                se, name="张三", phone="1234", birthday="03-15", privacy_accepted=True, marketing_accepted=True
            ),
        ),
        (
            "phone with letters",
            "desk",
            lambda s, se: s.enroll(
                se, name="张三", phone="138abcd5678", birthday="03-15", privacy_accepted=True, marketing_accepted=True
            ),
        ),
        (
            "no privacy consent",
            "desk",
            lambda s, se: s.enroll(
                se, name="张三", phone="13900001234", birthday="03-15", privacy_accepted=False, marketing_accepted=True
            ),
        ),
        (
            "oversized name",
            "desk",
            lambda s, se: s.enroll(
                se,
                name="张" * 200,
                phone="13900001234",
                birthday="03-15",
                privacy_accepted=True,
                marketing_accepted=True,
            ),
        ),
        (
            "odd-unicode name",
            "desk",
            lambda s, se: s.enroll(
                se,
                name="张\u202e三\u200d",
                phone="13900001234",
                birthday="03-15",
                privacy_accepted=True,
                marketing_accepted=True,
            ),
        ),
        (
            "emoji name",
            "desk",
            lambda s, se: s.enroll(
                se, name="张三🎉", phone="13900001234", birthday="03-15", privacy_accepted=True, marketing_accepted=True
            ),
        ),
        (
            "SQL-looking name",
            "desk",
            lambda s, se: s.enroll(
                se, name=SQL, phone="13900001234", birthday="03-15", privacy_accepted=True, marketing_accepted=True
            ),
        ),
        (
            "impossible birthday",
            "desk",
            lambda s, se: s.enroll(
                se, name="张三", phone="13900001234", birthday="02-30", privacy_accepted=True, marketing_accepted=True
            ),
        ),
        (
            "unknown referrer",
            "desk",
            lambda s, se: s.enroll(
                se,
                name="张三",
                phone="13900001234",
                birthday="03-15",
                referrer_no="0070009993",
                privacy_accepted=True,
                marketing_accepted=True,
            ),
        ),
        ("negative amount", "cashier", lambda s, se: s.earn(se, member, -100)),
        ("zero amount", "cashier", lambda s, se: s.earn(se, member, 0)),
        ("absurd amount", "cashier", lambda s, se: s.earn(se, member, 10**15)),
        ("float amount", "cashier", lambda s, se: s.earn(se, member, 12.5)),
        ("bool amount", "cashier", lambda s, se: s.earn(se, member, True)),
        ("unknown member", "cashier", lambda s, se: s.earn(se, "0070009993", 100)),
        ("member number with bad check digit", "cashier", lambda s, se: s.earn(se, "0070000014", 100)),
        ("SQL-looking member", "cashier", lambda s, se: s.earn(se, SQL, 100)),
        (
            "SQL-looking receipt number",
            "desk",
            lambda s, se: s.credit_receipt(se, member, "F101", SQL, 100, "2026-11-20"),
        ),
        ("SQL-looking tenant", "desk", lambda s, se: s.credit_receipt(se, member, SQL, "R1", 100, "2026-11-20")),
        ("unknown tenant", "desk", lambda s, se: s.credit_receipt(se, member, "ZZ99", "R1", 100, "2026-11-20")),
        ("receipt date not a date", "desk", lambda s, se: s.credit_receipt(se, member, "F101", "R1", 100, "yesterday")),
        ("receipt in the future", "desk", lambda s, se: s.credit_receipt(se, member, "F101", "R1", 100, "2026-12-01")),
        ("unknown gift", "desk", lambda s, se: s.redeem_gift(se, member, "NOPE")),
        ("absurd quantity", "desk", lambda s, se: s.redeem_gift(se, member, "G002", 10**6)),
        ("negative cash offset", "cashier", lambda s, se: s.redeem_cash_offset(se, member, -100, 10_000)),
        ("forged member QR", "desk", lambda s, se: s.lookup(se, FORGED_TOKEN)),
        ("truncated member QR", "desk", lambda s, se: s.lookup(se, FORGED_TOKEN[:60])),
        ("forged coupon", "cashier", lambda s, se: s.verify_coupon(se, "CRED20-00700001A")),
        ("SQL-looking coupon", "cashier", lambda s, se: s.verify_coupon(se, SQL)),
        ("unknown benefit", "desk", lambda s, se: s.claim_benefit(se, member, "free-car")),
        (
            "reverse unknown op",
            "manager",
            lambda s, se: s.reverse(se, "01a20000-0000-7000-8000-000000000000", "x", pin="1234"),
        ),
        (
            "reverse without reason",
            "manager",
            lambda s, se: s.reverse(se, "01a20000-0000-7000-8000-000000000000", " ", pin="1234"),
        ),
        ("cashier adjusts points", "cashier", lambda s, se: s.adjust(se, member, 1000, "gift to friend", pin="1234")),
        ("desk reverses", "desk", lambda s, se: s.reverse(se, "01a20000-0000-7000-8000-000000000000", "x", pin="1234")),
        (
            "cashier credits receipt",
            "cashier",
            lambda s, se: s.credit_receipt(se, member, "F101", "R9", 100, "2026-11-20"),
        ),
        ("cashier reveals phone", "cashier", lambda s, se: s.reveal_phone(se, member, pin="1234")),
        ("cashier adds staff", "cashier", lambda s, se: s.add_staff(se, "X1", "黑客", "manager", "0000")),
        ("adjust by zero", "manager", lambda s, se: s.adjust(se, member, 0, "nothing", pin="1234")),
        ("adjust with control characters", "manager", lambda s, se: s.adjust(se, member, 5, "a\u0000b", pin="1234")),
        ("edit unknown field", "desk", lambda s, se: s.edit_profile(se, member, {"tier": "diamond"})),
        # issue 12: what staff really type
        ("gift quantity 0", "desk", lambda s, se: s.redeem_gift(se, member, "G002", 0)),
        ("gift quantity negative", "desk", lambda s, se: s.redeem_gift(se, member, "G002", -2)),
        ("unknown category", "cashier", lambda s, se: s.earn(se, member, 10_000, "cosmetic")),
        ("gender not a choice", "desk", lambda s, se: s.edit_profile(se, member, {"gender": "robot"})),
        ("birthday in the future", "desk", lambda s, se: s.edit_profile(se, member, {"birthday": "2026-12-25"})),
        ("birthday too long ago", "desk", lambda s, se: s.edit_profile(se, member, {"birthday": "1890-03-15"})),
        ("birthday not in the calendar", "desk", lambda s, se: s.edit_profile(se, member, {"birthday": "02-30"})),
        ("receipt date 02-30", "desk", lambda s, se: s.credit_receipt(se, member, "F101", "R1", 100, "2026-02-30")),
        ("receipt too old", "desk", lambda s, se: s.credit_receipt(se, member, "F101", "R1", 100, "2026-10-01")),
        (
            "desk clerk named as approver",
            "desk",
            lambda s, se: s.credit_receipt(se, member, "F101", "R2", 600_000, "2026-11-19", approver=("C001", "3456")),
        ),
        ("donation campaign unknown", "desk", lambda s, se: s.donate_points(se, member, "NOPE", 100)),
        ("donation of zero points", "desk", lambda s, se: s.donate_points(se, member, "CHARITY2026", 0)),
    ]


def test_bad_input_is_refused_with_a_message_and_writes_nothing(services, store, member, manager, desk, cashier):
    # One registered desk for every case (each case is checked against the store as it was just before it).
    for name, role, call in cases(member):
        session = {"manager": manager, "desk": desk, "cashier": cashier}[role]
        before = fingerprint(store)
        with pytest.raises(USER_ERRORS) as err:
            call(services, session)
        message = err.value.message
        english = str(message)
        chinese = message.render(catalog("zh_CN"))
        assert english and chinese, name
        assert chinese != english or not any("a" <= c <= "z" for c in english), f"{name}: not translated"
        assert "Traceback" not in english and "sqlite" not in english.lower(), name
        after = fingerprint(store)
        if getattr(err.value, "code", None) == "not_permitted":
            # A refused attempt is audited (one row, docs/SECURITY.md); nothing else changes.
            assert {k: v for k, v in after.items() if k != "audit"} == {
                k: v for k, v in before.items() if k != "audit"
            }, name
            last = store.query_one("SELECT action, staff_no FROM audit ORDER BY id DESC LIMIT 1")
            assert (last["action"], last["staff_no"]) == ("permission_refused", session.staff_no), name
            assert int(after["audit"].split(":")[0]) == int(before["audit"].split(":")[0]) + 1, name
        else:
            assert after == before, name
    assert len(cases(member)) >= 50


def _message(call, services, session) -> tuple[str, str]:
    with pytest.raises(USER_ERRORS) as err:
        call(services, session)
    return getattr(err.value, "code", None) or getattr(err.value, "field", ""), str(err.value.message)


def test_each_kind_of_bad_date_and_person_gets_its_own_message(services, member, desk):
    """Not one message for every bad date: the clerk is told which thing is wrong."""
    dates = {
        name: _message(call, services, desk)[1]
        for name, call in {
            "format": lambda s, se: s.credit_receipt(se, member, "F101", "R1", 100, "20/11/2026"),
            "calendar": lambda s, se: s.credit_receipt(se, member, "F101", "R1", 100, "2026-02-30"),
            "future": lambda s, se: s.credit_receipt(se, member, "F101", "R1", 100, "2026-12-01"),
            "too old": lambda s, se: s.credit_receipt(se, member, "F101", "R1", 100, "2026-10-01"),
        }.items()
    }
    assert len(set(dates.values())) == 4, dates
    assert "2026-11-20" in dates["format"] and "calendar" in dates["calendar"]
    assert "future" in dates["future"] and "days" in dates["too old"]
    birthdays = {
        text: _message(lambda s, se, t=text: s.edit_profile(se, member, {"birthday": t}), services, desk)[1]
        for text in ("3月15日", "02-30", "2026-12-25", "1890-03-15")
    }
    assert len(set(birthdays.values())) == 4, birthdays
    assert "future" in birthdays["2026-12-25"] and "120 years" in birthdays["1890-03-15"]
    code, text = _message(
        lambda s, se: s.credit_receipt(se, member, "F101", "R2", 600_000, "2026-11-19", approver=("D001", "2345")),
        services,
        desk,
    )
    assert code == "approver_not_manager" and "not a manager" in text and "PIN" not in text
    code, text = _message(lambda s, se: s.earn(se, member, 10_000, "cosmetic"), services, desk)
    assert code == "category_unknown" and "cosmetics" in text and "dining" in text and "general" in text
    code, text = _message(lambda s, se: s.edit_profile(se, member, {"gender": "robot"}), services, desk)
    assert "女" in text and "male" in text


def test_what_a_careful_product_accepts(services, store, member, desk, cashier):
    grouped = f"{member[:3]} {member[3:9]} {member[9]}"
    for typed in (grouped, f"{member[:3]}-{member[3:9]}-{member[9]}", f"  {member} "):
        assert [h.member_no for h in services.lookup(desk, typed)] == [member], typed
    assert services.summary(desk, grouped).member_no == member
    assert services.earn(cashier, grouped, 10_000).member_no == member
    for typed, stored in (("男", "male"), ("女", "female"), ("Male", "male"), ("FEMALE", "female"), ("其他", "other")):
        services.edit_profile(desk, member, {"gender": typed})
        assert store.member_row(member)["gender"] == stored, typed
    ok = services.credit_receipt(desk, member, "F101", "SP-1", 10_000, "  2026-11-19 ")
    assert json.loads(store.scalar("SELECT payload FROM oplog WHERE op_id = ?", (ok.op_id,)))["purchase_date"] == (
        "2026-11-19"
    )
    assert services.credit_receipt(desk, member, "F101", "SP-2", 10_000, "2026/11/19").kind == "credit_receipt"


# -- the command line: a message, a non-zero exit, no traceback, nothing written -----------------------------------

ROOT = Path(__file__).resolve().parent.parent


def cli(db: Path, *args: str, lang: str = "zh_CN") -> subprocess.CompletedProcess:
    env = {**os.environ, "MEMBERDESK_DB": str(db), "MEMBERDESK_LANG": lang, "MEMBERDESK_NOW": "2026-11-20T02:00:00Z"}
    return subprocess.run(
        [sys.executable, "-m", "sync.cli", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory) -> tuple[Path, str]:
    """A store made with the command line, one member with points; each test works on a copy."""
    db = tmp_path_factory.mktemp("cli") / "desk.sqlite3"
    for args in (
        ("init", "--terminal-code", "12", "--name", "服务台 3"),
        ("staff-add", "D001", "--name", "李娜", "--role", "desk", "--pin", "2345"),
        ("staff-add", "C001", "--name", "陈晨", "--role", "cashier", "--pin", "3456"),
        ("staff-add", "M001", "--name", "王经理", "--role", "manager", "--pin", "1234"),
    ):
        assert cli(db, *args).returncode == 0
    out = cli(
        db,
        "do",
        "enroll",
        "--staff",
        "D001",
        "--pin",
        "2345",
        "--name",
        "张三",
        "--phone",
        "13812345678",
        "--birthday",
        "03-15",
        "--privacy",
        "--json",
    )
    member = json.loads(out.stdout)["member_no"]
    assert (
        cli(db, "do", "earn", "--staff", "C001", "--pin", "3456", "--member", member, "--amount", "500").returncode == 0
    )
    return db, member


def _copy(cli_store, tmp_path) -> tuple[Path, str]:
    from conftest import copy_store

    db, member = cli_store
    return copy_store(db, tmp_path / "desk.sqlite3"), member


def _oplog(db: Path) -> int:
    from sync.store import Store

    store = Store(db)
    try:
        return store.scalar("SELECT count(*) FROM oplog")
    finally:
        store.close()


def _refused(db: Path, *args: str, expect: str) -> str:
    before = _oplog(db)
    result = cli(db, *args)
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, result.stderr
    assert expect in result.stderr, result.stderr
    assert _oplog(db) == before
    return result.stderr


D = ("--staff", "D001", "--pin", "2345")


def test_cli_refuses_bad_input_with_a_translated_message(cli_store, tmp_path):
    db, member = _copy(cli_store, tmp_path)
    _refused(db, "do", "redeem-gift", *D, "--member", member, "--item", "G002", "--quantity", "0", expect="数量")
    _refused(db, "do", "redeem-gift", *D, "--member", member, "--item", "G002", "--quantity", "-1", expect="数量")
    _refused(
        db,
        "do",
        "earn",
        "--staff",
        "C001",
        "--pin",
        "3456",
        "--member",
        member,
        "--amount",
        "100",
        "--category",
        "cosmetic",
        expect="cosmetics",
    )
    _refused(
        db,
        "do",
        "credit-receipt",
        *D,
        "--member",
        member,
        "--tenant",
        "F101",
        "--receipt",
        "R1",
        "--amount",
        "6000",
        "--date",
        "2026-11-19",
        "--approver",
        "C001",
        "--approver-pin",
        "3456",
        expect="不是经理",
    )
    _refused(
        db,
        "do",
        "credit-receipt",
        *D,
        "--member",
        member,
        "--tenant",
        "F101",
        "--receipt",
        "R1",
        "--amount",
        "60",
        "--date",
        "2026-02-30",
        expect="日历",
    )
    _refused(db, "do", "edit-profile", *D, "--member", member, "--gender", "robot", expect="女")
    _refused(db, "do", "donate", *D, "--member", member, "--campaign", "NOPE", "--points", "100", expect="CHARITY2026")
    _refused(db, "do", "redeem-gift", *D, "--item", "G002", expect="会员号")  # no --member at all
    _refused(db, "rules-load", str(tmp_path / "nope.toml"), expect="nope.toml")
    _refused(db, "masterdata-load", str(tmp_path / "nowhere"), expect="tenants.toml")
    _refused(db, "demo", "--members", "-3", expect="1 至 2,000,000")
    header_only = tmp_path / "wrong.csv"
    header_only.write_text("名字,电话\n张三,13900001111\n", encoding="utf-8")
    _refused(db, "import-members", str(header_only), expect="未导入")


def test_cli_accepts_what_staff_type(cli_store, tmp_path):
    db, member = _copy(cli_store, tmp_path)
    grouped = f"{member[:3]} {member[3:9]} {member[9]}"
    out = cli(db, "lookup", *D, grouped)
    assert out.returncode == 0 and member in out.stdout, out.stderr
    out = cli(db, "do", "edit-profile", *D, "--member", grouped, "--gender", "男")
    assert out.returncode == 0, out.stderr
    out = cli(
        db,
        "do",
        "credit-receipt",
        *D,
        "--member",
        member,
        "--tenant",
        "F101",
        "--receipt",
        "R7",
        "--amount",
        "60",
        "--date",
        " 2026-11-19 ",
    )
    assert out.returncode == 0, out.stderr
    out = cli(db, "reprint", *D, "012-000002")  # the earn of the fixture, by the reference on its receipt
    assert out.returncode == 0 and '"op_ref": "012-000002"' in out.stdout, out.stderr
    out = cli(db, "do", "donate", *D, "--member", member, "--campaign", "charity2026", "--points", "100", "--json")
    assert (
        out.returncode == 0 and json.loads(out.stdout)["points_after"] == json.loads(out.stdout)["points_before"] - 100
    )


def test_cli_server_problems_are_messages_not_tracebacks(cli_store, tmp_path):
    from server_fixtures import free_port

    db, _ = _copy(cli_store, tmp_path)
    _refused(db, "sync", expect="尚未")  # not registered with any server
    _refused(db, "register", f"http://127.0.0.1:{free_port()}", "K3QF-7ZP2-MA9D", expect="无法连接")
    nowhere = tmp_path / "nowhere.sqlite3"
    result = cli(nowhere, "oplog")
    assert result.returncode != 0 and "Traceback" not in result.stderr and "init" in result.stderr, result.stderr
    assert not nowhere.exists()


def test_cli_imports_a_members_csv_saved_by_excel_as_gbk(cli_store, tmp_path):
    db, _ = _copy(cli_store, tmp_path)
    text = "name,phone,birthday,gender\n王小明,13900001111,1990-05-06,男\n李芳,13900002222,07-08,女\n"
    for encoding, name in (("gbk", "gbk.csv"), ("gb18030", "gb18030.csv"), ("utf-8-sig", "bom.csv")):
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        fresh = copy_from(db, tmp_path / f"{name}.sqlite3")
        out = cli(fresh, "import-members", str(path))
        assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
        out = cli(fresh, "lookup", *D, "王小明")
        assert out.returncode == 0 and "王**" in out.stdout, (encoding, out.stdout, out.stderr)
    _refused(db, "import-members", str(tmp_path / "missing.csv"), expect="missing.csv")


def copy_from(db: Path, destination: Path) -> Path:
    from conftest import copy_store

    return copy_store(db, destination)


def test_paper_slip_boxes_and_times(services, store, member, manager, desk, cashier):
    services.earn(cashier, member, 100_000)
    kit = services.issue_outage_kit(manager, {"gift": 1, "receipt": 1})
    gift, receipt = kit.serials["gift"][0], kit.serials["receipt"][0]
    before = fingerprint(store)
    seen = {}
    for name, serial, when, fields in (
        ("quantity 0", gift, "2026-11-20 09:30", {"member": member, "item_code": "G002", "quantity": 0}),
        ("quantity text", gift, "2026-11-20 09:30", {"member": member, "item_code": "G002", "quantity": "两个"}),
        (
            "amount text",
            receipt,
            "2026-11-20 09:30",
            {
                "member": member,
                "tenant_code": "F101",
                "receipt_no": "P1",
                "amount_fen": "abc",
                "purchase_date": "2026-11-20",
            },
        ),
        ("later than now", gift, "2026-11-20 11:30", {"member": member, "item_code": "G002"}),
        ("too old", gift, "2026-08-01 11:30", {"member": member, "item_code": "G002"}),
        ("not a time", gift, "昨天下午", {"member": member, "item_code": "G002"}),
    ):
        with pytest.raises(USER_ERRORS) as err:
            services.key_in_slip(desk, serial, when, "D001", fields)
        seen[name] = str(err.value.message)
        assert fingerprint(store) == before, name
    assert len({seen["later than now"], seen["too old"], seen["not a time"]}) == 3, seen
    assert "1 to 20" in seen["quantity 0"] and "两个" in seen["quantity text"] and "abc" in seen["amount text"]
    # With spaces around the time, and the member number in its printed groups, the slip goes in.
    grouped = f"{member[:3]} {member[3:9]} {member[9]}"
    ok = services.key_in_slip(desk, gift, " 2026-11-20  09:30 ", "D001", {"member": grouped, "item_code": "G002"})
    assert ok.member_no == member
