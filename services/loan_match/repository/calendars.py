"""The SQL of the loaded holiday notices, one row per year."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository.common import all_as, one_as
from services.loan_match.repository.rows import CalendarRow
from services.loan_match.tables import holiday_calendar


async def put_calendar(session: AsyncSession, row: CalendarRow) -> CalendarRow:
    """Load (or replace) the notice of ``row.year``."""
    values = asdict(row)
    insert = pg_insert(holiday_calendar).values(**values)
    stmt = insert.on_conflict_do_update(
        index_elements=[holiday_calendar.c.year],
        set_={k: v for k, v in values.items() if k != "year"},
    ).returning(*holiday_calendar.c)
    return one_as(CalendarRow, (await session.execute(stmt)).one())


async def loaded_calendars(session: AsyncSession, years: Sequence[int]) -> list[CalendarRow]:
    stmt = sa.select(holiday_calendar).where(holiday_calendar.c.year.in_(years))
    return all_as(CalendarRow, (await session.execute(stmt)).all())
