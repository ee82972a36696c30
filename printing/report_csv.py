"""The daily report's and the shift handover's figures as CSV text, section by section as in the PDF."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP
from membership.report_data import DailyReportData, ShiftHandoverData

from .report_sections import Section, activity_sections, stock_count_section, sync_section
from .text import Tr


def write_sections(writer, sections: Sequence[Section]) -> None:
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
    write_sections(w, activity_sections(data.figures, tr, csv_mode=True))
    write_sections(w, [sync_section(data.terminals, tr)])
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
    write_sections(w, [stock_count_section(data.stock_counts, tr, csv_mode=True)])
    write_sections(w, activity_sections(data.figures, tr, csv_mode=True))
    if data.terminals:
        write_sections(w, [sync_section(data.terminals, tr)])
    return out.getvalue()
