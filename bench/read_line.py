"""Only the bench's rating-read lines, on the real platform: ``python -m bench.read_line``.

The same setup and measurement as ``make bench`` for `read_chain_ratio`, `gateway_ratio`,
`gateway_added_p50_ms` and `me_ratio` (bench/run.py: ``finmatch up``, the ``/ping`` baseline, an
A-rated enterprise read by a bank through the gateway and straight to credit_push, then
``/v1/me``), without the other lines: about a minute instead of ten. Around each measured wrk run
it also reads each platform process's CPU time from ``/proc`` and divides by the requests wrk
sent, minus what the process uses idle (its background workers), which the shared machine's load
distorts far less than req/s. Prints the figures; writes nothing.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bench import data, lines, probe, wrk
from bench.credential import direct_headers
from bench.platform import Platform
from tests.support.api import Actor, Api

IDLE_S = 3.0
WARMUP_S = 2.0


class Meter:
    """wrk runs with each platform process's CPU per request (its idle use taken out)."""

    def __init__(self, platform: Platform, seconds: float, spy_dir: Path | None = None) -> None:
        self.platform = platform
        self.seconds = seconds
        self.spy_dir = spy_dir
        self.idle_per_s: dict[str, float] = {}

    async def measure_idle(self) -> None:
        before = await probe.cpu_snapshot(self.platform)
        await asyncio.sleep(IDLE_S)
        used = await probe.cpu_used(self.platform, before)
        self.idle_per_s = {name: cpu / IDLE_S for name, cpu in used.items()}

    async def run(
        self,
        url: str,
        connections: int,
        headers: Callable[[], Mapping[str, str]],
        *,
        spied: bool = False,
    ) -> tuple[wrk.WrkResult, dict[str, float]]:
        await wrk.run(url, connections=connections, seconds=WARMUP_S, headers=headers())
        spies = probe.spy(self.platform, self.spy_dir, self.seconds) if spied and self.spy_dir else []
        before = await probe.cpu_snapshot(self.platform)
        result = await wrk.run(url, connections=connections, seconds=self.seconds, headers=headers())
        used = await probe.cpu_used(self.platform, before)
        for process in spies:
            process.wait()
        count = max(result.requests, 1)
        busy = {name: cpu - self.idle_per_s.get(name, 0.0) * result.seconds for name, cpu in used.items()}
        return result, {name: round(1e6 * cpu / count) for name, cpu in busy.items() if name in _SHOWN}


# The processes a rating read or /v1/me passes through.
_SHOWN = ("gateway", "credit_push", "up", "postgres")


async def setup(api: Api) -> tuple[Actor, str]:
    """A bank and an A-rated enterprise (the public A list: every bank may read it)."""
    tax = await api.org("tax_authority")
    bank = await api.org("bank")
    items = data.rating_items(1, 100)
    data.check(await api.call(tax, "POST", "/v1/credit/ratings", json={"items": items}), 200)
    return bank, str(items[0]["uscc"])


async def measure(platform: Platform, ping_url: str, seconds: float, spy_dir: Path | None) -> dict[str, Any]:
    gateway, service = platform.url("gateway"), platform.url("credit_push")
    api = Api(gateway)
    try:
        bank, uscc = await setup(api)
    finally:
        await api.aclose()
    path = f"/v1/credit/ratings/{uscc}"

    def direct() -> dict[str, str]:
        return direct_headers(
            platform.env, lines.as_principal(bank), service="credit_push", method="GET", target=path
        )

    await lines.once("GET", gateway + path, 200, headers=bank.headers)
    await lines.once("GET", service + path, 200, headers=direct())
    meter = Meter(platform, seconds, spy_dir)
    await meter.measure_idle()
    runs = {
        "ping": await meter.run(ping_url + "/ping", 64, dict),
        "rating_via_gateway": await meter.run(gateway + path, 64, lines.bearer(bank), spied=True),
        "rating_direct": await meter.run(service + path, 64, direct),
        "rating_via_gateway_c1": await meter.run(gateway + path, 1, lines.bearer(bank)),
        "rating_direct_c1": await meter.run(service + path, 1, direct),
        "me": await meter.run(gateway + "/v1/me", 64, lines.bearer(bank)),
    }
    for name, (result, cpu) in runs.items():
        print(
            f"  {name:<22} {result.ok_per_s:>9,.1f} req/s  p50 {result.p50_ms:6.2f} ms  "
            f"p99 {result.p99_ms:7.2f} ms  CPU us/request {cpu}"
            + (f"  ERRORS {result.error_share:.1%}" if result.error_share else ""),
            flush=True,
        )
    ping = runs["ping"][0].ok_per_s
    return {
        "ping_req_s": round(ping, 1),
        "read_chain_ratio": round(runs["rating_via_gateway"][0].ok_per_s / ping, 4),
        "gateway_ratio": round(runs["rating_via_gateway"][0].ok_per_s / runs["rating_direct"][0].ok_per_s, 3),
        "gateway_added_p50_ms": round(
            runs["rating_via_gateway_c1"][0].p50_ms - runs["rating_direct_c1"][0].p50_ms, 3
        ),
        "me_ratio": round(runs["me"][0].ok_per_s / ping, 4),
        "idle_cpu_ms_per_s": {name: round(1000 * v, 1) for name, v in meter.idle_per_s.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.read_line", description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0, help="each measured wrk run")
    parser.add_argument(
        "--spy", type=Path, help="py-spy each process during the 64-connection read, into DIR"
    )
    args = parser.parse_args()
    probe.show(
        probe.with_ping("read-line-", lambda platform, ping: measure(platform, ping, args.seconds, args.spy))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
