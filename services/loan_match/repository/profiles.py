"""The SQL of partner apps' enterprise profiles, and the statement every match starts with."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSON
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository.common import all_as, maybe_as, one_as
from services.loan_match.repository.programmes import INTEREST_OFFERS_SQL, InterestOffer, offers_of
from services.loan_match.repository.rows import ProfileRow
from services.loan_match.tables import enterprise_profile

KEY = ("partner_app_id", "uscc")


async def upsert_profile(session: AsyncSession, profile: ProfileRow) -> ProfileRow:
    """Insert the profile, or replace every column of the app's existing one but its creation."""
    values = asdict(profile)
    insert = pg_insert(enterprise_profile).values(**values)
    changed = {k: v for k, v in values.items() if k not in (*KEY, "created_at")}
    stmt = insert.on_conflict_do_update(index_elements=list(KEY), set_=changed).returning(
        *enterprise_profile.c
    )
    return one_as(ProfileRow, (await session.execute(stmt)).one())


def _of(partner_app_id: str, uscc: str) -> sa.ColumnElement[bool]:
    return sa.and_(enterprise_profile.c.partner_app_id == partner_app_id, enterprise_profile.c.uscc == uscc)


async def get_profile(session: AsyncSession, partner_app_id: str, uscc: str) -> ProfileRow | None:
    stmt = sa.select(enterprise_profile).where(_of(partner_app_id, uscc))
    return maybe_as(ProfileRow, (await session.execute(stmt)).first())


@dataclass(frozen=True)
class EnterpriseFacts:
    """One partner app's profile of an enterprise, as a programme's eligibility reads it."""

    size: str
    region_code: str
    collateral: list[str]


async def profiles_of(session: AsyncSession, uscc: str) -> list[EnterpriseFacts]:
    """Every partner app's profile of the enterprise: a claim is eligible on any of them."""
    p = enterprise_profile.c
    stmt = sa.select(p.size, p.region_code, p.collateral).where(p.uscc == uscc).order_by(p.partner_app_id)
    return all_as(EnterpriseFacts, (await session.execute(stmt)).all())


@dataclass(frozen=True)
class MatchStart:
    """What every match starts from: the app's profile of the enterprise, the catalogue's
    version and the interest programmes of the year with what each has paid the enterprise."""

    profile: ProfileRow
    catalogue_version: int
    offers: list[InterestOffer]


# The profile, the catalogue version and the year's interest programmes in one statement, as text
# written once: building it with SQLAlchemy on every query was ~17% of loan_match's time (py-spy,
# bench/README.md "Profiles").
_MATCH_START = sa.text(
    f"""
    SELECT {", ".join("p." + c.name for c in enterprise_profile.c)},
           (SELECT version FROM loan_match.catalogue) AS catalogue_version,
           ({INTEREST_OFFERS_SQL}) AS interest_offers
    FROM loan_match.enterprise_profile p
    WHERE p.partner_app_id = CAST(:app AS uuid) AND p.uscc = :uscc
    """  # noqa: S608 (the names are the table's own columns, the values parameters)
).columns(
    *enterprise_profile.c, sa.column("catalogue_version", sa.BigInteger), sa.column("interest_offers", JSON)
)


async def match_start(session: AsyncSession, partner_app_id: str, uscc: str, year: int) -> MatchStart | None:
    """:class:`MatchStart` in one round trip, or None when the app has no profile of it."""
    params = {"app": partner_app_id, "uscc": uscc, "year": year}
    row = (await session.execute(_MATCH_START, params)).first()
    if row is None:
        return None
    values = dict(row._mapping)
    version_no = int(values.pop("catalogue_version"))
    offered = offers_of(values.pop("interest_offers"))
    return MatchStart(ProfileRow(**values), version_no, offered)
