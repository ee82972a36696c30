"""Desk services end to end against a real SQLite store: every action, its state, log and audit rows."""

from __future__ import annotations

import json

import pytest
from conftest import enroll, fingerprint

from membership.codes import CodeError
from membership.decisions import Refused
from sync.auth import AuthError
from sync.services import DuplicatePhone


def balance(services, session, member_no):
    return services.summary(session, member_no).balance


def ops_and_audit(store, op_id):
    return (
        store.scalar("SELECT count(*) FROM oplog WHERE op_id = ?", (op_id,)),
        store.scalar("SELECT count(*) FROM audit WHERE op_id = ?", (op_id,)),
    )


def test_enroll_records_consents_welcome_points_and_a_scannable_code(services, desk, store, clock):
    result = enroll(services, desk)
    row = store.member_row(result.member_no)
    privacy = json.loads(row["privacy_consent"])
    marketing = json.loads(row["marketing_consent"])
    assert privacy == {"accepted": True, "wording_version": "P2026.1", "at": "2026-11-20T02:00:00.000Z"}
    assert marketing["accepted"] is False and marketing["wording_version"] == "M2026.1"
    assert result.receipt.points_after == 100 and result.receipt.phone_masked == "138****5678"
    assert ops_and_audit(store, result.op_id) == (1, 1)
    hits = services.lookup(desk, result.extra["member_token"])
    assert [h.member_no for h in hits] == [result.member_no]


def test_duplicate_phone_opens_the_existing_member(services, desk, member, store):
    before = fingerprint(store)
    with pytest.raises(DuplicatePhone) as err:
        enroll(services, desk, phone="+86 138-1234-5678", name="别人")
    assert err.value.member_no == member
    assert fingerprint(store) == before


def test_referral_credits_both(services, desk, member):
    new = enroll(services, desk, phone="13900001111", name="李四", referrer_no=member)
    assert balance(services, desk, new.member_no) == 200
    assert balance(services, desk, member) == 300


def test_member_numbers_are_sequential_on_this_terminal(services, desk):
    a = enroll(services, desk, phone="13900000001").member_no
    b = enroll(services, desk, phone="13900000002").member_no
    assert (a[:3], int(a[3:9]) + 1) == (b[:3], int(b[3:9]))


def test_earn_upgrades_and_persists_tier(services, cashier, member, store):
    result = services.earn(cashier, member, 600_000, "fashion")
    assert result.receipt.points_delta == 6000
    assert store.member_row(member)["tier"] == "silver"
    # The next purchase earns at silver's 1.2.
    assert services.earn(cashier, member, 10_000).receipt.points_delta == 120


def test_receipt_credited_once_and_limits(services, desk, member, store, clock):
    services.credit_receipt(desk, member, "f101", "a-001", 50_000, "2026-11-19")
    before = fingerprint(store)
    with pytest.raises(Refused) as err:
        services.credit_receipt(desk, member, "F101", "A-001", 50_000, "2026-11-19")
    assert err.value.code == "receipt_already_credited" and "服务台 1" in str(err.value.message)
    assert fingerprint(store) == before
    with pytest.raises(Refused) as err:
        services.credit_receipt(desk, member, "F101", "A-002", 600_000, "2026-11-19")
    assert err.value.code == "receipt_needs_manager"
    with pytest.raises(AuthError):
        services.credit_receipt(desk, member, "F101", "A-002", 600_000, "2026-11-19", approver=("M001", "9999"))
    ok = services.credit_receipt(desk, member, "F101", "A-002", 600_000, "2026-11-19", approver=("M001", "1234"))
    assert ok.receipt.points_delta == 6000
    assert store.scalar("SELECT payload FROM oplog WHERE op_id = ?", (ok.op_id,)).count('"approved_by":"M001"') == 1


def test_eleventh_receipt_of_the_day_needs_a_manager(services, desk, manager, member):
    for i in range(10):
        services.credit_receipt(desk, member, "F402", f"N{i}", 1_000, "2026-11-20")
    with pytest.raises(Refused) as err:
        services.credit_receipt(desk, member, "F402", "N10", 1_000, "2026-11-20")
    assert err.value.code == "receipt_needs_manager"
    assert services.credit_receipt(manager, member, "F402", "N10", 1_000, "2026-11-20").receipt.points_delta == 10


def test_gift_redemption_moves_stock_and_needs_points(services, desk, cashier, member, store):
    with pytest.raises(Refused) as err:
        services.redeem_gift(desk, member, "G001")
    assert err.value.code == "insufficient_points"
    services.earn(cashier, member, 200_000)
    stock = store.stock_level("G001")
    result = services.redeem_gift(desk, member, "G001")
    assert result.receipt.points_delta == -1500 and result.receipt.needs_signature
    assert store.stock_level("G001") == stock - 1


def test_out_of_stock_refused(services, desk, cashier, member, store, online):
    online.value = True  # 3000 points is above the offline cap
    services.earn(cashier, member, 1_000_000)
    with store.transaction() as conn:
        conn.execute("UPDATE stock SET quantity = 1 WHERE item_code = 'G003'")
    services.redeem_gift(desk, member, "G003")
    with pytest.raises(Refused) as err:
        services.redeem_gift(desk, member, "G003")
    assert err.value.code == "out_of_stock"


def test_coupon_from_catalogue_verified_once_and_released_by_reversal(services, desk, cashier, manager, member, store):
    services.earn(cashier, member, 200_000)
    code = services.redeem_gift(desk, member, "K001").extra["coupons_issued"][0]
    record, definition = services.check_coupon(cashier, code)
    assert record.status == "issued" and definition.value_fen == 2000
    with pytest.raises(Refused) as err:
        services.verify_coupon(cashier, code, purchase_amount_fen=5_000)
    assert err.value.code == "coupon_min_spend"
    used = services.verify_coupon(cashier, code, purchase_amount_fen=20_000)
    with pytest.raises(Refused) as err:
        services.verify_coupon(cashier, code, purchase_amount_fen=20_000)
    assert err.value.code == "coupon_used"
    services.reverse(manager, used.op_id, "wrong basket", pin="1234")
    assert store.coupon_record(code).status == "issued"
    services.verify_coupon(cashier, code, purchase_amount_fen=20_000)


def test_unknown_or_mistyped_coupons_refused(services, cashier):
    from membership.codes import coupon_serial, make_coupon_code

    made_up = make_coupon_code("RED20", coupon_serial(999, 12345))  # well-formed, but never issued
    with pytest.raises(Refused) as err:
        services.verify_coupon(cashier, made_up)
    assert err.value.code == "coupon_unknown"
    typo = made_up[:-1] + ("0" if made_up[-1] != "0" else "1")
    with pytest.raises(CodeError) as err:
        services.verify_coupon(cashier, typo)
    assert err.value.reason == "bad_check"


def test_cash_offset_at_checkout(services, cashier, desk, member):
    services.earn(cashier, member, 100_000)
    result = services.redeem_cash_offset(cashier, member, 500, 20_000)
    assert result.receipt.value_fen == 500 and result.receipt.points_delta == -500
    with pytest.raises(AuthError):  # desk staff do not take payments
        services.redeem_cash_offset(desk, member, 100, 20_000)


def test_offline_cap_then_online(services, desk, cashier, member, online):
    services.earn(cashier, member, 1_000_000)
    services.redeem_gift(desk, member, "G001")  # 1500 offline
    with pytest.raises(Refused) as err:
        services.redeem_gift(desk, member, "T001")  # +2500 > 2000 cap
    assert err.value.code == "offline_cap"
    online.value = True
    assert services.redeem_gift(desk, member, "T001").receipt.online


def test_parking_once_a_day(services, desk, member, clock):
    assert services.claim_benefit(desk, member, "parking").receipt.lines
    with pytest.raises(Refused) as err:
        services.claim_benefit(desk, member, "parking")
    assert err.value.code == "benefit_already_claimed"
    clock.advance(days=1)
    services.claim_benefit(desk, member, "parking")


def test_birthday_once_a_year_with_gold_coupon(services, desk, cashier, member, store, clock):
    services.edit_profile(desk, member, {"birthday": "11-02"})
    services.earn(cashier, member, 1_100_000)  # gold
    result = services.claim_benefit(desk, member, "birthday")
    [code] = result.extra["coupons_issued"]
    assert store.coupon_record(code).definition == "BDAY50"
    with pytest.raises(Refused):
        services.claim_benefit(desk, member, "birthday")
    assert code in [c.code for c in services.summary(desk, member).coupons]


def test_reverse_once_only_and_not_after_points_spent(services, desk, cashier, manager, member, online):
    online.value = True
    earned = services.earn(cashier, member, 100_000)
    reversal = services.reverse(manager, earned.op_id, "refund at store", pin="1234")
    assert reversal.receipt.points_delta == -1000
    with pytest.raises(Refused) as err:
        services.reverse(manager, earned.op_id, "again", pin="1234")
    assert err.value.code == "already_reversed"
    big = services.earn(cashier, member, 300_000)
    services.redeem_gift(desk, member, "G003")  # spends 3000 of the 3100
    with pytest.raises(Refused) as err:
        services.reverse(manager, big.op_id, "refund", pin="1234")
    assert err.value.code == "points_already_spent"


def test_reversing_a_redemption_restores_points_and_stock(services, desk, cashier, manager, member, store):
    services.earn(cashier, member, 200_000)
    before = (balance(services, desk, member), store.stock_level("G001"))
    gift = services.redeem_gift(desk, member, "G001")
    services.reverse(manager, gift.op_id, "gift returned", pin="1234")
    assert (balance(services, desk, member), store.stock_level("G001")) == before


def test_adjust_is_for_managers_and_never_overdraws(services, desk, manager, member, store):
    before = fingerprint(store)
    with pytest.raises(AuthError) as err:
        services.adjust(desk, member, 50, "goodwill", pin="1234")
    assert err.value.code == "not_permitted"
    after = fingerprint(store)
    # Only the refusal's audit row (docs/SECURITY.md): no business data.
    assert {k: v for k, v in after.items() if k != "audit"} == {k: v for k, v in before.items() if k != "audit"}
    assert store.scalar("SELECT action FROM audit ORDER BY id DESC LIMIT 1") == "permission_refused"
    services.adjust(manager, member, 50, "goodwill", pin="1234")
    with pytest.raises(Refused):
        services.adjust(manager, member, -1000, "too much", pin="1234")
    assert balance(services, desk, member) == 150


def test_expired_points_leave_the_balance_and_are_written_at_the_next_action(services, cashier, member, store, clock):
    services.earn(cashier, member, 50_000)  # 2026 lot: 100 welcome + 500
    clock.set_local("2027-12-31 20:00")
    assert balance(services, cashier, member) == 600
    clock.set_local("2028-01-02 10:00")
    assert balance(services, cashier, member) == 0
    services.earn(cashier, member, 10_000)
    assert store.scalar("SELECT sum(delta) FROM ledger WHERE member_no = ? AND kind = 'expire'", (member,)) == -600
    assert store.scalar("SELECT sum(delta) FROM ledger WHERE member_no = ?", (member,)) == 100


def test_summary_for_the_profile(services, desk, cashier, member):
    services.earn(cashier, member, 450_000)
    s = services.summary(desk, member)
    assert (s.tier.code, s.balance, s.next_tier.code) == ("regular", 4600, "silver")
    assert s.spend_to_next_fen == 50_000 and s.progress_percent == 90
    assert s.expiring_points == 4600 and s.expiring_on.isoformat() == "2027-12-31"
    assert s.lifecycle == "new" and s.segment.code == "HLH"
    assert "parking" in s.benefits_available
    assert [h.kind for h in s.history] == ["earn", "enroll"]
    assert s.phone_masked == "138****5678" and s.name_masked == "张*"


def test_lookup_by_every_key(services, desk, store, member):
    with store.transaction() as conn:
        conn.execute("UPDATE members SET card_no = '88881234' WHERE member_no = ?", (member,))
    for text in (member, "13812345678", "138 1234 5678", "88881234", "张", "张三"):
        assert [h.member_no for h in services.lookup(desk, text)] == [member], text
    assert services.lookup(desk, "13900000000") == []
    assert services.lookup(desk, "") == []


def test_reveal_phone_is_manager_only_and_audited(services, desk, manager, member, store):
    with pytest.raises(AuthError):
        services.reveal_phone(desk, member, pin="1234")
    assert services.reveal_phone(manager, member, pin="1234") == "13812345678"
    assert store.scalar("SELECT count(*) FROM audit WHERE action = 'reveal_phone' AND staff_no = 'M001'") == 1


def test_lockout_after_five_wrong_pins(services, clock):
    for _ in range(4):
        with pytest.raises(AuthError) as err:
            services.login("D001", "0000")
        assert err.value.code == "bad_login"
    with pytest.raises(AuthError) as err:
        services.login("D001", "0000")
    assert err.value.code == "locked"
    with pytest.raises(AuthError) as err:
        services.login("D001", "2345")  # even the right PIN, while locked
    assert err.value.code == "locked"
    clock.advance(minutes=31)
    assert services.login("D001", "2345").role == "desk"


def test_sessions_must_come_from_the_service(services, desk):
    from dataclasses import replace

    forged = replace(desk, role="manager")
    with pytest.raises(AuthError) as err:
        services.adjust(forged, "0070000013", 10, "x", pin="1234")
    assert err.value.code == "no_session"
    services.logout(desk)
    with pytest.raises(AuthError):
        services.lookup(desk, "张")


def test_every_action_is_one_logged_gap_free_operation_with_audit(services, desk, cashier, manager, member, store):
    services.earn(cashier, member, 300_000)
    services.credit_receipt(desk, member, "F201", "X1", 10_000, "2026-11-20")
    gift = services.redeem_gift(desk, member, "G002")
    services.claim_benefit(desk, member, "parking")
    services.reverse(manager, gift.op_id, "changed mind", pin="1234")
    services.adjust(manager, member, 10, "typo fix", pin="1234")
    services.edit_profile(desk, member, {"name": "张三丰"})
    rows = store.query("SELECT seq, op_id, payload_hash FROM oplog ORDER BY id")
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    for r in rows:
        assert ops_and_audit(store, r["op_id"]) == (1, 1)
    assert store.verify_audit_chain().ok
    receipt = services.reprint_receipt(manager, gift.op_id)
    assert receipt.points_delta == -300 and receipt.op_ref.startswith("007-")


def test_edit_profile_phone_clash(services, desk, member):
    other = enroll(services, desk, phone="13900002222", name="王五").member_no
    with pytest.raises(DuplicatePhone) as err:
        services.edit_profile(desk, other, {"phone": "13812345678"})
    assert err.value.member_no == member
    services.edit_profile(desk, other, {"phone": "13900003333", "name": "王五六"})
    assert services.lookup(desk, "13900003333")[0].member_no == other


def test_lookups_and_exports_are_audited_without_slowing_lookups(services, desk, member, store):
    before = store.scalar("SELECT count(*) FROM audit WHERE action = 'lookup'")
    services.lookup(desk, "13812345678")
    services.lookup(desk, "张")  # one hit: also opens the member
    assert store.scalar("SELECT count(*) FROM audit WHERE action = 'lookup'") == before  # not written yet
    assert services.flush_lookup_audit() == 2
    rows = store.query("SELECT subject, detail FROM audit WHERE action = 'lookup' ORDER BY id")
    assert [r["subject"] for r in rows] == [member, member]  # the member number, never the phone typed
    assert "13812345678" not in "".join(r["detail"] for r in rows) and '"by":"phone"' in rows[0]["detail"]
    services.record_export(desk, "daily_report_csv", 1)
    assert store.scalar("SELECT count(*) FROM audit WHERE action = 'export'") == 1
    assert store.verify_audit_chain().ok


# -- points donation (积分捐赠) ---------------------------------------------------------------------------------


def test_donation_takes_the_oldest_points_first_and_prints_the_campaign(services, desk, cashier, member, store, clock):
    clock.set_local("2025-06-01 11:00")
    services.earn(cashier, member, 50_000)  # 500 points in the 2025 lot (+100 welcome from 2026's enrollment)
    clock.set_local("2026-11-20 11:00")
    services.earn(cashier, member, 100_000)  # 1,000 in 2026
    result = services.donate_points(desk, member, "charity2026", 600)
    lines = store.query("SELECT delta, lot_year, kind FROM ledger WHERE op_id = ? ORDER BY delta", (result.op_id,))
    assert [tuple(r) for r in lines] == [(-500, 2025, "donation"), (-100, 2026, "donation")]
    assert result.receipt.points_delta == -600 and result.receipt.needs_signature
    text = " ".join(line.render(catalog_zh()) for line in result.receipt.lines)
    assert "星河爱心助学" in text and "600" in text
    assert ops_and_audit(store, result.op_id) == (1, 1)


def catalog_zh():
    from membership.i18n import catalog

    return catalog("zh_CN")


def test_donation_refusals_write_nothing(services, desk, cashier, member, store):
    services.earn(cashier, member, 100_000)
    before = fingerprint(store)
    with pytest.raises(Refused) as err:
        services.donate_points(desk, member, "CHARITY", 200)
    assert err.value.code == "campaign_unknown" and "CHARITY2026" in str(err.value.message)
    with pytest.raises(Refused) as err:
        services.donate_points(desk, member, "CHARITY2026", 50)  # below the campaign's 100
    assert err.value.code == "donation_out_of_range"
    with pytest.raises(Refused) as err:
        services.donate_points(desk, member, "CHARITY2026", 1_500)  # more than the member has (1,100)
    assert err.value.code == "insufficient_points"
    with pytest.raises(AuthError):  # cashiers take payments; donations are a desk task
        services.donate_points(cashier, member, "CHARITY2026", 200)
    # Nothing written but the audit row of the refused attempt.
    assert {k: v for k, v in fingerprint(store).items() if k != "audit"} == {
        k: v for k, v in before.items() if k != "audit"
    }


def test_donation_counts_towards_the_offline_cap(services, desk, cashier, member, online):
    services.earn(cashier, member, 1_000_000)
    services.redeem_gift(desk, member, "G001")  # 1,500 offline
    services.donate_points(desk, member, "CHARITY2026", 500)  # 2,000: the cap exactly
    with pytest.raises(Refused) as err:
        services.donate_points(desk, member, "CHARITY2026", 100)
    assert err.value.code == "offline_cap"
    with pytest.raises(Refused) as err:  # and a donation's points count for the next redemption too
        services.redeem_gift(desk, member, "G002")
    assert err.value.code == "offline_cap"
    online.value = True
    assert services.donate_points(desk, member, "CHARITY2026", 100).receipt.online


def test_a_large_donation_asks_for_the_pin_again(services, desk, cashier, member, store, online, engine):
    services.earn(cashier, member, 1_000_000)
    engine.sync_once()
    online.value = True  # 6,000 points is above the offline cap
    before = fingerprint(store)["oplog"]
    with pytest.raises(AuthError) as err:
        services.donate_points(desk, member, "CHARITY2026", 6_000)
    assert err.value.code == "step_up_required" and fingerprint(store)["oplog"] == before
    assert services.donate_points(desk, member, "CHARITY2026", 6_000, pin="2345").receipt.points_delta == -6_000


def test_a_donation_over_the_campaigns_maximum_is_refused_before_any_pin_is_asked(services, desk, member, store):
    """Large enough to need the PIN, but more than the campaign takes: staff hear the range, not a PIN
    prompt that would end in a refusal anyway."""
    campaign = store.rules().donation_campaign("CHARITY2026")
    too_many = campaign.max_points + 1
    assert too_many >= store.rules().step_up_points
    before = fingerprint(store)["oplog"]
    for pin in (None, "2345"):
        with pytest.raises(Refused) as err:
            services.donate_points(desk, member, "CHARITY2026", too_many, pin=pin)
        assert err.value.code == "donation_out_of_range" and fingerprint(store)["oplog"] == before


# -- what staff see: references and statuses in the history ------------------------------------------------------


def test_history_rows_carry_the_business_reference_and_status(services, desk, cashier, manager, member, engine):
    earn = services.earn(cashier, member, 10_000)
    assert services.reprint_receipt(desk, f" {earn.op_ref} ").op_id == earn.op_id  # found by its printed reference
    reversal = services.reverse(manager, earn.op_ref, "wrong member", pin="1234")
    rows = {r.op_id: r for r in services.summary(desk, member).history}
    assert rows[earn.op_id].reference == earn.receipt.reference == earn.op_ref
    assert rows[earn.op_id].reference.startswith("007-") and rows[earn.op_id].status == "pending"
    # The reversal receipt names the operation it reverses by that reference, not by an op-id prefix.
    text = " ".join(line.render(catalog_zh()) for line in reversal.receipt.lines)
    assert earn.op_ref in text and earn.op_id[:8] not in text
    engine.sync_once()
    rows = {r.op_id: r for r in services.summary(desk, member).history}
    assert {rows[earn.op_id].status, rows[reversal.op_id].status} == {"acked"}
    assert rows[earn.op_id].exception_code is None


def test_plain_local_services_on_an_unregistered_store(local_services, local_store):
    """The plain services (no server, no inbox): what an unregistered test store or a drill uses."""
    assert local_store.setting("sync.server_url") is None
    desk = local_services.login("D001", "2345")
    cashier = local_services.login("C001", "3456")
    member = enroll(local_services, desk).member_no
    local_services.earn(cashier, member, 700_000)
    gift = local_services.redeem_gift(desk, member, "G001", 1, pin="2345")
    donation = local_services.donate_points(desk, member, "CHARITY2026", 400, pin="2345")
    assert not gift.receipt.online and donation.receipt.points_delta == -400
    assert local_store.scalar("SELECT count(*) FROM oplog WHERE status = 'pending'") == 4


def test_a_manager_unlocks_a_locked_clerk_and_it_is_audited(services, store, manager, cashier):
    for _ in range(5):
        with pytest.raises(AuthError):
            services.login("D001", "0000")
    with pytest.raises(AuthError) as err:
        services.login("D001", "2345")
    assert err.value.code == "locked"
    with pytest.raises(AuthError):  # a cashier may not unlock anybody
        services.unlock_staff(cashier, "D001")
    services.unlock_staff(manager, " d001 ")
    row = store.query_one("SELECT detail, staff_no FROM audit WHERE action = 'staff_unlocked' AND subject = 'D001'")
    assert row["staff_no"] == "M001" and json.loads(row["detail"])["was_locked_until"]
    assert services.login("D001", "2345").role == "desk"  # the same PIN as before
    with pytest.raises(Refused):
        services.unlock_staff(manager, "NOBODY")


def test_terminal_facts_give_the_oldest_waiting_operation_in_mall_time(services, manager, desk):
    """Staff read times in the mall's time zone: not the stored UTC text (2026-11-20T02:00:00.000Z)."""
    enroll(services, desk)  # not pushed yet (the engine is not running): it waits
    facts = {str(label): value for label, value in services.terminal_facts(manager)}
    assert facts["Operations waiting to be sent"] != "0"
    assert facts["Oldest waiting since"] == "2026-11-20 10:00", facts
