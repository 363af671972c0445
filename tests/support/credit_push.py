"""Helpers for credit_push tests: rating items, uploads, the feed, direct service calls, waiting.

The webhook receiver is tests/support/receiver.py's ``Receiver`` (re-exported here).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import httpx
import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import create_async_engine

from kit.requestid import current_request_id
from kit.shapes import business_date
from tests.support.api import Actor, Api, make_uscc
from tests.support.principals import as_org, as_service
from tests.support.receiver import Received, Receiver
from tests.support.stack import Stack

__all__ = [
    "Direct",
    "Received",
    "Receiver",
    "a_day_passes",
    "access_log",
    "authorise",
    "eventually",
    "feed_all",
    "give_consent",
    "item",
    "statements_of_request",
    "today",
    "upload",
]

T = TypeVar("T")


async def eventually(check: Callable[[], Awaitable[T | None]], *, within_s: float = 30.0) -> T:
    """Poll ``check`` until it returns something truthy (background work settles)."""
    deadline = asyncio.get_running_loop().time() + within_s
    while True:
        value = await check()
        if value:
            return value
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.1)


def item(uscc: str | None = None, rating: str = "A", year: int = 2024, **extra: Any) -> dict[str, Any]:
    uscc = uscc or make_uscc()
    return {"uscc": uscc, "name": f"企业 {uscc[-6:]}", "rating": rating, "year": year, **extra}


async def upload(api: Api, tax: Actor, items: list[dict[str, Any]]) -> dict[str, Any]:
    response = await api.call(tax, "POST", "/v1/credit/ratings", json={"items": items})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def feed_all(api: Api, bank: Actor) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 1000}
        if cursor:
            params["cursor"] = cursor
        response = await api.call(bank, "GET", "/v1/credit/feed", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        events.extend(page["items"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            return events


class Direct:
    """Calls a credit_push instance directly, signing the principal as the gateway would."""

    def __init__(self, url: str) -> None:
        self.client = httpx.AsyncClient(base_url=url, timeout=30.0)

    async def aclose(self) -> None:
        await self.client.aclose()

    async def call(
        self, role: str, org_id: str | None, method: str, path: str, **kwargs: Any
    ) -> httpx.Response:
        auth = as_service() if role == "service" else as_org(role, org_id or str(uuid.uuid4()))
        return await self.client.request(method, path, auth=auth, **kwargs)


async def authorise(api: Api, partner: Actor, uscc: str, **extra: Any) -> dict[str, Any]:
    """The enterprise authorises the partner app to act for it (CONTRACT §3)."""
    body = {"uscc": uscc, "evidence_ref": "ETAX-AUTH-0001", **extra}
    response = await api.call(partner, "POST", "/v1/credit/authorisations", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def give_consent(api: Api, partner: Actor, uscc: str, bank: Actor, **extra: Any) -> dict[str, Any]:
    """The app records the enterprise's consent for ``bank``, authorised by the enterprise first."""
    await authorise(api, partner, uscc)
    body = {"uscc": uscc, "bank_org_id": bank.org_id, "evidence_ref": "ETAX-2026-0001", **extra}
    response = await api.call(partner, "POST", "/v1/credit/consents", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def blacklist(api: Api, tax: Actor, uscc: str) -> None:
    """Put ``uscc`` on the 红黑榜 from today (its decision served three days ago)."""
    body = {
        "uscc": uscc,
        "name": "兰州某某商贸有限公司",
        "decision_served_on": str(today() - timedelta(days=3)),
        "published_on": str(today()),
        "reason": "虚开增值税专用发票",
    }
    response = await api.call(tax, "POST", "/v1/credit/blacklist", json=body)
    assert response.status_code == 201, response.text


async def access_log(api: Api, reader: Actor, **params: Any) -> list[dict[str, Any]]:
    """Every access-log entry ``reader`` may see (newest first), following the cursor."""
    entries: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        query = {"limit": 1000, **params, **({"cursor": cursor} if cursor else {})}
        response = await api.call(reader, "GET", "/v1/credit/access-log", params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        entries.extend(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return entries


_A_DAY_PASSES = {
    table: sa.text(f"UPDATE credit_push.{table} SET expires_on = expires_on - 1 WHERE id = :id")  # noqa: S608
    for table in ("consents", "authorisations")
}


async def a_day_passes(database_url: str, table: str, row_id: str) -> None:
    """Move a consent's or authorisation's last day back by one, as if the night had passed (setup only)."""
    statement = _A_DAY_PASSES[table]
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(statement, {"id": row_id})
    finally:
        await engine.dispose()


def today() -> date:
    """Today in Asia/Shanghai, the calendar expiry follows."""
    return business_date(datetime.now(UTC))


def _credit_push_app(stack: Stack) -> FastAPI:
    server, _ = stack.threads.servers["credit_push"]
    app = server.config.app
    assert isinstance(app, FastAPI)
    return app


@contextmanager
def statements_of_request(stack: Stack, request_id: str) -> Iterator[list[str]]:
    """The SQL statements the credit_push process runs while answering one request."""
    seen: list[str] = []
    engine = _credit_push_app(stack).state.ctx.engine.sync_engine

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if current_request_id() == request_id:
            seen.append(statement)

    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)


@contextmanager
def transaction_queries_of_request(stack: Stack, request_id: str) -> Iterator[list[str]]:
    """The BEGIN, COMMIT and ROLLBACK credit_push sends PostgreSQL while answering one request:
    what asyncpg's query logger reports, on each connection checked out meanwhile (it reports
    simple queries, not the prepared statements SQLAlchemy sends, which statements_of_request
    sees). The driver reports a query a loop turn after it ran: read the list once the answer
    has arrived."""
    seen: list[str] = []
    engine = _credit_push_app(stack).state.ctx.engine.sync_engine

    def logged(record: Any) -> None:
        if current_request_id() == request_id:
            seen.append(record.query)

    def checkout(_dbapi: Any, entry: Any, _proxy: Any) -> None:
        entry.driver_connection.add_query_logger(logged)

    def checkin(_dbapi: Any, entry: Any) -> None:
        if entry.driver_connection is not None:
            entry.driver_connection.remove_query_logger(logged)

    sa.event.listen(engine, "checkout", checkout)
    sa.event.listen(engine, "checkin", checkin)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "checkout", checkout)
        sa.event.remove(engine, "checkin", checkin)
