"""Enterprises' authorisations for a partner app to act for them (record consents, run queries)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository import grants
from services.credit_push.repository.common import After, columns
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


def held_by(partner: sa.ColumnElement[uuid.UUID], uscc: sa.ColumnElement[str], today: date) -> sa.Exists:
    """EXISTS a valid authorisation of ``uscc`` held by the app ``partner`` (columns of the outer query)."""
    return sa.exists().where(
        authorisations.c.partner_org_id == partner,
        authorisations.c.uscc == uscc,
        grants.in_force(authorisations, today),
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
        authorisations.c.partner_org_id == uuid.UUID(partner_id),
        authorisations.c.uscc == uscc,
        grants.in_force(authorisations, today),
    )
    return bool((await session.execute(query.with_for_update(read=True))).all())


async def is_held(session: AsyncSession, partner_id: str, uscc: str, today: date) -> bool:
    query = sa.select(held_by(sa.literal(uuid.UUID(partner_id)), sa.literal(uscc), today))
    return bool(await session.scalar(query))


async def end(
    session: AsyncSession, ids: Sequence[uuid.UUID], status: AuthorisationStatus, now: datetime
) -> None:
    await grants.end(session, authorisations, ids, status, now)


async def lapsed(session: AsyncSession, today: date, *, lock: bool) -> list[AuthorisationRow]:
    """Active authorisations whose last day is before ``today`` (the sweep ends them)."""
    return await grants.lapsed(session, authorisations, AuthorisationRow, today, lock)


async def list_for(
    session: AsyncSession, partner_id: str, uscc: str | None, after: After, limit: int
) -> list[AuthorisationRow]:
    """Up to ``limit + 1`` of the app's authorisations after ``after``, oldest first."""
    owner = authorisations.c.partner_org_id == uuid.UUID(partner_id)
    return await grants.listed(session, authorisations, AuthorisationRow, owner, uscc, after, limit)
