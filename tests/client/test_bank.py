"""A bank with finmatch-client: subscribe, verify webhooks with the helper, read the feed and resume."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from finmatch_client import (
    AsyncFinmatch,
    EventOut,
    FileCursorStore,
    ProblemError,
    WebhookEvent,
    WebhookReceiver,
)
from finmatch_client.generated.models.subscription_created import SubscriptionCreated

from tests.client.conftest import ClientFor
from tests.support.api import Api
from tests.support.credit_push import eventually, item
from tests.support.receiver import Received, Receiver


@pytest.fixture
def receiver() -> Any:
    running = Receiver()
    yield running
    running.stop()


def about(received: list[Received], usccs: set[str]) -> list[Received]:
    return [r for r in received if json.loads(r.body)["data"]["uscc"] in usccs]


async def test_webhooks_verify_and_stale_ones_are_dropped(
    api: Api, client_for: ClientFor, receiver: Receiver
) -> None:
    tax, bank = client_for(await api.org("tax_authority")), client_for(await api.org("bank"))
    sub = SubscriptionCreated.from_dict(await bank.post("/v1/credit/subscriptions", {"url": receiver.url}))
    assert sub.secret.startswith("whsec_")
    first, second = item(rating="A"), item(rating="A")
    await tax.post("/v1/credit/ratings", {"items": [first, second]})
    await tax.post("/v1/credit/ratings", {"items": [{**first, "rating": "C"}]})  # first leaves the push set
    mine = {first["uscc"], second["uscc"]}

    async def three() -> list[Received] | None:
        got = about(receiver.received, mine)
        return got if len(got) >= 3 else None

    deliveries = sorted(await eventually(three), key=lambda r: json.loads(r.body)["seq"], reverse=True)
    hook = WebhookReceiver([sub.secret])
    applied: list[WebhookEvent] = []
    # Newest first: the older `published` of the first enterprise arrives after its `withdrawn`.
    handled = [hook.receive(d.headers, d.body, applied.append) for d in deliveries]
    assert handled == [True, True, False] or handled == [True, False, True]
    by_uscc = {event.uscc: event.type for event in applied}
    assert by_uscc == {first["uscc"]: "credit.rating.withdrawn", second["uscc"]: "credit.rating.published"}
    assert not hook.receive(deliveries[0].headers, deliveries[0].body, applied.append)  # a redelivery


async def test_rotation_is_verified_with_either_secret(
    api: Api, client_for: ClientFor, receiver: Receiver
) -> None:
    tax, bank = client_for(await api.org("tax_authority")), client_for(await api.org("bank"))
    sub = SubscriptionCreated.from_dict(await bank.post("/v1/credit/subscriptions", {"url": receiver.url}))
    rotated = await bank.post(f"/v1/credit/subscriptions/{sub.id}/rotate-secret")
    enterprise = item(rating="A")
    await tax.post("/v1/credit/ratings", {"items": [enterprise]})

    async def one() -> list[Received] | None:
        return about(receiver.received, {enterprise["uscc"]}) or None

    delivery = (await eventually(one))[0]
    for secrets in ([sub.secret], [rotated["secret"]], [rotated["secret"], sub.secret]):
        assert WebhookReceiver(secrets).verify(delivery.headers, delivery.body).uscc == enterprise["uscc"]


async def read(
    client: AsyncFinmatch, store: FileCursorStore, stop_after: int | None = None
) -> list[EventOut]:
    events: list[EventOut] = []
    async for event in client.iter_feed(store, limit=2):
        events.append(event)
        if stop_after is not None and len(events) == stop_after:
            break
    return events


async def test_the_feed_is_iterated_and_resumed_from_a_file(
    api: Api, client_for: ClientFor, tmp_path: Path
) -> None:
    tax, bank_actor = client_for(await api.org("tax_authority")), await api.org("bank")
    bank = client_for(bank_actor)
    enterprises = [item(rating="A") for _ in range(5)]
    await tax.post("/v1/credit/ratings", {"items": enterprises})
    mine = {e["uscc"] for e in enterprises}

    async def all_mine() -> list[EventOut] | None:
        events = [e async for e in bank.iter_feed(limit=1000)]
        return events if mine <= {str(e.data["uscc"]) for e in events} else None

    await eventually(all_mine)
    store = FileCursorStore(tmp_path / "feed.cursor")
    before = await read(bank, store, stop_after=3)
    # A new process: a new client, the same file. With pages of 2, the third event's page is read again.
    async with AsyncFinmatch(api.url, bank_actor.key) as restarted:
        after = await read(restarted, store)
    assert store.load() is not None
    assert after[0].seq == before[2].seq
    resumed = before[:2] + after
    assert [e.seq for e in resumed] == sorted({e.seq for e in resumed})
    everything = [e async for e in bank.iter_feed(limit=1000)]
    assert [e.id for e in everything[: len(resumed)]] == [e.id for e in resumed]
    # Caught up: reading on from the stored cursor repeats nothing already read.
    again = await read(bank, store)
    assert all(e.seq > resumed[-1].seq for e in again)


async def test_lists_are_iterated_and_problems_are_typed(
    api: Api, client_for: ClientFor, receiver: Receiver
) -> None:
    bank = client_for(await api.org("bank"))
    for n in range(3):
        await bank.post("/v1/credit/subscriptions", {"url": f"{receiver.url}/{n}"})
    urls = [s["url"] async for s in bank.iter_items("/v1/credit/subscriptions", limit=2)]
    assert urls == [f"{receiver.url}/{n}" for n in range(3)]
    with pytest.raises(ProblemError) as raised:
        await bank.post("/v1/credit/subscriptions", {"url": "ftp://example.com/hook"})
    assert raised.value.status == 422 and raised.value.slug == "unsafe-webhook-url"
    assert raised.value.request_id and raised.value.title
