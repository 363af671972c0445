"""Rating files processed in the background: the job table the upload workers claim from.

A job is claimed under ``FOR UPDATE SKIP LOCKED`` and leased (``lease_until``) in one short
transaction, so two replicas never work on one job at once; a replica that dies mid-job
leaves its lease to run out and another takes the job over from ``done``, the rows already
stored (each batch and its progress commit together).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import After, columns, keyset_page
from services.credit_push.tables import uploads


@dataclass(frozen=True)
class UploadRow:
    id: uuid.UUID
    org_id: uuid.UUID
    kind: str
    status: str
    rows: int
    done: int
    accepted: int
    unchanged: int
    rejected: list[dict[str, Any]]
    error: str | None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class Job:
    """A claimed job: its file, and how far earlier workers got."""

    id: uuid.UUID
    kind: str
    content: bytes
    done: int
    attempts: int


async def insert(session: AsyncSession, row: UploadRow, content: bytes | None) -> None:
    """``content``: the file a background job stores; None for an upload stored at once."""
    values = {name: getattr(row, name) for name in UploadRow.__dataclass_fields__}
    await session.execute(sa.insert(uploads).values(**values, content=content, attempts=0, lease_until=None))


async def get(session: AsyncSession, upload_id: uuid.UUID) -> UploadRow | None:
    query = sa.select(*columns(uploads, UploadRow)).where(uploads.c.id == upload_id)
    row = (await session.execute(query)).first()
    return UploadRow(*row) if row else None


async def page(session: AsyncSession, after: After, limit: int) -> list[UploadRow]:
    """Up to ``limit + 1`` uploads after the keyset position, oldest first."""
    query = keyset_page(sa.select(*columns(uploads, UploadRow)), uploads, after, limit)
    return [UploadRow(*row) for row in await session.execute(query)]


async def claim(session: AsyncSession, now: datetime, lease_until: datetime) -> Job | None:
    """The oldest running job nobody holds a live lease on, leased to the caller (one attempt more)."""
    query = (
        sa.select(uploads.c.id)
        .where(
            uploads.c.status == "running",
            sa.or_(uploads.c.lease_until.is_(None), uploads.c.lease_until < now),
        )
        .order_by(uploads.c.created_at)
        .limit(1)
        .with_for_update(skip_locked=True)
    )
    upload_id = (await session.execute(query)).scalar()
    if upload_id is None:
        return None
    update = (
        sa.update(uploads)
        .where(uploads.c.id == upload_id)
        .values(lease_until=lease_until, attempts=uploads.c.attempts + 1, updated_at=now)
        .returning(uploads.c.id, uploads.c.kind, uploads.c.content, uploads.c.done, uploads.c.attempts)
    )
    row = (await session.execute(update)).one()
    return Job(row.id, row.kind, bytes(row.content or b""), row.done, row.attempts)


async def progress(
    session: AsyncSession, upload_id: uuid.UUID, done: int, counts: tuple[int, int], lease_until: datetime
) -> bool:
    """Record a stored batch (rows done, accepted and unchanged added) and renew the lease.

    False when the job is no longer the caller's (it finished or failed meanwhile).
    """
    accepted, unchanged = counts
    result = await session.execute(
        sa.update(uploads)
        .where(uploads.c.id == upload_id, uploads.c.status == "running")
        .values(
            done=done,
            accepted=uploads.c.accepted + accepted,
            unchanged=uploads.c.unchanged + unchanged,
            lease_until=lease_until,
            updated_at=sa.func.now(),
        )
        .returning(uploads.c.id)
    )
    return result.first() is not None


async def set_rejected(session: AsyncSession, upload_id: uuid.UUID, rejected: list[dict[str, Any]]) -> None:
    await session.execute(sa.update(uploads).where(uploads.c.id == upload_id).values(rejected=rejected))


async def end(
    session: AsyncSession, upload_id: uuid.UUID, status: str, now: datetime, error: str | None = None
) -> None:
    """Finish or fail a job; its file is no longer needed."""
    await session.execute(
        sa.update(uploads)
        .where(uploads.c.id == upload_id)
        .values(status=status, error=error, content=None, lease_until=None, updated_at=now, finished_at=now)
    )
