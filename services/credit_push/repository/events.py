"""The outbox: every event addressed to a bank, in its feed (``seq``) order."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import arrays, columns, uuids
from services.credit_push.tables import events


@dataclass(frozen=True)
class EventRow:
    """An event to write (its created_at is the transaction's ``now``)."""

    id: uuid.UUID
    bank: str
    seq: int
    type: str
    uscc: str
    version: int
    data: dict[str, Any]
    region: str  # the effective region, for the subscriptions' region filter (repository/routing.py)


@dataclass(frozen=True)
class StoredEvent:
    """An event as the feed shows it."""

    id: uuid.UUID
    type: str
    seq: int
    created_at: datetime
    data: dict[str, Any]


_INSERT = sa.text(
    """
    INSERT INTO credit_push.events (id, bank_org_id, seq, type, uscc, version, data, created_at, region)
    SELECT i, b, s, t, u, v, CAST(d AS jsonb), :now, r
    FROM unnest(CAST(:i AS uuid[]), CAST(:b AS uuid[]), CAST(:s AS bigint[]), CAST(:t AS text[]),
                CAST(:u AS text[]), CAST(:v AS int[]), CAST(:d AS text[]), CAST(:r AS text[]))
         AS e(i, b, s, t, u, v, d, r)
    """
)


async def insert(session: AsyncSession, rows: Sequence[EventRow], now: datetime) -> None:
    await session.execute(
        _INSERT,
        {
            **arrays(rows, i="id", s="seq", t="type", u="uscc", v="version", r="region"),
            "b": uuids(r.bank for r in rows),
            "d": [json.dumps(r.data, ensure_ascii=False) for r in rows],
            "now": now,
        },
    )


async def feed(session: AsyncSession, bank_id: str, after_seq: int, limit: int) -> list[StoredEvent]:
    """Up to ``limit + 1`` of the bank's events after ``after_seq``."""
    query = (
        sa.select(*columns(events, StoredEvent))
        .where(events.c.bank_org_id == uuid.UUID(bank_id), events.c.seq > after_seq)
        .order_by(events.c.seq)
        .limit(limit + 1)
    )
    return [StoredEvent(*row) for row in await session.execute(query)]
