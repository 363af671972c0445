"""The routers of credit_push, one module per resource, in the order the app mounts them."""

from __future__ import annotations

from fastapi import APIRouter

from services.credit_push.routes import (
    access_log,
    authorisations,
    blacklist,
    consents,
    deliveries,
    outcomes,
    ratings,
    stats,
    subscriptions,
    uploads,
)

ROUTERS: list[APIRouter] = [
    ratings.router,
    authorisations.router,
    access_log.router,
    consents.router,
    outcomes.router,
    subscriptions.router,
    deliveries.router,
    deliveries.feed_router,
    blacklist.router,
    uploads.router,
    stats.router,
    ratings.internal_router,
    blacklist.internal_router,
]
