"""Moments, time zones and ISO 8601 durations as the journey format defines them.

Durations have two halves that behave differently: the date part (Y/M/W/D) is calendar time in
the customer's own time zone, the time part (H/M/S) is exact elapsed time. Every place in the
product that moves a moment forward (delays, windows, cooldowns, discount expiry) goes through
`add_duration`, so simulation and a sending session agree to the second.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_DURATION_RE = re.compile(
    r"^(?P<sign>-)?P(?!$)"
    r"(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)
_TIME_OF_DAY_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class TimeFormatError(ValueError):
    """A duration, moment or time of day that does not follow the file format."""


@dataclass(frozen=True, slots=True)
class Duration:
    """An ISO 8601 duration kept in its two halves, so calendar and exact parts never mix."""

    negative: bool = False
    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    hours: int = 0
    minutes: int = 0
    seconds: int = 0

    @property
    def has_calendar_part(self) -> bool:
        return bool(self.years or self.months or self.weeks or self.days)

    @property
    def exact(self) -> timedelta:
        """The time part alone, as elapsed time (unsigned)."""
        return timedelta(hours=self.hours, minutes=self.minutes, seconds=self.seconds)

    def approx_seconds(self) -> float:
        """A rough length for sorting and display; never used to schedule anything."""
        days = self.years * 365.2425 + self.months * 30.436875 + self.weeks * 7 + self.days
        total = days * 86400 + self.exact.total_seconds()
        return -total if self.negative else total

    def __str__(self) -> str:
        return format_duration(self)


@lru_cache(maxsize=4096)
def parse_duration(text: str) -> Duration:
    if not isinstance(text, str):
        raise TimeFormatError(f"a duration must be a string like 'P1D' or 'PT4H', not {text!r}")
    m = _DURATION_RE.match(text.strip())
    if not m or text.strip() != text:
        raise TimeFormatError(f"'{text}' is not an ISO 8601 duration (like 'PT4H', 'P1D', 'P3M', 'P1DT12H')")
    parts = {k: int(v) for k, v in m.groupdict().items() if k != "sign" and v is not None}
    return Duration(negative=bool(m.group("sign")), **parts)


def format_duration(d: Duration) -> str:
    out = "-P" if d.negative else "P"
    for value, unit in ((d.years, "Y"), (d.months, "M"), (d.weeks, "W"), (d.days, "D")):
        if value:
            out += f"{value}{unit}"
    tpart = "".join(f"{v}{u}" for v, u in ((d.hours, "H"), (d.minutes, "M"), (d.seconds, "S")) if v)
    if tpart:
        out += "T" + tpart
    if out in ("P", "-P"):
        out += "T0S"
    return out


@lru_cache(maxsize=512)
def zone(name: str | None) -> ZoneInfo:
    """The IANA zone by name; UTC for none. Raises TimeFormatError for an unknown name."""
    if not name:
        return ZoneInfo("UTC")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise TimeFormatError(f"unknown time zone '{name}'") from exc


def _add_months(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    if year < 1 or year > 9999:
        raise OverflowError("date out of range")
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def local_wall_to_utc(day: date, wall: time, tz: ZoneInfo) -> datetime:
    """A local wall-clock time on a day, as an aware UTC moment.

    A wall time that does not exist (skipped by a daylight-saving jump) moves forward by the
    gap, as a clock on the wall would; an ambiguous one takes its first occurrence.
    """
    naive = datetime.combine(day, wall)
    aware = naive.replace(tzinfo=tz, fold=0)
    utc = aware.astimezone(UTC)
    if utc.astimezone(tz).replace(tzinfo=None) != naive:
        utc = naive.replace(tzinfo=tz, fold=1).astimezone(UTC)
    return utc


def add_duration(moment: datetime, duration: Duration | str, tz: ZoneInfo | str | None = None,
                 sign: int = 1) -> datetime:
    """Move a moment by a duration: calendar part in `tz`, then the exact part."""
    d = parse_duration(duration) if isinstance(duration, str) else duration
    if isinstance(tz, str) or tz is None:
        tz = zone(tz)
    direction = -sign if d.negative else sign
    result = moment
    if d.has_calendar_part:
        local = moment.astimezone(tz)
        day = _add_months(local.date(), direction * (d.years * 12 + d.months))
        day = day + timedelta(days=direction * (d.weeks * 7 + d.days))
        result = local_wall_to_utc(day, local.time().replace(tzinfo=None), tz)
    exact = d.exact
    if exact:
        result = result + exact if direction > 0 else result - exact
    return result.astimezone(UTC)


def subtract_duration(moment: datetime, duration: Duration | str, tz: ZoneInfo | str | None = None) -> datetime:
    return add_duration(moment, duration, tz, sign=-1)


def parse_moment(text: str) -> datetime:
    """An ISO 8601 time with an offset or Z, as an aware UTC datetime."""
    if isinstance(text, datetime):
        if text.tzinfo is None:
            raise TimeFormatError(f"'{text.isoformat()}' has no time zone offset")
        return text.astimezone(UTC)
    if not isinstance(text, str):
        raise TimeFormatError(f"a time must be an ISO 8601 string, not {text!r}")
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise TimeFormatError(f"'{text}' is not an ISO 8601 time (like '2026-11-02T18:00:00Z')") from exc
    if parsed.tzinfo is None:
        if "T" not in value and " " not in value and len(value) == 10:
            return parsed.replace(tzinfo=UTC)
        raise TimeFormatError(f"'{text}' has no time zone offset (add 'Z' or '+01:00')")
    return parsed.astimezone(UTC)


def parse_date(text: str) -> date:
    """A calendar date (birthdates); a full ISO time is accepted and its date kept."""
    if isinstance(text, date) and not isinstance(text, datetime):
        return text
    if not isinstance(text, str):
        raise TimeFormatError(f"a date must be an ISO 8601 string, not {text!r}")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return parse_moment(text).date()


def format_moment(moment: datetime) -> str:
    """UTC with Z, to the second: the only way a moment is printed by the command line."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time_of_day(text: str) -> time:
    if not isinstance(text, str) or not _TIME_OF_DAY_RE.match(text):
        raise TimeFormatError(f"'{text}' is not a time of day like '09:00'")
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def whole_days(start: datetime, end: datetime) -> int:
    """Whole days elapsed, rounded down (negative spans round toward minus infinity)."""
    return int((end - start).total_seconds() // 86400)


def whole_years(born: date, on: date) -> int:
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years
