"""``finmatch up``: four uvicorn processes in the foreground, none restarted silently.

If any child dies, the supervisor says which and stops the others; Ctrl-C or SIGTERM
stops all of them (SIGTERM, then SIGKILL after a grace period).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from types import FrameType

import httpx

from kit.credentials import generate_signing_key, public_key_text
from kit.settings import PROCESS_NAMES, Settings

GRACE_S = 10.0


def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM if the supervisor itself is killed (even with -9)."""
    if sys.platform != "linux":
        return
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def process_keys(env: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """Each child's FINMATCH_SIGNING_KEY (its own) and FINMATCH_TRUSTED_KEYS (everyone's public key).

    A process's key is ``FINMATCH_<NAME>_SIGNING_KEY`` when given, else a new one for this run
    (tokens live 30 s, so nothing needs to outlive the run). Entries already in
    FINMATCH_TRUSTED_KEYS are kept (a key being rotated in or out).
    """
    keys = {
        name: env.get(f"FINMATCH_{name.upper()}_SIGNING_KEY") or generate_signing_key()
        for name in PROCESS_NAMES
    }
    trusted = " ".join(
        [
            env.get("FINMATCH_TRUSTED_KEYS", ""),
            *(f"{name}:{public_key_text(key)}" for name, key in keys.items()),
        ]
    ).strip()
    return {
        name: {"FINMATCH_SIGNING_KEY": key, "FINMATCH_TRUSTED_KEYS": trusted} for name, key in keys.items()
    }


class Supervisor:
    def __init__(self, settings: Settings, env: Mapping[str, str]) -> None:
        self.settings = settings
        self.env = dict(env)
        self.keys = process_keys(env)
        self.children: dict[str, subprocess.Popen[bytes]] = {}
        self.stop_requested = False

    def start(self) -> None:
        for name in PROCESS_NAMES:
            self.children[name] = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
                [sys.executable, "-m", "deploy.cli", "serve", name],
                env={**self.env, **self.keys[name]},
                start_new_session=True,  # signals reach children only through us
                preexec_fn=_die_with_parent,
            )

    def install_signal_handlers(self) -> None:
        def request_stop(signum: int, _: FrameType | None) -> None:
            self.stop_requested = True

        signal.signal(signal.SIGINT, request_stop)
        signal.signal(signal.SIGTERM, request_stop)

    def wait_healthy(self, timeout_s: float = 60.0) -> bool:
        deadline = time.monotonic() + timeout_s
        pending = set(PROCESS_NAMES)
        while pending and time.monotonic() < deadline and not self.stop_requested:
            if self.report_dead_child():
                return False
            for name in sorted(pending):
                try:
                    if httpx.get(f"{self.settings.url_of(name)}/healthz", timeout=1.0).status_code == 200:
                        pending.discard(name)
                except httpx.HTTPError:
                    pass
            time.sleep(0.2)
        return not pending

    def dead_child(self) -> tuple[str, int] | None:
        for name, child in self.children.items():
            code = child.poll()
            if code is not None:
                return name, code
        return None

    def run_until_stopped(self) -> int:
        """Block until a signal (exit 0) or a child's death (exit 1)."""
        while not self.stop_requested:
            if self.report_dead_child():
                return 1
            time.sleep(0.3)
        return 0

    def report_dead_child(self) -> bool:
        """Say which child died (while starting too, so the operator knows where to look)."""
        dead = self.dead_child()
        if dead is None:
            return False
        print(f"finmatch: {dead[0]} exited with code {dead[1]}; stopping the platform", file=sys.stderr)
        return True

    def stop(self) -> None:
        for child in self.children.values():
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + GRACE_S
        for child in self.children.values():
            remaining = max(0.1, deadline - time.monotonic())
            try:
                child.wait(timeout=remaining)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
