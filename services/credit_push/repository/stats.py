"""The 银税互动 statistics (CONTRACT §3 stats row, §1 "Statistics"): set-based, a few statements.

A loan counts once, by (bank, loan_ref) (a loan reported before loan_ref by its row). An
enterprise's 市州 and small-micro mark come from its latest rating.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession


@dataclass(frozen=True)
class Coverage:
    enterprises_rated: int
    enterprises_pushed: int
    banks_subscribed: int
    pending: int
    delivered: int
    failed: int
    small_micro_pushed: int
    small_micro_with_loans: int


@dataclass(frozen=True)
class LoanFigures:
    """Loans of one breakdown entry; ``kind`` is all, region, bank or month and ``key`` its key."""

    kind: str
    key: str
    loans_count: int
    loans_total_fen: int
    pure_credit_total_fen: int
    pure_credit_count: int
    enterprises_with_loans: int


_LATEST = """
    latest AS (SELECT DISTINCT ON (uscc) uscc, region_code, small_micro
               FROM credit_push.ratings ORDER BY uscc, year DESC),
    loans AS (SELECT DISTINCT ON (bank_org_id, coalesce(loan_ref, id::text))
                     uscc, bank_org_id, amount_fen, credit_type, granted_on
              FROM credit_push.outcomes
              WHERE (CAST(:start AS date) IS NULL OR granted_on >= CAST(:start AS date))
                AND (CAST(:end AS date) IS NULL OR granted_on <= CAST(:end AS date))),
    pushed AS (SELECT DISTINCT uscc FROM credit_push.events
               WHERE type = 'credit.rating.published'
                 AND (CAST(:low AS timestamptz) IS NULL OR created_at >= CAST(:low AS timestamptz))
                 AND (CAST(:high AS timestamptz) IS NULL OR created_at < CAST(:high AS timestamptz)))
"""

_IN_PERIOD = """(CAST(:low AS timestamptz) IS NULL OR created_at >= CAST(:low AS timestamptz))
                 AND (CAST(:high AS timestamptz) IS NULL OR created_at < CAST(:high AS timestamptz))"""

_COVERAGE = sa.text(
    f"""
    WITH {_LATEST},
    small_pushed AS (SELECT p.uscc FROM pushed p JOIN latest l USING (uscc) WHERE l.small_micro)
    SELECT
      (SELECT count(*) FROM latest) AS enterprises_rated,
      (SELECT count(*) FROM pushed) AS enterprises_pushed,
      (SELECT count(DISTINCT bank_org_id) FROM credit_push.subscriptions
        WHERE status = 'active') AS banks_subscribed,
      (SELECT count(*) FROM credit_push.deliveries WHERE status = 'pending' AND {_IN_PERIOD}) AS pending,
      (SELECT count(*) FROM credit_push.deliveries WHERE status = 'delivered' AND {_IN_PERIOD}) AS delivered,
      (SELECT count(*) FROM credit_push.deliveries WHERE status = 'failed' AND {_IN_PERIOD}) AS failed,
      (SELECT count(*) FROM small_pushed) AS small_micro_pushed,
      (SELECT count(*) FROM small_pushed s
        WHERE EXISTS (SELECT 1 FROM loans WHERE loans.uscc = s.uscc)) AS small_micro_with_loans
    """  # noqa: S608 (constants)
)

_LOANS = sa.text(
    f"""
    WITH {_LATEST},
    placed AS (
      SELECT loans.*, left(coalesce(l.region_code, substr(loans.uscc, 3, 6)), 4) || '00' AS region,
             to_char(granted_on, 'YYYY-MM') AS month
      FROM loans LEFT JOIN latest l USING (uscc))
    SELECT CASE WHEN GROUPING(region) = 0 THEN 'region' WHEN GROUPING(bank_org_id) = 0 THEN 'bank'
                WHEN GROUPING(month) = 0 THEN 'month' ELSE 'all' END AS kind,
           coalesce(region, CAST(bank_org_id AS text), month, '') AS key,
           count(*) AS loans_count,
           coalesce(sum(amount_fen), 0) AS loans_total_fen,
           coalesce(sum(amount_fen) FILTER (WHERE credit_type = 'pure_credit'), 0) AS pure_credit_total_fen,
           count(*) FILTER (WHERE credit_type = 'pure_credit') AS pure_credit_count,
           count(DISTINCT uscc) AS enterprises_with_loans
    FROM placed GROUP BY GROUPING SETS ((), (region), (bank_org_id), (month))
    ORDER BY kind, key
    """  # noqa: S608 (constants)
)


def params(
    start: date | None, end: date | None, low: datetime | None, high: datetime | None
) -> dict[str, Any]:
    """The period: dates for loans (granted_on), instants for pushes and deliveries."""
    return {"start": start, "end": end, "low": low, "high": high}


async def coverage(session: AsyncSession, params: dict[str, Any]) -> Coverage:
    row = (await session.execute(_COVERAGE, params)).one()
    return Coverage(*(int(getattr(row, f.name)) for f in fields(Coverage)))


async def loans(session: AsyncSession, params: dict[str, Any]) -> list[LoanFigures]:
    """The loan figures overall (kind ``all``; always one row) and per 市州, bank and month."""
    rows = await session.execute(_LOANS, params)
    return [
        LoanFigures(
            r.kind,
            r.key,
            int(r.loans_count),
            int(r.loans_total_fen),
            int(r.pure_credit_total_fen),
            int(r.pure_credit_count),
            int(r.enterprises_with_loans),
        )
        for r in rows
    ]
