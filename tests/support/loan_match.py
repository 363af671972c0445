"""Helpers for loan_match tests: payloads and shortcuts through the gateway."""

from __future__ import annotations

from typing import Any

from tests.support.api import Actor, Api, make_uscc

WAN = 1_000_000  # fen in 1 万元


def product_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "陇原e贷",
        "product_type": "pure_credit",
        "min_amount_fen": 10_000_000,  # 10万元
        "max_amount_fen": 500_000_000,  # 500万元
        "min_term_months": 6,
        "max_term_months": 36,
        "annual_rate_bp": 385,
    }
    body.update(overrides)
    return body


def profile_body(**overrides: Any) -> dict[str, Any]:
    """A small manufacturer in 兰州 (工业: 50 staff, 800万元 revenue → small)."""
    body: dict[str, Any] = {
        "name": "兰州示例机械制造有限公司",
        "industry_code": "C3411",
        "region_code": "620102",
        "employees": 50,
        "revenue_fen": 800 * WAN,
        "total_assets_fen": 1200 * WAN,
        "established_on": "2018-03-01",
        "flags": ["specialized_sme"],
        "collateral": ["receivables"],
    }
    body.update(overrides)
    return body


async def publish(api: Api, bank: Actor, **overrides: Any) -> dict[str, Any]:
    response = await api.call(bank, "POST", "/v1/match/products", json=product_body(**overrides))
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def put_profile(
    api: Api, app: Actor, uscc: str | None = None, *, authorised: bool = True, **overrides: Any
) -> dict[str, Any]:
    """The app's profile of an enterprise; by default the enterprise has also authorised the
    app (as an app acting for it has), so its rating may be used and demands published."""
    uscc = uscc or make_uscc()
    response = await api.call(app, "PUT", f"/v1/match/enterprises/{uscc}", json=profile_body(**overrides))
    assert response.status_code == 200, response.text
    profile: dict[str, Any] = response.json()
    if authorised:
        await authorise_if_offered(api, app, uscc)
    return profile


async def query(api: Api, app: Actor, uscc: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "uscc": uscc,
        "amount_fen": 100 * WAN,
        "term_months": 12,
        "include_excluded": True,
        # Tests share one catalogue: ask for every match, so this test's products are among them.
        "limit": 1000,
    }
    body.update(overrides)
    response = await api.call(app, "POST", "/v1/match/queries", json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def of_bank(items: list[dict[str, Any]], bank: Actor) -> list[dict[str, Any]]:
    """Only this test's products: the catalogue is shared by every test of the run."""
    return [item for item in items if item["bank_org_id"] == bank.org_id]


AUTHORISATIONS = "/v1/credit/authorisations"


async def authorise(api: Api, app: Actor, uscc: str) -> dict[str, Any]:
    """The enterprise's authorisation of ``app`` (CONTRACT §3), recorded with credit_push."""
    body = {"uscc": uscc, "evidence_ref": f"电子税务局授权-{uscc}"}
    response = await api.call(app, "POST", AUTHORISATIONS, json=body)
    assert response.status_code == 201, response.text
    recorded: dict[str, Any] = response.json()
    return recorded


async def authorise_if_offered(api: Api, app: Actor, uscc: str) -> None:
    """As :func:`authorise`, accepting an authorisation recorded already (409)."""
    body = {"uscc": uscc, "evidence_ref": f"电子税务局授权-{uscc}"}
    response = await api.call(app, "POST", AUTHORISATIONS, json=body)
    assert response.status_code in (201, 409), response.text
