"""``/healthz``, ``/readyz`` and ``/metrics`` for every process (CONTRACT §1)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy.ext.asyncio import AsyncEngine

from kit.errors import Unavailable
from kit.http import DependencyUnavailable
from kit.internal import InternalClient

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
    router = APIRouter(tags=["health"])

    @router.get("/healthz", summary="The process is alive")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get(
        "/readyz",
        summary="The database and every downstream this process needs answer",
        responses={503: {"description": "Not ready"}},
    )
    async def readyz(request: Request) -> Any:
        checks: dict[str, ReadinessCheck] = request.app.state.readiness_checks
        results = await run_checks(checks)
        if all(value == "ok" for value in results.values()):
            return JSONResponse({"status": "ready", "checks": results})
        raise Unavailable(
            "A dependency of this process does not answer.",
            slug="not-ready",
            title="Not ready",
            retry_after_s=None,
            checks=results,
        )

    @router.get("/metrics", summary="Prometheus metrics", response_class=Response)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router
