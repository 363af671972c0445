"""Which evaluation years a rating may have, and how long it stays current (CONTRACT §3 "Ratings").

纳税信用管理办法 (国家税务总局公告2014年第40号) §§ 21-24: year Y's levels are evaluated and published
from April of Y+1, so an upload for the current calendar year cannot be a published result, and
the first evaluation year is 2014. A list from years ago is not today's A list (税总发〔2019〕113号
speaks of the latest published year): a rating of year Y stays current until a later year's rating
of that enterprise arrives, or through 31 March of Y+3 at the latest.
"""

from __future__ import annotations

from datetime import date

from kit.i18n import Sentence

FIRST_YEAR = 2014


def year_problem(year: int, today: date) -> Sentence | None:
    """Why ``year`` cannot be an uploaded evaluation year on ``today`` (Asia/Shanghai), or None."""
    if year < FIRST_YEAR:
        english = f"year {year} is before {FIRST_YEAR}, the first evaluation year"
        return Sentence("rejection:year-too-early", english, year=year, first=FIRST_YEAR)
    if year >= today.year:
        latest = today.year - 1
        english = f"year {year} is not evaluated yet: year Y is published from April of Y+1 (latest {latest})"
        return Sentence("rejection:year-not-evaluated", english, year=year, latest=latest)
    return None


def current_through(year: int) -> date:
    """The last day a rating of ``year`` can be current: 31 March of year + 3."""
    return date(year + 3, 3, 31)


def is_current(year: int, today: date) -> bool:
    """Whether a rating of ``year`` (the enterprise's latest) is still current on ``today``."""
    return today <= current_through(year)


def oldest_current_year(today: date) -> int:
    """The earliest evaluation year still current on ``today`` (for set-based queries)."""
    return today.year - 2 if today > date(today.year, 3, 31) else today.year - 3
