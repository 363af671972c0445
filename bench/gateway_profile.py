"""Where the gateway's time goes: cProfile of the in-process stack under wrk.

The gateway and the three services run in one event loop in one thread (tests/support/stack.py);
the profiler is switched on inside that thread while wrk loads one line, so the figures are
the gateway's own Python plus, for the rating read, credit_push's. Run with
``.venv/bin/python -m bench.gateway_profile [--line me|rating|direct] [--seconds 5]``.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import os
import pstats
import time
from pathlib import Path

from bench import wrk
from bench.credential import direct_headers
from kit.migrations import upgrade
from kit.principal import Principal
from tests.support.api import Api
from tests.support.credit_push import item, upload
from tests.support.postgres import PgTestServer
from tests.support.stack import SIGNING_KEYS, Stack


async def _setup(stack: Stack) -> tuple[dict[str, str], str, Principal]:
    api = Api(stack.url("gateway"))
    try:
        tax = await api.org("tax_authority")
        bank = await api.org("bank")
        rating = item(rating="A")
        await upload(api, tax, [rating])
    finally:
        await api.aclose()
    return dict(bank.headers), rating["uscc"], Principal(role="bank", name=bank.name, org_id=bank.org_id)


def _thread_cpu_s(native_id: int) -> float:
    """User + system CPU seconds of one thread of this process (/proc, clock ticks)."""
    fields = Path(f"/proc/self/task/{native_id}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu_per_request(
    stack: Stack, url: str, headers: dict[str, str], seconds: float, connections: int
) -> str:
    """The server thread's CPU per answered request, unprofiled: steadier than req/s on a busy machine."""
    native_id = stack.threads.thread.native_id
    assert native_id is not None
    asyncio.run(wrk.run(url, connections=connections, seconds=1.0, headers=headers))
    collecting = [0.0, 0.0]

    def timed(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collecting[0] = time.perf_counter()
        else:
            collecting[1] += time.perf_counter() - collecting[0]

    # The background workers' own CPU (pollers, the limit sync), measured idle, is not the requests'.
    idle_from = _thread_cpu_s(native_id)
    time.sleep(3.0)
    idle_per_s = (_thread_cpu_s(native_id) - idle_from) / 3.0
    gc.callbacks.append(timed)
    before = _thread_cpu_s(native_id)
    result = asyncio.run(wrk.run(url, connections=connections, seconds=seconds, headers=headers))
    used = _thread_cpu_s(native_id) - before - idle_per_s * result.seconds
    gc.callbacks.remove(timed)
    answered = result.requests - result.non_2xx
    return (
        f"{result.ok_per_s:,.0f} req/s, p50 {result.p50_ms:.2f} ms, errors {result.error_share:.1%}; "
        f"server thread CPU {used * 1e6 / max(answered, 1):,.0f} us per request "
        f"(idle {idle_per_s * 1000:.0f} ms/s); "
        f"garbage collection (all threads) {collecting[1] * 1e6 / max(answered, 1):,.0f} us per request"
    )


def _profile(
    stack: Stack, url: str, headers: dict[str, str], seconds: float, connections: int, dump: str
) -> str:
    profiler = cProfile.Profile()
    loop = stack.threads.loop
    asyncio.run(wrk.run(url, connections=connections, seconds=1.0, headers=headers))
    loop.call_soon_threadsafe(profiler.enable)
    result = asyncio.run(wrk.run(url, connections=connections, seconds=seconds, headers=headers))
    done = asyncio.run_coroutine_threadsafe(asyncio.sleep(0), loop)
    done.result()
    loop.call_soon_threadsafe(profiler.disable)
    asyncio.run_coroutine_threadsafe(asyncio.sleep(0), loop).result()
    out = io.StringIO()
    profiler.dump_stats(dump)
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(35)
    stats.sort_stats("cumulative").print_stats(45)
    calls = sum(entry[1] for entry in stats.stats.values())  # type: ignore[attr-defined]
    answered = max(result.requests - result.non_2xx, 1)
    summary = (
        f"{result.ok_per_s:,.0f} req/s, p50 {result.p50_ms:.2f} ms, errors {result.error_share:.1%}; "
        f"{calls / answered:,.0f} Python function calls per request (background work included)"
    )
    return summary + "\n" + out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--line", choices=("me", "rating", "direct"), default="rating")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--freeze", action="store_true", help="gc.freeze() after setup (test only)")
    parser.add_argument("--cpu", action="store_true", help="CPU per request instead of a profile")
    parser.add_argument("--dump", default="var/gateway.prof", help="pstats file for further reading")
    args = parser.parse_args()
    server = PgTestServer()
    server.start()
    try:
        database_url = asyncio.run(server.create_database())
        asyncio.run(upgrade(database_url))
        stack = Stack(database_url, rate_limit_per_s=1_000_000.0)
        try:
            headers, uscc, principal = asyncio.run(_setup(stack))
            if args.freeze:
                gc.freeze()
            target = f"/v1/credit/ratings/{uscc}"
            if args.line == "me":
                url = stack.url("gateway") + "/v1/me"
            elif args.line == "rating":
                url = stack.url("gateway") + target
            else:
                url = stack.url("credit_push") + target
                env = {"FINMATCH_GATEWAY_SIGNING_KEY": SIGNING_KEYS["gateway"]}
                headers = direct_headers(env, principal, service="credit_push", method="GET", target=target)
            if args.cpu:
                print(args.line, _cpu_per_request(stack, url, headers, args.seconds, args.connections))
            else:
                print(_profile(stack, url, headers, args.seconds, args.connections, args.dump))
        finally:
            stack.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
