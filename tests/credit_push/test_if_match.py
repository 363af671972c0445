"""If-Match on PATCH /v1/credit/subscriptions/{id} (CONTRACT §1 "Concurrency"): two clients of
one bank editing a subscription cannot silently overwrite each other."""

from __future__ import annotations

from tests.support.api import Api


async def test_a_stale_etag_is_412_and_changes_nothing(api: Api) -> None:
    bank = await api.org("bank")
    created = await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": "http://127.0.0.1:9/a"})
    assert created.status_code == 201, created.text
    path = f"/v1/credit/subscriptions/{created.json()['id']}"
    etag = (await api.call(bank, "GET", path)).headers["etag"]

    first = await api.call(bank, "PATCH", path, json={"status": "paused"}, headers={"If-Match": etag})
    assert first.status_code == 200, first.text
    second = await api.call(
        bank, "PATCH", path, json={"url": "http://127.0.0.1:9/b"}, headers={"If-Match": etag}
    )
    assert second.status_code == 412
    assert second.json()["type"].endswith("/precondition-failed")
    now = await api.call(bank, "GET", path)
    assert (now.json()["url"], now.json()["status"]) == ("http://127.0.0.1:9/a", "paused")

    fresh = await api.call(
        bank, "PATCH", path, json={"status": "active"}, headers={"If-Match": now.headers["etag"]}
    )
    assert fresh.status_code == 200 and fresh.json()["status"] == "active"
    assert (await api.call(bank, "PATCH", path, json={"status": "paused"})).status_code == 200
