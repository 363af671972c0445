"""The database connection dies under a request (before its commit, or under a COPY): a 503, not a 500.

What a PostgreSQL restart does to a request caught at the worst moment, made certain: the
request's own backend is terminated (``pg_terminate_backend`` from another connection) just
before kit's TransactionMiddleware commits. The client must be told to retry (503
``database-unavailable`` with ``Retry-After``), and nothing was stored. Before this was fixed,
the failed commit was answered 500 ``internal-error``.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from kit.db import (
    TransactionMiddleware,
    add_before_commit,
    install_database_handlers,
    make_engine,
    make_sessionmaker,
)
from tests.faults.cluster import OwnPostgres


def _app(engine: AsyncEngine) -> FastAPI:
    app = FastAPI()
    install_database_handlers(app)
    app.add_middleware(TransactionMiddleware, sessionmaker=make_sessionmaker(engine))

    @app.post("/things")
    async def create(request: Request) -> JSONResponse:
        session: AsyncSession = request.state.db
        await session.execute(sa.text("INSERT INTO things VALUES (1)"))
        backend = (await session.execute(sa.text("SELECT pg_backend_pid()"))).scalar_one()

        async def terminate(*_: Any) -> None:
            async with engine.connect() as other:
                await other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
            await asyncio.sleep(0.2)  # the backend is gone before the commit is sent

        add_before_commit(request, terminate)
        return JSONResponse({"created": True}, status_code=201)

    @app.post("/copies")
    async def copy(request: Request) -> JSONResponse:
        """As credit_push's upload stages its items: COPY on the raw asyncpg connection."""
        session: AsyncSession = request.state.db
        backend = (await session.execute(sa.text("SELECT pg_backend_pid()"))).scalar_one()
        async with engine.connect() as other:
            await other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        await asyncio.sleep(0.2)
        raw = await (await session.connection()).get_raw_connection()
        driver: Any = raw.driver_connection
        await driver.copy_records_to_table("things", records=[(1,)], columns=["n"])
        return JSONResponse({"created": True}, status_code=201)

    return app


async def _post(engine: AsyncEngine, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=_app(engine))
    async with httpx.AsyncClient(transport=transport, base_url="http://kit") as client:
        return await client.post(path)


async def test_a_commit_on_a_connection_that_died_is_a_503(cluster: OwnPostgres) -> None:
    engine = make_engine(await cluster.create_database(), pool_size=2)
    try:
        async with engine.begin() as conn:
            await conn.execute(sa.text("CREATE TABLE things (n int)"))
        # At the commit; then in a driver-level call (asyncpg raises its own error, unwrapped,
        # and the session's rollback on the dead connection fails as well): both were 500s.
        for path in ("/things", "/copies"):
            answer = await _post(engine, path)
            assert answer.status_code == 503, (path, answer.text)
            assert answer.headers["retry-after"]
            assert answer.json()["type"].endswith("/database-unavailable")
        async with engine.connect() as conn:
            assert (await conn.execute(sa.text("SELECT count(*) FROM things"))).scalar_one() == 0
    finally:
        await engine.dispose()
