"""The daily report (per desk or per store) and the shift handover, as A4 PDF and as CSV with the same figures.

The input is plain data the store assembles for a business day or a shift: rows of ints (points, fen,
counts) and short strings. This module adds them up, lays them out, and never reads the store.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from membership import __version__
from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, Message, Text
from membership.report_data import (  # noqa: F401 - re-exported: printing's public data types
    NOT_ITEMS,
    ActivityFigures,
    AdjustmentRow,
    BenefitRow,
    CouponRow,
    DailyReportData,
    EarnRow,
    EnrollmentRow,
    ExceptionRow,
    PaperSlipRow,
    RedeemRow,
    ReversalRow,
    ShiftHandoverData,
    StockCount,
    StockRow,
    TerminalSync,
)

from . import a4
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


def _label(tr: Tr, table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return tr.catalog.translate("Print", source) if source else code


def _free(tr: Tr, value: str | Message | Text) -> str:
    if isinstance(value, Message):
        return tr.msg(value)
    return tr.text(value)


def _redeem_name(tr: Tr, row: RedeemRow) -> str:
    if row.kind == "cash_offset":
        return _label(tr, REDEEM_KIND_LABELS, "cash_offset")
    return tr.text(row.name)


# -- the sections, shared by both documents ------------------------------------------------------------
#
# Each section is described once as (title, header, rows, total) so the PDF and the CSV print exactly
# the same figures; only the PDF adds charts and layout.


@dataclass
class Section:
    key: str
    title: str
    header: list[str]
    rows: list[list[str]]
    total: list[str] | None = None
    widths: tuple[float, ...] = ()
    numeric: tuple[int, ...] = ()
    empty: str = ""
    highlight: tuple[int, ...] = ()  # data rows printed in red (open exceptions, unsynced terminals)


def _sections(f: ActivityFigures, tr: Tr, csv_mode: bool) -> list[Section]:
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
                [f"{r.staff_no} {r.staff_name}".strip(), _label(tr, CHANNEL_LABELS, r.channel), N(r.count)]
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
                    _label(tr, SOURCE_LABELS, r.source),
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
                    (f"{r.item_code} " if r.item_code else "") + _redeem_name(tr, r),
                    _label(tr, REDEEM_KIND_LABELS, r.kind),
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
            [[_label(tr, BENEFIT_LABELS, r.benefit), N(r.count)] for r in f.benefits],
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
                    f"{_label(tr, KIND_LABELS, r.original_kind)} {r.original_ref}",
                    r.member_no or "",
                    P(r.points),
                    r.staff_no + (f" / {r.approved_by}" if r.approved_by else ""),
                    _free(tr, r.reason),
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
                    r.staff_no + (f" / {r.approved_by}" if r.approved_by else ""),
                    _free(tr, r.reason),
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
                [r.serial, _label(tr, SLIP_LABELS, r.slip_type), r.written_at, r.keyed_at, r.keyed_by, r.op_ref]
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
                [[_label(tr, SLIP_LABELS, t), N(len(v)), " ".join(v)] for t, v in by_type.items()],
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
                    _free(tr, r.description),
                    (f"{r.resolved_by}: {_free(tr, r.decision)}" if r.resolved else open_label),
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


def _sync_section(terminals: Sequence[TerminalSync], tr: Tr) -> Section:
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


def _stock_count_section(counts: Sequence[StockCount], tr: Tr, csv_mode: bool) -> Section:
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


# -- PDF -----------------------------------------------------------------------------------------------


def _section_flowables(section: Section, st: a4.Styles) -> list[Flowable]:
    head = a4.heading(section.title, st)
    if not section.rows:
        return [KeepTogether([head, a4.empty_note(section.empty, st)])]
    grid = a4.table(
        section.header,
        section.rows,
        section.widths,
        numeric=section.numeric,
        total=section.total,
        highlight=section.highlight,
    )
    # The heading never sits alone at the foot of a page; a long table then splits with its header repeated.
    return [KeepTogether([head, grid])] if len(section.rows) < 25 else [head, grid]


def _summary(f: ActivityFigures, tr: Tr, st: a4.Styles) -> Flowable:
    return a4.key_figures(
        [
            (tr(QT_TRANSLATE_NOOP("Print", "New members")), points(f.enrollments_total)),
            (tr(QT_TRANSLATE_NOOP("Print", "Points earned")), points(f.points_earned)),
            (tr(QT_TRANSLATE_NOOP("Print", "Points redeemed")), points(f.points_redeemed)),
            (tr(QT_TRANSLATE_NOOP("Print", "Items handed out")), points(f.items_handed_out)),
            (tr(QT_TRANSLATE_NOOP("Print", "Coupons verified")), points(f.coupons_verified)),
            (tr(QT_TRANSLATE_NOOP("Print", "Benefits claimed")), points(f.benefits_claimed)),
            (tr(QT_TRANSLATE_NOOP("Print", "Reversals / adjustments")), f"{len(f.reversals)} / {len(f.adjustments)}"),
            (tr(QT_TRANSLATE_NOOP("Print", "Open exceptions")), points(f.exceptions_open)),
        ],
        st,
    )


def _charts(f: ActivityFigures, tr: Tr) -> list[Flowable]:
    out: list[Flowable] = []
    left = a4.hbar_chart(
        tr(QT_TRANSLATE_NOOP("Print", "Points earned by source")),
        [_label(tr, SOURCE_LABELS, r.source) for r in f.earned],
        [r.points for r in f.earned],
        width=a4.HALF,
        value_text=points,
    )
    top_redeemed = sorted(f.redeemed, key=lambda r: -r.points)[:8]
    right = a4.hbar_chart(
        tr(QT_TRANSLATE_NOOP("Print", "Points redeemed by item")),
        [_redeem_name(tr, r) for r in top_redeemed],
        [r.points for r in top_redeemed],
        width=a4.HALF,
        color=a4.ACCENT_2,
        value_text=points,
    )
    if f.earned or f.redeemed:
        out += [Spacer(1, 3 * mm), a4.side_by_side(left, right)]
    if f.operations_by_hour and any(f.operations_by_hour):
        hours = list(f.operations_by_hour)
        # Show the hours the mall was busy, not 24 columns of mostly nothing.
        first = next(i for i, v in enumerate(hours) if v)
        last = max(i for i, v in enumerate(hours) if v)
        out += [
            Spacer(1, 3 * mm),
            a4.vbar_chart(
                tr(QT_TRANSLATE_NOOP("Print", "Operations per hour")),
                [f"{h:02d}" for h in range(first, last + 1)],
                [hours[first : last + 1]],
                [],
                width=a4.WIDTH,
                height=40 * mm,
            ),
        ]
    return out


def _completeness_notice(unsynced: Sequence[TerminalSync], total: int, tr: Tr, st: a4.Styles) -> Flowable:
    if unsynced:
        names = ", ".join(f"{t.code:03d} {t.name}" for t in unsynced)
        text = tr(
            QT_TRANSLATE_NOOP(
                "Print",
                "INCOMPLETE: {count} of {total} terminals had not synced all of this period's operations ({names}). "
                "Their operations are missing from these figures; print the report again after they sync.",
            ),
            count=len(unsynced),
            total=total,
            names=names,
        )
        return a4.notice(text, st, alarm=True)
    return a4.notice(
        tr(QT_TRANSLATE_NOOP("Print", "Complete: every terminal had synced all of this period's operations.")),
        st,
        alarm=False,
    )


def render_daily_report(data: DailyReportData, *, language: str = DEFAULT_LANGUAGE) -> bytes:
    """The daily report as A4 PDF bytes: notice of completeness, key figures, charts, every section, signatures."""
    tr = Tr(language)
    st = a4.styles()
    f = data.figures
    title = tr(QT_TRANSLATE_NOOP("Print", "Daily report"))
    story: list[Flowable] = [
        a4.para(f"{title} · {data.scope}", st.title),
        a4.para(
            tr(
                QT_TRANSLATE_NOOP("Print", "Business day {day} · {mall} · printed {at} by {who}"),
                day=data.business_day,
                mall=tr.text(data.mall_name),
                at=data.generated_at_local,
                who=data.prepared_by,
            ),
            st.subtitle,
        ),
        Spacer(1, 4 * mm),
    ]
    if data.terminals:
        story += [_completeness_notice(data.unsynced, len(data.terminals), tr, st), Spacer(1, 4 * mm)]
    story += [_summary(f, tr, st)]
    story += _charts(f, tr)
    for section in _sections(f, tr, csv_mode=False):
        story += _section_flowables(section, st)
    story += _section_flowables(_sync_section(data.terminals, tr), st)
    story.append(
        a4.signatures(
            [
                tr(QT_TRANSLATE_NOOP("Print", "Prepared by")),
                tr(QT_TRANSLATE_NOOP("Print", "Desk supervisor")),
                tr(QT_TRANSLATE_NOOP("Print", "Store manager")),
            ],
            tr(QT_TRANSLATE_NOOP("Print", "Date")),
            st,
        )
    )
    incomplete = "" if data.complete else " · " + tr(QT_TRANSLATE_NOOP("Print", "INCOMPLETE"))
    header = f"{tr.text(data.mall_name)} · {title} · {data.scope} · {data.business_day}{incomplete}"
    footer = f"MemberDesk {__version__}"
    if data.rules_version:
        footer += " · " + tr(QT_TRANSLATE_NOOP("Print", "Rules {version}"), version=data.rules_version)
    return a4.build(
        story,
        title=f"{title} {data.scope} {data.business_day}",
        header=header,
        footer_left=footer,
        page_label=tr(QT_TRANSLATE_NOOP("Print", "Page {page} of {pages}")),
    )


def render_shift_handover(data: ShiftHandoverData, *, language: str = DEFAULT_LANGUAGE) -> bytes:
    """The shift handover (交班) as A4 PDF bytes: the shift's figures, gifts handed out, stock counted."""
    tr = Tr(language)
    st = a4.styles()
    f = data.figures
    title = tr(QT_TRANSLATE_NOOP("Print", "Shift handover"))
    story: list[Flowable] = [
        a4.para(f"{title} · {data.staff_no} {data.staff_name}", st.title),
        a4.para(
            tr(
                QT_TRANSLATE_NOOP("Print", "{desk} · {start} to {end} · business day {day} · printed {at}"),
                desk=f"{data.desk_name} ({data.terminal_code:03d})",
                start=data.shift_start_local,
                end=data.shift_end_local,
                day=data.business_day,
                at=data.generated_at_local,
            ),
            st.subtitle,
        ),
        Spacer(1, 4 * mm),
    ]
    if data.terminals:
        story += [_completeness_notice(data.unsynced, len(data.terminals), tr, st), Spacer(1, 3 * mm)]
    if data.stock_differences:
        story += [
            a4.notice(
                tr(
                    QT_TRANSLATE_NOOP(
                        "Print",
                        "Stock count differs from the system for {count} items; "
                        "explain each difference before signing.",
                    ),
                    count=len(data.stock_differences),
                ),
                st,
                alarm=True,
            ),
            Spacer(1, 3 * mm),
        ]
    story += [_summary(f, tr, st)]
    story += _charts(f, tr)
    gifts = Section(
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
    story += _section_flowables(gifts, st)
    story += _section_flowables(_stock_count_section(data.stock_counts, tr, csv_mode=False), st)
    for section in _sections(f, tr, csv_mode=False):
        if section.key not in ("stock",):
            story += _section_flowables(section, st)
    if data.terminals:
        story += _section_flowables(_sync_section(data.terminals, tr), st)
    story.append(
        a4.signatures(
            [
                tr(QT_TRANSLATE_NOOP("Print", "Handed over by")) + (f" {data.staff_no}"),
                tr(QT_TRANSLATE_NOOP("Print", "Taken over by")) + (f" {data.handed_to}" if data.handed_to else ""),
                tr(QT_TRANSLATE_NOOP("Print", "Desk supervisor")),
            ],
            tr(QT_TRANSLATE_NOOP("Print", "Date")),
            st,
        )
    )
    header = (
        f"{tr.text(data.mall_name)} · {title} · {data.desk_name} · {data.shift_start_local} – {data.shift_end_local}"
    )
    return a4.build(
        story,
        title=f"{title} {data.staff_no} {data.business_day}",
        header=header,
        footer_left=f"MemberDesk {__version__}",
        page_label=tr(QT_TRANSLATE_NOOP("Print", "Page {page} of {pages}")),
    )


# -- CSV -----------------------------------------------------------------------------------------------


def _write_sections(writer, sections: Sequence[Section]) -> None:
    for section in sections:
        writer.writerow([])
        writer.writerow([f"# {section.title}"])
        writer.writerow(section.header)
        writer.writerows(section.rows)
        if section.total is not None:
            writer.writerow(section.total)


def daily_report_csv(data: DailyReportData, *, language: str = DEFAULT_LANGUAGE) -> str:
    """The daily report's figures as CSV text: a heading block, then one block per section.

    Numbers are plain (points as integers, money as yuan with two decimals, no separators). Write the
    text with ``encoding="utf-8-sig"`` so spreadsheet programs detect UTF-8 and show the Chinese.
    """
    tr = Tr(language)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([tr(QT_TRANSLATE_NOOP("Print", "Daily report")), data.scope])
    w.writerow([tr(QT_TRANSLATE_NOOP("Print", "Mall")), tr.text(data.mall_name)])
    w.writerow([tr(QT_TRANSLATE_NOOP("Print", "Business day")), data.business_day])
    w.writerow([tr(QT_TRANSLATE_NOOP("Print", "Printed")), data.generated_at_local, data.prepared_by])
    status = (
        tr(QT_TRANSLATE_NOOP("Print", "COMPLETE")) if data.complete else tr(QT_TRANSLATE_NOOP("Print", "INCOMPLETE"))
    )
    w.writerow([tr(QT_TRANSLATE_NOOP("Print", "Status")), status, " ".join(f"{t.code:03d}" for t in data.unsynced)])
    _write_sections(w, _sections(data.figures, tr, csv_mode=True))
    _write_sections(w, [_sync_section(data.terminals, tr)])
    return out.getvalue()


def shift_handover_csv(data: ShiftHandoverData, *, language: str = DEFAULT_LANGUAGE) -> str:
    """The shift handover's figures as CSV text (same layout and encoding advice as the daily report)."""
    tr = Tr(language)
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([tr(QT_TRANSLATE_NOOP("Print", "Shift handover")), data.desk_name, f"{data.terminal_code:03d}"])
    w.writerow([tr(QT_TRANSLATE_NOOP("Print", "Staff")), data.staff_no, data.staff_name])
    w.writerow([tr(QT_TRANSLATE_NOOP("Print", "Business day")), data.business_day])
    w.writerow([tr(QT_TRANSLATE_NOOP("Print", "Shift")), data.shift_start_local, data.shift_end_local])
    _write_sections(w, [_stock_count_section(data.stock_counts, tr, csv_mode=True)])
    _write_sections(w, _sections(data.figures, tr, csv_mode=True))
    if data.terminals:
        _write_sections(w, [_sync_section(data.terminals, tr)])
    return out.getvalue()
