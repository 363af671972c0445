"""/v1/match/stats: the funnel of a period, how fast each bank answers, per 市州, bank and month, as
JSON and CSV (CONTRACT §1 "Statistics", §5). Everything here happens in 甘南州 (623000), which no
other test uses. A demand goes to every bank with a product for it, and other tests publish
products for the whole province, so this module runs on a database and stack of its own."""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, time, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from kit.migrations import upgrade
from kit.shapes import SHANGHAI, business_today
from tests.support.api import Actor, Api, make_uscc
from tests.support.loan_match import WAN, publish, put_profile
from tests.support.postgres import PgTestServer
from tests.support.stack import Stack

STATS = "/v1/match/stats"
REGION = "623000"
# The demands are moved to 09:00 of this day (Asia/Shanghai), so that their answers 90 minutes and
# 30 hours later are in the past whatever the time the test runs.
DAY = business_today() - timedelta(days=3)


@pytest.fixture(scope="module")
def stack(pg_server: PgTestServer) -> Iterator[Stack]:
    """Overrides the shared stack for this module: only this module's banks have products."""

    async def fresh() -> str:
        url = await pg_server.create_database()
        await upgrade(url)
        return url

    running = Stack(asyncio.run(fresh()))
    yield running
    running.close()


@pytest.fixture
async def database(stack: Stack) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(stack.database_url, poolclass=NullPool)
    yield engine
    await engine.dispose()


async def demand(api: Api, app: Actor, uscc: str, purpose: str) -> dict[str, Any]:
    body = {"uscc": uscc, "amount_fen": 100 * WAN, "term_months": 12, "purpose": purpose}
    made = await api.call(app, "POST", "/v1/match/demands", json=body)
    assert made.status_code == 201, made.text
    answer: dict[str, Any] = made.json()
    return answer


async def respond(api: Api, bank: Actor, demand_id: str, decision: str) -> None:
    body: dict[str, Any] = {"decision": decision}
    if decision != "accepted":
        body["reason"] = "经营年限不足" if decision == "declined" else "请补充财务报表"
    made = await api.call(bank, "POST", f"/v1/match/demands/{demand_id}/responses", json=body)
    assert made.status_code == 201, made.text


async def figures(api: Api, **params: Any) -> dict[str, Any]:
    answer = await api.client.get(STATS, params={"region_code": REGION, **params}, headers=api.admin_headers)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


@pytest.fixture
async def gannan(api: Api, database: AsyncEngine) -> tuple[Actor, Actor]:
    """Two banks, three demands: the first answered by both (after 90 minutes and 30 hours), the
    second only asked about and past its deadline, the third still within it."""
    first, second, app = await api.org("bank"), await api.org("bank"), await api.org("partner_app")
    for bank in (first, second):
        await publish(api, bank, region_codes=[REGION], product_type="collateral")
    profile = await put_profile(api, app, make_uscc(region="623001"), region_code="623001")
    answered, asked, open_ = [await demand(api, app, profile["uscc"], f"用途{n}") for n in range(3)]
    await respond(api, first, answered["id"], "accepted")
    await respond(api, second, answered["id"], "declined")
    await respond(api, first, asked["id"], "need_info")
    async with database.begin() as conn:
        await conn.execute(
            sa.text("UPDATE loan_match.demand SET created_at = :at WHERE id = ANY(:ids)"),
            {
                "at": datetime.combine(DAY, time(9), SHANGHAI),
                "ids": [answered["id"], asked["id"], open_["id"]],
            },
        )
        for bank, minutes in ((first, 90), (second, 30 * 60)):
            await conn.execute(
                sa.text(
                    "UPDATE loan_match.demand_response r SET created_at = d.created_at + make_interval("
                    "mins => :minutes) FROM loan_match.demand d WHERE d.id = r.demand_id "
                    "AND r.demand_id = :id AND r.bank_org_id = :bank"
                ),
                {"minutes": minutes, "id": answered["id"], "bank": bank.org_id},
            )
        await conn.execute(
            sa.text("UPDATE loan_match.demand SET respond_by = :day WHERE id = :id"),
            {"day": business_today() - timedelta(days=1), "id": asked["id"]},
        )
    return first, second


async def test_the_funnel_answer_times_period_and_csv(api: Api, gannan: tuple[Actor, Actor]) -> None:
    """One story, so the region's figures are exactly it (the fixture runs once)."""
    first, second = gannan
    await funnel_and_answer_times(api, first, second)
    await period_selects_demands_by_their_day(api)
    await same_figures_as_csv(api, first)


async def funnel_and_answer_times(api: Api, first: Actor, second: Actor) -> None:
    body = await figures(api)
    assert body["region_code"] == REGION and body["as_of"] == business_today().isoformat()
    funnel = {k: body[k] for k in ("demands", "routed", "responded", "accepted", "overdue")}
    assert funnel == {"demands": 3, "routed": 3, "responded": 2, "accepted": 1, "overdue": 1}
    assert body["respond_within_working_days"] == 10
    assert body["answers"]["routes"] == 6 and body["answers"]["answered"] == 2
    assert body["answers"]["median_answer_minutes"] == 90 and body["answers"]["p90_answer_minutes"] == 1800
    assert body["by_bank"][first.org_id] == {
        "products": 1,
        "routes": 3,
        "answered": 1,
        "accepted": 1,
        "declined": 0,
        "need_info": 1,
        "overdue": 1,
        "answered_in_time": 1,
        "answered_in_time_bp": 5000,
        "median_answer_minutes": 90,
        "p90_answer_minutes": 90,
    }
    later = body["by_bank"][second.org_id]
    assert later["declined"] == 1 and later["need_info"] == 0 and later["median_answer_minutes"] == 1800
    [(region, entry)] = body["by_region"].items()
    assert region == REGION and entry["demands"] == 3 and entry["overdue"] == 1
    assert entry["answers"]["routes"] == 6
    month = DAY.strftime("%Y-%m")
    assert body["by_month"][month]["demands"] == 3


async def period_selects_demands_by_their_day(api: Api) -> None:
    assert (await figures(api, **{"from": DAY.isoformat(), "to": DAY.isoformat()}))["demands"] == 3
    before = await figures(api, to=(DAY - timedelta(days=1)).isoformat())
    assert before["demands"] == 0 and before["by_region"] == {} and before["answers"]["routes"] == 0
    assert before["as_of"] == (DAY - timedelta(days=1)).isoformat() and before["products"] == 0
    assert (await figures(api, year=DAY.year - 1))["demands"] == 0
    bad_periods: list[dict[str, str]] = [
        {"year": "2025", "from": "2025-01-01"},
        {"from": "2025-02-01", "to": "2025-01-01"},
    ]
    for bad in bad_periods:
        refused = await api.client.get(STATS, params=bad, headers=api.admin_headers)
        assert refused.status_code == 422 and refused.json()["type"].endswith("/invalid-period"), bad


async def same_figures_as_csv(api: Api, first: Actor) -> None:
    answer = await api.client.get(
        STATS, params={"region_code": REGION}, headers={**api.admin_headers, "Accept": "text/csv"}
    )
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    overall = rows[0]
    assert overall["breakdown"] == "all" and overall["demands"] == "3" and overall["region_code"] == REGION
    assert overall["answers.median_answer_minutes"] == "90"
    [bank] = [r for r in rows if r["breakdown"] == "bank" and r["key"] == first.org_id]
    assert bank["answered_in_time_bp"] == "5000" and bank["products"] == "1"
    [region] = [r for r in rows if r["breakdown"] == "region"]
    assert region["key"] == REGION and region["answers.routes"] == "6"


async def test_admin_and_the_regulator_read_no_one_else(api: Api) -> None:
    regulator = await api.org("regulator")
    assert (await api.call(regulator, "GET", STATS)).status_code == 200
    for role in ("bank", "partner_app", "fund_manager", "guarantor", "tax_authority"):
        assert (await api.call(await api.org(role), "GET", STATS)).status_code == 403, role
