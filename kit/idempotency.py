"""``Idempotency-Key`` for creating POSTs (CONTRACT §1, draft-ietf-httpapi-idempotency-key-header).

Same key and same body within 24 h: the first response comes back (same status and
body) and nothing is created twice. Same key, different body: 422
``idempotency-key-reused``. Same key while the first request still runs: 409.

How: inside the request's own transaction we take a transaction-scoped advisory lock on
(caller, key) without waiting; a second request holding the same key fails to get it and
answers 409. The stored answer is written by a before-commit hook in the *same*
transaction as the change, so a change and its stored answer are never apart. Only 2xx
answers are stored; a refused request changes nothing and may be retried with the key.
"""

from __future__ import annotations

import hashlib
import inspect
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, Header, Request
from fastapi.responses import Response
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import add_before_commit, get_session
from kit.errors import Conflict, RuleViolation

RETENTION = timedelta(hours=24)
TABLE_NAME = "idempotency_keys"


def _columns() -> list[sa.Column[Any]]:
    """The table's columns, made anew for each table (a column belongs to one table)."""
    return [
        sa.Column("caller", sa.Text, primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("request_hash", sa.Text, nullable=False),
        sa.Column("status_code", sa.Integer, nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    ]


def idempotency_table(metadata: sa.MetaData, schema: str) -> sa.Table:
    return sa.Table(TABLE_NAME, metadata, *_columns(), schema=schema)


def create_table_op(op: Any, schema: str) -> None:
    """For a service's first migration: the table this module needs."""
    op.create_table(TABLE_NAME, *_columns(), schema=schema)


WITHHELD = "(shown once only; create a new one if it was lost)"


def _withhold(body: bytes, fields: tuple[str, ...]) -> bytes:
    if not fields:
        return body
    answer = json.loads(body)
    for name in fields:
        if isinstance(answer, dict) and name in answer:
            answer[name] = WITHHELD
    return json.dumps(answer, separators=(",", ":"), ensure_ascii=False).encode()


class Replay(Exception):
    """Raised by the dependency to answer with the stored first response."""

    def __init__(self, status_code: int, body: bytes) -> None:
        self.status_code = status_code
        self.body = body


async def replay_handler(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, Replay)
    return Response(
        exc.body,
        status_code=exc.status_code,
        media_type="application/json",
        headers={"Idempotent-Replayed": "true"},
    )


class Idempotency:
    """Dependency factory: ``Depends(Idempotency(table, caller_of))`` on a creating POST.

    ``caller_of(request)`` (sync or async) names the authenticated caller, so two callers
    never share keys; it runs before the route's own dependencies, so it must authenticate.
    ``secret_fields`` are top-level answer fields that are never stored (a new API key is
    "shown once and stored only as a hash", CONTRACT §2): a replay gives ``WITHHELD``.
    """

    def __init__(
        self,
        table: sa.Table,
        caller_of: Callable[[Request], str | Awaitable[str]],
        *,
        secret_fields: tuple[str, ...] = (),
    ) -> None:
        self.table = table
        self.caller_of = caller_of
        self.secret_fields = secret_fields

    async def __call__(
        self,
        request: Request,
        session: Annotated[AsyncSession, Depends(get_session)],
        idempotency_key: Annotated[
            str | None,
            Header(
                alias="Idempotency-Key",
                min_length=1,
                max_length=255,
                description="Retry-safe key: the same key and body within 24 h return the first answer.",
            ),
        ] = None,
    ) -> None:
        if idempotency_key is None:
            return
        named = self.caller_of(request)
        caller = await named if inspect.isawaitable(named) else named
        request_hash = await _request_hash(request)
        await self._hold(session, caller, idempotency_key)
        await self._replay_if_stored(session, caller, idempotency_key, request_hash)

        async def store(db: AsyncSession, status: int, response_body: bytes) -> None:
            if status >= 300:  # only successful answers are kept
                return
            values = {
                "caller": caller,
                "key": idempotency_key,
                "request_hash": request_hash,
                "status_code": status,
                "body": _withhold(response_body, self.secret_fields),
                "created_at": datetime.now(UTC),
            }
            t = self.table
            stmt = pg_insert(t).values(**values)
            # An expired row with the same key is replaced.
            await db.execute(stmt.on_conflict_do_update(index_elements=[t.c.caller, t.c.key], set_=values))

        add_before_commit(request, store)

    async def _hold(self, session: AsyncSession, caller: str, key: str) -> None:
        """Take (caller, key) for this transaction, or refuse: the first request still runs."""
        lock_key = f"{self.table.schema}|{caller}|{key}"
        got = await session.scalar(
            sa.select(sa.func.pg_try_advisory_xact_lock(sa.func.hashtextextended(lock_key, 0)))
        )
        if not got:
            raise Conflict(
                "A request with this Idempotency-Key is still running; retry when it has finished.",
                slug="idempotency-key-in-use",
            )

    async def _replay_if_stored(self, session: AsyncSession, caller: str, key: str, digest: str) -> None:
        """Answer with the stored first response (:class:`Replay`), if there is one for this request."""
        t = self.table
        row = (
            await session.execute(
                sa.select(t.c.request_hash, t.c.status_code, t.c.body).where(
                    t.c.caller == caller,
                    t.c.key == key,
                    t.c.created_at > datetime.now(UTC) - RETENTION,
                )
            )
        ).first()
        if row is None:
            return
        if row.request_hash != digest:
            raise RuleViolation(
                "This Idempotency-Key was used with a different request (method, path, query or body).",
                slug="idempotency-key-reused",
            )
        raise Replay(row.status_code, row.body)


async def _request_hash(request: Request) -> str:
    """sha256 of method, path, query and body: what makes two requests the same one."""
    body = await request.body()
    target = request.url.path.encode()
    if request.url.query:  # kept out when empty, so hashes stored before stay valid
        target += b"?" + request.url.query.encode()
    return hashlib.sha256(request.method.encode() + b" " + target + b"\n" + body).hexdigest()


PURGE_EVERY_S = 3600.0


async def purge_expired(session: AsyncSession, table: sa.Table) -> int:
    """Delete answers older than the retention; they can never be replayed again."""
    result = await session.execute(
        sa.delete(table).where(table.c.created_at <= datetime.now(UTC) - RETENTION).returning(table.c.key)
    )
    return len(result.all())
