"""OpenTelemetry traces across gateway → service → service, with W3C ``traceparent``.

Off unless ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set (then spans go out over OTLP/HTTP, and the
standard ``OTEL_*`` variables configure the exporter): while off, :func:`server_span` and
:func:`inject` return at once and OpenTelemetry is not even imported, so tracing costs
nothing. Each request a process answers is one server span, a child of the caller's span when
the request carries ``traceparent``; every call to another process carries the current one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider

# The provider spans go to; None while tracing is off.
_provider: list[TracerProvider] = []


def configure(process: str) -> None:
    """Turn tracing on when an OTLP endpoint is configured (once per Python process)."""
    if _provider or not os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        return
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    name = os.environ.get("OTEL_SERVICE_NAME") or f"finmatch-{process.replace('_', '-')}"
    provider = TracerProvider(resource=Resource.create({"service.name": name}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    use_provider(provider)


def use_provider(provider: TracerProvider | None) -> None:
    """Send spans to ``provider`` (tests give one with an in-memory exporter); None turns off."""
    _provider.clear()
    if provider is not None:
        _provider.append(provider)


def enabled() -> bool:
    return bool(_provider)


@contextlib.contextmanager
def server_span(process: str, scope: MutableMapping[str, Any]) -> Iterator[None]:
    """The span of one request answered by ``process``, joined to the caller's trace."""
    if not _provider:
        yield
        return
    from opentelemetry import propagate, trace

    carrier = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
    tracer = _provider[0].get_tracer("finmatch")
    method = str(scope.get("method", ""))
    with tracer.start_as_current_span(
        f"{method} {scope.get('path', '')}",
        context=propagate.extract(carrier),
        kind=trace.SpanKind.SERVER,
        attributes={"finmatch.process": process, "http.request.method": method},
    ) as span:
        yield
        route = getattr(scope.get("route"), "path", None)
        if route:
            span.update_name(f"{method} {route}")
            span.set_attribute("http.route", str(route))


def inject(headers: MutableMapping[str, str]) -> None:
    """Add ``traceparent`` (and ``tracestate``) of the current span to an outgoing call."""
    if not _provider:
        return
    from opentelemetry import propagate

    propagate.inject(headers)
