"""Principals signed as the platform signs them, for calling a service's port directly."""

from __future__ import annotations

from kit.principal import HEADER, SERVICE_ROLE, Principal, sign
from tests.support.stack import INTERNAL_SECRET


def signed(principal: Principal, secret: str = INTERNAL_SECRET) -> dict[str, str]:
    """The header that makes a service take the request as coming from ``principal``."""
    return {HEADER: sign(principal, secret)}


def as_service(name: str = "loan_match") -> dict[str, str]:
    """Another process of the platform calling (``/internal/...``)."""
    return signed(Principal(role=SERVICE_ROLE, name=name, service=name))


def as_org(role: str, org_id: str, name: str | None = None) -> dict[str, str]:
    """An org's request as the gateway passes it on."""
    return signed(Principal(role=role, name=name or f"{role}-direct", org_id=org_id))
