"""Only the bench's exposure lines, on the real platform: ``python -m bench.exposure_line [--quick]``.

The same setup and measurement as ``make bench`` for `exposure_per_s_one_guarantor` and
`exposure_per_s_eight_guarantors` (bench/run.py: ``finmatch up``, the ``/ping`` baseline, the
guarantee chain made through the API, wrk at 32 connections on one local guarantor, then
round-robin over eight), without the other lines: about a minute, for working on guarantee. Also
prints each platform process's CPU per registration (from ``/proc``, which the shared machine's
load distorts far less than the rates). Prints the figures; writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bench import data, lines, probe
from bench.config import FULL, QUICK, Sizes
from bench.platform import Platform
from tests.support.api import Api


async def registered(platform: Platform) -> int:
    """Exposures registered so far."""
    return int(await probe.fetch_value(platform, "SELECT count(*) FROM guarantee.exposure"))


async def measure(platform: Platform, ping_url: str, sizes: Sizes, spy_dir: Path | None) -> dict[str, Any]:
    rec = lines.Recorder(sizes)
    gateway = platform.url("gateway")
    api = Api(gateway)
    try:
        bank = await api.org("bank")
        guarantors = await data.guarantee_chain(api, bank, sizes.local_guarantors)
        ping = await lines.ping(rec, ping_url)
        spies = (
            probe.spy(platform, spy_dir, 2 * (sizes.wrk_seconds + sizes.warmup_seconds)) if spy_dir else []
        )
        before, counted = probe.cpu_s(platform), await registered(platform)
        one = await lines.exposures(rec, "exposures_one_guarantor", gateway, guarantors[:1])
        eight = await lines.exposures(rec, "exposures_eight_guarantors", gateway, guarantors)
        after, done = probe.cpu_s(platform), await registered(platform) - counted
        for process in spies:
            process.wait()
    finally:
        await api.aclose()
    return {
        "ping_req_s": round(ping.ok_per_s, 1),
        "exposure_per_s_one_guarantor": round(one.ok_per_s, 1),
        "exposure_per_s_eight_guarantors": round(eight.ok_per_s, 1),
        "registrations": done,
        # Warm-ups and both runs: the CPU each process spent per registration.
        "cpu_ms_per_registration": {
            name: round(1000 * (after[name] - before[name]) / done, 2) for name in sorted(after)
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.exposure_line", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="the --quick sizes (2 s runs)")
    parser.add_argument("--spy", type=Path, help="py-spy each process during the exposure lines, into DIR")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    probe.show(
        probe.with_ping("exposure-line-", lambda platform, ping: measure(platform, ping, sizes, args.spy))
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
