"""Match queries, ``/v1/match/queries`` (CONTRACT §5): an enterprise against every product."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from kit.deps import Session
from kit.principal import Principal
from services.loan_match.routes.common import NO_PROFILE, PREFIX, Matching, org
from services.loan_match.routes.roles import PartnerApp
from services.loan_match.schemas import queries as schemas
from services.loan_match.service import queries
from services.loan_match.service.matching import Matcher

router = APIRouter(prefix=PREFIX, tags=["matching"])


@router.post(
    "/queries",
    response_model=schemas.QueryResult,
    responses=NO_PROFILE,
    operation_id="matchProducts",
    summary="Match an enterprise against every loan product",
)
async def query(body: schemas.QueryIn, app: PartnerApp, session: Session, matcher: Matching) -> Response:
    """Match the enterprise (whose profile the app put first) against every active product:
    matches ranked by cost, and with `include_excluded` every other product with all the criteria
    it failed."""
    return await query_answer(session, matcher, app, body)


async def query_answer(
    session: AsyncSession, matcher: Matcher, app: Principal, body: schemas.QueryIn
) -> Response:
    """``query``'s answer; routes/fastpath.py sends it for the common case past FastAPI."""
    # Already JSON (schemas.QueryResult): a 2,000-product answer is built as plain data once.
    return Response(await queries.run(session, matcher, org(app), body), media_type="application/json")
