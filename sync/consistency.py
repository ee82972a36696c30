"""An operator's consistency check: a terminal's members compared with the server's, every difference named.

For each member: tier, status, the ledger's sum per lot year and their total (the raw balance), coupons
(code and status) and live benefit claims; and this desk's stock. The server computes its side with
``server.state.consistency_page``; this module computes the same figures from the store. Operations the
terminal has not pushed yet, or whose outcome it has not pulled, make honest differences: sync first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .client import ServerClient
from .store import Store


@dataclass(frozen=True)
class Difference:
    member_no: str  # "" for the desk's stock
    what: str  # tier, status, lot 2026, balance, coupon CODE, claim BENEFIT/PERIOD, missing, stock ITEM
    terminal: Any
    server: Any

    def __str__(self) -> str:
        who = self.member_no or "stock"
        return f"{who}  {self.what}: terminal {self.terminal!r}, server {self.server!r}"


def local_page(store: Store, after: str, limit: int) -> list[dict[str, Any]]:
    """The figures of ``server.state.consistency_page``, from the terminal's store."""
    members = store.query(
        "SELECT member_no, tier, status FROM members WHERE member_no > ? ORDER BY member_no LIMIT ?", (after, limit)
    )
    if not members:
        return []
    span = (after, members[-1]["member_no"])
    out = {
        m["member_no"]: {
            "member_no": m["member_no"],
            "tier": m["tier"],
            "status": m["status"],
            "lots": {},
            "coupons": [],
            "claims": [],
        }
        for m in members
    }
    for r in store.query(
        "SELECT member_no, lot_year, sum(delta) FROM ledger WHERE member_no > ? AND member_no <= ? "
        "GROUP BY member_no, lot_year",
        span,
    ):
        if r[0] in out and r[2]:
            out[r[0]]["lots"][str(r[1])] = int(r[2])
    for r in store.query(
        "SELECT member_no, code, status FROM coupons WHERE member_no > ? AND member_no <= ? ORDER BY code", span
    ):
        if r[0] in out:
            out[r[0]]["coupons"].append([r[1], r[2]])
    for r in store.query(
        "SELECT member_no, benefit, period FROM benefit_claims WHERE status = 'claimed' AND member_no > ? "
        "AND member_no <= ? ORDER BY benefit, period",
        span,
    ):
        if r[0] in out:
            out[r[0]]["claims"].append([r[1], r[2]])
    return list(out.values())


def _compare_member(mine: dict[str, Any] | None, theirs: dict[str, Any] | None) -> Iterator[Difference]:
    no = (mine or theirs or {})["member_no"]
    if mine is None or theirs is None:
        yield Difference(no, "missing", "present" if mine else None, "present" if theirs else None)
        return
    for key in ("tier", "status"):
        if mine[key] != theirs[key]:
            yield Difference(no, key, mine[key], theirs[key])
    for year in sorted(set(mine["lots"]) | set(theirs["lots"])):
        a, b = mine["lots"].get(year, 0), theirs["lots"].get(year, 0)
        if a != b:
            yield Difference(no, f"lot {year}", a, b)
    a, b = sum(mine["lots"].values()), sum(theirs["lots"].values())
    if a != b:
        yield Difference(no, "balance", a, b)
    coupons_a, coupons_b = dict(map(tuple, mine["coupons"])), dict(map(tuple, theirs["coupons"]))
    for code in sorted(set(coupons_a) | set(coupons_b)):
        if coupons_a.get(code) != coupons_b.get(code):
            yield Difference(no, f"coupon {code}", coupons_a.get(code), coupons_b.get(code))
    claims_a, claims_b = {tuple(c) for c in mine["claims"]}, {tuple(c) for c in theirs["claims"]}
    for benefit, period in sorted(claims_a ^ claims_b):
        yield Difference(no, f"claim {benefit}/{period}", (benefit, period) in claims_a, (benefit, period) in claims_b)


def compare(store: Store, client: ServerClient, page: int = 500) -> Iterator[Difference]:
    """Every difference between this terminal and the server, member by member, then the desk's stock."""
    after_local = after_server = ""
    mine: dict[str, dict[str, Any]] = {}
    theirs: dict[str, dict[str, Any]] = {}
    local_done = server_done = False
    while not (local_done and server_done):
        if not local_done:
            rows = local_page(store, after_local, page)
            local_done = len(rows) < page
            mine.update((r["member_no"], r) for r in rows)
            after_local = rows[-1]["member_no"] if rows else after_local
        if not server_done:
            answer = client.consistency(after_server, page)
            rows = answer["members"]
            server_done = len(rows) < page
            theirs.update((r["member_no"], r) for r in rows)
            after_server = rows[-1]["member_no"] if rows else after_server
            stock = answer["stock"]
        # Members both sides have listed up to the smaller cursor can be compared now.
        upto = min(after_local if not local_done else "\uffff", after_server if not server_done else "\uffff")
        for no in sorted(k for k in set(mine) | set(theirs) if k <= upto):
            yield from _compare_member(mine.pop(no, None), theirs.pop(no, None))
    for no in sorted(set(mine) | set(theirs)):
        yield from _compare_member(mine.get(no), theirs.get(no))
    local_stock = {r[0]: r[1] for r in store.query("SELECT item_code, quantity FROM stock")}
    for item in sorted(set(local_stock) | set(stock)):
        if local_stock.get(item, 0) != stock.get(item, 0):
            yield Difference("", f"stock {item}", local_stock.get(item, 0), stock.get(item, 0))
