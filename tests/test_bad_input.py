"""Bad input at the desk: each is refused with a clear message and nothing is written anywhere."""

from __future__ import annotations

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
    ]


@pytest.mark.parametrize("index", range(len(cases("0070000013"))))
def test_bad_input_is_refused_with_a_message_and_writes_nothing(index, services, store, member, manager, desk, cashier):
    name, role, call = cases(member)[index]
    session = {"manager": manager, "desk": desk, "cashier": cashier}[role]
    before = fingerprint(store)
    with pytest.raises(USER_ERRORS) as err:
        call(services, session)
    message = err.value.message
    english = str(message)
    chinese = message.render(catalog("zh_CN"))
    assert english and chinese, name
    assert "Traceback" not in english and "sqlite" not in english.lower(), name
    after = fingerprint(store)
    if getattr(err.value, "code", None) == "not_permitted":
        # A refused attempt is audited (one row, docs/SECURITY.md); nothing else changes.
        assert {k: v for k, v in after.items() if k != "audit"} == {k: v for k, v in before.items() if k != "audit"}
        last = store.query_one("SELECT action, staff_no FROM audit ORDER BY id DESC LIMIT 1")
        assert (last["action"], last["staff_no"]) == ("permission_refused", session.staff_no), name
        assert int(after["audit"].split(":")[0]) == int(before["audit"].split(":")[0]) + 1, name
    else:
        assert after == before, name
