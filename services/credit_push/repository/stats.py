"""The 银税互动 statistics (CONTRACT §3 stats row, §1 "Statistics"): set-based, a few statements.

A loan counts once, by (bank, loan_ref) (a loan reported before loan_ref by its row). An
enterprise's 市州 and small-micro mark come from its latest rating (its USCC characters 3-8 when
the rating states no region); ``:region`` (a ``xxxx00`` code, or null) narrows to one 市州.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

# The 市州 of a rating row or of a bare USCC (GB/T 2260 prefecture: the code's first 4 digits + 00).
PREFECTURE = "left(coalesce({code}, substr({uscc}, 3, 6)), 4) || '00'"
IN_REGION = "(CAST(:region AS text) IS NULL OR {region} = CAST(:region AS text))"
IN_PERIOD = """(CAST(:low AS timestamptz) IS NULL OR {at} >= CAST(:low AS timestamptz))
               AND (CAST(:high AS timestamptz) IS NULL OR {at} < CAST(:high AS timestamptz))"""

_LATEST = f"""
    latest AS (SELECT DISTINCT ON (uscc) uscc, rating, small_micro,
                      {PREFECTURE.format(code="region_code", uscc="uscc")} AS region
               FROM credit_push.ratings ORDER BY uscc, year DESC),
    loans AS (SELECT DISTINCT ON (o.bank_org_id, coalesce(o.loan_ref, o.id::text))
                     o.uscc, o.bank_org_id, o.amount_fen, o.credit_type, o.granted_on,
                     coalesce(l.region, {PREFECTURE.format(code="NULL", uscc="o.uscc")}) AS region
              FROM credit_push.outcomes o LEFT JOIN latest l USING (uscc)
              WHERE (CAST(:start AS date) IS NULL OR o.granted_on >= CAST(:start AS date))
                AND (CAST(:end AS date) IS NULL OR o.granted_on <= CAST(:end AS date))),
    pushed AS (SELECT p.uscc, p.first_at, coalesce(l.small_micro, false) AS small_micro,
                      coalesce(l.region, {PREFECTURE.format(code="NULL", uscc="p.uscc")}) AS region,
                      to_char(p.first_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
               FROM (SELECT uscc, min(created_at) AS first_at FROM credit_push.events
                     WHERE type = 'credit.rating.published' AND {IN_PERIOD.format(at="created_at")}
                     GROUP BY uscc) p
               LEFT JOIN latest l USING (uscc)),
    firsts AS (SELECT uscc, to_char(min(granted_on), 'YYYY-MM') AS loan_month FROM loans GROUP BY uscc),
    small AS (SELECT p.uscc, p.region, p.month AS pushed_month, f.loan_month
              FROM pushed p LEFT JOIN firsts f USING (uscc)
              WHERE p.small_micro AND {IN_REGION.format(region="p.region")})
"""  # noqa: S608 (constants)


# The statements' result rows, named, in their columns' order.
class Reach(NamedTuple):
    """Enterprises of one 市州 (``kind`` region) or overall (``all``): rated now, pushed in the period."""

    kind: str
    key: str
    enterprises_rated: int
    enterprises_pushed: int
    small_micro_pushed: int
    small_micro_with_loans: int


class ToDate(NamedTuple):
    """The small-micro push set and its enterprises with loans, from the period's start to a month's end."""

    month: str
    small_micro_pushed: int
    small_micro_with_loans: int


class LoanFigures(NamedTuple):
    """Loans of one breakdown entry; ``kind`` is all, region, bank, month or type and ``key`` its key."""

    kind: str
    key: str
    loans_count: int
    loans_total_fen: int
    pure_credit_total_fen: int
    pure_credit_count: int
    enterprises_with_loans: int


_REACH = sa.text(
    f"""
    WITH {_LATEST},
    rated AS (SELECT region, count(*) AS n FROM latest
              WHERE {IN_REGION.format(region="region")} GROUP BY GROUPING SETS ((), (region))),
    sent AS (SELECT region, count(*) AS n FROM pushed
             WHERE {IN_REGION.format(region="region")} GROUP BY GROUPING SETS ((), (region))),
    smalls AS (SELECT region, count(*) AS n, count(*) FILTER (WHERE loan_month IS NOT NULL) AS with_loans
               FROM small GROUP BY GROUPING SETS ((), (region))),
    keys AS (SELECT region FROM rated UNION SELECT region FROM sent UNION SELECT region FROM smalls)
    SELECT CASE WHEN k.region IS NULL THEN 'all' ELSE 'region' END AS kind, coalesce(k.region, '') AS key,
           coalesce(r.n, 0) AS rated, coalesce(s.n, 0) AS pushed,
           coalesce(m.n, 0) AS small, coalesce(m.with_loans, 0) AS small_with_loans
    FROM keys k
    LEFT JOIN rated r ON r.region IS NOT DISTINCT FROM k.region
    LEFT JOIN sent s ON s.region IS NOT DISTINCT FROM k.region
    LEFT JOIN smalls m ON m.region IS NOT DISTINCT FROM k.region
    ORDER BY kind, key
    """  # noqa: S608 (constants)
)

# A pushed small-micro enterprise joins the push set in its push month and the enterprises with
# loans in the later of that month and its first loan's: running sums give the figures to date.
_TO_DATE = sa.text(
    f"""
    WITH {_LATEST},
    marks AS (SELECT pushed_month AS month, 1 AS pushed, 0 AS loaned FROM small
              UNION ALL SELECT greatest(pushed_month, loan_month), 0, 1 FROM small
                        WHERE loan_month IS NOT NULL
              UNION ALL SELECT month, 0, 0 FROM pushed WHERE {IN_REGION.format(region="region")}
              UNION ALL SELECT to_char(granted_on, 'YYYY-MM'), 0, 0 FROM loans
                        WHERE {IN_REGION.format(region="region")}),
    per AS (SELECT month, sum(pushed) AS pushed, sum(loaned) AS loaned FROM marks GROUP BY month)
    SELECT month, sum(pushed) OVER w AS pushed, sum(loaned) OVER w AS with_loans
    FROM per WINDOW w AS (ORDER BY month) ORDER BY month
    """  # noqa: S608 (constants)
)

_LOANS = sa.text(
    f"""
    WITH {_LATEST},
    placed AS (SELECT loans.*, to_char(granted_on, 'YYYY-MM') AS month FROM loans
               WHERE {IN_REGION.format(region="region")})
    SELECT CASE WHEN GROUPING(region) = 0 THEN 'region' WHEN GROUPING(bank_org_id) = 0 THEN 'bank'
                WHEN GROUPING(month) = 0 THEN 'month' WHEN GROUPING(credit_type) = 0 THEN 'type'
                ELSE 'all' END AS kind,
           coalesce(region, CAST(bank_org_id AS text), month, credit_type, '') AS key,
           count(*) AS loans_count,
           coalesce(sum(amount_fen), 0) AS loans_total_fen,
           coalesce(sum(amount_fen) FILTER (WHERE credit_type = 'pure_credit'), 0) AS pure_credit_total_fen,
           count(*) FILTER (WHERE credit_type = 'pure_credit') AS pure_credit_count,
           count(DISTINCT uscc) AS enterprises_with_loans
    FROM placed GROUP BY GROUPING SETS ((), (region), (bank_org_id), (month), (credit_type))
    ORDER BY kind, key
    """  # noqa: S608 (constants)
)


def params(
    start: date | None, end: date | None, low: datetime | None, high: datetime | None, region: str | None
) -> dict[str, Any]:
    """The period (dates for loans' granted_on, instants for the rest) and the 市州 (or None)."""
    return {"start": start, "end": end, "low": low, "high": high, "region": region}


async def reach(session: AsyncSession, params: dict[str, Any]) -> list[Reach]:
    """Enterprises rated, pushed and small-micro overall (the first ``all`` row) and per 市州."""
    rows = await session.execute(_REACH, params)
    return [
        Reach(r.kind, r.key, int(r.rated), int(r.pushed), int(r.small), int(r.small_with_loans)) for r in rows
    ]


async def to_date(session: AsyncSession, params: dict[str, Any]) -> list[ToDate]:
    """The 受益户数比例's parts to each month's end, for every month with a push or a loan."""
    rows = await session.execute(_TO_DATE, params)
    return [ToDate(r.month, int(r.pushed), int(r.with_loans)) for r in rows]


async def loans(session: AsyncSession, params: dict[str, Any]) -> list[LoanFigures]:
    """The loan figures overall (kind ``all``; always one row) and per 市州, bank, month and type."""
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
