"""respond_by: 10 Chinese working days, across a real holiday with its make-up working days."""

from __future__ import annotations

from datetime import UTC, date, datetime

from services.loan_match.rules.workdays import add_working_days, is_working_day, respond_by


def test_national_day_2025() -> None:
    # 2025 National Day and Mid-Autumn: 10-01..10-08 off; Sunday 09-28 and Saturday 10-11 are worked.
    assert is_working_day(date(2025, 9, 28))
    assert not is_working_day(date(2025, 10, 1))
    assert not is_working_day(date(2025, 10, 8))
    assert is_working_day(date(2025, 10, 11))
    # From Friday 09-26: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13, 10-14, 10-15, 10-16.
    assert add_working_days(date(2025, 9, 26), 10) == date(2025, 10, 16)
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)


def test_spring_festival_2025() -> None:
    # 2025-01-28..02-04 off; Sunday 01-26 and Saturday 02-08 are worked.
    assert add_working_days(date(2025, 1, 24), 1) == date(2025, 1, 26)
    assert add_working_days(date(2025, 1, 27), 1) == date(2025, 2, 5)
    assert add_working_days(date(2025, 2, 7), 1) == date(2025, 2, 8)


def test_an_ordinary_fortnight() -> None:
    assert add_working_days(date(2025, 11, 3), 10) == date(2025, 11, 17)


def test_years_the_calendar_does_not_cover_use_monday_to_friday() -> None:
    # 2031 is beyond the calendar's data: weekends off, no holidays known.
    assert add_working_days(date(2031, 1, 3), 1) == date(2031, 1, 6)
    assert add_working_days(date(2031, 9, 26), 10) == date(2031, 10, 10)


def test_creation_date_is_taken_in_shanghai() -> None:
    # 2025-09-25 17:00 UTC is already Friday 09-26 in Shanghai.
    assert respond_by(datetime(2025, 9, 25, 17, 0, tzinfo=UTC)) == date(2025, 10, 16)
    assert respond_by(datetime(2025, 9, 25, 15, 0, tzinfo=UTC)) == date(2025, 10, 15)
