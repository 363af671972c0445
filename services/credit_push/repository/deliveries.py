"""Webhook deliveries: one per event and subscription (made by repository/routing.py), claimed,
sent, retried, replayed."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import After, columns, keyset_page
from services.credit_push.rules.events import event_json
from services.credit_push.tables import deliveries, subscriptions

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
    failing: bool = False  # the subscription's receiver was failing when this was claimed
    bank_org_id: str = ""  # whose subscription: the reader in the access log


@dataclass(frozen=True)
class Outcome:
    """How a claimed delivery's attempt ended, to store (rules/retries.py decided it)."""

    claimed: Claimed
    status: str  # delivered | pending | failed
    round_failures: int
    next_attempt_at: datetime | None
    status_code: int | None
    error: str | None


# Each active subscription has room for ``max_in_flight`` leased deliveries (1 while its receiver
# is failing), less those in flight; it is claimed round-robin (the n-th due delivery of every
# subscription before the (n+1)-th of any), so a large backlog of one bank never starves another.
# The subscription row is locked (SKIP LOCKED) while the claim runs, so two replicas never both
# fill the same room; the deliveries too, so they never lease the same delivery.
_CLAIM = sa.text(
    """
    WITH s AS (
        SELECT s.id, s.url, s.secret, s.previous_secret, s.previous_secret_until, s.failing,
               (CASE WHEN s.failing THEN 1 ELSE :max_in_flight END) - (
                   SELECT count(*) FROM credit_push.deliveries f
                   WHERE f.subscription_id = s.id AND f.status = 'pending' AND f.lease_until > :now
               ) AS room
        FROM credit_push.subscriptions s
        WHERE s.status = 'active'
        FOR UPDATE OF s SKIP LOCKED
    ), picked AS (
        SELECT s.*, d.id AS delivery_id, d.n
        FROM s CROSS JOIN LATERAL (
            SELECT d.id, row_number() OVER () AS n FROM (
                SELECT d.id FROM credit_push.deliveries d
                WHERE d.subscription_id = s.id AND d.status = 'pending' AND d.next_attempt_at <= :now
                  AND (d.lease_until IS NULL OR d.lease_until <= :now)
                ORDER BY d.next_attempt_at, d.seq
                LIMIT greatest(s.room, 0)
                FOR UPDATE OF d SKIP LOCKED
            ) d
        ) d
        WHERE s.room > 0
        ORDER BY d.n
        LIMIT :n
    ), leased AS (
        UPDATE credit_push.deliveries d SET lease_until = :lease
        FROM picked p, credit_push.events e
        WHERE d.id = p.delivery_id AND e.id = d.event_id
        RETURNING d.id AS delivery_id, d.round_failures, d.next_attempt_at, p.id AS subscription_id,
                  d.bank_org_id,
                  p.url, p.secret, p.previous_secret, p.previous_secret_until, p.failing,
                  e.id AS event_id, e.type, e.seq, e.created_at, e.data
    )
    SELECT * FROM leased ORDER BY next_attempt_at, seq
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
        row.failing,
        str(row.bank_org_id),
    )


async def claim_due(
    session: AsyncSession, now: datetime, lease_until: datetime, n: int, max_in_flight: int
) -> list[Claimed]:
    """Lease up to ``n`` due deliveries, each subscription's in (due time, seq) order, in one statement.

    The lease (``lease_until``) is committed before anything is sent, so no transaction stays
    open during the HTTP calls. A leased delivery is claimed by no one until its outcome is
    recorded or the lease runs out (a dispatcher died mid-send: another one sends it again).
    """
    params = {"now": now, "lease": lease_until, "n": n, "max_in_flight": max_in_flight}
    rows = await session.execute(_CLAIM, params)
    return [_claimed(row, lease_until) for row in rows]


_RECORD = sa.text(
    """
    UPDATE credit_push.deliveries d SET
        status = o.status, attempts = d.attempts + 1, round_failures = o.round_failures,
        next_attempt_at = o.next_attempt_at, last_status_code = o.code, last_error = o.error,
        updated_at = :now, lease_until = NULL,
        delivered_at = CASE WHEN o.status = 'delivered' THEN :now ELSE d.delivered_at END
    FROM unnest(CAST(:id AS uuid[]), CAST(:status AS text[]), CAST(:rf AS int[]),
                CAST(:next AS timestamptz[]), CAST(:code AS int[]), CAST(:error AS text[]),
                CAST(:lease AS timestamptz[]))
         AS o(id, status, round_failures, next_attempt_at, code, error, lease)
    WHERE d.id = o.id AND d.status = 'pending' AND d.lease_until = o.lease
    """
)


async def record_outcomes(session: AsyncSession, outcomes: Sequence[Outcome], now: datetime) -> None:
    """Store how many attempts ended, in one statement, and give their leases back.

    Only a delivery still pending under the same lease is updated: one dropped meanwhile (its
    subscription was deleted) stays dropped, and one whose lease ran out and was claimed again
    is recorded by the dispatcher that holds it now. A retry the bank asked for while it was in
    flight is answered by that attempt.
    """
    await session.execute(
        _RECORD,
        {
            "id": [o.claimed.id for o in outcomes],
            "status": [o.status for o in outcomes],
            "rf": [o.round_failures for o in outcomes],
            "next": [o.next_attempt_at for o in outcomes],
            "code": [o.status_code for o in outcomes],
            "error": [o.error for o in outcomes],
            "lease": [o.claimed.lease_until for o in outcomes],
            "now": now,
        },
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


@dataclass(frozen=True)
class DeliveryFilter:
    bank_id: str
    status: DeliveryStatus | None  # None: any
    subscription_id: uuid.UUID | None  # None: every subscription of the bank's


async def list_for(
    session: AsyncSession, where: DeliveryFilter, after: After, limit: int
) -> list[DeliveryRow]:
    """Up to ``limit + 1`` of the bank's deliveries after the keyset position ``after``."""
    query = sa.select(*columns(deliveries, DeliveryRow)).where(
        deliveries.c.bank_org_id == uuid.UUID(where.bank_id)
    )
    if where.status:
        query = query.where(deliveries.c.status == where.status)
    if where.subscription_id:
        query = query.where(deliveries.c.subscription_id == where.subscription_id)
    return [DeliveryRow(*row) for row in await session.execute(keyset_page(query, deliveries, after, limit))]
