"""The demo's steps, each through the public API and each safe to run again (see deploy/demo.py)."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import httpx

from deploy import demo_data as data

Orgs = dict[str, dict[str, Any]]  # name -> org
Keys = dict[str, str]  # org id -> key
CONCURRENCY = 4
CONSENTED = 100  # enterprises the partner app holds an authorisation, a consent and a profile for
EXPOSURES = 30
RETRIES = 30


class DemoError(RuntimeError):
    """A demo call got an answer it did not expect (the platform is not what the demo knows)."""


class Api:
    """The gateway, as each demo org calls it."""

    def __init__(self, http: httpx.AsyncClient, admin_key: str) -> None:
        self.http = http
        self.admin = admin_key
        self.limit = asyncio.Semaphore(CONCURRENCY)

    async def call(
        self, method: str, path: str, key: str, body: Any = None, *, idem: str | None = None, **params: Any
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {key}"}
        if idem:
            # Derived from the item (names may be Chinese; a header is ASCII): same item, same key.
            headers["Idempotency-Key"] = "demo-" + hashlib.sha256(idem.encode()).hexdigest()[:40]
        for _ in range(RETRIES):
            async with self.limit:
                response = await self.http.request(
                    method, path, json=body, headers=headers, params=params or None
                )
            if response.status_code not in (429, 503) or "retry-after" not in response.headers:
                return response
            # The rate limit, or a moment without a free database connection: wait as told and
            # send again (creates carry an Idempotency-Key, so a retry never makes a second one).
            await asyncio.sleep(float(response.headers.get("retry-after", "1")))
        return response

    async def send(self, method: str, path: str, key: str, body: Any, *, expect: int, **kw: Any) -> Any:
        response = await self.call(method, path, key, body, **kw)
        if response.status_code != expect:
            raise DemoError(f"{method} {path}: {response.status_code} {response.text[:300]}")
        return response.json()

    async def create(self, path: str, key: str, body: Any, idem: str | None = None) -> Any:
        return await self.send("POST", path, key, body, expect=201, idem=idem)

    async def all_pages(self, path: str, key: str, **params: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        cursor = None
        while True:
            paging = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
            page = await self.send("GET", path, key, None, expect=200, **params, **paging)
            items.extend(page["items"])
            cursor = page["next_cursor"]
            if not cursor:
                return items

    async def works(self, key: str, org_id: str) -> bool:
        response = await self.call("GET", "/v1/me", key)
        return response.status_code == 200 and response.json().get("org_id") == org_id


async def each(items: Iterable[Any], step: Callable[[Any], Awaitable[None]]) -> None:
    await asyncio.gather(*(step(item) for item in items))


def key_of(orgs: Orgs, keys: Keys, name: str) -> str:
    return keys[orgs[name]["id"]]


# ---- credit (银税互动): ratings, authorisations, consents ------------------------------


async def load_credit(api: Api, orgs: Orgs, keys: Keys, people: list[data.Enterprise], today: dt.date) -> str:
    """Last year's ratings of every enterprise; the partner app's authorisations and consents."""
    tax = key_of(orgs, keys, data.TAX_AUTHORITY)
    items = [
        {"uscc": e.uscc, "name": e.name, "rating": e.rating, "year": today.year - 1,
         "region_code": e.region_code, "avg_annual_tax_fen": e.avg_annual_tax_fen,
         "small_micro": e.small_micro}
        for e in people
    ]  # fmt: skip
    result = await api.send("POST", "/v1/credit/ratings", tax, {"items": items}, expect=200)
    if result["rejected"] and "small_micro" in result["rejected"][0]["detail"]:
        # An older build without the tax authority's small-micro mark: send the ratings without it.
        items = [{k: v for k, v in item.items() if k != "small_micro"} for item in items]
        result = await api.send("POST", "/v1/credit/ratings", tax, {"items": items}, expect=200)
    if result["rejected"]:
        raise DemoError(f"ratings rejected: {result['rejected'][:3]}")
    partner = key_of(orgs, keys, data.PARTNER_APP)
    chosen = pushed(people)[:CONSENTED]

    async def consent(e: data.Enterprise) -> None:
        await authorise(api, partner, e.uscc)
        bank = orgs[data.BANKS[e.prefecture % 2]]["id"]  # 甘肃银行 or 兰州银行
        await consent_once(api, partner, e.uscc, bank)

    await each(chosen, consent)
    return next(e.uscc for e in chosen if e.rating == "A" and e.prefecture % 2 == 0)


def pushed(people: list[data.Enterprise]) -> list[data.Enterprise]:
    """Enterprises in the push set (税总发〔2019〕113号: A, B and M)."""
    return [e for e in people if e.rating in ("A", "B", "M")]


async def authorise(api: Api, partner: str, uscc: str) -> None:
    """The enterprise's authorisation of the app; skipped on a platform without authorisations."""
    listed = await api.call("GET", "/v1/credit/authorisations", partner, uscc=uscc)
    if listed.status_code == 404:
        return  # an older build: consents need no authorisation there
    if listed.status_code == 200 and any(a["status"] == "active" for a in listed.json()["items"]):
        return
    body = {"uscc": uscc, "evidence_ref": f"甘肃电子税务局授权-{uscc[-8:]}"}
    response = await api.call("POST", "/v1/credit/authorisations", partner, body, idem=f"demo-auth-{uscc}")
    if response.status_code not in (201, 404):
        raise DemoError(f"authorisation {uscc}: {response.status_code} {response.text[:300]}")


async def consent_once(api: Api, partner: str, uscc: str, bank_org_id: str) -> None:
    listed = await api.send("GET", "/v1/credit/consents", partner, None, expect=200, uscc=uscc)
    if any(c["bank_org_id"] == bank_org_id and c["status"] == "active" for c in listed["items"]):
        return
    body = {"uscc": uscc, "bank_org_id": bank_org_id, "evidence_ref": f"授权书-{uscc[-8:]}"}
    await api.create("/v1/credit/consents", partner, body, idem=f"demo-consent-{uscc}-{bank_org_id}")


# ---- guarantee (政银担): the chain, agreements, exposures ------------------------------


async def load_guarantee(
    api: Api, orgs: Orgs, keys: Keys, people: list[data.Enterprise], today: dt.date
) -> str:
    """National fund → provincial → one local per 市州; agreements; exposures with their story.
    Returns the 兰州市 local guarantor's institution id."""
    fund = await institution(api, orgs[data.NATIONAL_FUND], "national_fund", None, 66_100_000_000_000)
    provincial = await institution(api, orgs[data.PROVINCIAL], "provincial", fund, 1_200_000_000_000)
    locals_ = [
        await institution(api, orgs[p.guarantor], "local", provincial, 150_000_000_000)
        for p in data.PREFECTURES
    ]
    banks = [orgs[data.BANKS[0]]["id"], orgs[data.BANKS[2]]["id"]]  # 甘肃银行, 甘肃农信
    agreements = {(bank, local): await agreement(api, bank, local) for bank in banks for local in locals_}
    await exposures(api, orgs, keys, people, agreements, locals_, today)
    return locals_[0]


async def institution(api: Api, org: dict[str, Any], tier: str, parent: str | None, assets: int) -> str:
    listed = await api.all_pages("/v1/guarantee/institutions", api.admin, tier=tier)
    found = next((i["id"] for i in listed if i["org_id"] == org["id"]), None)
    if found is None and tier == "national_fund" and listed:
        found = listed[0]["id"]  # one national fund per platform: use the one there is
    if found is not None:
        return str(found)
    body = {"org_id": org["id"], "name": org["name"], "tier": tier, "parent_id": parent}
    body["net_assets_fen"] = assets
    made = await api.create("/v1/guarantee/institutions", api.admin, body, f"demo-inst-{org['id']}")
    return str(made["id"])


async def agreement(api: Api, bank_org_id: str, guarantor_id: str) -> str | None:
    """The agreement's id; None when it exists from an earlier load whose answer is no longer kept."""
    body = {"bank_org_id": bank_org_id, "guarantor_id": guarantor_id, "shares_bp": data.SHARES_BP}
    response = await api.call(
        "POST", "/v1/guarantee/agreements", api.admin, body, idem=f"demo-agr-{bank_org_id}-{guarantor_id}"
    )
    if response.status_code == 201:
        return str(response.json()["id"])
    if response.status_code == 409:
        return None
    raise DemoError(f"agreement: {response.status_code} {response.text[:300]}")


async def exposures(
    api: Api,
    orgs: Orgs,
    keys: Keys,
    people: list[data.Enterprise],
    agreements: dict[tuple[str, str], str | None],
    locals_: list[str],
    today: dt.date,
) -> None:
    """Guaranteed loans of small-micro enterprises: some repaid in part, one default with a recovery."""
    bank = orgs[data.BANKS[0]]["id"]
    chosen = [e for e in pushed(people) if e.small_micro][:EXPOSURES]
    for n, e in enumerate(chosen):
        agreement_id = agreements[(bank, locals_[e.prefecture])]
        guarantor = key_of(orgs, keys, data.PREFECTURES[e.prefecture].guarantor)
        loan_ref = f"GSB-{today.year - 1}-{n + 1:04d}"
        existing = await api.send("GET", "/v1/guarantee/exposures", api.admin, None, expect=200, uscc=e.uscc)
        if agreement_id is None or any(x["loan_ref"] == loan_ref for x in existing["items"]):
            continue
        start = today - dt.timedelta(days=300 - 5 * n)
        body = {
            "agreement_id": agreement_id, "loan_ref": loan_ref, "uscc": e.uscc,
            "principal_fen": (100 + 20 * n) * 10_000 * 100, "small_micro": True, "fee_rate_bp": 80,
            "start_date": start.isoformat(), "maturity_date": (start + dt.timedelta(days=730)).isoformat(),
        }  # fmt: skip
        made = await api.create("/v1/guarantee/exposures", guarantor, body, f"demo-exp-{bank}-{loan_ref}")
        await story(api, guarantor, made, n, start)


async def story(api: Api, guarantor: str, exposure: dict[str, Any], n: int, start: dt.date) -> None:
    """Every third loan repays a quarter; the 8th defaults (代偿) and a fifth is recovered (追偿)."""
    path = f"/v1/guarantee/exposures/{exposure['id']}"
    paid_on = (start + dt.timedelta(days=90)).isoformat()
    if n % 3 == 0:
        repay = {"amount_fen": exposure["principal_fen"] // 4, "paid_on": paid_on}
        await api.send("POST", f"{path}/repayments", guarantor, repay, expect=200, idem=f"demo-repay-{path}")
    if n == 7:
        default = {"defaulted_on": (start + dt.timedelta(days=200)).isoformat()}
        await api.send("POST", f"{path}/default", guarantor, default, expect=200, idem=f"demo-default-{path}")
        recovered = {"amount_fen": exposure["principal_fen"] // 5, "recovered_on": default["defaulted_on"]}
        idem = f"demo-rec-{path}"
        await api.send("POST", f"{path}/recoveries", guarantor, recovered, expect=200, idem=idem)


# ---- matching: products, profiles, demands and the banks' answers --------------------


async def load_matching(api: Api, orgs: Orgs, keys: Keys, people: list[data.Enterprise]) -> str:
    """Returns an enterprise with a profile (the match query example)."""
    for bank, items in data.products().items():
        await products(api, orgs[bank]["id"], key_of(orgs, keys, bank), items)
    partner = key_of(orgs, keys, data.PARTNER_APP)
    chosen = pushed(people)[:CONSENTED]
    await each(chosen, lambda e: profile(api, partner, e))
    await demands(api, orgs, keys, chosen[:12])
    return chosen[0].uscc


async def products(api: Api, bank_org_id: str, key: str, items: list[dict[str, object]]) -> None:
    have = {p["name"] for p in await api.all_pages("/v1/match/products", key, bank_org_id=bank_org_id)}
    for item in items:
        if item["name"] not in have:
            await api.create("/v1/match/products", key, item, f"demo-product-{bank_org_id}-{item['name']}")


async def profile(api: Api, partner: str, e: data.Enterprise) -> None:
    body = {
        "name": e.name, "industry_code": e.industry_code, "region_code": e.region_code,
        "employees": e.employees, "revenue_fen": e.revenue_fen, "total_assets_fen": e.total_assets_fen,
        "established_on": f"{e.established_year}-03-01",
        "flags": ["specialized_sme"] if e.industry_code.startswith(("C39", "I", "M")) else [],
        "collateral": ["ip"] if e.industry_code.startswith(("C39", "I", "M")) else ["equipment"],
    }  # fmt: skip
    await api.send("PUT", f"/v1/match/enterprises/{e.uscc}", partner, body, expect=200)


PURPOSES = ("流动资金周转", "购置生产设备", "原材料采购", "厂房改造")


async def demands(api: Api, orgs: Orgs, keys: Keys, chosen: list[data.Enterprise]) -> None:
    """Financing demands; each routed bank answers the first ones (accept, ask, decline)."""
    partner = key_of(orgs, keys, data.PARTNER_APP)
    mine = {(d["uscc"], d["purpose"]): d for d in await api.all_pages("/v1/match/demands", partner)}
    by_org = {orgs[b]["id"]: key_of(orgs, keys, b) for b in data.BANKS}
    for n, e in enumerate(chosen):
        purpose = PURPOSES[n % len(PURPOSES)]
        demand = mine.get((e.uscc, purpose))
        if demand is None:
            amount = (50 + 10 * n) * 10_000 * 100
            body = {"uscc": e.uscc, "amount_fen": amount, "term_months": 12, "purpose": purpose}
            idem = f"demo-demand-{e.uscc}-{n}"
            response = await api.call("POST", "/v1/match/demands", partner, body, idem=idem)
            if response.status_code != 201:
                continue  # e.g. not authorised on a build without authorisations; the demo goes on
            demand = response.json()
        await answer(api, by_org, demand, n)


async def answer(api: Api, banks: dict[str, str], demand: dict[str, Any], n: int) -> None:
    decisions = (
        {"decision": "accepted", "offered_amount_fen": demand["amount_fen"], "annual_rate_bp": 395},
        {"decision": "need_info", "reason": "请补充近两年财务报表"},
        {"decision": "declined", "reason": "经营年限不足本行要求"},
    )
    for bank_org_id in demand.get("routed_to", [])[:1]:
        key = banks.get(bank_org_id)
        answered = any(r["bank_org_id"] == bank_org_id for r in demand.get("responses", []))
        if key is None or answered or n % 4 == 3:
            continue  # some demands stay open, as in life
        body = decisions[n % 3]
        path = f"/v1/match/demands/{demand['id']}/responses"
        response = await api.call("POST", path, key, body, idem=f"demo-answer-{demand['id']}-{bank_org_id}")
        if response.status_code not in (201, 409):
            raise DemoError(f"answer: {response.status_code} {response.text[:300]}")
