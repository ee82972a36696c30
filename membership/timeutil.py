"""Business days and periods in the mall's time zone; every function takes the time it works on."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo


def require_aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times must carry a time zone (store UTC)")
    return moment


def business_day(moment: datetime, tz: ZoneInfo, cutover_hour: int = 0) -> date:
    """The business day a moment belongs to: local date, shifted back before the cut-over hour."""
    local = require_aware(moment).astimezone(tz)
    return (local - timedelta(hours=cutover_hour)).date()


def business_day_bounds(day: date, tz: ZoneInfo, cutover_hour: int = 0) -> tuple[datetime, datetime]:
    """UTC [start, end) of a business day."""
    start_local = datetime(day.year, day.month, day.day, cutover_hour, tzinfo=tz)
    # From the calendar, not start + 24 h, so a DST change (not in China, but elsewhere) stays correct.
    nxt = day + timedelta(days=1)
    end_local = datetime(nxt.year, nxt.month, nxt.day, cutover_hour, tzinfo=tz)
    return start_local.astimezone(UTC), end_local.astimezone(UTC)


def to_utc_text(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds: the one textual time format stored anywhere."""
    return require_aware(moment).astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def from_utc_text(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def local_minutes(utc_text: str, tz: ZoneInfo) -> str:
    """A stored UTC time as people read it in the mall: ``2026-11-20 10:05``."""
    try:
        return from_utc_text(utc_text).astimezone(tz).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return utc_text  # already a local text (older rows): show it as it is


def add_years_clamped(day: date, years: int) -> date:
    """Same month/day ``years`` later, 29 February becoming 28 February in common years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
