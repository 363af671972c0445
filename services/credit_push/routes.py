"""Public (`/v1/credit`) and internal (`/internal/credit`) operations of credit_push (CONTRACT §3).

Each operation parses the request (ids, cursors, who the caller is), calls one use case of
``service`` and shapes the answer (the page and its cursor).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from kit.deps import Session
from kit.errors import NotFound, RuleViolation
from kit.etags import tag_of
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, page_of
from kit.principal import Principal, ServicePrincipal, require_roles, require_service
from kit.uscc import USCC
from services.credit_push import routes_uploads
from services.credit_push.deps import idempotent
from services.credit_push.paging import after_of, position_of, with_etag
from services.credit_push.schemas import (
    AccessEntryOut,
    AuthorisationIn,
    AuthorisationOut,
    ConsentIn,
    ConsentOut,
    IngestOut,
    InternalRatingOut,
    OutcomeIn,
    OutcomeOut,
    RatingOut,
)
from services.credit_push.service import (
    access_log,
    authorisations,
    consents,
    outcomes,
    ratings,
)

router = APIRouter(prefix="/v1/credit")
internal_router = APIRouter(prefix="/internal/credit", tags=["internal"])

TaxAuthority = Annotated[Principal, Depends(require_roles("tax_authority"))]
Reader = Annotated[Principal, Depends(require_roles("tax_authority", "admin", "bank"))]
Partner = Annotated[Principal, Depends(require_roles("partner_app"))]
PartnerOrBank = Annotated[Principal, Depends(require_roles("partner_app", "bank"))]
Bank = Annotated[Principal, Depends(require_roles("bank"))]
LogReader = Annotated[Principal, Depends(require_roles("tax_authority", "admin", "partner_app"))]
OutcomeReader = Annotated[Principal, Depends(require_roles("bank", "tax_authority", "admin"))]


def _id(raw: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError as exc:
        raise NotFound(what) from exc


def _org(principal: Principal) -> str:
    assert principal.org_id is not None
    return principal.org_id


def _allow_private(request: Request) -> bool:
    """Development and tests may send webhooks over http to any address (see ssrf.py)."""
    return bool(request.app.state.settings.webhook_allow_private)


def _aware(since: datetime) -> datetime:
    if since.tzinfo is None:
        raise RuleViolation(
            "since: needs a time zone (RFC 3339)",
            slug="validation-error",
            field="since",
            field_msg="needs a time zone",
        )
    return since


# --- ratings -------------------------------------------------------------------------------


@router.post(
    "/ratings",
    response_model=IngestOut,
    dependencies=[idempotent],
    openapi_extra=routes_uploads.RATINGS_BODY,
    responses=routes_uploads.RATINGS_RESPONSES,
    operation_id="uploadRatings",
    summary="Upload taxpayer credit ratings",
    tags=["ratings"],
)
async def upload_ratings(request: Request, principal: TaxAuthority, session: Session) -> IngestOut | Response:
    """Upload up to 10,000 纳税信用 ratings (levels A, B, M, C, D of 公告2025年第12号) as JSON, CSV or
    .xlsx; invalid items come back in `rejected`, the rest are stored, and banks are sent the push
    set A, B, M (税总发〔2019〕113号). A file of more than 10,000 rows is answered 202 and stored in
    the background (`GET /v1/credit/uploads/{id}`)."""
    return await routes_uploads.receive(request, principal, session)


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
    bank_id = _org(principal) if principal.role == "bank" else None
    found = await ratings.rating_for(session, uscc, bank_id)
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


# --- authorisations and the access log -----------------------------------------------------


@router.post(
    "/authorisations",
    status_code=201,
    response_model=AuthorisationOut,
    dependencies=[idempotent],
    operation_id="createAuthorisation",
    summary="Record an enterprise's authorisation for you",
    tags=["authorisations"],
)
async def authorise(body: AuthorisationIn, principal: Partner, session: Session) -> AuthorisationOut:
    """Record an enterprise's authorisation for you to act for it (consents, match queries)."""
    return await authorisations.grant(session, body, _org(principal))


@router.delete(
    "/authorisations/{auth_id}",
    status_code=204,
    responses={404: {}},
    operation_id="revokeAuthorisation",
    summary="Revoke an enterprise authorisation",
    tags=["authorisations"],
)
async def revoke_authorisation(auth_id: str, principal: Partner, session: Session) -> Response:
    """Revoke it; every consent you recorded for the enterprise ends, each bank gets a `withdrawn`."""
    await authorisations.revoke(session, _org(principal), _id(auth_id, "authorisation"))
    return Response(status_code=204)


@router.get(
    "/authorisations",
    response_model=Page[AuthorisationOut],
    operation_id="listAuthorisations",
    summary="List the enterprise authorisations you hold",
    tags=["authorisations"],
)
async def list_authorisations(
    principal: Partner,
    session: Session,
    uscc: Annotated[USCC | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[AuthorisationOut]:
    """The authorisations you recorded, oldest first."""
    items = await authorisations.list_for(session, _org(principal), uscc, after_of(cursor), limit)
    page, next_cursor = page_of(items, limit, position_of)
    return Page[AuthorisationOut](items=page, next_cursor=next_cursor)


@router.get(
    "/authorisations/{auth_id}",
    response_model=AuthorisationOut,
    responses={404: {}},
    operation_id="getAuthorisation",
    summary="Get one enterprise authorisation",
    tags=["authorisations"],
)
async def get_authorisation(auth_id: str, principal: Partner, session: Session) -> Response:
    """One of your authorisations, with an ETag."""
    found = await authorisations.get(session, _org(principal), _id(auth_id, "authorisation"))
    return with_etag(found)


@router.get(
    "/access-log",
    response_model=Page[AccessEntryOut],
    operation_id="listAccessLog",
    summary="List who read which enterprise's rating",
    tags=["access log"],
)
async def access_log_list(
    principal: LogReader,
    session: Session,
    uscc: Annotated[USCC | None, Query()] = None,
    since: Annotated[datetime | None, Query(description="RFC 3339; entries at or after it.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[AccessEntryOut]:
    """Who read which enterprise's non-public data, newest first; an app sees its enterprises only."""
    where = access_log.log_filter(uscc, _aware(since) if since else None, principal.role, _org(principal))
    items = await access_log.list_for(session, where, after_of(cursor), limit)
    page, next_cursor = page_of(items, limit, lambda e: {"t": e.at.isoformat(), "id": str(e.id)})
    return Page[AccessEntryOut](items=page, next_cursor=next_cursor)


# --- consents ------------------------------------------------------------------------------


@router.post(
    "/consents",
    status_code=201,
    response_model=ConsentOut,
    dependencies=[idempotent],
    operation_id="createConsent",
    summary="Give an enterprise's consent to share its rating with a bank",
    tags=["consents"],
)
async def give_consent(body: ConsentIn, principal: Partner, request: Request, session: Session) -> ConsentOut:
    """Record an enterprise's consent for one named bank to see its rating and tax figure: the
    bank-specific, revocable taxpayer authorisation 税总发〔2019〕113号 requires before tax data is shared."""
    return await consents.give(session, body, _org(principal), request.app.state.ctx.internal)


@router.delete(
    "/consents/{consent_id}",
    status_code=204,
    responses={404: {}},
    operation_id="revokeConsent",
    summary="Revoke a consent",
    tags=["consents"],
)
async def revoke_consent(consent_id: str, principal: Partner, session: Session) -> Response:
    """Revoke a consent you recorded; banks that were sent the enterprise get a `withdrawn`."""
    await consents.revoke(session, _org(principal), _id(consent_id, "consent"))
    return Response(status_code=204)


@router.get(
    "/consents",
    response_model=Page[ConsentOut],
    operation_id="listConsents",
    summary="List enterprises' consents to share their rating with a bank",
    tags=["consents"],
)
async def list_consents(
    principal: PartnerOrBank,
    session: Session,
    uscc: Annotated[USCC | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[ConsentOut]:
    """Consents you recorded (partner app) or that were granted to you (bank), oldest first."""
    items = await consents.list_for(session, principal.role, _org(principal), uscc, after_of(cursor), limit)
    page, next_cursor = page_of(items, limit, position_of)
    return Page[ConsentOut](items=page, next_cursor=next_cursor)


# --- outcomes and statistics ---------------------------------------------------------------


@router.post(
    "/outcomes",
    status_code=201,
    response_model=OutcomeOut,
    dependencies=[idempotent],
    operation_id="createOutcome",
    summary="Report a loan granted to an enterprise pushed to you",
    tags=["outcomes"],
)
async def report_outcome(body: OutcomeIn, principal: Bank, session: Session) -> OutcomeOut:
    """Report a loan granted to an enterprise this platform pushed to you (粤信融-style feedback)."""
    return await outcomes.report(session, body, _org(principal))


@router.get(
    "/outcomes",
    response_model=Page[OutcomeOut],
    operation_id="listOutcomes",
    summary="List reported loan outcomes",
    tags=["outcomes"],
)
async def list_outcomes(
    principal: OutcomeReader,
    session: Session,
    uscc: Annotated[USCC | None, Query()] = None,
    from_: Annotated[date | None, Query(alias="from", description="granted_on from (inclusive).")] = None,
    to: Annotated[date | None, Query(description="granted_on to (inclusive).")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[OutcomeOut]:
    """Loans reported: a bank its own, the tax authority and admins all; oldest first."""
    bank_id = _org(principal) if principal.role == "bank" else None
    where = outcomes.OutcomeFilter(bank_id, uscc, from_, to)
    items = await outcomes.list_for(session, where, after_of(cursor), limit)
    page, next_cursor = page_of(items, limit, position_of)
    return Page[OutcomeOut](items=page, next_cursor=next_cursor)


__all__ = ["internal_router", "router"]
