"""Every process runs as N replicas on one database (issue 12.4): two gateways, two credit_push
and two guarantee processes.

Gateway A routes to the stack's credit_push and guarantee, gateway B to a second credit_push and a
second guarantee, both on the stack's database; each credit_push runs its own webhook dispatcher.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from tests.support.api import Actor, Api
from tests.support.credit_push import eventually, item
from tests.support.guarantee import G, chain, exposure_body, position, slug
from tests.support.limits import assert_failed_key_limit_shared, assert_rate_limit_shared
from tests.support.receiver import Receiver
from tests.support.stack import Stack

RATE, BURST_S, FAILED_LIMIT = 5.0, 30.0, 45


@dataclass
class Replicas:
    gateways: tuple[str, str]

    def gateway(self, n: int) -> str:
        return self.gateways[n % 2]


@pytest.fixture(scope="module")
def replicas(stack: Stack) -> Iterator[Replicas]:
    stops: list[Callable[[], None]] = []
    try:
        credit_push, stop = stack.spawn("credit_push")
        stops.append(stop)
        guarantee, stop = stack.spawn("guarantee")
        stops.append(stop)
        limits = {"rate_limit_per_s": RATE, "rate_limit_burst_s": BURST_S, "failed_auth_limit": FAILED_LIMIT}
        a, stop = stack.spawn("gateway", **limits)
        stops.append(stop)
        b, stop = stack.spawn("gateway", credit_push_url=credit_push, guarantee_url=guarantee, **limits)
        stops.append(stop)
        yield Replicas((a, b))
    finally:
        for stop in reversed(stops):
            stop()


async def _call(url: str, actor: Actor, method: str, path: str, **kwargs: Any) -> httpx.Response:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        return await client.request(method, path, headers=actor.headers, **kwargs)


async def test_each_webhook_delivery_is_sent_once_with_two_dispatchers(api: Api, replicas: Replicas) -> None:
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    receiver = Receiver()
    try:
        created = await _call(
            replicas.gateway(0), bank, "POST", "/v1/credit/subscriptions", json={"url": receiver.url}
        )
        assert created.status_code == 201, created.text
        secret = created.json()["secret"]
        batches = [[item(rating="A") for _ in range(20)] for _ in range(6)]
        for n, batch in enumerate(batches):  # uploads through both credit_push replicas
            uploaded = await _call(
                replicas.gateway(n), tax, "POST", "/v1/credit/ratings", json={"items": batch}
            )
            assert uploaded.status_code == 200, uploaded.text
        mine = {rating["uscc"] for batch in batches for rating in batch}
        webhook = Webhook(secret)

        async def all_mine_arrived() -> list[dict[str, Any]] | None:
            payloads = [webhook.verify(r.body, r.headers) for r in list(receiver.received)]
            got = [p for p in payloads if p["data"]["uscc"] in mine]
            return got if len({p["data"]["uscc"] for p in got}) == len(mine) else None

        await eventually(all_mine_arrived, within_s=60.0)
        # Both dispatchers claim from the same outbox: what one leased the other never sends.
        await asyncio.sleep(1.0)
        ids = Counter(r.headers["webhook-id"] for r in receiver.received)
        assert [webhook_id for webhook_id, n in ids.items() if n > 1] == []
        assert all(status == 200 for status in receiver.statuses)
    finally:
        receiver.stop()


async def test_limits_stay_exact_with_registrations_on_both_guarantee_replicas(
    api: Api, replicas: Replicas
) -> None:
    # Capacity 1,000,000 fen; each loan weighs 100,000 (125,000 x 80%): exactly 10 fit.
    c = await chain(api, net_assets_fen=1_000_000, leverage_multiple=1)
    bodies = [exposure_body(c, principal_fen=125_000, small_micro=False) for _ in range(40)]
    answers = await asyncio.gather(
        *(
            _call(replicas.gateway(n), c.local.actor, "POST", f"{G}/exposures", json=body)
            for n, body in enumerate(bodies)
        )
    )
    accepted = [a for a in answers if a.status_code == 201]
    assert len(accepted) == 10
    assert {(a.status_code, slug(a)) for a in answers if a.status_code != 201} == {
        (409, "leverage-limit-exceeded")
    }
    # Both replicas accepted some: the row lock, not one process's memory, kept the limit.
    by_gateway = Counter(n % 2 for n, a in enumerate(answers) if a.status_code == 201)
    assert set(by_gateway) <= {0, 1} and sum(by_gateway.values()) == 10
    pos = await position(api, c.local)
    assert (pos["liability_fen"], pos["headroom_fen"], pos["active_exposures"]) == (1_000_000, 0, 10)


async def test_the_rate_limit_and_the_failed_key_limit_are_shared_by_both_gateways(
    stack: Stack, api: Api, replicas: Replicas
) -> None:
    limited, other = await api.org("bank"), await api.org("bank")
    await assert_rate_limit_shared(stack.database_url, replicas.gateways, limited, RATE, BURST_S)
    # ``other`` has its own rate: the failed-key lockout still lets a valid key through.
    await assert_failed_key_limit_shared(stack.database_url, replicas.gateways, other, FAILED_LIMIT)
