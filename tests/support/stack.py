"""The real apps served by uvicorn on loopback ports, in a background thread of the test process.

Tests talk to them over real HTTP, exactly as clients and the other processes do.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import socket
import threading
from collections.abc import Callable
from typing import Any

import uvicorn
from fastapi import FastAPI

from kit.credentials import generate_signing_key, public_key_text
from kit.http import SERVER_KEEP_ALIVE_S
from kit.settings import PROCESS_NAMES, Settings

ADMIN_KEY = "test-admin-key"
# One key pair per process for the whole test session (stacks, spawned instances, real processes),
# so tests can mint as any of them (tests.support.principals) and the log scan knows them.
SIGNING_KEYS = {name: generate_signing_key() for name in PROCESS_NAMES}
TRUSTED_KEYS = " ".join(f"{name}:{public_key_text(key)}" for name, key in SIGNING_KEYS.items())


def app_of(name: str, values: dict[str, Any]) -> FastAPI:
    from deploy.cli import app_for

    return app_for(name, **values)


def free_socket() -> socket.socket:
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only when the
    # listening socket says TCP, and without it every answer waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class ServerThread:
    """One event loop in one thread serving any number of apps."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.servers: dict[str, tuple[uvicorn.Server, concurrent.futures.Future[None]]] = {}

    def serve(self, key: str, app: FastAPI, sock: socket.socket) -> None:
        config = uvicorn.Config(
            app,
            log_config=None,
            lifespan="on",
            timeout_graceful_shutdown=2,
            timeout_keep_alive=SERVER_KEEP_ALIVE_S,
        )
        server = uvicorn.Server(config)
        future = asyncio.run_coroutine_threadsafe(server.serve(sockets=[sock]), self.loop)
        while not server.started:
            if future.done():
                future.result()  # raises the startup error
            threading.Event().wait(0.02)
        self.servers[key] = (server, future)

    def stop(self, key: str) -> None:
        server, future = self.servers.pop(key)
        server.should_exit = True
        future.result(timeout=15)

    def close(self) -> None:
        for key in list(self.servers):
            self.stop(key)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=5)


def settings_for(database_url: str, ports: dict[str, int], **overrides: Any) -> dict[str, Any]:
    """The settings every process of a stack is given (each reads those of its class)."""
    values: dict[str, Any] = {
        "database_url": database_url,
        "admin_key": ADMIN_KEY,
        "trusted_keys": TRUSTED_KEYS,
        "rate_limit_per_s": 10_000.0,
        # Contract and fuzz tests send thousands of keyless requests from 127.0.0.1 (the limit's
        # own test spawns a gateway with the contract's 100).
        "failed_auth_limit": 1_000_000,
        "webhook_allow_private": True,
        "poll_interval_s": 0.2,
        # Many apps share this Python process: no metrics ports (tests/ops serves one for real).
        "metrics_offset": 0,
        **{f"{name}_port": port for name, port in ports.items()},
    }
    values.update(overrides)
    return values


class Stack:
    """The gateway and the three services, wired to each other on free loopback ports."""

    def __init__(self, database_url: str, **overrides: Any) -> None:
        self.database_url = database_url
        self.threads = ServerThread()
        sockets = {name: free_socket() for name in PROCESS_NAMES}
        self.ports = {name: sock.getsockname()[1] for name, sock in sockets.items()}
        self.values = settings_for(database_url, self.ports, **overrides)
        self.settings = Settings(**self.values)
        for name in PROCESS_NAMES:
            self.threads.serve(name, app_of(name, self.values_of(name)), sockets[name])

    def values_of(self, name: str, **overrides: Any) -> dict[str, Any]:
        """Process ``name``'s settings: the stack's, its own signing key, then ``overrides``."""
        return {**self.values, "signing_key": SIGNING_KEYS[name], **overrides}

    def url(self, name: str) -> str:
        return self.settings.url_of(name)

    def spawn(self, name: str, **overrides: Any) -> tuple[str, Callable[[], None]]:
        """Another instance of ``name`` with changed settings; returns its URL and a stop function."""
        sock = free_socket()
        port = sock.getsockname()[1]
        key = f"{name}-{port}"
        self.threads.serve(
            key, app_of(name, self.values_of(name, **{f"{name}_port": port, **overrides})), sock
        )
        return f"http://127.0.0.1:{port}", lambda: self.threads.stop(key)

    def close(self) -> None:
        self.threads.close()


def process_env(database_url: str, **settings: str) -> tuple[dict[str, str], dict[str, int]]:
    """Environment for running the platform as real processes on free ports, and those ports.

    ``settings`` are more FINMATCH_* values, named without the prefix (``admin_key="..."``).
    """
    sockets = {name: free_socket() for name in PROCESS_NAMES}
    ports = {name: int(sock.getsockname()[1]) for name, sock in sockets.items()}
    for sock in sockets.values():
        sock.close()
    env = {
        **os.environ,
        "FINMATCH_DATABASE_URL": database_url,
        # `finmatch up` hands each child its own key (deploy.supervisor.process_keys).
        **{f"FINMATCH_{name.upper()}_SIGNING_KEY": key for name, key in SIGNING_KEYS.items()},
        **{f"FINMATCH_{name.upper()}_PORT": str(port) for name, port in ports.items()},
        **{f"FINMATCH_{key.upper()}": value for key, value in settings.items()},
    }
    return env, ports


def serve_env(name: str) -> dict[str, str]:
    """The key variables ``finmatch serve NAME`` reads, with this session's keys."""
    return {"FINMATCH_SIGNING_KEY": SIGNING_KEYS[name], "FINMATCH_TRUSTED_KEYS": TRUSTED_KEYS}
