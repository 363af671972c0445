"""The 红黑榜: 重大税收违法失信主体 entries (CONTRACT §3 "Blacklist").

国家税务总局令第54号 (重大税收违法失信主体信息公布管理办法): an entry is published by the 15th of
the month after the decision is served (第十三条) and stays published for three years from
publication (第十四条); 信用修复 ends it early. While listed, the enterprise's rating counts as D.
"""

from __future__ import annotations

from datetime import date


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def ends_on(published_on: date) -> date:
    """The day the entry ends by itself: three years after publication."""
    return _add_years(published_on, 3)


def publication_deadline(decision_served_on: date) -> date:
    """The 15th of the month after the decision was served."""
    if decision_served_on.month == 12:
        return date(decision_served_on.year + 1, 1, 15)
    return date(decision_served_on.year, decision_served_on.month + 1, 15)


def is_late(decision_served_on: date, published_on: date) -> bool:
    """Published after the deadline: accepted, but flagged ``late``."""
    return published_on > publication_deadline(decision_served_on)


def dates_problem(decision_served_on: date, published_on: date) -> str | None:
    if published_on < decision_served_on:
        return "published_on cannot be before decision_served_on"
    return None


def is_listed(published_on: date, ended_on: date | None, today: date) -> bool:
    """Whether an entry is in force on ``today`` (published, not ended early, not expired)."""
    if ended_on is not None and ended_on <= today:
        return False
    return published_on <= today < ends_on(published_on)


EFFECTIVE_RATING = "D"
