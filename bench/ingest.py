"""Ratings ingest against PostgreSQL's own COPY, then the webhook fan-out it causes."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx

from bench.data import check
from deploy.embedded_pg import asyncpg_dsn
from tests.support.api import Actor

SCRATCH = "bench_scratch"
COLUMNS = (
    "uscc",
    "year",
    "name",
    "rating",
    "region_code",
    "avg_annual_tax_fen",
    "version",
    "created_at",
    "updated_at",
)


def batches(items: list[dict[str, Any]], count: int) -> list[list[dict[str, Any]]]:
    size = -(-len(items) // count)
    return [items[i : i + size] for i in range(0, len(items), size)]


async def copy_seconds(database_url: str, items: list[dict[str, Any]], count: int) -> float:
    """COPY the same rows, in the same batches, into a scratch table shaped like credit_push's.

    The scratch table copies credit_push.ratings with its keys and indexes (LIKE ... INCLUDING
    ALL); each batch is one COPY in its own transaction, as each upload is one request.
    """
    now = datetime.now(UTC)
    records = [
        (i["uscc"], i["year"], i["name"], i["rating"], i["region_code"], i["avg_annual_tax_fen"], 1, now, now)
        for i in items
    ]
    size = -(-len(records) // count)
    conn = await asyncpg.connect(asyncpg_dsn(database_url))
    try:
        await conn.execute(f"DROP SCHEMA IF EXISTS {SCRATCH} CASCADE; CREATE SCHEMA {SCRATCH}")
        await conn.execute(f"CREATE TABLE {SCRATCH}.ratings (LIKE credit_push.ratings INCLUDING ALL)")
        started = time.perf_counter()
        for start in range(0, len(records), size):
            await conn.copy_records_to_table(
                "ratings", schema_name=SCRATCH, records=records[start : start + size], columns=COLUMNS
            )
        elapsed = time.perf_counter() - started
        await conn.execute(f"DROP SCHEMA {SCRATCH} CASCADE")
    finally:
        await conn.close()
    return elapsed


@dataclass
class Upload:
    seconds: float
    accepted: int
    rejected: int
    started_at: float  # time.monotonic()
    ended_at: float
    batch_seconds: list[float]


async def upload(gateway: str, tax: Actor, items: list[dict[str, Any]], count: int) -> Upload:
    """``POST /v1/credit/ratings`` batch after batch, as the tax authority, timed end to end."""
    accepted = rejected = 0
    timings: list[float] = []
    timeout = httpx.Timeout(600, connect=10)
    async with httpx.AsyncClient(base_url=gateway, timeout=timeout, headers=tax.headers) as client:
        started_at = time.monotonic()
        for batch in batches(items, count):
            t0 = time.perf_counter()
            body = check(await client.post("/v1/credit/ratings", json={"items": batch}), 200)
            timings.append(time.perf_counter() - t0)
            accepted += int(body["accepted"])
            rejected += len(body["rejected"])
        ended_at = time.monotonic()
    return Upload(ended_at - started_at, accepted, rejected, started_at, ended_at, timings)


@dataclass
class Fanout:
    expected: int
    delivered: int
    at_upload_end: int
    complete: bool
    drain_per_s: float  # after the upload ended, until drained (or the cap)
    overall_per_s: float  # from the upload's start
    seconds_after_upload: float
    bad_signatures: int
    duplicates: int


async def receiver_stats(client: httpx.AsyncClient, prefix: str) -> tuple[int, dict[str, Any]]:
    stats: dict[str, Any] = (await client.get("/_stats")).json()
    delivered = sum(n for name, n in stats["unique"].items() if name.startswith(prefix))
    return delivered, stats


async def drain(
    receiver: str, prefix: str, expected: int, up: Upload, at_upload_end: int, cap_s: float
) -> Fanout:
    """Wait until the receivers named ``prefix*`` hold ``expected`` distinct deliveries, or the cap."""
    async with httpx.AsyncClient(base_url=receiver, timeout=10) as client:
        while True:
            delivered, stats = await receiver_stats(client, prefix)
            now = time.monotonic()
            if delivered >= expected or now - up.ended_at >= cap_s:
                break
            await asyncio.sleep(0.5)
    complete = delivered >= expected
    # The receivers' clock is the same CLOCK_MONOTONIC: the last delivery's time is exact.
    last = float(stats["last_at"] or now) if complete else now
    after = max(last - up.ended_at, 1e-9)
    drain_per_s = (delivered - at_upload_end) / after
    if at_upload_end >= expected:  # drained while still uploading
        drain_per_s = delivered / max(last - float(stats["first_at"] or up.started_at), 1e-9)
    return Fanout(
        expected=expected,
        delivered=delivered,
        at_upload_end=at_upload_end,
        complete=complete,
        drain_per_s=drain_per_s,
        overall_per_s=delivered / max(last - up.started_at, 1e-9),
        seconds_after_upload=after,
        bad_signatures=int(stats["bad"]),
        duplicates=sum(n for name, n in stats["duplicates"].items() if name.startswith(prefix)),
    )
