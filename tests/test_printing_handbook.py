"""The benefits handbook is generated from the rules and master data in force: every figure comes from them."""

from __future__ import annotations

import copy
import tomllib

import pytest
from printing_data import flat, page_sizes_mm, pdf_text, to_png

from membership.masterdata import default_masterdata_dir, load_masterdata
from membership.rules import default_rules_path, rules_from_dict
from printing import render_handbook


@pytest.fixture(scope="module")
def raw_rules() -> dict:
    return tomllib.loads(default_rules_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules(raw_rules):
    return rules_from_dict(raw_rules)


@pytest.fixture(scope="module")
def master(rules):
    return load_masterdata(default_masterdata_dir(), rules)


@pytest.fixture(scope="module")
def handbook(rules, master) -> bytes:
    return render_handbook(rules, master)


def test_handbook_is_one_or_two_a4_pages(handbook):
    sizes = page_sizes_mm(handbook)
    assert 1 <= len(sizes) <= 2
    assert all(size == (210.0, 297.0) for size in sizes)


def test_tiers_thresholds_multipliers_discounts_parking_birthday(handbook):
    text = flat(pdf_text(handbook))
    for tier in ("普通会员", "银卡会员", "金卡会员", "钻石会员"):
        assert tier in text
    for threshold in ("¥0", "¥5,000", "¥10,000", "¥20,000"):
        assert threshold in text
    assert "近365天累计消费" in text
    assert "每元积分" in text and "1.2" in text and "1.5" in text
    # Discounts as Chinese shoppers read them.
    assert "9折" in text and "8.5折" in text and "8折" in text
    for hours in ("1小时", "2小时", "3小时", "5小时"):
        assert hours in text
    assert "生日小礼品" in text and "生日礼品、生日优惠券及贵宾室" in text
    assert "生日100元券" in text  # the Diamond birthday coupon, named from the coupon master data


def test_campaigns_expiry_receipts_cash_offset(handbook):
    text = flat(pdf_text(handbook))
    assert "入会即送100积分" in text
    assert "您获得200积分，好友获得100积分" in text
    assert "双倍积分日（11-11、12-12）：积分×2" in text
    assert "美妆×1.5" in text
    assert "会员日（每月18日）：积分×2；礼品：会员日礼品。" in text
    assert "最高×3" in text
    assert "7天内到服务台积分" in text and "最多10张" in text and "¥5,000须主管审批" in text
    assert "有效期至1年后的12月31日" in text
    assert "100积分抵¥1" in text and "50%" in text
    assert "每天最多兑换2,000积分" in text


def test_gift_catalogue_and_coupons(handbook, master):
    text = flat(pdf_text(handbook))
    for item in master.catalogue.values():
        assert item.code in text
        assert flat(item.name.zh_CN) in text
        assert f"{item.points:,}" in text
    assert "限四楼餐饮商户使用" in text
    assert "2026-12-20–2026-12-31" in text  # the Christmas coupon's fixed window
    assert "领取后30天内有效" in text


def test_figures_follow_the_rules_not_the_layout(raw_rules, master):
    changed = copy.deepcopy(raw_rules)
    changed["welcome"]["points"] = 388
    changed["tiers"][1]["qualifying_spend_yuan"] = 6000
    changed["tiers"][1]["discount_percent"] = "12"
    changed["redemption"]["cash_offset_points_per_yuan"] = 200
    changed["campaigns"]["double_points_weekdays"] = [6, 7]
    changed["version"] = "2027.1"
    text = flat(pdf_text(render_handbook(rules_from_dict(changed), master)))
    assert "入会即送388积分" in text
    assert "¥6,000" in text and "¥5,000" not in text.split("小票积分")[0]
    assert "8.8折" in text
    assert "200积分抵¥1" in text
    assert "每周六、周日" in text
    assert "2027.1" in text


def test_traditional_chinese_and_english(rules, master):
    tw = flat(pdf_text(render_handbook(rules, master, language="zh_TW")))
    assert "會員權益手冊" in tw and "鑽石會員" in tw and "8.5折" in tw
    en = pdf_text(render_handbook(rules, master, language="en"))
    assert "Member benefits handbook" in en and "15% off" in en and "Diamond" in en
    assert len(page_sizes_mm(render_handbook(rules, master, language="en"))) <= 2


def test_handbook_artifact(handbook):
    pngs = to_png(handbook, "handbook", dpi=110)
    assert 1 <= len(pngs) <= 2
