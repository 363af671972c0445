"""The working-day calendar: the operator loads each year's 国务院办公厅 holiday notice, and a
demand's ``respond_by`` counts 10 working days on the calendar in force (CONTRACT §5)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.shapes import business_date
from services.loan_match.repository import calendars as repo
from services.loan_match.repository.rows import CalendarRow
from services.loan_match.rules import calendar
from services.loan_match.rules.calendar import YearCalendar
from services.loan_match.schemas import calendars as schemas
from services.loan_match.service.common import invalid


async def put(session: AsyncSession, year: int, body: schemas.CalendarIn) -> schemas.Calendar:
    """Load the notice of ``year``; it replaces any notice loaded before for that year."""
    problem = calendar.calendar_problem(year, body.holidays, body.workdays)
    if problem is not None:
        # Which member is at fault depends on the problem; the message names it.
        raise invalid(["holidays"], problem)
    now = datetime.now(UTC)
    row = CalendarRow(year, sorted(set(body.holidays)), sorted(set(body.workdays)), now)
    await repo.put_calendar(session, row)
    return _out(calendar.calendar_of(year, _loaded(row)))


async def get(session: AsyncSession, year: int) -> schemas.Calendar:
    """The calendar in force for ``year`` and where it comes from."""
    loaded = await _loaded_years(session, [year])
    return _out(calendar.calendar_of(year, loaded.get(year)))


async def respond_by(session: AsyncSession, created_at: datetime) -> date:
    """10 working days after the creation date in Asia/Shanghai, on the loaded notices of
    that year and the next where there are any (CONTRACT §5)."""
    created_on = business_date(created_at)
    loaded = await _loaded_years(session, [created_on.year, created_on.year + 1])
    return calendar.respond_by(created_on, loaded)


async def _loaded_years(session: AsyncSession, years: list[int]) -> dict[int, YearCalendar]:
    rows = await repo.loaded_calendars(session, years)
    return {row.year: _loaded(row) for row in rows}


def _loaded(row: CalendarRow) -> YearCalendar:
    return calendar.loaded_calendar(row.year, row.holidays, row.workdays)


def _out(found: YearCalendar) -> schemas.Calendar:
    return schemas.Calendar(
        year=found.year,
        source=found.source,
        holidays=sorted(found.holidays),
        workdays=sorted(found.workdays),
    )
