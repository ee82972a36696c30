"""The shift handover (交班) as A4 PDF: the shift's figures, gifts handed out, stock counted, signatures."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from membership import __version__
from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP
from membership.report_data import ShiftHandoverData

from . import a4
from .report_layout import charts, completeness_notice, key_figures, section_flowables
from .report_sections import activity_sections, gifts_section, stock_count_section, sync_section
from .text import Tr


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
        story += [completeness_notice(data.unsynced, len(data.terminals), tr, st), Spacer(1, 3 * mm)]
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
    story += [key_figures(f, tr, st)]
    story += charts(f, tr)
    story += section_flowables(gifts_section(f, tr), st)
    story += section_flowables(stock_count_section(data.stock_counts, tr, csv_mode=False), st)
    for section in activity_sections(f, tr, csv_mode=False):
        if section.key not in ("stock",):
            story += section_flowables(section, st)
    if data.terminals:
        story += section_flowables(sync_section(data.terminals, tr), st)
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
