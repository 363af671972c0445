"""The outermost middleware of every process: request id, access log, metrics, last-resort 500."""

from __future__ import annotations

import logging
import time
from typing import Any

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


def _id_and_language(scope: Scope) -> tuple[str | None, str | None]:
    """The first X-Request-ID and Accept-Language of a request, in one pass over its headers."""
    request_id: bytes | None = None
    language: bytes | None = None
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            if request_id is None:
                request_id = value
        elif name == b"accept-language" and language is None:
            language = value
    return (
        None if request_id is None else request_id.decode("latin-1"),
        None if language is None else language.decode("latin-1"),
    )


_REQUEST_ID = b"x-request-id"


class RequestContextMiddleware(HttpMiddleware):
    def __init__(self, app: ASGIApp, process: str, metrics: metrics_mod.Metrics | None = None) -> None:
        super().__init__(app)
        self.process = process
        self.metrics = metrics
        # The duration histogram's child per (method, route, status): labels() validates and
        # locks on every call; the set is small and fixed (metric labels are bounded).
        self._durations: dict[tuple[str, str, int], Any] = {}

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        given_id, accept_language = _id_and_language(scope)
        request_id = accept_or_generate(given_id)
        token = _request_id.set(request_id)
        language = i18n.use_language(accept_language)
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
        id_header = (_REQUEST_ID, request_id.encode("latin-1"))

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            kind = message["type"]
            if kind == "http.response.start":
                status = int(message["status"])
                response_started = True
                headers = [item for item in message.get("headers", ()) if item[0].lower() != _REQUEST_ID]
                headers.append(id_header)
                message["headers"] = headers
            elif head and kind == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        try:
            if tracing.enabled():
                with tracing.server_span(self.process, scope):
                    await self.app(inner, receive, send_with_id)
            else:  # no span to open: not even the context manager's generator
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
        self._observe(_method_label(method), route, status, elapsed)
        path = scope.get("path", "")
        level = logging.DEBUG if is_routine(method, path, status) else logging.INFO
        if not log.isEnabledFor(level):
            return
        extra = {
            "method": method,
            "path": path,
            "route": route,
            "status": status,
            "duration_ms": round(elapsed * 1000, 1),
        }
        # log.log() would first walk the stack for the caller's file and line (findCaller),
        # which no formatter here writes; the record is otherwise the one log.log() makes.
        record = log.makeRecord(
            log.name, level, __file__, 0, "%s %s %s", (method, path, status), None, "_record", extra
        )
        log.handle(record)

    def _observe(self, method: str, route: str, status: int, elapsed: float) -> None:
        if self.metrics is None:  # then into whatever metrics the context has (kit.metrics)
            metrics_mod.http_request(method, route, status, elapsed)
            return
        key = (method, route, status)
        child = self._durations.get(key)
        if child is None:
            child = self._durations[key] = self.metrics.http.labels(method, route, str(status))
        child.observe(elapsed)
