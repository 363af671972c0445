"""Banks this service has learned from the gateway, and their per-bank event counters."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import uuids
from services.credit_push.tables import banks


async def known(session: AsyncSession, org_ids: Sequence[str]) -> set[str]:
    query = sa.select(banks.c.org_id).where(banks.c.org_id == sa.func.any(uuids(org_ids)))
    return {str(org_id) for org_id in await session.scalars(query)}


async def insert(session: AsyncSession, org_id: str, name: str, now: datetime) -> bool:
    """True when the bank is new to this service (and so must be sent the A list)."""
    stmt = (
        pg_insert(banks)
        .values(org_id=uuid.UUID(org_id), name=name, next_seq=1, created_at=now)
        .on_conflict_do_nothing(index_elements=[banks.c.org_id])
        .returning(banks.c.org_id)
    )
    return (await session.execute(stmt)).first() is not None


async def all_ids(session: AsyncSession) -> list[str]:
    return [str(v) for v in (await session.scalars(sa.select(banks.c.org_id)))]


_ALLOCATE = sa.text(
    """
    UPDATE credit_push.banks b SET next_seq = b.next_seq + c.n
    FROM unnest(CAST(:ids AS uuid[]), CAST(:ns AS bigint[])) AS c(id, n)
    WHERE b.org_id = c.id
    RETURNING b.org_id, b.next_seq - c.n AS first
    """
)


async def allocate_seqs(session: AsyncSession, counts: Mapping[str, int]) -> dict[str, int]:
    """Reserve ``counts[bank]`` consecutive seqs per bank under its row lock; the first of each.

    The row lock is held to commit, so a bank's events commit in seq order and a feed
    reader never sees seq n+1 before seq n.
    """
    ordered = sorted(counts)
    result = await session.execute(_ALLOCATE, {"ids": uuids(ordered), "ns": [counts[b] for b in ordered]})
    return {str(row.org_id): int(row.first) for row in result}


async def lock(session: AsyncSession, org_id: str) -> None:
    """Lock the bank's row until the transaction ends: its per-bank caps are checked under it."""
    await session.execute(
        sa.select(banks.c.org_id).where(banks.c.org_id == uuid.UUID(org_id)).with_for_update()
    )
