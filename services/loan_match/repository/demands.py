"""The SQL of financing demands, the banks they are routed to and the banks' responses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository.common import all_as, maybe_as, one_as, page
from services.loan_match.repository.rows import DemandRow, Position, ResponseRow
from services.loan_match.tables import demand, demand_response, demand_route


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
    return maybe_as(DemandRow, (await session.execute(stmt)).first())


async def list_demands(
    session: AsyncSession,
    *,
    partner_app_id: str | None,
    bank_org_id: str | None,
    after: Position | None,
    limit: int,
) -> list[DemandRow]:
    """Up to ``limit + 1`` visible demands after ``after`` (:func:`common.page`)."""
    stmt = sa.select(demand).where(_visible_to(partner_app_id, bank_org_id))
    return all_as(DemandRow, (await session.execute(page(stmt, demand, after, limit))).all())


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
    for response in all_as(ResponseRow, (await session.execute(stmt)).all()):
        found[response.demand_id].append(response)
    return found


async def insert_response(session: AsyncSession, new: ResponseRow) -> ResponseRow:
    stmt = sa.insert(demand_response).values(**asdict(new)).returning(*demand_response.c)
    return one_as(ResponseRow, (await session.execute(stmt)).one())
