"""Limits that never break: many registrations at once against a small capacity, and idempotency races."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from tests.support.api import Api, make_uscc
from tests.support.guarantee import G, agreement, chain, exposure_body, position, register, registered, slug

PARALLEL = 40


def problem(response: httpx.Response) -> dict[str, Any]:
    body: dict[str, Any] = response.json()
    return body


async def test_parallel_registrations_never_pass_the_leverage_limit(api: Api) -> None:
    # Capacity 1,000,000 fen (net assets 1,000,000 x 1); each loan weighs 100,000 fen
    # (125,000 x 80% guaranteed, not small-micro), one client each: exactly 10 fit.
    c = await chain(api, net_assets_fen=1_000_000, leverage_multiple=1)
    responses = await asyncio.gather(
        *(register(api, c, principal_fen=125_000, small_micro=False) for _ in range(PARALLEL))
    )
    accepted = [r for r in responses if r.status_code == 201]
    refused = [r for r in responses if r.status_code != 201]
    assert len(accepted) == 10
    assert {(r.status_code, slug(r)) for r in refused} == {(409, "leverage-limit-exceeded")}
    for r in refused:
        body = problem(r)
        assert (body["limit_fen"], body["current_fen"], body["requested_fen"]) == (
            1_000_000,
            1_000_000,
            100_000,
        )
    pos = await position(api, c.local)
    assert (pos["liability_fen"], pos["headroom_fen"], pos["active_exposures"]) == (1_000_000, 0, 10)


async def test_parallel_registrations_never_pass_the_single_client_limit(api: Api) -> None:
    # Net assets 10,000,000 fen: capacity 100,000,000, one client at most 1,000,000 (10%).
    c = await chain(api, net_assets_fen=10_000_000)
    client = make_uscc()
    responses = await asyncio.gather(
        *(register(api, c, uscc=client, principal_fen=125_000, small_micro=False) for _ in range(PARALLEL))
    )
    assert sum(r.status_code == 201 for r in responses) == 10
    refused = [r for r in responses if r.status_code != 201]
    assert {slug(r) for r in refused} == {"single-client-limit-exceeded"}
    assert {(problem(r)["limit_fen"], problem(r)["current_fen"]) for r in refused} == {(1_000_000, 1_000_000)}
    listed = await api.call(c.local.actor, "GET", f"{G}/exposures", params={"uscc": client, "limit": 100})
    assert sum(e["weighted_liability_fen"] for e in listed.json()["items"]) == 1_000_000
    # Another client still fits.
    assert (await register(api, c, principal_fen=125_000, small_micro=False)).status_code == 201


async def test_leverage_is_checked_before_single_client_and_refusals_change_nothing(api: Api) -> None:
    c = await chain(
        api, net_assets_fen=1_000_000, leverage_multiple=1
    )  # capacity 1,000,000; one client 100,000
    loans = [await registered(api, c, principal_fen=125_000, small_micro=False) for _ in range(10)]
    before = await position(api, c.local)
    assert before["headroom_fen"] == 0
    both = await register(api, c, uscc=loans[0]["uscc"], principal_fen=5, small_micro=False)
    assert (both.status_code, slug(both)) == (409, "leverage-limit-exceeded")
    assert await position(api, c.local) == before
    # Repaying frees capacity at once; then the single-client limit is what refuses.
    url = f"{G}/exposures/{loans[1]['id']}/repayments"
    paid = await api.call(c.local.actor, "POST", url, json={"amount_fen": 125_000, "paid_on": "2026-03-01"})
    assert paid.status_code == 200
    client = await register(api, c, uscc=loans[0]["uscc"], principal_fen=5, small_micro=False)
    assert (slug(client), problem(client)["current_fen"], problem(client)["requested_fen"]) == (
        "single-client-limit-exceeded",
        100_000,
        4,
    )


async def test_same_idempotency_key_at_once_creates_one_exposure(api: Api) -> None:
    c = await chain(api)
    body = exposure_body(c)
    headers = {"Idempotency-Key": "race-1", **c.local.actor.headers}
    responses = await asyncio.gather(
        *(api.client.post(f"{G}/exposures", json=body, headers=headers) for _ in range(20))
    )
    created = [r for r in responses if r.status_code == 201]
    assert created
    assert len({r.json()["id"] for r in created}) == 1
    assert all(slug(r) == "idempotency-key-in-use" for r in responses if r.status_code != 201)
    assert all(r.status_code in (201, 409) for r in responses)
    listed = await api.call(c.local.actor, "GET", f"{G}/exposures", params={"uscc": body["uscc"]})
    assert len(listed.json()["items"]) == 1
    replay = await api.client.post(f"{G}/exposures", json=body, headers=headers)
    assert (replay.status_code, replay.json(), replay.headers.get("Idempotent-Replayed")) == (
        201,
        created[0].json(),
        "true",
    )
    reused = await api.client.post(f"{G}/exposures", json={**body, "loan_ref": "other"}, headers=headers)
    assert (reused.status_code, slug(reused)) == (422, "idempotency-key-reused")


async def test_a_retried_repayment_is_applied_once(api: Api) -> None:
    c = await chain(api)
    e = await registered(api, c, principal_fen=10_000)
    headers = {"Idempotency-Key": "repay-1"}
    url = f"{G}/exposures/{e['id']}/repayments"
    body = {"amount_fen": 1_000, "paid_on": "2026-02-01"}
    responses = await asyncio.gather(
        *(api.call(c.local.actor, "POST", url, json=body, headers=headers) for _ in range(10))
    )
    assert {r.status_code for r in responses} <= {200, 409}
    again = await api.call(c.local.actor, "POST", url, json=body, headers=headers)
    assert again.json()["outstanding_fen"] == 9_000
    now = await api.call(c.local.actor, "GET", f"{G}/exposures/{e['id']}")
    assert now.json()["outstanding_fen"] == 9_000


async def test_the_same_bank_loan_registered_at_once_by_two_guarantors(api: Api) -> None:
    c = await chain(api)
    other = await chain(api, provincial=c.provincial)
    via_other = await agreement(api, c.bank, other.local)
    for n in range(3):
        loan_ref = f"RACE-{n}"
        responses = await asyncio.gather(
            register(api, c, loan_ref=loan_ref),
            api.call(
                other.local.actor,
                "POST",
                f"{G}/exposures",
                json=exposure_body(c, agreement_id=via_other, loan_ref=loan_ref),
            ),
        )
        assert sorted(r.status_code for r in responses) == [201, 409]
        assert [slug(r) for r in responses if r.status_code == 409] == ["duplicate-loan"]
