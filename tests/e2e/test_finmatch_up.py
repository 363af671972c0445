"""End to end: `finmatch up` starts the four real processes; we go through the gateway."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kit.principal import HEADER as PRINCIPAL_HEADER
from kit.principal import Principal, sign
from kit.settings import PROCESS_NAMES
from tests.support.postgres import PgTestServer
from tests.support.stack import process_env

ADMIN_KEY = "e2e-admin-key-not-secret"
PLATFORM_OUTPUT: list[str] = []


@pytest.fixture(scope="module")
def platform(pg_server: PgTestServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    import asyncio

    env, ports = process_env(asyncio.run(pg_server.create_database()), admin_key=ADMIN_KEY)
    workdir = tmp_path_factory.mktemp("up")  # `finmatch` runs from any directory
    process = subprocess.Popen(
        [sys.executable, "-m", "deploy.cli", "up", "--demo"],
        env=env,
        cwd=workdir,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(iter(process.stdout.readline, "")), daemon=True)  # type: ignore[union-attr]
    reader.start()
    deadline = time.monotonic() + 90
    while not any("finmatch is up" in line for line in output):
        if process.poll() is not None or time.monotonic() > deadline:
            process.terminate()
            process.wait(timeout=30)
            pytest.fail("finmatch up did not come up:\n" + "".join(output))
        time.sleep(0.2)
    assert httpx.get(urls["gateway"] + "/readyz", timeout=5).status_code == 200
    PLATFORM_OUTPUT[:] = output
    yield {"process": process, **urls}  # type: ignore[dict-item]
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_up_serves_the_platform_through_the_gateway(platform: dict[str, str]) -> None:
    gateway = platform["gateway"]
    admin = {"Authorization": f"Bearer {ADMIN_KEY}"}
    org = httpx.post(f"{gateway}/v1/orgs", json={"name": "e2e bank", "role": "bank"}, headers=admin)
    assert org.status_code == 201
    key = httpx.post(f"{gateway}/v1/orgs/{org.json()['id']}/keys", headers=admin).json()["key"]
    me = httpx.get(f"{gateway}/v1/me", headers={"Authorization": f"Bearer {key}", "X-Request-ID": "e2e-1"})
    assert me.status_code == 200
    assert me.json()["role"] == "bank"
    assert me.headers["x-request-id"] == "e2e-1"
    # The demo created one org per role.
    roles = {
        o["role"]
        for o in httpx.get(f"{gateway}/v1/orgs", params={"limit": 1000}, headers=admin).json()["items"]
    }
    assert roles == {"admin", "tax_authority", "bank", "guarantor", "partner_app"}
    spec = httpx.get(f"{gateway}/openapi.json").json()
    assert "/v1/orgs" in spec["paths"]


def test_forged_header_at_a_service_port_is_refused(platform: dict[str, str]) -> None:
    forged = sign(
        Principal(role="admin", name="x", org_id="00000000-0000-4000-8000-000000000001"),
        "not-the-platform-secret-000",
    )
    for name, path in (
        ("credit_push", "/v1/credit/stats"),
        ("guarantee", "/v1/guarantee/reports/summary"),
        ("loan_match", "/v1/match/stats"),
    ):
        response = httpx.get(platform[name] + path, headers={PRINCIPAL_HEADER: forged})
        assert response.status_code == 401
        assert httpx.get(platform[name] + "/healthz").status_code == 200


def test_sigterm_stops_every_process(platform: dict[str, str]) -> None:
    process: subprocess.Popen[str] = platform["process"]  # type: ignore[assignment]
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    assert any("key fmk_" in line for line in PLATFORM_OUTPUT)  # demo keys were printed
    for name in PROCESS_NAMES:
        with pytest.raises(httpx.HTTPError):
            httpx.get(platform[name] + "/healthz", timeout=1)


def test_children_do_not_outlive_a_killed_supervisor(pg_server: PgTestServer) -> None:
    """kill -9 of `finmatch up` must not leave orphan services holding the ports."""
    import asyncio

    env, ports = process_env(asyncio.run(pg_server.create_database()))
    process = subprocess.Popen(
        [sys.executable, "-m", "deploy.cli", "up"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    gateway = f"http://127.0.0.1:{ports['gateway']}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(gateway + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 20
    alive = set(PROCESS_NAMES)
    while alive and time.monotonic() < deadline:
        for name in sorted(alive):
            try:
                httpx.get(f"http://127.0.0.1:{ports[name]}/healthz", timeout=0.5)
            except httpx.HTTPError:
                alive.discard(name)
        time.sleep(0.2)
    assert not alive


def test_serve_without_required_settings_says_what_is_missing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FINMATCH_")}
    missing_secret = subprocess.run(
        [sys.executable, "-m", "deploy.cli", "serve", "guarantee"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing_secret.returncode == 2
    assert "FINMATCH_INTERNAL_SECRET" in missing_secret.stderr
    env["FINMATCH_INTERNAL_SECRET"] = "0123456789abcdef0123"
    missing_db = subprocess.run(
        [sys.executable, "-m", "deploy.cli", "serve", "guarantee"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing_db.returncode == 2
    assert "FINMATCH_DATABASE_URL" in missing_db.stderr


def test_migrate_from_any_directory_is_idempotent(pg_server: PgTestServer, tmp_path: Path) -> None:
    import asyncio

    env, _ = process_env(asyncio.run(pg_server.create_database()))
    for _ in range(2):
        run = subprocess.run(
            [sys.executable, "-m", "deploy.cli", "migrate"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
        assert "migrations applied" in run.stderr


def test_a_dead_child_stops_the_platform_with_exit_1(pg_server: PgTestServer, tmp_path: Path) -> None:
    import asyncio

    env, ports = process_env(asyncio.run(pg_server.create_database()))
    process = subprocess.Popen(
        [sys.executable, "-m", "deploy.cli", "up"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        children: list[int] = []
        while len(children) < len(PROCESS_NAMES) and time.monotonic() < deadline:
            children = _children_of(process.pid)
            time.sleep(0.2)
        assert len(children) == len(PROCESS_NAMES)
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{ports['gateway']}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        os.kill(children[1], signal.SIGKILL)
        _, err = process.communicate(timeout=60)
        assert process.returncode == 1
        assert "exited with code" in err
        for name in PROCESS_NAMES:
            with pytest.raises(httpx.HTTPError):
                httpx.get(f"http://127.0.0.1:{ports[name]}/healthz", timeout=1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _children_of(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc), oldest first."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)
