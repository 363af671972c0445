"""Financing demands, ``/v1/match/demands`` (CONTRACT §5): a partner app publishes one, it goes
to every bank with a matching product, and each routed bank answers it."""

from __future__ import annotations

from fastapi import APIRouter, Response

from kit.deps import Session
from kit.etags import tag
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from services.loan_match.routes.common import NO_PROFILE, PREFIX, Matching, caller, created, org, position
from services.loan_match.routes.roles import AppOrBank, Bank, PartnerApp
from services.loan_match.schemas import demands as schemas
from services.loan_match.service import demands

router = APIRouter(prefix=f"{PREFIX}/demands", tags=["demands"])


@created(
    router,
    "",
    operation_id="createDemand",
    summary="Publish an enterprise's financing demand to banks",
    responses=NO_PROFILE,
)
async def create_demand(
    body: schemas.DemandIn, app: PartnerApp, session: Session, matcher: Matching
) -> schemas.Demand:
    """Publish a financing demand for an enterprise whose profile the app put first; it goes to
    every bank with a matching product now."""
    return await demands.publish(session, matcher, org(app), body)


@router.get("", operation_id="listDemands", summary="List financing demands")
async def list_demands(
    who: AppOrBank, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[schemas.Demand]:
    """A partner app's own demands, or the demands routed to a bank; oldest first."""
    return await demands.listed(session, caller(who), after=position(cursor), limit=limit)


@router.get("/{demand_id}", operation_id="getDemand", summary="Get one demand and the banks' responses")
async def get_demand(demand_id: str, who: AppOrBank, session: Session, response: Response) -> schemas.Demand:
    """One demand with its responses."""
    return tag(response.headers, await demands.get(session, caller(who), demand_id))


@created(
    router,
    "/{demand_id}/responses",
    operation_id="respondToDemand",
    summary="Answer a financing demand as a bank",
)
async def respond(
    demand_id: str, body: schemas.ResponseIn, bank: Bank, session: Session
) -> schemas.DemandResponse:
    """A routed bank accepts, declines (with a reason) or asks for more information."""
    return await demands.respond(session, org(bank), demand_id, body)
