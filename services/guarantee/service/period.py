"""The period a figure covers (CONTRACT §1 "Statistics"): ``?year=`` or ``?from=&to=``.

Flows (代偿, 追偿) count what happened from ``start`` to ``end``, both inclusive (no ``from``:
all time); balances are a snapshot as of ``end`` (no ``to``: today, Asia/Shanghai).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kit.errors import RuleViolation
from kit.period import check_range
from kit.shapes import business_today


def today() -> dt.date:
    return business_today()


@dataclass(frozen=True)
class Period:
    start: dt.date | None
    end: dt.date


def period(year: int | None, start: dt.date | None, end: dt.date | None) -> Period:
    """``year`` is short for Y-01-01..Y-12-31; with it, ``from`` and ``to`` may not be given."""
    check_range(start, end)
    if year is not None:
        if start is not None or end is not None:
            raise _invalid("Give either year or from/to, not both.", "year")
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    chosen = Period(start, end or today())
    if chosen.start is not None and chosen.start > chosen.end:
        raise _invalid("from must not be after to.", "from")
    return chosen


def _invalid(detail: str, field: str) -> RuleViolation:
    return RuleViolation(detail, slug="invalid-period", field=field)
