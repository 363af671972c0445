"""Recipes (see ``recipes``) for guarantee's and loan_match's operations."""

from __future__ import annotations

from typing import Any

from tests.reliability.recipes import Call, _loan_ref, fixed, recipe
from tests.reliability.tenants import Tenants, ok
from tests.support.api import make_uscc
from tests.support.funds import BridgeSetup, bridge_body, loan_body
from tests.support.programmes import claim_body, ip_interest_body

G = "/v1/guarantee"
M = "/v1/match"


# §4 guarantee -----------------------------------------------------------------------------------
@recipe("POST", f"{G}/institutions")
async def _institution(t: Tenants, fresh: bool) -> Call:
    org = (await t.api.org("guarantor")).org_id if fresh else t.a.id("new_guarantor_org_id")
    body = {
        "org_id": org,
        "name": "新担保",
        "tier": "local",
        "parent_id": t.a.id("parent_id"),
        "net_assets_fen": 10**9,
    }
    return Call(f"{G}/institutions", body)


fixed("GET", f"{G}/institutions", lambda t: Call(f"{G}/institutions"))
fixed(
    "GET",
    f"{G}/institutions/{{institution_id}}",
    lambda t: Call(f"{G}/institutions/{t.a.id('institution_id')}"),
)
fixed(
    "PATCH",
    f"{G}/institutions/{{institution_id}}",
    lambda t: Call(f"{G}/institutions/{t.a.id('institution_id')}", {"net_assets_fen": 100_000_000_000}),
)
fixed(
    "GET",
    f"{G}/institutions/{{institution_id}}/position",
    lambda t: Call(f"{G}/institutions/{t.a.id('institution_id')}/position"),
)


@recipe("POST", f"{G}/agreements")
async def _agreement(t: Tenants, fresh: bool) -> Call:
    shares = {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2000}
    bank = (await t.api.org("bank")).org_id if fresh else t.a.actor("bank").org_id
    body = {
        "bank_org_id": bank,
        "guarantor_id": t.a.id("guarantor_id"),
        "shares_bp": shares,
    }
    return Call(f"{G}/agreements", body)


fixed("GET", f"{G}/agreements", lambda t: Call(f"{G}/agreements", params={"limit": 1000}))
fixed("GET", f"{G}/agreements/{{agreement_id}}", lambda t: Call(f"{G}/agreements/{t.a.id('agreement_id')}"))


def exposure_body(t: Tenants) -> dict[str, Any]:
    return {
        "agreement_id": t.a.id("agreement_id"),
        "loan_ref": _loan_ref(),
        "uscc": make_uscc(),
        "principal_fen": 1_000_000,
        "small_micro": True,
        "fee_rate_bp": 80,
        "start_date": "2026-01-10",
        "maturity_date": "2027-01-10",
    }


fixed("POST", f"{G}/exposures", lambda t: Call(f"{G}/exposures", exposure_body(t)))
fixed("GET", f"{G}/exposures", lambda t: Call(f"{G}/exposures", params={"limit": 1000}))
fixed("GET", f"{G}/exposures/{{exposure_id}}", lambda t: Call(f"{G}/exposures/{t.a.id('exposure_id')}"))
fixed(
    "POST",
    f"{G}/exposures/{{exposure_id}}/repayments",
    lambda t: Call(
        f"{G}/exposures/{t.a.id('exposure_id')}/repayments", {"amount_fen": 1, "paid_on": "2026-02-01"}
    ),
)
fixed(
    "POST",
    f"{G}/exposures/{{exposure_id}}/recoveries",
    lambda t: Call(
        f"{G}/exposures/{t.a.id('compensated_exposure_id')}/recoveries",
        {"amount_fen": 1, "recovered_on": "2026-04-01"},
    ),
)
fixed("GET", f"{G}/reports/summary", lambda t: Call(f"{G}/reports/summary"))
fixed("GET", f"{G}/reports/pools", lambda t: Call(f"{G}/reports/pools"))
fixed("GET", f"{G}/reports/bridge-funds", lambda t: Call(f"{G}/reports/bridge-funds"))
fixed("GET", f"{M}/stats/programmes", lambda t: Call(f"{M}/stats/programmes"))


@recipe("POST", f"{G}/exposures/{{exposure_id}}/default")
async def _default(t: Tenants, fresh: bool) -> Call:
    exposure = t.a.id("exposure_id")
    if fresh:
        made = await t.api.call(t.a.actor("guarantor"), "POST", f"{G}/exposures", json=exposure_body(t))
        exposure = (await ok(made))["id"]
    return Call(f"{G}/exposures/{exposure}/default", {"defaulted_on": "2026-03-01"})


# §6 pools and bridge funds ----------------------------------------------------------------------
def _pool(t: Tenants) -> str:
    return f"{G}/pools/{t.a.id('pool_id')}"


def _fund(t: Tenants) -> str:
    return f"{G}/bridge-funds/{t.a.id('fund_id')}"


POOL = {
    "name": "风险池",
    "region_code": "620100",
    "balance_fen": 10**9,
    "compensation_bp": 5000,
    "stop_overdue_bp": 10_000,
}
fixed(
    "POST", f"{G}/pools", lambda t: Call(f"{G}/pools", {**POOL, "bank_org_ids": [t.a.actor("bank").org_id]})
)
fixed("GET", f"{G}/pools", lambda t: Call(f"{G}/pools", params={"limit": 1000}))
fixed("GET", f"{G}/pools/{{pool_id}}", lambda t: Call(_pool(t)))
fixed("GET", f"{G}/pools/{{pool_id}}/position", lambda t: Call(f"{_pool(t)}/position"))
fixed("POST", f"{G}/pools/{{pool_id}}/loans", lambda t: Call(f"{_pool(t)}/loans", loan_body()))
fixed(
    "POST",
    f"{G}/pools/{{pool_id}}/loans/{{loan_id}}/overdue",
    lambda t: Call(
        f"{_pool(t)}/loans/{t.a.id('pool_loan_id')}/overdue",
        {"overdue_on": "2026-05-01", "outstanding_fen": 1000},
    ),
)


async def _pool_loan(t: Tenants, defaulted: bool) -> str:
    bank = t.a.actor("bank")
    loan = (await ok(await t.api.call(bank, "POST", f"{_pool(t)}/loans", json=loan_body())))["id"]
    if defaulted:
        body = {"defaulted_on": "2026-06-01"}
        await ok(await t.api.call(bank, "POST", f"{_pool(t)}/loans/{loan}/default", json=body), 200)
    return str(loan)


@recipe("POST", f"{G}/pools/{{pool_id}}/loans/{{loan_id}}/default")
async def _pool_default(t: Tenants, fresh: bool) -> Call:
    loan = await _pool_loan(t, False) if fresh else t.a.id("pool_loan_id")
    return Call(f"{_pool(t)}/loans/{loan}/default", {"defaulted_on": "2026-06-01"})


@recipe("POST", f"{G}/pools/{{pool_id}}/loans/{{loan_id}}/recoveries")
async def _pool_recovery(t: Tenants, fresh: bool) -> Call:
    loan = await _pool_loan(t, True) if fresh else t.a.id("pool_loan_id")
    return Call(f"{_pool(t)}/loans/{loan}/recoveries", {"amount_fen": 100, "recovered_on": "2026-07-01"})


BRIDGE = {"name": "转贷基金", "size_fen": 10**9, "max_days": 30, "daily_fee_bp": 5}
fixed("POST", f"{G}/bridge-funds", lambda t: Call(f"{G}/bridge-funds", BRIDGE))
fixed("GET", f"{G}/bridge-funds", lambda t: Call(f"{G}/bridge-funds", params={"limit": 1000}))
fixed("GET", f"{G}/bridge-funds/{{fund_id}}", lambda t: Call(_fund(t)))
fixed("GET", f"{G}/bridge-funds/{{fund_id}}/position", lambda t: Call(f"{_fund(t)}/position"))
fixed("GET", f"{G}/bridge-funds/{{fund_id}}/loans", lambda t: Call(f"{_fund(t)}/loans"))


def _bridge_loan(t: Tenants) -> dict[str, Any]:
    return bridge_body(BridgeSetup(t.a.actor("fund_manager"), t.a.actor("bank"), t.a.id("fund_id")))


fixed("POST", f"{G}/bridge-funds/{{fund_id}}/loans", lambda t: Call(f"{_fund(t)}/loans", _bridge_loan(t)))


@recipe("POST", f"{G}/bridge-funds/{{fund_id}}/loans/{{loan_id}}/repaid")
async def _repaid(t: Tenants, fresh: bool) -> Call:
    loan = t.a.id("bridge_loan_id")
    if fresh:
        made = await t.api.call(t.a.actor("fund_manager"), "POST", f"{_fund(t)}/loans", json=_bridge_loan(t))
        loan = (await ok(made))["id"]
    return Call(f"{_fund(t)}/loans/{loan}/repaid", {"repaid_on": "2026-03-05"})


# §5 loan_match ----------------------------------------------------------------------------------
PRODUCT = {
    "name": "矩阵贷",
    "product_type": "collateral",
    "min_amount_fen": 1,
    "max_amount_fen": 1000,
    "min_term_months": 1,
    "max_term_months": 2,
    "annual_rate_bp": 500,
}
fixed("POST", f"{M}/products", lambda t: Call(f"{M}/products", PRODUCT))
fixed("GET", f"{M}/products", lambda t: Call(f"{M}/products"))
fixed("GET", f"{M}/products/{{product_id}}", lambda t: Call(f"{M}/products/{t.a.id('product_id')}"))
fixed(
    "PATCH",
    f"{M}/products/{{product_id}}",
    lambda t: Call(f"{M}/products/{t.a.id('product_id')}", {"annual_rate_bp": 385}),
)


@recipe("DELETE", f"{M}/products/{{product_id}}")
async def _retire(t: Tenants, fresh: bool) -> Call:
    product = t.a.id("product_id")
    if fresh:
        product = (await ok(await t.api.call(t.a.actor("bank"), "POST", f"{M}/products", json=PRODUCT)))["id"]
    return Call(f"{M}/products/{product}")


PROFILE = {
    "name": "兰州样例机械制造有限公司",
    "industry_code": "C3411",
    "region_code": "620102",
    "employees": 50,
    "revenue_fen": 800_000_000,
    "total_assets_fen": 1_200_000_000,
    "established_on": "2018-03-01",
    "flags": [],
    "collateral": [],
}
fixed("PUT", f"{M}/enterprises/{{uscc}}", lambda t: Call(f"{M}/enterprises/{t.a.uscc}", PROFILE))
fixed("GET", f"{M}/enterprises/{{uscc}}", lambda t: Call(f"{M}/enterprises/{t.a.uscc}"))
fixed(
    "POST",
    f"{M}/queries",
    lambda t: Call(f"{M}/queries", {"uscc": t.a.uscc, "amount_fen": 100_000_000, "term_months": 12}),
)


def _demand(t: Tenants) -> dict[str, Any]:
    return {"uscc": t.a.uscc, "amount_fen": 100_000_000, "term_months": 12, "purpose": "流动资金"}


fixed("POST", f"{M}/demands", lambda t: Call(f"{M}/demands", _demand(t)))
fixed("GET", f"{M}/demands", lambda t: Call(f"{M}/demands", params={"limit": 1000}))
fixed("GET", f"{M}/demands/{{demand_id}}", lambda t: Call(f"{M}/demands/{t.a.id('demand_id')}"))


@recipe("POST", f"{M}/demands/{{demand_id}}/responses")
async def _respond(t: Tenants, fresh: bool) -> Call:
    demand = t.a.id("demand_id")
    if fresh:
        demand = (
            await ok(await t.api.call(t.a.actor("partner_app"), "POST", f"{M}/demands", json=_demand(t)))
        )["id"]
    body = {"decision": "need_info", "reason": "请补充财务报表"}
    return Call(f"{M}/demands/{demand}/responses", body)


fixed("GET", f"{M}/stats", lambda t: Call(f"{M}/stats"))


# §6 programmes and the calendar -----------------------------------------------------------------
def _programme(t: Tenants) -> str:
    return f"{M}/programmes/{t.a.id('programme_id')}"


fixed("POST", f"{M}/programmes", lambda t: Call(f"{M}/programmes", ip_interest_body(eligible={})))
fixed("GET", f"{M}/programmes", lambda t: Call(f"{M}/programmes"))
fixed("GET", f"{M}/programmes/{{programme_id}}", lambda t: Call(_programme(t)))
fixed("GET", f"{M}/programmes/{{programme_id}}/claims", lambda t: Call(f"{_programme(t)}/claims"))


def _claim(t: Tenants) -> dict[str, Any]:
    return claim_body(t.a.uscc, t.a.actor("bank").org_id, 10_000, loan_ref=_loan_ref())


fixed("POST", f"{M}/programmes/{{programme_id}}/claims", lambda t: Call(f"{_programme(t)}/claims", _claim(t)))


@recipe("POST", f"{M}/claims/{{claim_id}}/decision")
async def _decide(t: Tenants, fresh: bool) -> Call:
    claim = t.a.id("claim_id")
    if fresh:
        made = await t.api.call(t.a.actor("bank"), "POST", f"{_programme(t)}/claims", json=_claim(t))
        claim = (await ok(made))["id"]
    return Call(f"{M}/claims/{claim}/decision", {"decision": "approved"})


fixed("PUT", f"{M}/calendar/{{year}}", lambda t: Call(f"{M}/calendar/2090", {"holidays": ["2090-01-02"]}))
fixed("GET", f"{M}/calendar/{{year}}", lambda t: Call(f"{M}/calendar/2026"))
