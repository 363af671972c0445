"""Enterprises' authorisations for a partner app to act for them (record consents, run queries)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import columns, keyset_page
from services.credit_push.tables import authorisations

AuthorisationStatus = Literal["active", "revoked", "expired"]


@dataclass(frozen=True)
class AuthorisationRow:
    id: uuid.UUID
    uscc: str
    partner_org_id: uuid.UUID
    evidence_ref: str
    expires_on: date | None
    status: AuthorisationStatus
    created_at: datetime
    ended_at: datetime | None


def valid(today: date) -> sa.ColumnElement[bool]:
    """Active and not past its last day (Asia/Shanghai ``today``)."""
    return sa.and_(
        authorisations.c.status == "active",
        sa.or_(authorisations.c.expires_on.is_(None), authorisations.c.expires_on >= today),
    )


def held_by(partner: sa.ColumnElement[uuid.UUID], uscc: sa.ColumnElement[str], today: date) -> sa.Exists:
    """EXISTS a valid authorisation of ``uscc`` held by the app ``partner`` (columns of the outer query)."""
    return sa.exists().where(
        authorisations.c.partner_org_id == partner, authorisations.c.uscc == uscc, valid(today)
    )


async def insert(session: AsyncSession, row: AuthorisationRow) -> None:
    await session.execute(sa.insert(authorisations).values(**asdict(row)))


async def get(session: AsyncSession, auth_id: uuid.UUID, *, lock: bool = False) -> AuthorisationRow | None:
    query = sa.select(*columns(authorisations, AuthorisationRow)).where(authorisations.c.id == auth_id)
    if lock:
        query = query.with_for_update()
    row = (await session.execute(query)).first()
    return AuthorisationRow(*row) if row else None


async def lock_valid(session: AsyncSession, partner_id: str, uscc: str, today: date) -> bool:
    """Whether the app holds a valid authorisation of ``uscc``; the rows stay locked (FOR SHARE)."""
    query = sa.select(authorisations.c.id).where(
        authorisations.c.partner_org_id == uuid.UUID(partner_id), authorisations.c.uscc == uscc, valid(today)
    )
    return bool((await session.execute(query.with_for_update(read=True))).all())


async def is_held(session: AsyncSession, partner_id: str, uscc: str, today: date) -> bool:
    query = sa.select(held_by(sa.literal(uuid.UUID(partner_id)), sa.literal(uscc), today))
    return bool(await session.scalar(query))


async def end(
    session: AsyncSession, ids: Sequence[uuid.UUID], status: AuthorisationStatus, now: datetime
) -> None:
    await session.execute(
        sa.update(authorisations)
        .where(authorisations.c.id == sa.func.any(list(ids)), authorisations.c.status == "active")
        .values(status=status, ended_at=now)
    )


async def lapsed(session: AsyncSession, today: date, *, lock: bool) -> list[AuthorisationRow]:
    """Active authorisations whose last day is before ``today`` (the sweep ends them)."""
    query = sa.select(*columns(authorisations, AuthorisationRow)).where(
        authorisations.c.status == "active", authorisations.c.expires_on < today
    )
    if lock:
        query = query.with_for_update()
    return [AuthorisationRow(*row) for row in await session.execute(query)]


async def list_for(
    session: AsyncSession,
    partner_id: str,
    uscc: str | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> list[AuthorisationRow]:
    """Up to ``limit + 1`` of the app's authorisations after ``after``, oldest first."""
    query = sa.select(*columns(authorisations, AuthorisationRow)).where(
        authorisations.c.partner_org_id == uuid.UUID(partner_id)
    )
    if uscc:
        query = query.where(authorisations.c.uscc == uscc)
    page = keyset_page(query, authorisations, after, limit)
    return [AuthorisationRow(*row) for row in await session.execute(page)]
