"""The daily report (日报) per desk or per store as A4 PDF: completeness, key figures, charts, every section."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from membership import __version__
from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP
from membership.report_data import DailyReportData

from . import a4
from .report_layout import charts, completeness_notice, key_figures, section_flowables
from .report_sections import activity_sections, sync_section
from .text import Tr


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
        story += [completeness_notice(data.unsynced, len(data.terminals), tr, st), Spacer(1, 4 * mm)]
    story += [key_figures(f, tr, st)]
    story += charts(f, tr)
    for section in activity_sections(f, tr, csv_mode=False):
        story += section_flowables(section, st)
    story += section_flowables(sync_section(data.terminals, tr), st)
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
