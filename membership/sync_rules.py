"""Pure rules shared by the terminal and the server for sync: derived member state, offline facts, merges.

Both sides derive a member's state from plain ledger rows with :func:`member_state_from_rows`, book an
offline redemption as a fact with :func:`decide_redemption_fact`, and re-point an alias's ledger with
:func:`merge_lines`, so the terminal's provisional outcome and the server's authoritative one are made
by the same code. Nothing here reads a clock or touches storage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from . import ledger as ledger_kinds
from . import operations as ops
from .decisions import (
    Context,
    Decision,
    MemberState,
    Refused,
    decide_cash_offset,
    decide_donate_points,
    decide_redeem_gift,
    tier_as_of,
)
from .ledger import LedgerLine
from .rules import Rules
from .validation import parse_stored_birthday

# How long terminals keep other desks' operations (history and reversal at any desk): a refund comes
# within a year of the purchase. The server's snapshot and the terminal's daily pruning both use it.
REMOTE_OPS_DAYS = 400

# Outcome statuses the server records for an operation.
APPLIED = "applied"  # decided and written as the terminal decided it (possibly with other numbers)
REJECTED = "rejected"  # a business rejection: nothing written but the record, an exception opened
REDEMPTION_KINDS = (ops.REDEEM_GIFT, ops.REDEEM_CASH_OFFSET, ops.DONATE_POINTS)


@dataclass(frozen=True)
class LedgerRow:
    """One ledger entry as stored, with whether its operation was decided online (None: unknown)."""

    kind: str
    delta: int
    lot_year: int
    spend_fen: int
    business_day: str
    online: int | None = None


def member_state_from_rows(
    row: Mapping[str, Any],
    entries: Iterable[LedgerRow | tuple[Any, ...]],
    claims: Iterable[tuple[str, str]],
    receipts_today: int,
    today: date,
    rules: Rules,
) -> MemberState:
    """A member's derived state from its row, ledger entries and claims: the terminal store's derivation.

    ``entries`` are ``(kind, delta, lot_year, spend_fen, business_day, online)`` rows; ``claims`` the
    (benefit, period) pairs still claimed.
    """
    today_text = today.isoformat()
    rolling_from = (today - timedelta(days=rules.rolling_days - 1)).isoformat()
    year_from = f"{today.year:04d}-01-01"
    lots: dict[int, int] = {}
    spend = purchase_points = offline_today = purchases = 0
    last_purchase: str | None = None
    for kind, delta, lot_year, spend_fen, day, online in entries:
        lots[lot_year] = lots.get(lot_year, 0) + delta
        if day >= rolling_from and day <= today_text:
            spend += spend_fen
            if spend_fen > 0:
                purchases += 1
        if spend_fen > 0 and (last_purchase is None or day > last_purchase):
            last_purchase = day
        if kind in (ledger_kinds.EARN, ledger_kinds.RECEIPT) and day >= year_from:
            purchase_points += delta
        if day == today_text and kind in ledger_kinds.SPENDING_KINDS and online == 0:
            offline_today -= delta
    claim_set = frozenset((benefit, period) for benefit, period in claims)
    events_year = sum(1 for b, p in claim_set if b == "event" and p.startswith(f"{today.year}:"))
    return MemberState(
        member_no=row["member_no"],
        name=row["name"],
        phone=row["phone"],
        birthday=parse_stored_birthday(row["birthday"]),
        tier=tier_as_of(row["tier"], row["tier_since"], today, spend, rules),
        enrolled_on=date.fromisoformat(row["enrolled_day"]),
        status=row["status"],
        lots={year: points for year, points in lots.items() if points != 0},
        spend_rolling_fen=spend,
        purchase_points_year=purchase_points,
        events_year=events_year,
        receipts_today=receipts_today,
        offline_redeemed_today=offline_today,
        claims=claim_set,
        last_purchase_on=date.fromisoformat(last_purchase) if last_purchase else None,
        purchases_12m=purchases,
    )


def redemption_cost(kind: str, payload: dict[str, Any], ctx: Context) -> int:
    """Points a redemption takes (0 when the item is unknown: the decision refuses it anyway)."""
    if kind in (ops.REDEEM_CASH_OFFSET, ops.DONATE_POINTS):
        return int(payload["points"])
    item = ctx.master.catalogue.get(payload["item_code"])
    return item.points * int(payload["quantity"]) if item else 0


def decide_redemption_fact(
    kind: str, state: MemberState, payload: dict[str, Any], ctx: Context, stock_left: int
) -> tuple[Decision, int]:
    """Book a redemption that already happened at a desk: (decision, points overdrawn).

    The gift was handed over, so neither the offline cap, the desk's stock nor a short balance can
    refuse it: the stock may go below zero and the shortfall is booked as debt in the current year's
    lot (``ledger.consume_oldest_first`` skips such a lot later, so the debt stays in the balance).
    Other refusals (unknown item or campaign, an inactive member, a bad cash-offset step) still refuse.
    """
    ctx = replace(ctx, online=True)  # the cap limits what a desk may do offline, not what it did
    quantity = int(payload.get("quantity", 1))

    def decide(s: MemberState) -> Decision:
        if kind == ops.REDEEM_GIFT:
            return decide_redeem_gift(s, payload, ctx, max(stock_left, quantity))
        if kind == ops.DONATE_POINTS:
            return decide_donate_points(s, payload, ctx)
        return decide_cash_offset(s, payload, ctx)

    try:
        return decide(state), 0
    except Refused as refusal:
        if refusal.code != "insufficient_points":
            raise
    # Points that lapse today are expired by the decision first; only living lots count.
    have = ledger_kinds.available(state.lots, ctx.today, ctx.rules)
    shortfall = redemption_cost(kind, payload, ctx) - have
    year = ctx.today.year
    boosted = replace(state, lots={**state.lots, year: state.lots.get(year, 0) + shortfall})
    return decide(boosted), shortfall


def merge_lines(alias_no: str, primary_no: str, entries: Iterable[tuple[str, int, int, int, str]]) -> list[tuple]:
    """Lines that re-point an alias's ledger to its primary member, kind by kind and day by day.

    ``entries`` are the alias's ``(kind, delta, lot_year, spend_fen, business_day)`` rows. The result
    is ``(LedgerLine, business_day)`` pairs: for every (kind, lot, day) the alias gets the opposite and
    the primary the same, so the primary's derived figures (spend, purchase points, lots) include the
    alias's history exactly and the alias's ledger sums to zero.
    """
    groups: dict[tuple[str, int, str], list[int]] = {}
    for kind, delta, lot_year, spend_fen, day in entries:
        sums = groups.setdefault((kind, lot_year, day), [0, 0])
        sums[0] += delta
        sums[1] += spend_fen
    out: list[tuple] = []
    for (kind, lot_year, day), (delta, spend) in sorted(groups.items()):
        if delta == 0 and spend == 0:
            continue
        out.append((LedgerLine(alias_no, -delta, kind, lot_year, -spend), day))
        out.append((LedgerLine(primary_no, delta, kind, lot_year, spend), day))
    return out


LineKey = tuple[str, str, int, str]  # member_no, kind, lot_year, business_day


def ledger_corrections(
    local: Iterable[tuple[str, str, int, str, int, int]], server: Iterable[tuple[str, str, int, str, int, int]]
) -> list[tuple[str, str, int, str, int, int]]:
    """Entries to append so ``local`` sums like ``server``: ``(member, kind, lot, day, delta, spend)``.

    The terminal's ledger is append-only, so an outcome that differs from the provisional one (another
    desk credited the receipt first, a merge re-pointed the member, the server computed other points)
    is adopted by appending the difference per (member, kind, lot, day).
    """
    sums: dict[LineKey, list[int]] = {}
    for sign, rows in ((-1, local), (1, server)):
        for member_no, kind, lot_year, day, delta, spend in rows:
            acc = sums.setdefault((member_no, kind, lot_year, day), [0, 0])
            acc[0] += sign * delta
            acc[1] += sign * spend
    return [(m, k, lot, day, d, s) for (m, k, lot, day), (d, s) in sorted(sums.items()) if d or s]


def touched_keys(kind: str, payload: dict[str, Any], target: tuple[str, dict[str, Any]] | None = None) -> set[str]:
    """Keys of the rows an operation may change: ``member:NO``, ``coupon:CODE``, ``receipt:TENANT|NO``.

    A terminal holds back the server's version of such a row while its own operation on it is still
    provisional (the server's row would otherwise hide the desk's pending change), and the server
    sends the current version of each of them with the operation's outcome.
    """
    keys: set[str] = set()
    for k, p in ((kind, payload), target or ("", {})):
        if p.get("member_no"):
            keys.add(f"member:{p['member_no']}")
        for field in ("code", "coupon_code"):
            if p.get(field) and k in (ops.VERIFY_COUPON, ops.REDEEM_GIFT, ops.CLAIM_BENEFIT):
                keys.add(f"coupon:{p[field]}")
        if k == ops.CREDIT_RECEIPT:
            keys.add(f"receipt:{p['tenant_code']}|{p['receipt_no']}")
    return keys
