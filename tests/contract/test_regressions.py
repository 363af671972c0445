"""What the contract fuzzer found, pinned down one by one (each failed before its fix)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.support.api import Api
from tests.support.problems import assert_problem
from tests.support.world import World

NUL = "\x00"


def _bodies(world: World) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(role, method, path, body) creating something, each with a NUL in one text field."""
    product = {
        "name": f"陇原{NUL}e贷",
        "product_type": "pure_credit",
        "min_amount_fen": 1,
        "max_amount_fen": 2,
        "min_term_months": 1,
        "max_term_months": 2,
        "annual_rate_bp": 1,
    }
    return [
        ("admin", "POST", "/v1/orgs", {"name": f"bank{NUL}", "role": "bank"}),
        ("bank", "POST", "/v1/match/products", product),
        ("bank", "POST", "/v1/credit/subscriptions", {"url": f"http://127.0.0.1:9/{NUL}"}),
        (
            "partner_app",
            "POST",
            "/v1/credit/consents",
            {"uscc": world.uscc, "bank_org_id": world.objects["bank_org_id"], "evidence_ref": f"EV{NUL}"},
        ),
        (
            "partner_app",
            "POST",
            "/v1/match/demands",
            {"uscc": world.uscc, "amount_fen": 100_000_000, "term_months": 12, "purpose": f"流动{NUL}资金"},
        ),
        (
            "guarantor",
            "POST",
            "/v1/guarantee/exposures",
            {
                "agreement_id": world.objects["agreement_id"],
                "loan_ref": f"L-{uuid.uuid4().hex[:8]}{NUL}",
                "uscc": world.uscc,
                "principal_fen": 1_000_000,
                "small_micro": True,
                "fee_rate_bp": 80,
                "start_date": "2026-01-10",
                "maturity_date": "2027-01-10",
            },
        ),
    ]


async def test_text_with_a_nul_character_is_a_422_and_stores_nothing(api: Api, world: World) -> None:
    """PostgreSQL cannot store U+0000: it was a 500 (found on POST /v1/orgs, true of every text field)."""
    before = (
        await api.call(world.actors["bank"], "GET", "/v1/match/products", params={"limit": 1000})
    ).json()
    for role, method, path, body in _bodies(world):
        response = await api.client.request(method, path, json=body, headers=world.headers(role))
        assert response.status_code == 422, (path, response.status_code, response.text)
        problem = assert_problem(422, response.headers, response.content)
        assert problem["type"].endswith("/invalid-text"), problem
    after = (await api.call(world.actors["bank"], "GET", "/v1/match/products", params={"limit": 1000})).json()
    assert after["items"] == before["items"]


@pytest.mark.parametrize("value", ["", "nope", "%00"])
async def test_loan_match_a_malformed_bank_filter_is_a_422(api: Api, world: World, value: str) -> None:
    """loan_match answered 404 "No such bank" to ``?bank_org_id=`` (undocumented for a list)."""
    response = await api.client.get(
        f"/v1/match/products?bank_org_id={value}", headers=world.headers("partner_app")
    )
    assert response.status_code == 422, response.text
    assert assert_problem(422, response.headers, response.content)["type"].endswith("/validation-error")


async def test_loan_match_an_unknown_bank_filter_is_an_empty_list(api: Api, world: World) -> None:
    response = await api.client.get(
        "/v1/match/products", params={"bank_org_id": str(uuid.uuid4())}, headers=world.headers("bank")
    )
    assert response.status_code == 200, response.text
    assert response.json()["items"] == []
