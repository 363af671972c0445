"""The loan_match process."""

from __future__ import annotations

from fastapi import FastAPI

from kit.app import build_app
from kit.settings import Settings
from services.loan_match.routes import ROUTERS, fastpath
from services.loan_match.service.catalogue import Catalogue
from services.loan_match.tables import idempotency_keys


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = build_app(
        "loan_match",
        settings,
        title="finmatch loan_match",
        description="loan_match: product catalogue, matching and financing demands",
        routers=ROUTERS,
        idempotency_table=idempotency_keys,
        # Ready only when both answer, though a query still answers (degraded) without them.
        peers=["credit_push", "guarantee"],
    )
    app.state.catalogue = Catalogue()
    fastpath.install(app)
    return app
