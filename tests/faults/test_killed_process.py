"""A process killed with requests in flight (SIGKILL, real ``finmatch serve`` processes).

A service dies: the gateway answers its operations with 502/503/504 problems at once (a hang
would show as a client timeout, status 0), every other operation goes on succeeding, loan_match
answers queries naming the dead service in ``degraded``, and once the service is started again
everything works, with no other process restarted and nothing acknowledged lost. The gateway
dies while credit_push has webhooks to send: the sends go on, the services answer on their own
ports, and once the gateway is back the bank discovery picks up again and the backlog drains.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator

import pytest

from kit.migrations import upgrade
from kit.settings import PROCESS_NAMES, SERVICE_NAMES
from tests.faults.conftest import SCALE
from tests.faults.processes import Processes
from tests.faults.traffic import (
    PROXY_UNAVAILABLE,
    SERVED_BY,
    Traffic,
    World,
    backlog_drains,
    build_world,
    missing_writes,
    until_serving,
)
from tests.support.api import Api
from tests.support.credit_push import Direct, Receiver, eventually, item
from tests.support.postgres import PgTestServer

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def processes(pg_server: PgTestServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Processes]:
    async def fresh() -> str:
        url = await pg_server.create_database()
        await upgrade(url)
        return url

    # A short webhook timeout: a killed credit_push's leases (2 x timeout + 5 s) run out sooner.
    running = Processes(
        asyncio.run(fresh()),
        tmp_path_factory.mktemp("killed"),
        webhook_timeout_s="2",
        webhook_retry_schedule="1,1,2,3,5,8",
    )
    try:
        running.start_all()
        yield running
    finally:
        running.stop_all()


@pytest.fixture
async def world(processes: Processes) -> AsyncIterator[tuple[Api, World, Receiver]]:
    api = Api(processes.url("gateway"))
    receiver = Receiver()
    yield api, await build_world(api, receiver.url), receiver
    receiver.stop()
    await api.aclose()


async def _kill_under_load(processes: Processes, api: Api, world: World, name: str, down_s: float) -> Traffic:
    """Kill ``name`` two seconds into the mix, start it again ``down_s`` later; check what was answered."""
    others = {other: processes.pid(other) for other in PROCESS_NAMES if other != name}
    traffic = Traffic(api.url, world, rate_per_s=20, concurrency=16, timeout_s=15)
    running = asyncio.create_task(traffic.run(4.0 + down_s))
    await asyncio.sleep(2.0)
    killed_at = time.monotonic()
    await asyncio.to_thread(processes.kill, name)
    await asyncio.sleep(down_s)
    back_at = time.monotonic()
    await asyncio.to_thread(processes.start, name)
    await running
    await until_serving(traffic)
    print(f"\n{name} killed for {down_s:g} s: {sorted(traffic.statuses().items())}")

    mine = {op for op, service in SERVED_BY.items() if service == name}
    assert [a for a in traffic.answers if a.status == 0] == []  # the gateway never left a request hanging
    assert traffic.refusals(PROXY_UNAVAILABLE, ops=mine) == []
    assert traffic.refusals(frozenset(), ops=set(SERVED_BY) - mine) == []  # the others kept serving
    dead = traffic.between(killed_at + 0.5, back_at)
    assert any(a.status in PROXY_UNAVAILABLE for a in dead.answers if a.op in mine), (
        "nothing met the dead process"
    )
    if name != "loan_match":
        assert any(name in a.degraded for a in dead.answers if a.op == "query")
    assert [a.degraded for a in traffic.answers if a.op == "query"][-1] == ()
    assert {other: processes.pid(other) for other in others} == others  # nothing else was restarted
    assert await missing_writes(api, world, traffic.acknowledged) == []
    return traffic


async def test_a_killed_service_is_answered_at_once_and_comes_back(
    processes: Processes, world: tuple[Api, World, Receiver]
) -> None:
    api, w, receiver = world
    await _kill_under_load(processes, api, w, "guarantee", 3.0)
    await backlog_drains(api, w, {_sub(w): receiver})


async def test_the_gateway_killed_while_services_send_webhooks(
    processes: Processes, world: tuple[Api, World, Receiver]
) -> None:
    api, w, receiver = world
    slow = Receiver(respond=_slowly)
    try:
        created = await api.call(w.bank, "POST", "/v1/credit/subscriptions", json={"url": slow.url})
        assert created.status_code == 201, created.text
        upload = await api.call(
            w.tax, "POST", "/v1/credit/ratings", json={"items": [item() for _ in range(40)]}
        )
        assert upload.status_code == 200, upload.text
        await eventually(lambda: _received(slow, 1))
        others = {name: processes.pid(name) for name in SERVICE_NAMES}

        processes.kill("gateway")
        sent_while_down = len(slow.received)
        await eventually(lambda: _received(slow, sent_while_down + 5))  # the dispatcher goes on
        credit = Direct(processes.url("credit_push"))
        try:
            feed = await credit.call("bank", w.bank.org_id, "GET", "/v1/credit/feed", params={"limit": 10})
            assert feed.status_code == 200  # services answer on their own ports
        finally:
            await credit.aclose()
        await asyncio.sleep(1.0)  # bank discovery meets the dead gateway a few times
        await asyncio.to_thread(processes.start, "gateway")

        assert {name: processes.pid(name) for name in SERVICE_NAMES} == others
        traffic = Traffic(api.url, w)
        await until_serving(traffic)
        newcomer = await api.org("bank")  # discovered again: a new bank is sent the A list

        async def newcomer_feed() -> bool:
            got = await api.call(newcomer, "GET", "/v1/credit/feed", params={"limit": 10})
            return got.status_code == 200 and bool(got.json()["items"])

        await eventually(newcomer_feed, within_s=60)
        assert await missing_writes(api, w, traffic.acknowledged) == []
        await backlog_drains(api, w, {_sub(w): receiver, str(created.json()["id"]): slow})
    finally:
        slow.stop()


def _slowly(_: int) -> int:
    time.sleep(0.2)
    return 200


async def _received(receiver: Receiver, n: int) -> bool:
    return len(receiver.received) >= n


@pytest.mark.faults
async def test_each_process_killed_in_turn_under_load(
    processes: Processes, world: tuple[Api, World, Receiver]
) -> None:
    api, w, receiver = world
    for name in SERVICE_NAMES:
        await _kill_under_load(processes, api, w, name, SCALE)
    await backlog_drains(api, w, {_sub(w): receiver})


def _sub(world: World) -> str:
    assert world.subscription is not None
    return str(world.subscription["id"])
