"""What the one-line diagnostics (match_line, exposure_line, read_line, ingest_line) share: the
platform with the ``/ping`` baseline beside it, CPU seconds per process from ``/proc`` (with this
run's PostgreSQL backends: ``cpu_snapshot`` and ``cpu_used``), row counts and py-spy on every
platform process."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import asyncpg

from bench.platform import Platform, running
from bench.procs import spawn, stop, wait_http
from bench.run import _port

T = TypeVar("T")


def cpu_of(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` has used so far; 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_s(platform: Platform) -> dict[str, float]:
    """CPU seconds each platform process has used so far."""
    return {name: cpu_of(pid) for name, pid in platform.processes().items()}


@dataclass(frozen=True)
class CpuSnapshot:
    """CPU seconds so far of each platform process, ``finmatch up`` itself (it relays every log
    line), and each of this database's PostgreSQL backends (by pid)."""

    processes: dict[str, float]
    backends: dict[int, float]


async def cpu_snapshot(platform: Platform) -> CpuSnapshot:
    processes = cpu_s(platform) | {"up": cpu_of(platform.up.pid)}
    return CpuSnapshot(processes, {pid: cpu_of(pid) for pid in await backends(platform)})


async def cpu_used(platform: Platform, since: CpuSnapshot) -> dict[str, float]:
    """CPU seconds each platform process, ``up`` and this database's backends together
    (``postgres``) used since ``since``. A backend the load opened meanwhile counts whole; one
    closed meanwhile is no longer counted (the pools keep theirs open)."""
    now = await cpu_snapshot(platform)
    used = {name: cpu - since.processes.get(name, 0.0) for name, cpu in now.processes.items()}
    used["postgres"] = sum(cpu - since.backends.get(pid, 0.0) for pid, cpu in now.backends.items())
    return used


async def fetch_value(platform: Platform, query: str) -> Any:
    """One value read from this run's database."""
    conn = await asyncpg.connect(platform.database_url.replace("+asyncpg", ""))
    try:
        return await conn.fetchval(query)
    finally:
        await conn.close()


async def backends(platform: Platform) -> list[int]:
    """The PostgreSQL backends serving this run's database (the pools keep them open)."""
    pids = await fetch_value(
        platform,
        "SELECT coalesce(array_agg(pid), '{}') FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    return [int(pid) for pid in pids]


def spy(platform: Platform, where: Path, seconds: float | None = None) -> list[subprocess.Popen[bytes]]:
    """py-spy (if installed) on each platform process, raw stacks into ``where/<name>.txt``: for
    ``seconds``, or until stopped (SIGINT writes the file)."""
    tool = Path(sys.executable).with_name("py-spy")
    where.mkdir(parents=True, exist_ok=True)
    duration = ["-d", str(int(seconds))] if seconds is not None else []
    return [
        subprocess.Popen(  # noqa: S603 (our own argv)
            [
                str(tool),
                "record",
                "-r",
                "100",
                "-f",
                "raw",
                *duration,
                "-p",
                str(pid),
                "-o",
                str(where / f"{name}.txt"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for name, pid in platform.processes().items()
    ]


def with_ping(prefix: str, measure: Callable[[Platform, str], Coroutine[Any, Any, T]]) -> T:
    """``measure(platform, ping_url)`` on a fresh platform (``finmatch up``) with the bare
    ``/ping`` baseline app started beside it; both are stopped afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
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
                return asyncio.run(measure(platform, f"http://127.0.0.1:{port}"))
            finally:
                stop(ping)


def show(result: dict[str, Any]) -> None:
    width = max(len(key) for key in result)
    for key, value in result.items():
        print(f"{key:>{width}}: {value}")
