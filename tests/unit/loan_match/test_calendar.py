"""rules.calendar: loaded notice > library > statutory holidays (全国年节及纪念日放假办法, 2024 revision)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.loan_match.rules.calendar import (
    YearCalendar,
    add_working_days,
    calendar_of,
    calendar_problem,
    library_calendar,
    loaded_calendar,
    respond_by,
    statutory_calendar,
    statutory_holidays,
)


def test_2027_statutory_holidays_are_the_thirteen_days_of_the_2024_revision() -> None:
    # 2027: 春节 (正月初一) is 6 Feb, 除夕 5 Feb; 清明 5 Apr; 端午 9 Jun; 中秋 15 Sep.
    expected = {date(2027, 1, 1), date(2027, 4, 5), date(2027, 5, 1), date(2027, 5, 2)}
    expected |= {date(2027, 2, d) for d in (5, 6, 7, 8)}
    expected |= {date(2027, 6, 9), date(2027, 9, 15)} | {date(2027, 10, d) for d in (1, 2, 3)}
    assert statutory_holidays(2027) == expected


@pytest.mark.parametrize("year", range(2025, 2041))
def test_every_year_has_thirteen_statutory_days_unless_mid_autumn_meets_national_day(year: int) -> None:
    # 中秋 falls on 1-3 Oct in 2028 (3 Oct), 2031 (1 Oct) and 2039 (2 Oct): one date, two holidays.
    days = statutory_holidays(year)
    assert len(days) == (12 if year in (2028, 2031, 2039) else 13)
    assert all(d.year == year for d in days)


def test_a_demand_of_2026_12_18_is_not_due_on_new_years_day_2027() -> None:
    calendars = {2026: calendar_of(2026, None), 2027: calendar_of(2027, None)}
    assert calendars[2026].source == "library"
    assert calendars[2027].source == "statutory"
    due = add_working_days(date(2026, 12, 18), 10, calendars)
    assert due != date(2027, 1, 1)
    # 21-25, 28-31 Dec are 9 working days; 1 Jan 2027 (a Friday) is 元旦, so the 10th is 4 Jan.
    assert due == date(2027, 1, 4)


def test_the_library_knows_2025_make_up_days() -> None:
    cal = library_calendar(2025)
    assert cal is not None
    assert date(2025, 1, 26) in cal.workdays  # Sunday worked before 春节 2025
    assert date(2025, 10, 8) in cal.holidays
    assert library_calendar(2031) is None


def test_a_loaded_notice_wins_and_is_normalised() -> None:
    notice = loaded_calendar(2027, [date(2027, 2, 9), date(2027, 2, 6)], [date(2027, 2, 14)])
    assert calendar_of(2027, notice) is notice
    assert notice.holidays == {date(2027, 2, 9)}  # a Saturday holiday changes nothing
    assert notice.is_working_day(date(2027, 2, 14))  # a Sunday worked
    assert not notice.is_working_day(date(2027, 2, 9))


def test_a_notice_with_other_years_or_both_kinds_of_day_is_refused() -> None:
    assert calendar_problem(2027, [date(2028, 1, 1)], []) == "every date must be in 2027"
    assert calendar_problem(2027, [date(2027, 2, 9)], [date(2027, 2, 9)]) is not None
    assert calendar_problem(2027, [date(2027, 2, 9)], [date(2027, 2, 14)]) is None


@given(st.dates(min_value=date(2027, 1, 1), max_value=date(2039, 12, 1)), st.integers(1, 30))
def test_working_days_added_land_on_a_working_day_and_skip_only_rest_days(start: date, count: int) -> None:
    calendars = {y: statutory_calendar(y) for y in range(start.year, start.year + 2)}
    due = add_working_days(start, count, calendars)
    assert calendars[due.year].is_working_day(due)
    between = [start + timedelta(days=n) for n in range(1, (due - start).days + 1)]
    assert sum(calendars[d.year].is_working_day(d) for d in between) == count


def test_year_calendar_weekends_rest() -> None:
    cal = YearCalendar(2030, "statutory", frozenset(), frozenset())
    assert not cal.is_working_day(date(2030, 1, 5))  # Saturday
    assert cal.is_working_day(date(2030, 1, 7))


def test_respond_by_across_national_day_2025_counts_the_make_up_days() -> None:
    # 2025-10-01..10-08 off; Sunday 09-28 and Saturday 10-11 are worked (library calendar).
    # From Friday 09-26: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13, 10-14, 10-15, 10-16.
    assert respond_by(date(2025, 9, 26), {}) == date(2025, 10, 16)
    assert respond_by(date(2025, 9, 25), {}) == date(2025, 10, 15)


def test_respond_by_across_the_spring_festival_2025() -> None:
    # 2025-01-28..02-04 off; Sunday 01-26 and Saturday 02-08 are worked.
    # 01-26, 01-27, then 02-05, 02-06, 02-07, 02-08 (Sat), 02-10..02-13.
    assert respond_by(date(2025, 1, 24), {}) == date(2025, 2, 13)


def test_respond_by_of_2026_12_18_is_2027_01_04_without_a_notice() -> None:
    assert respond_by(date(2026, 12, 18), {}) == date(2027, 1, 4)


def test_a_loaded_2027_notice_moves_respond_by() -> None:
    # A notice that rests 4 Jan 2027 (Monday) too and works Sunday 3 Jan instead.
    notice = loaded_calendar(2027, [date(2027, 1, 1), date(2027, 1, 4)], [date(2027, 1, 3)])
    assert respond_by(date(2026, 12, 18), {2027: notice}) == date(2027, 1, 3)
    rest_only = loaded_calendar(2027, [date(2027, 1, 1), date(2027, 1, 4)], [])
    assert respond_by(date(2026, 12, 18), {2027: rest_only}) == date(2027, 1, 5)


def test_a_loaded_notice_of_the_creation_year_wins_over_the_library() -> None:
    # The library says 2025-11-03..14 are ordinary working days; a loaded notice resting 11-17 moves it.
    assert respond_by(date(2025, 11, 3), {}) == date(2025, 11, 17)
    notice = loaded_calendar(2025, [date(2025, 11, 17)], [])
    assert respond_by(date(2025, 11, 3), {2025: notice}) == date(2025, 11, 18)


def test_years_neither_loaded_nor_in_the_library_skip_statutory_days_and_weekends() -> None:
    # 2031: 国庆 1-3 Oct (中秋 is 1 Oct too); weekends rest; no make-up day guessed.
    # From Friday 09-26: 09-29, 09-30, then 10-06..10-10, 10-13..10-15.
    assert respond_by(date(2031, 9, 26), {}) == date(2031, 10, 15)
