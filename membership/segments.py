"""Where a member stands: lifecycle stage and the RFM eight-segment tag with a suggested action."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .decisions import MemberState
from .i18n import QT_TRANSLATE_NOOP
from .rules import Rules

NEW, ACTIVE, DORMANT, CHURNED = "new", "active", "dormant", "churned"

LIFECYCLE_LABELS = {
    NEW: QT_TRANSLATE_NOOP("Segment", "New"),
    ACTIVE: QT_TRANSLATE_NOOP("Segment", "Active"),
    DORMANT: QT_TRANSLATE_NOOP("Segment", "Dormant"),
    CHURNED: QT_TRANSLATE_NOOP("Segment", "Churned"),
}


def lifecycle_stage(state: MemberState, today: date, rules: Rules) -> str:
    """New (enrolled ≤ 30 days), else by days since the last purchase (or enrollment when none)."""
    if (today - state.enrolled_on).days <= rules.lifecycle_new_days:
        return NEW
    since = state.last_purchase_on or state.enrolled_on
    idle = (today - since).days
    if idle <= rules.lifecycle_active_days:
        return ACTIVE
    if idle <= rules.lifecycle_dormant_days:
        return DORMANT
    return CHURNED


@dataclass(frozen=True)
class Segment:
    code: str  # e.g. "RFM" with H/L letters: "HHH"
    label: str  # translatable source text (context "Segment")
    action: str  # translatable source text (context "Segment")


# Keyed by (recency high, frequency high, monetary high).
_SEGMENTS = {
    (True, True, True): (
        QT_TRANSLATE_NOOP("Segment", "High-value loyal"),
        QT_TRANSLATE_NOOP("Segment", "Thank them: invite to VIP events, offer early access."),
    ),
    (True, False, True): (
        QT_TRANSLATE_NOOP("Segment", "High-value, developing"),
        QT_TRANSLATE_NOOP("Segment", "Encourage return visits: suggest a member-day offer."),
    ),
    (False, True, True): (
        QT_TRANSLATE_NOOP("Segment", "High-value, slipping away"),
        QT_TRANSLATE_NOOP("Segment", "Keep them: mention points expiring and tier benefits."),
    ),
    (False, False, True): (
        QT_TRANSLATE_NOOP("Segment", "High-value, dormant — worth waking"),
        QT_TRANSLATE_NOOP("Segment", "Win back: offer a personal coupon or a birthday reminder."),
    ),
    (True, True, False): (
        QT_TRANSLATE_NOOP("Segment", "Regular, loyal"),
        QT_TRANSLATE_NOOP("Segment", "Upsell: point out how close the next tier is."),
    ),
    (True, False, False): (
        QT_TRANSLATE_NOOP("Segment", "New or occasional"),
        QT_TRANSLATE_NOOP("Segment", "Welcome them: explain receipt crediting and gifts."),
    ),
    (False, True, False): (
        QT_TRANSLATE_NOOP("Segment", "Regular, drifting"),
        QT_TRANSLATE_NOOP("Segment", "Remind them of unused benefits and parking."),
    ),
    (False, False, False): (
        QT_TRANSLATE_NOOP("Segment", "Low-value, dormant"),
        QT_TRANSLATE_NOOP("Segment", "Low priority: include in mass campaigns only."),
    ),
}


def rfm_segment(state: MemberState, today: date, rules: Rules) -> Segment:
    recent = state.last_purchase_on is not None and (today - state.last_purchase_on).days <= rules.rfm_recency_days
    frequent = state.purchases_12m >= rules.rfm_frequency
    valuable = state.spend_rolling_fen >= rules.rfm_monetary_fen
    label, action = _SEGMENTS[(recent, frequent, valuable)]
    code = "".join("H" if flag else "L" for flag in (recent, frequent, valuable))
    return Segment(code, label, action)
