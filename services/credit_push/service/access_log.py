"""The access log (CONTRACT §3): recorded off the hot path, read by the tax authority and apps.

Recording adds no database round trip to a read: :func:`record` appends to an in-memory
buffer of this process, and the ``access_log_flush`` worker writes the buffer in one statement
at least every second (and once more on shutdown). A flush that fails keeps its entries for
the next one and logs a warning, so no entry is silently lost; entry ids make a retried
flush write each entry once. Reading the log is not itself logged.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kit.shapes import business_date
from services.credit_push import repository as repo
from services.credit_push.repository.access_log import AccessEntry, LogFilter
from services.credit_push.repository.common import After
from services.credit_push.rules.access import Via, What, what_event_carries, what_left
from services.credit_push.schemas.access_log import AccessEntryOut

log = logging.getLogger("credit_push.access_log")

# Where a session finds its process's buffer (``session.info``; see :func:`install`).
BUFFER_KEY = "credit_push.access_log"


class Buffer:
    """Entries recorded and not yet written; safe to append to from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[AccessEntry] = []

    def add(self, entries: Iterable[AccessEntry]) -> None:
        with self._lock:
            self._entries.extend(entries)

    def peek(self) -> list[AccessEntry]:
        with self._lock:
            return list(self._entries)

    def drop(self, written: Sequence[AccessEntry]) -> None:
        """Forget the first ``len(written)`` entries (those a flush wrote; later ones were appended)."""
        with self._lock:
            del self._entries[: len(written)]


def install(sessionmaker: async_sessionmaker[AsyncSession]) -> Buffer:
    """Give every session of this process the buffer (``session.info``); done once, at startup."""
    buffer = Buffer()
    sessionmaker.configure(info={BUFFER_KEY: buffer})
    return buffer


def buffer_of(session: AsyncSession) -> Buffer:
    return _checked(session.info.get(BUFFER_KEY))


def buffer_in(sessionmaker: async_sessionmaker[AsyncSession]) -> Buffer:
    return _checked(sessionmaker.kw.get("info", {}).get(BUFFER_KEY))


def _checked(buffer: object) -> Buffer:
    assert isinstance(buffer, Buffer), "access_log.install was not run for this sessionmaker"
    return buffer


async def final_flush(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    """On shutdown: write what is left; what cannot be written is said loudly, never dropped silently."""
    buffer = buffer_in(sessionmaker)
    for _ in range(3):
        if not buffer.peek() or await try_flush(sessionmaker, buffer) or not buffer.peek():
            return
    log.error("access log: %d entries could not be written before shutdown", len(buffer.peek()))


def record(session: AsyncSession, entries: Iterable[AccessEntry]) -> None:
    """Enqueue access-log entries; no I/O (the flush worker writes them within a second)."""
    buffer_of(session).add(entries)


def entry(uscc: str, reader_org_id: str, reader_role: str, what: What, via: Via) -> AccessEntry:
    return AccessEntry(
        uuid.uuid4(), datetime.now(UTC), uscc, uuid.UUID(reader_org_id), reader_role, what, via
    )


def rating_left(
    session: AsyncSession, uscc: str, rating: str, tax_figure: int | None, reader: tuple[str, str], via: Via
) -> None:
    """Record one entry when a rating answer to ``reader`` (org id, role) carried non-public data."""
    what = what_left(rating, tax_figure)
    if what is not None:
        record(session, [entry(uscc, reader[0], reader[1], what, via)])


def entries_for_events(
    bank_id: str, events: Iterable[tuple[str, Mapping[str, Any]]], via: Via
) -> list[AccessEntry]:
    """One entry per event (type, data) sent to a bank that carries non-public data (feed, webhook)."""
    found = ((data, what_event_carries(kind, data)) for kind, data in events)
    return [entry(str(data["uscc"]), bank_id, "bank", what, via) for data, what in found if what is not None]


async def flush(sessionmaker: async_sessionmaker[AsyncSession], buffer: Buffer) -> int:
    """Write what the buffer holds in one statement; the number written. Raises when it fails."""
    pending = buffer.peek()
    if not pending:
        return 0
    async with sessionmaker.begin() as session:
        await repo.access_log.insert(session, pending)
    buffer.drop(pending)
    return len(pending)


async def try_flush(sessionmaker: async_sessionmaker[AsyncSession], buffer: Buffer) -> int:
    """:func:`flush`, keeping the entries for the next try when the database refuses."""
    try:
        return await flush(sessionmaker, buffer)
    except Exception as exc:
        log.warning("access log: %d entries not written yet (%s); retrying", len(buffer.peek()), exc)
        return 0


@dataclass(frozen=True)
class LogQuery:
    """What a reader asked for (``uscc``, ``since``), and who it is (``role``, ``org_id``)."""

    uscc: str | None
    since: datetime | None
    role: str
    org_id: str


async def list_for(session: AsyncSession, query: LogQuery, before: After, limit: int) -> list[AccessEntryOut]:
    """Up to ``limit + 1`` entries, newest first; an app sees only enterprises it holds authorised."""
    partner_id = query.org_id if query.role == "partner_app" else None
    where = LogFilter(query.uscc, query.since, partner_id, business_date(datetime.now(UTC)))
    rows = await repo.access_log.list_newest(session, where, before, limit)
    # The answer's fields are the entry's, one to one.
    return [AccessEntryOut.model_validate(r, from_attributes=True) for r in rows]
