"""The access log: one row each time non-public data of an enterprise left credit_push."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.authorisations import held_by
from services.credit_push.repository.common import After, arrays, columns
from services.credit_push.rules.access import Via, What
from services.credit_push.tables import access_log


@dataclass(frozen=True)
class AccessEntry:
    id: uuid.UUID
    at: datetime
    uscc: str
    reader_org_id: uuid.UUID
    reader_role: str
    what: What
    via: Via


_INSERT = sa.text(
    """
    INSERT INTO credit_push.access_log (id, at, uscc, reader_org_id, reader_role, what, via)
    SELECT * FROM unnest(CAST(:i AS uuid[]), CAST(:t AS timestamptz[]), CAST(:u AS text[]),
                         CAST(:r AS uuid[]), CAST(:role AS text[]), CAST(:w AS text[]),
                         CAST(:v AS text[]))
    ON CONFLICT (id) DO NOTHING
    """
)


async def insert(session: AsyncSession, entries: Sequence[AccessEntry]) -> None:
    """One statement for the whole batch; an entry written twice (a retried flush) is kept once."""
    await session.execute(
        _INSERT,
        arrays(entries, i="id", t="at", u="uscc", r="reader_org_id", role="reader_role", w="what", v="via"),
    )


@dataclass(frozen=True)
class LogFilter:
    """Which entries a reader may see and asked for; ``partner_id`` limits them to its enterprises."""

    uscc: str | None
    since: datetime | None
    partner_id: str | None
    today: date


async def list_newest(
    session: AsyncSession, where: LogFilter, before: After, limit: int
) -> list[AccessEntry]:
    """Up to ``limit + 1`` entries, newest first, from before the keyset position ``before``."""
    query = sa.select(*columns(access_log, AccessEntry))
    if where.uscc:
        query = query.where(access_log.c.uscc == where.uscc)
    if where.since:
        query = query.where(access_log.c.at >= where.since)
    if where.partner_id:
        query = query.where(held_by(sa.literal(uuid.UUID(where.partner_id)), access_log.c.uscc, where.today))
    if before:
        query = query.where(sa.tuple_(access_log.c.at, access_log.c.id) < sa.tuple_(*before))
    query = query.order_by(access_log.c.at.desc(), access_log.c.id.desc()).limit(limit + 1)
    return [AccessEntry(*row) for row in await session.execute(query)]
