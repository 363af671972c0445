"""Two tenants of every role, each with real objects of every kind, made through the public API.

Tenant ``a`` owns the objects the matrix aims at; tenant ``b`` is the same roles' other org
(another bank, another partner app, another fund manager, a local guarantor under another
provincial), and ``sibling`` is a second local guarantor under ``a``'s own provincial. Both
worlds come from ``tests.support.world.build_world``; this adds what the matrix needs besides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from tests.support.api import Actor, Api, make_uscc
from tests.support.funds import BridgeSetup, bridge_body, loan_body
from tests.support.programmes import claim_body, ip_interest_body
from tests.support.world import World, build_world

G = "/v1/guarantee"


async def ok(response: httpx.Response, status: int = 201) -> dict[str, Any]:
    assert response.status_code == status, (response.request.url, response.text)
    body: dict[str, Any] = response.json()
    return body


@dataclass
class Tenant:
    world: World
    provincial: Actor
    extra: dict[str, str]

    def actor(self, role: str) -> Actor:
        return self.world.actors[role]

    def id(self, name: str) -> str:
        return self.extra.get(name) or self.world.objects[name]

    @property
    def uscc(self) -> str:
        return self.world.uscc


@dataclass
class Tenants:
    api: Api
    a: Tenant
    b: Tenant
    sibling: Actor
    regulator: Actor

    def own(self, role: str) -> Actor:
        return self.regulator if role == "regulator" else self.a.actor(role)

    def other(self, role: str) -> Actor:
        if role == "guarantor":
            return self.sibling
        return self.regulator if role == "regulator" else self.b.actor(role)


async def provincial_of(api: Api, local_id: str) -> tuple[Actor, str]:
    """The provincial above a local guarantor, with a fresh key of its org."""
    local = await ok(await api.client.get(f"{G}/institutions/{local_id}", headers=api.admin_headers), 200)
    parent = await ok(
        await api.client.get(f"{G}/institutions/{local['parent_id']}", headers=api.admin_headers), 200
    )
    key = await ok(await api.client.post(f"/v1/orgs/{parent['org_id']}/keys", headers=api.admin_headers))
    return Actor(parent["org_id"], key["key"], "guarantor", parent["name"]), str(parent["id"])


async def local_under(api: Api, provincial_id: str) -> Actor:
    org = await api.org("guarantor")
    body = {
        "org_id": org.org_id,
        "name": org.name,
        "tier": "local",
        "parent_id": provincial_id,
        "net_assets_fen": 100_000_000_000,
    }
    await ok(await api.client.post(f"{G}/institutions", json=body, headers=api.admin_headers))
    return org


async def consented_b_rating(api: Api, w: World) -> str:
    """An enterprise rated B whose consent only this world's bank holds: only it may read it."""
    uscc = make_uscc()
    app, bank, tax = w.actors["partner_app"], w.actors["bank"], w.actors["tax_authority"]
    item = {"uscc": uscc, "name": "定西样例", "rating": "B", "year": 2024, "avg_annual_tax_fen": 10**8}
    await ok(await api.call(tax, "POST", "/v1/credit/ratings", json={"items": [item]}), 200)
    await ok(
        await api.call(app, "POST", "/v1/credit/authorisations", json={"uscc": uscc, "evidence_ref": "A"})
    )
    consent = {"uscc": uscc, "bank_org_id": bank.org_id, "evidence_ref": "EV-B"}
    await ok(await api.call(app, "POST", "/v1/credit/consents", json=consent))
    return uscc


async def funds(api: Api, w: World) -> dict[str, str]:
    """A risk pool with the world's bank and one loan, a bridge fund with one loan (§6)."""
    manager, bank = w.actors["fund_manager"], w.actors["bank"]
    pool = await ok(
        await api.call(
            manager,
            "POST",
            f"{G}/pools",
            json={
                "name": "风险补偿资金池",
                "region_code": "620100",
                "balance_fen": 10**12,
                "bank_org_ids": [bank.org_id],
                "compensation_bp": 5000,
                "stop_overdue_bp": 10_000,
            },
        )
    )
    loan = await ok(await api.call(bank, "POST", f"{G}/pools/{pool['id']}/loans", json=loan_body()))
    bridge = await ok(
        await api.call(
            manager,
            "POST",
            f"{G}/bridge-funds",
            json={"name": "续贷转贷基金", "size_fen": 10**12, "max_days": 30, "daily_fee_bp": 5},
        )
    )
    fund_loans = f"{G}/bridge-funds/{bridge['id']}/loans"
    setup = BridgeSetup(manager, bank, str(bridge["id"]))
    bridge_loan = await ok(await api.call(manager, "POST", fund_loans, json=bridge_body(setup)))
    return {
        "pool_id": str(pool["id"]),
        "pool_loan_id": str(loan["id"]),
        "fund_id": str(bridge["id"]),
        "bridge_loan_id": str(bridge_loan["id"]),
    }


async def programme(api: Api, w: World) -> dict[str, str]:
    """A subsidy programme open to every enterprise, and a claim the world's bank filed on it."""
    manager, bank = w.actors["fund_manager"], w.actors["bank"]
    body = ip_interest_body(eligible={}, budget_fen=10**12, cap_per_enterprise_year_fen=10**11)
    created = await ok(await api.call(manager, "POST", "/v1/match/programmes", json=body))
    claim = await ok(
        await api.call(
            bank,
            "POST",
            f"/v1/match/programmes/{created['id']}/claims",
            json=claim_body(w.uscc, bank.org_id, 100_000),
        )
    )
    return {"programme_id": str(created["id"]), "claim_id": str(claim["id"])}


async def tenant(api: Api) -> Tenant:
    w = await build_world(api)
    provincial, _ = await provincial_of(api, w.objects["institution_id"])
    extra = {"b_uscc": await consented_b_rating(api, w)}
    extra |= await funds(api, w)
    extra |= await programme(api, w)
    return Tenant(w, provincial, extra)


async def build_tenants(api: Api) -> Tenants:
    # ``a`` first: its demand is routed before ``b``'s bank has a product, so never to ``b``.
    a = await tenant(api)
    b = await tenant(api)
    sibling = await local_under(api, a.world.objects["parent_id"])
    return Tenants(api, a, b, sibling, await api.org("regulator"))
