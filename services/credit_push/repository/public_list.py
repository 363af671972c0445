"""The public A list of an evaluation year (纳税信用A级纳税人名单), blacklisted enterprises left out."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.blacklist import LISTED_NOW


@dataclass(frozen=True)
class ListedA:
    uscc: str
    name: str
    year: int


_A_LIST = sa.text(
    f"""
    SELECT r.uscc, r.name, r.year FROM credit_push.ratings r
    WHERE r.year = :year AND r.rating = 'A' AND r.uscc > :after
      AND NOT EXISTS (SELECT 1 FROM credit_push.blacklist b WHERE b.uscc = r.uscc AND {LISTED_NOW})
    ORDER BY r.uscc LIMIT :limit
    """  # noqa: S608 (a constant)
)


async def a_list(session: AsyncSession, year: int, after: str, limit: int) -> list[ListedA]:
    """Up to ``limit + 1`` A enterprises of ``year`` after the uscc ``after``, by uscc."""
    rows = await session.execute(_A_LIST, {"year": year, "after": after, "limit": limit + 1})
    return [ListedA(row.uscc, row.name, row.year) for row in rows]
