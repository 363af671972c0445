"""A bank's first day: the A list in the feed, a subscription, a signed webhook."""

from __future__ import annotations

import json

from standardwebhooks.webhooks import Webhook

from tests.support.api import Api
from tests.support.credit_push import Receiver, eventually, feed_all, item, upload


async def test_first_day(api: Api) -> None:
    tax = await api.org("tax_authority")
    first = item(rating="A")
    assert (await upload(api, tax, [first]))["accepted"] == 1
    bank = await api.org("bank")
    events = await eventually(lambda: _published(api, bank, first["uscc"]))
    assert events[0]["data"]["rating"] == "A"

    receiver = Receiver()
    sub = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": receiver.url})
    assert sub.status_code == 201, sub.text
    second = item(rating="A")
    await upload(api, tax, [second])
    await eventually(lambda: _async(len(receiver.received) >= 1))
    got = receiver.received[0]
    payload = Webhook(sub.json()["secret"]).verify(got.body, got.headers)
    assert payload["data"]["uscc"] == second["uscc"]
    feed = await feed_all(api, bank)
    assert json.loads(got.body) in feed
    receiver.stop()


async def _async(value: bool) -> bool:
    return value


async def _published(api: Api, bank, uscc):  # type: ignore[no-untyped-def]
    return [e for e in await feed_all(api, bank) if e["data"]["uscc"] == uscc]
