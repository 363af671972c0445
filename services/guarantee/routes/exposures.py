"""Guaranteed loans (exposures) and their life, `/v1/guarantee/exposures[/{id}[/...]]` (CONTRACT §4):
registration under the limits, repayments, default (代偿) and recoveries (追偿)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from uuid import UUID

from fastapi import APIRouter, Query, Response

from kit.etags import tag
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from kit.principal import Principal
from kit.uscc import USCC
from services.guarantee.repository import Repository
from services.guarantee.routes.common import CREATES, PREFIX, Guarantor, Repo, Viewer, idempotency
from services.guarantee.rules.chain import Status
from services.guarantee.schemas.common import Recovery
from services.guarantee.schemas.exposures import (
    Default,
    DefaultResult,
    Exposure,
    ExposureCreate,
    RecoveryResult,
    Repayment,
)
from services.guarantee.service import exposures, settlement

router = APIRouter(prefix=PREFIX, tags=["exposures"])
Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


REGISTER_REFUSALS = problems(
    s403="forbidden (not a local guarantor)",
    s409="duplicate-loan, leverage-limit-exceeded, single-client-limit-exceeded "
    "(with limit_fen, current_fen, requested_fen), idempotency-key-in-use",
    s422="validation-error, invalid-uscc, outside-policy-scope (the client's principal above "
    "1,000,000,000 fen), invalid-agreement-id, "
    "idempotency-key-reused",
)


@router.post(
    "/exposures",
    **CREATES,
    response_model=Exposure,
    responses=REGISTER_REFUSALS,
    operation_id="createExposure",
    summary="Register a guaranteed loan and split its risk along the chain",
)
async def register_exposure(body: ExposureCreate, principal: Guarantor, repo: Repo) -> Response:
    """Register a guaranteed loan (local guarantor); the leverage and single-client limits of
    国务院令第683号 (liability weighted per 银保监发〔2018〕1号) are checked under a lock on the guarantor."""
    return await registration_answer(repo, principal, body)


async def registration_answer(repo: Repository, principal: Principal, body: ExposureCreate) -> Response:
    """``register_exposure``'s answer; routes/fastpath.py sends it for the common case past FastAPI."""
    registered = await exposures.register_exposure(repo, principal, body)
    # Serialised once by the model that built it: the bytes response_model would send, without
    # FastAPI validating the answer again and encoding it a second time (the busiest write).
    return Response(registered.model_dump_json().encode(), status_code=201, media_type="application/json")


@router.get("/exposures", operation_id="listExposures", summary="List guarantee exposures")
async def list_exposures(
    principal: Viewer,
    repo: Repo,
    status: Annotated[Status | None, Query()] = None,
    uscc: Annotated[USCC | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[Exposure]:
    """Exposures the caller may see, oldest first, filtered by `status` and `uscc`."""
    return await exposures.list_exposures(
        repo, principal, status=status, uscc=uscc, cursor=cursor, limit=limit
    )


@router.get("/exposures/{exposure_id}", operation_id="getExposure", summary="Get one exposure and its shares")
async def get_exposure(exposure_id: UUID, principal: Viewer, repo: Repo, response: Response) -> Exposure:
    """One exposure, if the caller may see it (404 otherwise)."""
    return tag(response.headers, await exposures.visible_exposure(repo, principal, str(exposure_id)))


def _on_exposure(
    action: str, *, s409: str, s422: str | None = None, **docs: Any
) -> Callable[[Endpoint], Endpoint]:
    """A POST acting on one exposure of the calling guarantor (idempotent; 404 when not its own);
    ``docs`` are the operation's OpenAPI arguments (operation_id, summary)."""
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
)
async def repay(exposure_id: UUID, body: Repayment, principal: Guarantor, repo: Repo) -> Exposure:
    """Record a repayment; the exposure is `repaid` when nothing is outstanding."""
    return await settlement.repay(repo, principal, str(exposure_id), body)


@_on_exposure(
    "default",
    s409="exposure-not-active",
    operation_id="defaultExposure",
    summary="Report a default and pay out the compensations",
)
async def default(exposure_id: UUID, body: Default, principal: Guarantor, repo: Repo) -> DefaultResult:
    """代偿: the outstanding amount becomes losses split by the shares; the guarantor pays the bank."""
    return await settlement.default(repo, principal, str(exposure_id), body)


@_on_exposure(
    "recoveries",
    s409="exposure-not-compensated",
    s422="recovery-exceeds-default (with remaining_fen)",
    operation_id="recoverExposure",
    summary="Record money recovered after a default",
)
async def recover(exposure_id: UUID, body: Recovery, principal: Guarantor, repo: Repo) -> RecoveryResult:
    """追偿: a recovery split by the same shares, cumulatively, capped at the defaulted amount."""
    return await settlement.recover(repo, principal, str(exposure_id), body)
