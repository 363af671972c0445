"""Product catalogue through the gateway: publish, validate, change, retire, list with ETags."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.api import Api
from tests.support.loan_match import product_body, publish

PRODUCTS = "/v1/match/products"


async def test_bank_publishes_a_product_with_defaults(api: Api) -> None:
    bank = await api.org("bank")
    created = await publish(api, bank)
    assert created["bank_org_id"] == bank.org_id
    assert created["sizes"] == ["micro", "small", "medium"]
    assert created["region_codes"] == [] and created["industry_prefixes"] == []
    assert created["guarantee_fee_bp"] == 100 and created["interest_subsidy_bp"] == 0
    assert created["requires_guarantee"] is False and created["min_rating"] is None
    fetched = await api.call(bank, "GET", f"{PRODUCTS}/{created['id']}")
    assert fetched.status_code == 200 and fetched.json() == created


@pytest.mark.parametrize("role", ["partner_app", "guarantor", "tax_authority", "admin"])
async def test_only_banks_publish(api: Api, role: str) -> None:
    other = await api.org(role) if role != "admin" else None
    headers = api.admin_headers if other is None else {}
    response = await api.call(other, "POST", PRODUCTS, json=product_body(), headers=headers)
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"min_amount_fen": 600_000_000}, "min_amount_fen"),
        ({"min_term_months": 48}, "min_term_months"),
        ({"required_flags": ["green"]}, "required_flags"),
        ({"accepted_collateral": ["gold"]}, "accepted_collateral"),
        ({"region_codes": ["62010"]}, "region_codes"),
        ({"region_codes": ["990000"]}, "region_codes"),
        ({"region_codes": ["621300"]}, "region_codes"),  # not one of Gansu's 14 prefectures
        ({"industry_prefixes": ["C12"]}, "industry_prefixes"),  # division 12 is in section B
        ({"industry_prefixes": ["Z"]}, "industry_prefixes"),
        ({"industry_prefixes": ["C1"]}, "industry_prefixes"),
        ({"sizes": ["large"]}, "sizes"),
        ({"min_rating": "C"}, "min_rating"),
        ({"tax_multiple": {"C": 3}}, "tax_multiple"),
        ({"tax_multiple": {}}, "tax_multiple"),
        ({"tax_multiple": {"A": 0}}, "tax_multiple"),
        ({"product_type": "mortgage"}, "product_type"),
        ({"annual_rate_bp": 3.85}, "annual_rate_bp"),
        ({"annual_rate_bp": -1}, "annual_rate_bp"),
        ({"min_amount_fen": "100"}, "min_amount_fen"),
        ({"interest_subsidy_bp": 10_001}, "interest_subsidy_bp"),
        ({"name": ""}, "name"),
        ({"unknown_field": 1}, "unknown_field"),
    ],
)
async def test_bad_products_are_422_naming_the_field(api: Api, overrides: dict[str, Any], field: str) -> None:
    bank = await api.org("bank")
    response = await api.call(bank, "POST", PRODUCTS, json=product_body(**overrides))
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["type"].endswith("/validation-error")
    assert any(error["loc"][:2] == ["body", field] for error in problem["errors"]), problem
    listed = await api.call(bank, "GET", PRODUCTS, params={"bank_org_id": bank.org_id})
    assert listed.json()["items"] == []


async def test_only_the_owning_bank_changes_or_retires(api: Api) -> None:
    owner, other = await api.org("bank"), await api.org("bank")
    app = await api.org("partner_app")
    product = await publish(api, owner)
    url = f"{PRODUCTS}/{product['id']}"
    assert (await api.call(other, "PATCH", url, json={"annual_rate_bp": 1})).status_code == 404
    assert (await api.call(other, "DELETE", url)).status_code == 404
    assert (await api.call(app, "PATCH", url, json={"annual_rate_bp": 1})).status_code == 403
    assert (await api.call(app, "DELETE", url)).status_code == 403
    assert (await api.call(owner, "GET", url)).json()["annual_rate_bp"] == 385


async def test_patch_changes_fields_and_checks_the_result(api: Api) -> None:
    bank = await api.org("bank")
    product = await publish(api, bank, min_rating="B")
    url = f"{PRODUCTS}/{product['id']}"
    changed = await api.call(bank, "PATCH", url, json={"annual_rate_bp": 420, "min_rating": None})
    assert changed.status_code == 200, changed.text
    assert changed.json()["annual_rate_bp"] == 420 and changed.json()["min_rating"] is None
    assert changed.json()["updated_at"] > product["updated_at"]
    # min above the stored max is refused even though the body alone looks fine.
    bad = await api.call(bank, "PATCH", url, json={"min_amount_fen": 600_000_000})
    assert bad.status_code == 422 and bad.json()["errors"][0]["loc"] == ["body", "min_amount_fen"]
    null_name = await api.call(bank, "PATCH", url, json={"name": None})
    assert null_name.status_code == 422 and null_name.json()["errors"][0]["loc"] == ["body", "name"]
    assert (await api.call(bank, "GET", url)).json()["annual_rate_bp"] == 420


async def test_retired_products_are_not_listed_or_found(api: Api) -> None:
    bank = await api.org("bank")
    kept, retired = await publish(api, bank), await publish(api, bank, name="退役产品")
    assert (await api.call(bank, "DELETE", f"{PRODUCTS}/{retired['id']}")).status_code == 204
    assert (await api.call(bank, "GET", f"{PRODUCTS}/{retired['id']}")).status_code == 404
    assert (await api.call(bank, "DELETE", f"{PRODUCTS}/{retired['id']}")).status_code == 404
    listed = await api.call(bank, "GET", PRODUCTS, params={"bank_org_id": bank.org_id})
    assert [item["id"] for item in listed.json()["items"]] == [kept["id"]]


async def test_unknown_or_malformed_ids_are_404(api: Api) -> None:
    bank = await api.org("bank")
    for product_id in ("00000000-0000-0000-0000-000000000000", "not-a-uuid"):
        assert (await api.call(bank, "GET", f"{PRODUCTS}/{product_id}")).status_code == 404


async def test_list_pages_and_etag(api: Api) -> None:
    bank = await api.org("bank")
    guarantor = await api.org("guarantor")
    ids = [(await publish(api, bank, name=f"产品{i}"))["id"] for i in range(3)]
    params = {"bank_org_id": bank.org_id, "limit": 2}
    first = await api.call(guarantor, "GET", PRODUCTS, params=params)
    assert first.status_code == 200
    assert [item["id"] for item in first.json()["items"]] == ids[:2]
    second = await api.call(
        guarantor, "GET", PRODUCTS, params={**params, "cursor": first.json()["next_cursor"]}
    )
    assert [item["id"] for item in second.json()["items"]] == ids[2:]
    assert second.json()["next_cursor"] is None

    etag = first.headers["ETag"]
    same = await api.call(guarantor, "GET", PRODUCTS, params=params, headers={"If-None-Match": etag})
    assert same.status_code == 304 and same.content == b"" and same.headers["ETag"] == etag
    await api.call(bank, "PATCH", f"{PRODUCTS}/{ids[0]}", json={"annual_rate_bp": 500})
    changed = await api.call(guarantor, "GET", PRODUCTS, params=params, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag

    one = await api.call(guarantor, "GET", f"{PRODUCTS}/{ids[1]}")
    again = await api.call(
        guarantor, "GET", f"{PRODUCTS}/{ids[1]}", headers={"If-None-Match": one.headers["ETag"]}
    )
    assert again.status_code == 304


async def test_bad_cursor_is_422(api: Api) -> None:
    bank = await api.org("bank")
    response = await api.call(bank, "GET", PRODUCTS, params={"cursor": "nonsense"})
    assert response.status_code == 422 and response.json()["type"].endswith("/invalid-cursor")


async def test_idempotent_publish(api: Api) -> None:
    bank = await api.org("bank")
    headers = {"Idempotency-Key": "publish-1"}
    first = await api.call(bank, "POST", PRODUCTS, json=product_body(), headers=headers)
    second = await api.call(bank, "POST", PRODUCTS, json=product_body(), headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    listed = await api.call(bank, "GET", PRODUCTS, params={"bank_org_id": bank.org_id})
    assert len(listed.json()["items"]) == 1
