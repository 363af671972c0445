"""The outbox figures the metrics port shows, read on scrape (docs/operations.md, metrics contract)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kit import metrics

# Pending deliveries per bank and the age of the oldest; ix_deliveries_bank leads with the bank.
_OUTBOX = sa.text(
    """
    SELECT bank_org_id, count(*) AS depth, min(created_at) AS oldest
    FROM credit_push.deliveries
    WHERE status = 'pending'
    GROUP BY bank_org_id
    """
)


@dataclass(frozen=True)
class BankOutbox:
    bank_org_id: str
    depth: int
    oldest_pending_at: datetime


async def outbox_by_bank(session: AsyncSession) -> list[BankOutbox]:
    rows = (await session.execute(_OUTBOX)).all()
    return [BankOutbox(str(row.bank_org_id), int(row.depth), row.oldest) for row in rows]


# A scrape never waits on a busy database for long: the statement gives up after this.
_SCRAPE_TIMEOUT_MS = 1500


async def _read(sessionmaker: async_sessionmaker[AsyncSession]) -> list[BankOutbox]:
    async with sessionmaker.begin() as session:
        await session.execute(sa.text(f"SET LOCAL statement_timeout = {_SCRAPE_TIMEOUT_MS}"))
        return await outbox_by_bank(session)


def watch_outbox(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    """Serve ``finmatch_outbox_depth`` and ``finmatch_outbox_oldest_pending_seconds`` per bank.

    A bank with nothing pending has no series (an absent series reads as 0 in the alerts).
    """

    async def depth() -> metrics.GaugeRows:
        return [((row.bank_org_id,), float(row.depth)) for row in await _read(sessionmaker)]

    async def oldest() -> metrics.GaugeRows:
        now = datetime.now(UTC)
        rows = await _read(sessionmaker)
        return [((r.bank_org_id,), max((now - r.oldest_pending_at).total_seconds(), 0.0)) for r in rows]

    metrics.add_gauges("finmatch_outbox_depth", "Deliveries pending per bank", ("bank",), depth)
    metrics.add_gauges(
        "finmatch_outbox_oldest_pending_seconds", "Age of a bank's oldest pending delivery", ("bank",), oldest
    )
