"""API keys resolved in memory, kept true across replicas by PostgreSQL LISTEN/NOTIFY.

Every public request resolves its key. A database round trip per request is the gateway's
largest fixed cost, so the key id's row (org, role, secret hash; the secret itself is still
checked in constant time on every request) is cached, and so is "no such key", so that a flood
of bad keys costs one lookup per id, not one per request. The cache is bounded (LRU).

A revoked key must stop working at once on every replica (CONTRACT §2): revoking and creating a
key send ``NOTIFY finmatch_api_keys, '<key id>'`` in the same transaction (delivered on commit),
and every replica drops that id. The cache is trusted only while the listening connection is
up; it is cleared on every (re)connect, since notifications sent meanwhile are lost, and a
generation counter keeps a lookup that raced a notification from storing what it read before.

``last_used_at`` is written lazily: at most about once a minute per key, in one batched UPDATE
by a background worker, never on the request path.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import asyncpg
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from gateway import repository
from kit.app import AppContext, Worker

log = logging.getLogger("gateway.keycache")

MAX_ENTRIES = 100_000
RECONNECT_S = 1.0
KEEPALIVE_S = 10.0
USED_EVERY_S = 60.0
FLUSH_EVERY_S = 1.0


@dataclass(frozen=True)
class ActiveKey:
    secret_hash: str
    org_id: uuid.UUID
    name: str
    role: str


class KeyCache:
    """key id -> its active key, or None for "no such active key"; bounded, least recently used out."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[uuid.UUID, ActiveKey | None] = OrderedDict()
        self.generation = 0
        # True only while the listener is connected: without it, a revocation could be missed.
        self.listening = False

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key_id: uuid.UUID) -> tuple[bool, ActiveKey | None]:
        if not self.listening or key_id not in self._entries:
            return False, None
        self._entries.move_to_end(key_id)
        return True, self._entries[key_id]

    def put(self, key_id: uuid.UUID, value: ActiveKey | None, generation: int) -> None:
        """Store what was read at ``generation``, unless something changed since."""
        if not self.listening or generation != self.generation:
            return
        self._entries[key_id] = value
        self._entries.move_to_end(key_id)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def invalidate(self, key_id: uuid.UUID | None) -> None:
        """Forget one key (None: all of them)."""
        self.generation += 1
        if key_id is None:
            self._entries.clear()
        else:
            self._entries.pop(key_id, None)

    def on_notification(self, payload: str) -> None:
        try:
            self.invalidate(uuid.UUID(payload))
        except ValueError:
            self.invalidate(None)


async def resolve(cache: KeyCache, engine: AsyncEngine, key_id: uuid.UUID) -> ActiveKey | None:
    """The active key with this id: from the cache, else from the database (and then cached)."""
    hit, value = cache.get(key_id)
    if hit:
        return value
    generation = cache.generation
    # A short connection of its own: a proxied call must not hold one while upstream works.
    async with engine.connect() as conn:
        row = await repository.active_key(conn, key_id)
    found = ActiveKey(row[0], row[1], row[2], row[3]) if row is not None else None
    cache.put(key_id, found, generation)
    return found


def _dsn(database_url: str) -> str:
    """asyncpg's own form of FINMATCH_DATABASE_URL (no ``+asyncpg``)."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _pause(ctx: AppContext, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(ctx.stopping.wait(), timeout=seconds)


async def _listen(cache: KeyCache, conn: asyncpg.Connection, ctx: AppContext) -> None:
    """Hold the connection until the process stops or the connection fails."""

    def notified(_conn: object, _pid: int, _channel: str, payload: str) -> None:
        cache.on_notification(payload)

    await conn.add_listener(repository.KEY_CHANNEL, notified)
    # Only now: what changed before LISTEN took effect was never notified to us.
    cache.invalidate(None)
    cache.listening = True
    log.info("listening for API key changes")
    while not ctx.stopping.is_set():
        await _pause(ctx, KEEPALIVE_S)
        await asyncio.wait_for(conn.fetchval("SELECT 1"), timeout=5.0)


def listener(cache: KeyCache, database_url: str) -> Worker:
    """The background worker keeping ``cache`` true: a dedicated LISTEN connection, reconnected."""
    dsn = _dsn(database_url)

    async def api_key_listener(ctx: AppContext) -> None:
        while not ctx.stopping.is_set():
            try:
                conn = await asyncpg.connect(dsn, timeout=5.0)
            except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
                log.warning("cannot listen for API key changes (%s); keys are read from the database", exc)
                await _pause(ctx, RECONNECT_S)
                continue
            try:
                await _listen(cache, conn, ctx)
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.warning("lost the API key listener (%r); reconnecting", exc)
            finally:
                cache.listening = False
                cache.invalidate(None)
                with contextlib.suppress(Exception):
                    await conn.close(timeout=2.0)
            await _pause(ctx, RECONNECT_S)

    return api_key_listener


class UsageTracker:
    """Which keys were used since the last flush, each at most once per ``every_s``."""

    def __init__(self, every_s: float = USED_EVERY_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.every_s = every_s
        self._clock = clock
        self._marked: dict[uuid.UUID, float] = {}
        self._pending: set[uuid.UUID] = set()

    def used(self, key_id: uuid.UUID) -> None:
        now = self._clock()
        last = self._marked.get(key_id)
        if last is None or now - last >= self.every_s:
            self._marked[key_id] = now
            self._pending.add(key_id)

    def take(self) -> list[uuid.UUID]:
        """The keys to write now; forgets marks older than ``every_s`` so memory stays bounded."""
        pending, self._pending = sorted(self._pending), set()
        now = self._clock()
        self._marked = {k: t for k, t in self._marked.items() if now - t < self.every_s}
        return pending


def usage_flusher(tracker: UsageTracker) -> Worker:
    async def api_key_usage(ctx: AppContext) -> None:
        while not ctx.stopping.is_set():
            await _pause(ctx, FLUSH_EVERY_S)
            used = tracker.take()
            if used:
                async with ctx.engine.begin() as conn:
                    await repository.mark_used(conn, used, datetime.now(UTC))

    return api_key_usage
