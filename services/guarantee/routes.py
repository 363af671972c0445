"""Public (`/v1/guarantee`) and internal (`/internal/guarantee`) operations of guarantee (CONTRACT §4)."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request

from kit.app import AppContext
from kit.deps import Session, idempotent
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, decode_cursor, invalid_cursor, page_of
from kit.principal import Principal, ServicePrincipal, require_roles, require_service
from kit.problems import PROBLEM_MEDIA_TYPE
from kit.uscc import USCC
from services.guarantee import answers, schemas
from services.guarantee.repository import Repository
from services.guarantee.rules import Status, Tier
from services.guarantee.service import agreements, exposures, institutions, reports, settlement
from services.guarantee.service.capacity import bank_capacity
from services.guarantee.tables import idempotency_keys

router = APIRouter(prefix="/v1/guarantee", tags=["guarantee"])
internal_router = APIRouter(prefix="/internal/guarantee", tags=["internal"])

Admin = Annotated[Principal, Depends(require_roles("admin"))]
Guarantor = Annotated[Principal, Depends(require_roles("guarantor"))]
AdminOrGuarantor = Annotated[Principal, Depends(require_roles("admin", "guarantor"))]
Viewer = Annotated[Principal, Depends(require_roles("admin", "guarantor", "bank"))]

# Put on every creating POST: Idempotency-Key replays the first answer (CONTRACT §1).
idempotency = idempotent(idempotency_keys)


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


def _after_id(cursor: str | None) -> str | None:
    """The institution id a cursor of ``list_institutions`` resumes after."""
    position = decode_cursor(cursor)
    after = position.get("id") if position is not None else None
    if position is not None and not _is_uuid(after):
        raise invalid_cursor()
    return str(after) if after else None


def _after_seq(cursor: str | None) -> int | None:
    """The exposure seq a cursor of ``list_exposures`` resumes after."""
    position = decode_cursor(cursor)
    after = position.get("seq") if position is not None else None
    if position is not None and not isinstance(after, int):
        raise invalid_cursor()
    return after


@router.post(
    "/institutions",
    status_code=201,
    dependencies=[idempotency],
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
    row = await institutions.create_institution(Repository(session), ctx.internal, body)
    return answers.institution(row)


@router.get("/institutions")
async def list_institutions(
    _: Admin,
    session: Session,
    tier: Annotated[Tier | None, Query()] = None,
    parent_id: Annotated[UUID | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[schemas.Institution]:
    """Institutions of the chain (admin), by id, filtered by `tier` and `parent_id`."""
    after_id = _after_id(cursor)
    parent = str(parent_id) if parent_id else None
    rows = await institutions.list_institutions(
        Repository(session), tier=tier, parent_id=parent, after_id=after_id, limit=limit
    )
    page, next_cursor = page_of(rows, limit, lambda row: {"id": row.id})
    return Page[schemas.Institution](items=[answers.institution(r) for r in page], next_cursor=next_cursor)


@router.get("/institutions/{institution_id}")
async def get_institution(
    institution_id: UUID, principal: AdminOrGuarantor, session: Session
) -> schemas.Institution:
    """An institution, for admin, itself and its ancestors."""
    row = await institutions.visible_institution(Repository(session), principal, str(institution_id))
    return answers.institution(row)


@router.patch("/institutions/{institution_id}")
async def update_institution(
    institution_id: UUID, body: schemas.InstitutionUpdate, _: Admin, session: Session
) -> schemas.Institution:
    """Record a new audited net assets figure or leverage multiple; capacity changes from then on."""
    row = await institutions.update_institution(Repository(session), str(institution_id), body)
    return answers.institution(row)


@router.get("/institutions/{institution_id}/position")
async def get_position(
    institution_id: UUID, principal: AdminOrGuarantor, session: Session
) -> schemas.Position:
    """Capacity, liability, headroom, 代偿 and 追偿 figures of an institution."""
    return await institutions.position(Repository(session), principal, str(institution_id))


@router.post(
    "/agreements",
    status_code=201,
    dependencies=[idempotency],
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
    row = await agreements.create_agreement(Repository(session), ctx.internal, body)
    return answers.agreement(row)


@router.get("/agreements/{agreement_id}")
async def get_agreement(agreement_id: UUID, principal: Viewer, session: Session) -> schemas.Agreement:
    """An agreement, for admin, its bank, its guarantor and the guarantor's ancestors."""
    row = await agreements.visible_agreement(Repository(session), principal, str(agreement_id))
    return answers.agreement(row)


@router.post(
    "/exposures",
    status_code=201,
    dependencies=[idempotency],
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
    row = await exposures.register_exposure(Repository(session), principal, body)
    return answers.exposure(row)


@router.get("/exposures")
async def list_exposures(
    principal: Viewer,
    session: Session,
    status: Annotated[Status | None, Query()] = None,
    uscc: Annotated[USCC | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[schemas.Exposure]:
    """Exposures the caller may see, oldest first, filtered by `status` and `uscc`."""
    rows = await exposures.list_exposures(
        Repository(session),
        principal,
        status=status,
        uscc=uscc,
        after_seq=lambda: _after_seq(cursor),
        limit=limit,
    )
    page, next_cursor = page_of(rows, limit, lambda row: {"seq": row.seq})
    return Page[schemas.Exposure](items=[answers.exposure(r) for r in page], next_cursor=next_cursor)


@router.get("/exposures/{exposure_id}")
async def get_exposure(exposure_id: UUID, principal: Viewer, session: Session) -> schemas.Exposure:
    """One exposure, if the caller may see it (404 otherwise)."""
    row = await exposures.visible_exposure(Repository(session), principal, str(exposure_id))
    return answers.exposure(row)


@router.post(
    "/exposures/{exposure_id}/repayments",
    dependencies=[idempotency],
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
    row = await settlement.repay(Repository(session), principal, str(exposure_id), body)
    return answers.exposure(row)


@router.post(
    "/exposures/{exposure_id}/default",
    dependencies=[idempotency],
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
    row, outcome = await settlement.default(Repository(session), principal, str(exposure_id), body)
    return answers.default_result(row, outcome)


@router.post(
    "/exposures/{exposure_id}/recoveries",
    dependencies=[idempotency],
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
    allocation, total = await settlement.recover(Repository(session), principal, str(exposure_id), body)
    return answers.recovery_result(allocation, total)


@router.get("/reports/summary")
async def summary(principal: AdminOrGuarantor, session: Session) -> schemas.Summary:
    """Policy figures over active exposures: all for admin and the national fund, a provincial its subtree."""
    return await reports.summary(Repository(session), principal)


@internal_router.get("/capacity", dependencies=[Depends(require_service("loan_match"))])
async def capacity(
    _: ServicePrincipal,
    session: Session,
    bank_org_id: Annotated[str, Query(min_length=1, max_length=100)],
    guaranteed_fen: Annotated[int, Query(ge=0)],
) -> schemas.Capacity:
    """For loan_match: local guarantors with an agreement with the bank, by headroom (desc)."""
    return await bank_capacity(Repository(session), bank_org_id, guaranteed_fen)
