"""A partner app with finmatch-client: put an enterprise's profile, then run a match query."""

from __future__ import annotations

import datetime as dt

from finmatch_client.generated.models.product import Product
from finmatch_client.generated.models.profile import Profile
from finmatch_client.generated.models.profile_in import ProfileIn
from finmatch_client.generated.models.query_in import QueryIn
from finmatch_client.generated.models.query_result import QueryResult

from tests.client.conftest import ClientFor
from tests.support.api import Api, make_uscc
from tests.support.loan_match import WAN, product_body


async def test_a_partner_app_puts_a_profile_and_finds_matching_products(
    api: Api, client_for: ClientFor
) -> None:
    bank_actor = await api.org("bank")
    bank, app = client_for(bank_actor), client_for(await api.org("partner_app"))
    cheap = Product.from_dict(await bank.post("/v1/match/products", product_body(annual_rate_bp=350)))
    dear = Product.from_dict(await bank.post("/v1/match/products", product_body(annual_rate_bp=420)))
    too_small = await bank.post("/v1/match/products", product_body(max_amount_fen=50 * WAN))
    ours = [
        p.id
        async for p in bank.iter_items(
            "/v1/match/products", params={"bank_org_id": bank_actor.org_id}, limit=1, parse=Product.from_dict
        )
    ]
    assert ours == [cheap.id, dear.id, too_small["id"]]

    uscc = make_uscc()
    profile_in = ProfileIn(
        name="兰州示例机械制造有限公司",
        industry_code="C3411",
        region_code="620102",
        employees=50,
        revenue_fen=800 * WAN,
        total_assets_fen=1200 * WAN,
        established_on=dt.date(2018, 3, 1),
    )
    profile = Profile.from_dict(
        await app.request("PUT", f"/v1/match/enterprises/{uscc}", json=profile_in.to_dict())
    )
    assert (profile.uscc, profile.size) == (uscc, "small")

    # Every match, not the first 20: the database is shared with the other tests' products,
    # which may rank ahead of this bank's (its order among them is what is checked).
    query = QueryIn(uscc=uscc, amount_fen=100 * WAN, term_months=12, include_excluded=True, limit=1000)
    result = QueryResult.from_dict(await app.post("/v1/match/queries", query.to_dict()))
    mine = [m for m in result.matches if m.bank_org_id == bank_actor.org_id]
    assert [m.product_id for m in mine] == [cheap.id, dear.id]
    assert mine[0].estimated_total_cost_fen < mine[1].estimated_total_cost_fen
    excluded = {e.product_id: [f.criterion for f in e.failed] for e in result.excluded}
    assert excluded[too_small["id"]] == ["amount"]
