"""Helpers for subsidy-programme tests (CONTRACT §6): payloads and shortcuts through the gateway."""

from __future__ import annotations

from typing import Any

from tests.support.api import Actor, Api

YUAN = 100
PROGRAMMES = "/v1/match/programmes"


def ip_interest_body(**overrides: Any) -> dict[str, Any]:
    """The seed's IP-pledge interest subsidy (甘工信发〔2019〕114号): 50%, at most 200,000 yuan
    per enterprise per year."""
    body: dict[str, Any] = {
        "name": "知识产权质押融资贴息",
        "kind": "interest",
        "share_bp": 5000,
        "cap_per_enterprise_year_fen": 200_000 * YUAN,
        "budget_fen": 10_000_000 * YUAN,
        "year": 2026,
        "eligible": {"collateral": ["ip"], "sizes": ["micro", "small", "medium"]},
    }
    body.update(overrides)
    return body


def valuation_fee_body(**overrides: Any) -> dict[str, Any]:
    """The seed's patent valuation fee subsidy: 50%, at most 30,000 yuan per item."""
    body = ip_interest_body(name="专利价值评估费补贴", kind="fee", cap_per_item_fen=30_000 * YUAN)
    body.pop("cap_per_enterprise_year_fen")
    body.update(overrides)
    return body


async def create_programme(api: Api, manager: Actor, body: dict[str, Any]) -> dict[str, Any]:
    response = await api.call(manager, "POST", PROGRAMMES, json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def claim_body(uscc: str, bank_org_id: str, paid_fen: int, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "uscc": uscc,
        "loan_ref": f"LN-{uscc[-6:]}",
        "bank_org_id": bank_org_id,
        "period_from": "2026-01-01",
        "period_to": "2026-06-30",
        "paid_fen": paid_fen,
    }
    body.update(overrides)
    return body


async def file_claim(api: Api, filer: Actor, programme_id: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await api.call(filer, "POST", f"{PROGRAMMES}/{programme_id}/claims", json=body)
    assert response.status_code == 201, response.text
    filed: dict[str, Any] = response.json()
    return filed


async def decide(api: Api, manager: Actor, claim_id: str, **body: Any) -> Any:
    return await api.call(manager, "POST", f"/v1/match/claims/{claim_id}/decision", json=body)


async def programme(api: Api, actor: Actor, programme_id: str) -> dict[str, Any]:
    response = await api.call(actor, "GET", f"{PROGRAMMES}/{programme_id}")
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found
