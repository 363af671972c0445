"""Benchmark: one match query against 2,000 active products (CONTRACT §5, issue 5).

Starts a throwaway PostgreSQL and the real stack (as the tests do), publishes 2,000
products from 40 banks (a quarter of them requiring a guarantee), then times match
queries through the gateway and counts the SQL statements and dependency calls one
query makes. Run from the repository: ``.venv/bin/python -m bench.loan_match_query [--products N]
[--queries N]`` (as a module: run as a script, bench/platform.py would shadow the stdlib's).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from typing import Any

from sqlalchemy import event

from kit.migrations import upgrade
from tests.support.api import Actor, Api, make_uscc
from tests.support.loan_match import WAN, product_body, profile_body
from tests.support.postgres import PgTestServer
from tests.support.stack import Stack

BANKS = 40


async def publish_all(api: Api, banks: list[Actor], count: int) -> None:
    gate = asyncio.Semaphore(8)

    async def one(i: int) -> None:
        body = product_body(
            name=f"产品{i}",
            annual_rate_bp=300 + i % 300,
            requires_guarantee=i % 4 == 0,
            min_rating="B" if i % 5 == 0 else None,
            region_codes=["620000"] if i % 3 == 0 else [],
        )
        async with gate:
            response = await api.call(banks[i % len(banks)], "POST", "/v1/match/products", json=body)
        assert response.status_code == 201, response.text

    await asyncio.gather(*(one(i) for i in range(count)))


class ProductReads:
    """Counts SELECTs on the product table issued by the running loan_match app."""

    def __init__(self, stack: Stack) -> None:
        server, _ = stack.threads.servers["loan_match"]
        app: Any = server.config.app
        engine = app.state.ctx.engine.sync_engine
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *args: Any) -> None:
        statement = str(args[2])
        if statement.lstrip().upper().startswith("SELECT") and "FROM loan_match.product" in statement:
            self.count += 1


async def fresh_database(server: PgTestServer) -> str:
    url = await server.create_database()
    await upgrade(url)
    return url


async def measure(stack: Stack, products: int, queries: int) -> dict[str, Any]:
    api = Api(stack.url("gateway"))
    try:
        banks = [await api.org("bank") for _ in range(BANKS)]
        app = await api.org("partner_app")
        started = time.perf_counter()
        await publish_all(api, banks, products)
        publish_s = time.perf_counter() - started
        uscc = make_uscc()
        put = await api.call(app, "PUT", f"/v1/match/enterprises/{uscc}", json=profile_body())
        assert put.status_code == 200, put.text
        body = {"uscc": uscc, "amount_fen": 100 * WAN, "term_months": 12, "include_excluded": True}
        reads = ProductReads(stack)
        timings = []
        result: dict[str, Any] = {}
        for _ in range(queries):
            t0 = time.perf_counter()
            response = await api.call(app, "POST", "/v1/match/queries", json=body)
            timings.append(time.perf_counter() - t0)
            assert response.status_code == 200, response.text
            result = response.json()
    finally:
        await api.aclose()
    timings.sort()
    return {
        "products": products,
        "publish_s": round(publish_s, 2),
        "queries": queries,
        "matches": result["total_matches"],
        "shown": len(result["matches"]),
        "excluded": len(result["excluded"]),
        "product_selects_per_query": reads.count / queries,
        "p50_ms": round(statistics.median(timings) * 1000, 1),
        "p95_ms": round(timings[max(int(len(timings) * 0.95) - 1, 0)] * 1000, 1),
        "max_ms": round(timings[-1] * 1000, 1),
    }


def run(products: int, queries: int) -> dict[str, Any]:
    server = PgTestServer()
    server.start()
    try:
        stack = Stack(asyncio.run(fresh_database(server)))
        try:
            return asyncio.run(measure(stack, products, queries))
        finally:
            stack.close()
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--products", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    for key, value in run(args.products, args.queries).items():
        print(f"{key:>10}: {value}")


if __name__ == "__main__":
    main()
