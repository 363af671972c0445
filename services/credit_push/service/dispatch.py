"""The dispatcher's two short transactions: lease due deliveries, then record how a send ended.

The send itself (HTTP, no transaction open) is workers.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push import repository as repo
from services.credit_push.repository.deliveries import Claimed
from services.credit_push.rules.retries import AttemptResult, Decision, decide

GONE_REASON = "the receiver answered 410 Gone"


async def claim(session: AsyncSession, now: datetime, lease_until: datetime, n: int) -> list[Claimed]:
    """Up to ``n`` due deliveries, one per subscription, each leased until ``lease_until``."""
    return await repo.deliveries.claim_due(session, now, lease_until, n)


async def record(
    session: AsyncSession, claimed: Claimed, result: AttemptResult, schedule: Sequence[int], now: datetime
) -> Decision:
    """Store what follows the attempt, give the lease back, and pause the subscription if it is gone."""
    decision = decide(result, claimed.round_failures, schedule, now)
    await repo.deliveries.record_attempt(
        session,
        claimed,
        status=decision.status,
        round_failures=decision.round_failures,
        next_attempt_at=decision.next_attempt_at,
        status_code=result.status_code,
        error=result.error,
        now=now,
    )
    await repo.subscriptions.release_lease(session, claimed.subscription_id, claimed.lease_until)
    if decision.pause_subscription:
        await repo.subscriptions.pause(session, claimed.subscription_id, GONE_REASON, now)
    return decision
