"""Builders for the guarantee chain, acting through the gateway as admin and the institutions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from kit.money import yuan
from tests.support.api import Actor, Api, make_uscc
from tests.support.principals import as_service

G = "/v1/guarantee"
SHARES_2422 = {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2000}


@dataclass
class Inst:
    actor: Actor
    id: str


@dataclass
class Chain:
    fund: Inst
    provincial: Inst
    local: Inst
    bank: Actor
    agreement_id: str


async def admin(api: Api, method: str, path: str, **kwargs: Any) -> httpx.Response:
    return await api.client.request(method, path, headers=api.admin_headers, **kwargs)


async def national_fund(api: Api) -> Inst:
    """The one national fund: created by the first test that needs it, found afterwards."""
    org = await api.org("guarantor", "国家融资担保基金")
    created = await admin(
        api,
        "POST",
        f"{G}/institutions",
        json={
            "org_id": org.org_id,
            "name": "国家融资担保基金",
            "tier": "national_fund",
            "net_assets_fen": yuan(66_100_000_000),
        },
    )
    if created.status_code == 201:
        return Inst(org, created.json()["id"])
    assert created.json()["type"].endswith("/national-fund-exists"), created.text
    listed = await admin(api, "GET", f"{G}/institutions", params={"tier": "national_fund"})
    fund = listed.json()["items"][0]
    key = await admin(api, "POST", f"/v1/orgs/{fund['org_id']}/keys")
    return Inst(Actor(fund["org_id"], key.json()["key"], "guarantor", fund["name"]), fund["id"])


async def institution(
    api: Api, tier: str, parent_id: str | None, *, net_assets_fen: int = yuan(10_000_000), **extra: Any
) -> Inst:
    org = await api.org("guarantor")
    body = {"org_id": org.org_id, "name": org.name, "tier": tier, "net_assets_fen": net_assets_fen, **extra}
    if parent_id is not None:
        body["parent_id"] = parent_id
    created = await admin(api, "POST", f"{G}/institutions", json=body)
    assert created.status_code == 201, created.text
    return Inst(org, created.json()["id"])


async def agreement(api: Api, bank: Actor, local: Inst, shares: dict[str, int] | None = None) -> str:
    body = {"bank_org_id": bank.org_id, "guarantor_id": local.id, "shares_bp": shares or SHARES_2422}
    created = await admin(api, "POST", f"{G}/agreements", json=body)
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


async def chain(
    api: Api,
    *,
    net_assets_fen: int = yuan(10_000_000),
    leverage_multiple: int = 10,
    shares: dict[str, int] | None = None,
    provincial: Inst | None = None,
) -> Chain:
    fund = await national_fund(api)
    provincial = provincial or await institution(
        api, "provincial", fund.id, net_assets_fen=yuan(1_000_000_000)
    )
    local = await institution(
        api, "local", provincial.id, net_assets_fen=net_assets_fen, leverage_multiple=leverage_multiple
    )
    bank = await api.org("bank")
    return Chain(fund, provincial, local, bank, await agreement(api, bank, local, shares))


def exposure_body(c: Chain, **overrides: Any) -> dict[str, Any]:
    return {
        "agreement_id": c.agreement_id,
        "loan_ref": f"L-{uuid.uuid4().hex[:12]}",
        "uscc": make_uscc(),
        "principal_fen": yuan(1_000_000),
        "small_micro": True,
        "fee_rate_bp": 80,
        "start_date": "2026-01-10",
        "maturity_date": "2027-01-10",
        **overrides,
    }


async def register(
    api: Api, c: Chain, headers: dict[str, str] | None = None, **overrides: Any
) -> httpx.Response:
    return await api.call(
        c.local.actor, "POST", f"{G}/exposures", json=exposure_body(c, **overrides), headers=headers or {}
    )


async def registered(api: Api, c: Chain, **overrides: Any) -> dict[str, Any]:
    response = await register(api, c, **overrides)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def position(api: Api, inst: Inst) -> dict[str, Any]:
    response = await admin(api, "GET", f"{G}/institutions/{inst.id}/position")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def slug(response: httpx.Response) -> str:
    return str(response.json()["type"]).rsplit("/", 1)[-1]


def region_uscc(region: str) -> str:
    """A client registered in ``region`` (its USCC's characters 3–8), the 市州 its figures go to."""
    return make_uscc(region=region)


async def capacity(url: str, **params: Any) -> dict[str, Any]:
    """loan_match's capacity read, on guarantee's own port (``url`` is the service's base)."""
    async with httpx.AsyncClient() as client:
        got = await client.get(f"{url}/internal/guarantee/capacity", params=params, auth=as_service())
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body
