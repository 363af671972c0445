"""Every SQL statement of credit_push, one module per aggregate.

Bulk paths are set-based: arrays in, one statement out. Functions return typed rows (frozen
dataclasses built from the result), never a database row, so mypy follows every field from
the SQL to the response.
"""

from __future__ import annotations

from services.credit_push.repository import (
    access_log,
    authorisations,
    banks,
    blacklist,
    consents,
    deliveries,
    events,
    ingest,
    lapses,
    locks,
    outcomes,
    public_list,
    ratings,
    routing,
    stats,
    subscriptions,
    uploads,
    views,
)
from services.credit_push.repository.deliveries import Claimed

__all__ = [
    "Claimed",
    "access_log",
    "authorisations",
    "banks",
    "blacklist",
    "consents",
    "deliveries",
    "events",
    "ingest",
    "lapses",
    "locks",
    "outcomes",
    "public_list",
    "ratings",
    "routing",
    "stats",
    "subscriptions",
    "uploads",
    "views",
]
