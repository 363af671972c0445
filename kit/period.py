"""The period a figure covers (CONTRACT §1 "Statistics"): ``?year=`` or ``?from=&to=``. Pure.

Dates are Asia/Shanghai and inclusive; ``year=Y`` is short for Y-01-01..Y-12-31. Without
``from``/``to`` flows cover all time and snapshots are as of today; with ``to`` a snapshot is as
of ``to``. Generic: any process with figures reads its query parameters through this.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kit.errors import RuleViolation
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

    def as_of(self, today: date) -> date:
        """The day a snapshot is taken: ``to``, but never after ``today``."""
        return today if self.end is None or self.end > today else self.end


# Dates a period may name: their instants in Asia/Shanghai, and the day after ``to``, must be
# representable (0001-01-01 at +08:00 is in year 0 in UTC; 9999-12-31 has no next day).
EARLIEST = date(1900, 1, 1)
LATEST = date(9998, 12, 31)


def check_range(start: date | None, end: date | None) -> None:
    """422 ``invalid-period`` for a ``from`` or ``to`` outside EARLIEST..LATEST."""
    for value, field in ((start, "from"), (end, "to")):
        if value is not None and not EARLIEST <= value <= LATEST:
            raise _invalid(f"{field} must be between {EARLIEST} and {LATEST}.", field)


def period(year: int | None, start: date | None, end: date | None) -> Period:
    """The period asked for; ``year`` and ``from``/``to`` together, or ``from`` after ``to``: 422."""
    check_range(start, end)
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
    """The 市州 (a ``xxxx00`` GB/T 2260 code): the region code, else USCC chars 3-8 (GB 32100)."""
    code = region_code or uscc[2:8]
    return code[:4] + "00"
