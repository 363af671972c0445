"""Cooperation (risk-share) agreements, `/v1/guarantee/agreements[/{id}]` (CONTRACT §4): admin and the
national fund all, a bank and a local guarantor their own, a provincial those of its locals."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response

from kit.etags import tag
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from services.guarantee.routes.common import CREATES, PREFIX, Admin, Ctx, Repo, Viewer
from services.guarantee.schemas.agreements import Agreement, AgreementCreate
from services.guarantee.service import agreements

router = APIRouter(prefix=PREFIX, tags=["agreements"])
CREATE_REFUSALS = problems(
    s409="agreement-exists, idempotency-key-in-use",
    s422="validation-error, bank-share-too-low, national-share-out-of-range, "
    "provincial-share-below-national, negative-share, shares-do-not-sum-to-10000, "
    "invalid-bank-org-id, invalid-guarantor-id",
    s503="dependency-unavailable",
)


@router.post(
    "/agreements",
    **CREATES,
    responses=CREATE_REFUSALS,
    operation_id="createAgreement",
    summary="Create a bank-guarantor risk-share agreement",
)
async def create_agreement(body: AgreementCreate, _: Admin, repo: Repo, ctx: Ctx) -> Agreement:
    """A bank × local guarantor risk-share agreement under 国办发〔2019〕6号 (admin)."""
    return await agreements.create_agreement(repo, ctx.internal, body)


@router.get(
    "/agreements",
    responses=problems(s422="invalid-cursor"),
    operation_id="listAgreements",
    summary="List the cooperation agreements you belong to",
)
async def list_agreements(
    principal: Viewer, repo: Repo, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[Agreement]:
    """The agreements you may see, oldest first: admin and the national fund all, a bank and a
    local guarantor their own, a provincial re-guarantor those of its local guarantors."""
    return await agreements.list_agreements(repo, principal, cursor=cursor, limit=limit)


@router.get(
    "/agreements/{agreement_id}", operation_id="getAgreement", summary="Get one cooperation agreement"
)
async def get_agreement(agreement_id: UUID, principal: Viewer, repo: Repo, response: Response) -> Agreement:
    """An agreement, for admin, its bank, its guarantor and the guarantor's ancestors."""
    return tag(response.headers, await agreements.visible_agreement(repo, principal, str(agreement_id)))
