"""loan_match's operations, one module per resource (CONTRACT §5, §6). Each parses the request,
calls one use case of ``service/`` and shapes the answer; ``ROUTERS`` in the contract's order."""

from __future__ import annotations

from services.loan_match.routes import (
    calendars,
    claims,
    demands,
    products,
    profiles,
    programmes,
    queries,
    stats,
)

ROUTERS = [
    products.router,
    profiles.router,
    queries.router,
    demands.router,
    calendars.router,
    programmes.router,
    claims.router,
    stats.router,
]
