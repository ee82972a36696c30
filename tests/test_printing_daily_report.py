"""The daily report: totals read back from the PDF and the CSV, and an INCOMPLETE report when a terminal has not synced."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from printing_data import daily_report, flat, page_sizes_mm, pdf_text, read_pdf, to_png

from printing import ReversalRow, daily_report_csv, render_daily_report


@pytest.fixture(scope="module")
def complete_pdf() -> bytes:
    return render_daily_report(daily_report())


@pytest.fixture(scope="module")
def incomplete_pdf() -> bytes:
    return render_daily_report(daily_report(unsynced=True))


def sections(text: str) -> dict[str, list[list[str]]]:
    """CSV blocks by their "# title" row: header first, then data rows, the total row last."""
    out: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for row in csv.reader(io.StringIO(text)):
        if row and row[0].startswith("# "):
            current = out.setdefault(row[0][2:], [])
        elif not row:
            current = None
        elif current is not None:
            current.append(row)
    return out


def test_the_totals_on_paper(complete_pdf):
    assert all(size == (210.0, 297.0) for size in page_sizes_mm(complete_pdf))
    text = pdf_text(complete_pdf)
    compact = flat(text)
    assert "日报·一楼中庭服务台" in compact and "营业日2026-11-22" in compact
    # Key figures: 12 + 6 + 3 enrollments; 51,310 + 2,100 + 1,500 + 3,200 + 500 points earned;
    # 4,500 + 3,000 + 4,400 + 3,600 + 2,400 points redeemed; 7 + 2 coupons; 37 + 4 + 0 benefits.
    assert "2158,61017,90026新会员发放积分使用积分发出礼品/券" in compact  # the key-figure tiles, values over labels
    assert "9411/21优惠券核销权益领取冲正/调整未处理异常" in compact
    assert "合计21" in compact  # enrollments total row
    assert "合计100¥36,340.5058,610" in compact  # earned: operations, qualifying spend, points
    assert "合计2817,900¥24.00" in compact  # redeemed: quantity, points, cash value of the offsets
    assert "合计9¥240.00" in compact  # coupons verified, face value
    assert "合计41" in compact  # benefits
    assert "合计1−1,950" in compact  # one reversal taking 1,950 points back
    assert "顾客退货，原小票已收回" in compact and "S0107/M0003" in compact
    assert "合计2+200" in compact  # adjustments +500 and −300, with who and why
    assert "重复补录，冲回" in compact
    assert "PE0070000124" in compact and "合计3" in compact  # paper slips keyed in
    assert "1项未处理" in compact and "CRED20-0070000AF7" in compact  # exceptions
    # Stock: opening − handed out + returned + received = closing.
    assert "G001品牌保温杯50300" + "47" in compact
    assert "G003香薰蜡烛礼盒200010" + "30" in compact
    # Completeness: all synced, said plainly; signature lines.
    assert "数据完整：所有终端均已同步本期全部业务。" in compact
    assert "数据不完整" not in compact
    for signer in ("制表人", "客服主管", "店长"):
        assert signer in text


def test_incomplete_when_a_terminal_has_not_synced(incomplete_pdf):
    reader = read_pdf(incomplete_pdf)
    first = flat(reader.pages[0].extract_text())
    # Said at the top of the first page, before any figure ...
    assert first.index("数据不完整：3台终端中有1台尚未同步本期全部业务（008二楼服务台）") < first.index("新会员")
    # ... in the running header of every page, so a single page cannot be mistaken for a complete report ...
    for page in reader.pages:
        assert "数据不完整" in page.extract_text().splitlines()[0]
    # ... and in the completeness section, with the terminal, its last sync and what it still holds.
    compact = flat(pdf_text(incomplete_pdf))
    assert "完整性：终端同步情况" in compact
    assert "008二楼服务台2026-11-2216:4723未同步" in compact
    assert "007一楼中庭服务台2026-11-2304:100已同步" in compact


def test_csv_has_the_same_figures():
    data = daily_report()
    text = daily_report_csv(data)
    blocks = sections(text)
    assert set(blocks) >= {
        "新入会（按经办人和渠道）",
        "积分发放（按来源）",
        "积分使用（按礼品、券、抵现和捐赠）",
        "优惠券核销",
        "权益领取",
        "冲正",
        "积分调整",
        "纸质单补录",
        "同步异常（新增与处理）",
        "库存变动",
        "完整性：终端同步情况",
    }
    earned = blocks["积分发放（按来源）"]
    assert earned[0] == ["来源", "笔数", "计级消费", "积分"]
    assert earned[-1] == ["合计", "100", "36340.50", "58610"]
    # Every total row is the sum of the rows above it.
    for title, column in (
        ("积分发放（按来源）", 3),
        ("积分使用（按礼品、券、抵现和捐赠）", 3),
        ("优惠券核销", 1),
        ("权益领取", 1),
        ("新入会（按经办人和渠道）", 2),
        ("积分调整", 3),
        ("冲正", 4),
    ):
        rows = blocks[title][1:-1]
        assert sum(int(r[column]) for r in rows) == int(blocks[title][-1][column]), title
    assert blocks["积分使用（按礼品、券、抵现和捐赠）"][-1] == ["合计", "", "28", "17900", "24.00"]
    assert blocks["库存变动"][1:] == [
        ["G001 品牌保温杯", "50", "3", "0", "0", "47"],
        ["G002 环保购物袋", "200", "10", "0", "0", "190"],
        ["P001 停车券 2 小时", "1000", "11", "0", "0", "989"],
        ["K001 20 元餐饮券", "500", "2", "0", "0", "498"],
        ["G003 香薰蜡烛礼盒", "20", "0", "0", "10", "30"],
    ]
    status = next(row for row in csv.reader(io.StringIO(text)) if row and row[0] == "状态")
    assert status[1] == "数据完整"


def test_csv_says_incomplete_and_which_terminals():
    text = daily_report_csv(daily_report(unsynced=True))
    status = next(row for row in csv.reader(io.StringIO(text)) if row and row[0] == "状态")
    assert status[1:] == ["数据不完整", "008"]
    sync = sections(text)["完整性：终端同步情况"]
    assert ["008 二楼服务台", "2026-11-22 16:47", "23", "未同步"] in sync


def test_a_busy_day_spreads_over_pages_with_headers_repeated():
    base = daily_report()
    reversals = tuple(
        ReversalRow(
            f"{10 + i // 60:02d}:{i % 60:02d}",
            f"007-{1000 + i:06d}",
            "earn",
            f"007-{500 + i:06d}",
            "0070001235",
            -(100 + i),
            "S0107",
            f"顾客退货 #{i}",
            "M0003",
        )
        for i in range(400)
    )
    pdf = render_daily_report(replace(base, figures=replace(base.figures, reversals=reversals)))
    reader = read_pdf(pdf)
    assert len(reader.pages) >= 8
    texts = [flat(page.extract_text()) for page in reader.pages]
    pages_with_rows = [t for t in texts if "顾客退货#" in t]
    assert len(pages_with_rows) >= 5
    assert all("被冲正业务" in t for t in pages_with_rows)  # the column header repeats on every page
    everything = "".join(texts)
    assert all(f"007-{1000 + i:06d}" in everything for i in range(400))
    assert f"合计400−{sum(100 + i for i in range(400)):,}" in everything
    assert f"共{len(reader.pages)}页" in texts[-1]


def test_english_report():
    text = pdf_text(render_daily_report(daily_report(unsynced=True), language="en"))
    assert "Daily report" in text and "INCOMPLETE: 1 of 3 terminals" in text and "Insulated cup" in text


def test_daily_report_artifacts(complete_pdf, incomplete_pdf):
    assert len(to_png(complete_pdf, "daily_report", dpi=100)) == len(read_pdf(complete_pdf).pages)
    assert len(to_png(incomplete_pdf, "daily_report_incomplete", dpi=100)) >= 2
