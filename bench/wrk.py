"""Load by wrk on loopback; every run ends with one JSON line from a Lua ``done`` (bench/lua/)."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

LUA = Path(__file__).resolve().parent / "lua"
MARKER = "WRK_JSON "


@dataclass(frozen=True)
class WrkResult:
    requests: int
    seconds: float
    socket_errors: int
    non_2xx: int
    p50_ms: float
    p90_ms: float
    p99_ms: float
    mean_ms: float

    @property
    def req_s(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def ok_per_s(self) -> float:
        """Answers with a 2xx or 3xx status per second."""
        return (self.requests - self.non_2xx) / self.seconds if self.seconds else 0.0

    @property
    def error_share(self) -> float:
        return (self.socket_errors + self.non_2xx) / max(self.requests, 1)

    def summary(self) -> dict[str, float | int]:
        return {
            "req_s": round(self.req_s, 1),
            "ok_per_s": round(self.ok_per_s, 1),
            "requests": self.requests,
            "errors": self.socket_errors + self.non_2xx,
            "p50_ms": round(self.p50_ms, 3),
            "p90_ms": round(self.p90_ms, 3),
            "p99_ms": round(self.p99_ms, 3),
            "mean_ms": round(self.mean_ms, 3),
        }


def require_wrk() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise RuntimeError("wrk is not installed: `apt-get install -y wrk` (make bench does it)")
    return found


def parse(output: str) -> WrkResult:
    line = next((ln for ln in output.splitlines() if ln.startswith(MARKER)), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{output[-2000:]}")
    raw = json.loads(line[len(MARKER) :])
    return WrkResult(
        requests=int(raw["requests"]),
        seconds=raw["duration_us"] / 1e6,
        socket_errors=int(raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]),
        non_2xx=int(raw["status"]),
        p50_ms=raw["p50_us"] / 1000,
        p90_ms=raw["p90_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        mean_ms=raw["mean_us"] / 1000,
    )


async def run(
    url: str,
    *,
    connections: int,
    seconds: float,
    headers: Mapping[str, str] | None = None,
    method: str = "GET",
    body: bytes | None = None,
    script: str = "report.lua",
    script_env: Mapping[str, str] | None = None,
    threads: int = 2,
) -> WrkResult:
    """``wrk -t -c -d --latency -s script`` against ``url``; the parsed summary."""
    threads = max(1, min(threads, connections))
    argv = [
        require_wrk(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(seconds, 1):.0f}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(LUA / script),
    ]
    for name, value in (headers or {}).items():
        argv += ["-H", f"{name}: {value}"]
    argv.append(url)
    env = {**os.environ, "WRK_METHOD": method, **(script_env or {})}
    with tempfile.NamedTemporaryFile(prefix="wrk-body-", suffix=".json") as body_file:
        if body is not None:
            body_file.write(body)
            body_file.flush()
            env["WRK_BODY_FILE"] = body_file.name
        process = await asyncio.create_subprocess_exec(
            *argv, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
        )
        try:
            out, _ = await asyncio.wait_for(process.communicate(), timeout=seconds + 60)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    text = out.decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"wrk exited with {process.returncode}:\n{text[-2000:]}")
    return parse(text)
