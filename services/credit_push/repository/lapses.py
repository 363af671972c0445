"""Ratings that stopped being current by time, while a bank still holds them (CONTRACT §3 "Ratings")."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

# An enterprise whose latest year is older than the oldest year still current (rules/
# rating_years.py oldest_current_year) has no current rating; those some bank still holds.
_HELD_LAPSED = sa.text(
    """
    SELECT l.uscc FROM (
        SELECT uscc FROM credit_push.ratings GROUP BY uscc HAVING max(year) < :oldest
    ) l
    WHERE EXISTS (SELECT 1 FROM credit_push.bank_views v WHERE v.uscc = l.uscc AND v.held)
    ORDER BY l.uscc COLLATE "C"
    LIMIT :n
    """
)


async def held_lapsed(session: AsyncSession, oldest_current_year: int, limit: int) -> list[str]:
    """Up to ``limit`` enterprises with no current rating that some bank still holds, by uscc."""
    result = await session.execute(_HELD_LAPSED, {"oldest": oldest_current_year, "n": limit})
    return [row.uscc for row in result]
