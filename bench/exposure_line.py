"""Only the bench's exposure lines, on the real platform: ``python -m bench.exposure_line [--quick]``.

The same setup and measurement as ``make bench`` for `exposure_per_s_one_guarantor` and
`exposure_per_s_eight_guarantors` (bench/run.py: ``finmatch up``, the ``/ping`` baseline, the
guarantee chain made through the API, wrk at 32 connections on one local guarantor, then
round-robin over eight), without the other lines: about a minute, for working on guarantee. Also
prints, for each line, the CPU per registration of each platform process and of PostgreSQL's
backends (from ``/proc``, which the shared machine's load distorts far less than the rates).
Prints the figures; writes nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bench import data, lines, probe
from bench.config import FULL, QUICK, Sizes
from bench.platform import Platform
from bench.wrk import WrkResult
from tests.support.api import Api


async def registered(platform: Platform) -> int:
    """Exposures registered so far."""
    return int(await probe.fetch_value(platform, "SELECT count(*) FROM guarantee.exposure"))


async def measure(platform: Platform, ping_url: str, sizes: Sizes, spy_dir: Path | None) -> dict[str, Any]:
    rec = lines.Recorder(sizes)
    api = Api(platform.url("gateway"))
    try:
        bank = await api.org("bank")
        guarantors = await data.guarantee_chain(api, bank, sizes.local_guarantors)
        ping = await lines.ping(rec, ping_url)
        spies = (
            probe.spy(platform, spy_dir, 2 * (sizes.wrk_seconds + sizes.warmup_seconds)) if spy_dir else []
        )
        one, one_cpu = await _measured(platform, rec, "exposures_one_guarantor", guarantors[:1])
        eight, eight_cpu = await _measured(platform, rec, "exposures_eight_guarantors", guarantors)
        for process in spies:
            process.wait()
    finally:
        await api.aclose()
    return {
        "ping_req_s": round(ping.ok_per_s, 1),
        "exposure_per_s_one_guarantor": round(one.ok_per_s, 1),
        "exposure_per_s_eight_guarantors": round(eight.ok_per_s, 1),
        # Each line's warm-up and run: the CPU each process spent per registration.
        "cpu_ms_per_registration_one": one_cpu,
        "cpu_ms_per_registration_eight": eight_cpu,
    }


async def _measured(
    platform: Platform, rec: lines.Recorder, name: str, guarantors: list[data.Guarantor]
) -> tuple[WrkResult, dict[str, float]]:
    """One exposure line, with the CPU (ms) each process and PostgreSQL spent per registration."""
    before, counted = await probe.cpu_snapshot(platform), await registered(platform)
    result = await lines.exposures(rec, name, platform.url("gateway"), guarantors)
    used, done = await probe.cpu_used(platform, before), await registered(platform) - counted
    return result, {key: round(1000 * cpu / max(done, 1), 2) for key, cpu in sorted(used.items())}


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
