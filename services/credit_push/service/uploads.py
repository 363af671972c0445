"""Rating files (CONTRACT §3 "Rating files"): answered at once, or processed in the background.

A file of at most 10,000 data rows is stored in the request, like a JSON upload, and answered
the same way (each rejected row named by its row number in the file). A larger one is checked
(it must be readable and name its columns), stored as sent, and answered 202 with an upload id;
the upload worker (workers.py ``upload_jobs``) then stores it in batches of ``BATCH_ROWS``
through the same set-based ingest as every upload (service/ratings.py), each batch in its own
transaction together with the job's progress, so a restart resumes after the last batch stored.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kit.errors import DomainError, NotFound, UnsupportedMediaType
from kit.i18n import Sentence, localise
from kit.shapes import business_date
from services.credit_push import repository as repo
from services.credit_push.repository.common import After
from services.credit_push.repository.uploads import Job, UploadRow
from services.credit_push.rules import rating_files
from services.credit_push.rules.ratings import RatingItem, Rejection, parse_batch
from services.credit_push.schemas.ratings import IngestOut, RejectedItem
from services.credit_push.schemas.uploads import UploadAccepted, UploadOut
from services.credit_push.service import ratings

log = logging.getLogger("credit_push.uploads")

SYNC_ROWS = 10_000  # up to this many data rows a file is answered at once (as a JSON body is)
BATCH_ROWS = 5_000  # rows stored per transaction by the upload worker
LEASE = timedelta(minutes=2)  # renewed after every batch
MAX_ATTEMPTS = 3  # claims of one job before it is failed (a file that keeps crashing its worker)
MEDIA_TYPES = {"csv": rating_files.CSV_TYPE, "xlsx": rating_files.XLSX_TYPE, "json": "application/json"}


def kind_of(content_type: str | None) -> str:
    """``json``, ``csv`` or ``xlsx``; any other body type is a 415."""
    kind = rating_files.media_kind(content_type)
    if kind is None:
        raise UnsupportedMediaType(
            f"POST /v1/credit/ratings takes application/json, {rating_files.CSV_TYPE} or "
            f"{rating_files.XLSX_TYPE}, not {content_type}.",
            accepted=f"application/json, {rating_files.CSV_TYPE}, {rating_files.XLSX_TYPE}",
        )
    return kind


async def upload(
    session: AsyncSession,
    content_type: str | None,
    data: bytes,
    org_id: str,
    json_items: Callable[[bytes], Sequence[Any]],
) -> IngestOut | UploadAccepted:
    """POST /v1/credit/ratings by its Content-Type: JSON items stored now, a rating file by its size.

    ``json_items`` is the route's JSON parser: a broken JSON body is the request's error (422), not
    an upload's.
    """
    kind = kind_of(content_type)
    if kind == "json":
        return await ingest_now(session, kind, json_items(data), None, org_id)
    return await receive(session, kind, data, org_id)


async def receive(session: AsyncSession, kind: str, data: bytes, org_id: str) -> IngestOut | UploadAccepted:
    """A rating file: stored now (at most SYNC_ROWS data rows) or queued for the upload worker."""
    parsed = await asyncio.to_thread(rating_files.read, kind, data)
    if len(parsed.items) <= SYNC_ROWS:
        return await ingest_now(session, kind, parsed.items, parsed.rows, org_id)
    row = _row(kind, org_id, len(parsed.items), datetime.now(UTC))
    await repo.uploads.insert(session, row, data)
    return UploadAccepted(upload_id=row.id)


async def ingest_now(
    session: AsyncSession, kind: str, items: Sequence[Any], rows: Sequence[int] | None, org_id: str
) -> IngestOut:
    """Store an upload in this request, and keep it in the history (finished at once)."""
    answer = await ratings.ingest(session, items, rows)
    now = datetime.now(UTC)
    done = replace(
        _row(kind, org_id, len(items), now),
        status="finished",
        done=len(items),
        accepted=answer.accepted,
        unchanged=answer.unchanged,
        rejected=[r.model_dump() for r in answer.rejected],
        finished_at=now,
    )
    await repo.uploads.insert(session, done, None)
    return answer


def _row(kind: str, org_id: str, rows: int, now: datetime) -> UploadRow:
    return UploadRow(
        id=uuid.uuid4(),
        org_id=uuid.UUID(org_id),
        kind=kind,
        status="running",
        rows=rows,
        done=0,
        accepted=0,
        unchanged=0,
        rejected=[],
        error=None,
        created_at=now,
        updated_at=now,
        finished_at=None,
    )


def _stored(rejection: Rejection) -> dict[str, Any]:
    """A background job's rejection as stored: the English reason, and its catalogue key and
    values so that a later read gives it in that request's language."""
    stored: dict[str, Any] = {"index": rejection.index, "uscc": rejection.uscc, "detail": rejection.detail}
    if isinstance(rejection.detail, Sentence):
        stored |= {"key": rejection.detail.key, "members": dict(rejection.detail.members)}
    return stored


def _rejected_item(stored: dict[str, Any]) -> RejectedItem:
    detail = str(stored["detail"])
    if "key" in stored:
        detail = localise(stored["key"], detail, stored.get("members", {}))
    return RejectedItem(index=stored["index"], uscc=stored["uscc"], detail=detail)


def upload_out(row: UploadRow) -> UploadOut:
    return UploadOut(
        id=row.id,
        org_id=row.org_id,
        media_type=MEDIA_TYPES.get(row.kind, row.kind),
        status="finished" if row.status == "finished" else "failed" if row.status == "failed" else "running",
        rows=row.rows,
        done=row.done,
        accepted=row.accepted,
        unchanged=row.unchanged,
        rejected=[_rejected_item(r) for r in row.rejected],
        error=row.error,
        created_at=row.created_at,
        finished_at=row.finished_at,
    )


async def get(session: AsyncSession, upload_id: uuid.UUID) -> UploadOut:
    row = await repo.uploads.get(session, upload_id)
    if row is None:
        raise NotFound("upload")
    return upload_out(row)


async def history(session: AsyncSession, after: After, limit: int) -> list[UploadOut]:
    """Up to ``limit + 1`` uploads (JSON or files, stored at once or in the background), oldest first."""
    return [upload_out(row) for row in await repo.uploads.page(session, after, limit)]


# --- the upload worker's side ---------------------------------------------------------------


@dataclass(frozen=True)
class _Judged:
    """A job's file judged as a whole: its rows, the valid items with their positions, the rejected."""

    rows: int
    valid: list[tuple[int, RatingItem]]  # (position among the data rows, item)
    rejected: list[Rejection]


def _judge(job: Job, this_year: int) -> _Judged:
    parsed = rating_files.read(job.kind, job.content)
    valid, rejected = parse_batch(parsed.items, this_year, parsed.rows)
    refused = {r.index for r in rejected}
    positions = [p for p, number in enumerate(parsed.rows) if number not in refused]
    return _Judged(len(parsed.items), list(zip(positions, valid, strict=True)), rejected)


async def claim(sessionmaker: async_sessionmaker[AsyncSession], now: datetime) -> Job | None:
    """Lease the next job; one claimed too often already is failed instead (and None returned)."""
    async with sessionmaker.begin() as session:
        job = await repo.uploads.claim(session, now, now + LEASE)
        if job is None or job.attempts <= MAX_ATTEMPTS:
            return job
        error = f"the upload was interrupted {MAX_ATTEMPTS} times; send the file again"
        await repo.uploads.end(session, job.id, "failed", now, error)
        log.warning("upload %s failed: %s", job.id, error)
        return None


class _Lost(Exception):
    """The job finished or failed under another worker while this one held it."""


async def process(sessionmaker: async_sessionmaker[AsyncSession], job: Job) -> None:
    """Store a claimed job's rows from where earlier workers stopped, batch by batch."""
    this_year = business_date(datetime.now(UTC)).year
    try:
        judged = await asyncio.to_thread(_judge, job, this_year)
    except DomainError as exc:  # checked when it was received: only a changed rule gets here
        async with sessionmaker.begin() as session:
            await repo.uploads.end(session, job.id, "failed", datetime.now(UTC), exc.detail)
        return
    rejected = [_stored(r) for r in judged.rejected]
    async with sessionmaker.begin() as session:
        await repo.uploads.set_rejected(session, job.id, rejected)
    try:
        await _store_from(sessionmaker, job, judged)
    except _Lost:
        log.warning("upload %s: taken over by another worker; stopping", job.id)


async def _store_from(sessionmaker: async_sessionmaker[AsyncSession], job: Job, judged: _Judged) -> None:
    for start in range(job.done, judged.rows, BATCH_ROWS):
        end = min(start + BATCH_ROWS, judged.rows)
        batch = [item for position, item in judged.valid if start <= position < end]
        async with sessionmaker.begin() as session:
            now = datetime.now(UTC)
            counts = await ratings.store_batch(session, batch, now)
            if not await repo.uploads.progress(session, job.id, end, counts, now + LEASE):
                raise _Lost(job.id)  # rolls the batch back: the job is no longer this worker's
    async with sessionmaker.begin() as session:
        await repo.uploads.end(session, job.id, "finished", datetime.now(UTC))
