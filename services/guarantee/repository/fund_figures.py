"""SQL of the policy funds' figures (CONTRACT §1 "Statistics", §6): risk pools and bridge funds,
set-based, each breakdown from GROUPING SETS.

Flows are counted on their own day: a pool loan on its start_date, a default (and the pool's
compensation) on defaulted_on, a recovery on recovered_on; a bridge loan goes out on start_date
and returns on repaid_on. An enterprise's 市州 comes from its USCC (characters 3-8, GB 32100).
Snapshots are as of one day: a pool's balance is its initial balance less what it paid and plus
what it got back by then; a bridge fund's outstanding is its loans out by then and not repaid.
Every fund counts in a snapshot, whenever it was registered (its loans may be dated before
that). A pool loan's outstanding and overdue have no history (banks report them as they change), so a
pool's outstanding and overdue ratio are always today's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from services.guarantee.repository.base import Queries, as_int, typed


@dataclass(frozen=True)
class FundParams:
    """Period days (None: open), the snapshot day, a 市州 code or None, and the fund manager whose
    funds alone count (None: every fund)."""

    start: dt.date | None
    end: dt.date | None
    as_of: dt.date
    region: str | None
    manager: str | None

    def bind(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "as_of": self.as_of,
            "region": self.region[:4] if self.region else None,
            "manager": self.manager,
        }


@dataclass(frozen=True)
class Figures:
    """One breakdown entry: ``kind`` all, fund, region, bank or month, ``key`` its key, and the
    named sums of the statement that made it."""

    kind: str
    key: str
    values: dict[str, int]


@dataclass(frozen=True)
class PoolBook:
    """A pool as of the snapshot day (balance) and today (outstanding, overdue)."""

    id: str
    name: str
    region_code: str
    compensation_bp: int
    stop_overdue_bp: int
    initial_balance_fen: int
    balance_fen: int
    outstanding_fen: int
    overdue_fen: int


@dataclass(frozen=True)
class BridgeBook:
    """A bridge fund as of the snapshot day."""

    id: str
    name: str
    size_fen: int
    max_days: int
    daily_fee_bp: int
    active_loans: int
    outstanding_fen: int
    overdue_loans: int
    overdue_fen: int


_DAY_IN = """(CAST(:start AS date) IS NULL OR {day} >= CAST(:start AS date))
      AND (CAST(:end AS date) IS NULL OR {day} <= CAST(:end AS date))"""
_MINE = "(CAST(:manager AS uuid) IS NULL OR f.manager_org_id = CAST(:manager AS uuid))"
_REGION = "(CAST(:region AS text) IS NULL OR substr({uscc}, 3, 4) = CAST(:region AS text))"
# The loans of the funds that count, with the keys every breakdown groups them by.
_LOANS = """
    WITH loans AS (
      SELECT l.*, CAST(l.{fund} AS text) AS fund, CAST(l.bank_org_id AS text) AS bank,
             substr(l.uscc, 3, 4) || '00' AS region
      FROM guarantee.{loans} l JOIN guarantee.{funds} f ON f.id = l.{fund}
      WHERE {mine} AND {region})"""
_GROUPED = """
    SELECT CASE WHEN GROUPING(fund) = 0 THEN 'fund' WHEN GROUPING(region) = 0 THEN 'region'
                WHEN GROUPING(bank) = 0 THEN 'bank' WHEN GROUPING(month) = 0 THEN 'month'
                ELSE 'all' END AS kind,
           coalesce(fund, region, bank, month, '') AS key, {sums}
    FROM placed GROUP BY GROUPING SETS ((), (fund), (region), (bank), (month)) ORDER BY kind, key
"""


def _loans(loans: str, funds: str, fund: str) -> str:
    """The ``loans`` CTE over table ``loans`` whose column ``fund`` names its row in ``funds``."""
    return _LOANS.format(
        loans=loans, funds=funds, fund=fund, mine=_MINE, region=_REGION.format(uscc="l.uscc")
    )


POOL_FLOWS = (
    "loans_registered",
    "principal_registered_fen",
    "defaults",
    "defaulted_fen",
    "compensation_paid_fen",
    "uncovered_fen",
    "recoveries",
    "recovered_fen",
    "recovered_to_pool_fen",
)
_POOL_FLOWS = sa.text(
    f"""
    {_loans("pool_loan", "pool", "pool_id")},
    events AS (
      SELECT fund, bank, region, start_date AS day, 'loan' AS what, principal_fen AS a, 0 AS b, 0 AS c
      FROM loans
      UNION ALL
      SELECT fund, bank, region, defaulted_on, 'default', defaulted_fen, compensation_fen, uncovered_fen
      FROM loans WHERE defaulted_on IS NOT NULL
      UNION ALL
      SELECT fund, bank, region, r.recovered_on, 'recovery', r.amount_fen, r.pool_fen, 0
      FROM loans JOIN guarantee.pool_recovery r ON r.loan_id = loans.id),
    placed AS (SELECT *, to_char(day, 'YYYY-MM') AS month FROM events WHERE {_DAY_IN.format(day="day")})
    {
        _GROUPED.format(
            sums='''
           count(*) FILTER (WHERE what = 'loan') AS loans_registered,
           sum(a) FILTER (WHERE what = 'loan') AS principal_registered_fen,
           count(*) FILTER (WHERE what = 'default') AS defaults,
           sum(a) FILTER (WHERE what = 'default') AS defaulted_fen,
           sum(b) FILTER (WHERE what = 'default') AS compensation_paid_fen,
           sum(c) FILTER (WHERE what = 'default') AS uncovered_fen,
           count(*) FILTER (WHERE what = 'recovery') AS recoveries,
           sum(a) FILTER (WHERE what = 'recovery') AS recovered_fen,
           sum(b) FILTER (WHERE what = 'recovery') AS recovered_to_pool_fen'''
        )
    }
    """  # noqa: S608 (constants)
)

# Per pool: the balance as of the snapshot day, and today's outstanding and overdue.
_POOL_BOOKS = sa.text(
    f"""
    SELECT CAST(f.id AS text) AS id, f.name, f.region_code, f.compensation_bp, f.stop_overdue_bp,
           f.initial_balance_fen,
           f.initial_balance_fen
             - coalesce((SELECT sum(compensation_fen) FROM guarantee.pool_loan
                         WHERE pool_id = f.id AND defaulted_on <= CAST(:as_of AS date)), 0)
             + coalesce((SELECT sum(pool_fen) FROM guarantee.pool_recovery
                         WHERE pool_id = f.id AND recovered_on <= CAST(:as_of AS date)), 0)
             AS balance_fen,
           coalesce((SELECT sum(outstanding_fen) FROM guarantee.pool_loan WHERE pool_id = f.id), 0)
             AS outstanding_fen,
           coalesce((SELECT sum(outstanding_fen) FROM guarantee.pool_loan
                     WHERE pool_id = f.id AND status IN ('overdue', 'defaulted')), 0) AS overdue_fen
    FROM guarantee.pool f
    WHERE {_MINE}
    ORDER BY f.seq
    """  # noqa: S608 (constants)
)

BRIDGE_FLOWS = ("loans_out", "lent_fen", "fees_fen", "loans_returned", "returned_fen")
_BRIDGE_FLOWS = sa.text(
    f"""
    {_loans("bridge_loan", "bridge_fund", "fund_id")},
    events AS (
      SELECT fund, bank, region, start_date AS day, 'out' AS what, amount_fen AS a, fee_fen AS b FROM loans
      UNION ALL
      SELECT fund, bank, region, repaid_on, 'back', amount_fen, 0 FROM loans WHERE repaid_on IS NOT NULL),
    placed AS (SELECT *, to_char(day, 'YYYY-MM') AS month FROM events WHERE {_DAY_IN.format(day="day")})
    {
        _GROUPED.format(
            sums='''
           count(*) FILTER (WHERE what = 'out') AS loans_out,
           sum(a) FILTER (WHERE what = 'out') AS lent_fen,
           sum(b) FILTER (WHERE what = 'out') AS fees_fen,
           count(*) FILTER (WHERE what = 'back') AS loans_returned,
           sum(a) FILTER (WHERE what = 'back') AS returned_fen'''
        )
    }
    """  # noqa: S608 (constants)
)

# Per fund as of the snapshot day: loans out by then and not repaid by then; overdue among them
# when due_on is before that day (CONTRACT §6: past due_on unpaid is overdue).
_OUT = "l.start_date <= CAST(:as_of AS date) AND (l.repaid_on IS NULL OR l.repaid_on > CAST(:as_of AS date))"
_BRIDGE_BOOKS = sa.text(
    f"""
    SELECT CAST(f.id AS text) AS id, f.name, f.size_fen, f.max_days, f.daily_fee_bp,
           count(l.id) FILTER (WHERE {_OUT}) AS active_loans,
           coalesce(sum(l.amount_fen) FILTER (WHERE {_OUT}), 0) AS outstanding_fen,
           count(l.id) FILTER (WHERE {_OUT} AND l.due_on < CAST(:as_of AS date)) AS overdue_loans,
           coalesce(sum(l.amount_fen) FILTER (WHERE {_OUT} AND l.due_on < CAST(:as_of AS date)), 0)
             AS overdue_fen
    FROM guarantee.bridge_fund f LEFT JOIN guarantee.bridge_loan l ON l.fund_id = f.id
    WHERE {_MINE}
    GROUP BY f.id ORDER BY f.seq
    """  # noqa: S608 (constants)
)


class FundFigureQueries(Queries):
    async def _grouped(
        self, stmt: sa.TextClause, params: FundParams, names: tuple[str, ...]
    ) -> list[Figures]:
        rows = (await self.session.execute(stmt, params.bind())).mappings().all()
        return [Figures(r["kind"], r["key"], {n: as_int(r[n]) for n in names}) for r in rows]

    async def pool_flows(self, params: FundParams) -> list[Figures]:
        """Loans, defaults and recoveries of the period: overall, per pool, 市州, bank and month."""
        return await self._grouped(_POOL_FLOWS, params, POOL_FLOWS)

    async def pool_books(self, params: FundParams) -> list[PoolBook]:
        rows = (await self.session.execute(_POOL_BOOKS, params.bind())).mappings().all()
        return [
            typed(PoolBook, {k: (v if isinstance(v, str) else as_int(v)) for k, v in r.items()}) for r in rows
        ]

    async def bridge_flows(self, params: FundParams) -> list[Figures]:
        """Bridge loans out and returned in the period: overall, per fund, 市州, bank and month."""
        return await self._grouped(_BRIDGE_FLOWS, params, BRIDGE_FLOWS)

    async def bridge_books(self, params: FundParams) -> list[BridgeBook]:
        rows = (await self.session.execute(_BRIDGE_BOOKS, params.bind())).mappings().all()
        return [
            typed(BridgeBook, {k: (v if isinstance(v, str) else as_int(v)) for k, v in r.items()})
            for r in rows
        ]
