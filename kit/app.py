"""The app skeleton every process shares: settings, database, middleware, problems, health."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from kit.db import TransactionMiddleware, install_database_handlers, make_engine, make_sessionmaker
from kit.health import ReadinessCheck, database_check, health_router, peer_check
from kit.idempotency import PURGE_EVERY_S, Replay, purge_expired, replay_handler
from kit.internal import InternalClient
from kit.middleware import RequestContextMiddleware
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
    engine = make_engine(settings.require_database_url(), pool_size=settings.db_pool_size)
    sessionmaker = make_sessionmaker(engine)
    internal = InternalClient(settings, caller=name, signer=credentials.signer)
    ctx = AppContext(name, settings, engine, sessionmaker, internal)
    if idempotency_table is not None:
        workers = [*workers, _idempotency_purge(idempotency_table)]

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        ctx.stopping.clear()
        for hook in on_startup:
            await hook(ctx)
        tasks = [asyncio.create_task(_run_worker(worker, ctx)) for worker in workers]
        try:
            yield
        finally:
            ctx.stopping.set()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for hook in on_shutdown:
                await hook(ctx)
            await ctx.internal.aclose()
            await engine.dispose()

    app = FastAPI(title=title, description=description, version=version, lifespan=lifespan, **fastapi_kwargs)  # type: ignore[arg-type]
    app.state.settings = settings
    app.state.ctx = ctx
    app.state.credentials = credentials
    app.state.readiness_checks = {
        "database": database_check(engine),
        "credentials": _credentials_check(credentials),
        **{peer: peer_check(ctx.internal, peer) for peer in peers},
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
    app.add_middleware(RequestContextMiddleware, process=name)
    return app


def _credentials_check(credentials: Credentials) -> ReadinessCheck:
    """Not ready without a signing key or trusted keys: nothing could be vouched for."""

    async def check() -> str | None:
        return credentials.missing()

    return check


def _document_problems_in_openapi(app: FastAPI) -> None:
    """``app.openapi()`` documents the problems every operation really answers (kit.problems)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_problems(generate(), PUBLIC_PATHS)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


async def _run_worker(worker: Worker, ctx: AppContext) -> None:
    """Keep a worker alive: log and restart after a crash, stop when the process stops."""
    while not ctx.stopping.is_set():
        try:
            await worker(ctx)
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception(
                "background worker %s crashed; restarting in 1 s", getattr(worker, "__name__", worker)
            )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ctx.stopping.wait(), timeout=1.0)


def _idempotency_purge(table: sa.Table) -> Worker:
    """Hourly: drop stored answers past the 24 h retention, so the table does not grow forever."""

    async def idempotency_purge(ctx: AppContext) -> None:
        while not ctx.stopping.is_set():
            async with ctx.sessionmaker.begin() as session:
                await purge_expired(session, table)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ctx.stopping.wait(), timeout=PURGE_EVERY_S)

    return idempotency_purge
