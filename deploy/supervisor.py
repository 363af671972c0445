"""``finmatch up``: four uvicorn processes in the foreground, none restarted silently.

If any child dies, the supervisor says which and stops the others; Ctrl-C or SIGTERM
stops all of them (SIGTERM, then SIGKILL after a grace period).

Logs: every child writes JSON lines; the supervisor appends all of them to
``var/log/finmatch.jsonl`` and shows a person only the warnings and errors, one readable line
each (and anything a child prints that is not a log line, such as a crash before logging).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from types import FrameType
from typing import IO

import httpx

from kit.credentials import generate_signing_key, public_key_text
from kit.logs import human_line
from kit.settings import PROCESS_NAMES, Settings

GRACE_S = 10.0
LOG_FILE = Path("var") / "log" / "finmatch.jsonl"
_SHOWN_LEVELS = frozenset({"warning", "error", "critical"})
# How kit.logs.JsonFormatter writes the level of a line nobody needs to see; inside a value
# these quotes would be escaped, so only the line's own level matches.
_ROUTINE_LEVELS = ('"level": "info"', '"level": "debug"')
_READ_SIZE = 1 << 16


def _read_some(stream: IO[bytes]) -> bytes:
    """What the pipe holds now (up to 64 KiB), waiting only when it is empty; b"" at its end."""
    read1 = getattr(stream, "read1", None)
    return bytes(read1(_READ_SIZE)) if read1 is not None else stream.readline()


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
        self.log_router = LogRouter(LOG_FILE)

    def start(self) -> None:
        # JSON from every child, so the router can read the level of each line.
        env = {**self.env, "FINMATCH_LOG_FORMAT": "json"}
        for name in PROCESS_NAMES:
            child = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
                [sys.executable, "-m", "deploy.cli", "serve", name],
                env={**env, **self.keys[name]},
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # signals reach children only through us
                preexec_fn=_die_with_parent,
            )
            self.children[name] = child
            assert child.stdout is not None
            self.log_router.follow(child.stdout)

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
        self.log_router.close()


def _is_error(line: str) -> bool:
    return '"level": "error"' in line or '"level": "critical"' in line


class LogRouter:
    """Every child's lines into the log file; warnings, errors and stray output to the terminal."""

    def __init__(self, path: Path, terminal: IO[str] | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.file = path.open("a", encoding="utf-8")
        self.terminal = terminal or sys.stderr
        self.lock = threading.Lock()
        self.threads: list[threading.Thread] = []
        # While the processes start they warn about each other (not answering yet): held back,
        # and shown only if the start fails. Errors are always shown at once.
        self.starting = True
        self.held: list[str] = []

    def follow(self, stream: IO[bytes]) -> None:
        thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        thread.start()
        self.threads.append(thread)

    def _pump(self, stream: IO[bytes]) -> None:
        """Whatever the child wrote since the last read, a batch of whole lines at a time.

        Under load the children write thousands of access lines a second (batched, kit.logs):
        one read, one write and one flush per batch instead of per line (a newline byte never
        falls inside a UTF-8 character, so a batch splits there safely).
        """
        pending = b""
        while chunk := _read_some(stream):
            complete, _, pending = (pending + chunk).rpartition(b"\n")
            if complete:
                self.route_lines(complete.decode("utf-8", "replace").split("\n"))
        if pending:
            self.route_lines([pending.decode("utf-8", "replace")])

    def route(self, line: str) -> None:
        self.route_lines([line])

    def route_lines(self, lines: list[str]) -> None:
        """Every line into the file, in order; what a person should see to the terminal."""
        kept = [line for line in lines if line]
        if not kept:
            return
        shown = [(line, text) for line in kept if (text := self.shown(line)) is not None]
        with self.lock:
            self.file.write("\n".join(kept) + "\n")
            self.file.flush()
            for line, text in shown:
                if self.starting and not _is_error(line):
                    self.held.append(text)
                else:
                    print(text, file=self.terminal, flush=True)

    def started(self, *, ok: bool) -> None:
        """The start is over: drop what was held back when it went well, else show it."""
        with self.lock:
            self.starting = False
            held, self.held = self.held, []
            for line in [] if ok else held:
                print(line, file=self.terminal, flush=True)

    @staticmethod
    def shown(line: str) -> str | None:
        """What a person sees of ``line``: a readable warning or error, stray text as it is."""
        if line.startswith("{") and any(level in line for level in _ROUTINE_LEVELS):
            return None  # one of our info or debug lines: not parsed just to be left out
        readable = human_line(line)
        if readable is None:
            return line
        level = readable.split(" ", 2)[1].lower() if " " in readable else ""
        return readable if level in _SHOWN_LEVELS else None

    def close(self) -> None:
        for thread in self.threads:
            thread.join(timeout=2)
        with self.lock:
            self.file.close()
