"""Transaction receipts on 80 mm and 58 mm thermal paper, from ``membership.receipt.ReceiptData``."""

from __future__ import annotations

from membership.i18n import DEFAULT_LANGUAGE
from membership.receipt import ReceiptData

from .slip import Slip, draw, paper
from .slip_content import receipt_lines
from .text import Tr


def render_receipt(
    data: ReceiptData,
    *,
    width_mm: int = 80,
    language: str = DEFAULT_LANGUAGE,
    reprint: bool = False,
    reprinted_at: str | None = None,
) -> bytes:
    """The receipt for one operation as PDF bytes, one page exactly as long as its content.

    What it says is :func:`printing.slip_content.receipt_lines` (``reprint``: a band top and bottom).
    """
    tr = Tr(language)
    slip = Slip(paper(width_mm), title=f"{tr.msg(data.kind_label)} {data.op_ref}")
    draw(slip, receipt_lines(data, tr, reprint=reprint, reprinted_at=reprinted_at))
    return slip.render()
