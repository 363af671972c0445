"""Subscriptions and signed webhooks through the real stack, to real receivers on loopback."""

from __future__ import annotations

import json
from typing import Any

import pytest
from standardwebhooks.webhooks import Webhook

from tests.support.api import Actor, Api, make_uscc
from tests.support.credit_push import Receiver, authorise, eventually, feed_all, item, upload
from tests.support.stack import Stack


async def _subscribe(api: Api, bank: Actor, url: str, **filters: Any) -> dict[str, Any]:
    response = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": url, **filters})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def _deliveries(api: Api, bank: Actor, **params: Any) -> list[dict[str, Any]]:
    response = await api.call(bank, "GET", "/v1/credit/deliveries", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


@pytest.fixture
def receiver() -> Any:
    running = Receiver()
    yield running
    running.stop()


async def test_feed_equals_webhooks_and_signatures_verify(api: Api, receiver: Receiver) -> None:
    tax, partner, bank = await api.org("tax_authority"), await api.org("partner_app"), await api.org("bank")
    sub = await _subscribe(api, bank, receiver.url)
    assert sub["secret"].startswith("whsec_")
    assert sub["status"] == "active"
    a1, a2, b1 = item(rating="A"), item(rating="A"), item(rating="B")
    await upload(api, tax, [a1, a2, b1])
    await authorise(api, partner, b1["uscc"])
    consent = await api.call(
        partner,
        "POST",
        "/v1/credit/consents",
        json={"uscc": b1["uscc"], "bank_org_id": bank.org_id, "evidence_ref": "e"},
    )
    assert consent.status_code == 201
    await upload(api, tax, [{**a1, "rating": "C"}])
    await api.call(partner, "DELETE", f"/v1/credit/consents/{consent.json()['id']}")

    mine = {a1["uscc"], a2["uscc"], b1["uscc"]}
    expected = [e for e in await feed_all(api, bank) if e["data"]["uscc"] in mine]
    assert [e["type"].rsplit(".", 1)[1] for e in expected] == [
        "published",
        "published",
        "published",
        "withdrawn",
        "withdrawn",
    ]
    await eventually(lambda: _count_at_least(receiver, len(expected)))
    webhook = Webhook(sub["secret"])
    got = []
    for received in receiver.received:
        payload = webhook.verify(received.body, received.headers)
        assert received.headers["webhook-id"] == payload["id"]
        assert received.headers["content-type"] == "application/json"
        got.append(payload)
    assert sorted(got, key=lambda e: e["seq"]) == expected
    delivered = await eventually(lambda: _all_delivered(api, bank, len(expected)))
    assert {d["event_id"] for d in delivered} == {e["id"] for e in expected}
    assert all(d["attempts"] == 1 and d["last_status_code"] == 200 for d in delivered)


async def _count_at_least(receiver: Receiver, n: int) -> bool:
    return len(receiver.received) >= n


async def _all_delivered(api: Api, bank: Actor, n: int) -> list[dict[str, Any]] | None:
    delivered = await _deliveries(api, bank, status="delivered")
    return delivered if len(delivered) >= n else None


async def test_filters_and_withdrawn_routing(api: Api) -> None:
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    only_lanzhou, only_tianshui = Receiver(), Receiver()
    try:
        await _subscribe(api, bank, only_lanzhou.url, region_codes=["620100"], min_rating="A")
        await _subscribe(api, bank, only_tianshui.url, region_codes=["620500"])
        lanzhou = item(uscc=make_uscc(region="620102"), rating="A")
        tianshui = item(uscc=make_uscc(region="620502"), rating="A")
        await upload(api, tax, [lanzhou, tianshui])
        await eventually(lambda: _count_at_least(only_lanzhou, 1))
        await eventually(lambda: _count_at_least(only_tianshui, 1))
        # Lanzhou falls to B: the subscription that holds it hears of it, then of the withdrawal.
        await upload(api, tax, [{**lanzhou, "rating": "B"}])
        await eventually(lambda: _count_at_least(only_lanzhou, 2))
        bodies = [json.loads(b) for b in only_lanzhou.bodies()]
        assert [b["data"]["uscc"] for b in bodies] == [lanzhou["uscc"]] * 2
        assert [b["type"] for b in bodies] == ["credit.rating.published", "credit.rating.withdrawn"]
        assert [json.loads(b)["data"]["uscc"] for b in only_tianshui.bodies()] == [tianshui["uscc"]]
    finally:
        only_lanzhou.stop()
        only_tianshui.stop()


async def test_rotation_signs_with_both_secrets(api: Api, receiver: Receiver) -> None:
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    sub = await _subscribe(api, bank, receiver.url)
    rotated = await api.call(bank, "POST", f"/v1/credit/subscriptions/{sub['id']}/rotate-secret")
    assert rotated.status_code == 200
    new_secret = rotated.json()["secret"]
    assert new_secret != sub["secret"]
    await upload(api, tax, [item(rating="A")])
    await eventually(lambda: _count_at_least(receiver, 1))
    got = receiver.received[0]
    assert len(got.headers["webhook-signature"].split(" ")) == 2
    for secret in (sub["secret"], new_secret):
        Webhook(secret).verify(got.body, got.headers)


async def test_gone_pauses_and_resume_delivers(api: Api) -> None:
    tax, bank = await api.org("tax_authority"), await api.org("bank")
    answers = {"status": 410}
    receiver = Receiver(respond=lambda _: answers["status"])
    try:
        sub = await _subscribe(api, bank, receiver.url)
        await upload(api, tax, [item(rating="A")])
        paused = await eventually(lambda: _status_is(api, bank, sub["id"], "paused"))
        assert "410" in paused["paused_reason"]
        failed = await _deliveries(api, bank, status="failed")
        assert [(d["attempts"], d["last_status_code"]) for d in failed] == [(1, 410)]
        # Events addressed while paused wait; resuming sends them.
        await upload(api, tax, [item(rating="A")])
        answers["status"] = 204
        resumed = await api.call(
            bank, "PATCH", f"/v1/credit/subscriptions/{sub['id']}", json={"status": "active"}
        )
        assert resumed.json()["status"] == "active"
        await eventually(lambda: _count_at_least(receiver, 2))
        retried = await api.call(bank, "POST", f"/v1/credit/deliveries/{failed[0]['id']}/retry")
        assert retried.status_code == 202
        delivered = await eventually(lambda: _all_delivered(api, bank, 2))
        assert {d["id"] for d in delivered} >= {failed[0]["id"]}
    finally:
        receiver.stop()


async def _status_is(api: Api, bank: Actor, sub_id: str, status: str) -> dict[str, Any] | None:
    body: dict[str, Any] = (await api.call(bank, "GET", f"/v1/credit/subscriptions/{sub_id}")).json()
    return body if body["status"] == status else None


async def test_subscriptions_are_private_to_their_bank(api: Api, receiver: Receiver) -> None:
    bank, other = await api.org("bank"), await api.org("bank")
    sub = await _subscribe(api, bank, receiver.url)
    for method, path in [
        ("GET", f"/v1/credit/subscriptions/{sub['id']}"),
        ("PATCH", f"/v1/credit/subscriptions/{sub['id']}"),
        ("DELETE", f"/v1/credit/subscriptions/{sub['id']}"),
        ("POST", f"/v1/credit/subscriptions/{sub['id']}/rotate-secret"),
        ("GET", "/v1/credit/subscriptions/not-a-uuid"),
    ]:
        response = await api.call(other, method, path, json={} if method == "PATCH" else None)
        assert response.status_code == 404, (method, path, response.text)
    assert (await api.call(other, "GET", "/v1/credit/subscriptions")).json()["items"] == []
    listed = (await api.call(bank, "GET", "/v1/credit/subscriptions")).json()["items"]
    assert [s["id"] for s in listed] == [sub["id"]]
    assert "secret" not in listed[0]
    partner = await api.org("partner_app")
    assert (
        await api.call(partner, "POST", "/v1/credit/subscriptions", json={"url": receiver.url})
    ).status_code == 403
    assert (await api.call(bank, "DELETE", f"/v1/credit/subscriptions/{sub['id']}")).status_code == 204
    assert (await api.call(bank, "GET", f"/v1/credit/subscriptions/{sub['id']}")).status_code == 404


async def test_webhook_urls_must_be_https_to_a_public_address(api: Api, stack: Stack) -> None:
    from tests.support.credit_push import Direct

    url, stop = stack.spawn("credit_push", webhook_allow_private=False)
    direct = Direct(url)
    bank = await api.org("bank")
    try:
        for target in [
            "http://example.com/hook",
            "https://127.0.0.1/hook",
            "https://localhost:8443/hook",
            "https://10.0.0.5/hook",
            "https://169.254.169.254/latest/meta-data",
            "https://[::1]/hook",
        ]:
            refused = await direct.call(
                "bank", bank.org_id, "POST", "/v1/credit/subscriptions", json={"url": target}
            )
            assert refused.status_code == 422, target
            assert refused.json()["type"].endswith("/unsafe-webhook-url")
        ok = await direct.call(
            "bank", bank.org_id, "POST", "/v1/credit/subscriptions", json={"url": "https://8.8.8.8/h"}
        )
        assert ok.status_code == 201
        patched = await direct.call(
            "bank",
            bank.org_id,
            "PATCH",
            f"/v1/credit/subscriptions/{ok.json()['id']}",
            json={"url": "https://10.1.1.1/"},
        )
        assert patched.status_code == 422
    finally:
        await direct.aclose()
        stop()
