"""The bench's data, loaded through the public API as its users would (CONTRACT §2-§5)."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from tests.support.api import Actor, Api, make_uscc

WAN = 1_000_000  # fen in 1 万元
QUERY = {"amount_fen": 100 * WAN, "term_months": 12}  # the match query: 100万元 for 12 months
SHARES = {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2000}
RATING_YEAR = 2025
LEVELS_NOT_A = "BMCD"


@dataclass
class Guarantor:
    actor: Actor
    institution_id: str
    agreement_id: str


def check(response: httpx.Response, status: int) -> dict[str, Any]:
    if response.status_code != status:
        raise RuntimeError(
            f"{response.request.method} {response.request.url.path}: "
            f"{response.status_code} (expected {status}): {response.text[:500]}"
        )
    body: dict[str, Any] = response.json() if response.content else {}
    return body


# --- credit ratings and webhook subscriptions -------------------------------------------------


def rating_items(n: int, a_share_pct: int) -> list[dict[str, Any]]:
    """``n`` new enterprises; exactly ``a_share_pct``% (rounded down per 100) rated A."""
    items = []
    for i in range(n):
        a = i % 100 < a_share_pct
        items.append(
            {
                "uscc": make_uscc(),
                "name": f"基准企业{i}",
                "rating": "A" if a else LEVELS_NOT_A[i % len(LEVELS_NOT_A)],
                "year": RATING_YEAR,
                "region_code": "620102",
                "avg_annual_tax_fen": 100_000 * (1 + i % 50),
            }
        )
    return items


async def subscribe(api: Api, bank: Actor, url: str) -> tuple[str, str]:
    """One webhook subscription for ``bank``; its (id, secret)."""
    body = check(await api.call(bank, "POST", "/v1/credit/subscriptions", json={"url": url}), 201)
    return str(body["id"]), str(body["secret"])


async def pause(api: Api, bank: Actor, subscription_id: str) -> None:
    path = f"/v1/credit/subscriptions/{subscription_id}"
    check(await api.call(bank, "PATCH", path, json={"status": "paused"}), 200)


# --- loan matching ----------------------------------------------------------------------------


def product_body(i: int, matching: bool) -> dict[str, Any]:
    """A product the query matches (10万-500万元) or one whose amount range excludes it."""
    low, high = (10 * WAN, 500 * WAN) if matching else (600 * WAN, 1000 * WAN)
    return {
        "name": f"基准产品{i}",
        "product_type": "pure_credit",
        "min_amount_fen": low,
        "max_amount_fen": high,
        "min_term_months": 6,
        "max_term_months": 36,
        "annual_rate_bp": 300 + i % 300,
    }


async def publish_products(
    api: Api, banks: list[Actor], total: int, matching: int, concurrency: int = 16
) -> None:
    """``total`` active products spread over ``banks``, ``matching`` of them matching the query."""
    gate = asyncio.Semaphore(concurrency)

    async def one(i: int) -> None:
        async with gate:
            response = await api.call(
                banks[i % len(banks)], "POST", "/v1/match/products", json=product_body(i, i < matching)
            )
        check(response, 201)

    await asyncio.gather(*(one(i) for i in range(total)))


def profile_body() -> dict[str, Any]:
    """A small manufacturer in 兰州 (工业: 50 staff, 800万元 revenue)."""
    return {
        "name": "兰州基准机械制造有限公司",
        "industry_code": "C3411",
        "region_code": "620102",
        "employees": 50,
        "revenue_fen": 800 * WAN,
        "total_assets_fen": 1200 * WAN,
        "established_on": "2018-03-01",
        "flags": ["specialized_sme"],
        "collateral": ["receivables"],
    }


async def enterprise(api: Api, app: Actor) -> str:
    """A profile for a new enterprise, put by ``app``; its USCC."""
    uscc = make_uscc()
    check(await api.call(app, "PUT", f"/v1/match/enterprises/{uscc}", json=profile_body()), 200)
    return uscc


def query_body(uscc: str) -> dict[str, Any]:
    return {"uscc": uscc, **QUERY}


# --- the guarantee chain ----------------------------------------------------------------------


async def _institution(api: Api, tier: str, parent_id: str | None, net_assets_fen: int) -> tuple[Actor, str]:
    org = await api.org("guarantor")
    body: dict[str, Any] = {"org_id": org.org_id, "name": org.name, "tier": tier}
    body |= {"net_assets_fen": net_assets_fen}
    if parent_id is not None:
        body["parent_id"] = parent_id
    response = await api.client.post("/v1/guarantee/institutions", json=body, headers=api.admin_headers)
    return org, str(check(response, 201)["id"])


async def guarantee_chain(api: Api, bank: Actor, locals_count: int) -> list[Guarantor]:
    """National fund -> one provincial -> ``locals_count`` locals, each with an agreement with ``bank``.

    Net assets are far above what a run registers, so no limit refuses an exposure.
    """
    _, fund = await _institution(api, "national_fund", None, 10**14)
    _, provincial = await _institution(api, "provincial", fund, 10**14)
    guarantors = []
    for _ in range(locals_count):
        actor, local = await _institution(api, "local", provincial, 10**13)
        body = {"bank_org_id": bank.org_id, "guarantor_id": local, "shares_bp": SHARES}
        response = await api.client.post("/v1/guarantee/agreements", json=body, headers=api.admin_headers)
        guarantors.append(Guarantor(actor, local, str(check(response, 201)["id"])))
    return guarantors


def exposure_body(agreement_id: str) -> dict[str, Any]:
    """What bench/lua/exposures.lua sends, for the one check request before the run."""
    return {
        "agreement_id": agreement_id,
        "loan_ref": f"check-{uuid.uuid4().hex[:12]}",
        "uscc": make_uscc(),
        "principal_fen": 10 * WAN,
        "small_micro": True,
        "fee_rate_bp": 80,
        "start_date": "2026-01-10",
        "maturity_date": "2027-01-10",
    }
