"""Routing by path prefix to the services, over one pooled client (gateway.upstream) with timeouts.

The gateway strips whatever identity the caller claims and vouches for the principal it
resolved from the API key with a token minted for exactly this call (kit.principal); a
service that is down answers 503, a slow one 504, a broken connection 502: never a hang.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from fastapi import Request
from fastapi.responses import Response
from prometheus_client import Counter
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import ClientDisconnect
from starlette.types import Scope

from gateway import upstream
from gateway.auth import KeyStore, authenticated, authenticated_by
from gateway.limitsync import Limits
from gateway.settings import GatewaySettings
from kit import metrics, tracing
from kit import principal as principal_mod
from kit.credentials import Signer
from kit.http import TRANSPORT_ERRORS, failure_kind
from kit.problems import Problem
from kit.requestid import HEADER as REQUEST_ID_HEADER
from kit.requestid import current_request_id

log = logging.getLogger("gateway.proxy")

PREFIXES = {"credit": "credit_push", "guarantee": "guarantee", "match": "loan_match"}
UPSTREAM_ERRORS = Counter(
    "finmatch_gateway_upstream_errors_total", "Failed upstream calls", ["service", "kind"]
)

# Request headers a client may pass on; everything else (Authorization, forged principals,
# hop-by-hop headers) stops here.
_FORWARD_REQUEST = (
    "content-type",
    "accept",
    "accept-language",
    "if-none-match",
    "if-match",
    "idempotency-key",
    "user-agent",
)
_FORWARD_KEYS = tuple((name, name.encode("latin-1")) for name in _FORWARD_REQUEST)
_FORWARDED = frozenset(key for _, key in _FORWARD_KEYS)


@dataclass
class Gate:
    """What every proxied call uses, bound once per gateway app (``app.state.gate``) instead of
    looked up on ``app.state`` per request: ``engine`` and ``signer`` once the app is built,
    ``client`` once it has started."""

    settings: GatewaySettings
    keys: KeyStore
    limits: Limits
    engine: AsyncEngine | None = None
    signer: Signer | None = None
    client: upstream.Client | None = None
    _bases: dict[str, str] = field(default_factory=dict)

    def base_of(self, service: str) -> str:
        base = self._bases.get(service)
        if base is None:
            base = self._bases[service] = self.settings.url_of(service)
        return base

    async def caller(self, authorization: str | None, client_host: str) -> principal_mod.Principal:
        assert self.engine is not None, "the gateway binds its engine when the app is built"
        return await authenticated_by(
            self.settings, self.keys, self.limits, self.engine, authorization, client_host
        )


def pick_headers(raw: Iterable[tuple[bytes, bytes]]) -> tuple[str | None, dict[str, str]]:
    """The Authorization header and the headers passed on (each its first value, in
    :data:`_FORWARD_REQUEST` order), in one pass over a request's raw headers."""
    authorization: bytes | None = None
    found: dict[bytes, bytes] = {}
    for name, value in raw:
        if name in _FORWARDED:
            found.setdefault(name, value)
        elif name == b"authorization" and authorization is None:
            authorization = value
    headers = {name: found[key].decode("latin-1") for name, key in _FORWARD_KEYS if key in found}
    return (None if authorization is None else authorization.decode("latin-1")), headers


async def forward(request: Request, prefix: str, rest: str) -> Response:
    service = PREFIXES.get(prefix)
    if service is None:
        raise _no_operation()
    principal = await authenticated(request)
    _, headers = pick_headers(request.scope["headers"])
    target = target_of(request.scope, rest)
    try:
        body = await request.body()
    except ClientDisconnect:
        return disconnected()
    answer = await call(request, principal, service, request.method, target, headers, body)
    response = Response(answer.body, status_code=answer.status)
    response.raw_headers.extend(answer.headers)
    return response


def disconnected() -> Response:
    """The client went away mid-body: nobody is left to answer, and it is not our fault."""
    log.info("client disconnected before sending its whole body")
    return Response(status_code=499)


async def call(
    request: Request,
    principal: principal_mod.Principal,
    service: str,
    method: str,
    target: str,
    headers: dict[str, str],
    body: bytes = b"",
) -> upstream.Answer:
    """One call to ``service`` on behalf of ``principal``, within ``request``: ``headers`` gain the
    request id, the trace and a token minted for exactly this call. Also how the console's charts
    read the statistics as their caller (gateway.console.charts)."""
    gate: Gate = request.app.state.gate
    return await call_as(gate, principal, service, method, target, headers, body)


async def call_as(
    gate: Gate,
    principal: principal_mod.Principal,
    service: str,
    method: str,
    target: str,
    headers: dict[str, str],
    body: bytes = b"",
) -> upstream.Answer:
    """:func:`call` with the gateway's parts at hand (the fast path has no Request)."""
    headers[REQUEST_ID_HEADER] = current_request_id() or ""
    tracing.inject(headers)
    target = upstream.sendable(target)
    headers[principal_mod.HEADER] = _vouch(gate.signer, service, method, target, principal)
    base = gate.base_of(service)
    client = gate.client
    assert client is not None, "the gateway opens its client when it starts"
    # A read may be sent again once if the connection broke under it (a reused keep-alive
    # connection the service had just closed); a write never is.
    attempts = 2 if method in ("GET", "HEAD") else 1
    for attempt in range(attempts):
        try:
            return await upstream.send(client, method, base, target, headers, body)
        except upstream.InvalidTarget as exc:
            raise _no_operation() from exc
        except TRANSPORT_ERRORS as exc:
            if attempt + 1 < attempts and failure_kind(exc) == "broken":
                continue
            raise _upstream_problem(service, exc) from exc
    raise AssertionError("unreachable: the last attempt returns or raises")


def _vouch(
    signer: Signer | None, service: str, method: str, target: str, principal: principal_mod.Principal
) -> str:
    """A token for exactly this call: ``service``, the method, and the path and query as sent."""
    if signer is None:
        raise Problem(
            503,
            "service-unavailable",
            "The gateway has no signing key (FINMATCH_SIGNING_KEY); it cannot vouch for callers.",
            title="Service unavailable",
            headers={"Retry-After": "5"},
        )
    subject = principal_mod.subject_of(principal)
    return signer.mint(audience=service, method=method, target=target, subject=subject)


def _no_operation() -> Problem:
    return Problem(404, "not-found", "No operation at this path.")


def target_of(scope: Scope, rest: str) -> str:
    """Path and query exactly as the client sent them, still percent-encoded.

    Rebuilding the URL from the decoded path made an id such as ``%19`` (a control character)
    an unsendable URL: a 500 instead of the service's 404/422. A ``.`` or ``..`` segment would
    climb out of ``/v1/<prefix>/`` upstream: no public operation has one.
    """
    if "." in rest and any(segment in (".", "..") for segment in rest.split("/")):
        raise _no_operation()
    raw_path: bytes = scope.get("raw_path") or _escaped(str(scope["path"])).encode()
    query: bytes = scope.get("query_string", b"")
    return raw_path.decode("latin-1") + ("?" + query.decode("latin-1") if query else "")


def _escaped(path: str) -> str:
    """A decoded path as Starlette's ``request.url.path`` gives it (no raw path from the server)."""
    return path.replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")


def _upstream_problem(service: str, exc: BaseException) -> Problem:
    kind = failure_kind(exc)
    UPSTREAM_ERRORS.labels(service, kind).inc()
    metrics.dependency_error(service, kind)
    log.warning("upstream %s failed (%s): %r", service, kind, exc, extra={"upstream": service})
    if kind == "timeout":
        return Problem(
            504, "upstream-timeout", f"The {service} service did not answer in time.", title="Gateway timeout"
        )
    if kind == "unavailable":
        return Problem(
            503,
            "service-unavailable",
            f"The {service} service is not reachable.",
            title="Service unavailable",
            headers={"Retry-After": "5"},
        )
    return Problem(502, "bad-gateway", f"The {service} service broke off its answer.", title="Bad gateway")
