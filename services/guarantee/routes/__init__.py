"""The operations of guarantee (CONTRACT §4, §6), one module per resource: public under
`/v1/guarantee`, internal (for loan_match) under `/internal/guarantee`."""

from __future__ import annotations

from services.guarantee.routes import (
    agreements,
    bridge_funds,
    exposures,
    institutions,
    internal,
    pools,
    reports,
)

ROUTERS = [
    institutions.router,
    agreements.router,
    exposures.router,
    pools.router,
    bridge_funds.router,
    reports.router,
    internal.router,
]
