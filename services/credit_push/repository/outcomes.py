"""Loans banks report for enterprises pushed to them, and the 银税互动 statistics."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import After, columns, keyset_page
from services.credit_push.tables import outcomes


@dataclass(frozen=True)
class OutcomeRow:
    id: uuid.UUID
    bank_org_id: uuid.UUID
    uscc: str
    loan_ref: str | None
    amount_fen: int
    credit_type: str
    granted_on: date
    created_at: datetime


async def insert(session: AsyncSession, row: OutcomeRow) -> bool:
    """Store the loan; False when the bank already reported this loan_ref (the unique index decides)."""
    query = (
        pg_insert(outcomes)
        .values(**asdict(row))
        .on_conflict_do_nothing(index_elements=["bank_org_id", "loan_ref"])
        .returning(outcomes.c.id)
    )
    return (await session.execute(query)).first() is not None


@dataclass(frozen=True)
class OutcomeFilter:
    bank_id: str | None  # None: every bank's
    uscc: str | None
    granted_from: date | None
    granted_to: date | None


async def list_for(session: AsyncSession, where: OutcomeFilter, after: After, limit: int) -> list[OutcomeRow]:
    """Up to ``limit + 1`` outcomes after the keyset position ``after``, oldest first."""
    query = sa.select(*columns(outcomes, OutcomeRow))
    if where.bank_id:
        query = query.where(outcomes.c.bank_org_id == uuid.UUID(where.bank_id))
    if where.uscc:
        query = query.where(outcomes.c.uscc == where.uscc)
    if where.granted_from:
        query = query.where(outcomes.c.granted_on >= where.granted_from)
    if where.granted_to:
        query = query.where(outcomes.c.granted_on <= where.granted_to)
    return [OutcomeRow(*row) for row in await session.execute(keyset_page(query, outcomes, after, limit))]
