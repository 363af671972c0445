"""Public (`/v1/guarantee`) and internal (`/internal/guarantee`) operations of guarantee (CONTRACT §4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from uuid import UUID

from fastapi import APIRouter, Depends, Header, Query, Request, Response

from kit.app import AppContext
from kit.csv import CSV_MEDIA_TYPE, flatten, render, wants_csv
from kit.deps import IfMatch, Session, idempotent
from kit.errors import RuleViolation
from kit.etags import tag
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, decode_cursor, invalid_cursor, page_of
from kit.principal import Principal, ServicePrincipal, require_roles, require_service
from kit.shapes import MAX_FEN
from kit.uscc import USCC
from services.guarantee import answers, schemas
from services.guarantee.repository import Repository
from services.guarantee.rules import Status, Tier
from services.guarantee.service import agreements, exposures, institutions, reports, settlement
from services.guarantee.service.capacity import Loan, bank_capacity, loan_capacity
from services.guarantee.service.period import period
from services.guarantee.tables import idempotency_keys

router = APIRouter(prefix="/v1/guarantee")
internal_router = APIRouter(prefix="/internal/guarantee", tags=["internal"])

Admin = Annotated[Principal, Depends(require_roles("admin"))]
Guarantor = Annotated[Principal, Depends(require_roles("guarantor"))]
AdminOrGuarantor = Annotated[Principal, Depends(require_roles("admin", "guarantor"))]
Viewer = Annotated[Principal, Depends(require_roles("admin", "guarantor", "bank"))]

# Put on every creating POST: Idempotency-Key replays the first answer (CONTRACT §1).
idempotency = idempotent(idempotency_keys)


async def _ctx(request: Request) -> AppContext:
    # async: FastAPI runs a plain ``def`` dependency in its thread pool (a hand-off per request).
    ctx: AppContext = request.app.state.ctx
    return ctx


Ctx = Annotated[AppContext, Depends(_ctx)]
Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


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
    operation_id="createInstitution",
    summary="Register a guarantee institution in the chain",
    tags=["institutions"],
)
async def create_institution(
    body: schemas.InstitutionCreate, _: Admin, session: Session, ctx: Ctx
) -> schemas.Institution:
    """Register a national fund, provincial re-guarantor or local guarantor (国办发〔2019〕6号 chain);
    its leverage multiple is at most 15 (融资担保公司监督管理条例, 国务院令第683号)."""
    row = await institutions.create_institution(Repository(session), ctx.internal, body)
    return row


@router.get(
    "/institutions",
    operation_id="listInstitutions",
    summary="List guarantee institutions",
    tags=["institutions"],
)
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
    return Page[schemas.Institution](items=page, next_cursor=next_cursor)


@router.get(
    "/institutions/{institution_id}",
    operation_id="getInstitution",
    summary="Get one guarantee institution",
    tags=["institutions"],
)
async def get_institution(
    institution_id: UUID, principal: AdminOrGuarantor, session: Session, response: Response
) -> schemas.Institution:
    """An institution, for admin, itself and its ancestors; its ETag is what a PATCH's If-Match names."""
    row = await institutions.visible_institution(Repository(session), principal, str(institution_id))
    return tag(response.headers, row)


@router.patch(
    "/institutions/{institution_id}",
    responses=problems(s412="precondition-failed"),
    operation_id="updateInstitution",
    summary="Change an institution's net assets or leverage multiple",
    tags=["institutions"],
)
async def update_institution(
    institution_id: UUID,
    body: schemas.InstitutionUpdate,
    _: Admin,
    session: Session,
    if_match: IfMatch = None,
) -> schemas.Institution:
    """Record a new audited net assets figure or leverage multiple; capacity changes from then on."""
    row = await institutions.update_institution(Repository(session), str(institution_id), body, if_match)
    return row


@router.get(
    "/institutions/{institution_id}/position",
    operation_id="getInstitutionPosition",
    summary="An institution's guarantee balance against its regulatory limits",
    tags=["institutions"],
)
async def get_position(
    institution_id: UUID,
    principal: AdminOrGuarantor,
    session: Session,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> schemas.Position:
    """Capacity, liability, headroom, 代偿 and 追偿 figures, and 代偿率 (cumulative and for `year`)."""
    return await institutions.position(Repository(session), principal, str(institution_id), year)


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
    operation_id="createAgreement",
    summary="Create a bank-guarantor risk-share agreement",
    tags=["agreements"],
)
async def create_agreement(
    body: schemas.AgreementCreate, _: Admin, session: Session, ctx: Ctx
) -> schemas.Agreement:
    """A bank × local guarantor risk-share agreement under 国办发〔2019〕6号 (admin)."""
    row = await agreements.create_agreement(Repository(session), ctx.internal, body)
    return answers.agreement(row)


@router.post(
    "/exposures",
    status_code=201,
    dependencies=[idempotency],
    responses=problems(
        s403="forbidden (not a local guarantor)",
        s409="duplicate-loan, leverage-limit-exceeded, single-client-limit-exceeded "
        "(with limit_fen, current_fen, requested_fen), idempotency-key-in-use",
        s422="validation-error, invalid-uscc, outside-policy-scope (the client's principal above "
        "1,000,000,000 fen), invalid-agreement-id, "
        "idempotency-key-reused",
    ),
    operation_id="createExposure",
    summary="Register a guaranteed loan and split its risk along the chain",
    tags=["exposures"],
)
async def register_exposure(
    body: schemas.ExposureCreate, principal: Guarantor, session: Session
) -> schemas.Exposure:
    """Register a guaranteed loan (local guarantor); the leverage and single-client limits of
    国务院令第683号 (liability weighted per 银保监发〔2018〕1号) are checked under a lock on the guarantor."""
    row = await exposures.register_exposure(Repository(session), principal, body)
    return answers.exposure(row)


@router.get(
    "/exposures",
    operation_id="listExposures",
    summary="List guarantee exposures",
    tags=["exposures"],
)
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


@router.get(
    "/exposures/{exposure_id}",
    operation_id="getExposure",
    summary="Get one exposure and its shares",
    tags=["exposures"],
)
async def get_exposure(
    exposure_id: UUID, principal: Viewer, session: Session, response: Response
) -> schemas.Exposure:
    """One exposure, if the caller may see it (404 otherwise)."""
    row = await exposures.visible_exposure(Repository(session), principal, str(exposure_id))
    return tag(response.headers, answers.exposure(row))


def _on_exposure(
    action: str, *, s409: str, s422: str | None = None, **docs: Any
) -> Callable[[Endpoint], Endpoint]:
    """A POST acting on one exposure of the calling guarantor (idempotent; 404 when not its own);
    ``docs`` are the operation's OpenAPI arguments (operation_id, summary, tags)."""
    return router.post(
        f"/exposures/{{exposure_id}}/{action}",
        **docs,
        dependencies=[idempotency],
        responses=problems(
            s404="not-found",
            s409=f"{s409}, idempotency-key-in-use",
            s422=", ".join(filter(None, ("validation-error", s422, "date-out-of-range"))),
        ),
    )


@_on_exposure(
    "repayments",
    s409="exposure-not-active",
    s422="repayment-exceeds-outstanding",
    operation_id="repayExposure",
    summary="Record a repayment of principal",
    tags=["exposures"],
)
async def repay(
    exposure_id: UUID, body: schemas.Repayment, principal: Guarantor, session: Session
) -> schemas.Exposure:
    """Record a repayment; the exposure is `repaid` when nothing is outstanding."""
    row = await settlement.repay(Repository(session), principal, str(exposure_id), body)
    return answers.exposure(row)


@_on_exposure(
    "default",
    s409="exposure-not-active",
    operation_id="defaultExposure",
    summary="Report a default and pay out the compensations",
    tags=["exposures"],
)
async def default(
    exposure_id: UUID, body: schemas.Default, principal: Guarantor, session: Session
) -> schemas.DefaultResult:
    """代偿: the outstanding amount becomes losses split by the shares; the guarantor pays the bank."""
    row, outcome = await settlement.default(Repository(session), principal, str(exposure_id), body)
    return answers.default_result(row, outcome)


@_on_exposure(
    "recoveries",
    s409="exposure-not-compensated",
    s422="recovery-exceeds-default (with remaining_fen)",
    operation_id="recoverExposure",
    summary="Record money recovered after a default",
    tags=["exposures"],
)
async def recover(
    exposure_id: UUID, body: schemas.Recovery, principal: Guarantor, session: Session
) -> schemas.RecoveryResult:
    """追偿: a recovery split by the same shares, cumulatively, capped at the defaulted amount."""
    allocation, total = await settlement.recover(Repository(session), principal, str(exposure_id), body)
    return answers.recovery_result(allocation, total)


@router.get(
    "/reports/summary",
    response_model=schemas.Summary,
    responses={
        200: {
            "content": {CSV_MEDIA_TYPE: {}},
            "description": "JSON, or with `Accept: text/csv` the same "
            "figures as CSV: a header row, the scope's row (region_code `all`), then one row per 市州, "
            "then one per bank (`bank_org_id`).",
        },
        **problems(s422="validation-error, invalid-period"),
    },
    operation_id="getGuaranteeSummary",
    summary="Guarantee business summary (balances, defaults, compensations)",
    tags=["reports"],
)
async def summary(
    principal: AdminOrGuarantor,
    session: Session,
    accept: Annotated[str | None, Header()] = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    from_: Annotated[dt.date | None, Query(alias="from")] = None,
    to: Annotated[dt.date | None, Query()] = None,
    region_code: Annotated[str | None, Query(pattern=r"^[0-9]{6}$")] = None,
) -> schemas.Summary | Response:
    """Policy figures: all for admin and the national fund, a provincial its subtree; balances as of
    `to` (default today), 代偿 and 追偿 from `from` to `to`; `by_region` per 市州."""
    chosen = period(year, from_, to)
    report = await reports.summary(Repository(session), principal, chosen, region_code)
    if not wants_csv(accept):
        return report
    return Response(render(_csv_rows(report)), media_type=f"{CSV_MEDIA_TYPE}; charset=utf-8")


def _csv_rows(report: schemas.Summary) -> list[dict[str, Any]]:
    """The scope's row first, then one per 市州, each with the same columns."""
    heading = {"region_code": "all", "scope": report.scope, "from": report.from_, "to": report.to}
    fields = set(schemas.SummaryFigures.model_fields)
    rows = [{**heading, **flatten(report.model_dump(include=fields))}]
    for code, figures in report.by_region.items():
        rows.append({**heading, "region_code": code, **flatten(figures.model_dump())})
    for bank, figures in report.by_bank.items():
        rows.append({**heading, "region_code": "all", "bank_org_id": bank, **flatten(figures.model_dump())})
    return rows


@internal_router.get(
    "/capacity",
    responses=problems(s422="validation-error, invalid-capacity-query"),
    dependencies=[Depends(require_service("loan_match"))],
)
async def capacity(
    _: ServicePrincipal,
    session: Session,
    bank_org_id: Annotated[str, Query(min_length=1, max_length=100)],
    guaranteed_fen: Annotated[int | None, Query(ge=0)] = None,
    amount_fen: Annotated[int | None, Query(gt=0, le=MAX_FEN)] = None,
    uscc: Annotated[USCC | None, Query()] = None,
    small_micro: Annotated[bool | None, Query()] = None,
) -> schemas.Capacity:
    """For loan_match: the bank's local guarantors, by headroom (desc). Either `guaranteed_fen`
    (leverage headroom against that weighted amount) or the loan itself, `amount_fen` (principal),
    `uscc` and `small_micro`: then `sufficient` says whether registering it would pass now."""
    repo = Repository(session)
    if amount_fen is not None and uscc is not None and small_micro is not None and guaranteed_fen is None:
        return await loan_capacity(repo, bank_org_id, Loan(amount_fen, uscc, small_micro))
    if guaranteed_fen is not None and amount_fen is None and uscc is None and small_micro is None:
        return await bank_capacity(repo, bank_org_id, guaranteed_fen)
    raise RuleViolation(
        "Give either guaranteed_fen, or amount_fen with uscc and small_micro.", slug="invalid-capacity-query"
    )
