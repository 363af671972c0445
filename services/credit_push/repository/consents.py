"""Consents an enterprise gave (through a partner app) for one named bank to see its rating."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository import grants
from services.credit_push.repository.authorisations import held_by
from services.credit_push.repository.common import After, columns, uuids
from services.credit_push.tables import consents

ConsentStatus = Literal["active", "revoked", "expired"]
# Whose consents a list shows: the partner app that recorded them, or the bank they name.
OrgColumn = Literal["partner_org_id", "bank_org_id"]


@dataclass(frozen=True)
class ConsentRow:
    id: uuid.UUID
    uscc: str
    bank_org_id: uuid.UUID
    partner_org_id: uuid.UUID
    evidence_ref: str
    expires_on: date | None
    status: ConsentStatus
    created_at: datetime
    ended_at: datetime | None


def _valid(today: date) -> sa.ColumnElement[bool]:
    """Active, unexpired, and the app that recorded it still holds the enterprise's authorisation."""
    return sa.and_(
        grants.in_force(consents, today),
        held_by(consents.c.partner_org_id, consents.c.uscc, today),
    )


async def consented_pairs(
    session: AsyncSession, usccs: Sequence[str], bank_ids: Sequence[str] | None, today: date
) -> set[tuple[str, str]]:
    """(bank, uscc) pairs with a valid consent."""
    query = sa.select(consents.c.bank_org_id, consents.c.uscc).where(
        consents.c.uscc == sa.func.any(list(usccs)), _valid(today)
    )
    if bank_ids is not None:
        query = query.where(consents.c.bank_org_id == sa.func.any(uuids(bank_ids)))
    return {(str(r.bank_org_id), r.uscc) for r in await session.execute(query)}


def consented_among(usccs: sa.Select[Any], today: date) -> sa.Select[Any]:
    """The (bank, uscc) pairs with a valid consent whose USCC ``usccs`` selects, for use inside
    another statement (repository/ingest.py stages them without a round trip)."""
    query = sa.select(consents.c.bank_org_id, consents.c.uscc).distinct()
    return query.where(consents.c.uscc.in_(usccs), _valid(today))


async def consented_usccs(session: AsyncSession, bank_id: str, today: date) -> list[str]:
    query = sa.select(consents.c.uscc).where(consents.c.bank_org_id == uuid.UUID(bank_id), _valid(today))
    return list(await session.scalars(query.distinct()))


async def insert(session: AsyncSession, row: ConsentRow) -> None:
    await session.execute(sa.insert(consents).values(**asdict(row)))


async def get(session: AsyncSession, consent_id: uuid.UUID) -> ConsentRow | None:
    query = sa.select(*columns(consents, ConsentRow)).where(consents.c.id == consent_id)
    row = (await session.execute(query)).first()
    return ConsentRow(*row) if row else None


async def end(session: AsyncSession, ids: Sequence[uuid.UUID], status: ConsentStatus, now: datetime) -> None:
    await grants.end(session, consents, ids, status, now)


_END_FOR_PAIRS = sa.text(
    """
    UPDATE credit_push.consents c SET status = :status, ended_at = :now
    FROM unnest(CAST(:p AS uuid[]), CAST(:u AS text[])) AS d(p, u)
    WHERE c.partner_org_id = d.p AND c.uscc = d.u AND c.status = 'active'
    RETURNING c.bank_org_id, c.uscc
    """
)


async def end_for_pairs(
    session: AsyncSession, pairs: Sequence[tuple[str, str]], status: ConsentStatus, now: datetime
) -> list[tuple[str, str]]:
    """End every active consent an app recorded for an enterprise, per (app, uscc); (bank, uscc) ended."""
    if not pairs:
        return []
    params = {"p": uuids(p for p, _ in pairs), "u": [u for _, u in pairs], "status": status, "now": now}
    return [(str(r.bank_org_id), r.uscc) for r in await session.execute(_END_FOR_PAIRS, params)]


async def lapsed(session: AsyncSession, today: date, *, lock: bool) -> list[ConsentRow]:
    """Active consents whose last day is before ``today`` (the sweep ends them)."""
    return await grants.lapsed(session, consents, ConsentRow, today, lock)


async def list_for(
    session: AsyncSession,
    *,
    column: OrgColumn,
    org_id: str,
    uscc: str | None,
    after: After,
    limit: int,
) -> list[ConsentRow]:
    """Up to ``limit + 1`` consents after the keyset position ``after``, oldest first."""
    owner = consents.c[column] == uuid.UUID(org_id)
    return await grants.listed(session, consents, ConsentRow, owner, uscc, after, limit)
