"""The daily report's and the shift handover's figures as sections: title, header, rows, total.

Each section is described once so the PDF (``printing.report_layout``) and the CSV (``printing.report_csv``)
print exactly the same figures; only the PDF adds charts and layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from membership.i18n import QT_TRANSLATE_NOOP, Message, Text
from membership.report_data import NOT_ITEMS, ActivityFigures, RedeemRow, StockCount, TerminalSync

from .text import Tr, points, signed_points, yuan, yuan_plain

# -- labels --------------------------------------------------------------------------------------------

CHANNEL_LABELS = {
    "desk": QT_TRANSLATE_NOOP("Print", "Service desk"),
    "checkout": QT_TRANSLATE_NOOP("Print", "Checkout"),
    "paper": QT_TRANSLATE_NOOP("Print", "Paper slip"),
}
SOURCE_LABELS = {
    "earn": QT_TRANSLATE_NOOP("Print", "Purchases at checkout"),
    "receipt": QT_TRANSLATE_NOOP("Print", "Receipts credited"),
    "welcome": QT_TRANSLATE_NOOP("Print", "Welcome points"),
    "referral": QT_TRANSLATE_NOOP("Print", "Referral points"),
    "adjust": QT_TRANSLATE_NOOP("Print", "Adjustments"),
    "event": QT_TRANSLATE_NOOP("Print", "Member events"),
    "reversal": QT_TRANSLATE_NOOP("Print", "Reversals"),
}
REDEEM_KIND_LABELS = {
    "gift": QT_TRANSLATE_NOOP("Print", "Gift"),
    "parking": QT_TRANSLATE_NOOP("Print", "Parking voucher"),
    "ticket": QT_TRANSLATE_NOOP("Print", "Ticket"),
    "coupon": QT_TRANSLATE_NOOP("Print", "Coupon"),
    "cash_offset": QT_TRANSLATE_NOOP("Print", "Points as cash"),
    "donation": QT_TRANSLATE_NOOP("Print", "Points donation"),
}
BENEFIT_LABELS = {
    "birthday": QT_TRANSLATE_NOOP("Print", "Birthday gift"),
    "parking": QT_TRANSLATE_NOOP("Print", "Free parking"),
    "member_day": QT_TRANSLATE_NOOP("Print", "Member-day gift"),
}
SLIP_LABELS = {
    "enroll": QT_TRANSLATE_NOOP("Print", "Enrollment slip"),
    "receipt": QT_TRANSLATE_NOOP("Print", "Receipt-credit slip"),
    "gift": QT_TRANSLATE_NOOP("Print", "Redemption slip"),
    "benefit": QT_TRANSLATE_NOOP("Print", "Benefit slip"),
}
KIND_LABELS = {
    "earn": QT_TRANSLATE_NOOP("Print", "Points for purchase"),
    "credit_receipt": QT_TRANSLATE_NOOP("Print", "Receipt credit"),
    "redeem_gift": QT_TRANSLATE_NOOP("Print", "Gift redemption"),
    "redeem_cash_offset": QT_TRANSLATE_NOOP("Print", "Points as cash"),
    "donate_points": QT_TRANSLATE_NOOP("Print", "Points donation"),
    "verify_coupon": QT_TRANSLATE_NOOP("Print", "Coupon verified"),
    "claim_benefit": QT_TRANSLATE_NOOP("Print", "Benefit claimed"),
}


def label(tr: Tr, table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return tr.catalog.translate("Print", source) if source else code


def free_text(tr: Tr, value: str | Message | Text) -> str:
    if isinstance(value, Message):
        return tr.msg(value)
    return tr.text(value)


def _by_and_approved(staff_no: str, approved_by: str) -> str:
    """Who did it and, for a reversal or adjustment a manager approved, who approved: "S0107 / M0003"."""
    return staff_no + (f" / {approved_by}" if approved_by else "")


def redeem_name(tr: Tr, row: RedeemRow) -> str:
    if row.kind == "cash_offset":
        return label(tr, REDEEM_KIND_LABELS, "cash_offset")
    return tr.text(row.name)


# -- the sections, shared by both documents ------------------------------------------------------------


@dataclass
class Section:
    """One table of a report: the PDF draws it (widths, numeric columns, highlight); the CSV writes its cells."""

    key: str
    title: str
    header: list[str]
    rows: list[list[str]]
    total: list[str] | None = None
    widths: tuple[float, ...] = ()
    numeric: tuple[int, ...] = ()
    empty: str = ""
    highlight: tuple[int, ...] = ()  # data rows printed in red (open exceptions, unsynced terminals)


def activity_sections(f: ActivityFigures, tr: Tr, csv_mode: bool) -> list[Section]:
    """The figures, formatted for print or (``csv_mode``) as plain numbers for spreadsheets."""
    P = signed_points if not csv_mode else str
    N = points if not csv_mode else str
    Y = yuan if not csv_mode else yuan_plain
    none = tr(QT_TRANSLATE_NOOP("Print", "None in this period."))
    total = tr(QT_TRANSLATE_NOOP("Print", "Total"))
    out: list[Section] = []

    out.append(
        Section(
            "enrollments",
            tr(QT_TRANSLATE_NOOP("Print", "Enrollments by staff and channel")),
            [
                tr(QT_TRANSLATE_NOOP("Print", "Staff")),
                tr(QT_TRANSLATE_NOOP("Print", "Channel")),
                tr(QT_TRANSLATE_NOOP("Print", "New members")),
            ],
            [
                [f"{r.staff_no} {r.staff_name}".strip(), label(tr, CHANNEL_LABELS, r.channel), N(r.count)]
                for r in f.enrollments
            ],
            [total, "", N(f.enrollments_total)],
            (0.45, 0.3, 0.25),
            (2,),
            none,
        )
    )
    out.append(
        Section(
            "earned",
            tr(QT_TRANSLATE_NOOP("Print", "Points earned by source")),
            [
                tr(QT_TRANSLATE_NOOP("Print", "Source")),
                tr(QT_TRANSLATE_NOOP("Print", "Operations")),
                tr(QT_TRANSLATE_NOOP("Print", "Qualifying spend")),
                tr(QT_TRANSLATE_NOOP("Print", "Points")),
            ],
            # Welcome and referral points have no purchase behind them: a blank reads better than ¥0.00.
            [
                [
                    label(tr, SOURCE_LABELS, r.source),
                    N(r.operations),
                    Y(r.spend_fen) if r.spend_fen or csv_mode else "",
                    N(r.points),
                ]
                for r in f.earned
            ],
            [total, N(sum(r.operations for r in f.earned)), Y(sum(r.spend_fen for r in f.earned)), N(f.points_earned)],
            (0.37, 0.18, 0.25, 0.2),
            (1, 2, 3),
            none,
        )
    )
    out.append(
        Section(
            "redeemed",
            tr(QT_TRANSLATE_NOOP("Print", "Points redeemed by gift, voucher, cash offset and donation")),
            [
                tr(QT_TRANSLATE_NOOP("Print", "Item")),
                tr(QT_TRANSLATE_NOOP("Print", "Kind")),
                tr(QT_TRANSLATE_NOOP("Print", "Quantity")),
                tr(QT_TRANSLATE_NOOP("Print", "Points")),
                tr(QT_TRANSLATE_NOOP("Print", "Cash value")),
            ],
            [
                [
                    (f"{r.item_code} " if r.item_code else "") + redeem_name(tr, r),
                    label(tr, REDEEM_KIND_LABELS, r.kind),
                    N(r.quantity),
                    N(r.points),
                    Y(r.value_fen) if r.value_fen else "",
                ]
                for r in f.redeemed
            ],
            [total, "", N(sum(r.quantity for r in f.redeemed)), N(f.points_redeemed), Y(f.cash_offset_fen)],
            (0.36, 0.16, 0.14, 0.16, 0.18),
            (2, 3, 4),
            none,
        )
    )
    out.append(
        Section(
            "coupons",
            tr(QT_TRANSLATE_NOOP("Print", "Coupons verified")),
            [
                tr(QT_TRANSLATE_NOOP("Print", "Coupon")),
                tr(QT_TRANSLATE_NOOP("Print", "Verified")),
                tr(QT_TRANSLATE_NOOP("Print", "Face value")),
            ],
            [[f"{r.definition} {tr.text(r.name)}", N(r.count), Y(r.value_fen)] for r in f.coupons],
            [total, N(f.coupons_verified), Y(f.coupons_value_fen)],
            (0.5, 0.2, 0.3),
            (1, 2),
            none,
        )
    )
    out.append(
        Section(
            "benefits",
            tr(QT_TRANSLATE_NOOP("Print", "Benefits claimed")),
            [tr(QT_TRANSLATE_NOOP("Print", "Benefit")), tr(QT_TRANSLATE_NOOP("Print", "Claimed"))],
            [[label(tr, BENEFIT_LABELS, r.benefit), N(r.count)] for r in f.benefits],
            [total, N(f.benefits_claimed)],
            (0.7, 0.3),
            (1,),
            none,
        )
    )
    out.append(
        Section(
            "reversals",
            tr(QT_TRANSLATE_NOOP("Print", "Reversals")),
            [
                tr(QT_TRANSLATE_NOOP("Print", "Time")),
                tr(QT_TRANSLATE_NOOP("Print", "Reference")),
                tr(QT_TRANSLATE_NOOP("Print", "Reversed")),
                tr(QT_TRANSLATE_NOOP("Print", "Member no.")),
                tr(QT_TRANSLATE_NOOP("Print", "Points")),
                tr(QT_TRANSLATE_NOOP("Print", "By / approved")),
                tr(QT_TRANSLATE_NOOP("Print", "Reason")),
            ],
            [
                [
                    r.at_local,
                    r.op_ref,
                    f"{label(tr, KIND_LABELS, r.original_kind)} {r.original_ref}",
                    r.member_no or "",
                    P(r.points),
                    _by_and_approved(r.staff_no, r.approved_by),
                    free_text(tr, r.reason),
                ]
                for r in f.reversals
            ],
            [total, N(len(f.reversals)), "", "", P(f.reversal_points), "", ""],
            (0.08, 0.11, 0.2, 0.12, 0.08, 0.15, 0.26),
            (4,),
            none,
        )
    )
    out.append(
        Section(
            "adjustments",
            tr(QT_TRANSLATE_NOOP("Print", "Points adjustments")),
            [
                tr(QT_TRANSLATE_NOOP("Print", "Time")),
                tr(QT_TRANSLATE_NOOP("Print", "Reference")),
                tr(QT_TRANSLATE_NOOP("Print", "Member no.")),
                tr(QT_TRANSLATE_NOOP("Print", "Points")),
                tr(QT_TRANSLATE_NOOP("Print", "By / approved")),
                tr(QT_TRANSLATE_NOOP("Print", "Reason")),
            ],
            [
                [
                    r.at_local,
                    r.op_ref,
                    r.member_no,
                    P(r.points),
                    _by_and_approved(r.staff_no, r.approved_by),
                    free_text(tr, r.reason),
                ]
                for r in f.adjustments
            ],
            [total, N(len(f.adjustments)), "", P(f.adjustment_points), "", ""],
            (0.08, 0.11, 0.12, 0.08, 0.15, 0.46),
            (3,),
            none,
        )
    )
    out.append(
        Section(
            "paper_slips",
            tr(QT_TRANSLATE_NOOP("Print", "Paper slips keyed in")),
            [
                tr(QT_TRANSLATE_NOOP("Print", "Serial")),
                tr(QT_TRANSLATE_NOOP("Print", "Slip")),
                tr(QT_TRANSLATE_NOOP("Print", "Written")),
                tr(QT_TRANSLATE_NOOP("Print", "Keyed in")),
                tr(QT_TRANSLATE_NOOP("Print", "By")),
                tr(QT_TRANSLATE_NOOP("Print", "Reference")),
            ],
            [
                [r.serial, label(tr, SLIP_LABELS, r.slip_type), r.written_at, r.keyed_at, r.keyed_by, r.op_ref]
                for r in f.paper_slips
            ],
            [total, N(len(f.paper_slips)), "", "", "", ""],
            (0.17, 0.19, 0.17, 0.17, 0.12, 0.18),
            (),
            none,
        )
    )
    if f.outstanding_slips:
        by_type: dict[str, list[str]] = {}
        for serial in f.outstanding_slips:
            by_type.setdefault(
                {"E": "enroll", "R": "receipt", "G": "gift", "B": "benefit"}.get(serial[1:2], ""), []
            ).append(serial)
        out.append(
            Section(
                "paper_outstanding",
                tr(QT_TRANSLATE_NOOP("Print", "Issued slips not keyed in yet")),
                [
                    tr(QT_TRANSLATE_NOOP("Print", "Slip")),
                    tr(QT_TRANSLATE_NOOP("Print", "Count")),
                    tr(QT_TRANSLATE_NOOP("Print", "Serials")),
                ],
                [[label(tr, SLIP_LABELS, t), N(len(v)), " ".join(v)] for t, v in by_type.items()],
                [total, N(len(f.outstanding_slips)), ""],
                (0.2, 0.1, 0.7),
                (1,),
                none,
            )
        )
    open_label = tr(QT_TRANSLATE_NOOP("Print", "OPEN"))
    out.append(
        Section(
            "exceptions",
            tr(QT_TRANSLATE_NOOP("Print", "Sync exceptions opened and resolved")),
            [
                tr(QT_TRANSLATE_NOOP("Print", "Opened")),
                tr(QT_TRANSLATE_NOOP("Print", "Terminal")),
                tr(QT_TRANSLATE_NOOP("Print", "Reference")),
                tr(QT_TRANSLATE_NOOP("Print", "What happened")),
                tr(QT_TRANSLATE_NOOP("Print", "Resolution")),
            ],
            [
                [
                    r.opened_at,
                    r.terminal,
                    r.reference,
                    free_text(tr, r.description),
                    (f"{r.resolved_by}: {free_text(tr, r.decision)}" if r.resolved else open_label),
                ]
                for r in f.exceptions
            ],
            [
                total,
                N(len(f.exceptions)),
                "",
                tr(QT_TRANSLATE_NOOP("Print", "{count} still open"), count=f.exceptions_open),
                "",
            ],
            (0.1, 0.08, 0.2, 0.32, 0.3),
            (),
            none,
            highlight=tuple(i for i, r in enumerate(f.exceptions) if not r.resolved),
        )
    )
    out.append(
        Section(
            "stock",
            tr(QT_TRANSLATE_NOOP("Print", "Stock movements")),
            [
                tr(QT_TRANSLATE_NOOP("Print", "Item")),
                tr(QT_TRANSLATE_NOOP("Print", "Opening")),
                tr(QT_TRANSLATE_NOOP("Print", "Handed out")),
                tr(QT_TRANSLATE_NOOP("Print", "Returned")),
                tr(QT_TRANSLATE_NOOP("Print", "Received")),
                tr(QT_TRANSLATE_NOOP("Print", "Closing")),
            ],
            [
                [
                    f"{r.item_code} {tr.text(r.name)}",
                    N(r.opening),
                    N(r.issued),
                    N(r.returned),
                    N(r.received),
                    N(r.closing),
                ]
                for r in f.stock
            ],
            None,
            (0.35, 0.13, 0.13, 0.13, 0.13, 0.13),
            (1, 2, 3, 4, 5),
            none,
        )
    )
    return out


def sync_section(terminals: Sequence[TerminalSync], tr: Tr) -> Section:
    never = tr(QT_TRANSLATE_NOOP("Print", "never"))
    unknown = tr(QT_TRANSLATE_NOOP("Print", "unknown"))
    rows = [
        [
            f"{t.code:03d} {t.name}",
            t.last_sync_local or never,
            unknown if t.pending is None else str(t.pending),
            tr(QT_TRANSLATE_NOOP("Print", "Synced")) if t.synced else tr(QT_TRANSLATE_NOOP("Print", "NOT SYNCED")),
        ]
        for t in terminals
    ]
    return Section(
        "completeness",
        tr(QT_TRANSLATE_NOOP("Print", "Completeness: terminal sync")),
        [
            tr(QT_TRANSLATE_NOOP("Print", "Terminal")),
            tr(QT_TRANSLATE_NOOP("Print", "Last sync")),
            tr(QT_TRANSLATE_NOOP("Print", "Operations waiting")),
            tr(QT_TRANSLATE_NOOP("Print", "Status")),
        ],
        rows,
        None,
        (0.4, 0.22, 0.18, 0.2),
        (2,),
        tr(QT_TRANSLATE_NOOP("Print", "No terminals listed.")),
        highlight=tuple(i for i, t in enumerate(terminals) if not t.synced),
    )


def stock_count_section(counts: Sequence[StockCount], tr: Tr, csv_mode: bool) -> Section:
    N = points if not csv_mode else str
    P = signed_points if not csv_mode else str
    return Section(
        "stock_count",
        tr(QT_TRANSLATE_NOOP("Print", "Stock counted at handover")),
        [
            tr(QT_TRANSLATE_NOOP("Print", "Item")),
            tr(QT_TRANSLATE_NOOP("Print", "Expected")),
            tr(QT_TRANSLATE_NOOP("Print", "Counted")),
            tr(QT_TRANSLATE_NOOP("Print", "Difference")),
        ],
        [[f"{c.item_code} {tr.text(c.name)}", N(c.expected), N(c.counted), P(c.difference)] for c in counts],
        None,
        (0.46, 0.18, 0.18, 0.18),
        (1, 2, 3),
        tr(QT_TRANSLATE_NOOP("Print", "No stock was counted.")),
        highlight=tuple(i for i, c in enumerate(counts) if c.difference),
    )


def gifts_section(f: ActivityFigures, tr: Tr) -> Section:
    """The shift handover's gifts handed out (items only: no vouchers, cash offsets or donations)."""
    return Section(
        "gifts",
        tr(QT_TRANSLATE_NOOP("Print", "Gifts handed out")),
        [
            tr(QT_TRANSLATE_NOOP("Print", "Item")),
            tr(QT_TRANSLATE_NOOP("Print", "Quantity")),
            tr(QT_TRANSLATE_NOOP("Print", "Points")),
        ],
        [
            [f"{r.item_code} {tr.text(r.name)}", points(r.quantity), points(r.points)]
            for r in f.redeemed
            if r.kind not in NOT_ITEMS
        ],
        [
            tr(QT_TRANSLATE_NOOP("Print", "Total")),
            points(f.items_handed_out),
            points(sum(r.points for r in f.redeemed if r.kind not in NOT_ITEMS)),
        ],
        (0.56, 0.2, 0.24),
        (1, 2),
        tr(QT_TRANSLATE_NOOP("Print", "None in this period.")),
    )
