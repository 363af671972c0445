"""Who is calling: a one-call token of the process that vouches for the caller (CONTRACT §2).

The gateway resolves an API key to an org and, per proxied request, mints a token with its own
Ed25519 key (:mod:`kit.credentials`) for exactly that call: audience the target service, the
method, and the path with its query as sent. A service calling another mints a ``service``
principal naming itself with *its* key. A service accepts nothing else (:class:`TrustBoundaryMiddleware`):
no token, a forged, expired or misdirected one, an org principal not signed by the gateway, or a
service principal signed by another process is a 401, so identity forged at a service port goes
nowhere and a process broken into can speak only in its own name.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.types import ASGIApp, Receive, Scope, Send

from kit.asgi import HttpMiddleware
from kit.credentials import KeyRing, Signer, Verified, Verifier
from kit.errors import Forbidden, Unauthorized
from kit.openapi_docs import mark_roles
from kit.problems import problem_from_error
from kit.settings import Settings

HEADER = "X-Finmatch-Principal"
HEADER_BYTES = HEADER.lower().encode()
# The role of a process calling another; org roles are whatever the gateway vouched for.
SERVICE_ROLE = "service"
# The only process that vouches for API callers (orgs).
GATEWAY = "gateway"
# A role is a short lower-case word (the gateway's list, or SERVICE_ROLE); anything else is refused.
_ROLE = re.compile(r"^[a-z][a-z_]{0,63}$")
# CONTRACT §2: a regulator may call every GET admin may call, and no write of any kind.
ADMIN = "admin"
REGULATOR = "regulator"
READ_METHODS = frozenset({"GET", "HEAD"})


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


def subject_of(principal: Principal) -> dict[str, str | None]:
    """The ``who`` claim of a token vouching for ``principal``."""
    return {"role": principal.role, "name": principal.name, "org": principal.org_id, "svc": principal.service}


def principal_of(verified: Verified) -> Principal | None:
    """The principal a verified token may vouch for, given who signed it; else None.

    Org principals only from the gateway; a service principal only in its signer's own name.
    """
    who: Mapping[str, Any] = verified.subject
    role, name, org, service = who.get("role"), who.get("name"), who.get("org"), who.get("svc")
    if not isinstance(role, str) or not _ROLE.match(role):
        return None
    if role == SERVICE_ROLE:
        if service != verified.issuer:
            return None
        return Principal(role=role, name=str(name or service), service=verified.issuer)
    if verified.issuer != GATEWAY or service is not None or not isinstance(org, str | None):
        return None
    return Principal(role=role, name=str(name or ""), org_id=org)


def request_target(scope: Scope) -> str:
    """The path and query of a request exactly as received (still percent-encoded)."""
    raw_path: bytes = scope.get("raw_path") or str(scope["path"]).encode()
    query: bytes = scope.get("query_string", b"")
    return raw_path.decode("latin-1") + ("?" + query.decode("latin-1") if query else "")


@dataclass(frozen=True)
class Credentials:
    """This process's signing key and the keys it trusts; either may be missing (not ready)."""

    name: str
    signer: Signer | None
    verifier: Verifier | None

    def missing(self) -> str | None:
        """Why this process cannot sign or verify, for /readyz; None when it can."""
        if self.signer is None:
            return "FINMATCH_SIGNING_KEY is not set"
        if self.verifier is None:
            return "FINMATCH_TRUSTED_KEYS is not set"
        return None

    def vouched(self, token: str | None, method: str, target: str) -> Principal | None:
        if not token or self.verifier is None:
            return None
        verified = self.verifier.verify(token, method=method, target=target)
        return principal_of(verified) if verified is not None else None


def credentials_for(name: str, settings: Settings) -> Credentials:
    """Process ``name``'s credentials; a key that does not parse stops the process (RuntimeError)."""
    try:
        signer = Signer(name, settings.signing_key) if settings.signing_key else None
    except ValueError as exc:
        raise RuntimeError(f"FINMATCH_SIGNING_KEY: {exc}") from exc
    try:
        ring = KeyRing.parse(settings.trusted_keys) if settings.trusted_keys.strip() else None
    except ValueError as exc:
        raise RuntimeError(f"FINMATCH_TRUSTED_KEYS: {exc}") from exc
    return Credentials(name, signer, Verifier(name, ring) if ring is not None else None)


UNVOUCHED = "This port accepts only requests vouched for by the platform."


def unauthorized(detail: str = "Missing or invalid credentials.") -> Unauthorized:
    return Unauthorized(detail)


def _token_of(scope: Scope) -> str | None:
    return next((v.decode("latin-1") for k, v in scope["headers"] if k == HEADER_BYTES), None)


def principal_of_request(request: Request) -> Principal:
    """The caller the platform vouches for, else 401."""
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is None:
        credentials: Credentials = request.app.state.credentials
        principal = credentials.vouched(
            _token_of(request.scope), request.method, request_target(request.scope)
        )
    if principal is None:
        raise unauthorized(UNVOUCHED)
    request.state.principal = principal
    return principal


# Dependencies are ``async def`` although they never wait: FastAPI runs a plain ``def``
# dependency in a worker thread, a thread hand-off per dependency per request (the largest
# per-request cost of a service's rating read in the profile, bench/README.md "gateway").


async def get_principal(request: Request) -> Principal:
    """FastAPI dependency: the caller the platform vouches for, else 401."""
    return principal_of_request(request)


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def role_allowed(role: str, roles: tuple[str, ...], method: str) -> bool:
    """``role`` may call an operation open to ``roles``: a regulator reads wherever admin may."""
    if role in roles:
        return True
    return role == REGULATOR and ADMIN in roles and method.upper() in READ_METHODS


def require_roles(*roles: str) -> Callable[[Request, Principal], Awaitable[Principal]]:
    """Dependency: 403 for a role that may never call, decided before any lookup."""

    async def check(request: Request, principal: CurrentPrincipal) -> Principal:
        if not role_allowed(principal.role, roles, request.method):
            raise Forbidden(f"Role {principal.role!r} may not call this operation.")
        return principal

    return mark_roles(check, roles)


def require_service(*names: str) -> Callable[[Principal], Awaitable[Principal]]:
    """Dependency for ``/internal/...``: a service principal, and one of ``names`` when given.

    ``Depends(require_service("loan_match"))``: only loan_match may call; another service is a 403.
    """

    async def check(principal: CurrentPrincipal) -> Principal:
        if not principal.is_service:
            raise Forbidden("Internal operations accept only platform services.")
        if names and principal.service not in names:
            raise Forbidden(f"Service {principal.service!r} may not call this operation.")
        return principal

    return check


ServicePrincipal = Annotated[Principal, Depends(require_service())]


PUBLIC_PATHS = frozenset(
    {"/healthz", "/readyz", "/metrics", "/openapi.json", "/docs", "/docs/oauth2-redirect"}
)


class TrustBoundaryMiddleware(HttpMiddleware):
    """Services only: every path but the public ones needs a token minted for this very call.

    Checked before routing, so an unknown path and a known one look the same to an
    outsider (401), and no route can forget the check.
    """

    def __init__(self, app: ASGIApp, credentials: Credentials) -> None:
        super().__init__(app)
        self.credentials = credentials

    def applies_to(self, scope: Scope) -> bool:
        return scope["path"] not in PUBLIC_PATHS

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        principal = self.credentials.vouched(_token_of(scope), str(scope["method"]), request_target(scope))
        if principal is None:
            refused = problem_from_error(unauthorized(UNVOUCHED)).response()
            await refused(scope, receive, send)
            return
        scope.setdefault("state", {})["principal"] = principal
        await self.app(scope, receive, send)
