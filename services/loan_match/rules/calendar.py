"""The working-day calendar of a year, from the best source there is (CONTRACT §5 "calendar").

1. ``loaded``: the 国务院办公厅 notice for that year, loaded by the operator (holidays and the
   make-up working days, 调休), wins.
2. ``library``: the ``chinese_calendar`` package's copy of those notices; its newest release
   covers 2004-2026 only.
3. ``statutory``: for any other year, the statutory holidays of 全国年节及纪念日放假办法 (revised by
   国务院令第795号, in force from 2025-01-01): 元旦 1 day, 春节 4 days from 除夕, 清明 1, 劳动节 2
   (1-2 May), 端午 1 (五月初五), 中秋 1 (八月十五), 国庆 3 (1-3 Oct); Saturdays and Sundays rest.
   No make-up working day is guessed: only the yearly notice settles those.

Lunar dates and the 清明 solar term come from ``lunar_python`` (6tail's lunar calendar), not from
hand-written tables. Pure: no I/O; the loaded calendars are passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import chinese_calendar
from lunar_python import Lunar

Source = Literal["loaded", "library", "statutory"]


@dataclass(frozen=True)
class YearCalendar:
    """Rest days on weekdays (``holidays``) and weekend days worked (``workdays``) of one year."""

    year: int
    source: Source
    holidays: frozenset[date]
    workdays: frozenset[date]

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays


def _lunar(year: int, month: int, day: int) -> date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> date:
    solar = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=n) for n in range(count)]


def statutory_holidays(year: int) -> frozenset[date]:
    """The 13 statutory holiday dates of ``year`` (全国年节及纪念日放假办法, 2024 revision)."""
    spring_festival = _lunar(year, 1, 1)
    days = [date(year, 1, 1), *_days(spring_festival - timedelta(days=1), 4), _qingming(year)]
    days += [date(year, 5, 1), date(year, 5, 2), _lunar(year, 5, 5), _lunar(year, 8, 15)]
    days += _days(date(year, 10, 1), 3)
    return frozenset(days)


def statutory_calendar(year: int) -> YearCalendar:
    return YearCalendar(year, "statutory", statutory_holidays(year), frozenset())


def library_calendar(year: int) -> YearCalendar | None:
    """The package's calendar of ``year``, or None when it does not cover the year."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return None
    days = _days(date(year, 1, 1), (date(year + 1, 1, 1) - date(year, 1, 1)).days)
    holidays = frozenset(d for d in days if d.weekday() < 5 and not chinese_calendar.is_workday(d))
    workdays = frozenset(d for d in days if d.weekday() >= 5 and chinese_calendar.is_workday(d))
    return YearCalendar(year, "library", holidays, workdays)


def loaded_calendar(year: int, holidays: Iterable[date], workdays: Iterable[date]) -> YearCalendar:
    """An official notice as loaded: weekend holidays change nothing, weekday workdays are normal."""
    return YearCalendar(
        year,
        "loaded",
        frozenset(d for d in holidays if d.weekday() < 5),
        frozenset(d for d in workdays if d.weekday() >= 5),
    )


def calendar_problem(year: int, holidays: Iterable[date], workdays: Iterable[date]) -> str | None:
    """Why a notice cannot be loaded for ``year``, or None when it can."""
    rest, worked = set(holidays), set(workdays)
    if any(d.year != year for d in rest | worked):
        return f"every date must be in {year}"
    if rest & worked:
        return "a date cannot be both a holiday and a working day"
    return None


def calendar_of(year: int, loaded: YearCalendar | None) -> YearCalendar:
    """The calendar in force: loaded, else the library's, else the statutory rule."""
    return loaded or library_calendar(year) or statutory_calendar(year)


def add_working_days(start: date, count: int, calendars: dict[int, YearCalendar]) -> date:
    """The date ``count`` working days after ``start`` (``start`` never counts).

    ``calendars`` must hold every year the count can reach (``start``'s year and the next).
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    day, left = start, count
    while left:
        day += timedelta(days=1)
        if calendars[day.year].is_working_day(day):
            left -= 1
    return day


RESPONSE_WORKING_DAYS = 10


def respond_by(created_on: date, loaded: dict[int, YearCalendar]) -> date:
    """A demand's deadline: 10 working days after its creation date (CONTRACT §5 ``respond_by``).

    ``created_on`` is the business date (Asia/Shanghai); ``loaded`` holds the loaded notices of
    the creation year and the next, when there are any. Ten working days never reach further.
    """
    years = (created_on.year, created_on.year + 1)
    calendars = {year: calendar_of(year, loaded.get(year)) for year in years}
    return add_working_days(created_on, RESPONSE_WORKING_DAYS, calendars)
