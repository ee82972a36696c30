"""The daily report and the shift handover from this terminal's store: plain figures for `printing`.

Every figure is read from the operation log and the ledger of the business day, so the report
balances with the ledger by construction; ``tests/test_reports.py`` checks that it does.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime

from membership import codes
from membership import ledger as ledger_kinds
from membership.report_data import (
    ActivityFigures,
    ActivityTally,
    BenefitUse,
    DailyReportData,
    EarnRow,
    MonthFigures,
    PaperSlipRow,
    RedemptionUse,
    ShiftHandoverData,
    StatementData,
    StockCount,
    StockRow,
    TerminalSync,
)
from membership.timeutil import business_day_bounds, from_utc_text, to_utc_text

from .store import Store

EARN_SOURCES = ("earn", "receipt", "welcome", "referral", "adjust")
# When this terminal last completed a sync round (UTC text): kept in the store so the daily report can say
# it after a restart of the app. Written by :func:`remember_sync` (the synced desk services listen to the
# engine; ``memberdesk sync`` calls it).
LAST_SYNC = "sync.last_success_at"


def remember_sync(store: Store, at_utc: str) -> None:
    """Record a completed sync round (newer times only: two processes may sync one store)."""
    with store.transaction() as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (LAST_SYNC,)).fetchone()
        if row is None or row[0] < at_utc:
            store.set_setting(conn, LAST_SYNC, at_utc)


def _local(store: Store, utc_text: str, fmt: str = "%H:%M") -> str:
    return from_utc_text(utc_text).astimezone(store.rules().timezone).strftime(fmt)


def activity(
    store: Store, day: date, staff_no: str | None = None, start: datetime | None = None, end: datetime | None = None
) -> ActivityFigures:
    """What happened on this terminal in a business day, or in one staff member's shift within it."""
    rules, master, terminal = store.rules(), store.master(), store.terminal()
    first, last = business_day_bounds(day, rules.timezone, rules.cutover_hour)
    first_text, last_text = to_utc_text(start or first), to_utc_text(end or last)
    where = "o.local_time >= ? AND o.local_time < ?"
    params: list[object] = [first_text, last_text]
    if staff_no:
        where += " AND o.staff_no = ?"
        params.append(staff_no)
    # An operation the server rejected had its effects taken back by correcting entries: it counts for
    # nothing in the figures (it is in the exceptions inbox instead).
    where += " AND o.status != 'rejected'"
    ops = store.query(
        f"SELECT o.*, (SELECT coalesce(sum(delta), 0) FROM ledger l WHERE l.op_id = o.op_id AND l.kind != 'expire') "
        f"AS points FROM oplog o WHERE {where} ORDER BY o.seq",
        tuple(params),
    )
    names = {r["staff_no"]: r["name"] for r in store.query("SELECT staff_no, name FROM staff")}

    def ref(row) -> str:
        return codes.op_ref(terminal.terminal_code, row["epoch"], row["seq"])

    def coupon_definition(code: str) -> str:
        coupon = store.coupon_record(code)
        return coupon.definition if coupon else codes.parse_coupon_code(code)[0]

    def original(op_id: str) -> tuple[str, str] | None:
        target = store.query_one("SELECT kind, epoch, seq FROM oplog WHERE op_id = ?", (op_id,))
        return (target["kind"], ref(target)) if target else None

    tally = ActivityTally(rules, master, coupon_definition, original)
    op_ids = []
    for row in ops:
        op_ids.append(row["op_id"])
        local = from_utc_text(row["local_time"]).astimezone(rules.timezone)
        tally.add(
            row["kind"], json.loads(row["payload"]), row["points"], local, ref(row), row["staff_no"], row["member_no"]
        )
    whole_day = not staff_no and start is None
    return tally.figures(
        names,
        earned=_earned(store, op_ids),
        stock=_stock(store, first_text, last_text, op_ids, only_ops=not whole_day),
        paper_slips=_paper_slips(store, first_text, last_text, staff_no),
        outstanding_slips=tuple(_outstanding(store)) if whole_day else (),
    )


def _paper_slips(store: Store, first: str, last: str, staff_no: str | None) -> tuple[PaperSlipRow, ...]:
    """Slips keyed in during the period (by when they were keyed in, which is when the work was done)."""
    terminal = store.terminal()
    sql = (
        "SELECT p.*, o.epoch, o.seq FROM paper_slips p JOIN oplog o ON o.op_id = p.op_id "
        "WHERE p.keyed_at >= ? AND p.keyed_at < ?"
    )
    params: list[object] = [first, last]
    if staff_no:
        sql += " AND p.keyed_by = ?"
        params.append(staff_no)
    return tuple(
        PaperSlipRow(
            r["serial"],
            r["slip_type"],
            _local(store, r["written_at"], "%m-%d %H:%M"),
            _local(store, r["keyed_at"], "%m-%d %H:%M"),
            r["keyed_by"],
            codes.op_ref(terminal.terminal_code, r["epoch"], r["seq"]),
        )
        for r in store.query(sql + " ORDER BY p.keyed_at", tuple(params))
    )


def _outstanding(store: Store) -> list[str]:
    terminal = store.terminal()
    keyed = {r[0] for r in store.query("SELECT serial FROM paper_slips")}
    return [
        s
        for r in store.query("SELECT slip_type, first_seq, last_seq FROM slip_ranges ORDER BY id")
        for s in (
            codes.make_slip_serial(r["slip_type"], terminal.terminal_code, n)
            for n in range(r["first_seq"], r["last_seq"] + 1)
        )
        if s not in keyed
    ]


def _earned(store: Store, op_ids: list[str]) -> tuple[EarnRow, ...]:
    """Points credited in the period, by source: each operation's net entries of the earning kinds (so a
    server correction of a provisional credit counts), and adjustments that added points."""
    if not op_ids:
        return ()
    marks = ",".join("?" * len(op_ids))
    rows: dict[str, list[int]] = {}
    for kind, _op, net, spend in store.query(
        f"SELECT kind, op_id, sum(delta), sum(spend_fen) FROM ledger WHERE op_id IN ({marks}) "
        f"AND kind IN ({','.join('?' * len(EARN_SOURCES))}) GROUP BY kind, op_id",
        (*op_ids, *EARN_SOURCES),
    ):
        if kind == "adjust" and net <= 0:
            continue  # negative adjustments are listed with the adjustments
        row = rows.setdefault(kind, [0, 0, 0])
        row[0] += 1
        row[1] += net
        row[2] += spend
    return tuple(EarnRow(kind, *rows[kind]) for kind in EARN_SOURCES if kind in rows)


def _stock(store: Store, first: str, last: str, op_ids: list[str], only_ops: bool = False) -> tuple[StockRow, ...]:
    master = store.master()
    moves = defaultdict(lambda: [0, 0])  # issued, returned in the period
    after = defaultdict(int)  # net moves since the period began (to work back to the opening stock)
    for r in store.query(
        "SELECT m.item_code, m.delta, m.created_at, m.op_id FROM stock_moves m WHERE m.created_at >= ?", (first,)
    ):
        after[r["item_code"]] += r["delta"]
        if r["created_at"] < last and (not only_ops or r["op_id"] in op_ids):
            if r["delta"] < 0:
                moves[r["item_code"]][0] -= r["delta"]
            else:
                moves[r["item_code"]][1] += r["delta"]
    rows = []
    for item in sorted(master.catalogue.values(), key=lambda i: i.code):
        now = store.stock_level(item.code)
        issued, returned = moves[item.code]
        if only_ops and not (issued or returned):
            continue
        opening = now - after[item.code]
        rows.append(StockRow(item.code, item.name, opening, issued, returned))
    return tuple(rows)


def terminal_sync(store: Store, day: date) -> TerminalSync:
    """This terminal's completeness for the day: synced only when every operation of the day is acknowledged."""
    rules, terminal = store.rules(), store.terminal()
    first, last = business_day_bounds(day, rules.timezone, rules.cutover_hour)
    pending = store.scalar(
        "SELECT count(*) FROM oplog WHERE status = 'pending' AND local_time >= ? AND local_time < ?",
        (to_utc_text(first), to_utc_text(last)),
    )
    last_sync = store.setting(LAST_SYNC)
    return TerminalSync(
        terminal.terminal_code,
        terminal.name,
        pending == 0,
        _local(store, last_sync, "%m-%d %H:%M") if last_sync else None,
        pending,
    )


def daily_report(store: Store, day: date, prepared_by: str, now: datetime) -> DailyReportData:
    rules, terminal = store.rules(), store.terminal()
    return DailyReportData(
        mall_name=rules.mall_name,
        scope=terminal.name,
        business_day=day.isoformat(),
        generated_at_local=now.astimezone(rules.timezone).strftime("%Y-%m-%d %H:%M"),
        prepared_by=prepared_by,
        figures=activity(store, day),
        terminals=(terminal_sync(store, day),),
        rules_version=rules.version,
    )


def shift_handover(
    store: Store,
    staff_no: str,
    staff_name: str,
    start: datetime,
    end: datetime,
    counted: dict[str, int],
    now: datetime,
    handed_to: str = "",
) -> ShiftHandoverData:
    """One staff member's shift, with the gifts they handed out and the stock they counted."""
    rules, terminal = store.rules(), store.terminal()
    tz = rules.timezone
    from membership.timeutil import business_day

    day = business_day(start, tz, rules.cutover_hour)
    figures = activity(store, day, staff_no=staff_no, start=start, end=end)
    master = store.master()
    counts = tuple(
        StockCount(code, master.catalogue[code].name, store.stock_level(code), n)
        for code, n in sorted(counted.items())
        if code in master.catalogue
    )
    return ShiftHandoverData(
        mall_name=rules.mall_name,
        desk_name=terminal.name,
        terminal_code=terminal.terminal_code,
        business_day=day.isoformat(),
        staff_no=staff_no,
        staff_name=staff_name,
        shift_start_local=start.astimezone(tz).strftime("%H:%M"),
        shift_end_local=end.astimezone(tz).strftime("%H:%M"),
        generated_at_local=now.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
        figures=figures,
        stock_counts=counts,
        handed_to=handed_to,
        terminals=(terminal_sync(store, day),),
    )


def member_statement(store: Store, member_no: str, year: int, today: date) -> StatementData:
    """A member's year (会员价值报告) from the ledger, the operation log and the benefit claims."""
    from membership import ledger as ledger_math

    rules, master = store.rules(), store.master()
    row = store.member_row(member_no)
    if row is None:
        raise ValueError(f"no member {member_no}")
    start, end = f"{year:04d}-01-01", f"{year + 1:04d}-01-01"
    entries = store.query("SELECT kind, delta, spend_fen, business_day FROM ledger WHERE member_no = ?", (member_no,))
    opening = sum(e["delta"] for e in entries if e["business_day"] < start)
    in_year = [e for e in entries if start <= e["business_day"] < end]
    earned = sum(
        e["delta"] for e in in_year if e["delta"] > 0 and e["kind"] in ("earn", "receipt", "welcome", "referral")
    )
    redeemed = -sum(e["delta"] for e in in_year if e["kind"] in ledger_kinds.SPENDING_KINDS)
    expired = -sum(e["delta"] for e in in_year if e["kind"] == "expire")
    adjusted = sum(e["delta"] for e in in_year if e["kind"] in ("adjust", "reversal"))
    months = []
    for month in range(1, 13):
        prefix = f"{year:04d}-{month:02d}"
        rows = [e for e in in_year if e["business_day"].startswith(prefix)]
        months.append(
            MonthFigures(
                month,
                sum(
                    e["delta"]
                    for e in rows
                    if e["delta"] > 0 and e["kind"] in ("earn", "receipt", "welcome", "referral")
                ),
                -sum(e["delta"] for e in rows if e["kind"] in ledger_kinds.SPENDING_KINDS),
                sum(e["spend_fen"] for e in rows),
            )
        )
    ops = store.query(
        "SELECT kind, payload, receipt FROM oplog WHERE member_no = ? AND business_day >= ? "
        "AND business_day < ? AND reversed_by IS NULL",
        (member_no, start, end),
    )
    value = defaultdict(int)
    gifts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for op in ops:
        receipt = json.loads(op["receipt"]) if op["receipt"] else {}
        value[op["kind"]] += int(receipt.get("value_fen") or 0)
        if op["kind"] == "redeem_gift":
            payload = json.loads(op["payload"])
            gifts[payload["item_code"]][0] += payload["quantity"]
            gifts[payload["item_code"]][1] -= int(receipt.get("points_delta") or 0)
    claims = store.query(
        "SELECT benefit, count(*) FROM benefit_claims WHERE member_no = ? AND status = 'claimed' "
        "AND business_day >= ? AND business_day < ? AND benefit IN ('birthday', 'parking', "
        "'member_day', 'event') GROUP BY benefit",
        (member_no, start, end),
    )
    state = store.member_state(member_no, today, rules)
    assert state is not None
    tier = rules.tier(state.tier)
    nxt = rules.next_tier(state.tier)
    expiring = ledger_math.expiring_next(state.lots, today, rules)
    from membership.validation import mask_name, mask_phone

    return StatementData(
        mall_name=rules.mall_name,
        year=year,
        generated_on=today.isoformat(),
        member_no=member_no,
        member_name_masked=mask_name(row["name"]),
        phone_masked=mask_phone(row["phone"]),
        tier_name=tier.name,
        member_since=row["enrolled_day"],
        points_opening=opening,
        points_earned=earned,
        points_redeemed=redeemed,
        points_expired=expired,
        points_adjusted=adjusted,
        points_closing=opening + earned - redeemed - expired + adjusted,
        spend_fen=sum(e["spend_fen"] for e in in_year),
        purchases=sum(1 for e in in_year if e["spend_fen"] > 0),
        discount_fen=value["earn"],
        cash_offset_fen=value["redeem_cash_offset"],
        coupon_fen=value["verify_coupon"],
        months=tuple(months),
        benefits=tuple(BenefitUse(c[0], c[1]) for c in claims),
        redemptions=tuple(
            RedemptionUse(master.catalogue[code].name if code in master.catalogue else code, q, p)
            for code, (q, p) in sorted(gifts.items())
        ),
        expiring_points=expiring[0] if expiring else 0,
        expiring_on=expiring[1].isoformat() if expiring else None,
        next_tier_name=nxt.name if nxt else None,
        spend_to_next_tier_fen=max(0, nxt.qualifying_spend_fen - state.spend_rolling_fen) if nxt else 0,
        rules_location=rules.rules_location,
    )
