"""The institutions of the guarantee chain, `/v1/guarantee/institutions[/{id}[/position]]` (CONTRACT §4)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Response

from kit.deps import IfMatch
from kit.etags import tag
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from services.guarantee.routes.common import CREATES, PREFIX, Admin, AdminOrGuarantor, Ctx, Repo
from services.guarantee.rules.chain import Tier
from services.guarantee.schemas.institutions import (
    Institution,
    InstitutionCreate,
    InstitutionUpdate,
    Position,
)
from services.guarantee.service import institutions

router = APIRouter(prefix=PREFIX, tags=["institutions"])


CREATE_REFUSALS = problems(
    s409="institution-exists, national-fund-exists, idempotency-key-in-use",
    s422="validation-error, invalid-org-id, invalid-parent-id, idempotency-key-reused",
    s503="dependency-unavailable",
)


@router.post(
    "/institutions",
    **CREATES,
    responses=CREATE_REFUSALS,
    operation_id="createInstitution",
    summary="Register a guarantee institution in the chain",
)
async def create_institution(body: InstitutionCreate, _: Admin, repo: Repo, ctx: Ctx) -> Institution:
    """Register a national fund, provincial re-guarantor or local guarantor (国办发〔2019〕6号 chain);
    its leverage multiple is at most 15 (融资担保公司监督管理条例, 国务院令第683号)."""
    return await institutions.create_institution(repo, ctx.internal, body)


@router.get("/institutions", operation_id="listInstitutions", summary="List guarantee institutions")
async def list_institutions(
    _: Admin,
    repo: Repo,
    tier: Annotated[Tier | None, Query()] = None,
    parent_id: Annotated[UUID | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[Institution]:
    """Institutions of the chain (admin), by id, filtered by `tier` and `parent_id`."""
    parent = str(parent_id) if parent_id else None
    return await institutions.list_institutions(repo, tier=tier, parent_id=parent, cursor=cursor, limit=limit)


@router.get(
    "/institutions/{institution_id}", operation_id="getInstitution", summary="Get one guarantee institution"
)
async def get_institution(
    institution_id: UUID, principal: AdminOrGuarantor, repo: Repo, response: Response
) -> Institution:
    """An institution, for admin, itself and its ancestors; its ETag is what a PATCH's If-Match names."""
    row = await institutions.visible_institution(repo, principal, str(institution_id))
    return tag(response.headers, row)


@router.patch(
    "/institutions/{institution_id}",
    responses=problems(s412="precondition-failed"),
    operation_id="updateInstitution",
    summary="Change an institution's net assets or leverage multiple",
)
async def update_institution(
    institution_id: UUID, body: InstitutionUpdate, _: Admin, repo: Repo, if_match: IfMatch = None
) -> Institution:
    """Record a new audited net assets figure or leverage multiple; capacity changes from then on."""
    return await institutions.update_institution(repo, str(institution_id), body, if_match)


@router.get(
    "/institutions/{institution_id}/position",
    operation_id="getInstitutionPosition",
    summary="An institution's guarantee balance against its regulatory limits",
)
async def get_position(
    institution_id: UUID,
    principal: AdminOrGuarantor,
    repo: Repo,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> Position:
    """Capacity, liability, headroom, 代偿 and 追偿 figures, and 代偿率 (cumulative and for `year`)."""
    return await institutions.position(repo, principal, str(institution_id), year)
