"""``/healthz`` and ``/readyz`` for every process (CONTRACT §1).

Readiness says whether *this* process can serve: its database answers and it holds the
credentials it needs. It never asks another process, so one service being down does not take
every other one (and the gateway) out of the load balancer with it; whether the peers answer
is shown by the ``finmatch_peer_up`` gauge on the metrics port instead. ``/metrics`` is not on
the public port (kit.metrics serves it on the metrics port).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncEngine

from kit.errors import Unavailable
from kit.http import DependencyUnavailable
from kit.internal import InternalClient
from kit.openapi_docs import problems

# A readiness check answers None when fine, or a short reason when not.
ReadinessCheck = Callable[[], Awaitable[str | None]]


def database_check(engine: AsyncEngine, timeout_s: float = 2.0) -> ReadinessCheck:
    async def check() -> str | None:
        try:
            async with asyncio.timeout(timeout_s), engine.connect() as conn:
                await conn.execute(sa.text("SELECT 1"))
        except Exception as exc:
            return f"database: {type(exc).__name__}"
        return None

    return check


def peer_check(internal: InternalClient, target: str) -> ReadinessCheck:
    """Another process this one calls answers its /healthz (not /readyz, which may ask us in turn)."""

    async def check() -> str | None:
        try:
            response = await internal.get(target, "/healthz")
        except DependencyUnavailable as exc:
            return f"{target}: {exc.reason}"
        return None if response.status_code == 200 else f"{target}: answered {response.status_code}"

    return check


async def run_checks(checks: dict[str, ReadinessCheck]) -> dict[str, str]:
    names = list(checks)
    results = await asyncio.gather(*(checks[name]() for name in names))
    return {name: (result or "ok") for name, result in zip(names, results, strict=True)}


def health_router() -> APIRouter:
    router = APIRouter()

    @router.get(
        "/healthz",
        operation_id="getHealth",
        summary="Whether the process is alive",
        tags=["health"],
    )
    async def healthz() -> dict[str, str]:
        """`{"status": "ok"}` while the process runs; for a liveness probe."""
        return {"status": "ok"}

    @router.get(
        "/readyz",
        responses=problems(s503="not-ready"),
        operation_id="getReadiness",
        summary="Whether the process can serve (database and credentials)",
        tags=["health"],
    )
    async def readyz(request: Request) -> Any:
        """`ready` with each check when the database answers and the process holds its
        credentials; otherwise 503 `not-ready` with the failing checks (for a readiness probe)."""
        checks: dict[str, ReadinessCheck] = request.app.state.readiness_checks
        results = await run_checks(checks)
        if all(value == "ok" for value in results.values()):
            return JSONResponse({"status": "ready", "checks": results})
        raise Unavailable(
            "This process cannot serve: its database or its credentials are missing.",
            slug="not-ready",
            title="Not ready",
            retry_after_s=None,
            checks=results,
        )

    return router
