"""Public (`/v1/guarantee`) and internal (`/internal/guarantee`) operations of guarantee (CONTRACT §4)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request

from kit.app import AppContext
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, decode_cursor, invalid_cursor, page_of
from kit.principal import Principal, ServicePrincipal, require_roles
from kit.problems import PROBLEM_MEDIA_TYPE, not_found
from kit.uscc import USCC
from services.guarantee import schemas, service
from services.guarantee.deps import Session, idempotent
from services.guarantee.repository import Repository

router = APIRouter(prefix="/v1/guarantee", tags=["guarantee"])
internal_router = APIRouter(prefix="/internal/guarantee", tags=["internal"])

Admin = Annotated[Principal, Depends(require_roles("admin"))]
Guarantor = Annotated[Principal, Depends(require_roles("guarantor"))]
AdminOrGuarantor = Annotated[Principal, Depends(require_roles("admin", "guarantor"))]
Viewer = Annotated[Principal, Depends(require_roles("admin", "guarantor", "bank"))]


def _ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


Ctx = Annotated[AppContext, Depends(_ctx)]


def problems(**by_status: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problems an operation may answer: ``problems(s409="slug, slug")``."""
    return {
        int(status[1:]): {"description": f"Problem types: {slugs}.", "content": {PROBLEM_MEDIA_TYPE: {}}}
        for status, slugs in by_status.items()
    }


def _is_uuid(value: object) -> bool:
    try:
        UUID(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


@router.post(
    "/institutions",
    status_code=201,
    dependencies=[idempotent],
    responses=problems(
        s409="institution-exists, national-fund-exists, idempotency-key-in-use",
        s422="validation-error, invalid-org-id, invalid-parent-id, idempotency-key-reused",
        s503="dependency-unavailable",
    ),
)
async def create_institution(
    body: schemas.InstitutionCreate, _: Admin, session: Session, ctx: Ctx
) -> schemas.Institution:
    """Register a national fund, provincial re-guarantor or local guarantor (admin)."""
    row = await service.create_institution(Repository(session), ctx.internal, body)
    return schemas.Institution.model_validate(dict(row))


@router.get("/institutions")
async def list_institutions(
    _: Admin,
    session: Session,
    tier: Annotated[schemas.Tier | None, Query()] = None,
    parent_id: Annotated[UUID | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[schemas.Institution]:
    """Institutions of the chain (admin), by id, filtered by `tier` and `parent_id`."""
    position = decode_cursor(cursor)
    after = position.get("id") if position is not None else None
    if position is not None and not _is_uuid(after):
        raise invalid_cursor()
    parent = str(parent_id) if parent_id else None
    after_id = str(after) if after else None
    rows = await Repository(session).institutions(tier=tier, parent_id=parent, after_id=after_id, limit=limit)
    page, next_cursor = page_of(list(rows), limit, lambda row: {"id": row["id"]})
    return Page[schemas.Institution](
        items=[schemas.Institution.model_validate(dict(r)) for r in page], next_cursor=next_cursor
    )


@router.get("/institutions/{institution_id}")
async def get_institution(
    institution_id: UUID, principal: AdminOrGuarantor, session: Session
) -> schemas.Institution:
    """An institution, for admin, itself and its ancestors."""
    row = await service.visible_institution(Repository(session), principal, str(institution_id))
    return schemas.Institution.model_validate(dict(row))


@router.patch("/institutions/{institution_id}")
async def update_institution(
    institution_id: UUID, body: schemas.InstitutionUpdate, _: Admin, session: Session
) -> schemas.Institution:
    """Record a new audited net assets figure or leverage multiple; capacity changes from then on."""
    row = await service.update_institution(Repository(session), str(institution_id), body)
    return schemas.Institution.model_validate(dict(row))


@router.get("/institutions/{institution_id}/position")
async def get_position(
    institution_id: UUID, principal: AdminOrGuarantor, session: Session
) -> schemas.Position:
    """Capacity, liability, headroom, 代偿 and 追偿 figures of an institution."""
    return await service.position(Repository(session), principal, str(institution_id))


@router.post(
    "/agreements",
    status_code=201,
    dependencies=[idempotent],
    responses=problems(
        s409="agreement-exists, idempotency-key-in-use",
        s422="validation-error, bank-share-too-low, national-share-out-of-range, "
        "provincial-share-below-national, negative-share, shares-do-not-sum-to-10000, "
        "invalid-bank-org-id, invalid-guarantor-id",
        s503="dependency-unavailable",
    ),
)
async def create_agreement(
    body: schemas.AgreementCreate, _: Admin, session: Session, ctx: Ctx
) -> schemas.Agreement:
    """A bank × local guarantor risk-share agreement under 国办发〔2019〕6号 (admin)."""
    row = await service.create_agreement(Repository(session), ctx.internal, body)
    return service.agreement_out(row)


@router.get("/agreements/{agreement_id}")
async def get_agreement(agreement_id: UUID, principal: Viewer, session: Session) -> schemas.Agreement:
    """An agreement, for admin, its bank, its guarantor and the guarantor's ancestors."""
    row = await service.visible_agreement(Repository(session), principal, str(agreement_id))
    return service.agreement_out(row)


@router.post(
    "/exposures",
    status_code=201,
    dependencies=[idempotent],
    responses=problems(
        s403="forbidden (not a local guarantor)",
        s409="duplicate-loan, leverage-limit-exceeded, single-client-limit-exceeded "
        "(with limit_fen, current_fen, requested_fen), idempotency-key-in-use",
        s422="validation-error, invalid-uscc, outside-policy-scope, invalid-agreement-id, "
        "idempotency-key-reused",
    ),
)
async def register_exposure(
    body: schemas.ExposureCreate, principal: Guarantor, session: Session
) -> schemas.Exposure:
    """Register a guaranteed loan (local guarantor); limits are checked under a lock on the guarantor."""
    row = await service.register_exposure(Repository(session), principal, body)
    return service.exposure_out(row)


@router.get("/exposures")
async def list_exposures(
    principal: Viewer,
    session: Session,
    status: Annotated[schemas.Status | None, Query()] = None,
    uscc: Annotated[USCC | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[schemas.Exposure]:
    """Exposures the caller may see, oldest first, filtered by `status` and `uscc`."""
    repo = Repository(session)
    scope = await service.exposure_scope(repo, principal)
    position = decode_cursor(cursor)
    after = position.get("seq") if position is not None else None
    if position is not None and not isinstance(after, int):
        raise invalid_cursor()
    rows = await repo.exposures(scope, status=status, uscc=uscc, after_seq=after, limit=limit)
    page, next_cursor = page_of(list(rows), limit, lambda row: {"seq": row["seq"]})
    return Page[schemas.Exposure](items=[service.exposure_out(r) for r in page], next_cursor=next_cursor)


@router.get("/exposures/{exposure_id}")
async def get_exposure(exposure_id: UUID, principal: Viewer, session: Session) -> schemas.Exposure:
    """One exposure, if the caller may see it (404 otherwise)."""
    repo = Repository(session)
    scope = await service.exposure_scope(repo, principal)
    row = await repo.exposure(str(exposure_id), scope)
    if row is None:
        raise not_found("exposure")
    return service.exposure_out(row)


@router.post(
    "/exposures/{exposure_id}/repayments",
    dependencies=[idempotent],
    responses=problems(
        s404="not-found",
        s409="exposure-not-active, idempotency-key-in-use",
        s422="validation-error, repayment-exceeds-outstanding, date-out-of-range",
    ),
)
async def repay(
    exposure_id: UUID, body: schemas.Repayment, principal: Guarantor, session: Session
) -> schemas.Exposure:
    """Record a repayment; the exposure is `repaid` when nothing is outstanding."""
    row = await service.repay(Repository(session), principal, str(exposure_id), body)
    return service.exposure_out(row)


@router.post(
    "/exposures/{exposure_id}/default",
    dependencies=[idempotent],
    responses=problems(
        s404="not-found",
        s409="exposure-not-active, idempotency-key-in-use",
        s422="validation-error, date-out-of-range",
    ),
)
async def default(
    exposure_id: UUID, body: schemas.Default, principal: Guarantor, session: Session
) -> schemas.DefaultResult:
    """代偿: the outstanding amount becomes losses split by the shares; the guarantor pays the bank."""
    row, outcome = await service.default(Repository(session), principal, str(exposure_id), body)
    return schemas.DefaultResult(
        exposure=service.exposure_out(row),
        compensation_fen=outcome.compensation_fen,
        losses_fen=schemas.Parties(**outcome.losses_fen),
    )


@router.post(
    "/exposures/{exposure_id}/recoveries",
    dependencies=[idempotent],
    responses=problems(
        s404="not-found",
        s409="exposure-not-compensated, idempotency-key-in-use",
        s422="validation-error, recovery-exceeds-default (with remaining_fen), date-out-of-range",
    ),
)
async def recover(
    exposure_id: UUID, body: schemas.Recovery, principal: Guarantor, session: Session
) -> schemas.RecoveryResult:
    """追偿: a recovery split by the same shares, cumulatively, capped at the defaulted amount."""
    allocation, total = await service.recover(Repository(session), principal, str(exposure_id), body)
    return schemas.RecoveryResult(allocation_fen=schemas.Parties(**allocation), total_recovered_fen=total)


@router.get("/reports/summary")
async def summary(principal: AdminOrGuarantor, session: Session) -> schemas.Summary:
    """Policy figures over active exposures: all for admin and the national fund, a provincial its subtree."""
    return await service.summary(Repository(session), principal)


@internal_router.get("/capacity")
async def capacity(
    _: ServicePrincipal,
    session: Session,
    bank_org_id: Annotated[str, Query(min_length=1, max_length=100)],
    guaranteed_fen: Annotated[int, Query(ge=0)],
) -> schemas.Capacity:
    """For loan_match: local guarantors with an agreement with the bank, by headroom (desc)."""
    return await service.capacity(Repository(session), bank_org_id, guaranteed_fen)
