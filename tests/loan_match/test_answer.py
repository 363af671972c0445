"""The shape of a query's answer (CONTRACT §5): `limit`, `total_matches`, reasons that name only
the criteria a product sets, a complete `excluded` list, and a catalogue every replica sees.

Each test's products take a term of its own that no other product offers (400 months and up),
and it asks for that term, so the query matches exactly this test's products although the
catalogue is shared by the whole run.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support.api import Actor, Api
from tests.support.loan_match import WAN, publish, put_profile
from tests.support.principals import as_org
from tests.support.stack import Stack

QUERIES = "/v1/match/queries"
_terms = itertools.count(400)


class Term:
    """A term of months no other test's product offers: its products and its query body."""

    def __init__(self) -> None:
        self.months = next(_terms)
        self.product = {"min_term_months": self.months, "max_term_months": self.months}

    def ask(self, uscc: str, **more: Any) -> dict[str, Any]:
        return {"uscc": uscc, "amount_fen": 100 * WAN, "term_months": self.months, **more}


async def answer(api: Api, app: Actor, body: dict[str, Any]) -> dict[str, Any]:
    response = await api.call(app, "POST", QUERIES, json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def test_limit_caps_matches_and_total_counts_them_all(api: Api) -> None:
    term = Term()
    bank, app = await api.org("bank"), await api.org("partner_app")
    # Interest ranks them: 300 < 310 < 320 < 330 bp, same amount and term.
    made = [await publish(api, bank, annual_rate_bp=rate, **term.product) for rate in (330, 300, 320, 310)]
    ranked = [made[1]["id"], made[3]["id"], made[2]["id"], made[0]["id"]]
    profile = await put_profile(api, app)

    first_two = await answer(api, app, term.ask(profile["uscc"], limit=2))
    assert first_two["total_matches"] == 4
    assert [m["product_id"] for m in first_two["matches"]] == ranked[:2]
    every = await answer(api, app, term.ask(profile["uscc"], limit=1000))
    assert [m["product_id"] for m in every["matches"]] == ranked and every["total_matches"] == 4
    costs = [m["estimated_total_cost_fen"] for m in every["matches"]]
    assert costs == sorted(costs)


async def test_limit_defaults_to_20(api: Api) -> None:
    term = Term()
    bank, app = await api.org("bank"), await api.org("partner_app")
    for i in range(21):
        await publish(api, bank, annual_rate_bp=400 + i, **term.product)
    profile = await put_profile(api, app)
    result = await answer(api, app, term.ask(profile["uscc"]))
    assert result["total_matches"] == 21 and len(result["matches"]) == 20
    assert [m["annual_rate_bp"] for m in result["matches"]] == list(range(400, 420))


@pytest.mark.parametrize("limit", [0, 1001, -1, "20", 2.5])
async def test_limit_out_of_range_is_422(api: Api, limit: Any) -> None:
    term = Term()
    app = await api.org("partner_app")
    profile = await put_profile(api, app)
    response = await api.call(app, "POST", QUERIES, json=term.ask(profile["uscc"], limit=limit))
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"] == ["body", "limit"]


async def test_reasons_name_only_the_criteria_a_product_sets(api: Api) -> None:
    term = Term()
    bank, app = await api.org("bank"), await api.org("partner_app")
    bare = await publish(api, bank, annual_rate_bp=300, **term.product)
    narrow = await publish(
        api,
        bank,
        annual_rate_bp=301,
        sizes=["small", "micro"],
        region_codes=["620000"],
        industry_prefixes=["C"],
        min_years_in_business=1,
        min_revenue_fen=WAN,
        required_flags=["specialized_sme"],
        accepted_collateral=["receivables"],
        **term.product,
    )
    # Every size, zero years and zero revenue are no constraint: not named either.
    default_like = await publish(
        api, bank, annual_rate_bp=302, sizes=["micro", "small", "medium"], min_revenue_fen=0, **term.product
    )
    profile = await put_profile(api, app)
    result = await answer(api, app, term.ask(profile["uscc"], limit=1000))
    reasons = {m["product_id"]: [r["criterion"] for r in m["reasons"]] for m in result["matches"]}
    assert reasons == {
        bare["id"]: ["amount", "term"],
        narrow["id"]: [
            "amount",
            "term",
            "size",
            "region",
            "industry",
            "years_in_business",
            "revenue",
            "flags",
            "collateral",
        ],
        default_like["id"]: ["amount", "term"],
    }
    assert all(r["detail"] for m in result["matches"] for r in m["reasons"])


async def test_a_large_enterprise_still_fails_a_product_with_the_default_sizes(api: Api) -> None:
    term = Term()
    bank, app = await api.org("bank"), await api.org("partner_app")
    product = await publish(api, bank, **term.product)
    profile = await put_profile(api, app, employees=1000, revenue_fen=40000 * WAN)
    assert profile["size"] == "large"
    result = await answer(api, app, term.ask(profile["uscc"], include_excluded=True, limit=1))
    assert result["total_matches"] == 0 and result["matches"] == []
    [excluded] = [e for e in result["excluded"] if e["product_id"] == product["id"]]
    assert [f["criterion"] for f in excluded["failed"]] == ["size"]


async def _active_product_ids(api: Api, who: Actor) -> set[str]:
    ids: set[str] = set()
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
        page = (await api.call(who, "GET", "/v1/match/products", params=params)).json()
        ids |= {item["id"] for item in page["items"]}
        cursor = page["next_cursor"]
        if cursor is None:
            return ids


async def test_excluded_lists_every_other_active_product_whatever_the_limit(api: Api) -> None:
    term = Term()
    bank, app = await api.org("bank"), await api.org("partner_app")
    await publish(api, bank, annual_rate_bp=300, **term.product)
    await publish(api, bank, annual_rate_bp=301, **term.product)
    too_big = await publish(api, bank, min_amount_fen=200 * WAN, **term.product)
    profile = await put_profile(api, app)
    result = await answer(api, app, term.ask(profile["uscc"], include_excluded=True, limit=1))
    assert result["total_matches"] == 2 and len(result["matches"]) == 1
    excluded = [e["product_id"] for e in result["excluded"]]
    assert excluded == sorted(excluded) and too_big["id"] in excluded
    active = await _active_product_ids(api, bank)
    # Every active product but the two matches (the one shown and the one beyond `limit`).
    assert len(excluded) == len(active) - 2 and set(excluded) <= active
    without = await answer(api, app, term.ask(profile["uscc"], limit=1))
    assert without["excluded"] == [] and without["total_matches"] == 2


@pytest.fixture(scope="module")
def second_instance(stack: Stack) -> Iterator[str]:
    url, stop = stack.spawn("loan_match")
    yield url
    stop()


async def test_a_second_instance_sees_every_change_on_its_next_query(api: Api, second_instance: str) -> None:
    """Replicas share the database, not memory: a change made through the main instance (the
    gateway routes there) is in the second instance's very next answer."""
    term = Term()
    bank, app = await api.org("bank"), await api.org("partner_app")
    profile = await put_profile(api, app)
    headers = as_org("partner_app", app.org_id or "")

    async with httpx.AsyncClient(base_url=second_instance, timeout=30.0) as client:

        async def matched() -> dict[str, int]:
            body = term.ask(profile["uscc"], limit=1000)
            response = await client.post(QUERIES, json=body, auth=headers)
            assert response.status_code == 200, response.text
            return {m["product_id"]: m["annual_rate_bp"] for m in response.json()["matches"]}

        assert await matched() == {}  # its catalogue is loaded now
        product = await publish(api, bank, annual_rate_bp=350, **term.product)
        assert await matched() == {product["id"]: 350}
        path = f"/v1/match/products/{product['id']}"
        edited = await api.call(bank, "PATCH", path, json={"annual_rate_bp": 360})
        assert edited.status_code == 200, edited.text
        assert await matched() == {product["id"]: 360}
        assert (await api.call(bank, "DELETE", path)).status_code == 204
        assert await matched() == {}
