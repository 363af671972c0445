"""Diagnostic: the bench's match query in-process, with what one query costs (CONTRACT §5, issue 10).

Starts the real stack on the tests' PostgreSQL (tests/support/stack.py: gateway and the three
services served by uvicorn in one background thread), publishes the bench's products (bench/data.py:
``--products`` of which ``--matching`` match, no guarantee), puts the bench's profile, then:

- counts, per query, the SQL statements each process sends and the internal HTTP calls loan_match
  makes (by target and path);
- times ``--queries`` queries one at a time through the gateway and straight to loan_match, then
  ``--concurrent`` at a time through the gateway (all four apps share one thread here, so this is
  the whole stack's CPU per query, not the platform's throughput);
- with ``--profile FILE``, serves another loan_match (same database and peers) in the main
  thread, loads it with wrk, records a cProfile of that thread alone and prints its top
  functions (``--top``) and its CPU per query.

Run from the repository: ``.venv/bin/python -m bench.loan_match_query [--products N] ...`` (as a
module: run as a script, bench/platform.py would shadow the stdlib's).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import cProfile
import json
import pstats
import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx
import uvicorn
from sqlalchemy import event

from bench import wrk
from bench.credential import direct_headers
from bench.data import enterprise, product_body, publish_products, query_body
from kit.migrations import upgrade
from kit.principal import Principal
from kit.settings import PROCESS_NAMES
from tests.support.api import Api
from tests.support.postgres import PgTestServer
from tests.support.stack import SIGNING_KEYS, Stack, app_of, free_socket

BANKS = 40


def _app(stack: Stack, name: str) -> Any:
    server, _ = stack.threads.servers[name]
    return server.config.app


class Counts:
    """SQL statements per process and loan_match's internal calls, while ``on``."""

    def __init__(self, stack: Stack) -> None:
        self.on = False
        self.sql: collections.Counter[str] = collections.Counter()
        self.calls: collections.Counter[str] = collections.Counter()
        for name in PROCESS_NAMES:
            engine = _app(stack, name).state.ctx.engine.sync_engine
            event.listen(engine, "before_cursor_execute", self._statement(name))
        client: httpx.AsyncClient = _app(stack, "loan_match").state.ctx.internal._client
        client.event_hooks["request"].append(self._call)

    def _statement(self, name: str) -> Any:
        def seen(*args: Any) -> None:
            if self.on:
                self.sql[f"{name}: {' '.join(str(args[2]).split())[:90]}"] += 1

        return seen

    async def _call(self, request: httpx.Request) -> None:
        if self.on:
            self.calls[f"{request.url.port} {request.url.path.rsplit('/', 1)[0]}"] += 1


def _ms(timings: list[float]) -> dict[str, float]:
    timings = sorted(timings)
    return {
        "p50_ms": round(statistics.median(timings) * 1000, 1),
        "p95_ms": round(timings[max(int(len(timings) * 0.95) - 1, 0)] * 1000, 1),
    }


async def _sequential(client: httpx.AsyncClient, url: str, headers: Any, body: Any, n: int) -> list[float]:
    timings = []
    for _ in range(n):
        t0 = time.perf_counter()
        response = await client.post(url, json=body, headers=headers)
        timings.append(time.perf_counter() - t0)
        assert response.status_code == 200, response.text
    return timings


async def measure(stack: Stack, args: argparse.Namespace) -> dict[str, Any]:
    api = Api(stack.url("gateway"))
    out: dict[str, Any] = {}
    try:
        banks = [await api.org("bank") for _ in range(BANKS)]
        app = await api.org("partner_app")
        started = time.perf_counter()
        await publish_products(api, banks, args.products, args.matching)
        out["publish_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        for i in range(args.sequential_products):
            product = {**product_body(20_000 + i, True), "name": f"逐个产品{i}"}
            check = await api.call(banks[0], "POST", "/v1/match/products", json=product)
            assert check.status_code == 201, check.text
        if args.sequential_products:
            out["products_one_by_one_per_s"] = round(
                args.sequential_products / (time.perf_counter() - started), 1
            )
        body = query_body(await enterprise(api, app)) | {"include_excluded": args.include_excluded}
        url = stack.url("gateway") + "/v1/match/queries"
        first = (await api.client.post(url, json=body, headers=app.headers)).json()
        out |= {"total_matches": first["total_matches"], "shown": len(first["matches"])}
        out["answer_bytes"] = len((await api.client.post(url, json=body, headers=app.headers)).content)
        counts = Counts(stack)
        counts.on = True
        await _sequential(api.client, url, app.headers, body, 10)
        counts.on = False
        out["sql_per_query"] = {k: v / 10 for k, v in sorted(counts.sql.items())}
        out["internal_calls_per_query"] = {k: v / 10 for k, v in sorted(counts.calls.items())}
        out["gateway"] = _ms(await _sequential(api.client, url, app.headers, body, args.queries))
        env = {"FINMATCH_GATEWAY_SIGNING_KEY": SIGNING_KEYS["gateway"]}
        caller = Principal(role="partner_app", name=app.name, org_id=app.org_id)

        def vouched() -> dict[str, str]:  # a token lives 30 s at most: one per request or run
            target = "/v1/match/queries"
            return direct_headers(env, caller, service="loan_match", method="POST", target=target)

        direct_url = stack.url("loan_match") + "/v1/match/queries"
        direct = []
        for _ in range(args.queries):
            direct += await _sequential(api.client, direct_url, vouched(), body, 1)
        out["direct"] = _ms(direct)
        out["concurrent_q_per_s"] = await _concurrent(api, url, app.headers, body, args)
        if args.profile:
            out["profiled"] = await _profile(stack, vouched, body, args)
    finally:
        await api.aclose()
    return out


async def _concurrent(
    api: Api, url: str, headers: dict[str, str], body: Any, args: argparse.Namespace
) -> float:
    done = 0

    async def worker() -> None:
        nonlocal done
        for _ in range(args.queries // args.concurrent + 1):
            response = await api.client.post(url, json=body, headers=headers)
            assert response.status_code == 200, response.text
            done += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(args.concurrent)))
    return round(done / (time.perf_counter() - started), 1)


async def _profile(
    stack: Stack, vouched: Callable[[], dict[str, str]], body: Any, args: argparse.Namespace
) -> dict[str, Any]:
    """Another loan_match on the stack's database and peers, served by uvicorn in this thread's
    loop, loaded by wrk at ``--profile-connections``, with cProfile on this thread: only
    loan_match's own work is in the profile."""
    sock = free_socket()
    server = uvicorn.Server(
        uvicorn.Config(app_of("loan_match", stack.values_of("loan_match")), log_config=None, lifespan="on")
    )
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # uvicorn offers no event to wait on  # noqa: ASYNC110
        await asyncio.sleep(0.02)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/v1/match/queries"
    options: dict[str, Any] = {"method": "POST", "body": json.dumps(body).encode()}
    headers = {**vouched(), "Content-Type": "application/json"}
    try:
        await wrk.run(url, connections=args.profile_connections, seconds=2, headers=headers, **options)
        profiler = cProfile.Profile()
        started = time.thread_time()
        profiler.enable()
        result = await wrk.run(
            url, connections=args.profile_connections, seconds=5, headers=headers, **options
        )
        profiler.disable()
        cpu = time.thread_time() - started
    finally:
        server.should_exit = True
        await task
    profiler.dump_stats(args.profile)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return {
        "q_per_s": round(result.ok_per_s, 1),
        "p50_ms": result.p50_ms,
        "errors": result.error_share,
        # this thread's CPU: the profiled loan_match alone
        "process_cpu_ms_per_query": round(1000 * cpu / max(result.requests, 1), 2),
    }


async def fresh_database(server: PgTestServer) -> str:
    url = await server.create_database()
    await upgrade(url)
    return url


def run(args: argparse.Namespace) -> dict[str, Any]:
    server = PgTestServer()
    server.start()
    try:
        stack = Stack(asyncio.run(fresh_database(server)))
        try:
            return asyncio.run(measure(stack, args))
        finally:
            stack.close()
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--products", type=int, default=2000)
    parser.add_argument("--matching", type=int, default=1750)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--concurrent", type=int, default=8)
    parser.add_argument("--sequential-products", type=int, default=0)
    parser.add_argument("--include-excluded", action="store_true")
    parser.add_argument("--profile", help="write a cProfile of the server thread here and print it")
    parser.add_argument("--profile-connections", type=int, default=4)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    for key, value in run(args).items():
        print(f"{key:>10}: {value}")


if __name__ == "__main__":
    main()
