"""Durations, moments and times of day as spec §1 defines them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from engine.timeutil import (
    Duration,
    TimeFormatError,
    add_duration,
    format_duration,
    format_moment,
    local_wall_to_utc,
    parse_date,
    parse_duration,
    parse_moment,
    parse_time_of_day,
    subtract_duration,
    whole_days,
    whole_years,
    zone,
)

BERLIN = zone("Europe/Berlin")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# -- parsing durations ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("PT4H", Duration(hours=4)),
    ("P1D", Duration(days=1)),
    ("P3M", Duration(months=3)),
    ("P1Y", Duration(years=1)),
    ("P2W", Duration(weeks=2)),
    ("P1DT12H", Duration(days=1, hours=12)),
    ("PT30M", Duration(minutes=30)),
    ("PT90S", Duration(seconds=90)),
    ("P1Y2M3W4DT5H6M7S", Duration(False, 1, 2, 3, 4, 5, 6, 7)),
    ("-P1D", Duration(negative=True, days=1)),
    ("-PT2H", Duration(negative=True, hours=2)),
    ("P0D", Duration()),
])
def test_parse_duration(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["P", "PT", "1D", "P1H", "", "-P", "P1DT", "PT1D", "P-1D", "p1d", " P1D",
                                  "P1D ", "P1.5D", "PT1H2", "P1M1Y", "D1P", "+P1D", "P1S"])
def test_malformed_durations_are_rejected(text: str) -> None:
    with pytest.raises(TimeFormatError):
        parse_duration(text)


@pytest.mark.parametrize("value", [None, 1, 1.5, ["P1D"]])
def test_non_strings_are_not_durations(value: object) -> None:
    with pytest.raises(TimeFormatError):
        parse_duration(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["PT4H", "P1D", "P3M", "P1Y", "P1DT12H", "-P7D", "P2W", "P1Y2M3DT4H5M6S"])
def test_format_duration_round_trips(text: str) -> None:
    assert format_duration(parse_duration(text)) == text
    assert str(parse_duration(text)) == text


# -- adding durations ----------------------------------------------------------------------
def test_time_part_is_exact_elapsed_time_across_dst() -> None:
    start = utc(2026, 3, 28, 22, 0)  # 23:00 CET, the night clocks jump forward
    assert add_duration(start, "PT4H", BERLIN) - start == timedelta(hours=4)
    start = utc(2026, 10, 24, 22, 0)  # 00:00 CEST, the night clocks go back
    assert add_duration(start, "PT4H", BERLIN) - start == timedelta(hours=4)


def test_p1d_across_spring_forward_is_23_hours_same_wall_time() -> None:
    start = utc(2026, 3, 28, 10, 0)  # 11:00 CET on the day before the change
    end = add_duration(start, "P1D", BERLIN)
    assert end - start == timedelta(hours=23)
    assert end.astimezone(BERLIN).replace(tzinfo=None) == datetime(2026, 3, 29, 11, 0)


def test_p1d_across_fall_back_is_25_hours_same_wall_time() -> None:
    start = utc(2026, 10, 24, 9, 0)  # 11:00 CEST on the day before the change
    end = add_duration(start, "P1D", BERLIN)
    assert end - start == timedelta(hours=25)
    assert end.astimezone(BERLIN).replace(tzinfo=None) == datetime(2026, 10, 25, 11, 0)


def test_p1d_in_utc_is_24_hours() -> None:
    start = utc(2026, 3, 28, 10, 0)
    assert add_duration(start, "P1D", "UTC") - start == timedelta(hours=24)
    assert add_duration(start, "P1D") - start == timedelta(hours=24)


def test_pt24h_across_dst_is_not_p1d() -> None:
    start = utc(2026, 3, 28, 10, 0)
    assert add_duration(start, "PT24H", BERLIN) == utc(2026, 3, 29, 10, 0)
    assert add_duration(start, "P1D", BERLIN) == utc(2026, 3, 29, 9, 0)


def test_p1dt12h_is_a_calendar_day_then_12_exact_hours() -> None:
    start = utc(2026, 3, 28, 10, 0)  # 11:00 CET
    assert add_duration(start, "P1DT12H", BERLIN) == utc(2026, 3, 29, 21, 0)  # 23:00 CEST
    assert add_duration(utc(2026, 5, 1, 0, 0), "P1DT12H", "UTC") == utc(2026, 5, 2, 12, 0)


@pytest.mark.parametrize(("start", "duration", "expected"), [
    (utc(2026, 1, 31, 10, 0), "P1M", utc(2026, 2, 28, 10, 0)),
    (utc(2028, 1, 31, 10, 0), "P1M", utc(2028, 2, 29, 10, 0)),
    (utc(2026, 3, 31, 10, 0), "P1M", utc(2026, 4, 30, 10, 0)),
    (utc(2026, 1, 15, 10, 0), "P3M", utc(2026, 4, 15, 10, 0)),
    (utc(2026, 11, 30, 10, 0), "P3M", utc(2027, 2, 28, 10, 0)),
    (utc(2028, 2, 29, 10, 0), "P1Y", utc(2029, 2, 28, 10, 0)),
    (utc(2026, 5, 1, 10, 0), "P2W", utc(2026, 5, 15, 10, 0)),
])
def test_calendar_months_and_years_clamp_to_the_month_end(start: datetime, duration: str,
                                                          expected: datetime) -> None:
    assert add_duration(start, duration, "UTC") == expected


def test_p1m_uses_the_customers_local_date() -> None:
    # 2026-02-28T23:30Z is already 00:30 on 1 March in Berlin: one month later is
    # 00:30 on 1 April local (CEST by then), i.e. 2026-03-31T22:30Z ...
    assert add_duration(utc(2026, 2, 28, 23, 30), "P1M", BERLIN) == utc(2026, 3, 31, 22, 30)
    # ... while in UTC it is still 28 February, and one month later is 28 March.
    assert add_duration(utc(2026, 2, 28, 23, 30), "P1M", "UTC") == utc(2026, 3, 28, 23, 30)


def test_negative_durations_go_back() -> None:
    start = utc(2026, 3, 29, 9, 0)  # 11:00 CEST, the day of the change
    assert add_duration(start, "-P1D", BERLIN) == utc(2026, 3, 28, 10, 0)  # 11:00 CET
    assert add_duration(start, "-PT2H", BERLIN) == utc(2026, 3, 29, 7, 0)
    assert add_duration(utc(2026, 3, 31, 10, 0), "-P1M", "UTC") == utc(2026, 2, 28, 10, 0)
    assert subtract_duration(utc(2026, 3, 29, 9, 0), "P1D", BERLIN) == utc(2026, 3, 28, 10, 0)
    # subtracting a negative duration adds it
    assert subtract_duration(utc(2026, 1, 1), "-PT1H") == utc(2026, 1, 1, 1)


def test_add_then_subtract_a_day_returns_to_the_same_moment() -> None:
    start = utc(2026, 10, 24, 9, 0)
    assert subtract_duration(add_duration(start, "P1D", BERLIN), "P1D", BERLIN) == start


def test_result_is_utc() -> None:
    result = add_duration(datetime(2026, 5, 1, 12, 0, tzinfo=BERLIN), "P1D", BERLIN)
    assert result.utcoffset() == timedelta(0)
    assert result == utc(2026, 5, 2, 10, 0)


def test_wall_time_in_a_dst_gap_moves_forward() -> None:
    # 02:30 does not exist on 2026-03-29 in Berlin; a wall clock shows 03:30 (CEST) then.
    assert local_wall_to_utc(date(2026, 3, 29), time(2, 30), BERLIN) == utc(2026, 3, 29, 1, 30)
    # from 02:30 CET the day before, P1D lands after the gap, not before it
    start = utc(2026, 3, 28, 1, 30)
    assert add_duration(start, "P1D", BERLIN) == utc(2026, 3, 29, 1, 30)


def test_ambiguous_wall_time_takes_the_first_occurrence() -> None:
    # 02:30 happens twice on 2026-10-25 in Berlin: first at 00:30Z (CEST), then at 01:30Z (CET)
    assert local_wall_to_utc(date(2026, 10, 25), time(2, 30), BERLIN) == utc(2026, 10, 25, 0, 30)


# -- moments -------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-02T18:00:00Z", utc(2026, 11, 2, 18, 0)),
    ("2026-11-02T19:00:00+01:00", utc(2026, 11, 2, 18, 0)),
    ("2026-11-02T13:00:00-05:00", utc(2026, 11, 2, 18, 0)),
    ("2026-11-02T18:00Z", utc(2026, 11, 2, 18, 0)),
])
def test_parse_moment(text: str, expected: datetime) -> None:
    parsed = parse_moment(text)
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize("text", ["2026-11-02T18:00:00", "2026-11-02 18:00:00", "yesterday", "", "18:00",
                                  "2026-13-01T00:00:00Z", "2026-11-02T25:00:00Z"])
def test_parse_moment_rejects_times_without_offset_or_malformed(text: str) -> None:
    with pytest.raises(TimeFormatError):
        parse_moment(text)


def test_parse_moment_rejects_naive_datetimes_and_non_strings() -> None:
    with pytest.raises(TimeFormatError):
        parse_moment(datetime(2026, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(TimeFormatError):
        parse_moment(1767225600)  # type: ignore[arg-type]


def test_format_moment_is_utc_to_the_second_with_z() -> None:
    assert format_moment(utc(2026, 11, 2, 18, 0)) == "2026-11-02T18:00:00Z"
    assert format_moment(datetime(2026, 11, 2, 19, 0, 5, 999999, tzinfo=BERLIN)) == "2026-11-02T18:00:05Z"
    assert format_moment(parse_moment("2026-07-01T02:00:00+02:00")) == "2026-07-01T00:00:00Z"


@pytest.mark.parametrize("text", ["2026-11-02T18:00:00Z", "2026-01-01T00:00:00Z", "1999-12-31T23:59:59Z"])
def test_moment_round_trip(text: str) -> None:
    assert format_moment(parse_moment(text)) == text


# -- times of day --------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [("09:00", time(9, 0)), ("00:00", time(0, 0)),
                                                ("23:59", time(23, 59)), ("21:30", time(21, 30))])
def test_parse_time_of_day(text: str, expected: time) -> None:
    assert parse_time_of_day(text) == expected


@pytest.mark.parametrize("text", ["9:00", "24:00", "12:60", "0900", "09:00:00", "", "9am", None, 900])
def test_malformed_times_of_day(text: object) -> None:
    with pytest.raises(TimeFormatError):
        parse_time_of_day(text)  # type: ignore[arg-type]


# -- zones and whole units -----------------------------------------------------------------
def test_zone() -> None:
    assert zone(None).key == "UTC"
    assert zone("Europe/Berlin").key == "Europe/Berlin"
    with pytest.raises(TimeFormatError):
        zone("Mars/Olympus")


def test_whole_days_rounds_down() -> None:
    assert whole_days(utc(2026, 1, 1, 12), utc(2026, 1, 3, 11, 59, 59)) == 1
    assert whole_days(utc(2026, 1, 1, 12), utc(2026, 1, 3, 12)) == 2
    assert whole_days(utc(2026, 1, 1, 12), utc(2026, 1, 1, 12)) == 0


def test_whole_years() -> None:
    assert whole_years(date(1991, 4, 2), date(2026, 4, 1)) == 34
    assert whole_years(date(1991, 4, 2), date(2026, 4, 2)) == 35
    assert whole_years(date(2000, 2, 29), date(2026, 3, 1)) == 26


@pytest.mark.parametrize("text", ["P99999999D", "P10000Y", "PT999999999H", "P" + "9" * 5000 + "D", "P101Y"])
def test_durations_longer_than_a_century_are_refused(text):
    with pytest.raises(TimeFormatError) as caught:
        parse_duration(text)
    assert len(str(caught.value)) < 120  # a 5,000-digit duration is not echoed back whole


@pytest.mark.parametrize("text", ["9999-12-31T00:00:00Z", "1899-12-31T23:59:59Z", "0001-01-01T00:00:00+01:00",
                                  "2200-01-01T00:00:00Z"])
def test_moments_outside_1900_to_2199_are_refused(text):
    with pytest.raises(TimeFormatError, match="outside the years"):
        parse_moment(text)


def test_the_bounds_themselves_are_accepted():
    assert parse_duration("P100Y").years == 100
    assert parse_moment("1900-01-01T00:00:00Z").year == 1900
    assert parse_moment("2199-12-31T23:59:59Z").year == 2199
    with pytest.raises(TimeFormatError):
        parse_date("9999-01-01")
