"""The member annual statement (会员价值报告): a year's points, savings and benefits on one A4 page."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from membership import __version__
from membership.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP
from membership.report_data import BenefitUse, MonthFigures, RedemptionUse, StatementData  # noqa: F401

from . import a4
from .text import Tr, points, signed_points, yuan

BENEFIT_LABELS = {
    "birthday": QT_TRANSLATE_NOOP("Print", "Birthday gift"),
    "parking": QT_TRANSLATE_NOOP("Print", "Free parking"),
    "member_day": QT_TRANSLATE_NOOP("Print", "Member-day gift"),
    "lounge": QT_TRANSLATE_NOOP("Print", "Lounge visits"),
    "event": QT_TRANSLATE_NOOP("Print", "Member events attended"),
}


def render_statement(data: StatementData, *, language: str = DEFAULT_LANGUAGE) -> bytes:
    """The annual statement as A4 PDF bytes (one page for any ordinary year)."""
    tr = Tr(language)
    st = a4.styles()
    title = tr(QT_TRANSLATE_NOOP("Print", "Member annual statement {year}"), year=data.year)
    story: list[Flowable] = [
        a4.para(title, st.title),
        a4.para(
            tr(
                QT_TRANSLATE_NOOP("Print", "{mall} · prepared {date}"),
                mall=tr.text(data.mall_name),
                date=data.generated_on,
            ),
            st.subtitle,
        ),
        Spacer(1, 4 * mm),
        a4.table(
            [
                tr(QT_TRANSLATE_NOOP("Print", "Member no.")),
                tr(QT_TRANSLATE_NOOP("Print", "Name")),
                tr(QT_TRANSLATE_NOOP("Print", "Mobile")),
                tr(QT_TRANSLATE_NOOP("Print", "Tier")),
                tr(QT_TRANSLATE_NOOP("Print", "Member since")),
            ],
            [[data.member_no, data.member_name_masked, data.phone_masked, tr.text(data.tier_name), data.member_since]],
            (0.2, 0.18, 0.2, 0.22, 0.2),
            size=9,
        ),
        Spacer(1, 4 * mm),
        a4.key_figures(
            [
                (tr(QT_TRANSLATE_NOOP("Print", "Points you earned")), points(data.points_earned)),
                (tr(QT_TRANSLATE_NOOP("Print", "Points you used")), points(data.points_redeemed)),
                (tr(QT_TRANSLATE_NOOP("Print", "Saved")), yuan(data.saved_fen)),
                (tr(QT_TRANSLATE_NOOP("Print", "Qualifying spend")), yuan(data.spend_fen)),
            ],
            st,
        ),
    ]
    if data.months:
        by_month = {m.month: m for m in data.months}
        months = [by_month.get(i) for i in range(1, 13)]
        story += [
            Spacer(1, 4 * mm),
            a4.vbar_chart(
                tr(QT_TRANSLATE_NOOP("Print", "Points per month")),
                [tr(QT_TRANSLATE_NOOP("Print", "{month}M"), month=i) for i in range(1, 13)],
                [[m.earned if m else 0 for m in months], [m.redeemed if m else 0 for m in months]],
                [tr(QT_TRANSLATE_NOOP("Print", "Earned")), tr(QT_TRANSLATE_NOOP("Print", "Redeemed"))],
                width=a4.WIDTH,
                height=50 * mm,
            ),
        ]

    balance = a4.table(
        [tr(QT_TRANSLATE_NOOP("Print", "Points")), ""],
        [
            [tr(QT_TRANSLATE_NOOP("Print", "Balance on 1 January")), points(data.points_opening)],
            [tr(QT_TRANSLATE_NOOP("Print", "Earned")), signed_points(data.points_earned)],
            [tr(QT_TRANSLATE_NOOP("Print", "Redeemed")), signed_points(-data.points_redeemed)],
            [tr(QT_TRANSLATE_NOOP("Print", "Expired")), signed_points(-data.points_expired)],
            [tr(QT_TRANSLATE_NOOP("Print", "Adjustments and reversals")), signed_points(data.points_adjusted)],
        ],
        (0.3, 0.17),
        numeric=(1,),
        total=[tr(QT_TRANSLATE_NOOP("Print", "Balance at year end")), points(data.points_closing)],
    )
    savings = a4.table(
        [tr(QT_TRANSLATE_NOOP("Print", "What membership saved you")), ""],
        [
            [tr(QT_TRANSLATE_NOOP("Print", "Tier discounts")), yuan(data.discount_fen)],
            [tr(QT_TRANSLATE_NOOP("Print", "Points used as cash")), yuan(data.cash_offset_fen)],
            [tr(QT_TRANSLATE_NOOP("Print", "Coupons used")), yuan(data.coupon_fen)],
        ],
        (0.3, 0.17),
        numeric=(1,),
        total=[tr(QT_TRANSLATE_NOOP("Print", "Total saved")), yuan(data.saved_fen)],
    )
    story += [Spacer(1, 4 * mm), a4.side_by_side(balance, savings)]

    none = a4.empty_note(tr(QT_TRANSLATE_NOOP("Print", "None this year.")), st)
    benefits: Flowable = (
        a4.table(
            [tr(QT_TRANSLATE_NOOP("Print", "Benefits used")), tr(QT_TRANSLATE_NOOP("Print", "Times")), ""],
            [
                [
                    tr.catalog.translate("Print", BENEFIT_LABELS[b.benefit])
                    if b.benefit in BENEFIT_LABELS
                    else b.benefit,
                    points(b.count),
                    tr.text(b.detail),
                ]
                for b in data.benefits
            ],
            (0.17, 0.08, 0.22),
            numeric=(1,),
        )
        if data.benefits
        else none
    )
    redemptions: Flowable = (
        a4.table(
            [
                tr(QT_TRANSLATE_NOOP("Print", "Gifts redeemed")),
                tr(QT_TRANSLATE_NOOP("Print", "Quantity")),
                tr(QT_TRANSLATE_NOOP("Print", "Points")),
            ],
            [[tr.text(r.name), points(r.quantity), points(r.points)] for r in data.redemptions],
            (0.24, 0.09, 0.14),
            numeric=(1, 2),
        )
        if data.redemptions
        else none
    )
    story += [Spacer(1, 4 * mm), a4.side_by_side(benefits, redemptions)]

    notes = [tr(QT_TRANSLATE_NOOP("Print", "{count} purchases earned points this year."), count=points(data.purchases))]
    if data.expiring_points and data.expiring_on:
        notes.append(
            tr(
                QT_TRANSLATE_NOOP("Print", "{points} points expire on {date}: use them before then."),
                points=points(data.expiring_points),
                date=data.expiring_on,
            )
        )
    if data.next_tier_name is not None and data.spend_to_next_tier_fen > 0:
        notes.append(
            tr(
                QT_TRANSLATE_NOOP("Print", "Spend {amount} more to reach {tier}"),
                amount=yuan(data.spend_to_next_tier_fen),
                tier=tr.text(data.next_tier_name),
            )
        )
    if data.rules_location is not None:
        notes.append(tr.text(data.rules_location))
    story += [Spacer(1, 5 * mm)] + [a4.para(note, st.body) for note in notes]
    story += [Spacer(1, 3 * mm), a4.para(tr(QT_TRANSLATE_NOOP("Print", "Thank you for being our member.")), st.h2)]

    header = f"{tr.text(data.mall_name)} · {title}"
    return a4.build(
        story,
        title=f"{title} {data.member_no}",
        header=header,
        footer_left=f"MemberDesk {__version__}",
        page_label=tr(QT_TRANSLATE_NOOP("Print", "Page {page} of {pages}")),
    )
