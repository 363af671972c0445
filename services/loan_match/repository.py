"""Every SQL statement of loan_match. Callers pass plain values and get typed rows back
(``rows.py``); nothing here commits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository_programmes import InterestOffer, interest_offers, offers_of
from services.loan_match.rows import (
    CalendarRow,
    DemandRow,
    Position,
    ProductRow,
    ProfileRow,
    ResponseRow,
)
from services.loan_match.tables import (
    catalogue,
    demand,
    demand_response,
    demand_route,
    enterprise_profile,
    holiday_calendar,
    match_query,
    product,
)

Record = TypeVar("Record", ProductRow, ProfileRow, DemandRow, ResponseRow, CalendarRow)


def _as(record: type[Record], row: Row[Any]) -> Record:
    """A row as its typed record: the record's fields are the selected columns, by name."""
    return record(**row._mapping)


def _all_as(record: type[Record], rows: Sequence[Row[Any]]) -> list[Record]:
    return [_as(record, row) for row in rows]


def _maybe(record: type[Record], row: Row[Any] | None) -> Record | None:
    return None if row is None else _as(record, row)


def _after(created_at: sa.Column[Any], id_: sa.Column[Any], position: Position) -> sa.ColumnElement[bool]:
    """Keyset condition: rows strictly after ``position`` in (created_at, id) order."""
    values = sa.tuple_(sa.literal(position[0], created_at.type), sa.literal(position[1], id_.type))
    return sa.tuple_(created_at, id_) > values


# ---- products ----------------------------------------------------------------------


def _next_change() -> sa.ScalarSelect[Any]:
    """The catalogue's next change number, taken in the statement that changes the product
    (one round trip), under the catalogue row's lock until commit: a replica that reads
    version N therefore sees every product change numbered up to N."""
    bump = sa.update(catalogue).values(version=catalogue.c.version + 1).returning(catalogue.c.version)
    return sa.select(bump.cte("next_change").c.version).scalar_subquery()


async def catalogue_version(session: AsyncSession) -> int:
    return int((await session.execute(sa.select(catalogue.c.version))).scalar_one())


async def products_changed_since(session: AsyncSession, change_no: int) -> list[ProductRow]:
    """Every product, active or retired, changed after change number ``change_no``."""
    stmt = sa.select(product).where(product.c.change_no > change_no)
    return _all_as(ProductRow, (await session.execute(stmt)).all())


async def insert_product(session: AsyncSession, values: dict[str, Any]) -> ProductRow:
    values = {**values, "change_no": _next_change()}
    stmt = sa.insert(product).values(**values).returning(*product.c)
    return _as(ProductRow, (await session.execute(stmt)).one())


async def get_active_product(session: AsyncSession, product_id: str) -> ProductRow | None:
    stmt = sa.select(product).where(product.c.id == product_id, product.c.active)
    return _maybe(ProductRow, (await session.execute(stmt)).first())


async def lock_own_product(session: AsyncSession, product_id: str, bank_org_id: str) -> ProductRow | None:
    """The bank's own active product, locked so concurrent changes apply one after another."""
    stmt = (
        sa.select(product)
        .where(product.c.id == product_id, product.c.bank_org_id == bank_org_id, product.c.active)
        .with_for_update()
    )
    return _maybe(ProductRow, (await session.execute(stmt)).first())


async def update_product(session: AsyncSession, product_id: str, values: dict[str, Any]) -> ProductRow:
    values = {**values, "change_no": _next_change()}
    stmt = sa.update(product).where(product.c.id == product_id).values(**values).returning(*product.c)
    return _as(ProductRow, (await session.execute(stmt)).one())


async def retire_product(session: AsyncSession, product_id: str, now: datetime) -> None:
    await session.execute(
        sa.update(product)
        .where(product.c.id == product_id)
        .values(active=False, retired_at=now, updated_at=now, change_no=_next_change())
    )


async def list_products(
    session: AsyncSession, *, bank_org_id: str | None, after: Position | None, limit: int
) -> list[ProductRow]:
    """Up to ``limit + 1`` active products after ``after``: one more than a page tells if another follows."""
    stmt = sa.select(product).where(product.c.active)
    if bank_org_id is not None:
        stmt = stmt.where(product.c.bank_org_id == bank_org_id)
    if after is not None:
        stmt = stmt.where(_after(product.c.created_at, product.c.id, after))
    stmt = stmt.order_by(product.c.created_at, product.c.id).limit(limit + 1)
    return _all_as(ProductRow, (await session.execute(stmt)).all())


# ---- enterprise profiles -----------------------------------------------------------


async def upsert_profile(session: AsyncSession, profile: ProfileRow) -> ProfileRow:
    """Insert the profile, or replace every column of the app's existing one but its creation."""
    values = asdict(profile)
    insert = pg_insert(enterprise_profile).values(**values)
    changed = {k: v for k, v in values.items() if k not in ("partner_app_id", "uscc", "created_at")}
    stmt = insert.on_conflict_do_update(
        index_elements=[enterprise_profile.c.partner_app_id, enterprise_profile.c.uscc], set_=changed
    ).returning(*enterprise_profile.c)
    return _as(ProfileRow, (await session.execute(stmt)).one())


async def get_profile(session: AsyncSession, partner_app_id: str, uscc: str) -> ProfileRow | None:
    stmt = sa.select(enterprise_profile).where(
        enterprise_profile.c.partner_app_id == partner_app_id, enterprise_profile.c.uscc == uscc
    )
    return _maybe(ProfileRow, (await session.execute(stmt)).first())


@dataclass(frozen=True)
class MatchStart:
    """What every match starts from: the app's profile of the enterprise, the catalogue's
    version and the interest programmes of the year with what each has paid the enterprise."""

    profile: ProfileRow
    catalogue_version: int
    offers: list[InterestOffer]


async def match_start(session: AsyncSession, partner_app_id: str, uscc: str, year: int) -> MatchStart | None:
    """:class:`MatchStart` in one round trip, or None when the app has no profile of it."""
    version = sa.select(catalogue.c.version).scalar_subquery().label("catalogue_version")
    offers = interest_offers(uscc, year).label("interest_offers")
    stmt = sa.select(enterprise_profile, version, offers).where(
        enterprise_profile.c.partner_app_id == partner_app_id, enterprise_profile.c.uscc == uscc
    )
    row = (await session.execute(stmt)).first()
    if row is None:
        return None
    values = dict(row._mapping)
    version_no = int(values.pop("catalogue_version"))
    offered = offers_of(values.pop("interest_offers"))
    return MatchStart(ProfileRow(**values), version_no, offered)


# ---- queries -----------------------------------------------------------------------


async def record_query(
    session: AsyncSession,
    *,
    partner_app_id: str,
    uscc: str,
    amount_fen: int,
    term_months: int,
    matched: int,
    degraded: list[str],
    created_at: datetime,
) -> None:
    stmt = sa.insert(match_query).values(
        partner_app_id=partner_app_id,
        uscc=uscc,
        amount_fen=amount_fen,
        term_months=term_months,
        matched=matched,
        degraded=degraded,
        created_at=created_at,
    )
    await session.execute(stmt)


# ---- demands -----------------------------------------------------------------------


async def insert_demand(session: AsyncSession, new: DemandRow, routed_to: Sequence[str]) -> None:
    await session.execute(sa.insert(demand).values(**asdict(new)))
    if routed_to:
        await session.execute(
            sa.insert(demand_route).values([{"demand_id": new.id, "bank_org_id": b} for b in routed_to])
        )


def _visible_to(partner_app_id: str | None, bank_org_id: str | None) -> sa.ColumnElement[bool]:
    if partner_app_id is not None:
        return demand.c.partner_app_id == partner_app_id
    routed = sa.select(demand_route.c.demand_id).where(
        demand_route.c.demand_id == demand.c.id, demand_route.c.bank_org_id == bank_org_id
    )
    return sa.exists(routed)


async def get_demand(
    session: AsyncSession,
    demand_id: str,
    *,
    partner_app_id: str | None = None,
    bank_org_id: str | None = None,
    lock: bool = False,
) -> DemandRow | None:
    """The demand if the app owns it or it was routed to the bank; optionally locked."""
    stmt = sa.select(demand).where(demand.c.id == demand_id, _visible_to(partner_app_id, bank_org_id))
    if lock:
        stmt = stmt.with_for_update()
    return _maybe(DemandRow, (await session.execute(stmt)).first())


async def list_demands(
    session: AsyncSession,
    *,
    partner_app_id: str | None,
    bank_org_id: str | None,
    after: Position | None,
    limit: int,
) -> list[DemandRow]:
    """Up to ``limit + 1`` visible demands after ``after``, as :func:`list_products`."""
    stmt = sa.select(demand).where(_visible_to(partner_app_id, bank_org_id))
    if after is not None:
        stmt = stmt.where(_after(demand.c.created_at, demand.c.id, after))
    stmt = stmt.order_by(demand.c.created_at, demand.c.id).limit(limit + 1)
    return _all_as(DemandRow, (await session.execute(stmt)).all())


async def routes_of(session: AsyncSession, demand_ids: Sequence[str]) -> dict[str, list[str]]:
    stmt = (
        sa.select(demand_route.c.demand_id, demand_route.c.bank_org_id)
        .where(demand_route.c.demand_id.in_(demand_ids))
        .order_by(demand_route.c.demand_id, demand_route.c.bank_org_id)
    )
    routes: dict[str, list[str]] = {demand_id: [] for demand_id in demand_ids}
    for row in (await session.execute(stmt)).all():
        routes[row.demand_id].append(row.bank_org_id)
    return routes


async def responses_of(session: AsyncSession, demand_ids: Sequence[str]) -> dict[str, list[ResponseRow]]:
    stmt = (
        sa.select(demand_response)
        .where(demand_response.c.demand_id.in_(demand_ids))
        .order_by(demand_response.c.created_at, demand_response.c.id)
    )
    found: dict[str, list[ResponseRow]] = {demand_id: [] for demand_id in demand_ids}
    for response in _all_as(ResponseRow, (await session.execute(stmt)).all()):
        found[response.demand_id].append(response)
    return found


async def insert_response(session: AsyncSession, new: ResponseRow) -> ResponseRow:
    stmt = sa.insert(demand_response).values(**asdict(new)).returning(*demand_response.c)
    return _as(ResponseRow, (await session.execute(stmt)).one())


# ---- calendars ---------------------------------------------------------------------


async def put_calendar(session: AsyncSession, row: CalendarRow) -> CalendarRow:
    """Load (or replace) the notice of ``row.year``."""
    values = asdict(row)
    insert = pg_insert(holiday_calendar).values(**values)
    stmt = insert.on_conflict_do_update(
        index_elements=[holiday_calendar.c.year],
        set_={k: v for k, v in values.items() if k != "year"},
    ).returning(*holiday_calendar.c)
    return _as(CalendarRow, (await session.execute(stmt)).one())


async def loaded_calendars(session: AsyncSession, years: Sequence[int]) -> list[CalendarRow]:
    stmt = sa.select(holiday_calendar).where(holiday_calendar.c.year.in_(years))
    return _all_as(CalendarRow, (await session.execute(stmt)).all())
