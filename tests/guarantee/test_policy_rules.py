"""CONTRACT §4 policy rules through the gateway: weights by the client's 单户在保余额, the national
fund's single-client scope, the order of the checks, and capacity agreeing with registration."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from kit.money import yuan
from services.guarantee.rules import allocation
from tests.support.api import Api, make_uscc
from tests.support.guarantee import (
    SHARES_2422,
    Chain,
    G,
    capacity,
    chain,
    position,
    register,
    registered,
    slug,
)
from tests.support.principals import as_service
from tests.support.stack import Stack


async def weights_of(api: Api, c: Chain, uscc: str) -> list[int]:
    listed = await api.call(c.local.actor, "GET", f"{G}/exposures", params={"uscc": uscc, "status": "active"})
    return [e["weighted_liability_fen"] for e in listed.json()["items"]]


async def repay(
    api: Api, c: Chain, exposure: dict[str, Any], amount_fen: int, on: str = "2026-06-01"
) -> None:
    url = f"{G}/exposures/{exposure['id']}/repayments"
    paid = await api.call(c.local.actor, "POST", url, json={"amount_fen": amount_fen, "paid_on": on})
    assert paid.status_code == 200, paid.text


async def test_the_clients_balance_decides_the_weight_of_each_of_its_loans(api: Api) -> None:
    c = await chain(api, net_assets_fen=yuan(100_000_000))
    client = make_uscc()
    first = await registered(api, c, uscc=client, principal_fen=yuan(3_000_000))
    assert first["weighted_liability_fen"] == yuan(1_800_000)  # 75% of 2.4m: balance 3m
    await registered(api, c, uscc=client, principal_fen=yuan(2_000_000))
    assert await weights_of(api, c, client) == [yuan(1_800_000), yuan(1_200_000)]  # 5m: still 75%
    third = await registered(api, c, uscc=client, principal_fen=yuan(1_000_000))
    # 6m > 500万: every loan of the client weighs 100% now, the earlier ones included.
    assert await weights_of(api, c, client) == [yuan(2_400_000), yuan(1_600_000), yuan(800_000)]
    assert (await position(api, c.local))["liability_fen"] == yuan(4_800_000)
    await repay(api, c, third, yuan(1_000_000))  # back to 5m: 75% again
    assert await weights_of(api, c, client) == [yuan(1_800_000), yuan(1_200_000)]
    assert (await position(api, c.local))["liability_fen"] == yuan(3_000_000)
    other = await registered(api, c, principal_fen=yuan(6_000_000))  # another client, alone above 5m
    assert other["weighted_liability_fen"] == yuan(4_800_000)
    url = f"{G}/exposures/{first['id']}/default"
    assert (
        await api.call(c.local.actor, "POST", url, json={"defaulted_on": "2026-07-01"})
    ).status_code == 200
    assert await weights_of(api, c, client) == [yuan(1_200_000)]
    assert (await position(api, c.local))["liability_fen"] == yuan(1_200_000 + 4_800_000)


async def test_the_single_client_policy_scope_counts_the_clients_principal(api: Api) -> None:
    c = await chain(api, net_assets_fen=yuan(1_000_000_000))
    client = make_uscc()
    loans = [await registered(api, c, uscc=client, principal_fen=yuan(3_000_000)) for _ in range(3)]
    at_scope = await registered(api, c, uscc=client, principal_fen=yuan(1_000_000))  # 1000万 exactly
    over = await register(api, c, uscc=client, principal_fen=1)
    assert (over.status_code, slug(over), over.json()["limit_fen"]) == (
        422,
        "outside-policy-scope",
        yuan(10_000_000),
    )
    # Repaid loans leave the client's principal; a partly repaid one keeps its whole principal.
    await repay(api, c, loans[0], yuan(2_999_999))
    assert (await register(api, c, uscc=client, principal_fen=1)).status_code == 422
    await repay(api, c, loans[0], yuan(1))
    again = await register(api, c, uscc=client, principal_fen=yuan(3_000_000))
    assert again.status_code == 201, again.text
    assert at_scope["agri"] is False


async def test_checks_run_in_order_scope_duplicate_leverage_single_client(api: Api) -> None:
    c = await chain(api, net_assets_fen=1_000_000, leverage_multiple=1)  # capacity 1m; one client 100k
    taken = await registered(api, c, principal_fen=125_000, small_micro=False)  # weighs 100,000
    same = {"loan_ref": taken["loan_ref"]}
    scope = await register(api, c, principal_fen=yuan(10_000_000) + 1, **same)
    assert (scope.status_code, slug(scope)) == (422, "outside-policy-scope")
    duplicate = await register(api, c, principal_fen=yuan(10_000_000), **same)  # would break leverage too
    assert (duplicate.status_code, slug(duplicate)) == (409, "duplicate-loan")
    quiet = await register(api, c, principal_fen=125_000, small_micro=False, **same)  # would pass limits
    assert (quiet.status_code, slug(quiet)) == (409, "duplicate-loan")
    leverage = await register(api, c, uscc=taken["uscc"], principal_fen=yuan(20_000), small_micro=False)
    assert slug(leverage) == "leverage-limit-exceeded"
    body = leverage.json()
    assert (body["limit_fen"], body["current_fen"], body["requested_fen"]) == (
        1_000_000,
        100_000,
        yuan(16_000),
    )


async def test_agri_business_counts_as_policy_business(api: Api) -> None:
    c = await chain(api, net_assets_fen=yuan(100_000_000))
    await registered(api, c, principal_fen=yuan(1_000_000), small_micro=False, agri=True)
    await registered(api, c, principal_fen=yuan(1_000_000), small_micro=False)
    summary = (await api.call(c.provincial.actor, "GET", f"{G}/reports/summary")).json()
    assert summary["small_micro_agri_share_bp"] == 5000
    listed = (await api.call(c.local.actor, "GET", f"{G}/exposures")).json()["items"]
    assert [e["agri"] for e in listed] == [True, False]


def amount_for(guaranteed_fen: int) -> int:
    """The principal whose 2:4:2:2 guaranteed part is exactly ``guaranteed_fen``."""
    amount = max(1, guaranteed_fen * 10_000 // 8_000 - 2)
    while allocation.figures(amount, SHARES_2422).guaranteed_fen < guaranteed_fen:
        amount += 1
    assert allocation.figures(amount, SHARES_2422).guaranteed_fen == guaranteed_fen
    return amount


async def agrees(api: Api, stack: Stack, c: Chain, uscc: str, amount: int, small_micro: bool) -> str:
    """Ask capacity for the loan, then register it: both must say the same. Answers the slug (or 201)."""
    asked = await capacity(
        stack.url("guarantee"),
        bank_org_id=c.bank.org_id,
        amount_fen=amount,
        uscc=uscc,
        small_micro=str(small_micro).lower(),
    )
    [mine] = [g for g in asked["guarantors"] if g["guarantor_id"] == c.local.id]
    assert mine["guaranteed_fen"] == allocation.figures(amount, SHARES_2422).guaranteed_fen
    done = await register(api, c, uscc=uscc, principal_fen=amount, small_micro=small_micro)
    assert mine["sufficient"] == (done.status_code == 201), done.text
    return "201" if done.status_code == 201 else slug(done)


async def test_capacity_and_registration_agree_at_the_leverage_limit(api: Api, stack: Stack) -> None:
    c = await chain(api, net_assets_fen=1_000_000, leverage_multiple=1)  # capacity 1,000,000
    for _ in range(9):
        await registered(api, c, principal_fen=125_000, small_micro=False)  # 900,000 in all
    assert await agrees(api, stack, c, make_uscc(), amount_for(100_001), False) == "leverage-limit-exceeded"
    assert await agrees(api, stack, c, make_uscc(), amount_for(100_000), False) == "201"  # exactly at it
    assert await agrees(api, stack, c, make_uscc(), amount_for(1), False) == "leverage-limit-exceeded"


async def test_capacity_and_registration_agree_at_the_single_client_cap(api: Api, stack: Stack) -> None:
    c = await chain(api, net_assets_fen=10_000_000)  # one client at most 1,000,000
    client = make_uscc()
    for _ in range(9):
        await registered(api, c, uscc=client, principal_fen=125_000, small_micro=False)
    assert await agrees(api, stack, c, client, amount_for(100_001), False) == "single-client-limit-exceeded"
    assert await agrees(api, stack, c, client, amount_for(100_000), False) == "201"
    assert await agrees(api, stack, c, make_uscc(), amount_for(100_000), False) == "201"  # another client


async def test_capacity_and_registration_agree_when_a_client_crosses_5m(api: Api, stack: Stack) -> None:
    c = await chain(api, net_assets_fen=yuan(30_000_000))  # one client at most 3,000,000 yuan
    client = make_uscc()
    await registered(api, c, uscc=client, principal_fen=yuan(4_000_000))  # weighs 2.4m (75%)
    # To 5m: 2.4m + 0.6m = 3.0m, exactly the cap.
    assert await agrees(api, stack, c, client, yuan(1_000_000), True) == "201"
    # One yuan more lifts the client over 500万: 3.2m + 0.8m + 80 fen, though the loan alone weighs 60 fen.
    assert await agrees(api, stack, c, client, 100, True) == "single-client-limit-exceeded"
    refused = await register(api, c, uscc=client, principal_fen=100)
    assert (refused.json()["current_fen"], refused.json()["requested_fen"]) == (
        yuan(3_000_000),
        yuan(1_000_000) + 80,
    )


async def test_old_capacity_form_and_bad_queries(api: Api, stack: Stack) -> None:
    c = await chain(api)
    got = await capacity(stack.url("guarantee"), bank_org_id=c.bank.org_id, guaranteed_fen=1)
    assert [g["sufficient"] for g in got["guarantors"]] == [True]
    url = stack.url("guarantee") + "/internal/guarantee/capacity"
    async with httpx.AsyncClient() as client:
        queries: list[dict[str, Any]] = [
            {},
            {"amount_fen": 1, "uscc": make_uscc()},
            {"guaranteed_fen": 1, "amount_fen": 1},
        ]
        for params in queries:
            bad = await client.get(url, params={"bank_org_id": c.bank.org_id, **params}, auth=as_service())
            assert (bad.status_code, slug(bad)) == (422, "invalid-capacity-query")


async def test_concurrent_registrations_lifting_a_client_over_5m_stay_within_the_cap(api: Api) -> None:
    # One client, cap 5,000,000 yuan. k loans of 1m: 0.6m each up to 5 (3.0m), then all at 100%:
    # 6 loans weigh 4.8m, 7 would weigh 5.6m. Exactly 6 pass, and the first five are re-weighed.
    c = await chain(api, net_assets_fen=yuan(50_000_000))
    client = make_uscc()
    responses = await asyncio.gather(
        *(register(api, c, uscc=client, principal_fen=yuan(1_000_000)) for _ in range(16))
    )
    assert sum(r.status_code == 201 for r in responses) == 6
    assert {slug(r) for r in responses if r.status_code != 201} == {"single-client-limit-exceeded"}
    assert await weights_of(api, c, client) == [yuan(800_000)] * 6
    assert (await position(api, c.local))["liability_fen"] == yuan(4_800_000)
