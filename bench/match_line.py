"""Only the bench's matching lines, on the real platform: ``python -m bench.match_line [--quick]``.

The same setup and measurement as ``make bench`` for `match_ratio`, `match_p99_ms_c4` and
`products_per_s` (bench/run.py: ``finmatch up``, the ``/ping`` baseline, the products, the
profile, wrk at 64 and 4 connections, then products one by one), without the ingest, fan-out
and exposure lines: a few minutes instead of ten, for working on loan_match. Prints the figures;
writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bench import data, lines, probe
from bench.config import FULL, QUICK, Sizes
from bench.platform import Platform
from tests.support.api import Api


async def recorded(platform: Platform) -> int:
    """Match queries answered so far (loan_match records each one)."""
    return int(await probe.fetch_value(platform, "SELECT count(*) FROM loan_match.match_query"))


async def measure(platform: Platform, ping_url: str, sizes: Sizes, spy_dir: Path | None) -> dict[str, Any]:
    rec = lines.Recorder(sizes)
    gateway = platform.url("gateway")
    api = Api(gateway)
    try:
        banks = [await api.org("bank") for _ in range(sizes.banks)]
        app = await api.org("partner_app")
        ping = await lines.ping(rec, ping_url)
        await data.publish_products(api, banks, sizes.products, sizes.matching)
        uscc = await data.enterprise(api, app)
        spies = probe.spy(platform, spy_dir, sizes.wrk_seconds + 2 * sizes.warmup_seconds) if spy_dir else []
        before, counted = await probe.cpu_snapshot(platform), await recorded(platform)
        match = await lines.match(rec, gateway, app, data.query_body(uscc), sizes.matching)
        used, queries = await probe.cpu_used(platform, before), await recorded(platform) - counted
        for process in spies:
            process.wait()
        products = await lines.sequential_products(api, banks[1], sizes.sequential_products)
    finally:
        await api.aclose()
    return {
        "ping_req_s": round(ping.ok_per_s, 1),
        "match_req_s": round(match["c64"].ok_per_s, 1),
        "match_ratio": round(match["c64"].ok_per_s / ping.ok_per_s, 4),
        "match_p99_ms_c64": round(match["c64"].p99_ms, 2),
        "match_p50_ms_c4": round(match["c4"].p50_ms, 2),
        "match_p99_ms_c4": round(match["c4"].p99_ms, 2),
        "products_per_s": round(products, 1),
        "queries": queries,
        # Warm-ups and both runs: the CPU each process spent per answered query.
        "cpu_ms_per_query": {name: round(1000 * used[name] / queries, 2) for name in sorted(used)},
        "memory_mb": platform.memory(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.match_line", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the --quick sizes (200 products)")
    parser.add_argument("--spy", type=Path, help="py-spy each process during the match lines, into DIR")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    probe.show(
        probe.with_ping("match-line-", lambda platform, ping: measure(platform, ping, sizes, args.spy))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
