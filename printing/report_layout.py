"""What the daily report and the shift handover draw alike on A4: section tables, key figures, charts, notices."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from membership.i18n import QT_TRANSLATE_NOOP
from membership.report_data import ActivityFigures, TerminalSync

from . import a4
from .report_sections import SOURCE_LABELS, Section, label, redeem_name
from .text import Tr, points


def section_flowables(section: Section, st: a4.Styles) -> list[Flowable]:
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


def key_figures(f: ActivityFigures, tr: Tr, st: a4.Styles) -> Flowable:
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


def charts(f: ActivityFigures, tr: Tr) -> list[Flowable]:
    out: list[Flowable] = []
    left = a4.hbar_chart(
        tr(QT_TRANSLATE_NOOP("Print", "Points earned by source")),
        [label(tr, SOURCE_LABELS, r.source) for r in f.earned],
        [r.points for r in f.earned],
        width=a4.HALF,
        value_text=points,
    )
    top_redeemed = sorted(f.redeemed, key=lambda r: -r.points)[:8]
    right = a4.hbar_chart(
        tr(QT_TRANSLATE_NOOP("Print", "Points redeemed by item")),
        [redeem_name(tr, r) for r in top_redeemed],
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


def completeness_notice(unsynced: Sequence[TerminalSync], total: int, tr: Tr, st: a4.Styles) -> Flowable:
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
