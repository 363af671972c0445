"""Taxpayer credit ratings (CONTRACT §3): uploading them, and reading one publicly and internally."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from kit.deps import Session
from kit.etags import tag_of
from kit.principal import Principal, ServicePrincipal, require_service
from kit.uscc import USCC
from services.credit_push.routes import uploads
from services.credit_push.routes.common import IDEMPOTENT, LoanMatch, Reader, TaxAuthority, bank_of
from services.credit_push.schemas.ratings import IngestOut, InternalRatingOut, MatchFactsOut, RatingOut
from services.credit_push.service import ratings

router = APIRouter(prefix="/v1/credit")
internal_router = APIRouter(prefix="/internal/credit", tags=["internal"])


@router.post(
    "/ratings",
    response_model=IngestOut,
    dependencies=[IDEMPOTENT],
    openapi_extra=uploads.RATINGS_BODY,
    responses=uploads.RATINGS_RESPONSES,
    operation_id="uploadRatings",
    summary="Upload taxpayer credit ratings",
    tags=["ratings"],
)
async def upload_ratings(request: Request, principal: TaxAuthority, session: Session) -> IngestOut | Response:
    """Upload up to 10,000 纳税信用 ratings (levels A, B, M, C, D of 公告2025年第12号) as JSON, CSV or
    .xlsx; invalid items come back in `rejected`, the rest are stored, and banks are sent the push
    set A, B, M (税总发〔2019〕113号). A file of more than 10,000 rows is answered 202 and stored in
    the background (`GET /v1/credit/uploads/{id}`)."""
    return await uploads.receive(request, principal, session)


@router.get(
    "/ratings/{uscc}",
    response_model=RatingOut,
    response_model_exclude_unset=True,
    responses={404: {}},
    operation_id="getRating",
    summary="Get an enterprise's current taxpayer credit rating",
    tags=["ratings"],
)
async def get_rating(uscc: USCC, principal: Reader, session: Session) -> Response:
    """An enterprise's current rating; a bank sees it only when entitled: the public A list, or the
    enterprise's consent for the tax figure (税收征管法 第八条 confidentiality; 404 otherwise)."""
    return await rating_answer(session, uscc, principal)


async def rating_answer(session: AsyncSession, uscc: str, principal: Principal) -> Response:
    """``get_rating``'s answer; routes/fastpath.py sends it for the common case past FastAPI."""
    found = await ratings.rating_for(session, uscc, bank_of(principal))
    # The answer serialised once, by the model that built it: the same bytes response_model would
    # send (exclude_unset) and the bytes its ETag hashes, without validating the model again.
    body = found.model_dump_json(exclude_unset=True).encode()
    return Response(body, media_type="application/json", headers={"ETag": tag_of(body)})


@internal_router.get(
    "/ratings/{uscc}",
    response_model=InternalRatingOut,
    responses={404: {}},
    dependencies=[Depends(require_service("loan_match"))],
)
async def internal_get_rating(
    uscc: USCC,
    _: ServicePrincipal,
    session: Session,
    for_org_id: Annotated[uuid.UUID, Query(description="The partner app the query or demand is for.")],
) -> InternalRatingOut:
    """The current rating with the tax figure, for loan_match, when the app holds the enterprise's
    authorisation (404 `not-authorised-by-enterprise` otherwise); the read is in the access log."""
    return await ratings.internal_rating(session, uscc, str(for_org_id))


@internal_router.get("/match-facts/{uscc}", response_model=MatchFactsOut)
async def internal_match_facts(
    uscc: USCC,
    _: LoanMatch,
    session: Session,
    for_org_id: Annotated[uuid.UUID, Query(description="The partner app the query or demand is for.")],
) -> Response:
    """For loan_match's matches: `GET /internal/credit/ratings/{uscc}` and
    `GET /internal/credit/standing/{uscc}` in one answer, with their rules and access-log entry.

    Always 200 `{uscc, blacklisted, rating, refusal}`: `blacklisted` is the standing read's
    answer; `rating` is the rating read's 200 answer (the read is in the access log), or null with
    `refusal` the slug of its 404: `not-authorised-by-enterprise` (the app holds no authorisation
    from the enterprise) or `not-found` (no current rating).
    """
    return await match_facts_answer(session, uscc, str(for_org_id))


async def match_facts_answer(session: AsyncSession, uscc: str, for_org_id: str) -> Response:
    """``internal_match_facts``'s answer; routes/facts_fastpath.py sends it past FastAPI."""
    found = await ratings.match_facts(session, uscc, for_org_id)
    # Serialised once by the model that built it (response_model documents it, not validates it).
    return Response(found.model_dump_json().encode(), media_type="application/json")
