"""``finmatch`` run as real processes, as an operator runs it (for the e2e and journey tests)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

FINMATCH = (sys.executable, "-m", "deploy.cli")
UP_TIMEOUT_S = 90.0


def finmatch(
    *args: str, env: dict[str, str], cwd: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run one ``finmatch`` command to its end; its output is captured."""
    return subprocess.run(  # noqa: S603 (our own interpreter and module)
        [*FINMATCH, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


class Up:
    """``finmatch up`` (with ``flags``) as a child process, its output read line by line."""

    def __init__(self, env: dict[str, str], cwd: Path, *flags: str) -> None:
        self.env = env
        self.cwd = cwd
        self.process = subprocess.Popen(  # noqa: S603
            [*FINMATCH, "up", *flags],
            env=env,
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.output: list[str] = []
        stdout = self.process.stdout
        assert stdout is not None
        self.reader = threading.Thread(
            target=lambda: self.output.extend(iter(stdout.readline, "")), daemon=True
        )
        self.reader.start()

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait(self, timeout_s: float = 60.0) -> int:
        """Its exit code, once it has exited and all it said up to then is in ``output``."""
        code = self.process.wait(timeout=timeout_s)
        self.reader.join(timeout=5)
        return code

    def wait_until_up(self, timeout_s: float = UP_TIMEOUT_S) -> None:
        """Until it says it is up; a test fails with its output when it dies or takes too long."""
        deadline = time.monotonic() + timeout_s
        while not any("finmatch is up" in line for line in self.output):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.terminate()
                self.process.wait(timeout=30)
                pytest.fail("finmatch up did not come up:\n" + "".join(self.output))
            time.sleep(0.2)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it has not stopped within 30 s."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def wait_healthy(url: str, timeout_s: float = 60.0) -> bool:
    """Whether ``url``/healthz answers 200 within ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return True
        except httpx.HTTPError:
            time.sleep(0.2)
    return False
