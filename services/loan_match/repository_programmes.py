"""Every SQL statement of subsidy programmes and their claims (CONTRACT §6), with the typed
rows they return. Nothing here commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSON, aggregate_order_by
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.tables import enterprise_profile, programme, subsidy_claim, subsidy_enterprise_year


@dataclass(frozen=True)
class ProgrammeRow:
    id: str
    fund_manager_org_id: str
    name: str
    kind: str
    share_bp: int
    cap_per_enterprise_year_fen: int | None
    cap_per_item_fen: int | None
    budget_fen: int
    year: int
    product_types: list[str]
    collateral: list[str]
    sizes: list[str]
    region_codes: list[str]
    paid_fen: int
    approved_count: int
    refused_count: int
    created_at: datetime


@dataclass(frozen=True)
class ClaimRow:
    id: str
    programme_id: str
    filed_by_org_id: str
    uscc: str
    loan_ref: str
    bank_org_id: str
    period_from: date
    period_to: date
    claimed_on_fen: int
    region_code: str
    claimable_fen: int
    status: str
    paid_fen: int
    reason: str | None
    created_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True)
class EnterpriseFacts:
    """One partner app's profile of an enterprise, as a programme's eligibility reads it."""

    size: str
    region_code: str
    collateral: list[str]


@dataclass(frozen=True)
class Figure:
    """Paid subsidies of a programme under one key (a 市州 code or a month)."""

    key: str
    paid_fen: int
    approved_count: int


async def insert_programme(session: AsyncSession, values: dict[str, Any]) -> ProgrammeRow:
    stmt = sa.insert(programme).values(**values).returning(*programme.c)
    return ProgrammeRow(**(await session.execute(stmt)).one()._mapping)


async def get_programme(
    session: AsyncSession, programme_id: str, *, lock: bool = False
) -> ProgrammeRow | None:
    stmt = sa.select(programme).where(programme.c.id == programme_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await session.execute(stmt)).first()
    return None if row is None else ProgrammeRow(**row._mapping)


async def list_programmes(session: AsyncSession) -> list[ProgrammeRow]:
    stmt = sa.select(programme).order_by(programme.c.created_at, programme.c.id)
    return [ProgrammeRow(**row._mapping) for row in (await session.execute(stmt)).all()]


async def add_paid(session: AsyncSession, programme_id: str, approved_fen: int | None) -> None:
    """Count a decision into the programme's running totals (caller holds the row lock)."""
    if approved_fen is None:
        values: dict[str, Any] = {"refused_count": programme.c.refused_count + 1}
    else:
        values = {
            "paid_fen": programme.c.paid_fen + approved_fen,
            "approved_count": programme.c.approved_count + 1,
        }
    await session.execute(sa.update(programme).where(programme.c.id == programme_id).values(**values))


async def profiles_of(session: AsyncSession, uscc: str) -> list[EnterpriseFacts]:
    """Every partner app's profile of the enterprise: a claim is eligible on any of them."""
    p = enterprise_profile.c
    stmt = sa.select(p.size, p.region_code, p.collateral).where(p.uscc == uscc).order_by(p.partner_app_id)
    return [EnterpriseFacts(**row._mapping) for row in (await session.execute(stmt)).all()]


async def enterprise_paid(
    session: AsyncSession, programme_id: str, uscc: str, year: int, *, lock: bool
) -> int:
    """What the programme has paid the enterprise in ``year``; with ``lock``, the running total's
    row is created if need be and held until commit."""
    t = subsidy_enterprise_year
    if lock:
        ins = pg_insert(t).values(programme_id=programme_id, uscc=uscc, year=year, paid_fen=0)
        await session.execute(ins.on_conflict_do_nothing())
    stmt = sa.select(t.c.paid_fen).where(t.c.programme_id == programme_id, t.c.uscc == uscc, t.c.year == year)
    if lock:
        stmt = stmt.with_for_update()
    found = (await session.execute(stmt)).scalar_one_or_none()
    return 0 if found is None else int(found)


async def add_enterprise_paid(
    session: AsyncSession, programme_id: str, uscc: str, year: int, fen: int
) -> None:
    t = subsidy_enterprise_year
    where = (t.c.programme_id == programme_id, t.c.uscc == uscc, t.c.year == year)
    await session.execute(sa.update(t).where(*where).values(paid_fen=t.c.paid_fen + fen))


async def insert_claim(session: AsyncSession, values: dict[str, Any]) -> ClaimRow:
    stmt = sa.insert(subsidy_claim).values(**values).returning(*subsidy_claim.c)
    return ClaimRow(**(await session.execute(stmt)).one()._mapping)


async def get_claim(session: AsyncSession, claim_id: str, *, lock: bool = False) -> ClaimRow | None:
    stmt = sa.select(subsidy_claim).where(subsidy_claim.c.id == claim_id)
    if lock:
        stmt = stmt.with_for_update()
    row = (await session.execute(stmt)).first()
    return None if row is None else ClaimRow(**row._mapping)


async def list_claims(
    session: AsyncSession, programme_id: str, filed_by_org_id: str | None
) -> list[ClaimRow]:
    c = subsidy_claim.c
    stmt = sa.select(subsidy_claim).where(c.programme_id == programme_id)
    if filed_by_org_id is not None:
        stmt = stmt.where(c.filed_by_org_id == filed_by_org_id)
    stmt = stmt.order_by(c.created_at, c.id)
    return [ClaimRow(**row._mapping) for row in (await session.execute(stmt)).all()]


async def decide_claim(
    session: AsyncSession, claim_id: str, *, status: str, paid_fen: int, reason: str | None, at: datetime
) -> ClaimRow:
    stmt = (
        sa.update(subsidy_claim)
        .where(subsidy_claim.c.id == claim_id)
        .values(status=status, paid_fen=paid_fen, reason=reason, decided_at=at)
        .returning(*subsidy_claim.c)
    )
    return ClaimRow(**(await session.execute(stmt)).one()._mapping)


@dataclass(frozen=True)
class InterestOffer:
    """An ``interest`` programme of the year as matching needs it, with what it has paid the
    enterprise that year and what is left of its budget."""

    share_bp: int
    cap_per_item_fen: int | None
    cap_per_enterprise_year_fen: int | None
    product_types: list[str]
    collateral: list[str]
    sizes: list[str]
    region_codes: list[str]
    enterprise_paid_fen: int
    budget_left_fen: int


_OFFER_FIELDS = (
    "share_bp",
    "cap_per_item_fen",
    "cap_per_enterprise_year_fen",
    *("product_types", "collateral", "sizes", "region_codes"),
)


def interest_offers(uscc: str, year: int) -> sa.ScalarSelect[Any]:
    """The ``interest`` programmes of ``year`` with what each has paid the enterprise that year,
    as one JSON array (programme id order): a column of the statement a match starts with
    (repository.match_start), so whatever the number of products it costs no round trip."""
    t = subsidy_enterprise_year
    joined = programme.outerjoin(
        t, sa.and_(t.c.programme_id == programme.c.id, t.c.uscc == uscc, t.c.year == year)
    )
    item = sa.func.json_build_object(
        *(x for name in _OFFER_FIELDS for x in (name, programme.c[name])),
        "enterprise_paid_fen",
        sa.func.coalesce(t.c.paid_fen, 0),
        "budget_left_fen",
        programme.c.budget_fen - programme.c.paid_fen,
    )
    return (
        sa.select(sa.func.json_agg(aggregate_order_by(item, programme.c.id), type_=JSON))
        .select_from(joined)
        .where(programme.c.kind == "interest", programme.c.year == year)
        .scalar_subquery()
    )


def offers_of(found: list[dict[str, Any]] | None) -> list[InterestOffer]:
    """The rows of :func:`interest_offers`' array (NULL when there is none)."""
    return [InterestOffer(**item) for item in found or ()]


async def paid_by(session: AsyncSession, programme_id: str, key: sa.ColumnElement[str]) -> list[Figure]:
    c = subsidy_claim.c
    stmt = (
        sa.select(
            key.label("key"),
            sa.func.sum(c.paid_fen).label("paid_fen"),
            sa.func.count().label("approved_count"),
        )
        .where(c.programme_id == programme_id, c.status == "approved")
        .group_by(key)
        .order_by(key)
    )
    return [
        Figure(str(r.key), int(r.paid_fen), int(r.approved_count))
        for r in (await session.execute(stmt)).all()
    ]


def by_region_key() -> sa.ColumnElement[str]:
    """The 市州 (prefecture) of the enterprise at filing: its region code's first four digits."""
    return sa.func.substr(subsidy_claim.c.region_code, 1, 4) + "00"


def by_month_key() -> sa.ColumnElement[str]:
    """The month a claim was approved in, Asia/Shanghai."""
    local = sa.func.timezone("Asia/Shanghai", subsidy_claim.c.decided_at)
    return sa.func.to_char(local, "YYYY-MM")
