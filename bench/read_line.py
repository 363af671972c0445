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
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import asyncpg

from bench import data, lines, wrk
from bench.credential import direct_headers
from bench.match_line import spy
from bench.platform import Platform, running
from bench.procs import spawn, stop, wait_http
from bench.run import _port
from tests.support.api import Actor, Api

IDLE_S = 3.0
WARMUP_S = 2.0


def _cpu_of(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` has used so far; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def backends(platform: Platform) -> list[int]:
    """The PostgreSQL backends serving this run's database (the pools keep them open)."""
    url = platform.database_url.replace("+asyncpg", "")
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    finally:
        await conn.close()
    return [int(row["pid"]) for row in rows]


def cpu_s(platform: Platform, database: list[int]) -> dict[str, float]:
    """CPU seconds so far of each platform process, ``finmatch up`` itself (it relays every log
    line) and this database's PostgreSQL backends together."""
    out = {name: _cpu_of(pid) for name, pid in platform.processes().items()}
    out["up"] = _cpu_of(platform.up.pid)
    out["postgres"] = sum(_cpu_of(pid) for pid in database)
    return out


class Meter:
    """wrk runs with each platform process's CPU per request (its idle use taken out)."""

    def __init__(self, platform: Platform, seconds: float, spy_dir: Path | None = None) -> None:
        self.platform = platform
        self.seconds = seconds
        self.spy_dir = spy_dir
        self.idle_per_s: dict[str, float] = {}
        self.database: list[int] = []

    async def measure_idle(self) -> None:
        self.database = await backends(self.platform)
        before = cpu_s(self.platform, self.database)
        await asyncio.sleep(IDLE_S)
        after = cpu_s(self.platform, self.database)
        self.idle_per_s = {name: (after[name] - before[name]) / IDLE_S for name in after}

    async def run(
        self,
        url: str,
        connections: int,
        headers: Callable[[], Mapping[str, str]],
        *,
        spied: bool = False,
    ) -> tuple[wrk.WrkResult, dict[str, float]]:
        await wrk.run(url, connections=connections, seconds=WARMUP_S, headers=headers())
        self.database = await backends(self.platform)  # the pools have opened what the load needs
        spies = spy(self.platform, self.seconds, self.spy_dir) if spied and self.spy_dir else []
        before = cpu_s(self.platform, self.database)
        result = await wrk.run(url, connections=connections, seconds=self.seconds, headers=headers())
        after = cpu_s(self.platform, self.database)
        for process in spies:
            process.wait()
        count = max(result.requests, 1)
        used = {
            name: after[name] - before[name] - self.idle_per_s.get(name, 0.0) * result.seconds
            for name in after
        }
        return result, {name: round(1e6 * cpu / count) for name, cpu in used.items() if name in _SHOWN}


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
    with tempfile.TemporaryDirectory(prefix="read-line-") as tmp:
        workdir = Path(tmp)
        with running(workdir) as platform:
            port = _port()
            ping = spawn(
                [sys.executable, "-m", "bench.ping_app", "--port", str(port)],
                platform.env,
                workdir / "ping.log",
            )
            try:
                wait_http(f"http://127.0.0.1:{port}/ping", ping, "bench.ping_app")
                result = asyncio.run(measure(platform, f"http://127.0.0.1:{port}", args.seconds, args.spy))
            finally:
                stop(ping)
    for key, value in result.items():
        print(f"{key:>22}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
