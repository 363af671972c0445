"""Chinese working days for a demand's ``respond_by`` (CONTRACT §5).

Public holidays are skipped and the make-up working days (调休, often a Saturday or
Sunday) count, per the State Council's yearly holiday notice as published in the
``chinese_calendar`` package. For a year the package does not cover yet, Monday to
Friday are the working days.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar

from kit.shapes import business_date

RESPONSE_WORKING_DAYS = 10


def is_working_day(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        # The calendar has no data for this year yet.
        return day.weekday() < 5


def add_working_days(start: date, count: int) -> date:
    """The date ``count`` working days after ``start`` (``start`` itself never counts)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    day = start
    left = count
    while left:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def respond_by(created_at: datetime) -> date:
    """The last day a routed bank has to answer: 10 working days after the business date."""
    return add_working_days(business_date(created_at), RESPONSE_WORKING_DAYS)
