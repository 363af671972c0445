"""``openapi/``: the machine form of the contract, generated from the code.

``gateway.json`` is what the gateway serves at ``/openapi.json`` (its own operations plus
every service's public ones); ``<service>.json`` is each service's full spec, internal
operations included.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kit.settings import SERVICE_NAMES

# Building an app does not connect, so any well-formed URL will do here.
_OFFLINE = {
    "database_url": "postgresql+asyncpg://openapi@localhost/none",
}


def specs() -> dict[str, dict[str, Any]]:
    from deploy.cli import app_for
    from gateway.openapi_merge import merge

    services = {name: app_for(name, **_OFFLINE).openapi() for name in SERVICE_NAMES}
    gateway = merge(app_for("gateway", **_OFFLINE).openapi(), services)
    return {"gateway": gateway, **services}


def render(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, spec in specs().items():
        (directory / f"{name}.json").write_text(render(spec), encoding="utf-8")


def check(directory: Path) -> list[str]:
    """Names whose committed file differs from what the code serves."""
    drift = []
    for name, spec in specs().items():
        path = directory / f"{name}.json"
        if not path.exists() or path.read_text(encoding="utf-8") != render(spec):
            drift.append(name)
    return drift
