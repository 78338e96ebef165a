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

# Bounds on what a file, an import, an event or a form may say. A duration of a hundred years
# is more than any journey waits; `P99999999D` overflows the calendar and would stall the
# customer at the node for ever. A moment outside 1900–2199 is a typo or a placeholder
# ("9999-12-31"), never a real order or event, and its arithmetic can overflow.
MAX_DURATION_DAYS = 36_525  # 100 years
MAX_DURATION_TEXT = 40
EARLIEST_YEAR, LATEST_YEAR = 1900, 2199


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


def parse_duration(text: str) -> Duration:
    if not isinstance(text, str):  # checked before the cache, which cannot hash a list or dict
        raise TimeFormatError(f"a duration must be a string like 'P1D' or 'PT4H', not {_shown(text)}")
    if len(text) > MAX_DURATION_TEXT:
        raise TimeFormatError(f"'{text[:20]}…' is not a duration: {len(text)} characters long "
                              f"(at most {MAX_DURATION_TEXT})")
    return _parse_duration(text)


@lru_cache(maxsize=4096)
def _parse_duration(text: str) -> Duration:
    m = _DURATION_RE.match(text.strip())
    if not m or text.strip() != text:
        raise TimeFormatError(f"'{text}' is not an ISO 8601 duration (like 'PT4H', 'P1D', 'P3M', 'P1DT12H')")
    parts = {k: int(v) for k, v in m.groupdict().items() if k != "sign" and v is not None}
    duration = Duration(negative=bool(m.group("sign")), **parts)
    if abs(duration.approx_seconds()) > MAX_DURATION_DAYS * 86400:
        raise TimeFormatError(f"'{text}' is longer than {MAX_DURATION_DAYS // 365} years, "
                              "the longest a journey may wait")
    return duration


def _shown(value: object) -> str:
    """A value quoted in an error message, cut short: the value may be a whole file's worth."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


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


def zone(name: str | None) -> ZoneInfo:
    """The IANA zone by name; UTC for none. Raises TimeFormatError for an unknown name."""
    if name and not isinstance(name, str):  # checked before the cache, which cannot hash a list
        raise TimeFormatError(f"a time zone must be an IANA name like 'Europe/Berlin', not {name!r}")
    return _zone(name)


@lru_cache(maxsize=512)
def _zone(name: str | None) -> ZoneInfo:
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
    day = d.day
    if day > 28:  # only the last days of a month can overflow a shorter one
        day = min(day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def local_wall_to_utc(day: date, wall: time, tz: ZoneInfo) -> datetime:
    """A local wall-clock time on a day, as an aware UTC moment.

    A wall time that does not exist (skipped by a daylight-saving jump) moves forward by the
    gap, as a clock on the wall would; an ambiguous one takes its first occurrence.
    """
    naive = datetime.combine(day, wall)
    # fold=0 (PEP 495) reads an ambiguous time as its first occurrence and a skipped time with
    # the offset from before the jump, which lands after the gap: 02:30 on a spring-forward
    # night in Berlin is 03:30 local. (fold=1 would move it back to 01:30.)
    return naive.replace(tzinfo=tz, fold=0).astimezone(UTC)


def add_duration(moment: datetime, duration: Duration | str, tz: ZoneInfo | str | None = None,
                 sign: int = 1) -> datetime:
    """Move a moment by a duration: calendar part in `tz`, then the exact part."""
    d = parse_duration(duration) if isinstance(duration, str) else duration
    if isinstance(tz, str) or tz is None:
        tz = zone(tz)
    cached = _HALVES.get(id(d))
    if cached is None or cached[0] is not d:
        if len(_HALVES) > 4096:
            _HALVES.clear()
        cached = _HALVES[id(d)] = (d, d.years * 12 + d.months, d.weeks * 7 + d.days, d.exact)
    _, months, days, exact = cached
    direction = -sign if d.negative else sign
    result = moment
    if months or days:
        local = moment.astimezone(tz)
        day = local.date()
        if months:
            day = _add_months(day, direction * months)
        if days:
            day = day + timedelta(days=direction * days)
        result = local_wall_to_utc(day, local.time(), tz)  # time() is naive and keeps fold
    if exact:
        result = result + exact if direction > 0 else result - exact
    return result if result.tzinfo is UTC else result.astimezone(UTC)


# id(duration) -> (duration, calendar months, calendar days, exact part): add_duration runs
# millions of times in a population run and durations are few, so their halves are worked out
# once. The entry holds the duration itself, so its id cannot be reused while it is cached.
_HALVES: dict[int, tuple[Duration, int, int, timedelta]] = {}


def subtract_duration(moment: datetime, duration: Duration | str, tz: ZoneInfo | str | None = None) -> datetime:
    return add_duration(moment, duration, tz, sign=-1)


def parse_moment(text: object) -> datetime:
    """An ISO 8601 time with an offset or Z, as an aware UTC datetime.

    Takes any value, as read from a file or a form: an aware datetime passes through, and anything
    that is neither (a number, None, a naive time) raises TimeFormatError instead of a TypeError.
    """
    if isinstance(text, datetime):
        if text.tzinfo is None:
            raise TimeFormatError(f"'{text.isoformat()}' has no time zone offset")
        return _in_range(text.astimezone(UTC), text.isoformat())
    if not isinstance(text, str):
        raise TimeFormatError(f"a time must be an ISO 8601 string, not {_shown(text)}")
    if len(text) > 64:
        raise TimeFormatError(f"'{text[:20]}…' is not an ISO 8601 time ({len(text)} characters long)")
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise TimeFormatError(f"'{text}' is not an ISO 8601 time (like '2026-11-02T18:00:00Z')") from exc
    if parsed.tzinfo is None:
        if "T" not in value and " " not in value and len(value) == 10:
            return _in_range(parsed.replace(tzinfo=UTC), text)
        raise TimeFormatError(f"'{text}' has no time zone offset (add 'Z' or '+01:00')")
    try:
        moment = parsed.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00:00+01:00 has no UTC moment
        raise TimeFormatError(f"'{text}' is outside the years {EARLIEST_YEAR}–{LATEST_YEAR}") from None
    return _in_range(moment, text)


def _in_range(moment: datetime, shown: str) -> datetime:
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise TimeFormatError(f"'{shown}' is outside the years {EARLIEST_YEAR}–{LATEST_YEAR}")
    return moment


def parse_date(text: str) -> date:
    """A calendar date (birthdates); a full ISO time is accepted and its date kept."""
    if isinstance(text, date) and not isinstance(text, datetime):
        day = text
    elif not isinstance(text, str):
        raise TimeFormatError(f"a date must be an ISO 8601 string, not {_shown(text)}")
    else:
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            return parse_moment(text).date()
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise TimeFormatError(f"'{day.isoformat()}' is outside the years {EARLIEST_YEAR}–{LATEST_YEAR}")
    return day


def format_moment(moment: datetime) -> str:
    """UTC with Z, to the second: the only way a moment is printed by the command line."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time_of_day(text: object) -> time:
    """A local time like '09:00'; any other value (as read from a file) raises TimeFormatError."""
    if not isinstance(text, str) or not _TIME_OF_DAY_RE.fullmatch(text):
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
