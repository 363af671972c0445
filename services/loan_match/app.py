"""The loan_match process."""

from __future__ import annotations

from fastapi import FastAPI

from kit.app import build_app
from kit.settings import Settings
from services.loan_match.routes import internal_router, router


def create_app(settings: Settings | None = None) -> FastAPI:
    return build_app(
        "loan_match",
        settings or Settings(),
        title="finmatch loan_match",
        description="loan_match: product catalogue, matching and financing demands",
        routers=[router, internal_router],
    )
