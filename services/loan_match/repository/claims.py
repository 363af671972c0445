"""The SQL of claims on subsidy programmes and of what a programme has paid each enterprise
in a year (the annual cap is checked on that running total). Nothing here commits."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository.common import all_as, maybe_as, one_as
from services.loan_match.repository.rows import ClaimRow
from services.loan_match.rules.vocabulary import ClaimStatus
from services.loan_match.tables import subsidy_claim, subsidy_enterprise_year


async def insert_claim(session: AsyncSession, new: ClaimRow) -> ClaimRow:
    stmt = sa.insert(subsidy_claim).values(**asdict(new)).returning(*subsidy_claim.c)
    return one_as(ClaimRow, (await session.execute(stmt)).one())


async def get_claim(session: AsyncSession, claim_id: str, *, lock: bool = False) -> ClaimRow | None:
    stmt = sa.select(subsidy_claim).where(subsidy_claim.c.id == claim_id)
    if lock:
        stmt = stmt.with_for_update()
    return maybe_as(ClaimRow, (await session.execute(stmt)).first())


async def list_claims(
    session: AsyncSession, programme_id: str, filed_by_org_id: str | None
) -> list[ClaimRow]:
    c = subsidy_claim.c
    stmt = sa.select(subsidy_claim).where(c.programme_id == programme_id)
    if filed_by_org_id is not None:
        stmt = stmt.where(c.filed_by_org_id == filed_by_org_id)
    stmt = stmt.order_by(c.created_at, c.id)
    return all_as(ClaimRow, (await session.execute(stmt)).all())


async def decide_claim(
    session: AsyncSession,
    claim_id: str,
    *,
    status: ClaimStatus,
    paid_fen: int,
    reason: str | None,
    at: datetime,
) -> ClaimRow:
    stmt = (
        sa.update(subsidy_claim)
        .where(subsidy_claim.c.id == claim_id)
        .values(status=status, paid_fen=paid_fen, reason=reason, decided_at=at)
        .returning(*subsidy_claim.c)
    )
    return one_as(ClaimRow, (await session.execute(stmt)).one())


async def enterprise_paid(
    session: AsyncSession, programme_id: str, uscc: str, year: int, *, lock: bool
) -> int:
    """What the programme has paid the enterprise in ``year``; with ``lock``, the running total's
    row is created if need be and held until commit."""
    t = subsidy_enterprise_year
    if lock:
        ins = pg_insert(t).values(programme_id=programme_id, uscc=uscc, year=year, paid_fen=0)
        await session.execute(ins.on_conflict_do_nothing())
    stmt = sa.select(t.c.paid_fen).where(t.c.programme_id == programme_id, t.c.uscc == uscc, t.c.year == year)
    if lock:
        stmt = stmt.with_for_update()
    found = (await session.execute(stmt)).scalar_one_or_none()
    return 0 if found is None else int(found)


async def add_enterprise_paid(
    session: AsyncSession, programme_id: str, uscc: str, year: int, fen: int
) -> None:
    t = subsidy_enterprise_year
    where = (t.c.programme_id == programme_id, t.c.uscc == uscc, t.c.year == year)
    await session.execute(sa.update(t).where(*where).values(paid_fen=t.c.paid_fen + fen))
