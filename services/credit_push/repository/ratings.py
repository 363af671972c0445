"""Ratings: one row per enterprise and evaluation year; the current rating is the latest year."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.blacklist import LISTED_NOW
from services.credit_push.repository.common import arrays, columns
from services.credit_push.rules.entitlement import PUBLIC_LEVEL, Current
from services.credit_push.rules.ratings import StoredRating
from services.credit_push.tables import ratings


async def stored_years(session: AsyncSession, usccs: Sequence[str]) -> list[StoredRating]:
    """Every stored year of these enterprises, in one statement."""
    query = sa.select(*columns(ratings, StoredRating)).where(ratings.c.uscc == sa.func.any(list(usccs)))
    return [StoredRating(*row) for row in await session.execute(query)]


_UPSERT = sa.text(
    """
    INSERT INTO credit_push.ratings
        (uscc, year, name, rating, region_code, avg_annual_tax_fen, version, created_at, updated_at)
    SELECT u, y, n, r, g, t, v, :now, :now
    FROM unnest(CAST(:u AS text[]), CAST(:y AS int[]), CAST(:n AS text[]), CAST(:r AS text[]),
                CAST(:g AS text[]), CAST(:t AS bigint[]), CAST(:v AS int[]))
         AS i(u, y, n, r, g, t, v)
    ON CONFLICT (uscc, year) DO UPDATE SET
        name = excluded.name, rating = excluded.rating, region_code = excluded.region_code,
        avg_annual_tax_fen = excluded.avg_annual_tax_fen, version = excluded.version,
        updated_at = excluded.updated_at
    """
)


async def upsert(session: AsyncSession, rows: Sequence[StoredRating], now: datetime) -> None:
    await session.execute(
        _UPSERT,
        {
            **arrays(
                rows,
                u="uscc",
                y="year",
                n="name",
                r="rating",
                g="region_code",
                t="avg_annual_tax_fen",
                v="version",
            ),
            "now": now,
        },
    )


# ``lapsed``: past 31 March of year + 3, no longer current (rules/rating_years.py current_through).
# While an enterprise is on the 红黑榜 its rating counts as D (国家税务总局令第54号; CONTRACT §3
# "Blacklist"): every reader of the current rating (reconcile, the A list, rating reads) sees D.
_CURRENT_SQL = f"""
    SELECT DISTINCT ON (r.uscc) r.uscc, r.name,
           CASE WHEN l.uscc IS NULL THEN r.rating ELSE 'D' END AS rating,
           r.year, r.version, r.region_code, r.avg_annual_tax_fen, r.updated_at,
           l.uscc IS NOT NULL AS blacklisted,
           make_date(r.year + 3, 3, 31)
               < coalesce(CAST(:today AS date), CAST(now() AT TIME ZONE 'Asia/Shanghai' AS date)) AS lapsed
    FROM credit_push.ratings r
    LEFT JOIN (SELECT DISTINCT uscc FROM credit_push.blacklist WHERE {LISTED_NOW}) l ON l.uscc = r.uscc
"""  # noqa: S608 (a constant)


def _current(row: sa.Row[Any]) -> Current:
    return Current(
        row.uscc,
        row.name,
        row.rating,
        row.year,
        row.version,
        row.region_code,
        row.avg_annual_tax_fen,
        row.blacklisted,
        row.lapsed,
    )


async def currents(
    session: AsyncSession, usccs: Sequence[str], today: date | None = None
) -> dict[str, Current]:
    """``today`` (Asia/Shanghai) decides which ratings have lapsed; default: the database's today."""
    result = await session.execute(
        sa.text(_CURRENT_SQL + " WHERE r.uscc = ANY(CAST(:u AS text[])) ORDER BY r.uscc, r.year DESC"),
        {"u": list(usccs), "today": today},
    )
    return {row.uscc: _current(row) for row in result}


async def current(session: AsyncSession, uscc: str) -> tuple[Current, datetime] | None:
    """The current rating and when it was stored."""
    query = sa.text(_CURRENT_SQL + " WHERE r.uscc = :u ORDER BY r.uscc, r.year DESC")
    row = (await session.execute(query, {"u": uscc, "today": None})).first()
    return (_current(row), row.updated_at) if row else None


# What a match needs (loan_match's match-facts read) in one round trip: the rules of the internal
# rating read (authorisations.held_by: the app's authorisation in force on :day; the current
# rating, lapsed as of :day) and of the standing read (blacklist._listed on :day), in SQL so the
# read builds no statement per request. The rating is read even when unauthorised (one index
# probe); the service shows it only when the app is authorised.
_FACTS_SQL = sa.text(
    f"""
    SELECT EXISTS (
        SELECT 1 FROM credit_push.authorisations a
        WHERE a.partner_org_id = CAST(:app AS uuid) AND a.uscc = :u AND a.status = 'active'
          AND (a.expires_on IS NULL OR a.expires_on >= CAST(:day AS date))
    ) AS authorised, EXISTS (
        SELECT 1 FROM credit_push.blacklist b
        WHERE b.uscc = :u AND b.status = 'active'
          AND b.published_on <= CAST(:day AS date) AND b.ends_on > CAST(:day AS date)
    ) AS listed, cur.*
    FROM (VALUES (1)) AS one
    LEFT JOIN ({_CURRENT_SQL} WHERE r.uscc = :u ORDER BY r.uscc, r.year DESC LIMIT 1) cur ON true
    """  # noqa: S608 (constants)
)


@dataclass(frozen=True)
class Facts:
    """The app's authorisation, the enterprise's standing and its current rating (when stored)."""

    authorised: bool
    listed: bool
    current: tuple[Current, datetime] | None


async def facts(session: AsyncSession, uscc: str, app_id: str, today: date) -> Facts:
    """:class:`Facts` on ``today`` (Asia/Shanghai) for the partner app ``app_id``: one statement."""
    params = {"u": uscc, "app": app_id, "day": today, "today": today}
    row = (await session.execute(_FACTS_SQL, params)).one()
    current = (_current(row), row.updated_at) if row.uscc is not None else None
    return Facts(bool(row.authorised), bool(row.listed), current)


# The bank's consent, read with the rating in one round trip: the same rule as consents._valid
# (active, unexpired on the business day, its app still holding a valid authorisation,
# authorisations.valid), spelled in SQL so the hot read builds no statement per request.
_READ_SQL = sa.text(
    f"""
    SELECT cur.*, EXISTS (
        SELECT 1 FROM credit_push.consents c
        WHERE c.bank_org_id = CAST(:bank AS uuid) AND c.uscc = cur.uscc AND c.status = 'active'
          AND (c.expires_on IS NULL OR c.expires_on >= CAST(:day AS date))
          AND EXISTS (
            SELECT 1 FROM credit_push.authorisations a
            WHERE a.partner_org_id = c.partner_org_id AND a.uscc = c.uscc AND a.status = 'active'
              AND (a.expires_on IS NULL OR a.expires_on >= CAST(:day AS date)))
    ) AS consented
    FROM ({_CURRENT_SQL} WHERE r.uscc = :u ORDER BY r.uscc, r.year DESC LIMIT 1) cur
    """  # noqa: S608 (constants)
)


async def read(
    session: AsyncSession, uscc: str, bank_id: str | None, today: date
) -> tuple[Current, datetime, bool] | None:
    """The current rating, when it was stored, and whether ``bank_id`` holds a valid consent for
    it on ``today`` (False without a bank): one statement."""
    params = {"u": uscc, "today": None, "bank": bank_id, "day": today}
    row = (await session.execute(_READ_SQL, params)).first()
    return (_current(row), row.updated_at, bool(row.consented)) if row else None


async def a_list(session: AsyncSession) -> list[str]:
    """Enterprises whose current rating is A (the published list)."""
    result = await session.execute(sa.text(_CURRENT_SQL + " ORDER BY r.uscc, r.year DESC"), {"today": None})
    return [row.uscc for row in result if row.rating == PUBLIC_LEVEL and not row.lapsed]
