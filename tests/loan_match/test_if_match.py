"""If-Match on PATCH /v1/match/products/{id} (CONTRACT §1 "Concurrency"): the ETag a GET sends
is the one a PATCH must name; a stale one is 412 and changes nothing."""

from __future__ import annotations

from tests.support.api import Api
from tests.support.loan_match import publish


async def test_a_stale_etag_is_412_and_changes_nothing(api: Api) -> None:
    bank = await api.org("bank")
    product = await publish(api, bank)
    path = f"/v1/match/products/{product['id']}"
    etag = (await api.call(bank, "GET", path)).headers["etag"]

    first = await api.call(bank, "PATCH", path, json={"annual_rate_bp": 399}, headers={"If-Match": etag})
    assert first.status_code == 200, first.text
    second = await api.call(bank, "PATCH", path, json={"annual_rate_bp": 350}, headers={"If-Match": etag})
    assert second.status_code == 412
    assert second.json()["type"].endswith("/precondition-failed")
    now = await api.call(bank, "GET", path)
    assert now.json()["annual_rate_bp"] == 399

    fresh = await api.call(
        bank, "PATCH", path, json={"annual_rate_bp": 350}, headers={"If-Match": now.headers["etag"]}
    )
    assert fresh.status_code == 200 and fresh.json()["annual_rate_bp"] == 350
    weak = await api.call(
        bank, "PATCH", path, json={"annual_rate_bp": 360}, headers={"If-Match": "W/" + now.headers["etag"]}
    )
    assert weak.status_code == 412  # If-Match compares strongly (RFC 9110 §13.1.1)
