"""Table-driven tests of every default in PRODUCT.md, through the pure decision functions."""

from __future__ import annotations

from datetime import UTC, date, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from membership import decisions as dec
from membership import ledger
from membership.decisions import Context, MemberState, Refused
from membership.masterdata import default_masterdata_dir, load_masterdata
from membership.money import points_for_spend
from membership.rules import RulesError, default_rules, load_rules, rules_from_dict
from membership.validation import Birthday

RULES = default_rules()
MASTER = load_masterdata(default_masterdata_dir(), RULES)
SH = ZoneInfo("Asia/Shanghai")


def at(local: str) -> datetime:
    return datetime.fromisoformat(local).replace(tzinfo=SH).astimezone(UTC)


def ctx(local: str = "2026-11-20 10:00", online: bool = False) -> Context:
    return Context(RULES, MASTER, at(local), online)


def state(**kw) -> MemberState:
    base = dict(
        member_no="0070000013",
        name="张三",
        phone="13812345678",
        birthday=Birthday(3, 15),
        tier="regular",
        enrolled_on=date(2025, 1, 1),
    )
    base.update(kw)
    return MemberState(**base)


def earn(s: MemberState, yuan: int, local: str = "2026-11-20 10:00", category: str = "general", discount=False):
    return dec.decide_earn(
        s,
        {
            "member_no": s.member_no,
            "amount_fen": yuan * 100,
            "category": category,
            "apply_discount": discount,
            "pos_ref": "",
        },
        ctx(local),
    )


# -- tiers ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "threshold_yuan", "multiplier", "discount", "parking"),
    [
        ("regular", 0, "1", "0", 1),
        ("silver", 5000, "1.2", "10", 2),
        ("gold", 10000, "1.5", "15", 3),
        ("diamond", 20000, "2", "20", 5),
    ],
)
def test_tier_table_matches_the_programme(code, threshold_yuan, multiplier, discount, parking):
    tier = RULES.tier(code)
    assert tier.qualifying_spend_fen == threshold_yuan * 100
    assert tier.points_multiplier == Fraction(multiplier)
    assert tier.discount_percent == Fraction(discount)
    assert tier.parking_hours == parking


@pytest.mark.parametrize(
    ("spend_yuan", "tier"),
    [
        (0, "regular"),
        (4999, "regular"),
        (5000, "silver"),
        (9999, "silver"),
        (10000, "gold"),
        (19999, "gold"),
        (20000, "diamond"),
        (1_000_000, "diamond"),
    ],
)
def test_tier_for_rolling_spend(spend_yuan, tier):
    assert RULES.tier_for_spend(spend_yuan * 100).code == tier


@pytest.mark.parametrize(
    ("tier", "yuan", "points"),
    [
        ("regular", 100, 100),
        ("silver", 100, 120),
        ("gold", 99, 148),
        ("diamond", 100, 200),
        ("silver", 1, 1),
        ("gold", 1, 1),
        ("regular", 0, 0),
    ],
)
def test_points_per_yuan_by_tier_floored_once(tier, yuan, points):
    decision = earn(state(tier=tier), yuan) if yuan else None
    if decision is None:
        assert points_for_spend(0, RULES.tier(tier).points_multiplier) == 0
        return
    assert decision.points_delta() == points


def test_points_floored_once_not_per_factor():
    # ¥333 × 1.5 (gold) × 1.5 (cosmetics) = 749.25 → 749; flooring after each factor would give 748.
    assert earn(state(tier="gold"), 333, category="cosmetics").points_delta() == 749
    # ¥0.99 × 2.25 = 2.2275 → 2; flooring the amount to whole yuan first would give 0.
    decision = dec.decide_earn(
        state(tier="gold"),
        {"member_no": "0070000013", "amount_fen": 99, "category": "cosmetics", "apply_discount": False, "pos_ref": ""},
        ctx(),
    )
    assert decision.points_delta() == 2


def test_upgrade_happens_at_once_when_spend_crosses_threshold():
    s = state(spend_rolling_fen=4_900_00)
    decision = earn(s, 100)
    assert decision.member_changes["tier"] == "silver"
    # Points for the purchase that crossed are at the old tier's multiplier.
    assert decision.points_delta() == 100


def test_upgrade_can_skip_tiers():
    assert earn(state(spend_rolling_fen=0), 25_000).member_changes["tier"] == "diamond"


def test_tier_discount_applied_at_checkout():
    decision = earn(state(tier="gold"), 1000, discount=True)
    assert decision.value_fen == 15_000  # 15% of ¥1000
    assert decision.points_delta() == 1275  # points on the ¥850 paid, × 1.5


# -- campaigns --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("local", "category", "expected"),
    [
        ("2026-11-20 10:00", "general", 100),  # ordinary Friday
        ("2026-11-11 10:00", "general", 200),  # double-points day
        ("2026-12-12 21:00", "general", 200),  # double-points day, evening
        ("2026-11-18 10:00", "general", 200),  # member day (18th)
        ("2026-11-20 10:00", "cosmetics", 150),  # category multiplier
        ("2026-11-11 10:00", "cosmetics", 300),  # double × 1.5 = 3
        ("2026-11-18 10:00", "cosmetics", 300),
    ],  # member day × 1.5, capped at 3
)
def test_campaign_multipliers(local, category, expected):
    assert earn(state(), 100, local, category).points_delta() == expected


def test_campaign_multiplier_is_capped():
    # Member day ×2 and cosmetics ×1.5 would be 3; a double-points date on member day would make 6 → capped at 3.
    assert RULES.campaign_multiplier(date(2026, 11, 18), "cosmetics") == Fraction(3)
    capped = rules_from_dict(
        {**_rules_data(), "campaigns": {**_rules_data()["campaigns"], "double_points_dates": ["2026-11-18"]}}
    )
    assert capped.campaign_multiplier(date(2026, 11, 18), "cosmetics") == Fraction(3)
    assert capped.campaign_multiplier(date(2026, 11, 18), "general") == Fraction(3)  # 2 × 2 = 4 → 3


def _rules_data():
    import tomllib

    from membership.rules import default_rules_path

    return tomllib.loads(default_rules_path().read_text(encoding="utf-8"))


def test_business_day_cutover_counts_small_hours_to_the_previous_day():
    # 2026-11-12 02:00 local is still business day 11-11 (cut-over 04:00): double points.
    assert earn(state(), 100, "2026-11-12 02:00").points_delta() == 200
    assert earn(state(), 100, "2026-11-12 05:00").points_delta() == 100


def test_silver_birthday_double_points_on_the_day_only():
    s = state(tier="silver", birthday=Birthday(11, 20))
    assert earn(s, 100).points_delta() == 240
    assert earn(s, 100, "2026-11-21 10:00").points_delta() == 120
    assert earn(state(tier="regular", birthday=Birthday(11, 20)), 100).points_delta() == 100


# -- welcome and referral -------------------------------------------------------------------------------


def _enroll_payload(referrer=None):
    return {
        "member_no": "0070000021",
        "name": "李四",
        "phone": "13900001111",
        "birthday": "--05-01",
        "gender": "",
        "referrer_no": referrer,
        "channel": "desk",
        "privacy_consent": {"accepted": True, "wording_version": "P1", "at": "x"},
        "marketing_consent": {"accepted": False, "wording_version": "M1", "at": "x"},
    }


def test_welcome_points_on_enrollment():
    decision = dec.decide_enroll(_enroll_payload(), ctx(), None)
    assert [(x.member_no, x.delta, x.kind) for x in decision.ledger] == [("0070000021", 100, "welcome")]


def test_referral_points_for_both():
    decision = dec.decide_enroll(_enroll_payload("0070000013"), ctx(), state())
    by_member = {(x.member_no, x.kind): x.delta for x in decision.ledger}
    assert by_member == {
        ("0070000021", "welcome"): 100,
        ("0070000021", "referral"): 100,
        ("0070000013", "referral"): 200,
    }


def test_unknown_referrer_refused():
    with pytest.raises(Refused) as err:
        dec.decide_enroll(_enroll_payload("0070000013"), ctx(), None)
    assert err.value.code == "referrer_unknown"


# -- receipt crediting ------------------------------------------------------------------------------------


def receipt(
    s: MemberState, yuan=500, purchased="2026-11-19", approved=None, existing=None, manager=False, tenant="F101"
):
    return dec.decide_credit_receipt(
        s,
        {
            "member_no": s.member_no,
            "tenant_code": tenant,
            "receipt_no": "R1",
            "amount_fen": yuan * 100,
            "purchase_date": purchased,
            "approved_by": approved,
        },
        ctx(),
        existing,
        manager,
    )


@pytest.mark.parametrize(
    ("purchased", "ok"), [("2026-11-20", True), ("2026-11-13", True), ("2026-11-12", False), ("2026-11-21", False)]
)
def test_receipt_age_limit_seven_days(purchased, ok):
    if ok:
        assert receipt(state(), purchased=purchased).points_delta() == 500
    else:
        with pytest.raises(Refused) as err:
            receipt(state(), purchased=purchased)
        assert err.value.code in ("receipt_too_old", "receipt_in_future")


def test_receipt_campaign_judged_on_purchase_day():
    # Bought on member day (11-18, ×2) and brought to the desk on 11-20: the purchase day's campaign counts.
    assert receipt(state(), purchased="2026-11-18").points_delta() == 1000
    assert receipt(state(), purchased="2026-11-19").points_delta() == 500


def test_receipt_daily_count_needs_manager_after_ten():
    s = state(receipts_today=10)
    with pytest.raises(Refused) as err:
        receipt(s)
    assert err.value.code == "receipt_needs_manager"
    assert receipt(s, approved="M001", manager=True).points_delta() > 0
    assert receipt(state(receipts_today=9)).points_delta() > 0


def test_receipt_above_threshold_needs_manager():
    with pytest.raises(Refused) as err:
        receipt(state(), yuan=5001)
    assert err.value.code == "receipt_needs_manager"
    assert receipt(state(), yuan=5000).points_delta() == 5000
    assert receipt(state(), yuan=5001, approved="M001", manager=True).points_delta() > 0
    with pytest.raises(Refused):  # approver named but not a manager
        receipt(state(), yuan=5001, approved="D001", manager=False)


def test_receipt_credited_once_ever():
    existing = dec.ReceiptRecord("F101", "R1", "0070000099", "2026-11-19T07:02:00.000Z", "服务台 2")
    with pytest.raises(Refused) as err:
        receipt(state(), existing=existing)
    assert err.value.code == "receipt_already_credited"
    assert "服务台 2" in str(err.value.message) and "2026-11-19 15:02" in str(err.value.message)  # local time


def test_receipt_unknown_tenant():
    with pytest.raises(Refused) as err:
        receipt(state(), tenant="ZZ99")
    assert err.value.code == "tenant_unknown"


# -- expiry and FIFO ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earned", "last_day"),
    [
        (date(2025, 1, 1), date(2026, 12, 31)),
        (date(2025, 12, 31), date(2026, 12, 31)),
        (date(2026, 6, 1), date(2027, 12, 31)),
    ],
)
def test_points_expire_at_end_of_following_year(earned, last_day):
    assert RULES.expiry_date(earned) == last_day
    assert not ledger.lot_lapsed(earned.year, last_day, RULES)
    assert ledger.lot_lapsed(earned.year, date(last_day.year + 1, 1, 1), RULES)


def test_expiry_entry_written_with_the_next_operation_after_year_end():
    s = state(lots={2024: 300, 2025: 500})
    decision = earn(s, 100, "2026-01-05 10:00")
    expired = [x for x in decision.ledger if x.kind == "expire"]
    assert [(x.lot_year, x.delta) for x in expired] == [(2024, -300)]


def test_redemption_uses_oldest_points_first():
    s = state(lots={2025: 400, 2026: 2000})
    decision = dec.decide_redeem_gift(
        s,
        {
            "member_no": s.member_no,
            "item_code": "G001",
            "quantity": 1,
            "online": True,
            "coupon_code": None,
            "approved_by": None,
        },
        ctx(online=True),
        10,
    )
    assert [(x.lot_year, x.delta) for x in decision.ledger] == [(2025, -400), (2026, -1100)]


def test_expiring_next_shows_oldest_lot():
    assert ledger.expiring_next({2025: 400, 2026: 10}, date(2026, 11, 20), RULES) == (400, date(2026, 12, 31))
    assert ledger.expiring_next({2024: 400, 2026: 10}, date(2026, 11, 20), RULES) == (10, date(2027, 12, 31))


# -- benefits ----------------------------------------------------------------------------------------


def claim(s, benefit, local="2026-11-20 10:00", coupon=None):
    return dec.decide_claim_benefit(
        s, {"member_no": s.member_no, "benefit": benefit, "coupon_code": coupon}, ctx(local)
    )


def test_birthday_gift_once_a_year_in_birthday_month():
    s = state(birthday=Birthday(11, 2))
    decision = claim(s, "birthday")
    assert decision.claims[0][:2] == ("birthday", "2026")
    with pytest.raises(Refused) as err:
        claim(state(birthday=Birthday(11, 2), claims=frozenset({("birthday", "2026")})), "birthday")
    assert err.value.code == "benefit_already_claimed"
    # Next year it is available again.
    assert (
        claim(
            state(birthday=Birthday(11, 2), claims=frozenset({("birthday", "2026")})), "birthday", "2027-11-03 10:00"
        ).claims[0][1]
        == "2027"
    )
    with pytest.raises(Refused) as err:
        claim(state(birthday=Birthday(3, 15)), "birthday")
    assert err.value.code == "not_birthday_month"


def test_gold_birthday_issues_a_coupon():
    decision = claim(state(tier="gold", birthday=Birthday(11, 2)), "birthday", coupon="CBDAY50-00700001F")
    assert decision.coupons_issued[0].definition == "BDAY50"


@pytest.mark.parametrize(("tier", "hours"), [("regular", "1"), ("silver", "2"), ("gold", "3"), ("diamond", "5")])
def test_parking_hours_by_tier_once_a_day(tier, hours):
    decision = claim(state(tier=tier), "parking")
    assert decision.claims == [("parking", "2026-11-20", hours)]
    with pytest.raises(Refused):
        claim(state(tier=tier, claims=frozenset({("parking", "2026-11-20")})), "parking")
    assert claim(state(tier=tier, claims=frozenset({("parking", "2026-11-20")})), "parking", "2026-11-21 10:00")


def test_member_day_gift_only_on_member_day():
    with pytest.raises(Refused) as err:
        claim(state(), "member_day")
    assert err.value.code == "not_member_day"
    assert claim(state(), "member_day", "2026-11-18 10:00").claims[0][:2] == ("member_day", "2026-11-18")


# -- annual review -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tier", "spend_yuan", "after"),
    [
        ("diamond", 0, "gold"),
        ("gold", 0, "silver"),
        ("silver", 0, "regular"),
        ("gold", 12000, None),
        ("diamond", 6000, "gold"),
        ("regular", 0, None),
    ],
)
def test_annual_review_downgrades_one_step_at_most(tier, spend_yuan, after):
    s = state(tier=tier, spend_rolling_fen=spend_yuan * 100)
    decision = dec.decide_tier_review(
        s, {"member_no": s.member_no, "review_date": "2027-01-01"}, ctx("2027-01-01 10:00")
    )
    assert decision.member_changes.get("tier") == after


# -- offline cap and cash offset --------------------------------------------------------------------


def test_offline_redemption_cap_per_member_per_day():
    s = state(lots={2026: 10_000}, offline_redeemed_today=1500)
    payload = {
        "member_no": s.member_no,
        "item_code": "G002",
        "quantity": 1,
        "online": False,
        "coupon_code": None,
        "approved_by": None,
    }
    assert dec.decide_redeem_gift(s, payload, ctx(), 10).points_delta() == -300  # 1500 + 300 ≤ 2000
    payload["item_code"] = "P001"
    s2 = state(lots={2026: 10_000}, offline_redeemed_today=1700)
    with pytest.raises(Refused) as err:
        dec.decide_redeem_gift(s2, payload, ctx(), 10)
    assert err.value.code == "offline_cap"
    assert dec.decide_redeem_gift(s2, payload, ctx(online=True), 10).points_delta() == -400


@pytest.mark.parametrize(
    ("points", "purchase", "ok", "value"),
    [(1000, 10_000, True, 1000), (5000, 10_000, True, 5000), (5001, 10_000, False, 0)],
)
def test_cash_offset_rate_and_limit(points, purchase, ok, value):
    s = state(lots={2026: 100_000})
    payload = {"member_no": s.member_no, "points": points, "purchase_amount_fen": purchase, "online": True}
    if ok:
        assert dec.decide_cash_offset(s, payload, ctx(online=True)).value_fen == value
    else:
        with pytest.raises(Refused):
            dec.decide_cash_offset(s, payload, ctx(online=True))


# -- loading rules -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        (("tiers", 1, "points_multiplier"), "abc", "tiers[1].points_multiplier"),
        (("tiers", 2, "qualifying_spend_yuan"), 100, "tiers[2].qualifying_spend_yuan"),
        (("receipt_credit", "max_age_days"), -1, "receipt_credit.max_age_days"),
        (("campaigns", "member_day", "day_of_month"), 31, "campaigns.member_day.day_of_month"),
        (("timezone",), "Mars/Olympus", "timezone"),
        (("tiers", 0, "name", "en"), "", "tiers[0].name.en"),
        (("redemption", "cash_offset_points_per_yuan"), 1.5, "redemption.cash_offset_points_per_yuan"),
    ],
)
def test_invalid_rules_name_the_field(path, value, field):
    import copy
    import tomllib

    from membership.rules import default_rules_path

    data = tomllib.loads(default_rules_path().read_text(encoding="utf-8"))
    target = copy.deepcopy(data)
    node = target
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(RulesError) as err:
        rules_from_dict(target)
    assert str(err.value).startswith(field)


def test_rules_file_that_is_not_toml(tmp_path):
    bad = tmp_path / "rules.toml"
    bad.write_text("tiers = [", encoding="utf-8")
    with pytest.raises(RulesError, match="not valid TOML"):
        load_rules(bad)


def test_every_independent_mistake_is_reported_each_at_its_field():
    import tomllib

    from membership.i18n import catalog
    from membership.rules import default_rules_path

    data = tomllib.loads(default_rules_path().read_text(encoding="utf-8"))
    data["timezone"] = "Mars/Olympus"
    data["tiers"][2]["points_multiplier"] = "1000"
    del data["receipt_credit"]["max_age_days"]
    data["donation"][0]["code"] = "charity"
    with pytest.raises(RulesError) as err:
        rules_from_dict(data)
    problems = err.value.problems
    assert [p.field for p in problems] == [
        "timezone",
        "tiers[2].points_multiplier",
        "receipt_credit.max_age_days",
        "donation[0].code",
    ]
    # The first problem stays the exception's text and message, as callers that show one expect.
    assert str(err.value) == "timezone: unknown time zone 'Mars/Olympus'" == str(problems[0])
    assert err.value.message.render(catalog("zh_CN")) == "timezone：未知时区 'Mars/Olympus'"
    rendered = [p.message.render(catalog("zh_CN")) for p in problems]
    assert rendered[1:] == ["必须在 0 与 100 之间，实际为 '1000'", "缺少此项", "请用大写字母，实际为 'charity'"]
    # A missing table is one problem, not one per key inside it.
    del data["rfm"]
    with pytest.raises(RulesError) as err:
        rules_from_dict(data)
    assert [p.field for p in err.value.problems].count("rfm") == 1
    assert not any(p.field.startswith("rfm.") for p in err.value.problems)
