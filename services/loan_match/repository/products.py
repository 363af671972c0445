"""The SQL of loan products and the catalogue's change counter."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository.common import all_as, maybe_as, one_as, page
from services.loan_match.repository.rows import Position, ProductRow
from services.loan_match.tables import catalogue, product


def _next_change() -> sa.ScalarSelect[int]:
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
    return all_as(ProductRow, (await session.execute(stmt)).all())


async def insert_product(session: AsyncSession, values: Mapping[str, object]) -> ProductRow:
    values = {**values, "change_no": _next_change()}
    stmt = sa.insert(product).values(**values).returning(*product.c)
    return one_as(ProductRow, (await session.execute(stmt)).one())


async def get_active_product(session: AsyncSession, product_id: str) -> ProductRow | None:
    stmt = sa.select(product).where(product.c.id == product_id, product.c.active)
    return maybe_as(ProductRow, (await session.execute(stmt)).first())


async def lock_own_product(session: AsyncSession, product_id: str, bank_org_id: str) -> ProductRow | None:
    """The bank's own active product, locked so concurrent changes apply one after another."""
    stmt = (
        sa.select(product)
        .where(product.c.id == product_id, product.c.bank_org_id == bank_org_id, product.c.active)
        .with_for_update()
    )
    return maybe_as(ProductRow, (await session.execute(stmt)).first())


async def update_product(session: AsyncSession, product_id: str, values: Mapping[str, object]) -> ProductRow:
    values = {**values, "change_no": _next_change()}
    stmt = sa.update(product).where(product.c.id == product_id).values(**values).returning(*product.c)
    return one_as(ProductRow, (await session.execute(stmt)).one())


async def retire_product(session: AsyncSession, product_id: str, now: datetime) -> None:
    await session.execute(
        sa.update(product)
        .where(product.c.id == product_id)
        .values(active=False, retired_at=now, updated_at=now, change_no=_next_change())
    )


async def list_products(
    session: AsyncSession, *, bank_org_id: str | None, after: Position | None, limit: int
) -> list[ProductRow]:
    """Up to ``limit + 1`` active products after ``after`` (:func:`common.page`)."""
    stmt = sa.select(product).where(product.c.active)
    if bank_org_id is not None:
        stmt = stmt.where(product.c.bank_org_id == bank_org_id)
    return all_as(ProductRow, (await session.execute(page(stmt, product, after, limit))).all())
