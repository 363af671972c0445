"""The product catalogue: a bank publishes, changes and retires its loan products."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import NotFound
from kit.etags import require_match
from kit.pagination import Page, page_of
from services.loan_match.repository import products as repo
from services.loan_match.repository.rows import Position, ProductRow
from services.loan_match.rules import eligibility
from services.loan_match.schemas import products as schemas
from services.loan_match.service.common import dedupe, invalid, known_id, position

PRODUCT_FIELDS = tuple(schemas.ProductFields.model_fields)


async def create(session: AsyncSession, bank_org_id: str, body: schemas.ProductCreate) -> schemas.Product:
    now = datetime.now(UTC)
    values = _column_values(body)
    values.update(id=str(uuid.uuid4()), bank_org_id=bank_org_id, active=True, created_at=now, updated_at=now)
    return product_out(await repo.insert_product(session, values))


async def listed(
    session: AsyncSession, *, bank_org_id: str | None, after: Position | None, limit: int
) -> Page[schemas.Product]:
    """A page of the active products, oldest first, optionally of one bank only."""
    rows = await repo.list_products(session, bank_org_id=bank_org_id, after=after, limit=limit)
    page, next_cursor = page_of(rows, limit, position)
    return Page[schemas.Product](items=[product_out(row) for row in page], next_cursor=next_cursor)


async def get(session: AsyncSession, product_id: str) -> schemas.Product:
    row = await repo.get_active_product(session, known_id(product_id, "product"))
    if row is None:
        raise NotFound("product")
    return product_out(row)


async def update(
    session: AsyncSession,
    product_id: str,
    bank_org_id: str,
    patch: schemas.ProductPatch,
    if_match: str | None = None,
) -> schemas.Product:
    """The bank's own product changed by ``patch``; the result must be a consistent product.

    ``if_match``: the ETag the bank read; a product changed since (by another client) is a 412.
    """
    row = await _own(session, product_id, bank_org_id)  # locked until the request commits
    require_match(if_match, product_out(row))
    values = _column_values(_patched(row, patch))
    values["updated_at"] = datetime.now(UTC)
    return product_out(await repo.update_product(session, row.id, values))


async def retire(session: AsyncSession, product_id: str, bank_org_id: str) -> None:
    """The bank's own product is no longer listed or matched."""
    row = await _own(session, product_id, bank_org_id)
    await repo.retire_product(session, row.id, datetime.now(UTC))


async def _own(session: AsyncSession, product_id: str, bank_org_id: str) -> ProductRow:
    row = await repo.lock_own_product(session, known_id(product_id, "product"), bank_org_id)
    if row is None:
        raise NotFound("product")
    return row


def _column_values(fields: schemas.ProductFields) -> dict[str, Any]:
    """Column values of a product, after the checks that span several fields."""
    _check_ranges(fields)
    multiples = fields.tax_multiple.model_dump(exclude_none=True) if fields.tax_multiple else None
    if fields.tax_multiple is not None and not multiples:
        raise invalid(
            ["tax_multiple"], "give a multiple for at least one rating (A, B or M), or leave it out"
        )
    values = fields.model_dump()
    values["tax_multiple"] = multiples
    values["sizes"] = dedupe(fields.sizes) or list(eligibility.ALL_SIZES)
    for name in ("region_codes", "industry_prefixes", "required_flags", "accepted_collateral"):
        values[name] = dedupe(values[name])
    return values


def _check_ranges(fields: schemas.ProductFields) -> None:
    if fields.min_amount_fen > fields.max_amount_fen:
        raise invalid(["min_amount_fen"], "must not exceed max_amount_fen")
    if fields.min_term_months > fields.max_term_months:
        raise invalid(["min_term_months"], "must not exceed max_term_months")


def _patched(row: ProductRow, patch: schemas.ProductPatch) -> schemas.ProductFields:
    """The product as it would be after ``patch``; every rule is checked on the result."""
    merged = {name: getattr(row, name) for name in PRODUCT_FIELDS}
    merged.update(patch.model_dump(exclude_unset=True))
    try:
        return schemas.ProductFields.model_validate(merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise invalid(list(first["loc"]), str(first["msg"])) from exc


def product_out(row: ProductRow) -> schemas.Product:
    # The row carries every field of the answer under the same name (rows.py mirrors tables.py).
    return schemas.Product.model_validate(row, from_attributes=True)
