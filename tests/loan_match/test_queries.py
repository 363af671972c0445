"""Matching through the gateway: every criterion failing alone, exact cost and ranking, tenancy.

The catalogue is shared by every test of the run, so each test looks only at its own
bank's products. Ratings and guarantee capacity come from the real credit_push and
guarantee apps; here the enterprise has no rating and the bank no guarantee agreement.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from services.loan_match.schemas.queries import QueryResult
from tests.support.api import Api, make_uscc
from tests.support.loan_match import WAN, of_bank, publish, put_profile, query

QUERIES = "/v1/match/queries"

# One constraint each that the default profile (small 工业 in 兰州, since 2018, 800万元
# revenue, specialized_sme, receivables, no rating) fails, for a 100万元 / 12-month query.
FAILING_ALONE: list[tuple[str, dict[str, Any]]] = [
    ("amount", {"min_amount_fen": 200 * WAN}),
    ("term", {"min_term_months": 24}),
    ("rating", {"min_rating": "M"}),
    ("tax_multiple", {"tax_multiple": {"A": 5, "B": 3}}),
    ("size", {"sizes": ["medium"]}),
    ("region", {"region_codes": ["620200", "610000"]}),
    ("industry", {"industry_prefixes": ["I65", "C13"]}),
    ("years_in_business", {"min_years_in_business": 20}),
    ("revenue", {"min_revenue_fen": 800 * WAN + 1}),
    ("flags", {"required_flags": ["high_tech", "specialized_sme"]}),
    ("collateral", {"accepted_collateral": ["real_estate", "ip"]}),
    ("guarantee_capacity", {"requires_guarantee": True, "product_type": "guaranteed"}),
]


@pytest.mark.parametrize(("criterion", "constraint"), FAILING_ALONE, ids=[c for c, _ in FAILING_ALONE])
async def test_each_criterion_fails_on_its_own(api: Api, criterion: str, constraint: dict[str, Any]) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    product = await publish(api, bank, **constraint)
    profile = await put_profile(api, app)
    result = await query(api, app, profile["uscc"])
    assert of_bank(result["matches"], bank) == []
    [excluded] = of_bank(result["excluded"], bank)
    assert excluded["product_id"] == product["id"]
    assert [f["criterion"] for f in excluded["failed"]] == [criterion]
    assert excluded["failed"][0]["detail"]


async def test_constraints_that_hold_match(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    product = await publish(
        api,
        bank,
        sizes=["small"],
        region_codes=["620000"],
        industry_prefixes=["C34"],
        min_years_in_business=5,
        min_revenue_fen=800 * WAN,
        required_flags=["specialized_sme"],
        accepted_collateral=["receivables", "ip"],
        min_amount_fen=100 * WAN,
        max_amount_fen=100 * WAN,
        min_term_months=12,
        max_term_months=12,
    )
    profile = await put_profile(api, app)
    result = await query(api, app, profile["uscc"])
    [match] = of_bank(result["matches"], bank)
    assert match["product_id"] == product["id"]
    assert {r["criterion"] for r in match["reasons"]} >= {"size", "region", "industry", "collateral"}
    assert of_bank(result["excluded"], bank) == []
    assert result["uscc"] == profile["uscc"] and result["size"] == "small"
    assert result["rating"] is None and result["degraded"] == []


async def test_all_failures_are_listed(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    constraints: dict[str, Any] = {}
    for _, constraint in FAILING_ALONE:
        constraints.update(constraint)
    constraints["max_amount_fen"] = 500 * WAN
    constraints["max_term_months"] = 36
    await publish(api, bank, **constraints)
    profile = await put_profile(api, app)
    [excluded] = of_bank((await query(api, app, profile["uscc"]))["excluded"], bank)
    assert [f["criterion"] for f in excluded["failed"]] == [c for c, _ in FAILING_ALONE]


async def test_large_enterprises_match_no_sme_product(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    await publish(api, bank)
    profile = await put_profile(api, app, employees=1000, revenue_fen=40000 * WAN)
    result = await query(api, app, profile["uscc"])
    assert result["size"] == "large"
    [excluded] = of_bank(result["excluded"], bank)
    assert [f["criterion"] for f in excluded["failed"]] == ["size"]


async def test_cost_and_ranking_are_exact(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    cheap = await publish(api, bank, name="低息", annual_rate_bp=300, min_amount_fen=1)
    plain_1 = await publish(api, bank, name="标准一", annual_rate_bp=400, min_amount_fen=1)
    plain_2 = await publish(api, bank, name="标准二", annual_rate_bp=400, min_amount_fen=1)
    subsidised = await publish(
        api, bank, name="贴息", annual_rate_bp=500, interest_subsidy_bp=2000, min_amount_fen=1
    )
    profile = await put_profile(api, app)
    # 12,345.67 元 for 7 months: every estimate needs rounding.
    result = await query(
        api, app, profile["uscc"], amount_fen=1_234_567, term_months=7, include_excluded=False
    )
    matches = of_bank(result["matches"], bank)
    # 300bp: 21,604.92... fen -> 21,605; 400bp: 28,806.56 -> 28,807; 500bp x 80%: the same 28,807.
    tied = sorted([plain_1["id"], plain_2["id"]])
    assert [m["product_id"] for m in matches] == [cheap["id"], *tied, subsidised["id"]]
    assert [m["estimated_interest_fen"] for m in matches] == [21_605, 28_807, 28_807, 28_807]
    assert all(m["estimated_guarantee_fee_fen"] == 0 for m in matches)
    assert all(m["estimated_total_cost_fen"] == m["estimated_interest_fen"] for m in matches)
    assert result["excluded"] == []
    # Ranking across the whole result (every bank) follows the contract's order too.
    keys = [(m["estimated_total_cost_fen"], m["annual_rate_bp"], m["product_id"]) for m in result["matches"]]
    assert keys == sorted(keys)


async def test_retired_products_are_not_matched(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    product = await publish(api, bank)
    assert (await api.call(bank, "DELETE", f"/v1/match/products/{product['id']}")).status_code == 204
    profile = await put_profile(api, app)
    result = await query(api, app, profile["uscc"])
    assert of_bank(result["matches"], bank) == [] and of_bank(result["excluded"], bank) == []


async def test_query_needs_the_apps_own_profile(api: Api) -> None:
    app, other = await api.org("partner_app"), await api.org("partner_app")
    profile = await put_profile(api, app)
    body = {"uscc": profile["uscc"], "amount_fen": 100 * WAN, "term_months": 12}
    assert (await api.call(other, "POST", QUERIES, json=body)).status_code == 404
    unknown = {**body, "uscc": make_uscc()}
    assert (await api.call(app, "POST", QUERIES, json=unknown)).status_code == 404
    bank = await api.org("bank")
    assert (await api.call(bank, "POST", QUERIES, json=body)).status_code == 403


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"amount_fen": 0}, "amount_fen"),
        ({"amount_fen": 100.5}, "amount_fen"),
        ({"term_months": 0}, "term_months"),
        ({"include_excluded": "yes"}, "include_excluded"),
    ],
)
async def test_bad_queries_are_422(api: Api, overrides: dict[str, Any], field: str) -> None:
    app = await api.org("partner_app")
    profile = await put_profile(api, app)
    body = {"uscc": profile["uscc"], "amount_fen": 100 * WAN, "term_months": 12, **overrides}
    response = await api.call(app, "POST", QUERIES, json=body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", field]


async def test_bad_uscc_in_query(api: Api) -> None:
    app = await api.org("partner_app")
    response = await api.call(app, "POST", QUERIES, json={"uscc": "123", "amount_fen": 1, "term_months": 1})
    assert response.status_code == 422 and response.json()["type"].endswith("/invalid-uscc")


async def test_a_changed_product_is_matched_as_it_is_now(api: Api) -> None:
    """Matching keeps compiled products between queries; a change or retirement shows at once."""
    bank, app = await api.org("bank"), await api.org("partner_app")
    product = await publish(api, bank)
    profile = await put_profile(api, app)
    [before] = of_bank((await query(api, app, profile["uscc"]))["matches"], bank)
    assert before["annual_rate_bp"] == 385
    path = f"/v1/match/products/{product['id']}"
    patched = await api.call(bank, "PATCH", path, json={"annual_rate_bp": 420, "min_amount_fen": 200 * WAN})
    assert patched.status_code == 200, patched.text
    result = await query(api, app, profile["uscc"])
    assert of_bank(result["matches"], bank) == []
    [excluded] = of_bank(result["excluded"], bank)
    assert [f["criterion"] for f in excluded["failed"]] == ["amount"]
    [after] = of_bank((await query(api, app, profile["uscc"], amount_fen=200 * WAN))["matches"], bank)
    assert after["annual_rate_bp"] == 420
    assert (await api.call(bank, "DELETE", path)).status_code == 204
    gone = await query(api, app, profile["uscc"], amount_fen=200 * WAN)
    assert of_bank(gone["matches"], bank) == [] and of_bank(gone["excluded"], bank) == []


async def test_query_answer_follows_its_schema(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    await publish(api, bank)
    await publish(api, bank, min_amount_fen=200 * WAN)
    profile = await put_profile(api, app)
    result = await query(api, app, profile["uscc"])
    shape = TypeAdapter(QueryResult)
    assert shape.dump_python(shape.validate_python(result), mode="json") == result
    assert list(result) == ["uscc", "size", "rating", "degraded", "total_matches", "matches", "excluded"]
