"""Soak: mixed traffic at a steady rate against ``finmatch up`` (four real processes), watched.

Every few seconds each process's resident memory (/proc), its open database connections
(pg_stat_activity, by application_name) and its asyncio tasks (``finmatch_asyncio_tasks`` on its
metrics port) are sampled. Proven, with no fault injected: every answer is a 2xx (the contract
allows nothing else here: no limit is reached, every input is valid); no process's memory grows
past the bound below from the end of the first tenth of the run to its end; connections never
exceed a process's pool (``2 x FINMATCH_DB_POOL_SIZE``), and idle afterwards the tasks and
connections are back where they were idle before; the p90 latency of the last tenth of the
run is within the stated bound of the first's (the p99 is printed, not judged: ten slow answers
of a thousand, a PostgreSQL checkpoint or the shared machine, move it either way). The figures
are printed (docs/reliability.md keeps those of the last ten-minute run). ``make test`` runs a
10-second smoke version that checks the answers and the bounds that need no long run;
``make test-faults`` the ten minutes.
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from kit.migrations import upgrade
from tests.faults.cluster import connections_of
from tests.faults.conftest import SCALE
from tests.faults.processes import SETTINGS, children_of, rss_kib
from tests.faults.traffic import Traffic, build_world
from tests.support.api import Api
from tests.support.platform import Up
from tests.support.postgres import PgTestServer
from tests.support.receiver import Receiver
from tests.support.stack import process_env

POOL_SIZE = int(SETTINGS["db_pool_size"])
# Resident memory may grow by at most this much from the end of the warm-up to the end of the run.
RSS_BOUND_KIB = 64 * 1024
RSS_BOUND_RATIO = 1.25
# The p90 of the last tenth of the run is at most this many times the first tenth's, plus slack:
# a slide (a leak, a growing table scanned per request) moves the bulk of the answers.
P90_BOUND_RATIO = 3.0
P90_SLACK_S = 0.2
RATE_PER_S = 15.0


@dataclass
class Sample:
    at: float
    rss_kib: dict[str, int]
    connections: dict[str, int]
    tasks: dict[str, int]


@dataclass
class Soak:
    up: Up
    urls: dict[str, str]
    metrics: dict[str, str]
    database_url: str
    samples: list[Sample] = field(default_factory=list)

    def pids(self) -> dict[str, int]:
        named = {}
        for pid in children_of(self.up.pid):
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            named[cmdline[-2].decode()] = pid  # ... serve NAME
        return named

    async def sample(self) -> Sample:
        tasks = {}
        async with httpx.AsyncClient(timeout=5) as client:
            for name, url in self.metrics.items():
                text = (await client.get(url)).text
                found = re.search(r"^finmatch_asyncio_tasks (\S+)$", text, re.MULTILINE)
                tasks[name] = int(float(found.group(1))) if found else -1
        connections = {
            name.removeprefix("finmatch-").replace("-", "_"): n
            for name, n in (await connections_of(self.database_url)).items()
            if name.startswith("finmatch-")  # not this sampler's own
        }
        rss = {name: rss_kib(pid) for name, pid in self.pids().items()}
        taken = Sample(time.monotonic(), rss, connections, tasks)
        self.samples.append(taken)
        return taken


@pytest.fixture
def soak(pg_server: PgTestServer, tmp_path: Path) -> Iterator[Soak]:
    async def fresh() -> str:
        url = await pg_server.create_database()
        await upgrade(url)
        return url

    database_url = asyncio.run(fresh())
    env, ports = process_env(database_url, **SETTINGS)
    up = Up(env, tmp_path)
    try:
        up.wait_until_up()
        urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
        metrics = {name: f"http://127.0.0.1:{port + 100}/metrics" for name, port in ports.items()}
        yield Soak(up, urls, metrics, database_url)
    finally:
        up.stop()


async def _run(soak: Soak, seconds: float) -> dict[str, object]:
    api = Api(soak.urls["gateway"])
    receiver = Receiver()
    try:
        world = await build_world(api, receiver.url)
        await asyncio.sleep(1.0)
        idle_before = await soak.sample()
        traffic = Traffic(api.url, world, rate_per_s=RATE_PER_S, concurrency=32)
        sampling = asyncio.create_task(_sample_every(soak, max(seconds / 20, 1.0)))
        started = time.monotonic()
        await traffic.run(seconds)
        sampling.cancel()
        await asyncio.sleep(2.0)  # what was in flight settles
        idle_after = await soak.sample()
        figures = _figures(soak, traffic, started, seconds, idle_before, idle_after)
        shown = {k: v for k, v in figures.items() if not k.startswith("_")}
        print("\nsoak figures: " + json.dumps(shown, sort_keys=True))
        assert traffic.refusals(frozenset()) == []
        for name, n in idle_after.tasks.items():
            assert n <= idle_before.tasks[name] + 5, (name, idle_before.tasks, idle_after.tasks)
        for sample in soak.samples:
            assert all(n <= 2 * POOL_SIZE for n in sample.connections.values()), sample.connections
        return figures
    finally:
        receiver.stop()
        await api.aclose()


async def _sample_every(soak: Soak, seconds: float) -> None:
    while True:
        await asyncio.sleep(seconds)
        await soak.sample()


def _quantile(values: list[float], percent: int) -> float:
    return statistics.quantiles(values, n=100)[percent - 1] if len(values) >= 2 else (values or [0.0])[0]


def _figures(
    soak: Soak, traffic: Traffic, started: float, seconds: float, before: Sample, after: Sample
) -> dict[str, object]:
    tenth = seconds / 10
    first = [a.seconds for a in traffic.answers if a.at < started + tenth]
    last = [a.seconds for a in traffic.answers if a.at >= started + seconds - tenth]
    during = [s for s in soak.samples if started <= s.at <= started + seconds + 1]
    warm = next((s for s in during if s.at >= started + tenth), during[0] if during else before)
    return {
        "seconds": round(seconds),
        "requests": len(traffic.answers),
        "non_2xx": len(traffic.refusals(frozenset())),
        "p90_first_s": round(_quantile(first, 90), 3),
        "p90_last_s": round(_quantile(last, 90), 3),
        "p99_first_s": round(_quantile(first, 99), 3),
        "p99_last_s": round(_quantile(last, 99), 3),
        "rss_warm_mib": {k: round(v / 1024) for k, v in warm.rss_kib.items()},
        "rss_end_mib": {k: round(v / 1024) for k, v in after.rss_kib.items()},
        "connections_max": {
            k: max((s.connections.get(k, 0) for s in soak.samples), default=0) for k in after.connections
        },
        "tasks_idle_before": before.tasks,
        "tasks_idle_after": after.tasks,
        "_warm": warm.rss_kib,
    }


@pytest.mark.e2e
async def test_a_short_soak_answers_only_successes(soak: Soak) -> None:
    await _run(soak, 10.0)


@pytest.mark.faults
async def test_ten_minutes_of_traffic_stay_flat(soak: Soak) -> None:
    figures = await _run(soak, 60.0 * SCALE)
    warm, end = figures["_warm"], soak.samples[-1].rss_kib
    assert isinstance(warm, dict)
    for name, kib in end.items():
        bound = max(warm[name] * RSS_BOUND_RATIO, warm[name] + RSS_BOUND_KIB)
        assert kib <= bound, (name, warm[name], kib)
    first, last = figures["p90_first_s"], figures["p90_last_s"]
    assert isinstance(first, float) and isinstance(last, float)
    assert last <= first * P90_BOUND_RATIO + P90_SLACK_S, (first, last)
