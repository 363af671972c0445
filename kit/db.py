"""Database engine and the one-transaction-per-request rule.

Every HTTP request gets one ``AsyncSession``. :class:`TransactionMiddleware` holds the
response back until the transaction is settled: a 2xx/3xx answer is committed *before*
its first byte is sent (so a client never sees a success that was not stored), anything
else is rolled back, so a refused request changes nothing.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import event as sa_event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as SATimeoutError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kit.asgi import HttpMiddleware
from kit.metrics import Metrics, pool_wait_timed_out
from kit.problems import Problem, internal_error

log = logging.getLogger("kit.db")

# Called inside the request transaction, just before commit, with (session, status, body).
BeforeCommit = Callable[[AsyncSession, int, bytes], Awaitable[None]]


def _chain(exc: BaseException, *, contexts: bool = False) -> Iterator[BaseException]:
    """``exc`` and what it wraps: a DBAPIError's ``.orig`` (the adapted error), then ``__cause__``
    (asyncpg's own), and with ``contexts`` the exception being handled when it was raised."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        current = (
            (orig if isinstance(orig, BaseException) else None)
            or current.__cause__
            or (current.__context__ if contexts else None)
        )


def _has_sqlstate(exc: BaseException, codes: frozenset[str]) -> bool:
    return any(getattr(seen, "sqlstate", None) in codes for seen in _chain(exc))


# PostgreSQL text cannot hold U+0000 (SQLSTATE 22021 "invalid byte sequence for encoding UTF8:
# 0x00"); JSON and pydantic accept it. Such input is the client's error, not the platform's.
_UNSTORABLE_TEXT = frozenset({"22021", "22P05"})
INVALID_TEXT_DETAIL = "A text value contains a character that cannot be stored (U+0000, NUL)."

# Deadlock, serialization failure, lock not available: transient, the whole transaction was rolled
# back, and the same request will most likely succeed when sent again. Not the platform's bug.
_TRANSIENT = frozenset({"40P01", "40001", "55P03"})


def is_unstorable_text(exc: BaseException) -> bool:
    return _has_sqlstate(exc, _UNSTORABLE_TEXT)


def is_transient_conflict(exc: BaseException) -> bool:
    return _has_sqlstate(exc, _TRANSIENT)


def database_unreachable(exc: BaseException) -> bool:
    """True when the database could not be reached or gave no connection (down, full, restarting)."""
    if isinstance(exc, SATimeoutError):  # the connection pool stayed empty
        return True
    return any(
        isinstance(seen, _UNREACHABLE)
        or (isinstance(seen, DBAPIError) and seen.connection_invalidated)
        or _closed_under_the_driver(seen)
        for seen in _chain(exc, contexts=True)
    )


def _closed_under_the_driver(exc: BaseException) -> bool:
    """asyncpg's own "connection is closed" (a raw-connection call after the server went away);
    SQLAlchemy's asyncpg dialect reads the same message as a disconnect. Other InterfaceErrors
    are misuse, a bug, and stay 500s.

    Also asyncpg's "cannot switch to state N; another operation (M) is in progress": a raw-
    connection call (credit_push's COPY) on a connection whose last operation the server cut off
    by terminating it (seen in tests/faults' PostgreSQL restart). It is logged as a warning."""
    if isinstance(exc, asyncpg.InternalClientError):
        return "another operation" in str(exc) and "in progress" in str(exc)
    return isinstance(exc, asyncpg.InterfaceError) and "connection is closed" in str(exc)


# Raised by asyncpg itself, unwrapped, when a driver-level call (COPY through the raw connection)
# meets a server that went away: SQLSTATE class 08 (connection exception), and 57P01/57P02
# (terminated by an administrator's or a crash's shutdown) and 57P03 (starting up).
_UNREACHABLE = (
    OSError,
    asyncpg.TooManyConnectionsError,
    asyncpg.CannotConnectNowError,
    asyncpg.PostgresConnectionError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
)


def invalid_text() -> Problem:
    return Problem(422, "invalid-text", INVALID_TEXT_DETAIL, title="Request is not valid")


def _database_conflict() -> Problem:
    return Problem(
        503,
        "database-conflict",
        "The change met a concurrent one and was rolled back; nothing was changed. Retry it.",
        title="Service unavailable",
        headers={"Retry-After": "1"},
    )


def _database_unavailable() -> Problem:
    return Problem(
        503,
        "database-unavailable",
        "The database is not answering or has no free connection; nothing was changed. Retry shortly.",
        title="Service unavailable",
        headers={"Retry-After": "2"},
    )


async def on_database_error(_: Request, exc: Exception) -> JSONResponse:
    """422 for text PostgreSQL refuses to store, 503 when the database cannot be reached or a
    concurrent change forced a rollback (deadlock); any other database error is a bug and stays
    a logged 500."""
    if isinstance(exc, DBAPIError) and is_unstorable_text(exc):
        return invalid_text().response()
    if isinstance(exc, DBAPIError) and is_transient_conflict(exc):
        log.warning("transient database conflict: %r", exc)
        return _database_conflict().response()
    if isinstance(exc, SATimeoutError):
        pool_wait_timed_out()
    if database_unreachable(exc):
        log.warning("database unavailable: %r", exc)
        return _database_unavailable().response()
    raise exc


# What on_database_error answers. Connection failures may also surface unwrapped (asyncpg
# raises them while the pool connects).
DATABASE_ERRORS: tuple[type[Exception], ...] = (
    DBAPIError,
    SATimeoutError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    *_UNREACHABLE,
)


def install_database_handlers(app: FastAPI) -> None:
    for error in DATABASE_ERRORS:
        app.add_exception_handler(error, on_database_error)


def server_settings(application_name: str, statement_timeout_ms: int) -> dict[str, str]:
    """Session settings every connection starts with (asyncpg ``server_settings``).

    ``application_name`` names the process in ``pg_stat_activity`` and the server log; the
    statement timeout makes PostgreSQL cancel a runaway statement (0 = none), so one slow query
    cannot hold a pooled connection, and the request behind it, indefinitely.

    ``jit`` is off: every statement here is a request's or a batch's, and PostgreSQL compiles
    one with LLVM once its estimated cost passes ``jit_above_cost``, which the dispatcher's
    routing statement does as a bank's feed grows. The compilation took 50-75 ms of each
    150-260 ms routing pass (auto_explain; bench/README.md, "JIT"), more than it can
    save on a statement that reads a few thousand rows (PostgreSQL docs, JIT, "When to JIT?").
    """
    return {
        "application_name": application_name,
        "statement_timeout": str(statement_timeout_ms),
        "jit": "off",
    }


def make_engine(
    url: str,
    *,
    pool_size: int = 10,
    application_name: str = "finmatch",
    statement_timeout_ms: int = 10_000,
) -> AsyncEngine:
    if not url.startswith("postgresql+asyncpg://"):
        raise RuntimeError("FINMATCH_DATABASE_URL must be a postgresql+asyncpg:// URL")
    return create_async_engine(
        url,
        # The pool keeps every connection it opens (up to 2 x pool_size, the cap operators size
        # max_connections by): with overflow, each check-in beyond pool_size closed a connection
        # that the next burst opened again, a TCP and authentication handshake per request under
        # load. No pre-ping (a round trip on every check-out): a connection that died with a
        # PostgreSQL restart fails its first statement, which is a 503 (on_database_error), and
        # SQLAlchemy then drops every connection opened before the failure.
        pool_size=2 * pool_size,
        max_overflow=0,
        # SQL parameters never reach a log or an error message: they carry webhook secrets and
        # key hashes, and tax figures.
        hide_parameters=True,
        # Fail fast into a 503 (kit.problems) instead of holding the caller: asyncpg would wait
        # 60 s for a connection, SQLAlchemy 30 s for a free pooled one.
        pool_timeout=10,
        connect_args={
            "timeout": 5,
            "server_settings": server_settings(application_name, statement_timeout_ms),
        },
    )


def instrument_pool(engine: AsyncEngine, metrics: Metrics) -> None:
    """``finmatch_db_pool_in_use`` follows every check-out and check-in (SQLAlchemy pool events)."""
    pool = engine.sync_engine.pool
    size = getattr(pool, "size", None)
    overflow = getattr(pool, "_max_overflow", 0)
    if callable(size):
        metrics.pool_max.set(size() + max(overflow, 0))

    def in_use(*_: object) -> None:
        checked_out = getattr(pool, "checkedout", None)
        if callable(checked_out):
            metrics.pool_in_use.set(checked_out())

    sa_event.listen(pool, "checkout", in_use)
    sa_event.listen(pool, "checkin", in_use)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


async def get_session(request: Request) -> AsyncSession:
    """FastAPI dependency: the request's session (its transaction starts on first use).

    ``async`` so that FastAPI does not run it in a worker thread (kit.principal, same reason)."""
    session: AsyncSession = request.state.db
    return session


async def single_statement(session: AsyncSession) -> None:
    """Send this request's statement without BEGIN and COMMIT, two round trips fewer.

    For a request whose whole database work is one statement, which PostgreSQL runs as a
    transaction of its own: the same atomicity, and it is committed before the answer is sent,
    as every request's work is. The connection goes back to the pool in its usual mode
    (SQLAlchemy resets an isolation level set this way). Call it before the first statement;
    after one, the request's transaction has begun and this changes nothing.
    """
    if not session.in_transaction():
        await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


def add_before_commit(request: Request, hook: BeforeCommit) -> None:
    request.state.before_commit = [*getattr(request.state, "before_commit", []), hook]


class TransactionMiddleware(HttpMiddleware):
    def __init__(self, app: ASGIApp, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        super().__init__(app)
        self.sessionmaker = sessionmaker

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        state: dict[str, Any] = scope.setdefault("state", {})
        session = self.sessionmaker()
        state["db"] = session
        start: Message | None = None
        chunks: list[bytes] = []

        async def hold(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        try:
            await self.app(scope, receive, hold)
            assert start is not None, "the application sent no response"
            messages = await self._settle(session, state, start, b"".join(chunks))
        finally:
            await _close_quietly(session)
        for message in messages:
            await send(message)

    async def _settle(
        self, session: AsyncSession, state: dict[str, Any], start: Message, body: bytes
    ) -> tuple[Message, Message]:
        """The response to send: as the app gave it, or a problem when the commit failed."""
        status = int(start["status"])
        if status >= 400 and session.in_transaction():
            await _rollback_quietly(session)  # after a 503 for a broken connection, this fails too
        if status >= 400 or not session.in_transaction():
            return start, {"type": "http.response.body", "body": body, "more_body": False}
        try:
            for hook in state.get("before_commit", []):
                await hook(session, status, body)
            await session.commit()
        except Exception as exc:
            await _rollback_quietly(session)
            if is_unstorable_text(exc):
                return invalid_text().asgi_messages()
            # The database went away (restart, failover) between the answer and its commit:
            # nothing is known to be stored, so the client is told to retry, as for any request.
            if database_unreachable(exc):
                log.warning("commit failed, database unavailable: %r", exc)
                return _database_unavailable().asgi_messages()
            if is_transient_conflict(exc):
                return _database_conflict().asgi_messages()
            log.exception("commit failed")
            return internal_error("The change could not be stored; nothing was changed.").asgi_messages()
        return start, {"type": "http.response.body", "body": body, "more_body": False}


async def _rollback_quietly(session: AsyncSession) -> None:
    """Roll back after a failed commit; on a connection that broke, that fails too, and the
    session's close discards the connection anyway."""
    try:
        await session.rollback()
    except Exception as exc:  # the failed commit is what gets answered and logged
        log.debug("rollback after a failed commit also failed: %r", exc)


async def _close_quietly(session: AsyncSession) -> None:
    """Close the request's session. On a connection the server broke, the rollback inside the
    close fails too; that failure must not replace the answer already decided (a 503), so the
    connection is invalidated (the pool drops it) instead."""
    try:
        await session.close()
    except Exception as exc:
        log.debug("closing the session failed: %r", exc)
        with contextlib.suppress(Exception):
            await session.invalidate()
