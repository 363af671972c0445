"""End to end: `finmatch up` starts the four real processes; we go through the gateway."""

import asyncio
import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from deploy.demo import curl_commands
from kit.credentials import generate_signing_key
from kit.principal import HEADER as PRINCIPAL_HEADER
from kit.principal import Principal, subject_of
from kit.settings import PROCESS_NAMES
from tests.support.platform import Up, finmatch, wait_healthy
from tests.support.postgres import PgTestServer
from tests.support.principals import token
from tests.support.stack import process_env

pytestmark = pytest.mark.e2e

ADMIN_KEY = "e2e-admin-key-not-secret"


def _fresh_env(pg_server: PgTestServer, **settings: str) -> tuple[dict[str, str], dict[str, str]]:
    """The environment of a platform on a new database, and the URL of each of its processes."""
    env, ports = process_env(asyncio.run(pg_server.create_database()), **settings)
    return env, {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}


def _all_down(urls: dict[str, str]) -> bool:
    for name in PROCESS_NAMES:
        try:
            httpx.get(urls[name] + "/healthz", timeout=1)
        except httpx.HTTPError:
            continue
        return False
    return True


@pytest.fixture(scope="module")
def platform(
    pg_server: PgTestServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Up, dict[str, str]]]:
    # Small pools: the test server is shared with the in-process stack (and other suites).
    env, urls = _fresh_env(pg_server, admin_key=ADMIN_KEY, db_pool_size="3")
    up = Up(env, tmp_path_factory.mktemp("up"), "--demo")  # `finmatch` runs from any directory
    up.wait_until_up()
    assert httpx.get(urls["gateway"] + "/readyz", timeout=5).status_code == 200
    yield up, urls
    up.stop()


def test_up_serves_the_platform_through_the_gateway(platform: tuple[Up, dict[str, str]]) -> None:
    gateway = platform[1]["gateway"]
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
    assert roles == {
        "admin",
        "tax_authority",
        "bank",
        "guarantor",
        "partner_app",
        "fund_manager",
        "regulator",
    }
    spec = httpx.get(f"{gateway}/openapi.json").json()
    assert "/v1/orgs" in spec["paths"]


def test_the_printed_demo_commands_work_as_printed(platform: tuple[Up, dict[str, str]]) -> None:
    """`finmatch up --demo` prints five curl commands; each, run by a shell as printed, gets a 2xx."""
    up, _ = platform
    commands = curl_commands(up.output)
    assert len(commands) == 5, "".join(up.output)
    for command in commands:
        run = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)  # noqa: S603 S607
        assert run.returncode == 0, f"{command}\n{run.stderr}"  # curl -f: exit 22 on 4xx/5xx
        assert run.stdout.startswith("{")
    env_file = up.cwd / "var" / "demo.env"
    assert env_file.read_text().splitlines() == [
        line.strip() for line in up.output if line.startswith("export ")
    ]
    assert oct(env_file.stat().st_mode & 0o777) == "0o600"


def test_the_terminal_shows_a_banner_and_the_file_gets_the_json(platform: tuple[Up, dict[str, str]]) -> None:
    up, _ = platform
    text = "".join(up.output)
    for expected in ("finmatch is up.", "/docs", "/console", "var/demo.env", "Ctrl-C"):
        assert expected in text
    assert not any(line.startswith('{"ts"') for line in up.output)  # no raw JSON for a person
    lines = (up.cwd / "var" / "log" / "finmatch.jsonl").read_text().splitlines()
    access = [json.loads(line) for line in lines if '"kit.access"' in line]
    assert any(line.get("role") == "partner_app" and line["level"] == "info" for line in access)


def test_metrics_are_on_the_metrics_port_only(platform: tuple[Up, dict[str, str]]) -> None:
    gateway = platform[1]["gateway"]
    port = int(gateway.rsplit(":", 1)[1])
    assert httpx.get(gateway + "/metrics").status_code == 404
    scraped = httpx.get(f"http://127.0.0.1:{port + 100}/metrics", timeout=5)
    assert scraped.status_code == 200
    assert "finmatch_http_request_duration_seconds_bucket" in scraped.text
    assert 'finmatch_peer_up{peer="credit_push"} 1.0' in scraped.text


def test_demo_loaded_twice_changes_nothing(platform: tuple[Up, dict[str, str]]) -> None:
    up, urls = platform
    admin = {"Authorization": f"Bearer {ADMIN_KEY}"}

    def counts() -> dict[str, object]:
        return {
            "orgs": len(
                httpx.get(urls["gateway"] + "/v1/orgs", params={"limit": 1000}, headers=admin).json()["items"]
            ),
            "exposures": len(
                httpx.get(
                    urls["gateway"] + "/v1/guarantee/exposures", params={"limit": 1000}, headers=admin
                ).json()["items"]
            ),
            "stats": httpx.get(urls["gateway"] + "/v1/credit/stats", headers=admin).json(),
            "summary": httpx.get(urls["gateway"] + "/v1/guarantee/reports/summary", headers=admin).json(),
        }

    before = counts()
    again = finmatch("demo", env=up.env, cwd=up.cwd, timeout=300)
    assert again.returncode == 0, again.stderr
    assert counts() == before
    assert curl_commands(again.stdout.splitlines()) == curl_commands(up.output)  # the same keys, reused


def test_forged_header_at_a_service_port_is_refused(platform: tuple[Up, dict[str, str]]) -> None:
    urls = platform[1]
    admin = subject_of(Principal(role="admin", name="x", org_id="00000000-0000-4000-8000-000000000001"))
    for name, path in (
        ("credit_push", "/v1/credit/stats"),
        ("guarantee", "/v1/guarantee/reports/summary"),
        ("loan_match", "/v1/match/stats"),
    ):
        call: dict[str, Any] = {"audience": name, "method": "GET", "target": path, "subject": admin}
        forged = token("gateway", **call, signing_key=generate_signing_key())
        response = httpx.get(urls[name] + path, headers={PRINCIPAL_HEADER: forged})
        assert response.status_code == 401
        assert httpx.get(urls[name] + "/healthz").status_code == 200


def test_sigterm_stops_every_process(platform: tuple[Up, dict[str, str]]) -> None:
    up, urls = platform
    up.process.send_signal(signal.SIGTERM)
    assert up.wait(timeout_s=30) == 0
    assert any(line.startswith("export BANK=fmk_") for line in up.output)  # demo keys were printed
    assert _all_down(urls)


def test_children_do_not_outlive_a_killed_supervisor(pg_server: PgTestServer, tmp_path: Path) -> None:
    """kill -9 of `finmatch up` must not leave orphan services holding the ports."""
    env, urls = _fresh_env(pg_server)
    up = Up(env, tmp_path)
    wait_healthy(urls["gateway"])
    up.process.kill()
    up.process.wait()
    deadline = time.monotonic() + 20
    while not _all_down(urls) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _all_down(urls)


def test_serve_without_required_settings_says_what_is_missing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FINMATCH_")}
    bad_key = finmatch(
        "serve", "guarantee", env={**env, "FINMATCH_SIGNING_KEY": "nope"}, cwd=tmp_path, timeout=60
    )
    assert bad_key.returncode == 2
    assert "FINMATCH_SIGNING_KEY" in bad_key.stderr
    missing_db = finmatch("serve", "guarantee", env=env, cwd=tmp_path, timeout=60)
    assert missing_db.returncode == 2
    assert "FINMATCH_DATABASE_URL" in missing_db.stderr


def test_migrate_from_any_directory_is_idempotent(pg_server: PgTestServer, tmp_path: Path) -> None:
    env, _ = _fresh_env(pg_server)
    for _ in range(2):
        run = finmatch("migrate", env=env, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        assert "migrations applied" in run.stderr


def test_a_dead_child_stops_the_platform_with_exit_1(pg_server: PgTestServer, tmp_path: Path) -> None:
    env, urls = _fresh_env(pg_server)
    up = Up(env, tmp_path)
    try:
        children = _children_of(up.pid, expected=len(PROCESS_NAMES))
        assert len(children) == len(PROCESS_NAMES)
        wait_healthy(urls["gateway"])
        os.kill(children[1], signal.SIGKILL)
        assert up.wait(timeout_s=60) == 1
        assert "exited with code" in "".join(up.output)
        assert _all_down(urls)
    finally:
        up.process.kill()
        up.process.wait()


def _children_of(pid: int, *, expected: int, timeout_s: float = 60.0) -> list[int]:
    """Process ids whose parent is ``pid`` (Linux /proc), oldest first, once there are ``expected``."""
    found: list[int] = []
    for _ in range(int(timeout_s / 0.2)):
        found = sorted(
            int(stat.parent.name) for stat in Path("/proc").glob("[0-9]*/stat") if _parent_of(stat) == pid
        )
        if len(found) >= expected:
            break
        time.sleep(0.2)
    return found


def _parent_of(stat: Path) -> int | None:
    try:
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None
