"""PostgreSQL restarted under mixed traffic: 503s with Retry-After, nothing acknowledged lost.

The stack runs on a cluster of the test's own (tests/faults/cluster.py), which the test stops
and starts while uploads, authorisations, consents, exposures, queries and feed reads go
through the gateway and webhooks go to a local receiver. Afterwards: every answer was a 2xx or
a 503 problem with ``Retry-After``; every write that was answered 2xx can be read back; the
processes serve again without being restarted; every event in the bank's feed is there once and
was delivered to the receiver at least once, and no delivery is left pending or failed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from tests.faults.cluster import OwnPostgres
from tests.faults.conftest import SCALE
from tests.faults.traffic import Traffic, World, backlog_drains, build_world, missing_writes, until_serving
from tests.support.api import Api
from tests.support.credit_push import Receiver
from tests.support.stack import Stack


@pytest.fixture
async def platform(cluster_db: str) -> AsyncIterator[tuple[Stack, Api, Receiver]]:
    stack = Stack(cluster_db, poll_interval_s=0.2, webhook_retry_schedule="1,1,2,3,5,8,13")
    api = Api(stack.url("gateway"))
    receiver = Receiver()
    yield stack, api, receiver
    receiver.stop()
    await api.aclose()
    stack.close()


async def _restart_under_load(
    cluster: OwnPostgres, api: Api, world: World, traffic_s: float, restarts: list[tuple[str, float]]
) -> Traffic:
    """Run the mix for ``traffic_s`` and restart PostgreSQL as ``restarts`` say (mode, seconds down),
    spread over the middle of the run."""
    traffic = Traffic(api.url, world, rate_per_s=25, concurrency=16)
    running = asyncio.create_task(traffic.run(traffic_s))
    gap = traffic_s / (len(restarts) + 1)
    for mode, down_s in restarts:
        await asyncio.sleep(gap)
        await asyncio.to_thread(cluster.restart, mode, down_s)
    await running
    recovered_s = await until_serving(traffic)
    print(f"\nrecovered {recovered_s:.1f} s after the traffic; answers {sorted(traffic.statuses().items())}")
    return traffic


async def _check(api: Api, world: World, receiver: Receiver, traffic: Traffic) -> None:
    assert traffic.refusals() == []
    unavailable = [a for a in traffic.answers if a.status == 503]
    assert unavailable, "no request met the restart: the test proved nothing"
    assert {a.problem_type.rsplit("/", 1)[-1] for a in unavailable if a.problem_type} <= {
        "database-unavailable",
        "database-conflict",
        "dependency-unavailable",
    }
    assert await missing_writes(api, world, traffic.acknowledged) == []
    assert world.subscription is not None
    await backlog_drains(api, world, {str(world.subscription["id"]): receiver})


async def test_a_postgres_restart_under_load_loses_nothing(
    cluster: OwnPostgres, platform: tuple[Stack, Api, Receiver]
) -> None:
    _, api, receiver = platform
    world = await build_world(api, receiver.url)
    traffic = await _restart_under_load(cluster, api, world, 6.0, [("fast", 1.0)])
    await _check(api, world, receiver, traffic)


@pytest.mark.faults
async def test_repeated_restarts_and_a_crash_under_load_lose_nothing(
    cluster: OwnPostgres, platform: tuple[Stack, Api, Receiver]
) -> None:
    """Minutes of traffic through a fast restart, a crash (immediate stop) and a long outage."""
    _, api, receiver = platform
    world = await build_world(api, receiver.url)
    started = time.monotonic()
    restarts = [("fast", 1.0), ("immediate", 2.0), ("fast", SCALE), ("immediate", 0.0)]
    traffic = await _restart_under_load(cluster, api, world, 12.0 * SCALE, restarts)
    await _check(api, world, receiver, traffic)
    print(
        f"{len(traffic.answers)} requests, {len(traffic.acknowledged)} writes acknowledged and found, "
        f"{time.monotonic() - started:.0f} s"
    )
