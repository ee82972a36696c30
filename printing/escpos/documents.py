"""The slips a receipt printer prints, as ESC/POS bytes: the same content as the PDF slips.

A receipt's and a welcome slip's lines come from ``printing.slip_content``, which the PDF slips
(``printing.receipt``, ``printing.welcome``) draw too, so a slip says the same thing whichever way it is
printed; only the layout is in columns instead of points. The test page exists only here.
"""

from __future__ import annotations

from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, Text
from membership.receipt import ReceiptData

from ..slip_content import receipt_lines, welcome_lines
from ..text import Tr
from ..welcome import WelcomeSlipData
from .profiles import PrinterConfig
from .ticket import Ticket, draw


def receipt_escpos(
    data: ReceiptData,
    config: PrinterConfig,
    *,
    language: str = DEFAULT_LANGUAGE,
    reprint: bool = False,
    reprinted_at: str | None = None,
) -> bytes:
    """The receipt for one operation as an ESC/POS job (cut at the end)."""
    lines = receipt_lines(data, Tr(language), reprint=reprint, reprinted_at=reprinted_at)
    t = Ticket(config)
    draw(t, lines)
    return t.output()


def welcome_escpos(data: WelcomeSlipData, config: PrinterConfig, *, language: str = DEFAULT_LANGUAGE) -> bytes:
    """The welcome slip with the member's QR code as an ESC/POS job."""
    lines = welcome_lines(data, Tr(language))  # refuses a corrupt token before anything is printed
    t = Ticket(config)
    draw(t, lines)
    return t.output()


TEST_QR = "MEMBERDESK-TEST"


def sample_page_escpos(
    config: PrinterConfig, *, mall_name: Text | str = "", at_local: str = "", language: str = DEFAULT_LANGUAGE
) -> bytes:
    """A test print: model, connection, encoding, a line of Chinese, the column ruler and a QR code.

    Staff compare it with what Settings says: garbled Chinese means the encoding does not match the
    printer; a ruler that wraps means the paper width is wrong; no QR means the model needs the raster.
    """
    tr = Tr(language)
    t = Ticket(config)
    if mall_name:
        t.center(tr.text(mall_name), bold=True, size=2)
    t.center(tr(QT_TRANSLATE_NOOP("Print", "Printer test")), bold=True)
    if at_local:
        t.center(at_local)
    t.rule()
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Model")), config.profile.name)
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Connection")), f"{config.transport} {config.address}")
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Encoding")), config.encoding.upper())
    t.pair(tr(QT_TRANSLATE_NOOP("Print", "Paper")), f"{config.width_mm} mm · {config.columns}")
    t.rule()
    t.text(tr(QT_TRANSLATE_NOOP("Print", "If this line shows Chinese correctly, the encoding is right:")))
    t.center("会员服务台 積分兌換 ￥1,234.50")
    ruler = "".join(str(i % 10) for i in range(1, config.columns + 1))
    t.text(ruler)
    t.qr(TEST_QR, "ref")
    t.center(TEST_QR)
    return t.output()
