"""Matching with real ratings (credit_push) and real guarantee headroom (guarantee).

Everything goes through the gateway to the real services: the tax authority uploads the
rating, the admin registers the guarantee chain, and loan_match asks both.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.support.api import Actor, Api
from tests.support.loan_match import WAN, of_bank, publish, put_profile, query


async def upload_rating(api: Api, uscc: str, rating: str, avg_annual_tax_fen: int | None) -> None:
    tax = await api.org("tax_authority")
    item: dict[str, Any] = {"uscc": uscc, "name": "示例企业", "rating": rating, "year": date.today().year - 1}
    if avg_annual_tax_fen is not None:
        item["avg_annual_tax_fen"] = avg_annual_tax_fen
    response = await api.call(tax, "POST", "/v1/credit/ratings", json={"items": [item]})
    assert response.status_code == 200, response.text
    assert response.json()["accepted"] == 1, response.text


async def test_rating_criteria_with_real_ratings(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    min_b = await publish(api, bank, name="B级以上", min_rating="B")
    min_a = await publish(api, bank, name="A级", min_rating="A")
    taxed = await publish(api, bank, name="税额五倍", tax_multiple={"B": 5})
    profile = await put_profile(api, app)
    # 20万元 average annual tax: 5 x = 100万元 exactly.
    await upload_rating(api, profile["uscc"], "B", 20 * WAN)

    at_limit = await query(api, app, profile["uscc"], amount_fen=100 * WAN)
    assert at_limit["rating"] == {"rating": "B", "year": date.today().year - 1}
    assert at_limit["degraded"] == []
    assert {m["product_id"] for m in of_bank(at_limit["matches"], bank)} == {min_b["id"], taxed["id"]}
    [excluded] = of_bank(at_limit["excluded"], bank)
    assert excluded["product_id"] == min_a["id"]
    assert [f["criterion"] for f in excluded["failed"]] == ["rating"]
    # The tax figure is used, never shown.
    assert "20000000" not in str(at_limit) and "200,000.00" not in str(at_limit)

    above = await query(api, app, profile["uscc"], amount_fen=100 * WAN + 1)
    failed = {
        e["product_id"]: [f["criterion"] for f in e["failed"]] for e in of_bank(above["excluded"], bank)
    }
    assert failed[taxed["id"]] == ["tax_multiple"]


async def test_c_and_d_never_pass_a_minimum_rating(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    await publish(api, bank, min_rating="M")
    plain = await publish(api, bank)
    profile = await put_profile(api, app)
    await upload_rating(api, profile["uscc"], "C", None)
    result = await query(api, app, profile["uscc"])
    assert result["rating"]["rating"] == "C"
    assert [m["product_id"] for m in of_bank(result["matches"], bank)] == [plain["id"]]
    [excluded] = of_bank(result["excluded"], bank)
    assert [f["criterion"] for f in excluded["failed"]] == ["rating"]


async def _national_fund(api: Api) -> str:
    """The platform's one national fund: the one registered already, or a new one."""
    admin = api.admin_headers
    found = await api.client.get(
        "/v1/guarantee/institutions", params={"tier": "national_fund"}, headers=admin
    )
    if found.status_code == 200 and found.json()["items"]:
        fund_id: str = found.json()["items"][0]["id"]
        return fund_id
    org = await api.org("guarantor")
    body = {
        "org_id": org.org_id,
        "name": "国家融资担保基金",
        "tier": "national_fund",
        "net_assets_fen": 10**12,
    }
    created = await api.client.post("/v1/guarantee/institutions", json=body, headers=admin)
    assert created.status_code == 201, created.text
    fund_id = created.json()["id"]
    return fund_id


async def _guarantor(api: Api, net_assets_fen: int) -> str:
    """A local guarantor under a new provincial re-guarantor under the national fund."""
    parent = await _national_fund(api)
    for tier, net_assets in (("provincial", 10**12), ("local", net_assets_fen)):
        org = await api.org("guarantor")
        body: dict[str, Any] = {
            "org_id": org.org_id,
            "name": f"{tier}-{org.name}",
            "tier": tier,
            "net_assets_fen": net_assets,
            "parent_id": parent,
        }
        created = await api.client.post("/v1/guarantee/institutions", json=body, headers=api.admin_headers)
        assert created.status_code == 201, created.text
        parent = created.json()["id"]
    return parent


async def _agreement(api: Api, bank: Actor, guarantor_id: str) -> None:
    shares = {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2000}
    body = {"bank_org_id": bank.org_id, "guarantor_id": guarantor_id, "shares_bp": shares}
    created = await api.client.post("/v1/guarantee/agreements", json=body, headers=api.admin_headers)
    assert created.status_code == 201, created.text


async def test_guarantee_capacity_and_fee(api: Api) -> None:
    roomy_bank, tight_bank = await api.org("bank"), await api.org("bank")
    app = await api.org("partner_app")
    roomy = await _guarantor(api, net_assets_fen=10_000 * WAN)  # 1亿元 net assets
    tight = await _guarantor(api, net_assets_fen=1 * WAN)  # 1万元: no room for 80万元
    await _agreement(api, roomy_bank, roomy)
    await _agreement(api, tight_bank, tight)
    guaranteed = await publish(
        api, roomy_bank, name="担保贷", requires_guarantee=True, annual_rate_bp=350, guarantee_fee_bp=100
    )
    plain = await publish(api, roomy_bank, name="信用贷", annual_rate_bp=420)
    await publish(api, tight_bank, name="担保贷", requires_guarantee=True)
    profile = await put_profile(api, app)

    result = await query(api, app, profile["uscc"], amount_fen=100 * WAN, term_months=12)
    assert result["degraded"] == []
    matches = of_bank(result["matches"], roomy_bank)
    # 担保贷: 35,000 元 interest + 10,000 元 fee = 45,000 > 信用贷 42,000: cost, not rate, ranks.
    assert [m["product_id"] for m in matches] == [plain["id"], guaranteed["id"]]
    assert (matches[1]["estimated_interest_fen"], matches[1]["estimated_guarantee_fee_fen"]) == (
        3_500_000,
        1_000_000,
    )
    assert matches[1]["estimated_total_cost_fen"] == 4_500_000
    [tight_excluded] = of_bank(result["excluded"], tight_bank)
    assert [f["criterion"] for f in tight_excluded["failed"]] == ["guarantee_capacity"]
