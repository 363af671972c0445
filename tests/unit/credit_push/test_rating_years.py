"""rules.rating_years: 2014 to last year; current through 31 March of Y+3."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from services.credit_push.rules.rating_years import (
    current_through,
    is_current,
    oldest_current_year,
    year_problem,
)


def test_only_published_years_are_accepted() -> None:
    today = date(2026, 12, 1)
    assert year_problem(2025, today) is None
    assert year_problem(2014, today) is None
    assert "not evaluated yet" in (year_problem(2026, today) or "")
    assert "before 2014" in (year_problem(2013, today) or "")
    assert year_problem(2027, today) is not None


def test_a_2023_rating_is_current_through_31_march_2026() -> None:
    assert current_through(2023) == date(2026, 3, 31)
    assert is_current(2023, date(2026, 3, 31))
    assert not is_current(2023, date(2026, 4, 1))


@given(st.dates(min_value=date(2016, 1, 1), max_value=date(2060, 12, 31)))
def test_oldest_current_year_is_the_boundary(today: date) -> None:
    oldest = oldest_current_year(today)
    assert is_current(oldest, today)
    assert not is_current(oldest - 1, today)


@given(st.integers(2014, 2050), st.integers(0, 2000))
def test_current_is_a_prefix_of_time(year: int, days: int) -> None:
    day = date(year + 1, 4, 1) + timedelta(days=days)
    if is_current(year, day):
        assert is_current(year, day - timedelta(days=1))
