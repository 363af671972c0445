"""Claims on subsidy programmes, ``/v1/match/programmes/{id}/claims`` and
``/v1/match/claims/{id}/decision`` (CONTRACT §6)."""

from __future__ import annotations

from fastapi import APIRouter

from kit.deps import Session
from services.loan_match.routes.common import PREFIX, Internal, caller, created, org
from services.loan_match.routes.roles import ClaimReader, Filer, FundManager
from services.loan_match.schemas import claims as schemas
from services.loan_match.service import claims

router = APIRouter(prefix=PREFIX, tags=["claims"])


@created(
    router,
    "/programmes/{programme_id}/claims",
    operation_id="createClaim",
    summary="File a claim under a programme",
)
async def file_claim(
    programme_id: str, body: schemas.ClaimIn, filer: Filer, session: Session, internal: Internal
) -> schemas.Claim:
    """A bank, or a partner app the enterprise has authorised, claims the subsidy on a loan."""
    return await claims.file(session, internal, caller(filer), programme_id, body)


@router.get(
    "/programmes/{programme_id}/claims", operation_id="listClaims", summary="List a programme's claims"
)
async def list_claims(programme_id: str, who: ClaimReader, session: Session) -> list[schemas.Claim]:
    """The programme's claims for its fund manager; a bank's or app's own claims for them."""
    return await claims.listed(session, caller(who), programme_id)


@router.post(
    "/claims/{claim_id}/decision", operation_id="decideClaim", summary="Approve or refuse a programme claim"
)
async def decide_claim(
    claim_id: str, body: schemas.DecisionIn, manager: FundManager, session: Session
) -> schemas.DecisionOut:
    """The programme's fund manager approves (paying within every cap) or refuses with a reason."""
    return await claims.decide(session, org(manager), claim_id, body)
