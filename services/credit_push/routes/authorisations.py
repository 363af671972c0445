"""An enterprise's authorisations of a partner app (CONTRACT §3 "Authorisations")."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from kit.deps import Session
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from kit.uscc import USCC
from services.credit_push.routes.common import IDEMPOTENT, Partner, org_of, uuid_of
from services.credit_push.routes.paging import after_of, keyset_page, with_etag
from services.credit_push.schemas.authorisations import AuthorisationIn, AuthorisationOut
from services.credit_push.service import authorisations

router = APIRouter(prefix="/v1/credit")


@router.post(
    "/authorisations",
    status_code=201,
    response_model=AuthorisationOut,
    dependencies=[IDEMPOTENT],
    operation_id="createAuthorisation",
    summary="Record an enterprise's authorisation for you",
    tags=["authorisations"],
)
async def authorise(body: AuthorisationIn, principal: Partner, session: Session) -> AuthorisationOut:
    """Record an enterprise's authorisation for you to act for it (consents, match queries)."""
    return await authorisations.grant(session, body, org_of(principal))


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
    await authorisations.revoke(session, org_of(principal), uuid_of(auth_id, "authorisation"))
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
    items = await authorisations.list_for(session, org_of(principal), uscc, after_of(cursor), limit)
    return keyset_page(items, limit)


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
    found = await authorisations.get(session, org_of(principal), uuid_of(auth_id, "authorisation"))
    return with_etag(found)
