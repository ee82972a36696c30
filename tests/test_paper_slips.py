"""The outage kit's serials and keying paper slips in: judged as of the slip's time, once per serial."""

from __future__ import annotations

import pytest
from conftest import enroll, fingerprint

from membership import codes
from membership.decisions import Refused
from sync.auth import AuthError


@pytest.fixture
def kit(services, manager):
    return services.issue_outage_kit(manager, {"enroll": 3, "receipt": 5, "gift": 2, "benefit": 2})


def test_kit_serials_are_unique_per_desk_and_recorded(services, store, manager, kit):
    serials = [s for group in kit.serials.values() for s in group]
    assert len(serials) == len(set(serials)) == 12
    assert all(codes.parse_slip_serial(s)[1] == 7 for s in serials)
    again = services.issue_outage_kit(manager, {"receipt": 2})
    assert not set(again.serials["receipt"]) & set(serials)  # a second kit continues the sequence
    assert store.scalar("SELECT count(*) FROM slip_ranges") == 5
    assert store.scalar("SELECT count(*) FROM audit WHERE action = 'outage_kit_issued'") == 2
    assert len(services.outstanding_slips()) == 14


def test_only_managers_issue_kits(services, desk):
    with pytest.raises(AuthError):
        services.issue_outage_kit(desk, {"receipt": 5})


def test_receipt_slip_is_judged_as_of_the_time_written(services, store, clock, desk, manager, kit):
    member = enroll(services, desk).member_no
    serial = kit.serials["receipt"][0]
    clock.set_local("2026-11-21 09:00")  # keyed in the morning after; the slip says member day evening
    result = services.key_in_slip(
        desk,
        serial,
        "2026-11-18 19:40",
        "D001",
        {
            "member": "138 1234 5678",
            "tenant_code": "F401",
            "receipt_no": "HDL-9",
            "amount_fen": 30_000,
            "purchase_date": "2026-11-18",
        },
    )
    assert result.receipt.points_delta == 600  # member day (18th): double points, judged as of the slip
    row = store.query_one("SELECT * FROM oplog WHERE op_id = ?", (result.op_id,))
    assert row["business_day"] == "2026-11-18" and "slip_serial" in row["payload"]
    slip = store.query_one("SELECT * FROM paper_slips WHERE serial = ?", (serial,))
    assert slip["keyed_by"] == "D001" and slip["written_by"] == "D001"
    assert serial not in services.outstanding_slips()
    before = fingerprint(store)
    with pytest.raises(Refused) as err:  # the same slip by mistake a second time
        services.key_in_slip(
            desk,
            serial,
            "2026-11-18 19:40",
            "D001",
            {
                "member": member,
                "tenant_code": "F401",
                "receipt_no": "HDL-10",
                "amount_fen": 100,
                "purchase_date": "2026-11-18",
            },
        )
    assert err.value.code == "slip_already_keyed" and "D001" in str(err.value.message)
    assert fingerprint(store) == before


def test_large_amount_needs_a_second_person(services, desk, kit):
    member = enroll(services, desk).member_no
    fields = {
        "member": member,
        "tenant_code": "F101",
        "receipt_no": "U-1",
        "amount_fen": 250_000,
        "purchase_date": "2026-11-20",
    }
    serial = kit.serials["receipt"][1]
    with pytest.raises(AuthError):
        services.key_in_slip(desk, serial, "2026-11-20 09:30", "D001", fields)
    with pytest.raises(AuthError):
        services.key_in_slip(desk, serial, "2026-11-20 09:30", "D001", fields, confirm=("D001", "2345"))
    result = services.key_in_slip(desk, serial, "2026-11-20 09:30", "D001", fields, confirm=("C001", "3456"))
    assert result.receipt.points_delta == 2500


def test_parking_on_paper_is_not_granted_twice_the_same_day(services, desk, clock, kit):
    member = enroll(services, desk).member_no
    clock.set_local("2026-11-20 15:00")
    services.claim_benefit(desk, member, "parking")  # the member came back to a working desk after the outage
    with pytest.raises(Refused) as err:
        services.key_in_slip(
            desk, kit.serials["benefit"][0], "2026-11-20 09:10", "D001", {"member": member, "benefit": "parking"}
        )
    assert err.value.code == "benefit_already_claimed"
    result = services.key_in_slip(
        desk, kit.serials["benefit"][1], "2026-11-19 18:00", "D001", {"member": member, "benefit": "parking"}
    )  # the day before: its own day
    assert result.receipt.business_day == "2026-11-19"


def test_gift_slip_is_a_fact_even_when_points_ran_short(services, store, desk, cashier, kit):
    member = enroll(services, desk).member_no
    services.earn(cashier, member, 100_000)  # 100 + 1,000 points
    result = services.key_in_slip(
        desk, kit.serials["gift"][0], "2026-11-20 09:00", "D001", {"member": member, "item_code": "G001", "quantity": 1}
    )
    assert result.receipt.points_delta == -1500
    assert store.scalar("SELECT sum(delta) FROM ledger WHERE member_no = ?", (member,)) == -400


def test_enrollment_slip_makes_a_paper_member(services, store, desk, kit):
    result = services.key_in_slip(
        desk,
        kit.serials["enroll"][0],
        "2026-11-20 08:45",
        "D001",
        {"name": "赵六", "phone": "13700000001", "birthday": "05-06", "privacy_accepted": True},
    )
    row = store.member_row(result.member_no)
    assert row["channel"] == "paper" and row["enrolled_at"].startswith("2026-11-20T00:45")


@pytest.mark.parametrize(
    ("serial", "when"),
    [("PX0070000010", "2026-11-20 09:00"), (None, "tomorrow"), (None, "2026-12-01 09:00"), (None, "2026-01-01 09:00")],
)
def test_bad_slips_are_refused(services, desk, kit, serial, when):
    from sync.services import USER_ERRORS

    member = enroll(services, desk).member_no
    with pytest.raises(USER_ERRORS):
        services.key_in_slip(
            desk, serial or kit.serials["benefit"][0], when, "D001", {"member": member, "benefit": "parking"}
        )


def test_this_desks_serials_must_have_been_issued_but_other_desks_slips_can_be_keyed_in(services, desk, kit):
    member = enroll(services, desk).member_no
    never_issued = codes.make_slip_serial("benefit", 7, 999)
    with pytest.raises(Refused) as err:
        services.key_in_slip(desk, never_issued, "2026-11-20 09:00", "D001", {"member": member, "benefit": "parking"})
    assert err.value.code == "slip_not_issued"
    other_desk = codes.make_slip_serial("benefit", 8, 1)  # desk 8 broke down; its slips are keyed in here
    result = services.key_in_slip(
        desk, other_desk, "2026-11-20 09:00", "D001", {"member": member, "benefit": "parking"}
    )
    assert result.receipt.points_delta == 0


def test_daily_report_lists_slips_keyed_in_and_those_still_out(services, store, clock, desk, manager, kit):
    import io

    from pypdf import PdfReader

    from printing import render_daily_report
    from sync import reports

    member = enroll(services, desk).member_no
    serial = kit.serials["benefit"][0]
    services.key_in_slip(desk, serial, "2026-11-20 09:10", "D001", {"member": member, "benefit": "parking"})
    data = reports.daily_report(store, clock().date(), "王经理", clock())
    assert [r.serial for r in data.figures.paper_slips] == [serial]
    assert len(data.figures.outstanding_slips) == 11 and serial not in data.figures.outstanding_slips
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_daily_report(data))).pages)
    assert serial in text and kit.serials["gift"][1] in text


def test_slip_from_before_an_upgrade_earns_at_the_tier_of_its_day(services, store, desk, cashier, kit):
    member = enroll(services, desk).member_no
    services.earn(cashier, member, 1_200_000)  # today (11-20): ¥12,000 → gold
    assert store.member_row(member)["tier"] == "gold"
    result = services.key_in_slip(
        desk,
        kit.serials["receipt"][2],
        "2026-11-19 16:00",
        "D001",
        {
            "member": member,
            "tenant_code": "F101",
            "receipt_no": "OLD-1",
            "amount_fen": 10_000,
            "purchase_date": "2026-11-19",
        },
    )
    assert result.receipt.points_delta == 100  # regular's 1× on 11-19, not gold's 1.5×
    assert store.member_row(member)["tier"] == "gold"  # and the member stays gold


def test_a_gift_slip_large_enough_for_a_step_up_always_needs_a_second_person(services, store, desk, kit, clock):
    """Paper skips the PIN step-up, so the two-person check must start no later than the step-up does."""
    from membership.rules import default_rules_path
    from sync.setup import load_rules

    text = (
        default_rules_path()
        .read_text(encoding="utf-8")
        .replace("second_check_points = 2000", "second_check_points = 100000")
    )
    custom = store.path.parent / "rules.toml"
    custom.write_text(text, encoding="utf-8")
    load_rules(store, custom, clock())
    assert store.rules().paper_second_check_points == 100_000 and store.rules().step_up_points == 5_000
    member = enroll(services, desk).member_no
    services.adjust(services.login("M001", "1234"), member, 20_000, "opening balance", pin="1234")
    fields = {"member": member, "item_code": "G003", "quantity": 2}  # 6,000 points
    with pytest.raises(AuthError) as err:
        services.key_in_slip(desk, kit.serials["gift"][0], "2026-11-20 09:00", "D001", fields)
    assert err.value.code == "second_person"
    result = services.key_in_slip(
        desk, kit.serials["gift"][0], "2026-11-20 09:00", "D001", fields, confirm=("C001", "3456")
    )
    assert result.receipt.points_delta == -6_000
