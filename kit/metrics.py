"""Prometheus metrics of one process: the metrics contract in docs/operations.md.

Each app owns a :class:`Metrics` with a registry of its own, served on the process's metrics
port (public port + ``FINMATCH_METRICS_OFFSET``; 0 turns it off), never on the public port.
Several apps may share one Python process (the in-process test stack), so the recording
functions below find the metrics of the app they run in through a context variable that kit
sets for every request and every background worker. Outside any app they record nothing.

Functions other code calls (one line each, no registry to pass around):

- :func:`worker_succeeded` (worker): a background loop completed a pass without error
- :func:`limit_refused` (kind): a platform limit refused a request
- :func:`dependency_error` (target, kind): a call to another process failed
- :func:`add_gauges` (name, ...): gauges computed by an async query on scrape
- :func:`own` (factory): a process's own metrics (credit_push's webhook attempts), on its registry
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import os
import subprocess
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any, TypeVar
from wsgiref.simple_server import WSGIServer

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

log = logging.getLogger("kit.metrics")

# How long a scrape waits for a database-computed gauge before it answers without it.
SCRAPE_QUERY_TIMEOUT_S = 2.0

# (label values, value) pairs answered by an async query on scrape.
Owned = TypeVar("Owned")
GaugeRows = list[tuple[tuple[str, ...], float]]
GaugeQuery = Callable[[], Coroutine[Any, Any, GaugeRows]]


@dataclass
class _QueryGauge:
    name: str
    documentation: str
    labels: tuple[str, ...]
    query: GaugeQuery


class _QueryCollector(Collector):
    """Gauges answered on scrape by queries run on the app's event loop, each with a timeout.

    The scrape runs in the metrics server's thread; a slow or failed query leaves its gauges
    out of that scrape (and is logged) instead of holding the scrape or the app.
    """

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self.gauges: dict[str, _QueryGauge] = {}

    def collect(self) -> Iterator[Metric]:
        for gauge in list(self.gauges.values()):
            rows = self._run(gauge)
            if rows is None:
                continue
            family = GaugeMetricFamily(gauge.name, gauge.documentation, labels=list(gauge.labels))
            for values, value in rows:
                family.add_metric(list(values), value)
            yield family

    def _run(self, gauge: _QueryGauge) -> GaugeRows | None:
        if self.loop is None or self.loop.is_closed():
            return None
        future = asyncio.run_coroutine_threadsafe(gauge.query(), self.loop)
        try:
            return future.result(timeout=SCRAPE_QUERY_TIMEOUT_S)
        except Exception as exc:  # a scrape never fails because one gauge could not be computed
            future.cancel()
            log.warning("metrics: %s not computed (%s)", gauge.name, type(exc).__name__)
            return None


@dataclass
class Metrics:
    """The registry of one app and every metric of the contract on it."""

    process: str
    registry: CollectorRegistry = field(default_factory=lambda: CollectorRegistry(auto_describe=True))
    server: WSGIServer | None = None
    # A process's own metric sets, built once per registry by their factory (see own()).
    owned: dict[Callable[[CollectorRegistry], Any], Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        r = self.registry
        self.http = Histogram(
            "finmatch_http_request_duration_seconds",
            "Time from request to response",
            ["method", "route", "status"],
            registry=r,
        )
        self.worker_success = Gauge(
            "finmatch_worker_last_success_timestamp_seconds",
            "Unix time at which the loop last completed without error",
            ["worker"],
            registry=r,
        )
        self.pool_in_use = Gauge("finmatch_db_pool_in_use", "Connections checked out", registry=r)
        self.pool_max = Gauge("finmatch_db_pool_max", "Most connections the pool opens", registry=r)
        self.pool_timeouts = Counter(
            "finmatch_db_pool_wait_timeouts",
            "Requests that waited the whole pool timeout for a connection and got none",
            registry=r,
        )
        self.limit_refusals = Counter(
            "finmatch_limit_refusals", "Requests refused by a platform limit", ["kind"], registry=r
        )
        self.dependency_errors = Counter(
            "finmatch_dependency_errors",
            "Calls to another process that failed",
            ["target", "kind"],
            registry=r,
        )
        build = Gauge(
            "finmatch_build_info", "Version and commit of this build", ["version", "commit"], registry=r
        )
        build.labels(version(), git_commit()).set(1)
        self.queries = _QueryCollector()
        # Tasks alive on the app's loop: a leak (a task per request never ending) shows as growth.
        self.queries.gauges["finmatch_asyncio_tasks"] = _QueryGauge(
            "finmatch_asyncio_tasks", "Asyncio tasks alive on the process's event loop", (), _task_count
        )
        r.register(self.queries)

    def own(self, factory: Callable[[CollectorRegistry], Owned]) -> Owned:
        """The metrics ``factory`` declares, on this app's registry (declared the first time)."""
        if factory not in self.owned:
            self.owned[factory] = factory(self.registry)
        found: Owned = self.owned[factory]
        return found

    def start(self) -> None:
        """Query gauges run on the running loop (the app's) from now on."""
        self.queries.loop = asyncio.get_running_loop()

    def serve(self, host: str, port: int) -> None:
        """Start the metrics server, a thread of its own answering ``/metrics``."""
        self.server, _ = start_http_server(port, addr=host, registry=self.registry)
        log.debug("metrics on http://%s:%d/metrics", host, port)

    def close(self) -> None:
        self.queries.loop = None
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


async def _task_count() -> GaugeRows:
    return [((), float(len(asyncio.all_tasks())))]


_current: contextvars.ContextVar[Metrics | None] = contextvars.ContextVar("finmatch_metrics", default=None)


def bind(metrics: Metrics) -> contextvars.Token[Metrics | None]:
    """Record into ``metrics`` from this context on (kit calls this per request and worker)."""
    return _current.set(metrics)


def unbind(token: contextvars.Token[Metrics | None]) -> None:
    _current.reset(token)


def current() -> Metrics | None:
    return _current.get()


def http_request(method: str, route: str, status: int, seconds: float) -> None:
    if (m := _current.get()) is not None:
        m.http.labels(method, route, str(status)).observe(seconds)


def own(factory: Callable[[CollectorRegistry], Owned]) -> Owned | None:
    """The current app's metrics of ``factory`` (None outside any app): how a process records
    metrics of its own domain, which kit does not know."""
    m = _current.get()
    return None if m is None else m.own(factory)


def worker_succeeded(worker: str) -> None:
    """A background loop completed a pass without error (WorkerStalled watches this)."""
    if (m := _current.get()) is not None:
        m.worker_success.labels(worker).set(time.time())


def limit_refused(kind: str) -> None:
    """``rate_limit``, ``auth_failures`` or ``body_too_large``: a request refused by a limit."""
    if (m := _current.get()) is not None:
        m.limit_refusals.labels(kind).inc()


def dependency_error(target: str, kind: str) -> None:
    """A call to process ``target`` failed: ``timeout``, ``unavailable``, ``broken`` or ``5xx``."""
    if (m := _current.get()) is not None:
        m.dependency_errors.labels(target, kind).inc()


def pool_wait_timed_out() -> None:
    if (m := _current.get()) is not None:
        m.pool_timeouts.inc()


def add_gauges(name: str, documentation: str, labels: tuple[str, ...], query: GaugeQuery) -> None:
    """Gauges ``name`` computed by ``query`` on each scrape (replaces an earlier one of that name)."""
    if (m := _current.get()) is not None:
        m.queries.gauges[name] = _QueryGauge(name, documentation, labels, query)


def version() -> str:
    try:
        return metadata.version("finmatch")
    except metadata.PackageNotFoundError:
        return "unknown"


_commit_lock = threading.Lock()
_commit: list[str] = []


def git_commit() -> str:
    """``FINMATCH_GIT_COMMIT`` (set by the image build), else the checkout's HEAD, else unknown."""
    with _commit_lock:
        if not _commit:
            _commit.append(os.environ.get("FINMATCH_GIT_COMMIT") or _head_of_checkout() or "unknown")
        return _commit[0]


def _head_of_checkout() -> str | None:
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        result = subprocess.run(  # noqa: S603 (a fixed git command on our own checkout)
            ["git", "-C", here, "rev-parse", "--short=12", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            timeout=2,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None
