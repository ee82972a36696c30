"""The points ledger's arithmetic: expiry lots, oldest-first consumption, lapsed lots.

Points are never an updatable balance. Every entry belongs to a lot: the business year its points were
earned in. A lot expires at the end of year ``lot + expiry_years``. Spending takes from the oldest
living lot first; expiry writes one ``expire`` entry that empties a lapsed lot.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .rules import Rules

# Ledger entry kinds.
WELCOME = "welcome"
REFERRAL = "referral"
EARN = "earn"
RECEIPT = "receipt"
REDEEM = "redeem"
CASH_OFFSET = "cash_offset"
DONATION = "donation"
REVERSAL = "reversal"
ADJUST = "adjust"
EXPIRE = "expire"
ENTRY_KINDS = (WELCOME, REFERRAL, EARN, RECEIPT, REDEEM, CASH_OFFSET, DONATION, REVERSAL, ADJUST, EXPIRE)
# Entries that spend points on something the member takes away (counted by the offline cap).
SPENDING_KINDS = (REDEEM, CASH_OFFSET, DONATION)


@dataclass(frozen=True)
class LedgerLine:
    """One ledger entry: ``delta`` points in lot ``lot_year`` for ``member_no``.

    ``spend_fen`` carries qualifying spend (positive for purchases, negative when a purchase is reversed);
    the tier and RFM figures are sums of it.
    """

    member_no: str
    delta: int
    kind: str
    lot_year: int
    spend_fen: int = 0


def lot_lapsed(lot_year: int, today: date, rules: Rules) -> bool:
    return today > rules.expiry_date(date(lot_year, 1, 1))


def living_lots(lots: Mapping[int, int], today: date, rules: Rules) -> dict[int, int]:
    return {year: points for year, points in lots.items() if not lot_lapsed(year, today, rules)}


def available(lots: Mapping[int, int], today: date, rules: Rules) -> int:
    """Points the member can spend today: the living lots' sum (lapsed lots count as already expired)."""
    return sum(living_lots(lots, today, rules).values())


def expiry_lines(member_no: str, lots: Mapping[int, int], today: date, rules: Rules) -> list[LedgerLine]:
    """``expire`` entries that empty every lapsed lot still holding points."""
    return [
        LedgerLine(member_no, -points, EXPIRE, year)
        for year, points in sorted(lots.items())
        if points > 0 and lot_lapsed(year, today, rules)
    ]


def consume_oldest_first(lots: Mapping[int, int], points: int, today: date, rules: Rules) -> list[tuple[int, int]]:
    """(lot year, points taken) pairs covering ``points`` from the oldest living lots.

    The caller has checked that :func:`available` covers ``points``. Lots with a negative remainder
    (an offline overdraw booked by the server) are skipped, and their debt stays in the balance.
    """
    taken: list[tuple[int, int]] = []
    remaining = points
    for year, held in sorted(living_lots(lots, today, rules).items()):
        if remaining == 0:
            break
        if held <= 0:
            continue
        take = min(held, remaining)
        taken.append((year, take))
        remaining -= take
    if remaining:
        raise ValueError("not enough points in living lots")  # callers check first; this is a bug guard
    return taken


def expiring_next(lots: Mapping[int, int], today: date, rules: Rules) -> tuple[int, date] | None:
    """(points, last valid day) of the oldest living lot with points, as the profile shows it."""
    for year, held in sorted(living_lots(lots, today, rules).items()):
        if held > 0:
            return held, rules.expiry_date(date(year, 1, 1))
    return None


def apply_lines(lots: Mapping[int, int], lines: list[LedgerLine], member_no: str) -> dict[int, int]:
    """The lots after ``lines`` (only those for ``member_no``) are written."""
    result = dict(lots)
    for line in lines:
        if line.member_no == member_no:
            result[line.lot_year] = result.get(line.lot_year, 0) + line.delta
    return result
