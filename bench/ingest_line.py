"""Only the bench's ingest line, on the real platform: ``python -m bench.ingest_line [--quick]``.

The same setup and measurement as ``make bench`` for `ingest_ratio_vs_copy` (bench/run.py
``_ingest_and_fanout``: ``finmatch up``, the webhook receivers, 5 banks each with one
subscription, COPY of the rows, then the upload in 10 sequential POSTs through the gateway),
without the other lines. Per batch it prints the client's wall time, the time credit_push and
the gateway logged for the request (their access-log ``duration_ms``), and the CPU each
platform process and this database's PostgreSQL backends used meanwhile. ``--paused`` pauses
the subscriptions first (the deliveries are still written, the dispatcher sends none), which
separates the upload from the fan-out it competes with; ``--spy DIR`` records py-spy of each
process during the upload; ``--drain`` then waits for the fan-out. Writes nothing else.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench import data, ingest, probe
from bench.config import FULL, QUICK, Sizes
from bench.platform import Platform, running
from bench.run import helpers
from deploy.supervisor import LOG_FILE
from tests.support.api import Actor, Api


def logged(since: int) -> dict[str, list[float]]:
    """The access-log ``duration_ms`` of each upload, per process, written after offset ``since``."""
    out: dict[str, list[float]] = {}
    with LOG_FILE.open("rb") as log:
        log.seek(since)
        for line in log:
            if b'"POST /v1/credit/ratings' not in line:
                continue
            entry = json.loads(line)
            if entry.get("logger") == "kit.access":
                out.setdefault(entry["process"], []).append(float(entry["duration_ms"]))
    return out


async def setup(api: Api, receiver: str, sizes: Sizes) -> tuple[Actor, list[tuple[Actor, str]]]:
    """The tax authority, and the banks with one subscription each to the receivers (as run.py)."""
    tax = await api.org("tax_authority")
    subscriptions: list[tuple[Actor, str]] = []
    for i in range(sizes.banks):
        bank = await api.org("bank")
        sub_id, secret = await data.subscribe(api, bank, f"{receiver}/hook/bank{i}")
        data.check(await api.client.put(f"{receiver}/_secrets/bank{i}", content=secret), 204)
        subscriptions.append((bank, sub_id))
    return tax, subscriptions


async def upload(platform: Platform, tax: Actor, items: list[dict[str, Any]], sizes: Sizes) -> list[Any]:
    """As bench.ingest.upload (the body encoded inside the timed call), with the CPU per batch."""
    rows: list[Any] = []
    timeout = httpx.Timeout(600, connect=10)
    gateway = platform.url("gateway")
    async with httpx.AsyncClient(base_url=gateway, timeout=timeout, headers=tax.headers) as client:
        for batch in ingest.batches(items, sizes.batches):
            before = await probe.cpu_snapshot(platform)
            t0 = time.perf_counter()
            data.check(await client.post("/v1/credit/ratings", json={"items": batch}), 200)
            wall = time.perf_counter() - t0
            rows.append((wall, await probe.cpu_used(platform, before)))
    return rows


async def measure(platform: Platform, receiver: str, sizes: Sizes, args: argparse.Namespace) -> None:
    api = Api(platform.url("gateway"))
    try:
        tax, subscriptions = await setup(api, receiver, sizes)
        if args.paused:
            for bank, sub_id in subscriptions:
                await data.pause(api, bank, sub_id)
    finally:
        await api.aclose()
    items = data.rating_items(sizes.ratings, sizes.a_share_pct)
    copy_s = await ingest.copy_seconds(platform.database_url, items, sizes.batches)
    since = LOG_FILE.stat().st_size if LOG_FILE.exists() else 0
    spies = probe.spy(platform, args.spy) if args.spy else []
    started = time.perf_counter()
    rows = await upload(platform, tax, items, sizes)
    upload_s = time.perf_counter() - started
    for process in spies:
        process.send_signal(signal.SIGINT)
        process.wait()
    durations = logged(since)
    _report(rows, durations, len(items), upload_s, copy_s, platform.memory())
    if args.drain:
        expected = sum(1 for i in items if i["rating"] == "A") * len(subscriptions)
        async with httpx.AsyncClient(base_url=receiver) as client:
            at_end, _ = await ingest.receiver_stats(client, "bank")
        up = ingest.Upload(upload_s, len(items), 0, time.monotonic() - upload_s, time.monotonic(), [])
        fan = await ingest.drain(receiver, "bank", expected, up, at_end, sizes.fanout_cap_s)
        print(f"fan-out: {fan.delivered:,}/{fan.expected:,}, {fan.drain_per_s:,.0f}/s after the upload")


def _report(
    rows: list[Any],
    durations: dict[str, list[float]],
    n: int,
    upload_s: float,
    copy_s: float,
    memory: dict[str, tuple[float, float]],
) -> None:
    names = sorted(rows[0][1])
    print("batch  wall_s  credit_push_ms  gateway_ms  " + "  ".join(f"cpu_{n}_s" for n in names))
    push, gate = durations.get("credit_push", []), durations.get("gateway", [])
    for i, (wall, cpu) in enumerate(rows):
        cp = f"{push[i]:.0f}" if i < len(push) else "-"
        gw = f"{gate[i]:.0f}" if i < len(gate) else "-"
        print(f"{i:>5}  {wall:6.3f}  {cp:>14}  {gw:>10}  " + "  ".join(f"{cpu[k]:>10.3f}" for k in names))
    rows_s, copy_rows_s = n / upload_s, n / copy_s
    print(f"upload {upload_s:.2f} s ({rows_s:,.0f} rows/s), COPY {copy_s:.3f} s ({copy_rows_s:,.0f} rows/s)")
    print(f"ingest_ratio_vs_copy {rows_s / copy_rows_s:.4f}; load average {os.getloadavg()}")
    print(f"memory (VmRSS, VmHWM MiB): {memory}")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest_line", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the --quick sizes (2,000 ratings)")
    parser.add_argument("--paused", action="store_true", help="pause the subscriptions: no fan-out")
    parser.add_argument("--drain", action="store_true", help="then wait for the fan-out")
    parser.add_argument("--spy", type=Path, help="py-spy each process during the upload, into DIR")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    with tempfile.TemporaryDirectory(prefix="ingest-line-") as tmp:
        workdir = Path(tmp)
        with running(workdir) as platform, helpers(workdir, platform.env) as side:
            asyncio.run(measure(platform, side.receiver, sizes, args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
