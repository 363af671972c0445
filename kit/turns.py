"""Turns: one caller at a time per key within this process (per event loop), in arrival order.

For work that a database row lock already serialises across processes. When many requests of
one process queue for the same row lock, each holds a pooled connection and a PostgreSQL
backend waiting on it, and every hand-over wakes a backend that re-reads the row; taking turns
here first leaves at most one of this process's requests per key waiting in PostgreSQL. The
row lock stays the guarantee (other processes, other replicas); this is only a queue in front
of it, and a key nobody holds or waits for is forgotten.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager


class Turns:
    def __init__(self) -> None:
        # (event loop, key) -> its lock and how many hold or wait for it (the lock goes when none
        # do). Keyed by loop too: an asyncio.Lock belongs to one loop, and a process serving apps
        # on several loops (the tests' stacks, one per thread) must not share one between them.
        self._locks: dict[tuple[asyncio.AbstractEventLoop, Hashable], tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def turn(self, key: Hashable) -> AsyncIterator[None]:
        """Wait until no other caller on this event loop holds ``key``'s turn, then hold it."""
        entry = (asyncio.get_running_loop(), key)
        lock, users = self._locks.get(entry) or (asyncio.Lock(), 0)
        self._locks[entry] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[entry]
            if users == 1:
                del self._locks[entry]
            else:
                self._locks[entry] = (lock, users - 1)

    def waiting(self, key: Hashable) -> int:
        """How many callers on this event loop hold or wait for ``key``'s turn."""
        entry = self._locks.get((asyncio.get_running_loop(), key))
        return entry[1] if entry is not None else 0
