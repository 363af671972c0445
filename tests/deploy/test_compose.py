"""deploy/compose.yaml: renders with `docker-compose config` (no engine needed), builds one image
once, runs migrations before the processes, checks /healthz and /readyz, and holds no secret."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy.tools import DEPLOY, PROCESSES, docker_compose, probe_server

COMPOSE = DEPLOY / "compose.yaml"
EXAMPLE_ENV = DEPLOY / "compose.env.example"
FINMATCH_SERVICES = tuple(PROCESSES)
SENSITIVE = re.compile(r"SECRET|PASSWORD|ADMIN_KEY|SIGNING_KEY|TRUSTED_KEYS", re.IGNORECASE)


def _clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without any FINMATCH_* value that would fill the file in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FINMATCH_", "PG", "POSTGRES_"))}
    return {**env, **extra}


def _config(env_file: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (our interpreter or a located tool, fixed arguments)
        [docker_compose(), "-f", str(COMPOSE), "--env-file", str(env_file), "config"],
        capture_output=True,
        text=True,
        env=_clean_env(**extra),
        check=False,
        timeout=120,
    )


def _rendered(**extra: str) -> dict[str, Any]:
    result = _config(EXAMPLE_ENV, **extra)
    assert result.returncode == 0, f"docker-compose config failed:\n{result.stderr}"
    services: dict[str, Any] = yaml.safe_load(result.stdout)["services"]
    return services


def test_compose_renders_with_the_example_environment() -> None:
    services = _rendered()
    assert set(services) == {"db", "migrate", *FINMATCH_SERVICES}


def test_compose_refuses_to_render_without_secrets(tmp_path: Path) -> None:
    empty = tmp_path / "empty.env"
    empty.write_text("")
    result = _config(empty)
    assert result.returncode != 0
    assert "FINMATCH_DB_PASSWORD" in result.stderr or "FINMATCH_" in result.stderr


def test_one_image_built_once_and_tagged_by_finmatch_tag() -> None:
    services = _rendered(FINMATCH_TAG="1.2.3")
    builders = [name for name, service in services.items() if "build" in service]
    assert builders == ["migrate"]
    assert services["migrate"]["build"]["dockerfile"] == "deploy/Dockerfile"
    images = {services[name]["image"] for name in ("migrate", *FINMATCH_SERVICES)}
    assert images == {"finmatch:1.2.3"}
    assert _rendered()["gateway"]["image"] == "finmatch:dev"


def test_processes_wait_for_migrations_which_wait_for_the_database() -> None:
    services = _rendered()
    assert services["migrate"]["command"] == ["migrate"]
    assert services["migrate"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    for name, (process, _) in PROCESSES.items():
        service = services[name]
        assert service["command"] == ["serve", process]
        assert service["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}
        env = service["environment"]
        assert env["FINMATCH_DATABASE_URL"].startswith("postgresql+asyncpg://finmatch@db:5432/")
        for peer, (peer_process, peer_port) in PROCESSES.items():
            assert env[f"FINMATCH_{peer_process.upper()}_URL"] == f"http://{peer}:{peer_port}"
    assert ("FINMATCH_ADMIN_KEY" in services["gateway"]["environment"]) is True
    assert all("FINMATCH_ADMIN_KEY" not in services[n]["environment"] for n in FINMATCH_SERVICES[1:])


@pytest.mark.parametrize("name", FINMATCH_SERVICES)
def test_healthcheck_asks_healthz_and_readyz_on_the_process_port(name: str) -> None:
    _, port = PROCESSES[name]
    test = _rendered()[name]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"]
    code = test[3]
    assert f"http://127.0.0.1:{port}" in code and "/healthz" in code and "/readyz" in code
    # Run the very command against a stand-in process on a free port.
    for readyz, healthy in ((200, True), (503, False)):
        with probe_server({"/healthz": 200, "/readyz": readyz}) as free_port:
            local = code.replace(f"127.0.0.1:{port}", f"127.0.0.1:{free_port}")
            result = subprocess.run(  # noqa: S603 (our interpreter or a located tool, fixed arguments)
                [sys.executable, "-c", local], capture_output=True, timeout=30, check=False
            )
        assert (result.returncode == 0) == healthy, result.stderr


def test_no_secret_is_written_in_the_file() -> None:
    """Every sensitive value in compose.yaml is an interpolation from the environment/.env."""
    raw = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    environments = [raw["x-finmatch-env"]] + [s.get("environment", {}) for s in raw["services"].values()]
    checked = 0
    for environment in environments:
        for key, value in environment.items():
            if SENSITIVE.search(key) and key != "FINMATCH_DATABASE_URL":
                assert re.fullmatch(r"\$\{[A-Z0-9_]+(:[?-][^}]*)?\}", str(value)), f"{key}: {value!r}"
                checked += 1
            if key == "FINMATCH_DATABASE_URL":
                assert ":" not in str(value).split("://", 1)[1].split("@", 1)[0], "no password in the URL"
    assert checked >= 6
