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

from .i18n import QT_TRANSLATE_NOOP, Message, Text
from .money import FEN_PER_YUAN, parse_multiplier

LANG_KEYS = ("zh_CN", "zh_TW", "en")


CTX = "Rules"


@dataclass(frozen=True)
class RulesProblem:
    """One mistake in a rules file: the field's path (e.g. ``tiers[2].points_multiplier``) and what is wrong."""

    field: str
    message: Message

    def __str__(self) -> str:
        return f"{self.field}: {self.message.render()}"


def _problem(field_: str, text: str, **params: Any) -> RulesProblem:
    return RulesProblem(field_, Message(CTX, text, params))


class RulesError(ValueError):
    """The rules file is invalid. ``problems`` lists every mistake found, each at its field; ``str()`` and
    ``message`` are the first one's, e.g. ``tiers[2].points_multiplier: must be between 0 and 100, got '-1'``."""

    def __init__(self, problems: str | RulesProblem | list[RulesProblem]):
        if isinstance(problems, str):
            # Older callers (master data) name the field at the front of an English text.
            field_, _, rest = problems.partition(": ")
            problems = RulesProblem(field_ if rest else "rules", Message(CTX, rest or problems))
        self.problems: list[RulesProblem] = [problems] if isinstance(problems, RulesProblem) else list(problems)
        first = self.problems[0]
        self.field = first.field
        self.message = Message(
            CTX, QT_TRANSLATE_NOOP("Rules", "{field}: {problem}"), {"field": first.field, "problem": first.message}
        )
        super().__init__(str(first))


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
    """Reads typed values from a TOML table, naming the full field path in every problem.

    Without ``problems`` the first problem raises :class:`RulesError` (master data reads this way). With a
    list, each problem is appended (once per field) and a harmless stand-in value returned, so loading goes
    on and every independent mistake of a file is reported together.
    """

    def __init__(self, table: Any, path: str, problems: list[RulesProblem] | None = None, absent: bool = False):
        self.problems = problems
        self.path = path
        # A missing or broken table: its own problem is reported once, its keys stay quiet.
        self.absent = absent
        if not isinstance(table, dict):
            self.report(_problem(path or "rules", QT_TRANSLATE_NOOP("Rules", "must be a table")))
            table, self.absent = {}, True
        self.table = table

    def report(self, problem: RulesProblem) -> None:
        if self.problems is None:
            raise RulesError(problem)
        if not any(p.field == problem.field for p in self.problems):
            self.problems.append(problem)

    def _name(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _missing(self, key: str) -> None:
        if not self.absent:
            self.report(_problem(self._name(key), QT_TRANSLATE_NOOP("Rules", "missing")))

    def sub(self, key: str) -> _Reader:
        if key not in self.table:
            self._missing(key)
            return _Reader({}, self._name(key), self.problems, absent=True)
        return _Reader(self.table[key], self._name(key), self.problems, self.absent)

    def raw(self, key: str, default: Any = None) -> Any:
        if key not in self.table:
            self._missing(key)
            return default
        return self.table[key]

    def int(self, key: str, lo: int, hi: int) -> int:
        value = self.raw(key, lo)
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            self.report(
                _problem(
                    self._name(key),
                    QT_TRANSLATE_NOOP("Rules", "must be a whole number from {lo} to {hi}, got {value}"),
                    lo=lo,
                    hi=hi,
                    value=repr(value),
                )
            )
            return lo
        return value

    def bool(self, key: str) -> bool:
        value = self.raw(key, False)
        if not isinstance(value, bool):
            self.report(
                _problem(
                    self._name(key), QT_TRANSLATE_NOOP("Rules", "must be true or false, got {value}"), value=repr(value)
                )
            )
            return False
        return value

    def str(self, key: str, allow_empty: bool = False) -> str:
        value = self.raw(key, "?")
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            self.report(
                _problem(
                    self._name(key),
                    QT_TRANSLATE_NOOP("Rules", "must be a non-empty string, got {value}"),
                    value=repr(value),
                )
            )
            return "?"
        return value

    def fraction(self, key: str, lo: Fraction, hi: Fraction) -> Fraction:
        value = self.raw(key, str(lo))
        try:
            result = parse_multiplier(value)
        except ValueError:
            self.report(
                _problem(
                    self._name(key),
                    QT_TRANSLATE_NOOP("Rules", 'must be a decimal written as a string such as "1.5", got {value}'),
                    value=repr(value),
                )
            )
            return lo
        if not lo <= result <= hi:
            self.report(
                _problem(
                    self._name(key),
                    QT_TRANSLATE_NOOP("Rules", "must be between {lo} and {hi}, got {value}"),
                    lo=str(lo),
                    hi=str(hi),
                    value=repr(value),
                )
            )
            return lo
        return result

    def text(self, key: str) -> Text:
        value = self.raw(key, {lang: "?" for lang in LANG_KEYS})
        if not isinstance(value, dict):
            self.report(
                _problem(
                    self._name(key),
                    QT_TRANSLATE_NOOP("Rules", "must be a table with {languages}"),
                    languages=", ".join(LANG_KEYS),
                )
            )
            return Text("?", "?", "?")
        missing = [lang for lang in LANG_KEYS if not isinstance(value.get(lang), str) or not value[lang]]
        if missing:
            self.report(_problem(f"{self._name(key)}.{missing[0]}", QT_TRANSLATE_NOOP("Rules", "missing or empty")))
            return Text("?", "?", "?")
        return Text(**{lang: value[lang] for lang in LANG_KEYS})


def load_rules(path: Path | str) -> Rules:
    """Load and validate a rules file; a problem raises :class:`RulesError` naming the field."""
    raw = Path(path).read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(
            _problem(
                f"rules file {Path(path).name}", QT_TRANSLATE_NOOP("Rules", "not valid TOML ({error})"), error=str(exc)
            )
        ) from None
    return rules_from_dict(data)


SECURITY_DEFAULTS = {"lockout_failures": 5, "lockout_minutes": 30, "step_up_points": 5000}


def rules_from_dict(data: dict[str, Any]) -> Rules:
    """Validate rules read from TOML. Every independent mistake is collected; if there is any, one
    :class:`RulesError` lists them all (in the order of the file's checks, so the first stays the first)."""
    problems: list[RulesProblem] = []
    r = _Reader(data, "", problems)
    if not isinstance(data, dict):
        raise RulesError(problems)
    report = r.report
    # Optional for rules files written before it existed (terminals keep their loaded rules across upgrades).
    security = _Reader(data.get("security", SECURITY_DEFAULTS), "security", problems)
    tz = ZoneInfo("UTC")
    tz_name = r.str("timezone")
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        report(
            _problem(
                "timezone", QT_TRANSLATE_NOOP("Rules", "unknown time zone {value}"), value=repr(data.get("timezone"))
            )
        )

    raw_tiers = r.raw("tiers", [])
    if not isinstance(raw_tiers, list) or not raw_tiers:
        report(_problem("tiers", QT_TRANSLATE_NOOP("Rules", "must list at least one tier")))
        raw_tiers = []
    tiers: list[Tier] = []
    for i, raw_tier in enumerate(raw_tiers):
        t = _Reader(raw_tier, f"tiers[{i}]", problems)
        code = t.str("code")
        if not code.isascii() or not code.replace("_", "").isalnum():
            report(
                _problem(
                    f"tiers[{i}].code",
                    QT_TRANSLATE_NOOP("Rules", "use letters, digits and underscores, got {value}"),
                    value=repr(code),
                )
            )
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
            report(
                _problem(
                    f"tiers[{i}].qualifying_spend_yuan",
                    QT_TRANSLATE_NOOP("Rules", "must be higher than the tier before it"),
                )
            )
        if any(existing.code == code for existing in tiers):
            report(_problem(f"tiers[{i}].code", QT_TRANSLATE_NOOP("Rules", "{value} appears twice"), value=repr(code)))
        tiers.append(tier)
    if tiers and tiers[0].qualifying_spend_fen != 0:
        report(_problem("tiers[0].qualifying_spend_yuan", QT_TRANSLATE_NOOP("Rules", "the first tier must start at 0")))
    codes = {t.code for t in tiers}

    up = r.sub("upgrade")
    pp = up.sub("points_path")
    ap = up.sub("activity_path")
    to_tier = pp.str("to_tier")
    if tiers and to_tier not in codes:
        report(
            _problem(
                "upgrade.points_path.to_tier", QT_TRANSLATE_NOOP("Rules", "unknown tier {value}"), value=repr(to_tier)
            )
        )
    down = r.sub("downgrade")
    camp = r.sub("campaigns")
    dates: set[date] = set()
    raw_dates = camp.raw("double_points_dates", [])
    if not isinstance(raw_dates, list):
        report(_problem("campaigns.double_points_dates", QT_TRANSLATE_NOOP("Rules", "must list dates like 2026-12-12")))
        raw_dates = []
    for j, text in enumerate(raw_dates):
        try:
            dates.add(date.fromisoformat(str(text)))
        except ValueError:
            report(
                _problem(
                    f"campaigns.double_points_dates[{j}]",
                    QT_TRANSLATE_NOOP("Rules", "not a date like 2026-12-12: {value}"),
                    value=repr(text),
                )
            )
    weekdays = camp.raw("double_points_weekdays", [])
    if not isinstance(weekdays, list) or any(
        isinstance(d, bool) or not isinstance(d, int) or not 1 <= d <= 7 for d in weekdays
    ):
        report(
            _problem(
                "campaigns.double_points_weekdays",
                QT_TRANSLATE_NOOP("Rules", "must list weekdays 1 (Monday) to 7 (Sunday)"),
            )
        )
        weekdays = []
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
        donation_campaigns=_donation_campaigns(data.get("donation", []), problems),
        digest=hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16],
    )
    if not rules.lifecycle_active_days < rules.lifecycle_dormant_days:
        report(
            _problem("lifecycle.dormant_days", QT_TRANSLATE_NOOP("Rules", "must be more than lifecycle.active_days"))
        )
    if problems:
        raise RulesError(problems)
    return rules


def _donation_campaigns(raw: Any, problems: list[RulesProblem]) -> tuple[DonationCampaign, ...]:
    """The ``[[donation]]`` campaigns; optional, for rules files written before points donation existed."""
    report = _Reader({}, "", problems).report
    if not isinstance(raw, list):
        report(_problem("donation", QT_TRANSLATE_NOOP("Rules", "must be a list of campaigns ([[donation]] tables)")))
        return ()
    campaigns: list[DonationCampaign] = []
    for i, table in enumerate(raw):
        d = _Reader(table, f"donation[{i}]", problems)
        code = d.str("code")
        field_ = f"donation[{i}].code"
        if not code.isascii() or not code.replace("-", "").isalnum() or code[0] == "-" or len(code) > 20:
            report(
                _problem(
                    field_,
                    QT_TRANSLATE_NOOP("Rules", "use up to 20 letters, digits and -, got {value}"),
                    value=repr(code),
                )
            )
        elif code != code.upper():
            report(_problem(field_, QT_TRANSLATE_NOOP("Rules", "write it in capitals, got {value}"), value=repr(code)))
        elif any(c.code == code for c in campaigns):
            report(_problem(field_, QT_TRANSLATE_NOOP("Rules", "{value} appears twice"), value=repr(code)))
        low = d.int("min_points", 1, 10_000_000)
        high = d.int("max_points", 1, 10_000_000)
        if high < low:
            report(
                _problem(
                    f"donation[{i}].max_points",
                    QT_TRANSLATE_NOOP("Rules", "must be at least min_points ({low}), got {value}"),
                    low=low,
                    value=high,
                )
            )
        campaigns.append(DonationCampaign(code, d.text("name"), low, high))
    return tuple(campaigns)


def default_rules_path() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "rules" / "default.toml"


def default_rules() -> Rules:
    return load_rules(default_rules_path())
