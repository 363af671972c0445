"""Subsidy programmes and their claims, `/v1/match/programmes` and `/v1/match/claims` (CONTRACT §6).

Each operation parses the request, calls one use case of ``service/`` and shapes the answer.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from kit.app import AppContext
from kit.deps import Session, idempotent
from kit.etags import tag
from kit.internal import InternalClient
from kit.principal import Principal, require_roles
from services.loan_match import schemas_programmes as schemas
from services.loan_match.service import claims, programmes
from services.loan_match.tables import idempotency_keys

router = APIRouter(prefix="/v1/match")

FundManager = Annotated[Principal, Depends(require_roles("fund_manager"))]
Filer = Annotated[Principal, Depends(require_roles("bank", "partner_app"))]
# Claims are read by their programme's fund manager, by their filer, and by admin and regulator.
ClaimReader = Annotated[
    Principal, Depends(require_roles("fund_manager", "bank", "partner_app", "admin", "regulator"))
]
AnyRole = Annotated[
    Principal,
    Depends(
        require_roles(
            "admin", "regulator", "tax_authority", "bank", "guarantor", "partner_app", "fund_manager"
        )
    ),
]
IDEMPOTENT = idempotent(idempotency_keys)


async def _internal(request: Request) -> InternalClient:
    ctx: AppContext = request.app.state.ctx
    return ctx.internal


Internal = Annotated[InternalClient, Depends(_internal)]


def _caller(principal: Principal) -> claims.Caller:
    assert principal.org_id is not None
    return claims.Caller(org_id=principal.org_id, role=principal.role)


@router.post(
    "/programmes",
    status_code=201,
    dependencies=[IDEMPOTENT],
    operation_id="createProgramme",
    summary="Create a policy programme",
    tags=["programmes"],
)
async def create_programme(
    body: schemas.ProgrammeIn, manager: FundManager, session: Session
) -> schemas.Programme:
    """Publish a subsidy programme of the calling fund manager."""
    return await programmes.create(session, _caller(manager).org_id, body)


@router.get(
    "/programmes",
    operation_id="listProgrammes",
    summary="List policy programmes (interest subsidies and the like)",
    tags=["programmes"],
)
async def list_programmes(_: AnyRole, session: Session) -> list[schemas.Programme]:
    """Every programme with what it has paid and has left, oldest first."""
    return await programmes.listed(session)


@router.get(
    "/programmes/{programme_id}",
    operation_id="getProgramme",
    summary="Get one policy programme",
    tags=["programmes"],
)
async def get_programme(
    programme_id: str, _: AnyRole, session: Session, response: Response
) -> schemas.Programme:
    """One programme with its figures, by 市州 and by month."""
    return tag(response.headers, await programmes.get(session, programme_id))


@router.post(
    "/programmes/{programme_id}/claims",
    status_code=201,
    dependencies=[IDEMPOTENT],
    operation_id="createClaim",
    summary="File a claim under a programme",
    tags=["claims"],
)
async def file_claim(
    programme_id: str, body: schemas.ClaimIn, filer: Filer, session: Session, internal: Internal
) -> schemas.Claim:
    """A bank, or a partner app the enterprise has authorised, claims the subsidy on a loan."""
    return await claims.file(session, internal, _caller(filer), programme_id, body)


@router.get(
    "/programmes/{programme_id}/claims",
    operation_id="listClaims",
    summary="List a programme's claims",
    tags=["claims"],
)
async def list_claims(programme_id: str, who: ClaimReader, session: Session) -> list[schemas.Claim]:
    """The programme's claims for its fund manager; a bank's or app's own claims for them."""
    return await claims.listed(session, _caller(who), programme_id)


@router.post(
    "/claims/{claim_id}/decision",
    operation_id="decideClaim",
    summary="Approve or refuse a programme claim",
    tags=["claims"],
)
async def decide_claim(
    claim_id: str, body: schemas.DecisionIn, manager: FundManager, session: Session
) -> schemas.DecisionOut:
    """The programme's fund manager approves (paying within every cap) or refuses with a reason."""
    return await claims.decide(session, _caller(manager).org_id, claim_id, body)
