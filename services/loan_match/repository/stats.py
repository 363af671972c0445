"""Every SQL statement of the matching figures (CONTRACT §1 "Statistics", §5 /v1/match/stats):
set-based, one statement per figure group, each breakdown from GROUPING SETS. Nothing here commits.

A demand belongs to the period by its creation instant and to a 市州 by its region code; a route
is one (demand, routed bank) pair. A route is *answered* at its bank's first decision (accepted or
declined: need_info does not stop the clock, CONTRACT §5), *in time* when that decision came on or
before ``respond_by`` (Asia/Shanghai), *overdue* when it has none and ``respond_by`` is before the
snapshot day, and *due* when it is answered or overdue (the share answered in time is over these).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository.common import figures_as


@dataclass(frozen=True)
class Params:
    """``low``/``high``: the period's instants (None: open); ``as_of``: the snapshot day and
    ``as_of_end`` the instant it ends; ``region``: a 市州 code (``xxxx00``) or None."""

    low: datetime | None
    high: datetime | None
    as_of: date
    as_of_end: datetime
    region: str | None

    def bind(self) -> dict[str, object]:
        return {**asdict(self), "region": self.region[:4] if self.region else None}


@dataclass(frozen=True)
class DemandFigures:
    """Demands of one breakdown entry: ``kind`` is all, region or month and ``key`` its key."""

    kind: str
    key: str
    demands: int
    routed: int
    responded: int
    accepted: int
    overdue: int


@dataclass(frozen=True)
class RouteFigures:
    """Routes of one breakdown entry (kind all, bank, region or month); minutes are None when
    no route of the entry was answered."""

    kind: str
    key: str
    routes: int
    answered: int
    accepted: int
    declined: int
    need_info: int
    overdue: int
    due: int
    answered_in_time: int
    median_answer_minutes: int | None
    p90_answer_minutes: int | None


@dataclass(frozen=True)
class Count:
    kind: str
    key: str
    count: int


_IN_PERIOD = """(CAST(:low AS timestamptz) IS NULL OR {at} >= CAST(:low AS timestamptz))
    AND (CAST(:high AS timestamptz) IS NULL OR {at} < CAST(:high AS timestamptz))"""
_IN_REGION = "(CAST(:region AS text) IS NULL OR left({code}, 4) = CAST(:region AS text))"
_KIND = """CASE {cases} ELSE 'all' END AS kind, coalesce({keys}, '') AS key"""

_ROUTES = f"""
    d AS (SELECT id, created_at, respond_by, left(region_code, 4) || '00' AS region,
                 to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
          FROM loan_match.demand
          WHERE {_IN_PERIOD.format(at="created_at")} AND {_IN_REGION.format(code="region_code")}),
    answers AS (SELECT demand_id, bank_org_id, min(created_at) AS first_at,
                       min(created_at) FILTER (WHERE decision IN ('accepted', 'declined')) AS decided_at,
                       bool_or(decision = 'accepted') AS accepted, bool_or(decision = 'declined') AS declined
                FROM loan_match.demand_response
                WHERE created_at < CAST(:as_of_end AS timestamptz)
                GROUP BY demand_id, bank_org_id),
    r AS (SELECT d.id, d.region, d.month, CAST(rt.bank_org_id AS text) AS bank,
                 a.first_at IS NOT NULL AS responded, a.decided_at IS NOT NULL AS answered,
                 coalesce(a.accepted, false) AS accepted, coalesce(a.declined, false) AS declined,
                 a.decided_at IS NULL AND d.respond_by < CAST(:as_of AS date) AS overdue,
                 CAST(a.decided_at AT TIME ZONE 'Asia/Shanghai' AS date) <= d.respond_by AS in_time,
                 CAST(floor(extract(epoch FROM a.decided_at - d.created_at) / 60) AS bigint) AS minutes
          FROM d JOIN loan_match.demand_route rt ON rt.demand_id = d.id
          LEFT JOIN answers a ON a.demand_id = rt.demand_id AND a.bank_org_id = rt.bank_org_id)
"""  # noqa: S608 (constants)

_DEMANDS = sa.text(
    f"""
    WITH {_ROUTES},
    per_demand AS (
      SELECT d.id, d.region, d.month, count(r.bank) > 0 AS routed,
             coalesce(bool_or(r.responded), false) AS responded,
             coalesce(bool_or(r.accepted), false) AS accepted,
             coalesce(bool_or(r.overdue), false) AS overdue
      FROM d LEFT JOIN r ON r.id = d.id GROUP BY d.id, d.region, d.month)
    SELECT {
        _KIND.format(
            cases="WHEN GROUPING(region) = 0 THEN 'region' WHEN GROUPING(month) = 0 THEN 'month'",
            keys="region, month",
        )
    },
           count(*) AS demands, count(*) FILTER (WHERE routed) AS routed,
           count(*) FILTER (WHERE responded) AS responded, count(*) FILTER (WHERE accepted) AS accepted,
           count(*) FILTER (WHERE overdue) AS overdue
    FROM per_demand GROUP BY GROUPING SETS ((), (region), (month)) ORDER BY kind, key
    """  # noqa: S608 (constants)
)

_ANSWERS = sa.text(
    f"""
    WITH {_ROUTES}
    SELECT {
        _KIND.format(
            cases="WHEN GROUPING(bank) = 0 THEN 'bank' WHEN GROUPING(region) = 0 THEN 'region' "
            "WHEN GROUPING(month) = 0 THEN 'month'",
            keys="bank, region, month",
        )
    },
           count(*) AS routes, count(*) FILTER (WHERE answered) AS answered,
           count(*) FILTER (WHERE accepted) AS accepted, count(*) FILTER (WHERE declined) AS declined,
           count(*) FILTER (WHERE responded AND NOT answered) AS need_info,
           count(*) FILTER (WHERE overdue) AS overdue,
           count(*) FILTER (WHERE answered OR overdue) AS due,
           count(*) FILTER (WHERE in_time) AS answered_in_time,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY minutes) AS median_answer_minutes,
           percentile_disc(0.9) WITHIN GROUP (ORDER BY minutes) AS p90_answer_minutes
    FROM r GROUP BY GROUPING SETS ((), (bank), (region), (month)) ORDER BY kind, key
    """  # noqa: S608 (constants)
)

# Products on offer at the end of the snapshot day: published by then and not yet retired.
_PRODUCTS = sa.text(
    f"""
    SELECT {
        _KIND.format(
            cases="WHEN GROUPING(bank) = 0 THEN 'bank' WHEN GROUPING(product_type) = 0 THEN 'type'",
            keys="bank, product_type",
        )
    },
           count(*) AS count
    FROM (SELECT CAST(bank_org_id AS text) AS bank, product_type FROM loan_match.product
          WHERE created_at < CAST(:as_of_end AS timestamptz)
            AND (active OR retired_at >= CAST(:as_of_end AS timestamptz))) p
    GROUP BY GROUPING SETS ((), (bank), (product_type)) ORDER BY kind, key
    """  # noqa: S608 (constants)
)

# Queries are placed in a 市州 by the USCC's registration code (CONTRACT §1): the query row keeps
# no profile of its own.
_QUERIES = sa.text(
    f"""
    SELECT {_KIND.format(cases="WHEN GROUPING(month) = 0 THEN 'month'", keys="month")}, count(*) AS count
    FROM (SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
          FROM loan_match.match_query
          WHERE {_IN_PERIOD.format(at="created_at")} AND {_IN_REGION.format(code="substr(uscc, 3, 6)")}) q
    GROUP BY GROUPING SETS ((), (month)) ORDER BY kind, key
    """  # noqa: S608 (constants)
)

# Enterprises with a profile at the end of the snapshot day (any partner app's).
_ENTERPRISES = sa.text(
    f"""
    SELECT count(DISTINCT uscc) FROM loan_match.enterprise_profile
    WHERE created_at < CAST(:as_of_end AS timestamptz) AND {_IN_REGION.format(code="region_code")}
    """  # noqa: S608 (constants)
)


async def demands(session: AsyncSession, params: Params) -> list[DemandFigures]:
    """Overall (kind ``all``, always one row), per 市州 and per month."""
    return figures_as(DemandFigures, (await session.execute(_DEMANDS, params.bind())).all())


async def answers(session: AsyncSession, params: Params) -> list[RouteFigures]:
    """Routes overall (kind ``all``, always one row), per bank, per 市州 and per month."""
    return figures_as(RouteFigures, (await session.execute(_ANSWERS, params.bind())).all())


async def products(session: AsyncSession, params: Params) -> list[Count]:
    """Products on offer: overall (kind ``all``), per bank and per product type (kind ``type``)."""
    return figures_as(Count, (await session.execute(_PRODUCTS, params.bind())).all())


async def queries(session: AsyncSession, params: Params) -> list[Count]:
    """Match queries of the period: overall (kind ``all``) and per month."""
    return figures_as(Count, (await session.execute(_QUERIES, params.bind())).all())


async def enterprises(session: AsyncSession, params: Params) -> int:
    return int((await session.execute(_ENTERPRISES, params.bind())).scalar_one())
