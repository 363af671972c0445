"""The platform under test: a fresh database and ``finmatch up`` itself as a child process.

``finmatch up`` migrates and supervises the four ``finmatch serve NAME`` processes exactly as
in production; the bench only picks the ports and settings through the environment
(tests/support/stack.py's ``process_env``). Stopping is SIGTERM to ``finmatch up`` (its
supervisor stops the four), then SIGKILL to any of the four still alive.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.procs import children_of, cmdline, kill_pid_group, memory_mb, spawn, stop, wait_http
from kit.settings import PROCESS_NAMES
from tests.support.postgres import PgTestServer
from tests.support.stack import ADMIN_KEY, process_env

# Settings that differ from a bare `finmatch up`, and why.
BENCH_SETTINGS = {
    # The default 50/s per key would measure the rate limiter, not the platform.
    "rate_limit_per_s": "1000000",
    # The webhook receivers listen on loopback.
    "webhook_allow_private": "1",
}


@dataclass
class Platform:
    env: dict[str, str]
    ports: dict[str, int]
    database_url: str
    up: subprocess.Popen[bytes]

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def processes(self) -> dict[str, int]:
        """Process name -> pid of each ``finmatch serve NAME`` that ``finmatch up`` runs."""
        return _serve_children(self.up.pid)

    def memory(self) -> dict[str, tuple[float, float]]:
        """Process name -> (VmRSS, VmHWM) in MiB."""
        return {name: memory_mb(pid) for name, pid in self.processes().items()}


def _serve_children(up_pid: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for pid in children_of(up_pid):
        argv = cmdline(pid)
        if "serve" in argv[:-1]:
            found[argv[argv.index("serve") + 1]] = pid
    return found


@contextmanager
def running(workdir: Path, *, log_level: str = "INFO") -> Iterator[Platform]:
    """A fresh database and the four real processes; every process is stopped on the way out."""
    server = PgTestServer()
    server.start()
    try:
        database_url = asyncio.run(server.create_database())
        env, ports = process_env(database_url, admin_key=ADMIN_KEY, log_level=log_level, **BENCH_SETTINGS)
        log = workdir / "platform.log"
        up = spawn([sys.executable, "-m", "deploy.cli", "up"], env, log)
        serving: dict[str, int] = {}
        try:
            for name in PROCESS_NAMES:
                wait_http(f"http://127.0.0.1:{ports[name]}/readyz", up, f"finmatch up (see {log})", 120)
            platform = Platform(env, ports, database_url, up)
            serving = platform.processes()
            yield platform
        finally:
            serving |= _serve_children(up.pid)
            stop(up)
            for pid in serving.values():
                kill_pid_group(pid)
    finally:
        server.stop()
