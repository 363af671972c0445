"""Webhook deliveries: one per event and subscription, claimed, sent, retried, replayed."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import columns, uuids
from services.credit_push.tables import deliveries, subscriptions
from services.credit_push.webhooks import event_json

DeliveryStatus = Literal["pending", "delivered", "failed"]


@dataclass(frozen=True)
class DeliveryRow:
    id: uuid.UUID
    event_id: uuid.UUID
    subscription_id: uuid.UUID
    bank_org_id: uuid.UUID
    status: DeliveryStatus
    attempts: int
    round_failures: int
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: datetime | None
    created_at: datetime
    updated_at: datetime
    delivered_at: datetime | None


@dataclass(frozen=True)
class Claimed:
    """A delivery leased for sending, with what the send needs."""

    id: uuid.UUID
    round_failures: int
    subscription_id: uuid.UUID
    url: str
    secret: str
    previous_secret: str | None
    previous_secret_until: datetime | None
    event: dict[str, Any]
    lease_until: datetime | None = None


_INSERT_DUE = sa.text(
    """
    INSERT INTO credit_push.deliveries (id, event_id, subscription_id, bank_org_id, status, attempts,
        round_failures, next_attempt_at, created_at, updated_at)
    SELECT gen_random_uuid(), e, s, b, 'pending', 0, 0, :now, :now, :now
    FROM unnest(CAST(:e AS uuid[]), CAST(:s AS uuid[]), CAST(:b AS uuid[])) AS d(e, s, b)
    """
)


async def insert_due(
    session: AsyncSession, rows: Sequence[tuple[uuid.UUID, str, str]], now: datetime
) -> None:
    """(event id, subscription id, bank id) rows, all due now."""
    await session.execute(
        _INSERT_DUE,
        {
            "e": [e for e, _, _ in rows],
            "s": uuids(s for _, s, _ in rows),
            "b": uuids(b for _, _, b in rows),
            "now": now,
        },
    )


_CLAIM = sa.text(
    """
    WITH due AS (
        SELECT s.id AS subscription_id, d.id AS delivery_id, d.next_attempt_at, d.seq
        FROM credit_push.subscriptions s
        CROSS JOIN LATERAL (
            SELECT d.id, d.next_attempt_at, e.seq
            FROM credit_push.deliveries d
            JOIN credit_push.events e ON e.id = d.event_id
            WHERE d.subscription_id = s.id AND d.status = 'pending' AND d.next_attempt_at <= :now
            ORDER BY d.next_attempt_at, e.seq
            LIMIT 1
        ) d
        WHERE s.status = 'active' AND (s.sending_until IS NULL OR s.sending_until <= :now)
        ORDER BY d.next_attempt_at, d.seq
        LIMIT :n
        FOR UPDATE OF s SKIP LOCKED
    ), leased AS (
        UPDATE credit_push.subscriptions s SET sending_until = :lease
        FROM due WHERE s.id = due.subscription_id
        RETURNING s.id AS subscription_id, s.url, s.secret, s.previous_secret,
                  s.previous_secret_until, due.delivery_id
    )
    SELECT l.*, d.round_failures, e.id AS event_id, e.type, e.seq, e.created_at, e.data
    FROM leased l
    JOIN credit_push.deliveries d ON d.id = l.delivery_id
    JOIN credit_push.events e ON e.id = d.event_id
    ORDER BY d.next_attempt_at, e.seq
    """
)


def _claimed(row: sa.Row[Any], lease_until: datetime) -> Claimed:
    return Claimed(
        row.delivery_id,
        row.round_failures,
        row.subscription_id,
        row.url,
        row.secret,
        row.previous_secret,
        row.previous_secret_until,
        event_json(str(row.event_id), row.type, row.seq, row.created_at, row.data),
        lease_until,
    )


async def claim_due(session: AsyncSession, now: datetime, lease_until: datetime, n: int) -> list[Claimed]:
    """Lease up to ``n`` subscriptions that have a due delivery; the earliest due one of each.

    The lease (``sending_until``) is committed before anything is sent, so no transaction
    stays open during the HTTP call, and a subscription has at most one delivery in flight:
    a receiver that hangs holds up one send, not the dispatcher, and its events go out in
    ``seq`` order. Replicas skip subscriptions another one is leasing (``SKIP LOCKED`` while
    the claim runs, the lease afterwards); a lease left by a dead process runs out.
    """
    rows = await session.execute(_CLAIM, {"now": now, "lease": lease_until, "n": n})
    return [_claimed(row, lease_until) for row in rows]


async def record_attempt(
    session: AsyncSession,
    claimed: Claimed,
    *,
    status: str,
    round_failures: int,
    next_attempt_at: datetime | None,
    status_code: int | None,
    error: str | None,
    now: datetime,
) -> None:
    """Store how the attempt ended.

    Only a delivery still pending is updated: one dropped meanwhile (its subscription was
    deleted) stays dropped. A retry the bank asked for while it was in flight still counts.
    """
    values: dict[str, Any] = {
        "status": status,
        "attempts": deliveries.c.attempts + 1,
        "round_failures": round_failures,
        "next_attempt_at": next_attempt_at,
        "last_status_code": status_code,
        "last_error": error,
        "updated_at": now,
    }
    if status == "delivered":
        values["delivered_at"] = now
    await session.execute(
        sa.update(deliveries)
        .where(deliveries.c.id == claimed.id, deliveries.c.status == "pending")
        .values(**values)
    )


def _requeue_values(now: datetime) -> dict[str, Any]:
    return {"status": "pending", "round_failures": 0, "next_attempt_at": now, "updated_at": now}


async def requeue(session: AsyncSession, bank_id: str, delivery_id: uuid.UUID, now: datetime) -> bool:
    """Make the bank's delivery due now; False when there is no such delivery to send."""
    result = await session.execute(
        sa.update(deliveries)
        .where(
            deliveries.c.id == delivery_id,
            deliveries.c.bank_org_id == uuid.UUID(bank_id),
            # A deleted subscription's deliveries can no longer be sent.
            deliveries.c.subscription_id.in_(
                sa.select(subscriptions.c.id).where(subscriptions.c.status != "deleted")
            ),
        )
        .values(**_requeue_values(now))
        .returning(deliveries.c.id)
    )
    return result.first() is not None


async def requeue_failed(session: AsyncSession, sub_id: uuid.UUID, since: datetime, now: datetime) -> int:
    """Make every failed delivery of the subscription created since ``since`` due now; how many."""
    result = await session.execute(
        sa.update(deliveries)
        .where(
            deliveries.c.subscription_id == sub_id,
            deliveries.c.status == "failed",
            deliveries.c.created_at >= since,
        )
        .values(**_requeue_values(now))
        .returning(deliveries.c.id)
    )
    return len(result.all())


async def drop_pending(session: AsyncSession, sub_id: uuid.UUID) -> None:
    """A deleted subscription's pending deliveries would never be sent; its history stays."""
    await session.execute(
        sa.delete(deliveries).where(deliveries.c.subscription_id == sub_id, deliveries.c.status == "pending")
    )


async def get(session: AsyncSession, bank_id: str, delivery_id: uuid.UUID) -> DeliveryRow | None:
    query = sa.select(*columns(deliveries, DeliveryRow)).where(
        deliveries.c.id == delivery_id, deliveries.c.bank_org_id == uuid.UUID(bank_id)
    )
    row = (await session.execute(query)).first()
    return DeliveryRow(*row) if row else None


async def list_for(
    session: AsyncSession,
    bank_id: str,
    *,
    status: DeliveryStatus | None,
    subscription_id: uuid.UUID | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> list[DeliveryRow]:
    """Up to ``limit + 1`` of the bank's deliveries after the keyset position ``after``."""
    query = sa.select(*columns(deliveries, DeliveryRow)).where(deliveries.c.bank_org_id == uuid.UUID(bank_id))
    if status:
        query = query.where(deliveries.c.status == status)
    if subscription_id:
        query = query.where(deliveries.c.subscription_id == subscription_id)
    if after:
        query = query.where(sa.tuple_(deliveries.c.created_at, deliveries.c.id) > sa.tuple_(*after))
    query = query.order_by(deliveries.c.created_at, deliveries.c.id).limit(limit + 1)
    return [DeliveryRow(*row) for row in await session.execute(query)]
