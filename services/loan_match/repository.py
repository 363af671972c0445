"""Every SQL statement of loan_match. Callers pass plain values; nothing here commits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.tables import (
    demand,
    demand_response,
    demand_route,
    enterprise_profile,
    match_query,
    product,
)

Position = tuple[datetime, str]


def _after(created_at: sa.Column[Any], id_: sa.Column[Any], position: Position) -> sa.ColumnElement[bool]:
    """Keyset condition: rows strictly after ``position`` in (created_at, id) order."""
    values = sa.tuple_(sa.literal(position[0], created_at.type), sa.literal(position[1], id_.type))
    return sa.tuple_(created_at, id_) > values


# ---- products ----------------------------------------------------------------------


async def insert_product(session: AsyncSession, values: dict[str, Any]) -> Row[Any]:
    stmt = sa.insert(product).values(**values).returning(*product.c)
    return (await session.execute(stmt)).one()


async def get_active_product(session: AsyncSession, product_id: str) -> Row[Any] | None:
    stmt = sa.select(product).where(product.c.id == product_id, product.c.active)
    return (await session.execute(stmt)).first()


async def lock_own_product(session: AsyncSession, product_id: str, bank_org_id: str) -> Row[Any] | None:
    """The bank's own active product, locked so concurrent changes apply one after another."""
    stmt = (
        sa.select(product)
        .where(product.c.id == product_id, product.c.bank_org_id == bank_org_id, product.c.active)
        .with_for_update()
    )
    return (await session.execute(stmt)).first()


async def update_product(session: AsyncSession, product_id: str, values: dict[str, Any]) -> Row[Any]:
    stmt = sa.update(product).where(product.c.id == product_id).values(**values).returning(*product.c)
    return (await session.execute(stmt)).one()


async def retire_product(session: AsyncSession, product_id: str, now: datetime) -> None:
    await session.execute(
        sa.update(product)
        .where(product.c.id == product_id)
        .values(active=False, retired_at=now, updated_at=now)
    )


async def list_products(
    session: AsyncSession, *, bank_org_id: str | None, after: Position | None, limit: int
) -> Sequence[Row[Any]]:
    stmt = sa.select(product).where(product.c.active)
    if bank_org_id is not None:
        stmt = stmt.where(product.c.bank_org_id == bank_org_id)
    if after is not None:
        stmt = stmt.where(_after(product.c.created_at, product.c.id, after))
    stmt = stmt.order_by(product.c.created_at, product.c.id).limit(limit + 1)
    return (await session.execute(stmt)).all()


async def active_product_versions(session: AsyncSession) -> list[tuple[str, datetime]]:
    """``(id, updated_at)`` of every active product: what a matching cache needs to check."""
    stmt = sa.select(product.c.id, product.c.updated_at).where(product.c.active)
    return [(row.id, row.updated_at) for row in (await session.execute(stmt)).all()]


async def active_products(session: AsyncSession, ids: Sequence[str]) -> Sequence[Row[Any]]:
    """These products, if still active, in one query: matching never loads them one by one."""
    if not ids:
        return []
    wanted = sa.literal(list(ids), ARRAY(UUID(as_uuid=False)))
    stmt = sa.select(product).where(product.c.active, product.c.id == sa.any_(wanted))
    return (await session.execute(stmt)).all()


# ---- enterprise profiles -----------------------------------------------------------


async def upsert_profile(session: AsyncSession, values: dict[str, Any]) -> Row[Any]:
    insert = pg_insert(enterprise_profile).values(**values)
    changed = {k: v for k, v in values.items() if k not in ("partner_app_id", "uscc", "created_at")}
    stmt = insert.on_conflict_do_update(
        index_elements=[enterprise_profile.c.partner_app_id, enterprise_profile.c.uscc], set_=changed
    ).returning(*enterprise_profile.c)
    return (await session.execute(stmt)).one()


async def get_profile(session: AsyncSession, partner_app_id: str, uscc: str) -> Row[Any] | None:
    stmt = sa.select(enterprise_profile).where(
        enterprise_profile.c.partner_app_id == partner_app_id, enterprise_profile.c.uscc == uscc
    )
    return (await session.execute(stmt)).first()


# ---- queries -----------------------------------------------------------------------


async def record_query(session: AsyncSession, values: dict[str, Any]) -> None:
    await session.execute(sa.insert(match_query).values(**values))


# ---- demands -----------------------------------------------------------------------


async def insert_demand(session: AsyncSession, values: dict[str, Any], routed_to: Sequence[str]) -> None:
    await session.execute(sa.insert(demand).values(**values))
    if routed_to:
        await session.execute(
            sa.insert(demand_route).values([{"demand_id": values["id"], "bank_org_id": b} for b in routed_to])
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
) -> Row[Any] | None:
    """The demand if the app owns it or it was routed to the bank; optionally locked."""
    stmt = sa.select(demand).where(demand.c.id == demand_id, _visible_to(partner_app_id, bank_org_id))
    if lock:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).first()


async def list_demands(
    session: AsyncSession,
    *,
    partner_app_id: str | None,
    bank_org_id: str | None,
    after: Position | None,
    limit: int,
) -> Sequence[Row[Any]]:
    stmt = sa.select(demand).where(_visible_to(partner_app_id, bank_org_id))
    if after is not None:
        stmt = stmt.where(_after(demand.c.created_at, demand.c.id, after))
    stmt = stmt.order_by(demand.c.created_at, demand.c.id).limit(limit + 1)
    return (await session.execute(stmt)).all()


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


async def responses_of(session: AsyncSession, demand_ids: Sequence[str]) -> dict[str, list[Row[Any]]]:
    stmt = (
        sa.select(demand_response)
        .where(demand_response.c.demand_id.in_(demand_ids))
        .order_by(demand_response.c.created_at, demand_response.c.id)
    )
    found: dict[str, list[Row[Any]]] = {demand_id: [] for demand_id in demand_ids}
    for row in (await session.execute(stmt)).all():
        found[row.demand_id].append(row)
    return found


async def insert_response(session: AsyncSession, values: dict[str, Any]) -> Row[Any]:
    stmt = sa.insert(demand_response).values(**values).returning(*demand_response.c)
    return (await session.execute(stmt)).one()


# ---- statistics --------------------------------------------------------------------


async def stats(session: AsyncSession, today: date) -> dict[str, int]:
    """The funnel in one statement (CONTRACT §5 /v1/match/stats)."""
    bank_answered = sa.select(demand_response.c.id).where(
        demand_response.c.demand_id == demand_route.c.demand_id,
        demand_response.c.bank_org_id == demand_route.c.bank_org_id,
    )
    # A routed bank that has not answered at all (CONTRACT §5 "overdue").
    unanswered_route = sa.select(demand_route.c.demand_id).where(
        demand_route.c.demand_id == demand.c.id, ~sa.exists(bank_answered)
    )
    any_response = sa.select(demand_response.c.id).where(demand_response.c.demand_id == demand.c.id)
    accepted = any_response.where(demand_response.c.decision == "accepted")

    def count(table: Any, *where: Any) -> sa.ScalarSelect[Any]:
        return sa.select(sa.func.count()).select_from(table).where(*where).scalar_subquery()

    stmt = sa.select(
        count(product, product.c.active).label("products"),
        sa.select(sa.func.count(sa.distinct(enterprise_profile.c.uscc)))
        .scalar_subquery()
        .label("enterprises"),
        count(match_query).label("queries"),
        count(demand).label("demands"),
        count(demand, sa.exists(any_response)).label("responded"),
        count(demand, sa.exists(accepted)).label("accepted"),
        count(demand, demand.c.respond_by < today, sa.exists(unanswered_route)).label("overdue"),
    )
    row = (await session.execute(stmt)).one()
    return {key: int(value) for key, value in row._mapping.items()}
