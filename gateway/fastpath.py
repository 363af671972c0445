"""Proxied calls answered in one raw ASGI function, past FastAPI's router and Starlette's objects.

Every public call to a service passes here. Through FastAPI it went past the routes of the
gateway's own operations (matched one by one), the dependency solver, the exception and
telemetry middleware and a database session it never uses; then through the body limit's
middleware and Starlette's Request and Response (bench/README.md, "Profiles: gateway"). Here the
request's headers are read in one pass, the body limit is applied as the body is read, and the
answer's two ASGI messages are built directly. The answer is the same (tests/gateway/
test_proxy_fastpath.py sends each request to a gateway with and one without this path): the
same checks in the same order, problems rendered by kit.problems as the exception handlers
would, and the route recorded as ``/v1/{prefix}/{rest:path}`` for metrics and logs.
"""

from __future__ import annotations

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway import proxy, upstream
from gateway.bodylimit import BodyTooLarge, declared_too_large, read_body, too_large
from kit.db import DATABASE_ERRORS, on_database_error
from kit.errors import DomainError
from kit.problems import Problem, problem_from_error

METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
PREFIXES = tuple(f"/v1/{prefix}/" for prefix in proxy.PREFIXES)


class ProxyFastPath:
    """Outside the gateway's body-limit middleware (it applies the limit itself), inside the
    request context (request id, access line, metrics)."""

    def __init__(
        self, app: ASGIApp, gate: proxy.Gate, max_bytes: int, route: BaseRoute | None = None
    ) -> None:
        self.app = app
        self.gate = gate
        self.max_bytes = max_bytes
        self.route = route

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in METHODS
            or not scope["path"].startswith(PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        if self.route is not None:
            scope["route"] = self.route
        try:
            answer = await self._answer(scope, receive)
        except BodyTooLarge:
            answer = too_large(self.max_bytes).response()
        except Problem as problem:
            answer = problem.response()
        except DomainError as error:
            answer = problem_from_error(error).response()
        except DATABASE_ERRORS as error:
            # The key lookup or its last-used mark met a database that went away: a 503 with
            # Retry-After, as the exception handlers answer past FastAPI (a bug still raises).
            answer = await on_database_error(Request(scope, receive), error)
        if isinstance(answer, Response):
            await answer(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": answer.status, "headers": _headers_of(answer)})
        await send({"type": "http.response.body", "body": answer.body})

    async def _answer(self, scope: Scope, receive: Receive) -> upstream.Answer | Response:
        """proxy.forward's steps, in its order, on the raw request."""
        raw_headers = scope["headers"]
        declared = next((v for k, v in raw_headers if k == b"content-length"), None)
        if declared_too_large(declared, self.max_bytes):
            raise BodyTooLarge
        _, _, prefix, rest = scope["path"].split("/", 3)
        service = proxy.PREFIXES[prefix]
        authorization, headers = proxy.pick_headers(raw_headers)
        client = scope.get("client")
        principal = await self.gate.caller(authorization, client[0] if client else "unknown")
        target = proxy.target_of(scope, rest)
        try:
            body = await read_body(receive, self.max_bytes)
        except ClientDisconnect:
            return proxy.disconnected()
        method: str = scope["method"]
        return await proxy.call_as(self.gate, principal, service, method, target, headers, body)


def _headers_of(answer: upstream.Answer) -> list[tuple[bytes, bytes]]:
    """Starlette's ``Response(body, status)`` headers (Content-Length unless the status has no
    body), then the service's."""
    status = answer.status
    if status < 200 or status in (204, 304):
        return list(answer.headers)
    return [(b"content-length", str(len(answer.body)).encode("latin-1")), *answer.headers]
