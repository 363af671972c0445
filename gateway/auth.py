"""API-key authentication, per-key rate limiting and failed-key limiting at the gateway (CONTRACT §1-2)."""

from __future__ import annotations

import hmac
import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway import repository
from gateway.keycache import KeyCache, UsageTracker, resolve
from gateway.keys import parse_key, secret_matches
from gateway.limitsync import Limits
from gateway.ratelimit import SharedCounter, retry_after_header
from gateway.roles import ADMIN
from gateway.settings import GatewaySettings
from kit import metrics
from kit.errors import Forbidden, Unauthorized
from kit.openapi_docs import mark_roles
from kit.principal import Principal, role_allowed, unauthorized
from kit.problems import Problem

BOOTSTRAP_KEY_ID = "bootstrap-admin"


@dataclass
class KeyStore:
    """What the gateway keeps in memory about API keys (one per process, on ``app.state.keys``)."""

    cache: KeyCache
    usage: UsageTracker


async def authenticate(
    authorization: str | None,
    admin_key: str | None,
    engine: AsyncEngine,
    keys: KeyStore,
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
    found = await resolve(keys.cache, engine, key_id)
    if found is None or not secret_matches(secret, found.secret_hash):
        raise unauthorized("Unknown API key.")
    keys.usage.used(key_id)
    return Principal(role=found.role, name=found.name, org_id=str(found.org_id)), str(key_id)


def rate_limit(counter: SharedCounter, bucket: str) -> None:
    wait = counter.hit(bucket)
    if wait > 0:
        metrics.limit_refused("rate_limit")
        raise _too_many("rate-limited", "Too many requests for this API key; slow down.", "requests", wait)


def too_many_failures(wait_s: float) -> Problem:
    detail = (
        "Too many requests with a missing or unknown API key from this address; wait before trying again."
    )
    return _too_many("too-many-failed-attempts", detail, "failed attempts", wait_s)


def _too_many(slug: str, detail: str, what: str, wait_s: float) -> Problem:
    """A 429 with the seconds to wait (RFC 9110 Retry-After), for either of the gateway's limits."""
    headers = {"Retry-After": retry_after_header(wait_s)}
    return Problem(429, slug, detail, title=f"Too many {what}", headers=headers)


async def authenticated(request: Request) -> Principal:
    """The caller of a public request, from its bearer key, once its key's rate limit allows."""
    return await authenticated_by(
        request.app.state.settings,
        request.app.state.keys,
        request.app.state.limits,
        request.app.state.ctx.engine,
        request.headers.get("authorization"),
        request.client.host if request.client else "unknown",
    )


async def authenticated_by(
    settings: GatewaySettings,
    keys: KeyStore,
    limits: Limits,
    engine: AsyncEngine,
    authorization: str | None,
    client_host: str,
) -> Principal:
    """:func:`authenticated` from what the request carries (the proxy's fast path has no Request)."""
    try:
        principal, bucket = await authenticate(authorization, settings.admin_key, engine, keys)
    except Unauthorized as exc:
        # Checked only after the key failed: a valid key is never refused by this rule.
        wait = limits.failures.record(client_host)
        if wait > 0:
            raise too_many_failures(wait) from exc
        raise
    rate_limit(limits.rate, bucket)
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


async def require_admin(request: Request, principal: Caller) -> Principal:
    """Admin; for a read (GET), a regulator too (kit.principal.role_allowed, CONTRACT §2)."""
    if not role_allowed(principal.role, (ADMIN,), request.method):
        raise Forbidden(f"Role {principal.role!r} may not call this operation.")
    return principal


Admin = Annotated[Principal, Depends(mark_roles(require_admin, (ADMIN,)))]


def parse_uuid(raw: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError as exc:
        raise Problem(404, "not-found", f"No such {what}.") from exc
