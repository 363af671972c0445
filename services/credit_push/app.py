"""The credit_push process."""

from __future__ import annotations

from fastapi import FastAPI

from kit.app import build_app
from kit.settings import Settings
from services.credit_push.routes import internal_router, router
from services.credit_push.tables import idempotency_keys
from services.credit_push.workers import bank_discovery, consent_expiry, dispatcher


def create_app(settings: Settings | None = None) -> FastAPI:
    return build_app(
        "credit_push",
        settings or Settings(),
        title="finmatch credit_push",
        description="credit_push: 银税互动 credit-rating pushes to banks",
        routers=[router, internal_router],
        workers=[bank_discovery, consent_expiry, dispatcher],
        idempotency_table=idempotency_keys,
        peers=["gateway"],  # it learns new banks and checks bank ids there
    )
