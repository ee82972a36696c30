"""Receipt printers that speak ESC/POS: slips as printer commands, sent by USB, TCP 9100 or a raw CUPS queue.

PDF stays for A4 documents and for printers with a driver; the printer profile (``printer_profile``
setting) chooses. Imports only ``membership`` and the rest of ``printing`` (plus python-escpos and Pillow).
"""

from __future__ import annotations

from .documents import TEST_QR, receipt_escpos, sample_page_escpos, welcome_escpos
from .profiles import (
    COLUMNS,
    DOTS,
    ENCODINGS,
    NONE,
    PDF,
    PROFILES,
    SETTING_KEYS,
    TRANSPORTS,
    ConfigError,
    PrinterConfig,
    PrinterProfile,
    config_from_settings,
    make_config,
)
from .transport import PrinterStatus, decode_status, printer_status, send_job

__all__ = [
    "COLUMNS",
    "DOTS",
    "ENCODINGS",
    "NONE",
    "PDF",
    "PROFILES",
    "SETTING_KEYS",
    "TEST_QR",
    "TRANSPORTS",
    "ConfigError",
    "PrinterConfig",
    "PrinterProfile",
    "PrinterStatus",
    "config_from_settings",
    "decode_status",
    "make_config",
    "printer_status",
    "receipt_escpos",
    "sample_page_escpos",
    "send_job",
    "welcome_escpos",
]
