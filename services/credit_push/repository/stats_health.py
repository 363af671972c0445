"""The 银税互动 statistics' operational side (CONTRACT §3 stats row): ratings by level and year,
authorisations and consents by status, banks subscribed, and webhook delivery health per bank.

``params`` are those of ``repository.stats``; ``:today`` (Asia/Shanghai) decides what has expired.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.stats import IN_PERIOD, IN_REGION, PREFECTURE


@dataclass(frozen=True)
class Health:
    """Deliveries created in the period by status now, overall (``bank`` '') or of one bank."""

    bank: str
    pending: int
    delivered: int
    failed: int
    oldest_pending_age_seconds: int | None


@dataclass(frozen=True)
class Count:
    """One count: ``kind`` level (``key`` the level), year (``key`` year, ``level``), or
    authorisations / consents (``key`` their status)."""

    kind: str
    key: str
    level: str
    count: int


_HEALTH = sa.text(
    f"""
    SELECT coalesce(CAST(bank_org_id AS text), '') AS bank,
           count(*) FILTER (WHERE status = 'pending') AS pending,
           count(*) FILTER (WHERE status = 'delivered') AS delivered,
           count(*) FILTER (WHERE status = 'failed') AS failed,
           CAST(floor(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending')))
                AS bigint) AS oldest
    FROM credit_push.deliveries WHERE {IN_PERIOD.format(at="created_at")}
    GROUP BY GROUPING SETS ((), (bank_org_id)) ORDER BY bank
    """  # noqa: S608 (constants)
)

_SUBSCRIBED = sa.text(
    "SELECT count(DISTINCT bank_org_id) FROM credit_push.subscriptions WHERE status = 'active'"
)

# An enterprise's 市州 from its latest rating (the (uscc, year) key finds it), else its USCC.
_REGION_OF = f"""coalesce((SELECT {PREFECTURE.format(code="r.region_code", uscc="r.uscc")}
                            FROM credit_push.ratings r WHERE r.uscc = {{t}}.uscc
                            ORDER BY r.year DESC LIMIT 1),
                           {PREFECTURE.format(code="NULL", uscc="{t}.uscc")})"""  # noqa: S608 (constants)


def _statuses(table: str) -> str:
    region = IN_REGION.format(region=_REGION_OF.format(t="t"))
    return f"""
    SELECT '{table}' AS kind,
           CASE WHEN status = 'active' AND expires_on < CAST(:today AS date) THEN 'expired'
                ELSE status END AS key, '' AS level, count(*) AS n
    FROM credit_push.{table} t WHERE {IN_PERIOD.format(at="created_at")} AND {region}
    GROUP BY 2"""  # noqa: S608 (constants; the table is one of two names)


_COUNTS = sa.text(
    f"""
    WITH rows AS (SELECT uscc, year, rating,
                         {PREFECTURE.format(code="region_code", uscc="uscc")} AS region,
                         row_number() OVER (PARTITION BY uscc ORDER BY year DESC) AS age
                  FROM credit_push.ratings)
    SELECT 'level' AS kind, rating AS key, '' AS level, count(*) AS n FROM rows
      WHERE age = 1 AND {IN_REGION.format(region="region")} GROUP BY rating
    UNION ALL
    SELECT 'year', CAST(year AS text), rating, count(*) FROM rows
      WHERE {IN_REGION.format(region="region")} GROUP BY year, rating
    UNION ALL {_statuses("authorisations")}
    UNION ALL {_statuses("consents")}
    ORDER BY 1, 2, 3
    """  # noqa: S608 (constants)
)


async def health(session: AsyncSession, params: dict[str, Any]) -> list[Health]:
    """Delivery health overall (the first row, bank '') and per bank with a delivery."""
    rows = await session.execute(_HEALTH, params)
    return [
        Health(
            r.bank,
            int(r.pending),
            int(r.delivered),
            int(r.failed),
            None if r.oldest is None else int(r.oldest),
        )
        for r in rows
    ]


async def banks_subscribed(session: AsyncSession) -> int:
    return int((await session.execute(_SUBSCRIBED)).scalar_one())


async def counts(session: AsyncSession, params: dict[str, Any]) -> list[Count]:
    """Ratings by latest level and by evaluation year and level; authorisations and consents
    recorded in the period by status (an active one past its last valid day counts as expired)."""
    rows = await session.execute(_COUNTS, params)
    return [Count(r.kind, r.key, r.level, int(r.n)) for r in rows]
