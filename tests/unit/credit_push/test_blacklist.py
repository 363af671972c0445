"""rules.blacklist: three years from publication; late after the 15th of the next month (令第54号)."""

from __future__ import annotations

from datetime import date

from services.credit_push.rules.blacklist import (
    dates_problem,
    ends_on,
    is_late,
    is_listed,
    publication_deadline,
)


def test_an_entry_ends_three_years_after_publication() -> None:
    assert ends_on(date(2026, 5, 20)) == date(2029, 5, 20)
    assert ends_on(date(2024, 2, 29)) == date(2027, 2, 28)


def test_publication_is_due_by_the_15th_of_the_next_month() -> None:
    assert publication_deadline(date(2026, 3, 31)) == date(2026, 4, 15)
    assert publication_deadline(date(2026, 12, 2)) == date(2027, 1, 15)
    assert not is_late(date(2026, 3, 31), date(2026, 4, 15))
    assert is_late(date(2026, 3, 31), date(2026, 4, 16))


def test_listed_from_publication_until_it_ends_or_is_repaired() -> None:
    published = date(2026, 5, 20)
    assert not is_listed(published, None, date(2026, 5, 19))
    assert is_listed(published, None, date(2026, 5, 20))
    assert is_listed(published, None, date(2029, 5, 19))
    assert not is_listed(published, None, date(2029, 5, 20))
    assert not is_listed(published, date(2027, 1, 1), date(2027, 1, 1))


def test_publication_before_the_decision_is_refused() -> None:
    assert dates_problem(date(2026, 5, 2), date(2026, 5, 1)) is not None
    assert dates_problem(date(2026, 5, 1), date(2026, 5, 1)) is None
