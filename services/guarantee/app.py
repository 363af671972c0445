"""The guarantee process."""

from __future__ import annotations

from fastapi import FastAPI

from kit.app import AppContext, build_app
from kit.health import ReadinessCheck
from kit.internal import DependencyUnavailable
from kit.settings import Settings
from services.guarantee.routes import internal_router, router
from services.guarantee.tables import idempotency_keys


def _gateway_alive(app: FastAPI) -> ReadinessCheck:
    """The gateway answers org look-ups; its /healthz, not /readyz (which asks us in turn)."""

    async def check() -> str | None:
        ctx: AppContext = app.state.ctx
        try:
            await ctx.internal.get("gateway", "/healthz")
        except DependencyUnavailable as exc:
            return f"gateway: {exc.reason}"
        return None

    return check


def create_app(settings: Settings | None = None) -> FastAPI:
    app = build_app(
        "guarantee",
        settings or Settings(),
        title="finmatch guarantee",
        description="guarantee: national fund → provincial → local risk sharing",
        routers=[router, internal_router],
        idempotency_table=idempotency_keys,
    )
    app.state.readiness_checks["gateway"] = _gateway_alive(app)
    return app
