"""The guarantee process."""

from __future__ import annotations

from fastapi import FastAPI

from kit.app import build_app
from kit.settings import Settings
from services.guarantee.routes import ROUTERS, fastpath
from services.guarantee.tables import idempotency_keys


def create_app(settings: Settings | None = None) -> FastAPI:
    app = build_app(
        "guarantee",
        settings or Settings(),
        title="finmatch guarantee",
        description="guarantee: national fund → provincial → local risk sharing",
        routers=ROUTERS,
        idempotency_table=idempotency_keys,
        peers=["gateway"],  # every org id it stores is checked there
    )
    fastpath.install(app)
    return app
