"""Printed documents rendered from plain data to PDF bytes with reportlab, and sent to a printer or a file.

Imports only ``membership`` (never Qt, never the store). Every function may be called from a worker thread.
"""

from __future__ import annotations

from .fonts import ensure_fonts
from .handbook import render_handbook
from .outage_kit import OutageKitData, render_outage_kit
from .receipt import render_receipt
from .report import (
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
    daily_report_csv,
    render_daily_report,
    render_shift_handover,
    shift_handover_csv,
)
from .spool import PrintError, default_printer, print_pdf, printers, save_pdf, wait_for_job
from .statement import BenefitUse, MonthFigures, RedemptionUse, StatementData, render_statement
from .welcome import WelcomeSlipData, render_welcome_slip

__all__ = [
    "ActivityFigures",
    "AdjustmentRow",
    "BenefitRow",
    "BenefitUse",
    "CouponRow",
    "DailyReportData",
    "EarnRow",
    "EnrollmentRow",
    "ExceptionRow",
    "MonthFigures",
    "OutageKitData",
    "PaperSlipRow",
    "PrintError",
    "RedeemRow",
    "RedemptionUse",
    "ReversalRow",
    "ShiftHandoverData",
    "StatementData",
    "StockCount",
    "StockRow",
    "TerminalSync",
    "WelcomeSlipData",
    "daily_report_csv",
    "default_printer",
    "ensure_fonts",
    "print_pdf",
    "printers",
    "render_daily_report",
    "render_handbook",
    "render_outage_kit",
    "render_receipt",
    "render_shift_handover",
    "render_statement",
    "render_welcome_slip",
    "save_pdf",
    "shift_handover_csv",
    "wait_for_job",
]
