"""The printed benefits handbook (纸质权益手册), generated from the rules and master data in force."""

from __future__ import annotations

from fractions import Fraction

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP
from membership.masterdata import CouponDefinition, MasterData
from membership.rules import Rules

from . import a4
from .text import Tr, points, yuan_whole

CATEGORY_LABELS = {
    "cosmetics": QT_TRANSLATE_NOOP("Print", "Cosmetics"),
    "fashion": QT_TRANSLATE_NOOP("Print", "Fashion"),
    "jewellery": QT_TRANSLATE_NOOP("Print", "Jewellery"),
    "sports": QT_TRANSLATE_NOOP("Print", "Sports"),
    "electronics": QT_TRANSLATE_NOOP("Print", "Electronics"),
    "dining": QT_TRANSLATE_NOOP("Print", "Dining"),
    "entertainment": QT_TRANSLATE_NOOP("Print", "Entertainment"),
    "kids": QT_TRANSLATE_NOOP("Print", "Kids"),
}
ITEM_KIND_LABELS = {
    "gift": QT_TRANSLATE_NOOP("Print", "Gift"),
    "parking": QT_TRANSLATE_NOOP("Print", "Parking voucher"),
    "ticket": QT_TRANSLATE_NOOP("Print", "Ticket"),
    "coupon": QT_TRANSLATE_NOOP("Print", "Coupon"),
}
WEEKDAY_LABELS = (
    QT_TRANSLATE_NOOP("Print", "Mondays"),
    QT_TRANSLATE_NOOP("Print", "Tuesdays"),
    QT_TRANSLATE_NOOP("Print", "Wednesdays"),
    QT_TRANSLATE_NOOP("Print", "Thursdays"),
    QT_TRANSLATE_NOOP("Print", "Fridays"),
    QT_TRANSLATE_NOOP("Print", "Saturdays"),
    QT_TRANSLATE_NOOP("Print", "Sundays"),
)


def _mult(value: Fraction) -> str:
    """An exact multiplier as people write it: 2, 1.5, 1.25 (never a float's 1.4999)."""
    if value.denominator == 1:
        return str(value.numerator)
    whole, rest = divmod(value.numerator * 10_000 // value.denominator, 10_000)
    return f"{whole}.{rest:04d}".rstrip("0")


def _discount(tr: Tr, percent: Fraction) -> str:
    if percent == 0:
        return tr(QT_TRANSLATE_NOOP("Print", "None"))
    # Chinese shoppers read discounts as 折: 15% off is 8.5折. Both values go to the translation.
    return tr(QT_TRANSLATE_NOOP("Print", "{percent}% off"), percent=_mult(percent), zhe=_mult((100 - percent) / 10))


def _validity(tr: Tr, c: CouponDefinition) -> str:
    if c.valid_days is not None:
        return tr(QT_TRANSLATE_NOOP("Print", "{days} days from issue"), days=c.valid_days)
    assert c.valid_from is not None and c.valid_to is not None
    return f"{c.valid_from.isoformat()} – {c.valid_to.isoformat()}"


def render_handbook(rules: Rules, master: MasterData, *, language: str = DEFAULT_LANGUAGE) -> bytes:
    """The benefits handbook as A4 PDF bytes (one or two pages) for the rules and catalogue given."""
    tr = Tr(language)
    st = a4.styles()
    yes, no = tr(QT_TRANSLATE_NOOP("Print", "Yes")), tr(QT_TRANSLATE_NOOP("Print", "No"))
    title = tr(QT_TRANSLATE_NOOP("Print", "Member benefits handbook"))
    story: list[Flowable] = [
        a4.para(f"{tr.text(rules.mall_name)} · {title}", st.title),
        a4.para(
            tr(
                QT_TRANSLATE_NOOP(
                    "Print",
                    "Rules version {version}. Every figure below is the programme in force when this page was printed.",
                ),
                version=rules.version,
            ),
            st.subtitle,
        ),
        Spacer(1, 2 * mm),
    ]

    # -- tiers: one column per tier, so a member reads across to see what the next tier adds
    tiers = rules.tiers
    first_w = 0.22
    col_w = (1 - first_w) / len(tiers)
    coupon_names = {code: tr.text(c.name) for code, c in master.coupons.items()}

    def birthday(t) -> str:
        text = tr.text(t.birthday_gift)
        if t.birthday_coupon and t.birthday_coupon in coupon_names:
            name = coupon_names[t.birthday_coupon]
            text += f" ({name})" if language == "en" else f"（{name}）"
        return text

    rows = [
        [tr(QT_TRANSLATE_NOOP("Print", "Qualifying spend, last {days} days"), days=rules.rolling_days)]
        + [yuan_whole(t.qualifying_spend_fen) for t in tiers],
        [tr(QT_TRANSLATE_NOOP("Print", "Points per yuan"))] + [_mult(t.points_multiplier) for t in tiers],
        [tr(QT_TRANSLATE_NOOP("Print", "Tier discount"))] + [_discount(tr, t.discount_percent) for t in tiers],
        [tr(QT_TRANSLATE_NOOP("Print", "Free parking per visit"))]
        + [tr(QT_TRANSLATE_NOOP("Print", "{hours} h"), hours=t.parking_hours) for t in tiers],
        [tr(QT_TRANSLATE_NOOP("Print", "Birthday gift (birthday month)"))] + [birthday(t) for t in tiers],
        [tr(QT_TRANSLATE_NOOP("Print", "Lounge"))] + [yes if t.lounge else no for t in tiers],
    ]
    story += [
        a4.heading(tr(QT_TRANSLATE_NOOP("Print", "Tiers")), st),
        a4.table([""] + [tr.text(t.name) for t in tiers], rows, (first_w,) + (col_w,) * len(tiers)),
    ]

    # -- moving between tiers
    moves: list[str] = []
    if rules.upgrade_by_spend:
        moves.append(
            tr(
                QT_TRANSLATE_NOOP(
                    "Print",
                    "You move up at once when your qualifying spend over the last "
                    "{days} days reaches a tier's threshold.",
                ),
                days=rules.rolling_days,
            )
        )
    if rules.points_path_enabled:
        moves.append(
            tr(
                QT_TRANSLATE_NOOP(
                    "Print", "Or earn {points} points from purchases in a calendar year to reach {tier}."
                ),
                points=points(rules.points_path_points),
                tier=tr.text(rules.tier(rules.points_path_to_tier).name),
            )
        )
    if rules.activity_path_enabled:
        moves.append(
            tr(
                QT_TRANSLATE_NOOP("Print", "Or attend {events} member events in a calendar year to move up one tier."),
                events=rules.activity_path_events,
            )
        )
    moves.append(
        tr(
            QT_TRANSLATE_NOOP(
                "Print",
                "Tiers are reviewed once a year on the 1st of month {month}; a tier "
                "your spend no longer supports moves down at most {steps} step(s).",
            ),
            month=rules.review_month,
            steps=rules.downgrade_max_steps,
        )
    )
    story += [a4.heading(tr(QT_TRANSLATE_NOOP("Print", "Moving up and down")), st)]
    story += [a4.para("• " + text, st.body) for text in moves]

    # -- earning
    earning = [
        tr(
            QT_TRANSLATE_NOOP(
                "Print",
                "Points = amount paid in yuan × your tier's points per yuan × any campaign multiplier, rounded down.",
            )
        ),
        tr(QT_TRANSLATE_NOOP("Print", "Welcome points on joining: {points}."), points=points(rules.welcome_points)),
    ]
    if rules.referrer_points or rules.referee_points:
        earning.append(
            tr(
                QT_TRANSLATE_NOOP(
                    "Print",
                    "Bring a friend: you receive {referrer} points and your friend {referee} points when they join.",
                ),
                referrer=points(rules.referrer_points),
                referee=points(rules.referee_points),
            )
        )
    # Chinese lists take the enumeration comma 、; English a comma and a space.
    sep = ", " if language == "en" else "、"
    if rules.double_points_dates:
        dates = sep.join(sorted(d.strftime("%m-%d") for d in rules.double_points_dates))
        earning.append(
            tr(
                QT_TRANSLATE_NOOP("Print", "Double-points days ({dates}): points ×{mult}."),
                dates=dates,
                mult=_mult(rules.double_points_multiplier),
            )
        )
    if rules.double_points_weekdays:
        days = sep.join(
            tr.catalog.translate("Print", WEEKDAY_LABELS[d - 1]) for d in sorted(rules.double_points_weekdays)
        )
        earning.append(
            tr(
                QT_TRANSLATE_NOOP("Print", "Every {days}: points ×{mult}."),
                days=days,
                mult=_mult(rules.double_points_multiplier),
            )
        )
    cats = [(code, m) for code, m in sorted(rules.category_multipliers.items()) if m != 1]
    if cats:
        listed = sep.join(
            f"{tr.catalog.translate('Print', CATEGORY_LABELS[c]) if c in CATEGORY_LABELS else c} ×{_mult(m)}"
            for c, m in cats
        )
        earning.append(tr(QT_TRANSLATE_NOOP("Print", "Category bonus: {list}."), list=listed))
    earning.append(
        tr(
            QT_TRANSLATE_NOOP("Print", "Member day, the {day}th of every month: points ×{mult}; gift: {gift}."),
            day=rules.member_day_of_month,
            mult=_mult(rules.member_day_multiplier),
            gift=tr.text(rules.member_day_gift),
        )
    )
    earning.append(
        tr(
            QT_TRANSLATE_NOOP("Print", "Campaign multipliers combine, up to ×{max} in total."),
            max=_mult(rules.max_campaign_multiplier),
        )
    )
    story += [a4.heading(tr(QT_TRANSLATE_NOOP("Print", "Earning points")), st)]
    story += [a4.para("• " + text, st.body) for text in earning]

    # -- receipts, expiry, redemption
    story += [a4.heading(tr(QT_TRANSLATE_NOOP("Print", "Receipts, expiry and using points")), st)]
    policy = [
        tr(
            QT_TRANSLATE_NOOP(
                "Print",
                "Receipt credit: bring a receipt from any store in the mall to a service desk "
                "within {days} days of purchase. Each receipt earns points once. Up to {count} "
                "receipts a day; receipts above {amount} need a manager's approval.",
            ),
            days=rules.receipt_max_age_days,
            count=rules.receipt_max_per_day,
            amount=yuan_whole(rules.receipt_manager_threshold_fen),
        ),
        tr(
            QT_TRANSLATE_NOOP(
                "Print",
                "Expiry: points earned in a year stay valid until 31 December, {years} "
                "year(s) later. The oldest points are always used first.",
            ),
            years=rules.expiry_years,
        ),
        tr(
            QT_TRANSLATE_NOOP(
                "Print", "Points as cash: {points} points = ¥1 at checkout, for up to {percent}% of a purchase."
            ),
            points=points(rules.cash_offset_points_per_yuan),
            percent=_mult(rules.max_cash_offset_percent),
        ),
        tr(
            QT_TRANSLATE_NOOP(
                "Print", "When the system is offline, a member can redeem at most {points} points a day."
            ),
            points=points(rules.offline_cap_points),
        ),
    ]
    story += [a4.para("• " + text, st.body) for text in policy]

    # -- catalogue and coupons
    items = sorted(master.catalogue.values(), key=lambda i: (i.points, i.code))
    story.append(
        KeepTogether(
            [
                a4.heading(tr(QT_TRANSLATE_NOOP("Print", "Gift catalogue")), st),
                a4.table(
                    [
                        tr(QT_TRANSLATE_NOOP("Print", "Code")),
                        tr(QT_TRANSLATE_NOOP("Print", "Item")),
                        tr(QT_TRANSLATE_NOOP("Print", "Kind")),
                        tr(QT_TRANSLATE_NOOP("Print", "Points")),
                    ],
                    [
                        [
                            i.code,
                            tr.text(i.name),
                            tr.catalog.translate("Print", ITEM_KIND_LABELS[i.kind]),
                            points(i.points),
                        ]
                        for i in items
                    ],
                    (0.12, 0.5, 0.2, 0.18),
                    numeric=(3,),
                ),
                a4.para(tr(QT_TRANSLATE_NOOP("Print", "While stocks last at each desk.")), st.small),
            ]
        )
    )
    if master.coupons:
        coupons = sorted(master.coupons.values(), key=lambda c: (c.value_fen, c.code))
        story.append(
            KeepTogether(
                [
                    a4.heading(tr(QT_TRANSLATE_NOOP("Print", "Coupons")), st),
                    a4.table(
                        [
                            tr(QT_TRANSLATE_NOOP("Print", "Coupon")),
                            tr(QT_TRANSLATE_NOOP("Print", "Minimum spend")),
                            tr(QT_TRANSLATE_NOOP("Print", "Valid")),
                            tr(QT_TRANSLATE_NOOP("Print", "Terms")),
                        ],
                        [
                            [tr.text(c.name), yuan_whole(c.min_spend_fen), _validity(tr, c), tr.text(c.terms)]
                            for c in coupons
                        ],
                        (0.2, 0.14, 0.2, 0.46),
                        numeric=(1,),
                    ),
                ]
            )
        )

    header = f"{tr.text(rules.mall_name)} · {title} · {rules.version}"
    return a4.build(
        story,
        title=title,
        header=header,
        footer_left=tr(QT_TRANSLATE_NOOP("Print", "Rules {version}"), version=rules.version),
        page_label=tr(QT_TRANSLATE_NOOP("Print", "Page {page} of {pages}")),
    )
