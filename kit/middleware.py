"""The outermost middleware of every process: request id, access log, metrics, last-resort 500."""

from __future__ import annotations

import logging
import time

from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kit import i18n
from kit.asgi import HttpMiddleware
from kit.problems import internal_error
from kit.requestid import _request_id, accept_or_generate

log = logging.getLogger("kit.access")

REQUESTS = Counter(
    "finmatch_http_requests_total", "HTTP requests answered", ["process", "method", "route", "status"]
)
LATENCY = Histogram(
    "finmatch_http_request_duration_seconds", "Time to answer an HTTP request", ["process", "method", "route"]
)


# Metric labels stay a fixed set: a client may send any token as its method.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def _method_label(method: str) -> str:
    return method if method in _METHODS else "other"


def _route_of(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return str(path) if path else "unmatched"


def _header(scope: Scope, name: bytes) -> str | None:
    return next((v.decode("latin-1") for k, v in scope["headers"] if k == name), None)


class RequestContextMiddleware(HttpMiddleware):
    def __init__(self, app: ASGIApp, process: str) -> None:
        super().__init__(app)
        self.process = process

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request_id = accept_or_generate(_header(scope, b"x-request-id"))
        token = _request_id.set(request_id)
        language = i18n.use_language(_header(scope, b"accept-language"))
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500
        response_started = False
        # HEAD is GET without the body (RFC 9110 §9.3.2): every GET operation answers it, with the
        # headers (Content-Length, ETag) GET would give. The server keeps its own scope saying HEAD.
        head = scope.get("method") == "HEAD"
        inner = {**scope, "method": "GET"} if head else scope

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = int(message["status"])
                response_started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                message["headers"] = headers
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        try:
            await self.app(inner, receive, send_with_id)
        except Exception:
            log.exception("unexpected error")
            if not response_started:
                for message in internal_error().asgi_messages():
                    await send_with_id(message)
        finally:
            self._record(scope, _route_of(inner), status, time.perf_counter() - started)
            _request_id.reset(token)
            i18n.reset_language(language)

    def _record(self, scope: Scope, route: str, status: int, elapsed: float) -> None:
        """Metrics and the access log line of one answered request."""
        method = scope.get("method", "")
        label = _method_label(method)
        REQUESTS.labels(self.process, label, route, str(status)).inc()
        LATENCY.labels(self.process, label, route).observe(elapsed)
        path = scope.get("path", "")
        log.info(
            "%s %s %s",
            method,
            path,
            status,
            extra={"method": method, "path": path, "status": status, "duration_ms": round(elapsed * 1000, 1)},
        )
