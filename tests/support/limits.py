"""Checks that gateway replicas on one database share the per-key rate limit and the failed-key limit.

Each check counts on one replica, waits until the shared counters (gateway.limit_counters) hold
those counts, and shows that the other replica refuses at the global total, not at its own.
"""

from __future__ import annotations

import httpx
import sqlalchemy as sa

from gateway.keys import parse_key
from gateway.ratelimit import Policy
from kit.db import make_engine
from tests.support.api import Actor
from tests.support.credit_push import eventually

ADDRESS = "127.0.0.1"  # the failed-key limit's bucket: the TCP peer
BAD_KEY = {"Authorization": "Bearer fmk_0123456789abcdef0123456789abcdef_wrong"}


async def shared_total(database_url: str, scope: str, bucket: str) -> int:
    """One bucket's count over its windows, as the replicas have sent it so far."""
    engine = make_engine(database_url, pool_size=1)
    query = sa.text(
        "SELECT coalesce(sum(hits), 0) FROM gateway.limit_counters WHERE scope = :scope AND bucket = :bucket"
    )
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(query, {"scope": scope, "bucket": bucket})).scalar_one())
    finally:
        await engine.dispose()


def key_id(actor: Actor) -> str:
    parsed = parse_key(actor.key)
    assert parsed is not None
    return str(parsed[0])


async def _settled(database_url: str, scope: str, bucket: str, at_least: int) -> None:
    async def reached() -> bool:
        return await shared_total(database_url, scope, bucket) >= at_least

    await eventually(reached, within_s=10.0)


async def assert_rate_limit_shared(
    database_url: str, urls: tuple[str, str], actor: Actor, rate: float, burst_s: float
) -> None:
    """Two gateways spawned with ``rate_limit_per_s=rate, rate_limit_burst_s=burst_s``."""
    policy = Policy.per_second(rate, burst_s)
    limit = int(policy.limit)
    first = limit * 2 // 3
    async with httpx.AsyncClient(base_url=urls[0]) as a, httpx.AsyncClient(base_url=urls[1]) as b:
        statuses = [(await a.get("/v1/me", headers=actor.headers)).status_code for _ in range(first)]
        assert statuses == [200] * first
        await _settled(database_url, policy.scope, key_id(actor), first)
        # The other replica counts this key from its first request on, and reads the total back.
        assert (await b.get("/v1/me", headers=actor.headers)).status_code == 200
        await _settled(database_url, policy.scope, key_id(actor), first + 1)
        passed = 0
        for _ in range(limit):
            answer = await b.get("/v1/me", headers=actor.headers)
            if answer.status_code == 429:
                break
            assert answer.status_code == 200, answer.text
            passed += 1
        # What is left of the shared limit (a few more if a window boundary passed meanwhile),
        # not a limit of its own (limit - 1 more).
        left = limit - first - 1
        assert left <= passed <= left + 3, (passed, left)
        assert answer.status_code == 429 and answer.json()["type"].endswith("/rate-limited")
        await _settled(database_url, policy.scope, key_id(actor), limit)

        async def first_replica_refuses() -> bool:
            return (await a.get("/v1/me", headers=actor.headers)).status_code == 429

        await eventually(first_replica_refuses, within_s=10.0)


async def assert_failed_key_limit_shared(
    database_url: str, urls: tuple[str, str], actor: Actor, limit: int
) -> None:
    """Two gateways spawned with ``failed_auth_limit=limit`` (the address is 127.0.0.1)."""
    scope = Policy.failures(limit).scope
    async with httpx.AsyncClient(base_url=urls[0]) as a, httpx.AsyncClient(base_url=urls[1]) as b:
        statuses = [(await a.get("/v1/me", headers=BAD_KEY)).status_code for _ in range(limit)]
        assert statuses == [401] * limit
        await _settled(database_url, scope, ADDRESS, limit)
        assert (await b.get("/v1/me", headers=BAD_KEY)).status_code == 401
        await _settled(database_url, scope, ADDRESS, limit + 1)
        # On its own the second replica has seen one failure; together they have seen limit + 1.
        refused = await b.get("/v1/me", headers=BAD_KEY)
        assert refused.status_code == 429, refused.text
        assert refused.json()["type"].endswith("/too-many-failed-attempts")
        assert (await b.get("/v1/me", headers=actor.headers)).status_code == 200
        assert (await a.get("/v1/me", headers=BAD_KEY)).status_code == 429
