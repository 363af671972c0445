"""The period a figure covers (CONTRACT §1 "Statistics"): ``?year=`` or ``?from=&to=``. Pure.

Dates are Asia/Shanghai and inclusive; ``year=Y`` is short for Y-01-01..Y-12-31. Without
``from``/``to`` the flows (pushes, deliveries, loans) cover all time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kit.errors import RuleViolation
from kit.period import check_range
from kit.shapes import SHANGHAI


@dataclass(frozen=True)
class Period:
    start: date | None
    end: date | None

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """The instants [start, end + 1 day) the dates cover in Asia/Shanghai (None: open)."""
        low = datetime.combine(self.start, time(), SHANGHAI) if self.start else None
        high = datetime.combine(self.end + timedelta(days=1), time(), SHANGHAI) if self.end else None
        return low, high


def period(year: int | None, start: date | None, end: date | None) -> Period:
    """The period asked for; ``year`` and ``from``/``to`` together, or ``from`` after ``to``: 422."""
    check_range(start, end)  # a date whose instants PostgreSQL cannot hold was a 500
    if year is not None:
        if start is not None or end is not None:
            raise _invalid("Give either year or from/to, not both.", "year")
        return Period(date(year, 1, 1), date(year, 12, 31))
    if start is not None and end is not None and start > end:
        raise _invalid("from must not be after to.", "from")
    return Period(start, end)


def _invalid(detail: str, field: str) -> RuleViolation:
    return RuleViolation(detail, slug="invalid-period", field=field)


def prefecture_of(region_code: str | None, uscc: str) -> str:
    """The enterprise's 市州 (a ``xxxx00`` GB/T 2260 code): its region code, else USCC chars 3-8
    (GB 32100's registration authority code)."""
    code = region_code or uscc[2:8]
    return code[:4] + "00"
