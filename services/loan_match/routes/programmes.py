"""Subsidy programmes, ``/v1/match/programmes`` (CONTRACT §6): a fund manager publishes one;
every role reads them with their figures."""

from __future__ import annotations

from fastapi import APIRouter, Response

from kit.deps import Session
from kit.etags import tag
from services.loan_match.routes.common import PREFIX, created, org
from services.loan_match.routes.roles import AnyRole, FundManager
from services.loan_match.schemas import programmes as schemas
from services.loan_match.service import programmes

router = APIRouter(prefix=f"{PREFIX}/programmes", tags=["programmes"])


@created(router, "", operation_id="createProgramme", summary="Create a policy programme")
async def create_programme(
    body: schemas.ProgrammeIn, manager: FundManager, session: Session
) -> schemas.Programme:
    """Publish a subsidy programme of the calling fund manager."""
    return await programmes.create(session, org(manager), body)


@router.get(
    "", operation_id="listProgrammes", summary="List policy programmes (interest subsidies and the like)"
)
async def list_programmes(_: AnyRole, session: Session) -> list[schemas.Programme]:
    """Every programme with what it has paid and has left, oldest first."""
    return await programmes.listed(session)


@router.get("/{programme_id}", operation_id="getProgramme", summary="Get one policy programme")
async def get_programme(
    programme_id: str, _: AnyRole, session: Session, response: Response
) -> schemas.Programme:
    """One programme with its figures, by 市州 and by month."""
    return tag(response.headers, await programmes.get(session, programme_id))
