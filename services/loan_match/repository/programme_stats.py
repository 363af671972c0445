"""Every SQL statement of the subsidy figures (CONTRACT §1 "Statistics", §6): set-based, each
breakdown from GROUPING SETS. Nothing here commits.

A claim's filing counts on the day it was filed and its decision on the day it was decided, so a
period's figures are the flows within it; a claim belongs to its bank and to the 市州 of the
enterprise's profile at filing. Budgets are snapshots: what is paid by the end of the snapshot day.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository.common import figures_as


@dataclass(frozen=True)
class Params:
    """The period's instants (None: open), the instant the snapshot day ends, a 市州 code or
    None, and the fund manager whose programmes alone count (None: every programme)."""

    low: datetime | None
    high: datetime | None
    as_of_end: datetime
    region: str | None
    manager: str | None

    def bind(self) -> dict[str, object]:
        return {**asdict(self), "region": self.region[:4] if self.region else None}


@dataclass(frozen=True)
class ClaimFigures:
    """Claims of one breakdown entry: ``kind`` all, programme, region, bank or month."""

    kind: str
    key: str
    claims_filed: int
    claimed_fen: int
    approved_count: int
    paid_fen: int
    refused_count: int


@dataclass(frozen=True)
class ProgrammeBook:
    """A programme as of the snapshot day: what it had paid and how many claims awaited a decision."""

    id: str
    name: str
    kind: str
    year: int
    budget_fen: int
    paid_to_date_fen: int
    pending_count: int


_MINE = "(CAST(:manager AS uuid) IS NULL OR p.fund_manager_org_id = CAST(:manager AS uuid))"
_IN_PERIOD = """(CAST(:low AS timestamptz) IS NULL OR at >= CAST(:low AS timestamptz))
    AND (CAST(:high AS timestamptz) IS NULL OR at < CAST(:high AS timestamptz))"""

_CLAIMS = sa.text(
    f"""
    WITH c AS (
      SELECT c.*, left(c.region_code, 4) || '00' AS region, CAST(c.bank_org_id AS text) AS bank,
             CAST(c.programme_id AS text) AS programme
      FROM loan_match.subsidy_claim c JOIN loan_match.programme p ON p.id = c.programme_id
      WHERE {_MINE} AND (CAST(:region AS text) IS NULL OR left(c.region_code, 4) = CAST(:region AS text))),
    events AS (
      SELECT programme, region, bank, created_at AS at, 'filed' AS what, claimed_on_fen AS fen FROM c
      UNION ALL
      SELECT programme, region, bank, decided_at, status, paid_fen FROM c WHERE decided_at IS NOT NULL),
    placed AS (SELECT *, to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month FROM events
               WHERE {_IN_PERIOD})
    SELECT CASE WHEN GROUPING(programme) = 0 THEN 'programme' WHEN GROUPING(region) = 0 THEN 'region'
                WHEN GROUPING(bank) = 0 THEN 'bank' WHEN GROUPING(month) = 0 THEN 'month'
                ELSE 'all' END AS kind,
           coalesce(programme, region, bank, month, '') AS key,
           count(*) FILTER (WHERE what = 'filed') AS claims_filed,
           coalesce(sum(fen) FILTER (WHERE what = 'filed'), 0) AS claimed_fen,
           count(*) FILTER (WHERE what = 'approved') AS approved_count,
           coalesce(sum(fen) FILTER (WHERE what = 'approved'), 0) AS paid_fen,
           count(*) FILTER (WHERE what = 'refused') AS refused_count
    FROM placed GROUP BY GROUPING SETS ((), (programme), (region), (bank), (month)) ORDER BY kind, key
    """  # noqa: S608 (constants)
)

_REFUSALS = sa.text(
    f"""
    SELECT coalesce(c.reason, '') AS reason, count(*) AS n
    FROM (SELECT c.reason, c.decided_at AS at FROM loan_match.subsidy_claim c
          JOIN loan_match.programme p ON p.id = c.programme_id
          WHERE c.status = 'refused' AND {_MINE}
            AND (CAST(:region AS text) IS NULL OR left(c.region_code, 4) = CAST(:region AS text))) c
    WHERE {_IN_PERIOD}
    GROUP BY 1 ORDER BY 2 DESC, 1
    """  # noqa: S608 (constants)
)

_BOOKS = sa.text(
    f"""
    SELECT CAST(p.id AS text) AS id, p.name, p.kind, p.year, p.budget_fen,
           coalesce(sum(c.paid_fen) FILTER (
             WHERE c.status = 'approved' AND c.decided_at < CAST(:as_of_end AS timestamptz)), 0)
             AS paid_to_date_fen,
           count(c.id) FILTER (WHERE c.created_at < CAST(:as_of_end AS timestamptz)
             AND (c.decided_at IS NULL OR c.decided_at >= CAST(:as_of_end AS timestamptz))) AS pending_count
    FROM loan_match.programme p LEFT JOIN loan_match.subsidy_claim c ON c.programme_id = p.id
    WHERE {_MINE} AND p.created_at < CAST(:as_of_end AS timestamptz)
    GROUP BY p.id ORDER BY p.year, p.created_at, p.id
    """  # noqa: S608 (constants)
)


async def claims(session: AsyncSession, params: Params) -> list[ClaimFigures]:
    """Overall (kind ``all``, always one row), per programme, 市州, bank and month."""
    return figures_as(ClaimFigures, (await session.execute(_CLAIMS, params.bind())).all())


async def refusals(session: AsyncSession, params: Params) -> dict[str, int]:
    """Refusals of the period by the manager's reason, most frequent first."""
    rows = await session.execute(_REFUSALS, params.bind())
    return {str(r.reason): int(r.n) for r in rows}


async def books(session: AsyncSession, params: Params) -> list[ProgrammeBook]:
    return figures_as(ProgrammeBook, (await session.execute(_BOOKS, params.bind())).all())
