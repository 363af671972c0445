"""Stored answers past the 24 h retention are purged; younger ones stay replayable."""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from gateway.tables import idempotency_keys as table
from kit.db import make_engine, make_sessionmaker
from kit.idempotency import purge_expired


async def test_purge_drops_only_expired_answers(database_url: str) -> None:
    engine = make_engine(database_url, pool_size=1)
    sessionmaker = make_sessionmaker(engine)
    now = datetime.now(UTC)
    rows = [
        {
            "caller": "org:purge-test",
            "key": key,
            "request_hash": "h",
            "status_code": 201,
            "body": b"{}",
            "created_at": created_at,
        }
        for key, created_at in (("old", now - timedelta(hours=25)), ("young", now - timedelta(hours=23)))
    ]
    try:
        async with sessionmaker.begin() as session:
            await session.execute(sa.insert(table), rows)
        async with sessionmaker.begin() as session:
            assert await purge_expired(session, table) >= 1
        async with sessionmaker() as session:
            left = await session.scalars(sa.select(table.c.key).where(table.c.caller == "org:purge-test"))
            assert list(left) == ["young"]
    finally:
        await engine.dispose()
