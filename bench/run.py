"""``python -m bench [--quick]``: the platform's performance lines and their baselines, in one run.

Starts a fresh database and ``finmatch up`` (bench/platform.py), the baseline ``/ping`` app and
the webhook receivers (each its own process), loads data through the public API, measures every
line with its baseline, prints the table and writes bench/results/latest.json. Every process it
started is stopped on the way out, whatever failed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import httpx

from bench import data, ingest, lines
from bench.config import FULL, QUICK, Sizes
from bench.platform import BENCH_SETTINGS, Platform, running
from bench.procs import spawn, stop, wait_http
from bench.results import RESULTS, document, table, update_readme, write
from bench.wrk import require_wrk
from tests.support.api import Actor, Api
from tests.support.stack import free_socket

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Helpers:
    ping: str  # the baseline app's URL
    receiver: str  # the webhook receivers' URL


def _port() -> int:
    sock = free_socket()
    port = int(sock.getsockname()[1])
    sock.close()
    return port


@contextmanager
def helpers(workdir: Path, env: dict[str, str]) -> Iterator[Helpers]:
    """The ``/ping`` baseline and the webhook receivers, each in a process of its own."""
    ping_port, receiver_port = _port(), _port()
    ping = spawn(
        [sys.executable, "-m", "bench.ping_app", "--port", str(ping_port)], env, workdir / "ping.log"
    )
    try:
        receiver = spawn(
            [sys.executable, "-m", "bench.receiver", "--port", str(receiver_port)],
            env,
            workdir / "receiver.log",
        )
        try:
            wait_http(f"http://127.0.0.1:{ping_port}/ping", ping, "bench.ping_app")
            wait_http(f"http://127.0.0.1:{receiver_port}/healthz", receiver, "bench.receiver")
            yield Helpers(f"http://127.0.0.1:{ping_port}", f"http://127.0.0.1:{receiver_port}")
        finally:
            stop(receiver)
    finally:
        stop(ping)


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


async def measure(platform: Platform, side: Helpers, sizes: Sizes) -> tuple[dict[str, Any], dict[str, Any]]:
    gateway = platform.url("gateway")
    rec = lines.Recorder(sizes)
    m: dict[str, Any] = {}
    d: dict[str, Any] = {"sizes": asdict(sizes), "runs": rec.runs}
    api = Api(gateway)
    try:
        say("setting up orgs, subscriptions and the guarantee chain")
        tax = await api.org("tax_authority")
        banks = [await api.org("bank") for _ in range(sizes.banks)]
        app = await api.org("partner_app")
        subscriptions: list[tuple[Actor, str]] = []
        for i, bank in enumerate(banks):
            sub_id, secret = await data.subscribe(api, bank, f"{side.receiver}/hook/bank{i}")
            data.check(await api.client.put(f"{side.receiver}/_secrets/bank{i}", content=secret), 204)
            subscriptions.append((bank, sub_id))
        guarantors = await data.guarantee_chain(api, banks[0], sizes.local_guarantors)

        say("baselines: /ping and the webhook receivers' own ceiling")
        ping = await lines.ping(rec, side.ping)
        m["ping_req_s"] = round(ping.ok_per_s, 1)
        m["receiver_ceiling_per_s"] = round((await lines.receiver_ceiling(rec, side.receiver)).ok_per_s, 1)

        m |= await _ingest_and_fanout(platform, side, sizes, tax, subscriptions, d)
        a_uscc = d.pop("a_uscc")

        say("rating read (an A-rated enterprise, as a bank): through the gateway and straight")
        reads = await lines.rating_reads(
            rec, gateway, platform.url("credit_push"), platform.env, banks[0], a_uscc
        )
        m["gateway_ratio"] = round(reads["gateway"].ok_per_s / reads["direct"].ok_per_s, 3)
        m["gateway_added_p50_ms"] = round(reads["gateway_c1"].p50_ms - reads["direct_c1"].p50_ms, 3)
        m["read_chain_ratio"] = round(reads["gateway"].ok_per_s / ping.ok_per_s, 3)
        m["me_ratio"] = round((await lines.me(rec, gateway, banks[0])).ok_per_s / ping.ok_per_s, 3)

        say(f"match query: publishing {sizes.products:,} products ({sizes.matching:,} match)")
        started = time.perf_counter()
        await data.publish_products(api, banks, sizes.products, sizes.matching)
        d["publish_products_s"] = round(time.perf_counter() - started, 2)
        uscc = await data.enterprise(api, app)
        match = await lines.match(rec, gateway, app, data.query_body(uscc), sizes.matching)
        m["match_ratio"] = round(match["c64"].ok_per_s / ping.ok_per_s, 4)
        m["match_p99_ms_c4"] = round(match["c4"].p99_ms, 2)

        say("exposures: one local guarantor, then eight")
        one = await lines.exposures(rec, "exposures_one_guarantor", gateway, guarantors[:1])
        m["exposure_per_s_one_guarantor"] = round(one.ok_per_s, 1)
        eight = await lines.exposures(rec, "exposures_eight_guarantors", gateway, guarantors)
        m["exposure_per_s_eight_guarantors"] = round(eight.ok_per_s, 1)

        say(f"products created one by one ({sizes.sequential_products})")
        m["products_per_s"] = round(
            await lines.sequential_products(api, banks[1], sizes.sequential_products), 1
        )
    finally:
        await api.aclose()
    return m, d


async def _ingest_and_fanout(
    platform: Platform,
    side: Helpers,
    sizes: Sizes,
    tax: Actor,
    subscriptions: list[tuple[Actor, str]],
    d: dict[str, Any],
) -> dict[str, Any]:
    items = data.rating_items(sizes.ratings, sizes.a_share_pct)
    a_count = sum(1 for item in items if item["rating"] == "A")
    d["a_uscc"] = next(item["uscc"] for item in items if item["rating"] == "A")
    say(f"ingest: COPY of {sizes.ratings:,} rows, then the upload in {sizes.batches} batches")
    copy_s = await ingest.copy_seconds(platform.database_url, items, sizes.batches)
    up = await ingest.upload(platform.url("gateway"), tax, items, sizes.batches)
    if up.accepted != len(items):
        raise RuntimeError(f"the upload accepted {up.accepted} of {len(items)} ({up.rejected} rejected)")
    async with httpx.AsyncClient(base_url=side.receiver) as client:
        at_end, _ = await ingest.receiver_stats(client, "bank")
    d["ingest"] = {
        "copy_s": round(copy_s, 3),
        "upload_s": round(up.seconds, 3),
        "batch_s": [round(s, 2) for s in up.batch_seconds],
    }
    rows_s, copy_rows_s = len(items) / up.seconds, len(items) / copy_s
    print(f"  upload {rows_s:,.0f} rows/s, COPY {copy_rows_s:,.0f} rows/s", flush=True)

    # Every bank is entitled to every A (the public list) and has one unfiltered subscription.
    expected = a_count * len(subscriptions)
    say(f"fan-out: waiting for {expected:,} deliveries (at most {sizes.fanout_cap_s:g} s)")
    fan = await ingest.drain(side.receiver, "bank", expected, up, at_end, sizes.fanout_cap_s)
    print(
        f"  delivered {fan.delivered:,}/{fan.expected:,} ({fan.at_upload_end:,} during the upload), "
        f"{fan.drain_per_s:,.0f}/s after it; bad signatures {fan.bad_signatures}, "
        f"duplicates {fan.duplicates}",
        flush=True,
    )
    d["fanout"] = asdict(fan)
    # Stop the rest of the backlog: later lines must not share the machine with it.
    api = Api(platform.url("gateway"))
    try:
        for bank, sub_id in subscriptions:
            await data.pause(api, bank, sub_id)
    finally:
        await api.aclose()
    return {
        "ingest_rows_per_s": round(rows_s, 1),
        "copy_rows_per_s": round(copy_rows_s, 1),
        "ingest_ratio_vs_copy": round(rows_s / copy_rows_s, 4),
        "fanout_per_s": round(fan.drain_per_s, 1),
        "fanout_delivered": fan.delivered,
        "fanout_expected": fan.expected,
        "fanout_complete": fan.complete,
    }


def _interrupt(signum: int, _: FrameType | None) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes and short runs, for development")
    parser.add_argument(
        "--out", type=Path, help="where to write the JSON (default bench/results/latest.json)"
    )
    parser.add_argument(
        "--log-level", default="INFO", help="the platform's FINMATCH_LOG_LEVEL (default INFO)"
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    out: Path = args.out or (RESULTS / ("quick.json" if args.quick else "latest.json"))
    require_wrk()
    signal.signal(signal.SIGTERM, _interrupt)
    workdir = ROOT / "var" / "bench" / time.strftime("%Y%m%d-%H%M%S")
    say(f"logs in {workdir}")
    load_start = os.getloadavg()
    with running(workdir, log_level=args.log_level) as platform, helpers(workdir, platform.env) as side:
        say(f"platform up: gateway {platform.url('gateway')}")
        metrics, details = asyncio.run(measure(platform, side, sizes))
        memory = platform.memory()
    details["loadavg_start"] = [round(x, 2) for x in load_start]
    details["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    details["platform_settings"] = {**BENCH_SETTINGS, "log_level": args.log_level}
    details["memory_mb"] = {
        name: {"rss": round(r, 1), "peak": round(p, 1)} for name, (r, p) in memory.items()
    }
    metrics["max_rss_mb"] = round(max(r for r, _ in memory.values()), 1)
    metrics["max_peak_rss_mb"] = round(max(p for _, p in memory.values()), 1)
    doc = document(metrics, details, quick=args.quick)
    write(doc, out)
    if not args.quick and args.out is None:
        update_readme(doc)
    print()
    print(table(doc))
    print(f"\nwritten to {out}")
    return 0
