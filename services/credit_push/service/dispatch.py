"""The dispatcher's short transactions: route new events to deliveries, lease due deliveries,
then record how sends ended.

Each works on batches (one statement routes or claims N deliveries, one records N outcomes); the sends
themselves (HTTP, no transaction open) are workers.py. And the uploads being stored in this
process, to which the dispatcher gives way (``storing_upload``, ``GiveWay``).
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push import repository as repo
from services.credit_push.repository.deliveries import Claimed, Outcome
from services.credit_push.rules.retries import AttemptResult, Decision, decide, still_failing

GONE_REASON = "the receiver answered 410 Gone"


async def route(session: AsyncSession, now: datetime, per_subscription: int) -> int:
    """Make the deliveries of the events addressed since each subscription was last routed
    (repository/routing.py); how many events were looked at (``per_subscription`` at most each)."""
    return await repo.routing.route_due(session, now, per_subscription)


async def claim(
    session: AsyncSession, now: datetime, lease_until: datetime, n: int, max_in_flight: int
) -> list[Claimed]:
    """Up to ``n`` due deliveries, at most ``max_in_flight`` in flight per subscription, leased."""
    return await repo.deliveries.claim_due(session, now, lease_until, n, max_in_flight)


async def record(
    session: AsyncSession,
    attempts: Sequence[tuple[Claimed, AttemptResult]],
    schedule: Sequence[int],
    now: datetime,
) -> list[Decision]:
    """Store what follows each attempt, give the leases back, throttle or release failing
    receivers, and pause the subscriptions whose receiver is gone (410)."""
    decisions = [decide(result, claimed.round_failures, schedule, now) for claimed, result in attempts]
    outcomes = [
        Outcome(claimed, d.status, d.round_failures, d.next_attempt_at, result.status_code, result.error)
        for (claimed, result), d in zip(attempts, decisions, strict=True)
    ]
    await repo.deliveries.record_outcomes(session, outcomes, now)
    await repo.subscriptions.set_failing(session, _failing_changes(attempts))
    paired = zip(attempts, decisions, strict=True)
    gone = sorted({claimed.subscription_id for (claimed, _), d in paired if d.pause_subscription})
    for sub_id in gone:
        await repo.subscriptions.pause(session, sub_id, GONE_REASON, now)
    return decisions


def _failing_changes(attempts: Sequence[tuple[Claimed, AttemptResult]]) -> dict[uuid.UUID, bool]:
    """Subscriptions whose receiver became failing, or recovered, with these answers."""
    results: dict[uuid.UUID, list[AttemptResult]] = defaultdict(list)
    was: dict[uuid.UUID, bool] = {}
    for claimed, result in attempts:
        results[claimed.subscription_id].append(result)
        was[claimed.subscription_id] = claimed.failing
    now_failing = {sub_id: still_failing(was[sub_id], found) for sub_id, found in results.items()}
    return {sub_id: failing for sub_id, failing in now_failing.items() if failing != was[sub_id]}


class _Storing:
    """How many uploads this process is storing right now: a count under a thread lock, not an
    asyncio object, so it serves every app, loop and thread of the process (the tests run
    several apps in one process, each on its own thread)."""

    count = 0
    lock = threading.Lock()


@contextlib.contextmanager
def storing_upload() -> Iterator[None]:
    """Mark an upload's statements as running in this process (service/ratings.py)."""
    with _Storing.lock:
        _Storing.count += 1
    try:
        yield
    finally:
        with _Storing.lock:
            _Storing.count -= 1


class GiveWay:
    """Whether the dispatcher should claim nothing new now: an upload is being stored in its
    process and it has given way for less than ``max_s`` (bench/README.md "Profiles/ingest":
    the sends of earlier batches took twice the upload's share of the process and competed
    for PostgreSQL). Bounded, so deliveries are only delayed: after ``max_s`` of giving way
    one claim goes ahead, and then it gives way again.
    """

    def __init__(self, max_s: float) -> None:
        self.max_s = max_s
        self.since: float | None = None

    def now_holds(self, now: float) -> bool:
        if _Storing.count == 0:
            self.since = None
            return False
        if self.since is None:
            self.since = now
        if now - self.since < self.max_s:
            return True
        self.since = None
        return False
