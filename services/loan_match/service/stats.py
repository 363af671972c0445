"""The matching funnel for the admin."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from kit.shapes import business_today
from services.loan_match import repository, schemas


async def funnel(session: AsyncSession) -> schemas.Stats:
    """Products, enterprises, queries, demands, responded, accepted and overdue demands."""
    counts = await repository.funnel(session, business_today())
    return schemas.Stats.model_validate(counts, from_attributes=True)
