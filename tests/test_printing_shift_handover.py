"""The shift handover (交班): one staff member's figures, the gifts handed out and the stock counted."""

from __future__ import annotations

import csv
import io

from printing_data import BAG, CUP, flat, page_sizes_mm, pdf_text, read_pdf, shift_handover, to_png

from printing import StockCount, render_shift_handover, shift_handover_csv


def test_handover_on_paper():
    data = shift_handover()
    pdf = render_shift_handover(data)
    assert all(size == (210.0, 297.0) for size in page_sizes_mm(pdf))
    compact = flat(pdf_text(pdf))
    assert "交班表·S0107李娜" in compact
    assert "2026-11-2209:30至2026-11-2215:30" in compact
    # Gifts handed out: 3 cups, 10 bags, 11 parking vouchers, 2 dining coupons (cash offsets are not gifts).
    gifts = compact[compact.index("发出礼品项目") :]
    assert gifts.startswith(
        "发出礼品项目数量积分G001品牌保温杯34,500G002环保购物袋103,000P001停车券2小时114,400"
        "K00120元餐饮券23,600合计2615,500"
    )
    # Stock counted against expected: the one bag short is called out before anyone signs.
    assert "有1项库存盘点数与系统数不符" in compact
    assert "G002环保购物袋190189−1" in compact
    assert "G001品牌保温杯47470" in compact
    # The shift's figures, same sections as the daily report.
    assert "合计100¥36,340.5058,610" in compact
    assert "合计1−1,950" in compact
    assert "交班人S0107" in compact and "接班人S0112" in compact and "客服主管" in compact
    assert "数据完整" in compact


def test_no_difference_no_warning():
    counts = (StockCount("G001", CUP, 47, 47), StockCount("G002", BAG, 190, 190))
    data = shift_handover(stock_counts=counts)
    assert data.stock_differences == ()
    assert "库存盘点数与系统数不符" not in flat(pdf_text(render_shift_handover(data)))


def test_handover_csv():
    text = shift_handover_csv(shift_handover())
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["交班表", "一楼中庭服务台", "007"]
    assert ["班次", "2026-11-22 09:30", "2026-11-22 15:30"] in rows
    start = rows.index(["# 交班盘点"])
    assert rows[start + 1] == ["项目", "系统数", "实盘数", "差异"]
    assert ["G002 环保购物袋", "190", "189", "-1"] in rows[start:]
    assert ["合计", "100", "36340.50", "58610"] in rows


def test_handover_artifact():
    pdf = render_shift_handover(shift_handover())
    assert len(to_png(pdf, "shift_handover", dpi=100)) == len(read_pdf(pdf).pages)
