"""The upload worker's jobs survive restarts and replicas (service/uploads.py): a job is leased
to one worker at a time, a worker that died leaves its lease to run out and the next one resumes
after the last batch stored, and a job that keeps failing ends `failed`.

Run on a database of its own: these tests move leases and clocks by hand.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from kit.migrations import upgrade
from services.credit_push import repository as repo
from services.credit_push.schemas.uploads import UploadAccepted
from services.credit_push.service import uploads
from tests.support import postgres
from tests.support.api import make_uscc


@pytest.fixture
async def sessions(pg_server: postgres.PgTestServer) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    url = await pg_server.create_database()
    await upgrade(url)
    engine = create_async_engine(url)
    yield async_sessionmaker(engine, expire_on_commit=False)
    await engine.dispose()


def _file(usccs: list[str]) -> bytes:
    rows = ["uscc,name,rating,year"] + [f"{u},企业{n},C,2024" for n, u in enumerate(usccs)]
    return ("\n".join(rows) + "\n").encode()


async def _stored(sessions: async_sessionmaker[AsyncSession], usccs: list[str]) -> set[str]:
    async with sessions() as session:
        query = sa.text("SELECT uscc FROM credit_push.ratings WHERE uscc = ANY(:u)")
        return {row.uscc for row in await session.execute(query, {"u": usccs})}


async def test_a_job_resumes_after_the_last_batch_a_dead_worker_stored(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    usccs = [make_uscc() for _ in range(uploads.SYNC_ROWS + 1)]
    async with sessions.begin() as session:
        queued = await uploads.receive(session, "csv", _file(usccs), str(uuid.uuid4()))
    assert isinstance(queued, UploadAccepted)  # queued, not stored at once
    now = datetime.now(UTC)
    first = await uploads.claim(sessions, now)
    assert first is not None and first.done == 0
    assert await uploads.claim(sessions, now) is None  # leased: no second worker takes it

    # The first worker stores one batch, then dies (its lease is left to run out).
    async with sessions.begin() as session:
        assert await repo.uploads.progress(session, first.id, uploads.BATCH_ROWS, (0, 0), now)
    later = now + uploads.LEASE + timedelta(seconds=1)
    second = await uploads.claim(sessions, later)
    assert second is not None and (second.id, second.done, second.attempts) == (first.id, 5_000, 2)
    await uploads.process(sessions, second)

    async with sessions() as session:
        status = await uploads.get(session, first.id)
    assert (status.status, status.rows, status.done) == ("finished", 10_001, 10_001)
    assert (status.accepted, status.unchanged, status.rejected) == (5_001, 0, [])
    stored = await _stored(sessions, usccs)
    assert stored == set(usccs[uploads.BATCH_ROWS :])  # the dead worker's batch was never committed


async def test_a_job_claimed_too_often_fails_with_a_reason(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    async with sessions.begin() as session:
        queued = await uploads.receive(
            session, "csv", _file([make_uscc() for _ in range(uploads.SYNC_ROWS + 1)]), str(uuid.uuid4())
        )
    assert isinstance(queued, UploadAccepted)
    at = datetime.now(UTC)
    for _ in range(uploads.MAX_ATTEMPTS):
        assert await uploads.claim(sessions, at) is not None
        at += uploads.LEASE + timedelta(seconds=1)
    assert await uploads.claim(sessions, at) is None
    async with sessions() as session:
        status = await uploads.get(session, queued.upload_id)
    assert status.status == "failed" and status.error and "send the file again" in status.error
