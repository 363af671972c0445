"""Ratings upload: time for 10,000 items (new, identical again, all adjusted), and banks seeded.

    .venv/bin/python -m bench.credit_push_ingest --banks 20

Uses a fresh database and the real credit_push app in-process (no background workers), with
``--banks`` banks already known so each A item fans out to every bank's outbox.
"""

from __future__ import annotations

import argparse
import asyncio
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from kit.credentials import Signer, generate_signing_key, public_key_text
from kit.migrations import upgrade
from kit.principal import GATEWAY, Principal, subject_of
from kit.settings import Settings
from services.credit_push.app import create_app
from services.credit_push.service import learn_banks
from tests.support.api import make_uscc
from tests.support.postgres import PgTestServer

GATEWAY_KEY = generate_signing_key()  # a throwaway key for a throwaway database


def _items(n: int, tax: int) -> list[dict[str, Any]]:
    levels = "ABMCD"
    return [
        {
            "uscc": make_uscc(),
            "name": f"企业{i}",
            "rating": levels[i % 5],
            "year": 2025,
            "avg_annual_tax_fen": tax,
        }
        for i in range(n)
    ]


async def _run(url: str, n: int, bank_count: int) -> None:
    await upgrade(url)
    app = create_app(Settings(database_url=url, trusted_keys=f"{GATEWAY}:{public_key_text(GATEWAY_KEY)}"))
    ctx = app.state.ctx
    async with ctx.sessionmaker.begin() as session:
        banks = [(str(uuid.uuid4()), f"bank {i}") for i in range(bank_count)]
        await learn_banks(session, banks, datetime.now(UTC))
    tax = Principal(role="tax_authority", name="bench", org_id=str(uuid.uuid4()))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://credit_push", timeout=300) as client:
        items = _items(n, 100)
        for label, batch in [
            ("new", items),
            ("identical", items),
            ("adjusted", [{**i, "avg_annual_tax_fen": 200} for i in items]),
        ]:
            token = Signer(GATEWAY, GATEWAY_KEY).mint(
                audience="credit_push", method="POST", target="/v1/credit/ratings", subject=subject_of(tax)
            )
            headers = {"X-Finmatch-Principal": token}
            started = time.perf_counter()
            response = await client.post("/v1/credit/ratings", json={"items": batch}, headers=headers)
            elapsed = time.perf_counter() - started
            assert response.status_code == 200, response.text
            body = response.json()
            counts = f"accepted={body['accepted']} unchanged={body['unchanged']}"
            print(f"{label:>9}: {n} items in {elapsed:.2f} s  {counts}")
    await ctx.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--banks", type=int, default=20)
    args = parser.parse_args()
    server = PgTestServer()
    server.start()
    try:
        url = asyncio.run(server.create_database())
        asyncio.run(_run(url, args.items, args.banks))
    finally:
        server.stop()


if __name__ == "__main__":
    main()
