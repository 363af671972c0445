"""The credit_push process."""

from __future__ import annotations

from fastapi import FastAPI

from kit.app import AppContext, build_app
from kit.settings import Settings
from services.credit_push.routes import ROUTERS, facts_fastpath, fastpath
from services.credit_push.service import access_log
from services.credit_push.settings import CreditPushSettings
from services.credit_push.tables import idempotency_keys
from services.credit_push.workers import (
    access_log_flush,
    bank_discovery,
    consent_expiry,
    dispatcher,
    lapse_sweep,
    upload_jobs,
)


async def _install_access_log(ctx: AppContext) -> None:
    access_log.install(ctx.sessionmaker)


async def _flush_access_log(ctx: AppContext) -> None:
    await access_log.final_flush(ctx.sessionmaker)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app; shared settings given as a plain ``Settings`` get credit_push's own from the environment."""
    if not isinstance(settings, CreditPushSettings):
        settings = CreditPushSettings(**(settings.model_dump() if settings else {}))
    app = build_app(
        "credit_push",
        settings,
        title="finmatch credit_push",
        description="credit_push: 银税互动 credit-rating pushes to banks",
        routers=ROUTERS,
        workers=[bank_discovery, consent_expiry, dispatcher, access_log_flush, lapse_sweep, upload_jobs],
        on_startup=[_install_access_log],
        on_shutdown=[_flush_access_log],
        idempotency_table=idempotency_keys,
        peers=["gateway"],  # it learns new banks and checks bank ids there
    )
    fastpath.install(app)
    facts_fastpath.install(app)
    return app
