"""Ratings upload in-process: the bench's own items (30% A) in batches, with banks subscribed.

    .venv/bin/python -m bench.credit_push_ingest --banks 5 --batches 10 [--profile FILE]

Uses a fresh database and the real credit_push app in-process (no background workers, no
gateway), with ``--banks`` banks known and each holding one unfiltered subscription, so each A
item writes an event and a delivery per bank, as in ``make bench``. Each batch is timed from the
request body (bytes, encoded beforehand) to the answer, and each round's CPU time of this
database's PostgreSQL backends and of this process is printed (a shared machine's load
inflates wall time far more than CPU time); ``--profile`` writes a cProfile of the
uploads alone. The last lines: the same items identical again, then all adjusted.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import sqlalchemy as sa

from bench.data import rating_items
from bench.ingest import batches
from bench.probe import cpu_of
from kit.credentials import Signer, generate_signing_key, public_key_text
from kit.migrations import upgrade
from kit.principal import GATEWAY, Principal, subject_of
from kit.settings import Settings
from services.credit_push.app import create_app
from services.credit_push.service import learn_banks
from services.credit_push.tables import subscriptions
from services.credit_push.workers import tune_gc

GATEWAY_KEY = generate_signing_key()  # a throwaway key for a throwaway database


async def _subscribe(ctx: Any, banks: list[tuple[str, str]]) -> None:
    now = datetime.now(UTC)
    async with ctx.sessionmaker.begin() as session:
        await learn_banks(session, banks, now)
        rows = [
            {"id": uuid.uuid4(), "bank_org_id": uuid.UUID(b), "url": f"http://127.0.0.1:9/hook/{i}",
             "status": "active", "secret": "whsec_" + "A" * 32, "created_at": now, "updated_at": now}
            for i, (b, _) in enumerate(banks)
        ]  # fmt: skip
        await session.execute(sa.insert(subscriptions), rows)


async def _post(client: httpx.AsyncClient, body: bytes, tax: Principal) -> float:
    token = Signer(GATEWAY, GATEWAY_KEY).mint(
        audience="credit_push", method="POST", target="/v1/credit/ratings", subject=subject_of(tax)
    )
    headers = {"X-Finmatch-Principal": token, "Content-Type": "application/json"}
    started = time.perf_counter()
    response = await client.post("/v1/credit/ratings", content=body, headers=headers)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.text
    return elapsed


async def _backends_cpu(ctx: Any) -> float:
    """CPU seconds so far of this database's PostgreSQL backends (the pool keeps them open)."""
    async with ctx.sessionmaker() as session:
        pids = await session.scalar(
            sa.text("SELECT array_agg(pid) FROM pg_stat_activity WHERE datname = current_database()")
        )
    return sum(cpu_of(int(pid)) for pid in pids or [])


async def _run(url: str, n: int, bank_count: int, count: int, profile: str | None) -> None:
    await upgrade(url)
    app = create_app(Settings(database_url=url, trusted_keys=f"{GATEWAY}:{public_key_text(GATEWAY_KEY)}"))
    ctx = app.state.ctx
    tune_gc()  # as the served process does when its dispatcher starts
    await _subscribe(ctx, [(str(uuid.uuid4()), f"bank {i}") for i in range(bank_count)])
    tax = Principal(role="tax_authority", name="bench", org_id=str(uuid.uuid4()))
    items = rating_items(n, 30)
    adjusted = [{**i, "name": i["name"] + "!"} for i in items]
    rounds = [("new", items), ("identical", items), ("adjusted", adjusted)]
    profiler = cProfile.Profile()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://credit_push", timeout=300) as client:
        for label, upload in rounds:
            bodies = [json.dumps({"items": b}).encode() for b in batches(upload, count)]
            seconds: list[float] = []
            pg_before, py_before = await _backends_cpu(ctx), time.process_time()
            for body in bodies:
                profiler.enable()
                elapsed = await _post(client, body, tax)
                profiler.disable()
                seconds.append(elapsed)
            total = sum(seconds)
            per = " ".join(f"{s:.2f}" for s in seconds)
            pg, py = await _backends_cpu(ctx) - pg_before, time.process_time() - py_before
            print(f"{label:>9}: {n} items in {total:.2f} s ({n / total:,.0f} rows/s); batches {per}")
            print(f"{'':>9}  CPU: PostgreSQL {pg:.2f} s, this process {py:.2f} s")
    if profile:
        profiler.dump_stats(profile)
    await ctx.engine.dispose()


def main() -> None:
    from tests.support.postgres import PgTestServer

    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--banks", type=int, default=5)
    parser.add_argument("--profile", help="write a cProfile of the uploads to this file")
    args = parser.parse_args()
    server = PgTestServer()
    server.start()
    try:
        url = asyncio.run(server.create_database())
        asyncio.run(_run(url, args.items, args.banks, args.batches, args.profile))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
