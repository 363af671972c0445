"""Banks' webhook subscriptions: their URL, filters, secrets and send lease."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import After, columns, keyset_page
from services.credit_push.tables import banks, subscriptions

SubscriptionStatus = Literal["active", "paused", "deleted"]


@dataclass(frozen=True)
class SubscriptionRow:
    id: uuid.UUID
    bank_org_id: uuid.UUID
    url: str
    status: SubscriptionStatus
    paused_reason: str | None
    min_rating: str | None
    region_codes: list[str] | None
    secret: str
    previous_secret: str | None
    previous_secret_until: datetime | None
    sending_until: datetime | None
    created_at: datetime
    updated_at: datetime


def _live() -> sa.ColumnElement[bool]:
    return subscriptions.c.status != "deleted"


async def insert(session: AsyncSession, row: SubscriptionRow) -> None:
    """A new subscription delivers the events addressed after it (CONTRACT §3): it starts routed
    through its bank's last seq. The caller holds the bank's row lock (service/subscriptions.py),
    so no seq below that commits later."""
    routed = sa.select(banks.c.next_seq - 1).where(banks.c.org_id == row.bank_org_id).scalar_subquery()
    await session.execute(sa.insert(subscriptions).values(**asdict(row), routed_seq=routed))


async def get(
    session: AsyncSession, bank_id: str, sub_id: uuid.UUID, *, for_update: bool = False
) -> SubscriptionRow | None:
    """The bank's subscription, unless deleted."""
    query = sa.select(*columns(subscriptions, SubscriptionRow)).where(
        subscriptions.c.id == sub_id, subscriptions.c.bank_org_id == uuid.UUID(bank_id), _live()
    )
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).first()
    return SubscriptionRow(*row) if row else None


async def list_for(session: AsyncSession, bank_id: str, after: After, limit: int) -> list[SubscriptionRow]:
    """Up to ``limit + 1`` of the bank's subscriptions after the keyset position ``after``."""
    query = sa.select(*columns(subscriptions, SubscriptionRow)).where(
        subscriptions.c.bank_org_id == uuid.UUID(bank_id), _live()
    )
    page = keyset_page(query, subscriptions, after, limit)
    return [SubscriptionRow(*row) for row in await session.execute(page)]


async def count_live(session: AsyncSession, bank_id: str) -> int:
    query = sa.select(sa.func.count()).where(subscriptions.c.bank_org_id == uuid.UUID(bank_id), _live())
    return int(await session.scalar(query) or 0)


_SETTINGS = ("url", "status", "paused_reason", "min_rating", "region_codes", "updated_at")


async def save_settings(session: AsyncSession, row: SubscriptionRow) -> None:
    """Store what a bank may change: URL, status (and why it is paused), filters."""
    await session.execute(
        sa.update(subscriptions)
        .where(subscriptions.c.id == row.id)
        .values({name: getattr(row, name) for name in _SETTINGS})
    )


async def rotate_secret(
    session: AsyncSession, row: SubscriptionRow, secret: str, previous_until: datetime, now: datetime
) -> None:
    """The new secret signs from now on; the current one stays as the previous until ``previous_until``."""
    await session.execute(
        sa.update(subscriptions)
        .where(subscriptions.c.id == row.id)
        .values(
            secret=secret, previous_secret=row.secret, previous_secret_until=previous_until, updated_at=now
        )
    )


async def mark_deleted(session: AsyncSession, sub_id: uuid.UUID, now: datetime) -> None:
    await session.execute(
        sa.update(subscriptions).where(subscriptions.c.id == sub_id).values(status="deleted", updated_at=now)
    )


async def pause(session: AsyncSession, sub_id: uuid.UUID, reason: str, now: datetime) -> None:
    """Pause an active subscription; its deliveries wait until the bank resumes it."""
    await session.execute(
        sa.update(subscriptions)
        .where(subscriptions.c.id == sub_id, subscriptions.c.status == "active")
        .values(status="paused", paused_reason=reason, updated_at=now)
    )


async def release_lease(session: AsyncSession, sub_id: uuid.UUID, lease_until: datetime | None) -> None:
    """Give the send lease back, unless it ran out and another dispatcher took it meanwhile."""
    await session.execute(
        sa.update(subscriptions)
        .where(subscriptions.c.id == sub_id, subscriptions.c.sending_until == lease_until)
        .values(sending_until=None)
    )


async def set_failing(session: AsyncSession, changes: dict[uuid.UUID, bool]) -> None:
    """Mark receivers failing (throttled to one delivery in flight) or healthy again."""
    for failing in (True, False):
        ids = [sub_id for sub_id, value in changes.items() if value is failing]
        if ids:
            await session.execute(
                sa.update(subscriptions).where(subscriptions.c.id == sa.func.any(ids)).values(failing=failing)
            )
