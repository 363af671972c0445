"""Enterprise profiles, ``/v1/match/enterprises/{uscc}`` (CONTRACT §5): a partner app's own
view of an enterprise, sized by 工信部联企业〔2011〕300号."""

from __future__ import annotations

from fastapi import APIRouter, Response

from kit.deps import Session
from kit.etags import tag
from kit.uscc import USCC
from services.loan_match.routes.common import PREFIX, org
from services.loan_match.routes.roles import PartnerApp
from services.loan_match.schemas import profiles as schemas
from services.loan_match.service import profiles

router = APIRouter(prefix=f"{PREFIX}/enterprises", tags=["enterprises"])


@router.put("/{uscc}", operation_id="putEnterprise", summary="Create or replace an enterprise's profile")
async def put_profile(
    uscc: USCC, body: schemas.ProfileIn, app: PartnerApp, session: Session
) -> schemas.Profile:
    """Create or replace the app's profile of an enterprise; size follows 工信部联企业〔2011〕300号."""
    return await profiles.put(session, org(app), uscc, body)


@router.get("/{uscc}", operation_id="getEnterprise", summary="Get an enterprise's profile")
async def get_profile(uscc: USCC, app: PartnerApp, session: Session, response: Response) -> schemas.Profile:
    """The app's own profile of an enterprise."""
    return tag(response.headers, await profiles.get(session, org(app), uscc))
