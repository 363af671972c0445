"""Matching estimates the current year's interest subsidies (CONTRACT §6): a match gains
`estimated_subsidy_fen`, its total cost subtracts it and the ranking follows; once the
enterprise has used its annual cap, the estimate drops. Other tests publish province-wide
programmes that would add to these estimates, so this module runs on a stack of its own."""

from __future__ import annotations

from typing import Any

import pytest

from kit.shapes import business_today
from tests.support.api import Actor, Api
from tests.support.loan_match import WAN, of_bank, publish, put_profile, query
from tests.support.programmes import YUAN, claim_body, create_programme, decide, file_claim, ip_interest_body
from tests.support.stack import Stack


@pytest.fixture(scope="module")
def stack(own_stack: Stack) -> Stack:
    return own_stack


def by_type(result: dict[str, Any], bank: Actor) -> dict[str, dict[str, Any]]:
    return {m["product_type"]: m for m in of_bank(result["matches"], bank)}


async def test_the_estimate_ranks_and_drops_once_the_cap_is_used(api: Api) -> None:
    year = business_today().year
    manager, bank, app = await api.org("fund_manager"), await api.org("bank"), await api.org("partner_app")
    eligible = {"product_types": ["collateral"], "collateral": ["ip"], "region_codes": ["620500"]}
    body = ip_interest_body(year=year, cap_per_enterprise_year_fen=20_000 * YUAN, eligible=eligible)
    created = await create_programme(api, manager, body)
    await publish(api, bank, product_type="pure_credit", annual_rate_bp=400)
    await publish(api, bank, product_type="collateral", annual_rate_bp=500, accepted_collateral=["ip"])
    uscc = (await put_profile(api, app, region_code="620502", collateral=["ip"]))["uscc"]

    before = by_type(await query(api, app, uscc, amount_fen=100 * WAN, term_months=12), bank)
    pledge, credit = before["collateral"], before["pure_credit"]
    assert pledge["estimated_interest_fen"] == 50_000 * YUAN
    assert pledge["estimated_subsidy_fen"] == 20_000 * YUAN  # half would be 25,000: the cap binds
    assert pledge["estimated_total_cost_fen"] == 30_000 * YUAN
    assert credit["estimated_subsidy_fen"] == 0 and credit["estimated_total_cost_fen"] == 40_000 * YUAN
    ranked = [m["product_type"] for m in of_bank((await query(api, app, uscc))["matches"], bank)]
    assert ranked == ["collateral", "pure_credit"]

    period = {"period_from": f"{year}-01-01", "period_to": f"{year}-01-31"}
    claim = await file_claim(api, bank, created["id"], claim_body(uscc, bank.org_id, 30_000 * YUAN, **period))
    assert (await decide(api, manager, claim["id"], decision="approved")).json()["paid_fen"] == 15_000 * YUAN
    half_used = by_type(await query(api, app, uscc), bank)["collateral"]
    assert half_used["estimated_subsidy_fen"] == 5_000 * YUAN

    claim = await file_claim(api, bank, created["id"], claim_body(uscc, bank.org_id, 30_000 * YUAN, **period))
    assert (await decide(api, manager, claim["id"], decision="approved")).json()["paid_fen"] == 5_000 * YUAN
    after = await query(api, app, uscc)
    assert by_type(after, bank)["collateral"]["estimated_subsidy_fen"] == 0
    assert [m["product_type"] for m in of_bank(after["matches"], bank)] == ["pure_credit", "collateral"]


async def test_an_enterprise_outside_the_programme_gets_no_estimate(api: Api) -> None:
    year = business_today().year
    manager, bank, app = await api.org("fund_manager"), await api.org("bank"), await api.org("partner_app")
    eligible = {"collateral": ["ip"], "region_codes": ["620600"]}
    await create_programme(api, manager, ip_interest_body(year=year, eligible=eligible))
    await publish(api, bank, product_type="collateral", accepted_collateral=["ip", "receivables"])
    outside = (await put_profile(api, app, region_code="620602", collateral=["receivables"]))["uscc"]
    inside = (await put_profile(api, app, region_code="620602", collateral=["ip"]))["uscc"]
    assert [
        m["estimated_subsidy_fen"] for m in of_bank((await query(api, app, outside))["matches"], bank)
    ] == [0]
    assert [
        m["estimated_subsidy_fen"] > 0 for m in of_bank((await query(api, app, inside))["matches"], bank)
    ] == [True]
