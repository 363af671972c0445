"""Loans banks report for enterprises pushed to them, and the 银税互动 statistics."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import columns, keyset_page
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


@dataclass(frozen=True)
class Stats:
    enterprises_rated: int
    enterprises_pushed: int
    banks_subscribed: int
    pending: int
    delivered: int
    failed: int
    loans_count: int
    loans_total_fen: int
    pure_credit_total_fen: int
    enterprises_with_loans: int


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


async def list_for(
    session: AsyncSession, where: OutcomeFilter, after: tuple[datetime, uuid.UUID] | None, limit: int
) -> list[OutcomeRow]:
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


_STATS = sa.text(
    """
    SELECT
      (SELECT count(DISTINCT uscc) FROM credit_push.ratings) AS enterprises_rated,
      (SELECT count(DISTINCT uscc) FROM credit_push.events
        WHERE type = 'credit.rating.published') AS enterprises_pushed,
      (SELECT count(DISTINCT bank_org_id) FROM credit_push.subscriptions
        WHERE status = 'active') AS banks_subscribed,
      (SELECT count(*) FROM credit_push.deliveries WHERE status = 'pending') AS pending,
      (SELECT count(*) FROM credit_push.deliveries WHERE status = 'delivered') AS delivered,
      (SELECT count(*) FROM credit_push.deliveries WHERE status = 'failed') AS failed,
      o.loans_count, o.loans_total_fen, o.pure_credit_total_fen, o.enterprises_with_loans
    FROM (
      SELECT count(*) AS loans_count,
             coalesce(sum(amount_fen), 0) AS loans_total_fen,
             coalesce(sum(amount_fen) FILTER (WHERE credit_type = 'pure_credit'), 0)
               AS pure_credit_total_fen,
             count(DISTINCT uscc) AS enterprises_with_loans
      -- a loan counts once: by (bank, loan_ref); a loan reported before loan_ref by its row
      FROM (SELECT DISTINCT ON (bank_org_id, coalesce(loan_ref, id::text)) uscc, amount_fen, credit_type
            FROM credit_push.outcomes) AS unique_loans
    ) o
    """
)


async def stats(session: AsyncSession) -> Stats:
    """Every figure in one statement; sums come back as numeric, so each is made an int here."""
    row = (await session.execute(_STATS)).one()
    return Stats(*(int(getattr(row, field.name)) for field in fields(Stats)))
