"""The SQL of subsidy programmes (CONTRACT §6): their running totals, what they have paid by
市州 and month, and the interest programmes a match reads with the profile. Nothing here commits."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository.common import all_as, figures_as, maybe_as, one_as
from services.loan_match.repository.rows import ProgrammeRow
from services.loan_match.tables import programme, subsidy_claim


@dataclass(frozen=True)
class Figure:
    """Paid subsidies of a programme under one key (a 市州 code or a month)."""

    key: str
    paid_fen: int
    approved_count: int


async def insert_programme(session: AsyncSession, new: ProgrammeRow) -> ProgrammeRow:
    stmt = sa.insert(programme).values(**asdict(new)).returning(*programme.c)
    return one_as(ProgrammeRow, (await session.execute(stmt)).one())


async def get_programme(
    session: AsyncSession, programme_id: str, *, lock: bool = False
) -> ProgrammeRow | None:
    stmt = sa.select(programme).where(programme.c.id == programme_id)
    if lock:
        stmt = stmt.with_for_update()
    return maybe_as(ProgrammeRow, (await session.execute(stmt)).first())


async def list_programmes(session: AsyncSession) -> list[ProgrammeRow]:
    stmt = sa.select(programme).order_by(programme.c.created_at, programme.c.id)
    return all_as(ProgrammeRow, (await session.execute(stmt)).all())


async def add_paid(session: AsyncSession, programme_id: str, approved_fen: int | None) -> None:
    """Count a decision into the programme's running totals (caller holds the row lock)."""
    c = programme.c
    stmt = sa.update(programme).where(c.id == programme_id)
    if approved_fen is None:
        stmt = stmt.values(refused_count=c.refused_count + 1)
    else:
        stmt = stmt.values(paid_fen=c.paid_fen + approved_fen, approved_count=c.approved_count + 1)
    await session.execute(stmt)


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


def _offer_item() -> str:
    fields = ", ".join(f"'{name}', g.{name}" for name in _OFFER_FIELDS)
    return (
        f"json_build_object({fields}, 'enterprise_paid_fen', coalesce(y.paid_fen, 0),"
        " 'budget_left_fen', g.budget_fen - g.paid_fen)"
    )


# The ``interest`` programmes of :year with what each has paid the enterprise :uscc that year, as
# one JSON array (programme id order), NULL when there is none: a column of the statement a match
# starts with (profiles.match_start), so whatever the number of products it costs no round trip.
# Text written once (no statement built per query).
INTEREST_OFFERS_SQL = f"""
    SELECT json_agg({_offer_item()} ORDER BY g.id)
    FROM loan_match.programme g
    LEFT JOIN loan_match.subsidy_enterprise_year y
        ON y.programme_id = g.id AND y.uscc = :uscc AND y.year = :year
    WHERE g.kind = 'interest' AND g.year = :year
"""  # noqa: S608 (the names are programme's own columns, the values parameters)


def offers_of(found: list[dict[str, Any]] | None) -> list[InterestOffer]:
    """The rows of :data:`INTEREST_OFFERS_SQL`'s array (NULL when there is none)."""
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
    return figures_as(Figure, (await session.execute(stmt)).all())


def by_region_key() -> sa.ColumnElement[str]:
    """The 市州 (prefecture) of the enterprise at filing: its region code's first four digits."""
    return sa.func.substr(subsidy_claim.c.region_code, 1, 4) + "00"


def by_month_key() -> sa.ColumnElement[str]:
    """The month a claim was approved in, Asia/Shanghai."""
    local = sa.func.timezone("Asia/Shanghai", subsidy_claim.c.decided_at)
    return sa.func.to_char(local, "YYYY-MM")
