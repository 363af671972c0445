"""The four processes as ``finmatch serve NAME`` children, each of which a test may kill -9 and start again.

``finmatch up`` stops the whole platform when one child dies (deploy/supervisor.py), which is what
an operator wants and not what a fault test needs: here each process is its own child, so one
can die while the others go on.
"""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

from kit.settings import PROCESS_NAMES
from tests.support.platform import FINMATCH, wait_healthy
from tests.support.stack import ADMIN_KEY, process_env, serve_env

ROOT = Path(__file__).resolve().parents[2]

# What every fault platform runs with: the test key, no rate limit to speak of, private
# receivers allowed (they are on loopback), quick background loops, small pools (the test
# server is shared), warnings only.
SETTINGS = {
    "admin_key": ADMIN_KEY,
    "rate_limit_per_s": "10000",
    "failed_auth_limit": "1000000",
    "webhook_allow_private": "1",
    "poll_interval_s": "0.2",
    "db_pool_size": "4",
    "log_level": "WARNING",
}


class Processes:
    """Gateway and services as separate ``finmatch serve`` processes on one database."""

    def __init__(self, database_url: str, log_dir: Path, **settings: str) -> None:
        self.env, self.ports = process_env(database_url, **{**SETTINGS, **settings})
        self.log_dir = log_dir
        self.children: dict[str, subprocess.Popen[bytes]] = {}

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def metrics_url(self, name: str) -> str:
        offset = int(self.env.get("FINMATCH_METRICS_OFFSET", "100"))
        return f"http://127.0.0.1:{self.ports[name] + offset}/metrics"

    def start(self, name: str) -> None:
        with (self.log_dir / f"{name}.log").open("ab") as log:
            self.children[name] = subprocess.Popen(  # noqa: S603 (our interpreter and module)
                [*FINMATCH, "serve", name],
                env={**self.env, **serve_env(name)},
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        assert wait_healthy(self.url(name)), f"{name} did not start:\n{self.log(name)}"

    def start_all(self) -> None:
        for name in PROCESS_NAMES:
            self.start(name)

    def kill(self, name: str) -> None:
        """SIGKILL: no graceful shutdown, requests in flight are cut off."""
        child = self.children.pop(name)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)

    def pid(self, name: str) -> int:
        return self.children[name].pid

    def log(self, name: str) -> str:
        return (self.log_dir / f"{name}.log").read_text(errors="replace")[-4000:]

    def stop_all(self) -> None:
        for name in list(self.children):
            child = self.children.pop(name)
            child.terminate()
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def rss_kib(pid: int) -> int:
    """Resident memory of a process (VmRSS in /proc), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmRSS for {pid}")


def children_of(pid: int) -> list[int]:
    """Direct children of ``pid`` (``finmatch up``'s processes), from /proc."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []
