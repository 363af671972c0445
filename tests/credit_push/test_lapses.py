"""Ratings that stop being current by time (CONTRACT §3 "Ratings"): on 1 April of Y+3 a rating
of year Y lapses, and each bank holding the enterprise is sent `withdrawn` (reason
`rating_changed`) by the daily sweep, without another upload. The sweep is given its clock.

The instance runs on a database of its own, so moving its clock years ahead touches no other
test's enterprises.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from kit.app import AppContext
from kit.internal import InternalClient
from kit.migrations import upgrade
from services.credit_push import workers
from services.credit_push.service import lapses
from services.credit_push.settings import CreditPushSettings
from tests.support import postgres
from tests.support.api import Api
from tests.support.credit_push import Direct, eventually, item
from tests.support.stack import Stack

SHANGHAI = ZoneInfo("Asia/Shanghai")
WITHDRAWN = "credit.rating.withdrawn"


@pytest.fixture
async def own_db(pg_server: postgres.PgTestServer) -> str:
    url = await pg_server.create_database()
    await upgrade(url)
    return url


@pytest.fixture
async def instance(stack: Stack, own_db: str) -> AsyncIterator[Direct]:
    url, stop = stack.spawn("credit_push", database_url=own_db, poll_interval_s=0.1)
    direct = Direct(url)
    yield direct
    await direct.aclose()
    stop()


async def _feed(direct: Direct, bank_id: str) -> list[dict[str, Any]]:
    response = await direct.call("bank", bank_id, "GET", "/v1/credit/feed", params={"limit": 1000})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_the_sweep_withdraws_lapsed_ratings_on_1_april_once(
    api: Api, instance: Direct, own_db: str
) -> None:
    bank = await api.org("bank")
    old, renewed = item(rating="A", year=2024), item(rating="A", year=2024)
    items = [old, renewed, {**renewed, "year": 2025}]
    response = await instance.call("tax_authority", None, "POST", "/v1/credit/ratings", json={"items": items})
    assert response.status_code == 200, response.text

    async def both_published() -> list[dict[str, Any]] | None:
        events = await _feed(instance, bank.org_id)
        return events if {e["data"]["uscc"] for e in events} >= {old["uscc"], renewed["uscc"]} else None

    before = len(await eventually(both_published))
    engine = create_async_engine(own_db)
    sessions = async_sessionmaker(engine, expire_on_commit=False)

    async def sweep(at: datetime) -> tuple[int, int]:
        async with sessions.begin() as session:
            return await lapses.sweep(session, at)

    try:
        # A rating of 2024 is current through 31 March 2027, Asia/Shanghai.
        assert await sweep(datetime(2027, 3, 31, 23, 59, tzinfo=SHANGHAI)) == (0, 0)
        enterprises, events = await sweep(datetime(2027, 4, 1, 0, 1, tzinfo=SHANGHAI))
        assert enterprises == 1 and events >= 1
        assert await sweep(datetime(2027, 4, 1, 8, 0, tzinfo=SHANGHAI)) == (0, 0)  # idempotent
    finally:
        await engine.dispose()

    after = await _feed(instance, bank.org_id)
    new = after[before:]
    assert [(e["type"], e["data"]) for e in new] == [
        (WITHDRAWN, {"uscc": old["uscc"], "version": 1, "reason": "rating_changed"})
    ]
    assert new[0]["seq"] > after[before - 1]["seq"]


async def test_the_worker_sweeps_on_the_first_pass_of_a_new_day(
    api: Api, instance: Direct, own_db: str
) -> None:
    bank = await api.org("bank")
    old = item(rating="A", year=2024)
    response = await instance.call("tax_authority", None, "POST", "/v1/credit/ratings", json={"items": [old]})
    assert response.status_code == 200, response.text

    async def published() -> list[dict[str, Any]] | None:
        return [e for e in await _feed(instance, bank.org_id) if e["data"]["uscc"] == old["uscc"]] or None

    await eventually(published)
    engine = create_async_engine(own_db)
    today = [datetime(2027, 3, 31, 23, 0, tzinfo=SHANGHAI)]
    calls: list[datetime] = []

    def clock() -> datetime:
        calls.append(today[0])
        return today[0]

    settings = CreditPushSettings(database_url=own_db, poll_interval_s=0.01)
    ctx = AppContext("credit_push", settings, engine, async_sessionmaker(engine), cast(InternalClient, None))
    task = asyncio.create_task(workers.lapse_sweep(ctx, clock))
    try:
        await eventually(lambda: _true(len(calls) >= 3))  # passes of 31 March done
        assert [e["type"] for e in await published() or []] == ["credit.rating.published"]
        today[0] = datetime(2027, 4, 1, 0, 5, tzinfo=SHANGHAI)

        async def withdrawn() -> list[str] | None:
            types = [e["type"] for e in await published() or []]
            return types if WITHDRAWN in types else None

        assert await eventually(withdrawn) == ["credit.rating.published", WITHDRAWN]
    finally:
        ctx.stopping.set()
        await task
        await engine.dispose()


async def _true(value: bool) -> bool:
    return value
