"""A small world of real objects for the contract tests to aim at, made through the public API."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.support.access import ALL_ROLES, G
from tests.support.api import Actor, Api, make_uscc


@dataclass
class World:
    """One org per role plus real objects of every kind, all made through the public API.

    ``objects`` maps a parameter name to a real id; ``doomed_<name>`` is a second object of
    the kind for DELETE to remove, so the other operations keep finding the first.
    """

    actors: dict[str, Actor]
    uscc: str
    objects: dict[str, str] = field(default_factory=dict)

    def headers(self, role: str) -> dict[str, str]:
        return self.actors[role].headers


async def _ok(response: httpx.Response, status: int = 201) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


async def _national_fund(api: Api) -> str:
    """Guarantee allows one national fund per database: find it, or register it if this run has none."""
    listed = await _ok(
        await api.client.get(
            f"{G}/institutions", params={"tier": "national_fund"}, headers=api.admin_headers
        ),
        200,
    )
    if listed["items"]:
        return str(listed["items"][0]["id"])
    org = await api.org("guarantor", "国家融资担保基金")
    body = {"org_id": org.org_id, "name": org.name, "tier": "national_fund", "net_assets_fen": 10**15}
    created = await api.client.post(f"{G}/institutions", json=body, headers=api.admin_headers)
    if created.status_code == 409:  # another test registered it meanwhile
        return await _national_fund(api)
    return str((await _ok(created))["id"])


async def _institution(api: Api, tier: str, parent_id: str) -> tuple[Actor, str]:
    org = await api.org("guarantor")
    body = {
        "org_id": org.org_id,
        "name": org.name,
        "tier": tier,
        "parent_id": parent_id,
        "net_assets_fen": 100_000_000_000,  # 10亿元: room for what the fuzzer registers
    }
    created = await _ok(await api.client.post(f"{G}/institutions", json=body, headers=api.admin_headers))
    return org, str(created["id"])


async def _first_delivery(api: Api, bank: Actor) -> str | None:
    """A delivery of the bank's subscription, once the worker has addressed the rating event."""
    for _ in range(50):
        listed = await _ok(await api.call(bank, "GET", "/v1/credit/deliveries"), 200)
        if listed["items"]:
            return str(listed["items"][0]["id"])
        await asyncio.sleep(0.1)
    return None


async def build_world(api: Api) -> World:
    actors = {role: await api.org(role) for role in ALL_ROLES if role != "guarantor"}
    actors["fund_manager"] = await api.org("fund_manager")  # §6: not yet in ALL_ROLES
    uscc = make_uscc()
    objects = await _identity_objects(api)
    actors["guarantor"], guarantee = await _guarantee_objects(api, actors["bank"], uscc)
    objects |= guarantee
    objects |= await _credit_objects(api, actors, uscc)
    objects |= await _matching_objects(api, actors, uscc)
    return World(actors, uscc, objects)


async def _identity_objects(api: Api) -> dict[str, str]:
    """A throwaway org whose key the fuzzer may revoke."""
    victim = await api.org("partner_app")
    key = await _ok(await api.client.post(f"/v1/orgs/{victim.org_id}/keys", headers=api.admin_headers))
    return {"org_id": victim.org_id, "key_id": str(key["id"])}


async def _guarantee_objects(api: Api, bank: Actor, uscc: str) -> tuple[Actor, dict[str, str]]:
    """Fund -> provincial -> local, an agreement with the bank, an active and a defaulted exposure;
    and the local guarantor's org, the world's "guarantor"."""
    fund = await _national_fund(api)
    _, provincial = await _institution(api, "provincial", fund)
    local_org, local = await _institution(api, "local", provincial)
    agreement = await _ok(
        await api.client.post(
            f"{G}/agreements",
            json={
                "bank_org_id": bank.org_id,
                "guarantor_id": local,
                "shares_bp": {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2000},
            },
            headers=api.admin_headers,
        )
    )
    exposures = []
    for _ in range(2):
        body = {
            "agreement_id": agreement["id"],
            "loan_ref": f"L-{uuid.uuid4().hex[:12]}",
            "uscc": uscc,
            "principal_fen": 100_000_000,
            "small_micro": True,
            "fee_rate_bp": 80,
            "start_date": "2026-01-10",
            "maturity_date": "2027-01-10",
        }
        exposures.append(await _ok(await api.call(local_org, "POST", f"{G}/exposures", json=body)))
    await _ok(
        await api.call(
            local_org,
            "POST",
            f"{G}/exposures/{exposures[1]['id']}/default",
            json={"defaulted_on": "2026-03-01"},
        ),
        200,
    )
    return local_org, {
        "institution_id": local,
        "parent_id": provincial,
        "guarantor_id": local,
        "agreement_id": str(agreement["id"]),
        "exposure_id": str(exposures[0]["id"]),
        "compensated_exposure_id": str(exposures[1]["id"]),
        # An unregistered guarantor org, so the fuzzer's institutions can be created for real.
        "new_guarantor_org_id": (await api.org("guarantor")).org_id,
    }


async def _credit_objects(api: Api, actors: dict[str, Actor], uscc: str) -> dict[str, str]:
    """A subscription (to a port nobody listens on), an A rating, a consent; a delivery if one is made."""
    bank, partner, tax = actors["bank"], actors["partner_app"], actors["tax_authority"]
    subscription = await _ok(
        await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": "http://127.0.0.1:9/hook"})
    )
    ratings = {
        "items": [
            {"uscc": uscc, "name": "兰州样例", "rating": "A", "year": 2024, "avg_annual_tax_fen": 10**9}
        ]
    }
    await _ok(await api.call(tax, "POST", "/v1/credit/ratings", json=ratings), 200)
    doomed_uscc = make_uscc()
    auth_ids = [
        (await _ok(await api.call(partner, "POST", "/v1/credit/authorisations", json=body)))["id"]
        for body in (
            {"uscc": uscc, "evidence_ref": "AUTH-1"},
            {"uscc": doomed_uscc, "evidence_ref": "AUTH-2"},
        )
    ]
    consent = await _ok(
        await api.call(
            partner,
            "POST",
            "/v1/credit/consents",
            json={"uscc": uscc, "bank_org_id": bank.org_id, "evidence_ref": "EV-1"},
        )
    )
    doomed_subscription = await _ok(
        await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": "http://127.0.0.1:9/doomed"})
    )
    doomed_consent = await _ok(
        await api.call(
            partner,
            "POST",
            "/v1/credit/consents",
            json={"uscc": doomed_uscc, "bank_org_id": bank.org_id, "evidence_ref": "EV-2"},
        )
    )
    objects = {
        "sub_id": str(subscription["id"]),
        "subscription_id": str(subscription["id"]),
        "consent_id": str(consent["id"]),
        "doomed_sub_id": str(doomed_subscription["id"]),
        "doomed_consent_id": str(doomed_consent["id"]),
        "auth_id": str(auth_ids[0]),
        "doomed_auth_id": str(auth_ids[1]),
    }
    delivery = await _first_delivery(api, bank)
    if delivery is not None:
        objects["delivery_id"] = delivery
    return objects


async def _matching_objects(api: Api, actors: dict[str, Actor], uscc: str) -> dict[str, str]:
    """A broad product, the enterprise's profile, a demand routed to the bank."""
    bank, partner = actors["bank"], actors["partner_app"]
    broad = {
        "name": "陇原e贷",
        "product_type": "pure_credit",
        "min_amount_fen": 1,
        "max_amount_fen": 10**12,
        "min_term_months": 1,
        "max_term_months": 600,
        "annual_rate_bp": 385,
    }
    product = await _ok(await api.call(bank, "POST", "/v1/match/products", json=broad))
    doomed_product = await _ok(await api.call(bank, "POST", "/v1/match/products", json=broad))
    profile = {
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
    await _ok(await api.call(partner, "PUT", f"/v1/match/enterprises/{uscc}", json=profile), 200)
    demand = await _ok(
        await api.call(
            partner,
            "POST",
            "/v1/match/demands",
            json={"uscc": uscc, "amount_fen": 100_000_000, "term_months": 12, "purpose": "流动资金"},
        )
    )
    assert bank.org_id in demand["routed_to"], demand
    return {
        "product_id": str(product["id"]),
        "doomed_product_id": str(doomed_product["id"]),
        "demand_id": str(demand["id"]),
        "bank_org_id": bank.org_id,
    }


async def quiet_the_bank(api: Api, bank: Actor) -> None:
    """Delete every subscription of the world's bank, so nothing keeps delivering into later tests."""
    listed = await _ok(await api.call(bank, "GET", "/v1/credit/subscriptions", params={"limit": 1000}), 200)
    for item in listed["items"]:
        await api.call(bank, "DELETE", f"/v1/credit/subscriptions/{item['id']}")
