"""The app skeleton every process shares: settings, database, middleware, problems, health."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import dataclasses
import gc
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from kit import metrics as metrics_mod
from kit import tracing
from kit.db import (
    TransactionMiddleware,
    database_unreachable,
    install_database_handlers,
    instrument_pool,
    make_engine,
    make_sessionmaker,
)
from kit.health import ReadinessCheck, database_check, health_router, peer_check
from kit.idempotency import PURGE_EVERY_S, Replay, purge_expired, replay_handler
from kit.internal import InternalClient
from kit.middleware import RequestContextMiddleware
from kit.openapi_docs import add_examples, describe_units, document_callers, list_problem_types
from kit.principal import PUBLIC_PATHS, Credentials, TrustBoundaryMiddleware, credentials_for
from kit.problems import document_problems, install_problem_handlers
from kit.settings import Settings

log = logging.getLogger("kit.app")


@dataclass
class AppContext:
    """What a process's routes and background workers share, kept on ``app.state.ctx``."""

    name: str
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    internal: InternalClient
    stopping: asyncio.Event = field(default_factory=asyncio.Event)
    metrics: metrics_mod.Metrics | None = None


# A background worker runs for the life of the process; it should return when ctx.stopping is set.
Worker = Callable[[AppContext], Awaitable[None]]
StartupHook = Callable[[AppContext], Awaitable[None]]


def build_app(
    name: str,
    settings: Settings,
    *,
    title: str,
    description: str,
    routers: Sequence[APIRouter] = (),
    workers: Sequence[Worker] = (),
    on_startup: Sequence[StartupHook] = (),
    on_shutdown: Sequence[StartupHook] = (),
    middleware: Sequence[tuple[type, dict[str, object]]] = (),
    readiness: dict[str, ReadinessCheck] | None = None,
    version: str = "1.0.0",
    trust_boundary: bool = True,
    idempotency_table: sa.Table | None = None,
    peers: Sequence[str] = (),
    **fastapi_kwargs: object,
) -> FastAPI:
    credentials = credentials_for(name, settings)
    tracing.configure(name)
    engine = make_engine(
        settings.require_database_url(),
        pool_size=settings.db_pool_size,
        application_name=f"finmatch-{name.replace('_', '-')}",
        statement_timeout_ms=settings.db_statement_timeout_ms,
    )
    sessionmaker = make_sessionmaker(engine)
    metrics = metrics_mod.Metrics(name)
    instrument_pool(engine, metrics)
    internal = InternalClient(settings, caller=name, signer=credentials.signer)
    ctx = AppContext(name, settings, engine, sessionmaker, internal, metrics=metrics)
    if idempotency_table is not None:
        workers = [*workers, _idempotency_purge(idempotency_table)]

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Everything started from here (hooks, workers) records into this app's metrics.
        metrics_mod.bind(metrics)
        metrics.start()
        _watch_peers(ctx, peers)
        _serve_metrics(ctx)
        ctx.stopping.clear()
        for hook in on_startup:
            await hook(ctx)
        _freeze_startup_heap()
        views = [_worker_view(ctx, worker) for worker in workers]
        tasks = [asyncio.create_task(_run_worker(worker, view)) for worker, view in views]
        try:
            yield
        finally:
            ctx.stopping.set()
            for _worker, view in views:
                view.stopping.set()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for hook in on_shutdown:
                await hook(ctx)
            metrics.close()
            await ctx.internal.aclose()
            await engine.dispose()

    app = FastAPI(title=title, description=description, version=version, lifespan=lifespan, **fastapi_kwargs)  # type: ignore[arg-type]
    app.state.settings = settings
    app.state.ctx = ctx
    app.state.credentials = credentials
    # What this process needs to serve, never another process (CONTRACT §1): peers are watched
    # by the finmatch_peer_up gauge instead, so one service down does not cascade.
    app.state.readiness_checks = {
        "database": database_check(engine),
        "credentials": _credentials_check(credentials),
        **(readiness or {}),
    }
    install_problem_handlers(app)
    _document_problems_in_openapi(app)
    app.add_exception_handler(Replay, replay_handler)
    install_database_handlers(app)
    app.include_router(health_router())
    for router in routers:
        app.include_router(router)
    # Added innermost first: the request context wraps the transaction.
    app.add_middleware(TransactionMiddleware, sessionmaker=sessionmaker)
    if trust_boundary:
        app.add_middleware(TrustBoundaryMiddleware, credentials=credentials)
    for middleware_class, options in middleware:
        app.add_middleware(middleware_class, **options)  # type: ignore[arg-type]
    app.add_middleware(RequestContextMiddleware, process=name, metrics=metrics)
    return app


def _freeze_startup_heap() -> None:
    """Move what startup made (modules, routes, schemas, tables: alive for the life of the
    process) out of the collector's generations, so its full collections stop rescanning it:
    garbage collection per proxied read about halved in the gateway's profile (bench/README.md
    "Profiles"). Collected first, so no garbage of startup is frozen with it."""
    gc.collect()
    gc.freeze()


def _credentials_check(credentials: Credentials) -> ReadinessCheck:
    """Not ready without a signing key or trusted keys: nothing could be vouched for."""

    async def check() -> str | None:
        return credentials.missing()

    return check


def _serve_metrics(ctx: AppContext) -> None:
    """``/metrics`` on the process's port plus FINMATCH_METRICS_OFFSET (0: not served)."""
    offset = ctx.settings.metrics_offset
    if offset and ctx.metrics is not None:
        ctx.metrics.serve(ctx.settings.host, ctx.settings.port_of(ctx.name) + offset)


def _watch_peers(ctx: AppContext, peers: Sequence[str]) -> None:
    """``finmatch_peer_up{peer}``: whether each process this one calls answers, asked on scrape."""
    checks = {peer: peer_check(ctx.internal, peer) for peer in peers}

    async def peer_states() -> metrics_mod.GaugeRows:
        names = list(checks)
        results = await asyncio.gather(*(checks[peer]() for peer in names))
        return [((peer,), 0.0 if result else 1.0) for peer, result in zip(names, results, strict=True)]

    if checks:
        metrics_mod.add_gauges(
            "finmatch_peer_up", "1 when a process this one calls answers its /healthz", ("peer",), peer_states
        )


def _document_problems_in_openapi(app: FastAPI) -> None:
    """``app.openapi()`` documents the problems every operation really answers (kit.problems),
    who may call it and an example of each body (kit.openapi_docs)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = document_callers(document_problems(generate(), PUBLIC_PATHS), app, PUBLIC_PATHS)
            app.openapi_schema = list_problem_types(add_examples(describe_units(spec)))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


class _PassWatch(asyncio.Event):
    """A worker's view of ``ctx.stopping``: waiting on it ends a pass of the worker's loop.

    Every worker pauses on ``ctx.stopping`` between passes (ARCHITECTURE.md), so reaching that
    pause means a pass completed; it counts as a success unless the pass logged a warning or an
    error. That feeds ``finmatch_worker_last_success_timestamp_seconds`` for every worker
    without a line in the worker itself.
    """

    def __init__(self, worker: str) -> None:
        super().__init__()
        self.worker = worker
        self.troubled = False

    async def wait(self) -> Literal[True]:
        if not self.troubled:
            metrics_mod.worker_succeeded(self.worker)
        self.troubled = False
        return await super().wait()


_pass_watch: contextvars.ContextVar[_PassWatch | None] = contextvars.ContextVar("pass_watch", default=None)


def _marking_factory(make: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    """Log records made inside a worker pass mark it troubled when they are warnings or worse."""

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make(*args, **kwargs)
        watch = _pass_watch.get()
        if watch is not None and record.levelno >= logging.WARNING:
            watch.troubled = True
        return record

    factory.marks_worker_passes = True  # type: ignore[attr-defined]
    return factory


def _install_trouble_marker() -> None:
    """Once per Python process: wrap the log record factory (every logger, every handler)."""
    current = logging.getLogRecordFactory()
    if not getattr(current, "marks_worker_passes", False):
        logging.setLogRecordFactory(_marking_factory(current))


def _worker_view(ctx: AppContext, worker: Worker) -> tuple[Worker, AppContext]:
    name = getattr(worker, "__name__", "worker")
    return worker, dataclasses.replace(ctx, stopping=_PassWatch(name))


async def _run_worker(worker: Worker, ctx: AppContext) -> None:
    """Keep a worker alive: log and restart after a crash, stop when the process stops."""
    if isinstance(ctx.stopping, _PassWatch):
        _pass_watch.set(ctx.stopping)
        _install_trouble_marker()
    while not ctx.stopping.is_set():
        try:
            await worker(ctx)
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            _log_crash(getattr(worker, "__name__", str(worker)), exc)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ctx.stopping.wait(), timeout=1.0)


def _log_crash(name: str, exc: Exception) -> None:
    """A database that cannot be reached is an outage the probes report, not a bug: one line a
    retry, no traceback (it would repeat every second until PostgreSQL is back)."""
    if database_unreachable(exc):
        log.warning(
            "background worker %s: database unreachable (%s); restarting in 1 s", name, type(exc).__name__
        )
    else:
        log.exception("background worker %s crashed; restarting in 1 s", name)


def _idempotency_purge(table: sa.Table) -> Worker:
    """Hourly: drop stored answers past the 24 h retention, so the table does not grow forever."""

    async def idempotency_purge(ctx: AppContext) -> None:
        while not ctx.stopping.is_set():
            async with ctx.sessionmaker.begin() as session:
                await purge_expired(session, table)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ctx.stopping.wait(), timeout=PURGE_EVERY_S)

    return idempotency_purge
