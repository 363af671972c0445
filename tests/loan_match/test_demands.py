"""Financing demands: routing, the 10-working-day SLA, bank responses, tenancy and stats."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from kit.shapes import business_date
from services.loan_match.rules.calendar import YearCalendar, loaded_calendar, respond_by
from tests.support.api import Actor, Api
from tests.support.loan_match import WAN, publish, put_profile
from tests.support.stack import Stack

DEMANDS = "/v1/match/demands"


@pytest.fixture
async def database(stack: Stack) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(stack.database_url, poolclass=NullPool)
    yield engine
    await engine.dispose()


async def publish_demand(api: Api, app: Actor, uscc: str, **overrides: Any) -> dict[str, Any]:
    body = {"uscc": uscc, "amount_fen": 100 * WAN, "term_months": 12, "purpose": "购置生产设备", **overrides}
    response = await api.call(app, "POST", DEMANDS, json=body)
    assert response.status_code == 201, response.text
    demand: dict[str, Any] = response.json()
    return demand


async def respond(api: Api, bank: Actor, demand_id: str, **body: Any) -> Any:
    return await api.call(bank, "POST", f"{DEMANDS}/{demand_id}/responses", json=body)


async def expected_respond_by(api: Api, created_on: date) -> date:
    """The deadline on the calendars in force (other tests, the fuzzer too, may load notices)."""
    loaded: dict[int, YearCalendar] = {}
    for year in (created_on.year, created_on.year + 1):
        shown = (await api.client.get(f"/v1/match/calendar/{year}", headers=api.admin_headers)).json()
        if shown["source"] == "loaded":
            days = (
                [date.fromisoformat(d) for d in shown["holidays"]],
                [date.fromisoformat(d) for d in shown["workdays"]],
            )
            loaded[year] = loaded_calendar(year, *days)
    return respond_by(created_on, loaded)


async def stats(api: Api) -> dict[str, int]:
    response = await api.client.get("/v1/match/stats", headers=api.admin_headers)
    assert response.status_code == 200, response.text
    # The funnel's counts; the breakdowns are tested in test_stats.py.
    return {key: value for key, value in response.json().items() if isinstance(value, int)}


async def test_demand_is_routed_to_every_bank_with_a_matching_product(api: Api) -> None:
    matching, twice, other = await api.org("bank"), await api.org("bank"), await api.org("bank")
    app = await api.org("partner_app")
    await publish(api, matching)
    await publish(api, twice, annual_rate_bp=300)
    await publish(api, twice, annual_rate_bp=310)
    await publish(api, other, min_amount_fen=300 * WAN)
    profile = await put_profile(api, app)
    demand = await publish_demand(api, app, profile["uscc"])
    assert {matching.org_id, twice.org_id} <= set(demand["routed_to"])
    assert other.org_id not in demand["routed_to"]
    assert demand["routed_to"] == sorted(set(demand["routed_to"]))
    assert demand["status"] == "open" and demand["responses"] == [] and demand["overdue"] is False
    assert (
        demand["respond_by"]
        == respond_by(business_date(datetime.fromisoformat(demand["created_at"])), {}).isoformat()
    )
    assert demand["enterprise"] == {
        "name": profile["name"],
        "industry_code": "C3411",
        "region_code": "620102",
        "size": "small",
    }


async def test_demand_nobody_can_serve_is_unmatched(api: Api) -> None:
    app = await api.org("partner_app")
    profile = await put_profile(api, app, employees=1000, revenue_fen=40000 * WAN)  # large: no SME product
    demand = await publish_demand(api, app, profile["uscc"])
    assert demand["routed_to"] == [] and demand["status"] == "unmatched"


async def test_demand_needs_the_apps_own_profile(api: Api) -> None:
    app, other = await api.org("partner_app"), await api.org("partner_app")
    profile = await put_profile(api, app)
    body = {"uscc": profile["uscc"], "amount_fen": WAN, "term_months": 12, "purpose": "流动资金"}
    assert (await api.call(other, "POST", DEMANDS, json=body)).status_code == 404
    bank = await api.org("bank")
    assert (await api.call(bank, "POST", DEMANDS, json=body)).status_code == 403
    empty = await api.call(app, "POST", DEMANDS, json={**body, "purpose": ""})
    assert empty.status_code == 422 and empty.json()["errors"][0]["loc"] == ["body", "purpose"]


async def test_bank_responses_and_what_each_side_sees(api: Api) -> None:
    first, second, stranger = await api.org("bank"), await api.org("bank"), await api.org("bank")
    app = await api.org("partner_app")
    await publish(api, first)
    await publish(api, second)
    await publish(api, stranger, min_amount_fen=300 * WAN)
    profile = await put_profile(api, app)
    demand = await publish_demand(api, app, profile["uscc"])
    demand_id = demand["id"]

    no_reason = await respond(api, first, demand_id, decision="declined")
    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["loc"] == ["body", "reason"]
    offer_on_decline = await respond(api, first, demand_id, decision="declined", reason="x", annual_rate_bp=1)
    assert offer_on_decline.status_code == 422
    declined = await respond(api, first, demand_id, decision="declined", reason="经营年限不足本行要求")
    assert declined.status_code == 201, declined.text
    assert declined.json()["bank_org_id"] == first.org_id
    changed_mind = await respond(api, first, demand_id, decision="accepted")
    assert changed_mind.status_code == 409

    asked = await respond(api, second, demand_id, decision="need_info", reason="请补充近两年财务报表")
    assert asked.status_code == 201
    accepted = await respond(
        api, second, demand_id, decision="accepted", offered_amount_fen=80 * WAN, annual_rate_bp=395
    )
    assert accepted.status_code == 201

    assert (await respond(api, stranger, demand_id, decision="accepted")).status_code == 404
    assert (await respond(api, app, demand_id, decision="accepted")).status_code == 403
    missing = "00000000-0000-0000-0000-000000000000"
    assert (await respond(api, first, missing, decision="need_info")).status_code == 404

    seen = (await api.call(app, "GET", f"{DEMANDS}/{demand_id}")).json()
    assert seen["status"] == "accepted"
    mine = [(r["bank_org_id"], r["decision"]) for r in seen["responses"]]
    assert mine == [
        (first.org_id, "declined"),
        (second.org_id, "need_info"),
        (second.org_id, "accepted"),
    ]
    assert seen["responses"][0]["reason"] == "经营年限不足本行要求"
    assert seen["responses"][2]["offered_amount_fen"] == 80 * WAN

    # A bank sees its own route and answers only, never a competitor's offer.
    as_first = (await api.call(first, "GET", f"{DEMANDS}/{demand_id}")).json()
    assert as_first["routed_to"] == [first.org_id]
    assert [r["decision"] for r in as_first["responses"]] == ["declined"]
    assert (await api.call(stranger, "GET", f"{DEMANDS}/{demand_id}")).status_code == 404


async def test_lists_and_tenancy(api: Api) -> None:
    bank, app, other_app = await api.org("bank"), await api.org("partner_app"), await api.org("partner_app")
    guarantor = await api.org("guarantor")
    await publish(api, bank)
    profile = await put_profile(api, app)
    ids = [(await publish_demand(api, app, profile["uscc"], purpose=f"用途{i}"))["id"] for i in range(3)]
    first_page = await api.call(app, "GET", DEMANDS, params={"limit": 2})
    assert [d["id"] for d in first_page.json()["items"]] == ids[:2]
    rest = await api.call(
        app, "GET", DEMANDS, params={"limit": 2, "cursor": first_page.json()["next_cursor"]}
    )
    assert [d["id"] for d in rest.json()["items"]] == ids[2:]
    assert (await api.call(other_app, "GET", DEMANDS)).json()["items"] == []
    assert (await api.call(other_app, "GET", f"{DEMANDS}/{ids[0]}")).status_code == 404
    routed = await api.call(bank, "GET", DEMANDS, params={"limit": 1000})
    assert set(ids) <= {d["id"] for d in routed.json()["items"]}
    assert (await api.call(guarantor, "GET", DEMANDS)).status_code == 403
    assert (await api.call(app, "GET", f"{DEMANDS}/not-a-uuid")).status_code == 404


async def test_idempotent_demand(api: Api) -> None:
    bank, app = await api.org("bank"), await api.org("partner_app")
    await publish(api, bank)
    profile = await put_profile(api, app)
    body = {"uscc": profile["uscc"], "amount_fen": 100 * WAN, "term_months": 12, "purpose": "流动资金"}
    headers = {"Idempotency-Key": "demand-1"}
    first = await api.call(app, "POST", DEMANDS, json=body, headers=headers)
    again = await api.call(app, "POST", DEMANDS, json=body, headers=headers)
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    assert len((await api.call(app, "GET", DEMANDS)).json()["items"]) == 1
    reused = await api.call(app, "POST", DEMANDS, json={**body, "purpose": "别的"}, headers=headers)
    assert reused.status_code == 422 and reused.json()["type"].endswith("/idempotency-key-reused")


async def test_stats_count_the_funnel_and_overdue(api: Api, database: AsyncEngine) -> None:
    bank = await api.org("bank")
    assert (await api.call(bank, "GET", "/v1/match/stats")).status_code == 403
    app = await api.org("partner_app")
    before = await stats(api)

    await publish(api, bank)
    retired = await publish(api, bank)
    await api.call(bank, "DELETE", f"/v1/match/products/{retired['id']}")
    profile = await put_profile(api, app)
    await put_profile(api, app, profile["uscc"], employees=30)  # same enterprise again
    query = {"uscc": profile["uscc"], "amount_fen": 100 * WAN, "term_months": 12}
    assert (await api.call(app, "POST", "/v1/match/queries", json=query)).status_code == 200
    answered = await publish_demand(api, app, profile["uscc"])
    late = await publish_demand(api, app, profile["uscc"])
    asked = await publish_demand(api, app, profile["uscc"])
    assert (await respond(api, bank, answered["id"], decision="accepted")).status_code == 201
    assert (await respond(api, bank, asked["id"], decision="need_info")).status_code == 201
    # Time passes: the deadlines are behind us; our bank never answered the second demand and
    # only asked for information on the third, which does not stop the clock.
    async with database.begin() as conn:
        await conn.execute(
            sa.text("UPDATE loan_match.demand SET respond_by = DATE '2025-10-16' WHERE id = ANY(:ids)"),
            {"ids": [late["id"], asked["id"]]},
        )

    after = await stats(api)
    delta = {key: after[key] - before[key] for key in after}
    assert delta["products"] == 1
    assert delta["enterprises"] == 1
    assert delta["queries"] == 1
    assert delta["demands"] == 3
    assert delta["responded"] == 2 and delta["accepted"] == 1
    assert delta["overdue"] == 2
    late_seen = (await api.call(app, "GET", f"{DEMANDS}/{late['id']}")).json()
    assert late_seen["overdue"] is True and late_seen["respond_by"] == "2025-10-16"
    assert (await api.call(app, "GET", f"{DEMANDS}/{answered['id']}")).json()["overdue"] is False
    for viewer in (app, bank):
        asked_seen = (await api.call(viewer, "GET", f"{DEMANDS}/{asked['id']}")).json()
        assert asked_seen["overdue"] is True and asked_seen["responses"][0]["decision"] == "need_info"


async def test_a_bank_sees_its_own_state_of_a_demand_not_its_competitors(api: Api) -> None:
    """A competitor's acceptance or answer is not shown to a bank, not even through `status`."""
    first, second = await api.org("bank"), await api.org("bank")
    app = await api.org("partner_app")
    await publish(api, first)
    await publish(api, second)
    profile = await put_profile(api, app)
    demand = await publish_demand(api, app, profile["uscc"])
    assert {first.org_id, second.org_id} <= set(demand["routed_to"])
    accepted = await respond(api, first, demand["id"], decision="accepted", offered_amount_fen=50 * WAN)
    assert accepted.status_code == 201

    as_second = (await api.call(second, "GET", f"{DEMANDS}/{demand['id']}")).json()
    assert as_second["status"] == "open"
    assert as_second["routed_to"] == [second.org_id] and as_second["responses"] == []
    [listed] = [
        d
        for d in (await api.call(second, "GET", DEMANDS, params={"limit": 1000})).json()["items"]
        if d["id"] == demand["id"]
    ]
    assert listed["status"] == "open"
    as_first = (await api.call(first, "GET", f"{DEMANDS}/{demand['id']}")).json()
    assert as_first["status"] == "accepted"
    # The app sees everything.
    assert (await api.call(app, "GET", f"{DEMANDS}/{demand['id']}")).json()["status"] == "accepted"
