"""API-key authentication and per-key rate limiting at the gateway (CONTRACT §1-2)."""

from __future__ import annotations

import hmac
import uuid
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway import repository
from gateway.keys import parse_key, secret_matches
from gateway.ratelimit import TokenBuckets
from gateway.roles import ADMIN
from gateway.settings import GatewaySettings
from kit import metrics
from kit.errors import Forbidden
from kit.principal import Principal, unauthorized
from kit.problems import Problem

BOOTSTRAP_KEY_ID = "bootstrap-admin"


async def authenticate(
    authorization: str | None,
    admin_key: str | None,
    engine: AsyncEngine,
) -> tuple[Principal, str]:
    """The org principal a bearer key stands for, and the key id (the rate-limit bucket)."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise unauthorized("Send 'Authorization: Bearer <api key>'.")
    key = authorization[7:].strip()
    if admin_key and hmac.compare_digest(key.encode(), admin_key.encode()):
        principal = Principal(role=ADMIN, name="Platform operator", org_id=str(repository.BOOTSTRAP_ADMIN_ID))
        return principal, BOOTSTRAP_KEY_ID
    parsed = parse_key(key)
    if parsed is None:
        raise unauthorized("Unknown API key.")
    key_id, secret = parsed
    # A short connection of its own: a proxied call must not hold one while upstream works.
    async with engine.connect() as conn:
        found = await repository.active_key(conn, key_id)
    if found is None or not secret_matches(secret, found.secret_hash):
        raise unauthorized("Unknown API key.")
    return Principal(role=found.role, name=found.name, org_id=str(found.id)), str(key_id)


def rate_limit(buckets: TokenBuckets, bucket: str) -> None:
    wait = buckets.take(bucket)
    if wait > 0:
        metrics.limit_refused("rate_limit")
        raise Problem(
            429,
            "rate-limited",
            "Too many requests for this API key; slow down.",
            title="Too many requests",
            headers={"Retry-After": TokenBuckets.retry_after_header(wait)},
        )


async def authenticated(request: Request) -> Principal:
    """The caller of a public request, from its bearer key, once its key's rate limit allows."""
    settings: GatewaySettings = request.app.state.settings
    principal, bucket = await authenticate(
        request.headers.get("authorization"), settings.admin_key, request.app.state.ctx.engine
    )
    rate_limit(request.app.state.buckets, bucket)
    return principal


async def caller(request: Request) -> Principal:
    """Dependency for the gateway's own operations: authenticated and rate-limited."""
    cached: Principal | None = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    principal = await authenticated(request)
    request.state.principal = principal
    return principal


Caller = Annotated[Principal, Depends(caller)]


def require_admin(principal: Caller) -> Principal:
    if principal.role != ADMIN:
        raise Forbidden(f"Role {principal.role!r} may not call this operation.")
    return principal


Admin = Annotated[Principal, Depends(require_admin)]


def parse_uuid(raw: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError as exc:
        raise Problem(404, "not-found", f"No such {what}.") from exc
