"""A real headless Chromium (Debian's, never a downloaded build) on the console of the test stack.

Without /usr/bin/chromium the browser tests skip locally with the reason, and fail under CI
(env CI set); `make test` installs it (deploy/test-tools.sh).
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.async_api import Browser, Page, Request, Response, async_playwright

from kit.money import yuan
from tests.support.api import Actor, Api, make_uscc
from tests.support.funds import G as FUNDS_G
from tests.support.funds import bridge_body, bridge_fund, pool, pool_loan
from tests.support.loan_match import put_profile
from tests.support.programmes import claim_body, create_programme, decide, file_claim, ip_interest_body
from tests.support.stack import Stack

CHROMIUM = Path(os.environ.get("FINMATCH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path("var/console-screenshots")
G = "/v1/guarantee"


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if CHROMIUM.is_file():
        return CHROMIUM
    reason = f"{CHROMIUM} is missing: `apt-get install -y chromium` (`make test` installs it)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
async def browser(chromium_path: Path) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        await launched.close()


@dataclass
class Tab:
    """One browser tab on the console, with every request it made."""

    page: Page
    gateway: str
    requests: list[Request] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    # Where the responses of the page last opened begin.
    opened_at: int = 0

    def api_requests(self) -> list[Request]:
        return [r for r in self.requests if r.url.startswith(self.gateway + "/v1/")]

    def since_opened(self, path: str) -> list[Response]:
        """The responses to GET ``path`` (no query) since the page was last opened, oldest first."""
        return [
            r
            for r in self.responses[self.opened_at :]
            if urlsplit(r.url).path == path and r.request.method == "GET"
        ]

    async def sign_in(self, key: str, path: str = "/console/credit") -> None:
        self.opened_at = len(self.responses)
        await self.page.goto(self.gateway + path)
        await self.page.fill("#api-key", key)
        await self.page.press("#api-key", "Enter")

    async def loaded(self) -> None:
        await self.page.wait_for_selector('body[data-loaded="true"]', state="attached")

    async def shot(self, name: str) -> None:
        await self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
async def tab(browser: Browser, stack: Stack) -> AsyncIterator[Tab]:
    context = await browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    page = await context.new_page()
    opened = Tab(page, stack.url("gateway"))
    page.on("request", lambda request: opened.requests.append(request))
    page.on("response", lambda response: opened.responses.append(response))
    yield opened
    await context.close()


async def ok(response: Any, status: int = 201) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


async def _national_fund(api: Api) -> str:
    listed = await ok(
        await api.client.get(
            f"{G}/institutions", params={"tier": "national_fund"}, headers=api.admin_headers
        ),
        200,
    )
    if listed["items"]:
        return str(listed["items"][0]["id"])
    org = await api.org("guarantor", "国家融资担保基金")
    body = {"org_id": org.org_id, "name": org.name, "tier": "national_fund", "net_assets_fen": 10**14}
    return str(
        (await ok(await api.client.post(f"{G}/institutions", json=body, headers=api.admin_headers)))["id"]
    )


async def _institution(api: Api, tier: str, parent_id: str) -> tuple[Actor, str]:
    org = await api.org("guarantor", f"{tier}-担保-{uuid.uuid4().hex[:6]}")
    body = {
        "org_id": org.org_id,
        "name": org.name,
        "tier": tier,
        "parent_id": parent_id,
        "net_assets_fen": 50_000_000_000,
    }
    created = await ok(await api.client.post(f"{G}/institutions", json=body, headers=api.admin_headers))
    return org, str(created["id"])


@dataclass
class Figures:
    """What the console should be able to show: made through the public API."""

    bank: Actor
    product_name: str
    local_name: str
    usccs: list[str]
    programme_name: str = ""
    pool_id: str = ""
    bridge_id: str = ""


async def guarantee_chain(api: Api, bank: Actor, uscc: str) -> str:
    """Fund -> provincial -> local guarantor, an agreement with the bank, one active exposure."""
    _, provincial = await _institution(api, "provincial", await _national_fund(api))
    local_org, local = await _institution(api, "local", provincial)
    shares = {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2000}
    agreement = await ok(
        await api.client.post(
            f"{G}/agreements",
            json={"bank_org_id": bank.org_id, "guarantor_id": local, "shares_bp": shares},
            headers=api.admin_headers,
        )
    )
    exposure = {
        "agreement_id": agreement["id"],
        "loan_ref": f"C-{uuid.uuid4().hex[:10]}",
        "uscc": uscc,
        "principal_fen": 300_000_000,
        "small_micro": True,
        "fee_rate_bp": 90,
        "start_date": "2026-02-01",
        "maturity_date": "2027-02-01",
    }
    await ok(await api.call(local_org, "POST", f"{G}/exposures", json=exposure))
    return local_org.name


async def report_loan(api: Api, bank: Actor, uscc: str) -> None:
    """A pure-credit loan for an enterprise once its A rating has reached the bank (§3 outcomes)."""
    body = {
        "uscc": uscc,
        "loan_ref": f"LN-{uuid.uuid4().hex[:10]}",
        "amount_fen": 50_000_000,
        "credit_type": "pure_credit",
        "granted_on": "2026-03-02",
    }
    for _ in range(100):
        answer = await api.call(bank, "POST", "/v1/credit/outcomes", json=body)
        if answer.status_code == 201:
            return
        assert answer.status_code == 422, answer.text
        if "loan_ref" in answer.text and "loan_ref" in body:
            body.pop("loan_ref")  # a credit_push from before loan_ref (CONTRACT §3) refuses it
            continue
        assert answer.json()["type"].endswith("enterprise-not-pushed"), answer.text
        await asyncio.sleep(0.2)
    pytest.fail("the bank was never sent the enterprise's rating")


@pytest.fixture(scope="session")
async def figures(stack: Stack) -> AsyncIterator[Figures]:
    api = Api(stack.url("gateway"))
    try:
        bank = await api.org("bank", f"甘肃测试银行-{uuid.uuid4().hex[:6]}")
        tax = await api.org("tax_authority")
        usccs = [make_uscc(region="620100"), make_uscc(region="620500")]
        items = [
            {
                "uscc": u,
                "name": f"控制台样例{i}",
                "rating": "A",
                "year": 2024,
                "region_code": u[2:8],
                "small_micro": True,
            }
            for i, u in enumerate(usccs)
        ]
        ingested = await ok(await api.call(tax, "POST", "/v1/credit/ratings", json={"items": items}), 200)
        if any("small_micro" in r["detail"] for r in ingested["rejected"]):
            # A credit_push before the 受益户数比例 work knows no small_micro mark yet.
            items = [{k: v for k, v in item.items() if k != "small_micro"} for item in items]
            ingested = await ok(await api.call(tax, "POST", "/v1/credit/ratings", json={"items": items}), 200)
        assert ingested["rejected"] == [], ingested
        await report_loan(api, bank, usccs[0])
        product_name = f"陇原控制台贷-{uuid.uuid4().hex[:6]}"
        product = {
            "name": product_name,
            "product_type": "pure_credit",
            "min_amount_fen": 100_000,
            "max_amount_fen": 500_000_000,
            "min_term_months": 1,
            "max_term_months": 36,
            "annual_rate_bp": 395,
        }
        await ok(await api.call(bank, "POST", "/v1/match/products", json=product))
        local_name = await guarantee_chain(api, bank, usccs[1])
        await answered_demand(api, bank)
        programme_name = await subsidy(api, bank)
        pool_id, bridge_id = await policy_funds(api)
        yield Figures(bank, product_name, local_name, usccs, programme_name, pool_id, bridge_id)
    finally:
        await api.aclose()


async def answered_demand(api: Api, bank: Actor) -> None:
    """A demand routed to the bank (its product takes any enterprise) and accepted by it."""
    app = await api.org("partner_app")
    uscc = (await put_profile(api, app))["uscc"]
    body = {"uscc": uscc, "amount_fen": 1_000_000, "term_months": 12, "purpose": "流动资金周转"}
    demand = await ok(await api.call(app, "POST", "/v1/match/demands", json=body))
    answer = {"decision": "accepted", "offered_amount_fen": 1_000_000, "annual_rate_bp": 395}
    await ok(await api.call(bank, "POST", f"/v1/match/demands/{demand['id']}/responses", json=answer))


async def subsidy(api: Api, bank: Actor) -> str:
    """The seed's IP-pledge interest programme with one approved claim."""
    manager = await api.org("fund_manager", f"工信厅-{uuid.uuid4().hex[:6]}")
    name = f"知识产权质押融资贴息-{uuid.uuid4().hex[:6]}"
    programme = await create_programme(api, manager, ip_interest_body(name=name))
    app = await api.org("partner_app")
    uscc = (await put_profile(api, app, region_code="620502", collateral=["ip"]))["uscc"]
    claim = await file_claim(api, bank, programme["id"], claim_body(uscc, bank.org_id, 100_000 * 100))
    assert (await decide(api, manager, claim["id"], decision="approved")).status_code == 200
    return name


async def policy_funds(api: Api) -> tuple[str, str]:
    """A pool with one defaulted loan, and a bridge fund with one loan out."""
    p = await pool(api, balance_fen=yuan(1_000_000))
    loan = await pool_loan(api, p, p.banks[0])
    await ok(
        await api.call(
            p.banks[0], "POST", f"{p.loans()}/{loan}/default", json={"defaulted_on": "2026-06-01"}
        ),
        200,
    )
    b = await bridge_fund(api)
    await ok(await api.call(b.manager, "POST", f"{FUNDS_G}/bridge-funds/{b.id}/loans", json=bridge_body(b)))
    return p.id, b.id
