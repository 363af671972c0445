"""The loan_match process."""

from __future__ import annotations

from fastapi import FastAPI

from kit.app import build_app
from kit.health import ReadinessCheck
from kit.internal import DependencyUnavailable, InternalClient
from kit.settings import Settings
from services.loan_match.routes import internal_router, router
from services.loan_match.service import Catalogue
from services.loan_match.tables import idempotency_keys


def _answers(client: InternalClient, target: str) -> ReadinessCheck:
    """Ready only when ``target`` answers its /healthz (matching degrades without it)."""

    async def check() -> str | None:
        try:
            response = await client.get(target, "/healthz")
        except DependencyUnavailable as exc:
            return f"{target}: {exc.reason}"
        return None if response.status_code == 200 else f"{target}: answered {response.status_code}"

    return check


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = build_app(
        "loan_match",
        settings,
        title="finmatch loan_match",
        description="loan_match: product catalogue, matching and financing demands",
        routers=[router, internal_router],
        idempotency_table=idempotency_keys,
    )
    app.state.catalogue = Catalogue()
    client: InternalClient = app.state.ctx.internal
    app.state.readiness_checks.update({name: _answers(client, name) for name in ("credit_push", "guarantee")})
    return app
