"""The outermost middleware of every process: request id, access log, metrics, last-resort 500."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kit import i18n, tracing
from kit import metrics as metrics_mod
from kit.asgi import HttpMiddleware
from kit.logs import bind_request_state, unbind_request_state
from kit.problems import internal_error
from kit.requestid import _request_id, accept_or_generate

log = logging.getLogger("kit.access")

# Probes and scrapes arrive every few seconds: logged at DEBUG, so INFO shows real traffic.
ROUTINE_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def is_routine(method: str, path: str, status: int) -> bool:
    """Probes, and successful reads between processes (credit_push polling the gateway's org
    directory every second, loan_match's internal reads): noise at INFO."""
    if path in ROUTINE_PATHS:
        return True
    return method == "GET" and path.startswith("/internal/") and status < 400


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
    def __init__(self, app: ASGIApp, process: str, metrics: metrics_mod.Metrics | None = None) -> None:
        super().__init__(app)
        self.process = process
        self.metrics = metrics

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        request_id = accept_or_generate(_header(scope, b"x-request-id"))
        token = _request_id.set(request_id)
        language = i18n.use_language(_header(scope, b"accept-language"))
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        state_token = bind_request_state(state)
        metrics_token = metrics_mod.bind(self.metrics) if self.metrics is not None else None
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
            with tracing.server_span(self.process, scope):
                await self.app(inner, receive, send_with_id)
        except Exception:
            log.exception("unexpected error")
            if not response_started:
                for message in internal_error().asgi_messages():
                    await send_with_id(message)
        finally:
            self._record(scope, _route_of(inner), status, time.perf_counter() - started)
            if metrics_token is not None:
                metrics_mod.unbind(metrics_token)
            unbind_request_state(state_token)
            _request_id.reset(token)
            i18n.reset_language(language)

    def _record(self, scope: Scope, route: str, status: int, elapsed: float) -> None:
        """Metrics and the access log line of one answered request."""
        method = scope.get("method", "")
        metrics_mod.http_request(_method_label(method), route, status, elapsed)
        path = scope.get("path", "")
        level = logging.DEBUG if is_routine(method, path, status) else logging.INFO
        log.log(
            level,
            "%s %s %s",
            method,
            path,
            status,
            extra={
                "method": method,
                "path": path,
                "route": route,
                "status": status,
                "duration_ms": round(elapsed * 1000, 1),
            },
        )
