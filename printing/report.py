"""The daily report and the shift handover, one import away: their data types and their PDF and CSV renderers.

A façade kept for the callers that import ``printing.report`` (the office console, the tests). The work is in
``report_sections`` (the figures as sections, shared by PDF and CSV), ``report_layout`` (what both PDFs draw
alike), ``daily_report``, ``shift_handover`` and ``report_csv``. The input is plain data the store assembles
(``membership.report_data``); nothing here reads the store.
"""

from __future__ import annotations

from membership.report_data import (
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

from .daily_report import render_daily_report
from .report_csv import daily_report_csv, shift_handover_csv
from .shift_handover import render_shift_handover

__all__ = [
    "NOT_ITEMS",
    "ActivityFigures",
    "AdjustmentRow",
    "BenefitRow",
    "CouponRow",
    "DailyReportData",
    "EarnRow",
    "EnrollmentRow",
    "ExceptionRow",
    "PaperSlipRow",
    "RedeemRow",
    "ReversalRow",
    "ShiftHandoverData",
    "StockCount",
    "StockRow",
    "TerminalSync",
    "daily_report_csv",
    "render_daily_report",
    "render_shift_handover",
    "shift_handover_csv",
]
