"""The membership programme as versioned data: loading, validating and asking questions of the rules."""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .i18n import Text
from .money import FEN_PER_YUAN, parse_multiplier

LANG_KEYS = ("zh_CN", "zh_TW", "en")


class RulesError(ValueError):
    """The rules file is invalid; the message names the field, e.g. ``tiers[2].points_multiplier``."""


@dataclass(frozen=True)
class Tier:
    code: str
    rank: int
    name: Text
    qualifying_spend_fen: int
    points_multiplier: Fraction
    discount_percent: Fraction
    parking_hours: int
    birthday_gift: Text
    birthday_double_points: bool
    birthday_coupon: str
    lounge: bool


@dataclass(frozen=True)
class DonationCampaign:
    """A charity campaign members may donate points to (积分捐赠); the mall pays the charity for them."""

    code: str
    name: Text
    min_points: int
    max_points: int


@dataclass(frozen=True)
class Rules:
    version: str
    timezone: ZoneInfo
    cutover_hour: int
    mall_name: Text
    rules_location: Text
    tiers: tuple[Tier, ...]
    upgrade_by_spend: bool
    rolling_days: int
    points_path_enabled: bool
    points_path_points: int
    points_path_to_tier: str
    activity_path_enabled: bool
    activity_path_events: int
    review_month: int
    downgrade_max_steps: int
    max_campaign_multiplier: Fraction
    double_points_dates: frozenset[date]
    double_points_weekdays: frozenset[int]
    double_points_multiplier: Fraction
    category_multipliers: dict[str, Fraction]
    member_day_of_month: int
    member_day_multiplier: Fraction
    welcome_points: int
    referrer_points: int
    referee_points: int
    receipt_max_age_days: int
    receipt_max_per_day: int
    receipt_manager_threshold_fen: int
    expiry_years: int
    cash_offset_points_per_yuan: int
    max_cash_offset_percent: Fraction
    offline_cap_points: int
    member_day_gift: Text
    lifecycle_new_days: int
    lifecycle_active_days: int
    lifecycle_dormant_days: int
    rfm_recency_days: int
    rfm_frequency: int
    rfm_monetary_fen: int
    paper_second_check_fen: int
    paper_second_check_points: int
    lockout_failures: int
    lockout_minutes: int
    step_up_points: int
    privacy_consent_version: str
    privacy_consent_text: Text
    marketing_consent_version: str
    marketing_consent_text: Text
    donation_campaigns: tuple[DonationCampaign, ...] = ()
    digest: str = field(default="", compare=False)

    # -- questions the decisions ask -------------------------------------------------------------

    def tier(self, code: str) -> Tier:
        for tier in self.tiers:
            if tier.code == code:
                return tier
        raise KeyError(code)

    def tier_for_spend(self, spend_fen: int) -> Tier:
        """The highest tier whose threshold the rolling qualifying spend reaches."""
        best = self.tiers[0]
        for tier in self.tiers:
            if spend_fen >= tier.qualifying_spend_fen:
                best = tier
        return best

    def next_tier(self, code: str) -> Tier | None:
        rank = self.tier(code).rank
        return self.tiers[rank + 1] if rank + 1 < len(self.tiers) else None

    def campaign_multiplier(self, day: date, category: str | None) -> Fraction:
        """Product of the campaigns running on ``day`` for ``category``, capped at the maximum."""
        multiplier = Fraction(1)
        if day in self.double_points_dates or day.isoweekday() in self.double_points_weekdays:
            multiplier *= self.double_points_multiplier
        if day.day == self.member_day_of_month:
            multiplier *= self.member_day_multiplier
        if category and category in self.category_multipliers:
            multiplier *= self.category_multipliers[category]
        return min(multiplier, self.max_campaign_multiplier)

    def donation_campaign(self, code: str) -> DonationCampaign | None:
        return next((c for c in self.donation_campaigns if c.code == code), None)

    def is_member_day(self, day: date) -> bool:
        return day.day == self.member_day_of_month

    def expiry_date(self, earned_on: date) -> date:
        """The last day points earned on ``earned_on`` are valid: 31 December of year Y + N."""
        return date(earned_on.year + self.expiry_years, 12, 31)


# -- loading ---------------------------------------------------------------------------------------


class _Reader:
    """Reads typed values from a TOML table, naming the full field path in every error."""

    def __init__(self, table: dict[str, Any], path: str):
        if not isinstance(table, dict):
            raise RulesError(f"{path or 'rules'}: must be a table")
        self.table = table
        self.path = path

    def _name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def sub(self, key: str) -> _Reader:
        if key not in self.table:
            raise RulesError(f"{self._name(key)}: missing")
        return _Reader(self.table[key], self._name(key))

    def raw(self, key: str) -> Any:
        if key not in self.table:
            raise RulesError(f"{self._name(key)}: missing")
        return self.table[key]

    def int(self, key: str, lo: int, hi: int) -> int:
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            raise RulesError(f"{self._name(key)}: must be a whole number from {lo} to {hi}, got {value!r}")
        return value

    def bool(self, key: str) -> bool:
        value = self.raw(key)
        if not isinstance(value, bool):
            raise RulesError(f"{self._name(key)}: must be true or false, got {value!r}")
        return value

    def str(self, key: str, allow_empty: bool = False) -> str:
        value = self.raw(key)
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            raise RulesError(f"{self._name(key)}: must be a non-empty string, got {value!r}")
        return value

    def fraction(self, key: str, lo: Fraction, hi: Fraction) -> Fraction:
        value = self.raw(key)
        try:
            result = parse_multiplier(value)
        except ValueError as exc:
            raise RulesError(f"{self._name(key)}: {exc}") from None
        if not lo <= result <= hi:
            raise RulesError(f"{self._name(key)}: must be between {lo} and {hi}, got {value!r}")
        return result

    def text(self, key: str) -> Text:
        value = self.raw(key)
        if not isinstance(value, dict):
            raise RulesError(f"{self._name(key)}: must be a table with {', '.join(LANG_KEYS)}")
        missing = [lang for lang in LANG_KEYS if not isinstance(value.get(lang), str) or not value[lang]]
        if missing:
            raise RulesError(f"{self._name(key)}.{missing[0]}: missing or empty")
        return Text(**{lang: value[lang] for lang in LANG_KEYS})


def load_rules(path: Path | str) -> Rules:
    """Load and validate a rules file; a problem raises :class:`RulesError` naming the field."""
    raw = Path(path).read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"rules file {Path(path).name}: not valid TOML ({exc})") from None
    return rules_from_dict(data)


SECURITY_DEFAULTS = {"lockout_failures": 5, "lockout_minutes": 30, "step_up_points": 5000}


def rules_from_dict(data: dict[str, Any]) -> Rules:
    r = _Reader(data, "")
    # Optional for rules files written before it existed (terminals keep their loaded rules across upgrades).
    security = _Reader(data.get("security", SECURITY_DEFAULTS), "security")
    try:
        tz = ZoneInfo(r.str("timezone"))
    except (ZoneInfoNotFoundError, ValueError):
        raise RulesError(f"timezone: unknown time zone {data.get('timezone')!r}") from None

    raw_tiers = r.raw("tiers")
    if not isinstance(raw_tiers, list) or not raw_tiers:
        raise RulesError("tiers: must list at least one tier")
    tiers: list[Tier] = []
    for i, raw_tier in enumerate(raw_tiers):
        t = _Reader(raw_tier, f"tiers[{i}]")
        code = t.str("code")
        if not code.isascii() or not code.replace("_", "").isalnum():
            raise RulesError(f"tiers[{i}].code: use letters, digits and underscores, got {code!r}")
        tier = Tier(
            code=code,
            rank=i,
            name=t.text("name"),
            qualifying_spend_fen=t.int("qualifying_spend_yuan", 0, 100_000_000) * FEN_PER_YUAN,
            points_multiplier=t.fraction("points_multiplier", Fraction(0), Fraction(100)),
            discount_percent=t.fraction("discount_percent", Fraction(0), Fraction(90)),
            parking_hours=t.int("parking_hours", 0, 24),
            birthday_gift=t.text("birthday_gift"),
            birthday_double_points=t.bool("birthday_double_points"),
            birthday_coupon=t.str("birthday_coupon", allow_empty=True),
            lounge=t.bool("lounge"),
        )
        if tiers and tier.qualifying_spend_fen <= tiers[-1].qualifying_spend_fen:
            raise RulesError(f"tiers[{i}].qualifying_spend_yuan: must be higher than the tier before it")
        if any(existing.code == code for existing in tiers):
            raise RulesError(f"tiers[{i}].code: {code!r} appears twice")
        tiers.append(tier)
    if tiers[0].qualifying_spend_fen != 0:
        raise RulesError("tiers[0].qualifying_spend_yuan: the first tier must start at 0")
    codes = {t.code for t in tiers}

    up = r.sub("upgrade")
    pp = up.sub("points_path")
    ap = up.sub("activity_path")
    to_tier = pp.str("to_tier")
    if to_tier not in codes:
        raise RulesError(f"upgrade.points_path.to_tier: unknown tier {to_tier!r}")
    down = r.sub("downgrade")
    camp = r.sub("campaigns")
    dates: set[date] = set()
    for j, text in enumerate(camp.raw("double_points_dates")):
        try:
            dates.add(date.fromisoformat(str(text)))
        except ValueError:
            raise RulesError(f"campaigns.double_points_dates[{j}]: not a date like 2026-12-12: {text!r}") from None
    weekdays = camp.raw("double_points_weekdays")
    if not isinstance(weekdays, list) or any(
        isinstance(d, bool) or not isinstance(d, int) or not 1 <= d <= 7 for d in weekdays
    ):
        raise RulesError("campaigns.double_points_weekdays: must list weekdays 1 (Monday) to 7 (Sunday)")
    cats = camp.sub("category_multipliers")
    category_multipliers = {key: cats.fraction(key, Fraction(0), Fraction(10)) for key in cats.table}
    md = camp.sub("member_day")
    rc = r.sub("receipt_credit")
    red = r.sub("redemption")
    life = r.sub("lifecycle")
    rfm = r.sub("rfm")
    mall = r.sub("mall")
    consents = r.sub("consents")
    privacy = consents.sub("privacy")
    marketing = consents.sub("marketing")

    rules = Rules(
        version=r.str("version"),
        timezone=tz,
        cutover_hour=r.int("business_day_cutover_hour", 0, 12),
        mall_name=mall.text("name"),
        rules_location=mall.text("rules_location"),
        tiers=tuple(tiers),
        upgrade_by_spend=up.bool("spend"),
        rolling_days=up.int("rolling_days", 30, 1096),
        points_path_enabled=pp.bool("enabled"),
        points_path_points=pp.int("points_in_year", 1, 10_000_000),
        points_path_to_tier=to_tier,
        activity_path_enabled=ap.bool("enabled"),
        activity_path_events=ap.int("events_in_year", 1, 365),
        review_month=down.int("review_month", 1, 12),
        downgrade_max_steps=down.int("max_steps", 0, 10),
        max_campaign_multiplier=camp.fraction("max_multiplier", Fraction(1), Fraction(20)),
        double_points_dates=frozenset(dates),
        double_points_weekdays=frozenset(weekdays),
        double_points_multiplier=camp.fraction("double_points_multiplier", Fraction(1), Fraction(10)),
        category_multipliers=category_multipliers,
        member_day_of_month=md.int("day_of_month", 1, 28),
        member_day_multiplier=md.fraction("points_multiplier", Fraction(1), Fraction(10)),
        welcome_points=r.sub("welcome").int("points", 0, 100_000),
        referrer_points=r.sub("referral").int("referrer_points", 0, 100_000),
        referee_points=r.sub("referral").int("new_member_points", 0, 100_000),
        receipt_max_age_days=rc.int("max_age_days", 0, 366),
        receipt_max_per_day=rc.int("max_per_member_per_day", 1, 1000),
        receipt_manager_threshold_fen=rc.int("manager_threshold_yuan", 1, 10_000_000) * FEN_PER_YUAN,
        expiry_years=r.sub("expiry").int("years_after_earning_year", 0, 10),
        cash_offset_points_per_yuan=red.int("cash_offset_points_per_yuan", 1, 100_000),
        max_cash_offset_percent=red.fraction("max_cash_offset_percent", Fraction(0), Fraction(100)),
        offline_cap_points=red.int("offline_cap_points_per_member_per_day", 0, 10_000_000),
        member_day_gift=r.sub("benefits").text("member_day_gift"),
        lifecycle_new_days=life.int("new_days", 1, 365),
        lifecycle_active_days=life.int("active_days", 1, 3650),
        lifecycle_dormant_days=life.int("dormant_days", 1, 3650),
        rfm_recency_days=rfm.int("recency_days", 1, 3650),
        rfm_frequency=rfm.int("frequency_purchases_12m", 1, 10_000),
        rfm_monetary_fen=rfm.int("monetary_yuan_12m", 1, 100_000_000) * FEN_PER_YUAN,
        paper_second_check_fen=r.sub("paper").int("second_check_yuan", 0, 10_000_000) * FEN_PER_YUAN,
        paper_second_check_points=r.sub("paper").int("second_check_points", 0, 100_000_000),
        lockout_failures=security.int("lockout_failures", 1, 10),
        lockout_minutes=security.int("lockout_minutes", 30, 24 * 60),
        step_up_points=security.int("step_up_points", 0, 100_000_000),
        privacy_consent_version=privacy.str("version"),
        privacy_consent_text=privacy.text("text"),
        marketing_consent_version=marketing.str("version"),
        marketing_consent_text=marketing.text("text"),
        donation_campaigns=_donation_campaigns(data.get("donation", [])),
        digest=hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16],
    )
    if not rules.lifecycle_active_days < rules.lifecycle_dormant_days:
        raise RulesError("lifecycle.dormant_days: must be more than lifecycle.active_days")
    return rules


def _donation_campaigns(raw: Any) -> tuple[DonationCampaign, ...]:
    """The ``[[donation]]`` campaigns; optional, for rules files written before points donation existed."""
    if not isinstance(raw, list):
        raise RulesError("donation: must be a list of campaigns ([[donation]] tables)")
    campaigns: list[DonationCampaign] = []
    for i, table in enumerate(raw):
        d = _Reader(table, f"donation[{i}]")
        code = d.str("code")
        if not code.isascii() or not code.replace("-", "").isalnum() or code[0] == "-" or len(code) > 20:
            raise RulesError(f"donation[{i}].code: use up to 20 letters, digits and -, got {code!r}")
        if code != code.upper():
            raise RulesError(f"donation[{i}].code: write it in capitals, got {code!r}")
        if any(c.code == code for c in campaigns):
            raise RulesError(f"donation[{i}].code: {code!r} appears twice")
        low = d.int("min_points", 1, 10_000_000)
        high = d.int("max_points", 1, 10_000_000)
        if high < low:
            raise RulesError(f"donation[{i}].max_points: must be at least min_points ({low}), got {high}")
        campaigns.append(DonationCampaign(code, d.text("name"), low, high))
    return tuple(campaigns)


def default_rules_path() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "rules" / "default.toml"


def default_rules() -> Rules:
    return load_rules(default_rules_path())
