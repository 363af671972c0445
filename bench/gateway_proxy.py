"""Gateway proxy throughput and latency, with the aiohttp-engine transport or plain httpx.

    .venv/bin/python -m bench.gateway_proxy --transport aiohttp --requests 3000 --concurrency 64
    .venv/bin/python -m bench.gateway_proxy --transport httpx   --requests 3000 --concurrency 64

Starts a fresh database and the four real processes, then fires proxied GETs through the
gateway and prints requests/s, p50 and p99. The load generator itself runs on aiohttp's
engine: a plain httpx client is the bottleneck long before the gateway is.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time

import httpx

import gateway.app
from deploy import cli
from kit.http import make_client
from kit.migrations import upgrade
from kit.settings import PROCESS_NAMES
from tests.support.api import Api
from tests.support.postgres import PgTestServer
from tests.support.stack import ADMIN_KEY, process_env


def _plain_httpx(
    *, timeout: httpx.Timeout, max_connections: int = 200, base_url: str = ""
) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    return httpx.AsyncClient(timeout=timeout, limits=limits, base_url=base_url)


async def _fire(url: str, key: str, requests: int, concurrency: int) -> list[float]:
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(i)
    async with make_client(timeout=httpx.Timeout(30), max_connections=concurrency, base_url=url) as client:

        async def worker() -> None:
            while not queue.empty():
                queue.get_nowait()
                started = time.perf_counter()
                response = await client.get("/v1/match/products", headers={"Authorization": f"Bearer {key}"})
                assert response.status_code < 500, response.text
                latencies.append(time.perf_counter() - started)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


def _start_platform(database_url: str, transport: str) -> tuple[list[subprocess.Popen[bytes]], str]:
    env, ports = process_env(
        database_url,
        admin_key=ADMIN_KEY,
        rate_limit_per_s="100000",
        log_level="WARNING",
        bench_transport=transport,
    )
    asyncio.run(upgrade(database_url))
    processes = [
        subprocess.Popen([sys.executable, "-m", "bench.gateway_proxy", "--serve", name], env=env)  # noqa: S603
        for name in PROCESS_NAMES
    ]
    gateway = f"http://127.0.0.1:{ports['gateway']}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(gateway + "/readyz", timeout=1).status_code == 200:
                return processes, gateway
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    _stop(processes)
    raise RuntimeError("platform did not start")


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        process.wait(timeout=30)


def _serve(name: str) -> None:
    """Child: one process, the gateway's upstream transport swapped when asked."""
    if name == "gateway" and os.environ.get("FINMATCH_BENCH_TRANSPORT") == "httpx":
        gateway.app.make_client = _plain_httpx  # type: ignore[attr-defined]
    sys.exit(cli.main(["serve", name]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--transport", choices=("aiohttp", "httpx"), default="aiohttp")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        _serve(args.serve)
        return
    server = PgTestServer()
    server.start()
    try:
        url = asyncio.run(server.create_database())
        processes, gateway_url = _start_platform(url, args.transport)
        try:

            async def run() -> list[float]:
                api = Api(gateway_url)
                bank = await api.org("bank")
                await api.aclose()
                await _fire(gateway_url, bank.key, 200, args.concurrency)  # warm up
                return await _fire(gateway_url, bank.key, args.requests, args.concurrency)

            started = time.perf_counter()
            latencies = asyncio.run(run())
            elapsed = time.perf_counter() - started
        finally:
            _stop(processes)
    finally:
        server.stop()
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(
        f"{args.transport}: {len(latencies) / elapsed:.0f} req/s, "
        f"p50 {statistics.median(latencies) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms "
        f"({args.requests} requests, concurrency {args.concurrency})"
    )


if __name__ == "__main__":
    main()
