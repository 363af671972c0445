"""Who may call what, and a small world of real objects for the contract tests to aim at.

``ROLES`` is CONTRACT §2-§5's "who" column for every public operation (the first role is the
one the fuzzer calls with). A test asserts it names exactly the operations the gateway's
``/openapi.json`` has, so a new operation cannot slip past the contract tests unnoticed.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.support.api import Actor, Api, make_uscc

G = "/v1/guarantee"
ALL_ROLES = ("admin", "tax_authority", "bank", "guarantor", "partner_app")
PUBLIC = ()  # operations without authentication

# (METHOD, path template) -> the roles that may call it; the first is the fuzzer's caller.
ROLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/readyz"): PUBLIC,
    ("GET", "/metrics"): PUBLIC,
    # §2 identity
    ("POST", "/v1/orgs"): ("admin",),
    ("GET", "/v1/orgs"): ("admin",),
    ("POST", "/v1/orgs/{org_id}/keys"): ("admin",),
    ("DELETE", "/v1/orgs/{org_id}/keys/{key_id}"): ("admin",),
    ("GET", "/v1/me"): ALL_ROLES,
    # §3 credit_push
    ("POST", "/v1/credit/ratings"): ("tax_authority",),
    ("GET", "/v1/credit/ratings/{uscc}"): ("tax_authority", "admin", "bank"),
    ("POST", "/v1/credit/consents"): ("partner_app",),
    ("GET", "/v1/credit/consents"): ("partner_app", "bank"),
    ("DELETE", "/v1/credit/consents/{consent_id}"): ("partner_app",),
    ("POST", "/v1/credit/subscriptions"): ("bank",),
    ("GET", "/v1/credit/subscriptions"): ("bank",),
    ("GET", "/v1/credit/subscriptions/{sub_id}"): ("bank",),
    ("PATCH", "/v1/credit/subscriptions/{sub_id}"): ("bank",),
    ("DELETE", "/v1/credit/subscriptions/{sub_id}"): ("bank",),
    ("POST", "/v1/credit/subscriptions/{sub_id}/rotate-secret"): ("bank",),
    ("POST", "/v1/credit/subscriptions/{sub_id}/recover"): ("bank",),
    ("GET", "/v1/credit/deliveries"): ("bank",),
    ("POST", "/v1/credit/deliveries/{delivery_id}/retry"): ("bank",),
    ("GET", "/v1/credit/feed"): ("bank",),
    ("POST", "/v1/credit/outcomes"): ("bank",),
    ("GET", "/v1/credit/stats"): ("admin", "tax_authority"),
    # §4 guarantee ("guarantor" is the local guarantor of the world's chain)
    ("POST", f"{G}/institutions"): ("admin",),
    ("GET", f"{G}/institutions"): ("admin",),
    ("GET", f"{G}/institutions/{{institution_id}}"): ("admin", "guarantor"),
    ("PATCH", f"{G}/institutions/{{institution_id}}"): ("admin",),
    ("GET", f"{G}/institutions/{{institution_id}}/position"): ("admin", "guarantor"),
    ("POST", f"{G}/agreements"): ("admin",),
    ("GET", f"{G}/agreements/{{agreement_id}}"): ("admin", "guarantor", "bank"),
    ("POST", f"{G}/exposures"): ("guarantor",),
    ("GET", f"{G}/exposures"): ("admin", "guarantor", "bank"),
    ("GET", f"{G}/exposures/{{exposure_id}}"): ("admin", "guarantor", "bank"),
    ("POST", f"{G}/exposures/{{exposure_id}}/repayments"): ("guarantor",),
    ("POST", f"{G}/exposures/{{exposure_id}}/default"): ("guarantor",),
    ("POST", f"{G}/exposures/{{exposure_id}}/recoveries"): ("guarantor",),
    ("GET", f"{G}/reports/summary"): ("admin", "guarantor"),
    # §5 loan_match
    ("POST", "/v1/match/products"): ("bank",),
    ("GET", "/v1/match/products"): ALL_ROLES,
    ("GET", "/v1/match/products/{product_id}"): ALL_ROLES,
    ("PATCH", "/v1/match/products/{product_id}"): ("bank",),
    ("DELETE", "/v1/match/products/{product_id}"): ("bank",),
    ("PUT", "/v1/match/enterprises/{uscc}"): ("partner_app",),
    ("GET", "/v1/match/enterprises/{uscc}"): ("partner_app",),
    ("POST", "/v1/match/queries"): ("partner_app",),
    ("POST", "/v1/match/demands"): ("partner_app",),
    ("GET", "/v1/match/demands"): ("partner_app", "bank"),
    ("GET", "/v1/match/demands/{demand_id}"): ("partner_app", "bank"),
    ("POST", "/v1/match/demands/{demand_id}/responses"): ("bank",),
    ("GET", "/v1/match/stats"): ("admin",),
}


def operations(spec: dict[str, Any]) -> set[tuple[str, str]]:
    methods = {"get", "post", "put", "patch", "delete"}
    return {(m.upper(), path) for path, item in spec["paths"].items() for m in item if m in methods}


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
    bank, partner, tax = actors["bank"], actors["partner_app"], actors["tax_authority"]
    uscc = make_uscc()
    objects: dict[str, str] = {}

    # Identity: a throwaway org whose key the fuzzer may revoke.
    victim = await api.org("partner_app")
    key = await _ok(await api.client.post(f"/v1/orgs/{victim.org_id}/keys", headers=api.admin_headers))
    objects |= {"org_id": victim.org_id, "key_id": str(key["id"])}

    # Guarantee: fund -> provincial -> local, an agreement with the bank, an active and a defaulted exposure.
    fund = await _national_fund(api)
    _, provincial = await _institution(api, "provincial", fund)
    local_org, local = await _institution(api, "local", provincial)
    actors["guarantor"] = local_org
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
    objects |= {
        "institution_id": local,
        "parent_id": provincial,
        "guarantor_id": local,
        "agreement_id": str(agreement["id"]),
        "exposure_id": str(exposures[0]["id"]),
        "compensated_exposure_id": str(exposures[1]["id"]),
        # An unregistered guarantor org, so the fuzzer's institutions can be created for real.
        "new_guarantor_org_id": (await api.org("guarantor")).org_id,
    }

    # credit_push: a subscription (to a port nobody listens on), an A rating, a consent.
    subscription = await _ok(
        await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": "http://127.0.0.1:9/hook"})
    )
    ratings = {
        "items": [
            {"uscc": uscc, "name": "兰州样例", "rating": "A", "year": 2024, "avg_annual_tax_fen": 10**9}
        ]
    }
    await _ok(await api.call(tax, "POST", "/v1/credit/ratings", json=ratings), 200)
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
            json={"uscc": make_uscc(), "bank_org_id": bank.org_id, "evidence_ref": "EV-2"},
        )
    )
    objects |= {
        "sub_id": str(subscription["id"]),
        "consent_id": str(consent["id"]),
        "doomed_sub_id": str(doomed_subscription["id"]),
        "doomed_consent_id": str(doomed_consent["id"]),
    }
    delivery = await _first_delivery(api, bank)
    if delivery is not None:
        objects["delivery_id"] = delivery

    # loan_match: a broad product, the enterprise's profile, a demand routed to the bank.
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
    objects |= {
        "product_id": str(product["id"]),
        "doomed_product_id": str(doomed_product["id"]),
        "demand_id": str(demand["id"]),
        "bank_org_id": bank.org_id,
        "subscription_id": str(subscription["id"]),
    }
    return World(actors, uscc, objects)


async def quiet_the_bank(api: Api, bank: Actor) -> None:
    """Delete every subscription of the world's bank, so nothing keeps delivering into later tests."""
    listed = await _ok(await api.call(bank, "GET", "/v1/credit/subscriptions", params={"limit": 1000}), 200)
    for item in listed["items"]:
        await api.call(bank, "DELETE", f"/v1/credit/subscriptions/{item['id']}")
