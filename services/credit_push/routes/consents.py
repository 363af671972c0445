"""An enterprise's consents for one bank to see its rating and tax figure (CONTRACT §3 "Consents")."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from kit.deps import Session
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from kit.uscc import USCC
from services.credit_push.routes.common import IDEMPOTENT, Partner, PartnerOrBank, org_of, uuid_of
from services.credit_push.routes.paging import after_of, keyset_page
from services.credit_push.schemas.consents import ConsentIn, ConsentOut
from services.credit_push.service import consents

router = APIRouter(prefix="/v1/credit")


@router.post(
    "/consents",
    status_code=201,
    response_model=ConsentOut,
    dependencies=[IDEMPOTENT],
    operation_id="createConsent",
    summary="Give an enterprise's consent to share its rating with a bank",
    tags=["consents"],
)
async def give_consent(body: ConsentIn, principal: Partner, request: Request, session: Session) -> ConsentOut:
    """Record an enterprise's consent for one named bank to see its rating and tax figure: the
    bank-specific, revocable taxpayer authorisation 税总发〔2019〕113号 requires before tax data is shared."""
    return await consents.give(session, body, org_of(principal), request.app.state.ctx.internal)


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
    await consents.revoke(session, org_of(principal), uuid_of(consent_id, "consent"))
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
    items = await consents.list_for(session, principal.role, org_of(principal), uscc, after_of(cursor), limit)
    return keyset_page(items, limit)
