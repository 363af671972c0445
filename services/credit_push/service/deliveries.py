"""Deliveries and the feed: what a bank was sent, sending one again, and polling its events."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import NotFound
from services.credit_push import repository as repo
from services.credit_push.repository.common import After
from services.credit_push.repository.deliveries import DeliveryFilter, DeliveryRow
from services.credit_push.rules.events import event_json

__all__ = ["DeliveryFilter", "delivery_out", "feed", "list_for", "retry"]
from services.credit_push.schemas.deliveries import DeliveryOut, EventOut
from services.credit_push.service import access_log
from services.credit_push.service.banks import learn_banks


def delivery_out(row: DeliveryRow) -> DeliveryOut:
    # A delivered or failed one keeps its last schedule in the row; it has no next attempt.
    shown = row if row.status == "pending" else replace(row, next_attempt_at=None)
    return DeliveryOut.model_validate(shown, from_attributes=True)


async def list_for(
    session: AsyncSession, where: DeliveryFilter, after: After, limit: int
) -> list[DeliveryOut]:
    """Up to ``limit + 1`` of the bank's webhook deliveries, oldest first."""
    return [delivery_out(row) for row in await repo.deliveries.list_for(session, where, after, limit)]


async def retry(session: AsyncSession, bank_id: str, delivery_id: uuid.UUID) -> DeliveryOut:
    """Send this delivery again now (same webhook-id, signed with the current secret)."""
    requeued = await repo.deliveries.requeue(session, bank_id, delivery_id, datetime.now(UTC))
    row = await repo.deliveries.get(session, bank_id, delivery_id) if requeued else None
    if row is None:
        raise NotFound("delivery")
    return delivery_out(row)


async def feed(
    session: AsyncSession, bank_id: str, bank_name: str, after_seq: int, limit: int
) -> list[EventOut]:
    """Up to ``limit + 1`` of the bank's events after ``after_seq``, in ``seq`` order.

    A bank polling before discovery has found it is learned here, so it is sent the A list.
    """
    await learn_banks(session, [(bank_id, bank_name)], datetime.now(UTC))
    rows = await repo.events.feed(session, bank_id, after_seq, limit)
    # The page shows the first ``limit``; only what leaves is logged (税收征管法 第八条).
    access_log.record(
        session, access_log.entries_for_events(bank_id, ((r.type, r.data) for r in rows[:limit]), "feed")
    )
    return [EventOut(**event_json(str(r.id), r.type, r.seq, r.created_at, r.data)) for r in rows]
