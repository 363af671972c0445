"""Public (`/v1/match`) and internal (`/internal/match`) operations of loan_match (CONTRACT §5).

Each operation parses the request, calls one use case of ``service/`` and shapes the answer.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from kit.app import AppContext
from kit.deps import IfMatch, Session, idempotent
from kit.etags import body_of, etag_of, tag
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, decode_cursor, invalid_cursor
from kit.principal import Principal, require_roles
from kit.uscc import USCC
from services.loan_match import schemas
from services.loan_match.rows import Position
from services.loan_match.service import calendars, demands, products, profiles, queries
from services.loan_match.service.catalogue import Catalogue
from services.loan_match.service.matching import Matcher
from services.loan_match.tables import idempotency_keys

router = APIRouter(prefix="/v1/match")
internal_router = APIRouter(prefix="/internal/match", tags=["internal"])

Bank = Annotated[Principal, Depends(require_roles("bank"))]
PartnerApp = Annotated[Principal, Depends(require_roles("partner_app"))]
Admin = Annotated[Principal, Depends(require_roles("admin"))]
# CONTRACT §5 "any": every role of the platform, the fund managers of §6 included.
AnyRole = Annotated[
    Principal,
    Depends(
        require_roles(
            "admin", "regulator", "tax_authority", "bank", "guarantor", "partner_app", "fund_manager"
        )
    ),
]
AppOrBank = Annotated[Principal, Depends(require_roles("partner_app", "bank"))]
IfNoneMatch = Annotated[str | None, Header(alias="If-None-Match")]
IDEMPOTENT = idempotent(idempotency_keys)
# Years the lunar and statutory rules are computed for (a notice is loaded a year ahead at most).
Year = Annotated[int, Path(ge=2000, le=2099, description="A calendar year.")]


async def _matcher(request: Request) -> Matcher:
    ctx: AppContext = request.app.state.ctx
    catalogue: Catalogue = request.app.state.catalogue
    return Matcher(ctx.internal, catalogue)


Matching = Annotated[Matcher, Depends(_matcher)]


def _org(principal: Principal) -> str:
    assert principal.org_id is not None
    return principal.org_id


def _viewer(principal: Principal) -> demands.Viewer:
    """What a caller may see of demands: a partner app its own, a bank those routed to it."""
    if principal.role == "partner_app":
        return demands.Viewer(partner_app_id=_org(principal))
    return demands.Viewer(bank_org_id=_org(principal))


def _position(cursor: str | None) -> Position | None:
    position = decode_cursor(cursor)
    if position is None:
        return None
    try:
        return datetime.fromisoformat(position["created_at"]), str(uuid.UUID(position["id"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise invalid_cursor() from exc


def _with_etag(answer: BaseModel, if_none_match: str | None) -> Response:
    """A JSON answer with a strong ETag (kit/etags.py); 304 when the client already holds this version."""
    body, etag = body_of(answer), etag_of(answer)
    if if_none_match is not None:
        offered = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        if etag in offered or "*" in offered:
            return Response(status_code=304, headers={"ETag": etag})
    return Response(body, media_type="application/json", headers={"ETag": etag})


# ---- products ----------------------------------------------------------------------


@router.post(
    "/products",
    status_code=201,
    dependencies=[IDEMPOTENT],
    operation_id="createProduct",
    summary="Publish a loan product",
    tags=["products"],
)
async def create_product(body: schemas.ProductCreate, bank: Bank, session: Session) -> schemas.Product:
    """Publish a loan product of the calling bank."""
    return await products.create(session, _org(bank), body)


@router.get(
    "/products",
    response_model=Page[schemas.Product],
    operation_id="listProducts",
    summary="List loan products",
    tags=["products"],
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
    page = await products.listed(session, bank_org_id=bank, after=_position(cursor), limit=limit)
    return _with_etag(page, if_none_match)


@router.get(
    "/products/{product_id}",
    response_model=schemas.Product,
    operation_id="getProduct",
    summary="Get one loan product",
    tags=["products"],
)
async def get_product(
    product_id: str, _: AnyRole, session: Session, if_none_match: IfNoneMatch = None
) -> Response:
    """One active loan product with its eligibility criteria, rate and fees; `If-None-Match` with its ETag
    answers 304 when it has not changed."""
    product = await products.get(session, product_id)
    return _with_etag(product, if_none_match)


@router.patch(
    "/products/{product_id}",
    responses=problems(s412="precondition-failed"),
    operation_id="updateProduct",
    summary="Change a loan product",
    tags=["products"],
)
async def update_product(
    product_id: str, body: schemas.ProductPatch, bank: Bank, session: Session, if_match: IfMatch = None
) -> schemas.Product:
    """Change the bank's own product; the result must be a consistent product."""
    return await products.update(session, product_id, _org(bank), body, if_match)


@router.delete(
    "/products/{product_id}",
    status_code=204,
    operation_id="retireProduct",
    summary="Retire a loan product",
    tags=["products"],
)
async def retire_product(product_id: str, bank: Bank, session: Session) -> Response:
    """Retire the bank's own product: it is no longer listed or matched."""
    await products.retire(session, product_id, _org(bank))
    return Response(status_code=204)


# ---- enterprise profiles -----------------------------------------------------------


@router.put(
    "/enterprises/{uscc}",
    operation_id="putEnterprise",
    summary="Create or replace an enterprise's profile",
    tags=["enterprises"],
)
async def put_profile(
    uscc: USCC, body: schemas.ProfileIn, app: PartnerApp, session: Session
) -> schemas.Profile:
    """Create or replace the app's profile of an enterprise; size follows 工信部联企业〔2011〕300号."""
    return await profiles.put(session, _org(app), uscc, body)


@router.get(
    "/enterprises/{uscc}",
    operation_id="getEnterprise",
    summary="Get an enterprise's profile",
    tags=["enterprises"],
)
async def get_profile(uscc: USCC, app: PartnerApp, session: Session, response: Response) -> schemas.Profile:
    """The app's own profile of an enterprise."""
    return tag(response.headers, await profiles.get(session, _org(app), uscc))


# ---- matching ----------------------------------------------------------------------


@router.post(
    "/queries",
    response_model=schemas.QueryResult,
    responses=problems(s404="not-found (the app has no profile of the enterprise)"),
    operation_id="matchProducts",
    summary="Match an enterprise against every loan product",
    tags=["matching"],
)
async def query(body: schemas.QueryIn, app: PartnerApp, session: Session, matcher: Matching) -> Response:
    """Match the enterprise (whose profile the app put first) against every active product:
    matches ranked by cost, and with `include_excluded` every other product with all the criteria
    it failed."""
    # Already JSON (schemas.QueryResult): a 2,000-product answer is built as plain data once.
    return Response(await queries.run(session, matcher, _org(app), body), media_type="application/json")


# ---- demands -----------------------------------------------------------------------


@router.post(
    "/demands",
    status_code=201,
    dependencies=[IDEMPOTENT],
    responses=problems(s404="not-found (the app has no profile of the enterprise)"),
    operation_id="createDemand",
    summary="Publish an enterprise's financing demand to banks",
    tags=["demands"],
)
async def create_demand(
    body: schemas.DemandIn, app: PartnerApp, session: Session, matcher: Matching
) -> schemas.Demand:
    """Publish a financing demand for an enterprise whose profile the app put first; it goes to
    every bank with a matching product now."""
    return await demands.publish(session, matcher, _org(app), body)


@router.get(
    "/demands",
    response_model=Page[schemas.Demand],
    operation_id="listDemands",
    summary="List financing demands",
    tags=["demands"],
)
async def list_demands(
    who: AppOrBank, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[schemas.Demand]:
    """A partner app's own demands, or the demands routed to a bank; oldest first."""
    return await demands.listed(session, _viewer(who), after=_position(cursor), limit=limit)


@router.get(
    "/demands/{demand_id}",
    operation_id="getDemand",
    summary="Get one demand and the banks' responses",
    tags=["demands"],
)
async def get_demand(demand_id: str, who: AppOrBank, session: Session, response: Response) -> schemas.Demand:
    """One demand with its responses."""
    return tag(response.headers, await demands.get(session, _viewer(who), demand_id))


@router.post(
    "/demands/{demand_id}/responses",
    status_code=201,
    dependencies=[IDEMPOTENT],
    operation_id="respondToDemand",
    summary="Answer a financing demand as a bank",
    tags=["demands"],
)
async def respond(
    demand_id: str, body: schemas.ResponseIn, bank: Bank, session: Session
) -> schemas.DemandResponse:
    """A routed bank accepts, declines (with a reason) or asks for more information."""
    return await demands.respond(session, _org(bank), demand_id, body)


# ---- calendar ----------------------------------------------------------------------


@router.put(
    "/calendar/{year}",
    operation_id="putCalendar",
    summary="Set a year's business-day calendar",
    tags=["calendar"],
)
async def put_calendar(year: Year, body: schemas.CalendarIn, _: Admin, session: Session) -> schemas.Calendar:
    """Load the 国务院办公厅 holiday notice of a year: its rest days and make-up working days."""
    return await calendars.put(session, year, body)


@router.get(
    "/calendar/{year}",
    operation_id="getCalendar",
    summary="Get a year's business-day calendar",
    tags=["calendar"],
)
async def get_calendar(year: Year, _: AnyRole, session: Session, response: Response) -> schemas.Calendar:
    """The working-day calendar in force for a year, with its source (loaded, library, statutory)."""
    return tag(response.headers, await calendars.get(session, year))
