"""Who is calling: the platform's signed principal header (CONTRACT §2, trust boundary).

The gateway resolves an API key to an org and signs ``X-Finmatch-Principal`` with
``FINMATCH_INTERNAL_SECRET``; services calling each other sign a ``service`` principal
the same way. A service accepts nothing else: no header, a bad signature or an expired
one is a 401, so identity forged straight at a service port goes nowhere.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.types import ASGIApp, Receive, Scope, Send

from kit.asgi import HttpMiddleware
from kit.errors import Forbidden, Unauthorized
from kit.problems import problem_from_error

HEADER = "X-Finmatch-Principal"
HEADER_BYTES = HEADER.lower().encode()
TTL_S = 60
# The role of a process calling another; org roles are whatever the gateway signed.
SERVICE_ROLE = "service"
# A role is a short lower-case word (the gateway's list, or SERVICE_ROLE); anything else is refused.
_ROLE = re.compile(r"^[a-z][a-z_]{0,63}$")


@dataclass(frozen=True)
class Principal:
    role: str
    name: str
    org_id: str | None = None  # set for org principals
    service: str | None = None  # set for service principals

    @property
    def identity(self) -> str:
        """A stable string naming the caller (for idempotency scopes and logs)."""
        return f"org:{self.org_id}" if self.org_id else f"service:{self.service}"

    @property
    def is_service(self) -> bool:
        return self.role == SERVICE_ROLE


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest())


def sign(principal: Principal, secret: str, *, now: float | None = None, ttl_s: int = TTL_S) -> str:
    claims = {
        "role": principal.role,
        "name": principal.name,
        "org": principal.org_id,
        "svc": principal.service,
        "exp": int((now if now is not None else time.time()) + ttl_s),
    }
    payload = _b64(json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode())
    return f"{payload}.{_mac(secret, payload)}"


def verify(token: str, secret: str, *, now: float | None = None) -> Principal | None:
    """The principal a token vouches for, or None when it is forged, mangled or expired."""
    payload, _, mac = token.partition(".")
    # Compared as bytes: compare_digest refuses str with non-ASCII characters (a TypeError, so a
    # forged header with a byte such as 0xE9 was a 500 instead of a 401).
    expected = _mac(secret, payload).encode()
    if not payload or not mac or not hmac.compare_digest(mac.encode("utf-8", "replace"), expected):
        return None
    try:
        claims = json.loads(_unb64(payload))
        expires = int(claims["exp"])
        role = str(claims["role"])
    except (ValueError, KeyError, TypeError):
        return None
    if expires < (now if now is not None else time.time()):
        return None
    if not _ROLE.match(role):
        return None
    return Principal(
        role=role,
        name=str(claims.get("name") or ""),
        org_id=claims.get("org"),
        service=claims.get("svc"),
    )


UNVOUCHED = "This port accepts only requests vouched for by the platform."


def unauthorized(detail: str = "Missing or invalid credentials.") -> Unauthorized:
    return Unauthorized(detail)


def get_principal(request: Request) -> Principal:
    """FastAPI dependency for services: the caller the platform vouches for, else 401."""
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is None:
        token = request.headers.get(HEADER)
        secret: str = request.app.state.settings.internal_secret
        principal = verify(token, secret) if token else None
    if principal is None:
        raise unauthorized(UNVOUCHED)
    request.state.principal = principal
    return principal


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_roles(*roles: str) -> Callable[[Principal], Principal]:
    """Dependency: 403 for a role that may never call, decided before any lookup."""

    def check(principal: CurrentPrincipal) -> Principal:
        if principal.role not in roles:
            raise Forbidden(f"Role {principal.role!r} may not call this operation.")
        return principal

    return check


def require_service(principal: CurrentPrincipal) -> Principal:
    if not principal.is_service:
        raise Forbidden("Internal operations accept only platform services.")
    return principal


ServicePrincipal = Annotated[Principal, Depends(require_service)]


PUBLIC_PATHS = frozenset(
    {"/healthz", "/readyz", "/metrics", "/openapi.json", "/docs", "/docs/oauth2-redirect"}
)


class TrustBoundaryMiddleware(HttpMiddleware):
    """Services only: every path but the public ones needs a principal the platform signed.

    Checked before routing, so an unknown path and a known one look the same to an
    outsider (401), and no route can forget the check.
    """

    def __init__(self, app: ASGIApp, secret: str) -> None:
        super().__init__(app)
        self.secret = secret

    def applies_to(self, scope: Scope) -> bool:
        return scope["path"] not in PUBLIC_PATHS

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = next((v.decode("latin-1") for k, v in scope["headers"] if k == HEADER_BYTES), None)
        principal = verify(token, self.secret) if token else None
        if principal is None:
            refused = problem_from_error(unauthorized(UNVOUCHED)).response()
            await refused(scope, receive, send)
            return
        scope.setdefault("state", {})["principal"] = principal
        await self.app(scope, receive, send)
