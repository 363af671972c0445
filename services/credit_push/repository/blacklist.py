"""The 红黑榜 entries (国家税务总局令第54号): recorded, ended by 信用修复 or by time, and read."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import After, columns, keyset_page
from services.credit_push.tables import blacklist

EntryStatus = Literal["active", "ended"]

# In force today (Asia/Shanghai), as SQL other reads embed (rules/blacklist.py is_listed says the
# same in Python): published, not ended by 信用修复, not past its three years.
LISTED_NOW = """status = 'active'
    AND published_on <= CAST(now() AT TIME ZONE 'Asia/Shanghai' AS date)
    AND ends_on > CAST(now() AT TIME ZONE 'Asia/Shanghai' AS date)"""


@dataclass(frozen=True)
class EntryRow:
    id: uuid.UUID
    uscc: str
    name: str
    decision_served_on: date
    published_on: date
    ends_on: date
    reason: str
    late: bool
    status: EntryStatus
    created_at: datetime
    ended_at: datetime | None


def _listed(today: date) -> sa.ColumnElement[bool]:
    return sa.and_(
        blacklist.c.status == "active", blacklist.c.published_on <= today, blacklist.c.ends_on > today
    )


async def insert(session: AsyncSession, row: EntryRow) -> None:
    await session.execute(sa.insert(blacklist).values(**asdict(row)))


async def get(session: AsyncSession, entry_id: uuid.UUID, *, lock: bool = False) -> EntryRow | None:
    query = sa.select(*columns(blacklist, EntryRow)).where(blacklist.c.id == entry_id)
    row = (await session.execute(query.with_for_update() if lock else query)).first()
    return EntryRow(*row) if row else None


async def end(session: AsyncSession, entry_ids: list[uuid.UUID], now: datetime) -> None:
    await session.execute(
        sa.update(blacklist)
        .where(blacklist.c.id == sa.func.any(entry_ids))
        .values(status="ended", ended_at=now)
    )


async def lapsed(session: AsyncSession, today: date, *, lock: bool) -> list[EntryRow]:
    """Entries still marked active whose three years are over (the sweep ends them)."""
    query = sa.select(*columns(blacklist, EntryRow)).where(
        blacklist.c.status == "active", blacklist.c.ends_on <= today
    )
    rows = await session.execute(query.with_for_update(skip_locked=True) if lock else query)
    return [EntryRow(*row) for row in rows]


async def listed(session: AsyncSession, today: date, after: After, limit: int) -> list[EntryRow]:
    """Up to ``limit + 1`` entries in force, oldest first."""
    query = sa.select(*columns(blacklist, EntryRow)).where(_listed(today))
    return [EntryRow(*row) for row in await session.execute(keyset_page(query, blacklist, after, limit))]


async def is_listed(session: AsyncSession, uscc: str, today: date) -> bool:
    query = sa.select(sa.literal(1)).where(blacklist.c.uscc == uscc, _listed(today)).limit(1)
    return (await session.execute(query)).first() is not None
