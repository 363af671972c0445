"""Sharing the gateway's limit counters (gateway.ratelimit) between replicas through PostgreSQL.

Every ``FINMATCH_LIMIT_SYNC_MS`` a background worker sends what this replica counted since the
last sync and reads back the global totals, in one statement for both limits (one upsert with
``RETURNING``); requests never wait for it. When the database cannot be reached the counts are
kept and sent with the next sync, and meanwhile each replica limits by what it sees itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway import repository
from gateway.ratelimit import SharedCounter
from kit.app import AppContext, Worker

log = logging.getLogger("gateway.limitsync")

PURGE_EVERY_S = 30.0


@dataclass(frozen=True)
class Limits:
    """The two shared limits of a gateway process (on ``app.state.limits``)."""

    rate: SharedCounter
    failures: SharedCounter

    def counters(self) -> tuple[SharedCounter, SharedCounter]:
        return (self.rate, self.failures)


def _batch(limits: Limits, now: float) -> tuple[list[repository.CounterRow], list[float]]:
    rows: list[repository.CounterRow] = []
    expires: list[float] = []
    for counter in limits.counters():
        policy = counter.policy
        for bucket, window, hits in counter.take(now):
            rows.append(repository.CounterRow(policy.scope, bucket, window, hits))
            # Needed while it is the current or the previous window.
            expires.append((window + 2) * policy.window_s)
    return rows, expires


async def sync_once(limits: Limits, engine: AsyncEngine, now: float | None = None) -> None:
    """One exchange with the database; when it fails, the counts wait for the next one."""
    rows, expires = _batch(limits, time.time() if now is None else now)
    if not rows:
        return
    try:
        async with engine.begin() as conn:
            totals = await repository.sync_counters(conn, rows, expires)
    except (SQLAlchemyError, OSError, TimeoutError):
        for counter in limits.counters():
            counter.unsent()
        raise
    for counter in limits.counters():
        scope = counter.policy.scope
        counter.settle([(t.bucket, t.window_index, t.hits) for t in totals if t.scope == scope])


def syncer(limits: Limits, every_s: float) -> Worker:
    async def limit_counter_sync(ctx: AppContext) -> None:
        failing = False
        purged = time.monotonic()
        while not ctx.stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ctx.stopping.wait(), timeout=every_s)
            try:
                await sync_once(limits, ctx.engine)
                if time.monotonic() - purged > PURGE_EVERY_S:
                    purged = time.monotonic()
                    async with ctx.engine.begin() as conn:
                        await repository.purge_counters(conn)
            except (SQLAlchemyError, OSError, TimeoutError) as exc:
                if not failing:
                    log.warning("cannot share the limit counters (%r); limiting per replica meanwhile", exc)
                failing = True
                continue
            if failing:
                log.info("limit counters shared again")
            failing = False

    return limit_counter_sync
