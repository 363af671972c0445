"""Tokens minted as the platform's processes mint them, for calling a service's port directly.

``auth=as_org("bank", org_id)`` (an httpx ``Auth``) mints, for each request it is given, a token
of the gateway for exactly that method, path and query, with the audience the path belongs to;
``as_service("loan_match")`` is a process calling ``/internal/...``. :func:`token` mints anything
at all (another issuer, a foreign key, expired, any claims) for the negative tests.
"""

from __future__ import annotations

import time
from collections.abc import Generator, Mapping
from typing import Any

import httpx
import jwt

from kit.credentials import ALGORITHM, MAX_TTL_S, key_id, load_signing_key
from kit.principal import GATEWAY, HEADER, SERVICE_ROLE, Principal, subject_of
from tests.support.stack import SIGNING_KEYS

# Which process a path belongs to (the gateway's routing, plus the internal operations).
_AUDIENCES = (
    ("/v1/credit", "credit_push"),
    ("/internal/credit", "credit_push"),
    ("/v1/guarantee", "guarantee"),
    ("/internal/guarantee", "guarantee"),
    ("/v1/match", "loan_match"),
    ("/internal/match", "loan_match"),
    ("/internal/orgs", "gateway"),
)


def audience_of(path: str) -> str:
    for prefix, name in _AUDIENCES:
        if path == prefix or path.startswith(prefix + "/"):
            return name
    raise ValueError(f"no process serves {path}")


def token(
    issuer: str,
    *,
    audience: str,
    method: str,
    target: str,
    subject: Mapping[str, Any],
    signing_key: str | None = None,
    issued_at: float | None = None,
    ttl_s: int = MAX_TTL_S,
    claims: Mapping[str, Any] | None = None,
) -> str:
    """A token signed with ``signing_key`` (default: ``issuer``'s key in this test session)."""
    key = load_signing_key(signing_key or SIGNING_KEYS[issuer])
    now = int(time.time() if issued_at is None else issued_at)
    body: dict[str, Any] = {"iss": issuer, "aud": audience, "htm": method.upper(), "htu": target}
    body |= {"iat": now, "exp": now + ttl_s, "who": dict(subject), **(claims or {})}
    return jwt.encode(body, key, algorithm=ALGORITHM, headers={"kid": key_id(key.public_key())})


def target_of(request: httpx.Request) -> str:
    """The path and query exactly as httpx sends them."""
    return request.url.raw_path.decode("ascii")


class Vouched(httpx.Auth):
    """Each request gets a fresh token for itself, as ``issuer`` vouching for ``principal``."""

    def __init__(self, principal: Principal, issuer: str, audience: str | None = None) -> None:
        self.principal = principal
        self.issuer = issuer
        self.audience = audience

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[HEADER] = token(
            self.issuer,
            audience=self.audience or audience_of(request.url.path),
            method=request.method,
            target=target_of(request),
            subject=subject_of(self.principal),
        )
        yield request


def vouched(principal: Principal, issuer: str | None = None, audience: str | None = None) -> Vouched:
    """``principal`` as the platform vouches for it: orgs by the gateway, a service by itself."""
    return Vouched(principal, issuer or principal.service or GATEWAY, audience)


def as_service(name: str = "loan_match") -> Vouched:
    """Another process of the platform calling (``/internal/...``)."""
    return vouched(Principal(role=SERVICE_ROLE, name=name, service=name))


def as_org(role: str, org_id: str, name: str | None = None) -> Vouched:
    """An org's request as the gateway passes it on."""
    return vouched(Principal(role=role, name=name or f"{role}-direct", org_id=org_id))
