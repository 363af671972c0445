"""What authorisations and consents share: a grant is active until revoked or past its last day.

Both tables have ``uscc``, ``status`` (active, revoked, expired), ``expires_on`` (the last valid
day, Asia/Shanghai; null: until revoked) and ``ended_at``; these queries take the table.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import After, columns, keyset_page

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")


def in_force(table: sa.Table, today: date) -> sa.ColumnElement[bool]:
    """Active and not past its last day (Asia/Shanghai ``today``)."""
    return sa.and_(
        table.c.status == "active", sa.or_(table.c.expires_on.is_(None), table.c.expires_on >= today)
    )


async def end(
    session: AsyncSession, table: sa.Table, ids: Sequence[uuid.UUID], status: str, now: datetime
) -> None:
    """End the active ones of ``ids`` (``revoked`` or ``expired``)."""
    await session.execute(
        sa.update(table)
        .where(table.c.id == sa.func.any(list(ids)), table.c.status == "active")
        .values(status=status, ended_at=now)
    )


async def lapsed(
    session: AsyncSession, table: sa.Table, row_type: type[R], today: date, lock: bool
) -> list[R]:
    """Active grants whose last day is before ``today`` (the sweep ends them)."""
    query = sa.select(*columns(table, row_type)).where(table.c.status == "active", table.c.expires_on < today)
    if lock:
        query = query.with_for_update()
    return [row_type(*row) for row in await session.execute(query)]


async def listed(
    session: AsyncSession,
    table: sa.Table,
    row_type: type[R],
    owner: sa.ColumnElement[bool],
    uscc: str | None,
    after: After,
    limit: int,
) -> list[R]:
    """Up to ``limit + 1`` of one org's grants (``owner``), of one enterprise if ``uscc``, oldest first."""
    query = sa.select(*columns(table, row_type)).where(owner)
    if uscc:
        query = query.where(table.c.uscc == uscc)
    return [row_type(*row) for row in await session.execute(keyset_page(query, table, after, limit))]
