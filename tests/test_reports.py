"""The daily report and shift handover from a realistic day at one desk, checked against the ledger."""

from __future__ import annotations

import io
import random
from datetime import date

from conftest import enroll
from pypdf import PdfReader

from printing import daily_report_csv, render_daily_report, render_shift_handover
from sync import reports
from sync.services import USER_ERRORS

DAY = date(2026, 11, 20)


def busy_day(services, store, clock, manager, desk, cashier, online):
    """About 120 operations between 10:00 and 21:00, every kind, some refused."""
    rng = random.Random(11)
    online.value = True
    clock.set_local("2026-11-20 10:00")
    members = [
        enroll(
            services, rng.choice([desk, cashier]), phone=f"1390000{i:04d}", name=f"顾客{'甲乙丙丁戊己庚辛壬癸'[i % 10]}"
        ).member_no
        for i in range(12)
    ]
    done = []
    for n in range(110):
        clock.advance(minutes=5)
        member = rng.choice(members)
        choice = rng.choice(["earn", "earn", "receipt", "gift", "offset", "benefit", "adjust", "reverse"])
        try:
            if choice == "earn":
                done.append(
                    services.earn(
                        cashier, member, rng.randint(1_000, 300_000), rng.choice(["dining", "fashion", "cosmetics"])
                    )
                )
            elif choice == "receipt":
                done.append(
                    services.credit_receipt(
                        desk,
                        member,
                        rng.choice(["F101", "F401", "B101"]),
                        f"R{n}",
                        rng.randint(1_000, 80_000),
                        "2026-11-19",
                    )
                )
            elif choice == "gift":
                done.append(services.redeem_gift(desk, member, rng.choice(["G002", "P001", "K001"])))
            elif choice == "offset":
                done.append(services.redeem_cash_offset(cashier, member, 500, 10_000))
            elif choice == "benefit":
                done.append(services.claim_benefit(desk, member, "parking"))
            elif choice == "adjust":
                done.append(services.adjust(manager, member, rng.choice([50, -20]), "对账调整", pin="1234"))
            elif choice == "reverse" and done:
                services.reverse(manager, rng.choice(done).op_id, "顾客退货", pin="1234")
        except USER_ERRORS:
            pass
    return members


def test_daily_report_balances_with_the_ledger(services, store, clock, manager, desk, cashier, online, tmp_path):
    busy_day(services, store, clock, manager, desk, cashier, online)
    coupon = store.query_one("SELECT code FROM coupons WHERE status = 'issued' LIMIT 1")
    if coupon:
        services.verify_coupon(cashier, coupon[0], purchase_amount_fen=50_000)
    data = reports.daily_report(store, DAY, "王经理", clock())
    f = data.figures
    day = DAY.isoformat()
    ledger = lambda sql: store.scalar(sql, (day,)) or 0  # noqa: E731
    assert f.points_earned == ledger(
        "SELECT sum(delta) FROM ledger WHERE business_day = ? AND delta > 0 "
        "AND kind IN ('earn','receipt','welcome','referral','adjust')"
    )
    assert f.points_redeemed == -ledger(
        "SELECT sum(l.delta) FROM ledger l JOIN oplog o ON o.op_id = l.op_id "
        "WHERE l.business_day = ? AND o.kind IN ('redeem_gift','redeem_cash_offset')"
    )
    assert f.reversal_points == ledger(
        "SELECT sum(l.delta) FROM ledger l JOIN oplog o ON o.op_id = l.op_id "
        "WHERE l.business_day = ? AND o.kind = 'reverse'"
    )
    assert f.adjustment_points == ledger(
        "SELECT sum(l.delta) FROM ledger l JOIN oplog o ON o.op_id = l.op_id "
        "WHERE l.business_day = ? AND o.kind = 'adjust'"
    )
    assert f.enrollments_total == 12
    assert f.operations == store.scalar("SELECT count(*) FROM oplog")
    assert f.benefits_claimed == store.scalar("SELECT count(*) FROM oplog WHERE kind = 'claim_benefit'")
    assert f.coupons_verified == store.scalar("SELECT count(*) FROM oplog WHERE kind = 'verify_coupon'")
    for row in f.stock:
        assert row.closing == store.stock_level(row.item_code), row
    # Every earned and spent point of the day is accounted for: the day's ledger is the report's totals.
    net = ledger("SELECT sum(delta) FROM ledger WHERE business_day = ? AND kind != 'expire'")
    negative_adjustments = sum(r.points for r in f.adjustments if r.points < 0)  # positive ones are "earned"
    assert net == f.points_earned - f.points_redeemed + f.reversal_points + negative_adjustments
    # Nothing has reached a server: the report must say it is incomplete.
    assert not data.complete and data.terminals[0].pending == f.operations
    pdf = render_daily_report(data)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "不完整" in text and f"{f.points_earned:,}" in text and "服务台 1" in text
    (tmp_path / "report.pdf").write_bytes(pdf)
    csv_text = daily_report_csv(data)
    assert str(f.points_earned) in csv_text.replace(",", "")


def test_shift_handover_counts_only_that_staff_members_work(services, store, clock, manager, desk, cashier, online):
    online.value = True
    member = enroll(services, desk).member_no
    services.earn(cashier, member, 500_000)
    start = clock()
    services.redeem_gift(desk, member, "G002")
    services.redeem_gift(desk, member, "G002")
    services.redeem_gift(manager, member, "G001")
    clock.advance(hours=4)
    stock = store.stock_level("G002")
    data = reports.shift_handover(store, "D001", "李娜", start, clock(), {"G002": stock - 1}, clock(), "M001")
    assert [(r.item_code, r.issued) for r in data.figures.stock] == [("G002", 2)]
    assert data.figures.points_redeemed == 600
    assert [c.difference for c in data.stock_counts] == [-1]
    text = PdfReader(io.BytesIO(render_shift_handover(data))).pages[0].extract_text()
    assert "李娜" in text and "G002" in text


def test_member_annual_statement_balances(services, store, clock, manager, desk, cashier, online):
    from printing import render_statement

    online.value = True
    clock.set_local("2025-06-01 11:00")
    member = enroll(services, desk).member_no
    services.earn(cashier, member, 800_000, "fashion")  # 2025: ¥8,000
    clock.set_local("2026-03-15 11:00")
    services.earn(cashier, member, 300_000, "cosmetics", apply_discount=True)  # silver: 10% off
    services.redeem_gift(desk, member, "G001")
    services.claim_benefit(desk, member, "parking")
    services.adjust(manager, member, -100, "对账", pin="1234")
    gone = services.earn(cashier, member, 10_000)
    services.reverse(manager, gone.op_id, "退货", pin="1234")
    clock.set_local("2026-11-20 11:00")
    data = reports.member_statement(store, member, 2026, date(2026, 11, 20))
    assert data.points_opening == 100 + 8_000  # welcome + 2025's purchase
    # ¥2,700 paid × 1.2 (silver) × 1.5 (cosmetics) × 2 (silver birthday, 03-15) = 9,720; then ¥100 × 1.5 (now gold)
    assert data.points_earned == 9_720 + 150
    assert data.points_redeemed == 1_500 and data.points_adjusted == -100 - 150
    assert data.points_closing == store.scalar("SELECT sum(delta) FROM ledger WHERE member_no = ?", (member,))
    assert data.discount_fen == 30_000 and data.benefits[0].benefit == "parking"
    text = PdfReader(io.BytesIO(render_statement(data))).pages[0].extract_text()
    assert "2026" in text and "138****5678" in text and f"{data.points_closing:,}" in text


def test_a_donation_prints_its_receipt_and_its_line_in_the_daily_report(
    services, store, clock, desk, cashier, tmp_path
):
    from printing_data import flat, pdf_text

    from printing import render_receipt

    member = enroll(services, desk).member_no
    services.earn(cashier, member, 200_000)
    first = services.donate_points(desk, member, "CHARITY2026", 300)
    services.donate_points(desk, member, "CHARITY2026", 200)
    pdf = render_receipt(first.receipt)
    (tmp_path / "donation.pdf").write_bytes(pdf)
    receipt = flat(pdf_text(pdf))
    from printing.text import signed_points

    for expected in ("积分捐赠", "已向“星河爱心助学”捐赠300积分", signed_points(-300), first.op_ref, "本人确认捐赠"):
        assert flat(expected) in receipt, expected
    english = flat(pdf_text(render_receipt(first.receipt, language="en")))
    assert flat("Donated 300 points to Galaxy Plaza school-aid fund") in english

    data = reports.daily_report(store, DAY, "王经理", clock())
    [row] = [r for r in data.figures.redeemed if r.kind == "donation"]
    assert (row.item_code, row.quantity, row.points) == ("CHARITY2026", 2, 500)
    assert data.figures.points_donated == 500 and data.figures.items_handed_out == 0
    report_pdf = render_daily_report(data)
    (tmp_path / "report-with-donations.pdf").write_bytes(report_pdf)
    report = flat(pdf_text(report_pdf))
    assert flat("CHARITY2026 星河爱心助学") in report and flat("积分捐赠") in report
    csv_rows = [line.split(",") for line in daily_report_csv(data).splitlines()]
    assert any(r[:4] == ["CHARITY2026 星河爱心助学", "积分捐赠", "2", "500"] for r in csv_rows), csv_rows


def test_report_completeness_row_after_a_real_sync(services, store, clock, desk, cashier, engine):
    member = enroll(services, desk).member_no
    services.earn(cashier, member, 10_000)
    clock.advance(minutes=5)
    engine.sync_once()
    data = reports.daily_report(store, DAY, "王经理", clock())
    assert data.complete and data.terminals[0].last_sync_local == "11-20 10:05"
    text = PdfReader(io.BytesIO(render_daily_report(data))).pages[0].extract_text()
    assert "不完整" not in text
