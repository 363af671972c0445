"""Loan products, ``/v1/match/products`` (CONTRACT §5): a bank publishes, changes and retires
its own; every role reads them, with ETags."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from kit.deps import IfMatch, Session
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from services.loan_match.routes.common import PREFIX, IfNoneMatch, created, org, position, with_etag
from services.loan_match.routes.roles import AnyRole, Bank
from services.loan_match.schemas import products as schemas
from services.loan_match.service import products

router = APIRouter(prefix=f"{PREFIX}/products", tags=["products"])
# A change whose If-Match names an ETag the product no longer has (changed by another client).
STALE = problems(s412="precondition-failed")


@created(router, "", operation_id="createProduct", summary="Publish a loan product")
async def create_product(body: schemas.ProductCreate, bank: Bank, session: Session) -> schemas.Product:
    """Publish a loan product of the calling bank."""
    return await products.create(session, org(bank), body)


@router.get(
    "", response_model=Page[schemas.Product], operation_id="listProducts", summary="List loan products"
)
async def list_products(
    _: AnyRole,
    session: Session,
    bank_org_id: Annotated[uuid.UUID | None, Query(description="Only this bank's products.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Active products, oldest first. Answers an ETag; `If-None-Match` with it gives 304."""
    # A filter, not an object in the path: a malformed id is a 422, an unknown one an empty list.
    bank = str(bank_org_id) if bank_org_id is not None else None
    page = await products.listed(session, bank_org_id=bank, after=position(cursor), limit=limit)
    return with_etag(page, if_none_match)


@router.get(
    "/{product_id}", response_model=schemas.Product, operation_id="getProduct", summary="Get one loan product"
)
async def get_product(
    product_id: str, _: AnyRole, session: Session, if_none_match: IfNoneMatch = None
) -> Response:
    """One active loan product with its eligibility criteria, rate and fees; `If-None-Match` with its ETag
    answers 304 when it has not changed."""
    return with_etag(await products.get(session, product_id), if_none_match)


@router.patch("/{product_id}", responses=STALE, operation_id="updateProduct", summary="Change a loan product")
async def update_product(
    product_id: str, body: schemas.ProductPatch, bank: Bank, session: Session, if_match: IfMatch = None
) -> schemas.Product:
    """Change the bank's own product; the result must be a consistent product."""
    return await products.update(session, product_id, org(bank), body, if_match)


@router.delete(
    "/{product_id}", status_code=204, operation_id="retireProduct", summary="Retire a loan product"
)
async def retire_product(product_id: str, bank: Bank, session: Session) -> Response:
    """Retire the bank's own product: it is no longer listed or matched."""
    await products.retire(session, product_id, org(bank))
    return Response(status_code=204)
