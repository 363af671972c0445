"""The SQL of match queries: each is counted for the figures."""

from __future__ import annotations

from dataclasses import asdict

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository.rows import QueryRow
from services.loan_match.tables import match_query


async def record_query(session: AsyncSession, query: QueryRow) -> None:
    await session.execute(sa.insert(match_query).values(**asdict(query)))
