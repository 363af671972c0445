"""Routing by path prefix to the services, over one pooled client (gateway.upstream) with timeouts.

The gateway strips whatever identity the caller claims and vouches for the principal it
resolved from the API key with a token minted for exactly this call (kit.principal); a
service that is down answers 503, a slow one 504, a broken connection 502: never a hang.
"""

from __future__ import annotations

import logging

import aiohttp
from fastapi import Request
from fastapi.responses import Response
from prometheus_client import Counter
from starlette.requests import ClientDisconnect

from gateway import upstream
from gateway.auth import authenticated
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


async def forward(request: Request, prefix: str, rest: str) -> Response:
    service = PREFIXES.get(prefix)
    if service is None:
        raise _no_operation()
    principal = await authenticated(request)
    request_headers = request.headers
    headers = {name: value for name in _FORWARD_REQUEST if (value := request_headers.get(name)) is not None}
    target = _target(request, rest)
    try:
        body = await request.body()
    except ClientDisconnect:
        # The client went away mid-body: nobody is left to answer, and it is not our fault.
        log.info("client disconnected before sending its whole body")
        return Response(status_code=499)
    answer = await call(request, principal, service, request.method, target, headers, body)
    response = Response(answer.body, status_code=answer.status)
    response.raw_headers.extend(answer.headers)
    return response


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
    headers[REQUEST_ID_HEADER] = current_request_id() or ""
    tracing.inject(headers)
    target = upstream.sendable(target)
    headers[principal_mod.HEADER] = _vouch(request, service, method, target, principal)
    url = upstream.target_url(request.app.state.ctx.settings.url_of(service), target)
    client: aiohttp.ClientSession = request.app.state.proxy_client
    # A read may be sent again once if the connection broke under it (a reused keep-alive
    # connection the service had just closed); a write never is.
    attempts = 2 if method in ("GET", "HEAD") else 1
    for attempt in range(attempts):
        try:
            return await upstream.send(client, method, url, headers, body)
        except aiohttp.InvalidURL as exc:
            raise _no_operation() from exc
        except TRANSPORT_ERRORS as exc:
            if attempt + 1 < attempts and failure_kind(exc) == "broken":
                continue
            raise _upstream_problem(service, exc) from exc
    raise AssertionError("unreachable: the last attempt returns or raises")


def _vouch(
    request: Request, service: str, method: str, target: str, principal: principal_mod.Principal
) -> str:
    """A token for exactly this call: ``service``, the method, and the path and query as sent."""
    signer: Signer | None = request.app.state.credentials.signer
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


def _target(request: Request, rest: str) -> str:
    """Path and query exactly as the client sent them, still percent-encoded.

    Rebuilding the URL from the decoded path made an id such as ``%19`` (a control character)
    an unsendable URL: a 500 instead of the service's 404/422. A ``.`` or ``..`` segment would
    climb out of ``/v1/<prefix>/`` upstream: no public operation has one.
    """
    if any(segment in (".", "..") for segment in rest.split("/")):
        raise _no_operation()
    raw_path: bytes = request.scope.get("raw_path") or request.url.path.encode()
    query: bytes = request.scope.get("query_string", b"")
    return raw_path.decode("latin-1") + ("?" + query.decode("latin-1") if query else "")


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
