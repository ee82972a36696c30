"""What the console's pages show, read from the server database (no HTTP, no templates here)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, text

from membership import codes
from membership import ledger as ledger_math
from membership.report_data import (
    ActivityTally,
    DailyReportData,
    EarnRow,
    ExceptionRow,
    TerminalSync,
)
from membership.timeutil import business_day_bounds, from_utc_text, to_utc_text
from membership.validation import InvalidInput, mask_name, mask_phone, normalize_phone

from ..db import ServerDB
from ..state import MEMBER_COLUMNS

SYNC_GRACE = timedelta(minutes=10)  # a terminal heard from this recently counts as synced for today
SEARCH_LIMIT = 50


def today_figures(db: ServerDB, day: date, rules: Any, now: datetime) -> dict[str, Any]:
    d = day.isoformat()
    start = (day - timedelta(days=29)).isoformat()
    with db.read() as conn:
        per_desk = conn.execute(
            text(
                "SELECT terminal_id, kind, count(*) FROM ops WHERE business_day = :d AND status = 'applied' "
                "GROUP BY terminal_id, kind ORDER BY terminal_id, kind"
            ),
            {"d": d},
        ).all()
        points = dict(
            conn.execute(
                text(
                    "SELECT CASE WHEN delta > 0 THEN 'earned' ELSE 'spent' END, sum(delta) FROM ledger "
                    "WHERE business_day = :d AND kind NOT IN ('expire', 'merge') GROUP BY 1"
                ),
                {"d": d},
            ).all()
        )
        terminals = [dict(r) for r in conn.execute(text("SELECT * FROM terminals ORDER BY terminal_code")).mappings()]
        head = conn.execute(text("SELECT value FROM counters WHERE name = 'change_no'")).scalar_one()
        open_exceptions = conn.execute(text("SELECT count(*) FROM exceptions WHERE status = 'open'")).scalar_one()
        chart = dict(
            conn.execute(
                text(
                    "SELECT business_day, count(*) FROM ops WHERE business_day >= :s AND business_day <= :d "
                    "AND status = 'applied' GROUP BY business_day"
                ),
                {"s": start, "d": d},
            ).all()
        )
    kinds: dict[str, dict[str, int]] = defaultdict(dict)
    for terminal_id, kind, count in per_desk:
        kinds[terminal_id][kind] = int(count)
    days = [(day - timedelta(days=29 - i)).isoformat() for i in range(30)]
    return {
        "day": d,
        "per_desk": dict(kinds),
        "kinds": sorted({k for v in kinds.values() for k in v}),
        "enrolments": sum(v.get("enroll", 0) for v in kinds.values()),
        "operations": sum(sum(v.values()) for v in kinds.values()),
        "earned": int(points.get("earned") or 0),
        "redeemed": -int(points.get("spent") or 0),
        "terminals": [
            {
                **t,
                "behind": max(0, int(head) - int(t["pulled_through"] or 0)),
                "synced": _synced(t, day, rules, now),
                "last_sync": last_sync(t),
            }
            for t in terminals
        ],
        "open_exceptions": int(open_exceptions),
        "chart": [(x, int(chart.get(x, 0))) for x in days],
    }


def last_sync(terminal: dict[str, Any]) -> str | None:
    """When the server last heard a sync from a terminal: the later of its last push and its last pull.

    A round pushes everything pending before it pulls, so a pull stands for a push of nothing: a desk with
    nothing to send (it only looked members up) is as synced as one that pushed.
    """
    times = [t for t in (terminal.get("last_seen"), terminal.get("last_pull")) if t]
    return max(times, key=from_utc_text) if times else None


def _synced(terminal: dict[str, Any], day: date, rules: Any, now: datetime) -> bool:
    """Whether the server has everything of ``day`` from this terminal, as far as it can tell.

    Terminals push their whole queue at each sync, so one heard from after the day ended (or, for today,
    in the last few minutes) has pushed the day's operations.
    """
    heard = last_sync(terminal)
    if not heard:
        return False
    _, end = business_day_bounds(day, rules.timezone, rules.cutover_hour)
    cutoff = min(end, now - SYNC_GRACE)
    return from_utc_text(heard) >= cutoff


def chart_svg(points: list[tuple[str, int]], width: int = 600, height: int = 120) -> str:
    """An inline SVG bar chart of operations per day (no script, no library)."""
    top = max((v for _, v in points), default=0) or 1
    bar = width / max(len(points), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 16}" class="chart" role="img">']
    for i, (day, value) in enumerate(points):
        h = round(value / top * height)
        x = round(i * bar + 1, 1)
        parts.append(
            f'<rect x="{x}" y="{height - h}" width="{round(bar - 2, 1)}" height="{h}"><title>{day}: {value}</title></rect>'
        )
        if i % 5 == 0 or i == len(points) - 1:
            parts.append(f'<text x="{x}" y="{height + 12}">{day[5:]}</text>')
    parts.append("</svg>")
    return "".join(parts)


# -- members ---------------------------------------------------------------------------------------------------


def search_members(db: ServerDB, query: str) -> list[dict[str, Any]]:
    """Members by phone, member number, card number or name prefix; phone and name masked."""
    q = (query or "").strip()
    if not q:
        return []
    where, params = _member_where(q)
    with db.read() as conn:
        rows = [
            dict(r)
            for r in conn.execute(
                text(
                    f"SELECT member_no, name, phone, card_no, tier, status, enrolled_day FROM members WHERE {where} "
                    f"ORDER BY member_no LIMIT {SEARCH_LIMIT}"
                ),
                params,
            ).mappings()
        ]
    for row in rows:
        row["phone"] = mask_phone(row["phone"])
        row["name"] = mask_name(row["name"])
    return rows


def _member_where(q: str) -> tuple[str, dict[str, Any]]:
    compact = q.replace(" ", "").replace("-", "")
    if compact.isdigit() and len(compact) == 10:
        return "member_no = :q OR card_no = :q", {"q": compact}
    if compact.isdigit() or compact.startswith("+"):
        try:
            phone = normalize_phone(compact)
            # The phone index is partial (active members): both look-ups by index, on either backend.
            return (
                "member_no IN (SELECT member_no FROM members WHERE phone = :q AND status = 'active' "
                "UNION SELECT member_no FROM members WHERE card_no = :c)",
                {"q": phone, "c": compact},
            )
        except InvalidInput:
            return "card_no = :q", {"q": compact}
    if compact.isalnum() and compact.isascii() and any(ch.isdigit() for ch in compact):
        return "card_no = :q", {"q": compact.upper()}
    # A name prefix as a range, so the index on name is used on both backends.
    return "name >= :a AND name < :b", {"a": q, "b": q + "\U0010ffff"}


def member_detail(db: ServerDB, member_no: str, today: date, rules: Any) -> dict[str, Any] | None:
    with db.read() as conn:
        row = (
            conn.execute(
                text(f"SELECT {', '.join(MEMBER_COLUMNS)} FROM members WHERE member_no = :m"), {"m": member_no}
            )
            .mappings()
            .first()
        )
        if row is None:
            return None
        ledger = [
            dict(r)
            for r in conn.execute(
                text(
                    "SELECT l.entry_id, l.op_id, l.kind, l.delta, l.lot_year, l.spend_fen, l.business_day, "
                    "o.terminal_id FROM ledger l LEFT JOIN ops o ON o.op_id = l.op_id WHERE l.member_no = :m "
                    "ORDER BY l.entry_id DESC LIMIT 200"
                ),
                {"m": member_no},
            ).mappings()
        ]
        lots = {
            int(y): int(p)
            for y, p in conn.execute(
                text("SELECT lot_year, sum(delta) FROM ledger WHERE member_no = :m GROUP BY lot_year"),
                {"m": member_no},
            )
        }
        coupons = [
            dict(r)
            for r in conn.execute(
                text("SELECT * FROM coupons WHERE member_no = :m ORDER BY valid_to DESC"), {"m": member_no}
            ).mappings()
        ]
        claims = [
            dict(r)
            for r in conn.execute(
                text("SELECT * FROM benefit_claims WHERE member_no = :m ORDER BY id DESC"), {"m": member_no}
            ).mappings()
        ]
        tier_ops = tier_history(conn, member_no)
        requests = [
            dict(r)
            for r in conn.execute(
                text("SELECT * FROM adjust_requests WHERE member_no = :m ORDER BY id DESC"), {"m": member_no}
            ).mappings()
        ]
    member = dict(row)
    member["phone_masked"] = mask_phone(member["phone"])
    member["name_masked"] = mask_name(member["name"])
    lot_rows = [
        {
            "year": year,
            "points": points,
            "expires": rules.expiry_date(date(year, 1, 1)).isoformat(),
            "lapsed": ledger_math.lot_lapsed(year, today, rules),
        }
        for year, points in sorted(lots.items())
        if points
    ]
    consents = {
        name: json.loads(member[name]) if member.get(name) else None
        for name in ("privacy_consent", "marketing_consent")
    }
    return {
        "member": member,
        "ledger": ledger,
        "lots": lot_rows,
        "available": ledger_math.available(lots, today, rules),
        "coupons": coupons,
        "claims": claims,
        "tier_history": tier_ops,
        "tier_names": {t.code: t.name for t in rules.tiers},
        "consents": consents,
        "requests": requests,
    }


def tier_history(conn: Any, member_no: str) -> list[dict[str, Any]]:
    """The member's tier changes, oldest first: each one the server applied (``tier_changes``: by spend,
    points, activity or the annual review), and the reviews that kept the tier or predate that record
    (their ``benefit_claims``, which name the tier held at the review)."""
    changes = [
        dict(r)
        for r in conn.execute(
            text(
                "SELECT business_day, kind, from_tier, to_tier, op_id, terminal_id FROM tier_changes "
                "WHERE member_no = :m ORDER BY id"
            ),
            {"m": member_no},
        ).mappings()
    ]
    recorded = {c["op_id"] for c in changes}
    for r in conn.execute(
        text(
            "SELECT business_day, benefit, detail, op_id FROM benefit_claims WHERE member_no = :m "
            "AND benefit IN ('tier_review', 'activity_upgrade') AND status = 'claimed' ORDER BY id"
        ),
        {"m": member_no},
    ).mappings():
        if r["op_id"] in recorded:
            continue
        review = r["benefit"] == "tier_review"
        changes.append(
            {
                "business_day": r["business_day"],
                "kind": "tier_review" if review else "record_event",
                "from_tier": r["detail"] if review else "",
                "to_tier": "" if review else r["detail"],
                "op_id": r["op_id"],
                "terminal_id": None,
            }
        )
    changes.sort(key=lambda c: c["business_day"])
    return changes


def member_export(db: ServerDB, member_no: str) -> dict[str, Any]:
    """Everything held about a member (PIPL access request), as one JSON document."""
    out: dict[str, Any] = {}
    with db.read() as conn:
        queries = {
            "member": "SELECT * FROM members WHERE member_no = :m",
            "ledger": "SELECT * FROM ledger WHERE member_no = :m ORDER BY entry_id",
            "receipts": "SELECT * FROM receipts WHERE member_no = :m ORDER BY business_day",
            "coupons": "SELECT * FROM coupons WHERE member_no = :m ORDER BY code",
            "benefit_claims": "SELECT * FROM benefit_claims WHERE member_no = :m ORDER BY id",
            "operations": "SELECT op_id, terminal_id, kind, staff_no, local_time, business_day, status, payload "
            "FROM ops WHERE member_no = :m OR effective_member = :m ORDER BY received_at",
            "profile_edits": "SELECT * FROM profile_edits WHERE member_no = :m",
            "exceptions": "SELECT id, code, op_id, terminal_id, status, opened_at, resolution FROM exceptions "
            "WHERE member_no = :m ORDER BY id",
        }
        for name, sql in queries.items():
            out[name] = [dict(r) for r in conn.execute(text(sql), {"m": member_no}).mappings()]
    for op in out["operations"]:
        op["payload"] = json.loads(op["payload"])
    out["member"] = out["member"][0] if out["member"] else None
    return out


# -- the daily report from the server's data ---------------------------------------------------------------------


def daily_report(
    db: ServerDB,
    day: date,
    rules: Any,
    master: Any,
    now: datetime,
    prepared_by: str,
    terminal_id: str | None,
    language: str = "zh_CN",
) -> DailyReportData:
    """The mall-wide (or one desk's) daily report, laid out by the same printing code the desks use."""
    d = day.isoformat()
    where = "o.business_day = :d AND o.status = 'applied'" + (" AND o.terminal_id = :t" if terminal_id else "")
    params = {"d": d, "t": terminal_id}
    with db.read() as conn:
        ops = (
            conn.execute(
                text(
                    "SELECT o.op_id, o.terminal_id, o.epoch, o.seq, o.kind, o.staff_no, o.member_no, o.local_time, "
                    "o.payload, (SELECT coalesce(sum(delta), 0) FROM ledger l WHERE l.op_id = o.op_id AND l.kind != 'expire') "
                    f"AS points FROM ops o WHERE {where} ORDER BY o.terminal_id, o.epoch, o.seq"
                ),
                params,
            )
            .mappings()
            .all()
        )
        earned_rows = conn.execute(
            text(
                "SELECT l.kind, count(DISTINCT l.op_id), sum(l.delta), sum(l.spend_fen) FROM ledger l JOIN ops o "
                f"ON o.op_id = l.op_id WHERE {where} AND l.delta > 0 GROUP BY l.kind ORDER BY l.kind"
            ),
            params,
        ).all()
        names = {r[0]: r[1] for r in conn.execute(text("SELECT staff_no, name FROM staff"))}
        terminals = (
            conn.execute(
                text(
                    "SELECT * FROM terminals WHERE status = 'active'" + (" AND terminal_id = :t" if terminal_id else "")
                ),
                params,
            )
            .mappings()
            .all()
        )
        exceptions = (
            conn.execute(
                text(
                    "SELECT * FROM exceptions WHERE opened_at >= :a AND opened_at < :b"
                    + (" AND terminal_id = :t" if terminal_id else "")
                    + " ORDER BY id"
                ),
                {
                    **params,
                    **dict(
                        zip(
                            ("a", "b"),
                            (to_utc_text(x) for x in business_day_bounds(day, rules.timezone, rules.cutover_hour)),
                            strict=True,
                        )
                    ),
                },
            )
            .mappings()
            .all()
        )
        codes_of = {r[0]: r[1] for r in conn.execute(text("SELECT terminal_id, terminal_code FROM terminals"))}
        targets = [json.loads(r["payload"]).get("target_op_id") for r in ops if r["kind"] == "reverse"]
        originals = (
            {
                r["op_id"]: (r["kind"], codes.op_ref(codes_of.get(r["terminal_id"], 0), r["epoch"], r["seq"]))
                for r in conn.execute(
                    text("SELECT op_id, kind, terminal_id, epoch, seq FROM ops WHERE op_id IN :ids").bindparams(
                        bindparam("ids", expanding=True)
                    ),
                    {"ids": targets},
                ).mappings()
            }
            if targets
            else {}
        )
    tally = ActivityTally(rules, master, lambda code: codes.parse_coupon_code(code)[0], originals.get)
    for row in ops:
        local = from_utc_text(row["local_time"]).astimezone(rules.timezone)
        ref = codes.op_ref(codes_of.get(row["terminal_id"], 0), row["epoch"], row["seq"])
        tally.add(row["kind"], json.loads(row["payload"]), row["points"], local, ref, row["staff_no"], row["member_no"])
    figures = tally.figures(
        names,
        earned=tuple(EarnRow(k, int(n), int(p), int(s or 0)) for k, n, p, s in earned_rows),
        exceptions=tuple(
            ExceptionRow(
                from_utc_text(e["opened_at"]).astimezone(rules.timezone).strftime("%H:%M"),
                e["terminal_id"] or "",
                (e["op_id"] or "")[:8],
                _message(e["message"]),
                e["status"] == "resolved",
                e["resolved_by"] or "",
                e["resolution"] or "",
            )
            for e in exceptions
        ),
    )
    syncs = tuple(
        TerminalSync(
            int(t["terminal_code"]),
            t["name"],
            _synced(dict(t), day, rules, now),
            from_utc_text(last_sync(dict(t)) or "").astimezone(rules.timezone).strftime("%m-%d %H:%M")
            if last_sync(dict(t))
            else None,
            t.get("pending_ops"),
        )
        for t in terminals
    )
    desk_name = terminals[0]["name"] if terminals else terminal_id
    scope = desk_name if terminal_id else rules.mall_name.get(language)
    return DailyReportData(
        mall_name=rules.mall_name,
        scope=scope,
        business_day=d,
        generated_at_local=now.astimezone(rules.timezone).strftime("%Y-%m-%d %H:%M"),
        prepared_by=prepared_by,
        figures=figures,
        terminals=syncs,
        rules_version=rules.version,
    )


def _message(raw: str) -> Any:
    from membership.i18n import Message

    try:
        return Message.from_json(json.loads(raw))
    except (ValueError, KeyError, TypeError):
        return raw


def month_rows(db: ServerDB, year: int, month: int) -> list[tuple[str, str, str, int]]:
    """(business day, terminal, kind, operations) for a month: the month's figures per desk and day."""
    first = date(year, month, 1)
    last = date(year + month // 12, month % 12 + 1, 1)
    with db.read() as conn:
        return [
            (r[0], r[1], r[2], int(r[3]))
            for r in conn.execute(
                text(
                    "SELECT business_day, terminal_id, kind, count(*) FROM ops WHERE business_day >= :a "
                    "AND business_day < :b AND status = 'applied' GROUP BY business_day, terminal_id, kind "
                    "ORDER BY business_day, terminal_id, kind"
                ),
                {"a": first.isoformat(), "b": last.isoformat()},
            )
        ]
