"""Webhook fan-out in-process: credit_push's dispatcher draining a backlog to real receivers.

    .venv/bin/python -m bench.credit_push_fanout --a-items 6000 --banks 5 [--profile FILE]

A fresh database, ``--banks`` banks with one unfiltered subscription each pointing at
bench/receiver.py (its own process, verifying every signature), and ``--a-items`` A ratings
uploaded through the app (no gateway): the backlog is a-items x banks deliveries. Then the
dispatcher (workers.py, as ``finmatch serve credit_push`` runs it) drains it; the rate is
distinct deliveries at the receivers per second. ``--profile`` profiles the dispatcher alone.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import socket
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import sqlalchemy as sa

from bench.credit_push_ingest import GATEWAY_KEY, _post
from bench.data import rating_items
from kit.credentials import public_key_text
from kit.migrations import upgrade
from kit.principal import GATEWAY, Principal
from kit.settings import Settings
from services.credit_push import workers
from services.credit_push.app import create_app
from services.credit_push.clients.webhooks import new_secret
from services.credit_push.service import access_log, learn_banks
from services.credit_push.tables import subscriptions


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _subscribe(ctx: Any, receiver: str, count: int) -> None:
    now = datetime.now(UTC)
    banks = [(str(uuid.uuid4()), f"bank {i}") for i in range(count)]
    rows = []
    async with httpx.AsyncClient(base_url=receiver) as client:
        for i, (bank, _) in enumerate(banks):
            secret = new_secret()
            (await client.put(f"/_secrets/bank{i}", content=secret)).raise_for_status()
            url = f"{receiver}/hook/bank{i}"
            row = {"id": uuid.uuid4(), "bank_org_id": uuid.UUID(bank), "url": url, "status": "active"}
            rows.append({**row, "secret": secret, "created_at": now, "updated_at": now})
    async with ctx.sessionmaker.begin() as session:
        await learn_banks(session, banks, now)
        await session.execute(sa.insert(subscriptions), rows)


async def _delivered(client: httpx.AsyncClient) -> tuple[int, dict[str, Any]]:
    stats: dict[str, Any] = (await client.get("/_stats")).json()
    return sum(stats["unique"].values()), stats


async def _until(client: httpx.AsyncClient, expected: int, deadline: float) -> tuple[int, dict[str, Any]]:
    """The receivers' counts once ``expected`` deliveries arrived, or at the deadline."""
    while True:
        got = await _delivered(client)
        if got[0] >= expected or time.monotonic() >= deadline:
            return got
        await asyncio.sleep(0.2)


async def _run(url: str, receiver: str, a_items: int, banks: int, profile: str | None) -> None:
    await upgrade(url)
    app = create_app(Settings(database_url=url, trusted_keys=f"{GATEWAY}:{public_key_text(GATEWAY_KEY)}"))
    ctx = app.state.ctx
    access_log.install(ctx.sessionmaker)  # what the app's startup does
    await _subscribe(ctx, receiver, banks)
    items = [{**i, "rating": "A"} for i in rating_items(a_items, 100)]
    tax = Principal(role="tax_authority", name="bench", org_id=str(uuid.uuid4()))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://credit_push", timeout=300) as client:
        for start in range(0, len(items), 10_000):
            body = httpx.Request("POST", "/", json={"items": items[start : start + 10_000]}).read()
            await _post(client, body, tax)
    expected = a_items * banks
    profiler = cProfile.Profile()
    if profile:
        profiler.enable()
    started, cpu = time.monotonic(), time.process_time()
    tasks = [asyncio.create_task(workers.dispatcher(ctx)), asyncio.create_task(workers.access_log_flush(ctx))]
    async with httpx.AsyncClient(base_url=receiver, timeout=10) as client:
        got = await _until(client, expected, started + 300)
    profiler.disable()
    cpu = time.process_time() - cpu
    delivered, stats = got
    seconds = (stats["last_at"] or time.monotonic()) - started
    print(f"{delivered:,} of {expected:,} deliveries in {seconds:.1f} s: {delivered / seconds:,.0f}/s; "
          f"bad {stats['bad']}, duplicates {sum(stats['duplicates'].values())}, posts {stats['posts']}; "
          f"this process's CPU {cpu:.1f} s, {cpu / max(delivered, 1) * 1e6:.0f} us per delivery")  # fmt: skip
    ctx.stopping.set()
    await asyncio.gather(*tasks)
    if profile:
        profiler.dump_stats(profile)
    await ctx.engine.dispose()


def main() -> None:
    from tests.support.postgres import PgTestServer

    parser = argparse.ArgumentParser()
    parser.add_argument("--a-items", type=int, default=6_000)
    parser.add_argument("--banks", type=int, default=5)
    parser.add_argument("--profile", help="write a cProfile of the dispatcher to this file")
    args = parser.parse_args()
    os.environ["FINMATCH_WEBHOOK_ALLOW_PRIVATE"] = "1"  # the receivers are on loopback
    port = _free_port()
    receiver = subprocess.Popen([sys.executable, "-m", "bench.receiver", "--port", str(port)])  # noqa: S603
    server = PgTestServer()
    server.start()
    try:
        time.sleep(1.0)  # the receiver binds its port
        url = asyncio.run(server.create_database())
        asyncio.run(_run(url, f"http://127.0.0.1:{port}", args.a_items, args.banks, args.profile))
    finally:
        server.stop()
        receiver.terminate()
        receiver.wait()


if __name__ == "__main__":
    main()
