"""Risk-compensation pools (贷款风险分担和损失补偿资金池) and their loans, `/v1/guarantee/pools[/...]`
(CONTRACT §6)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response

from kit.etags import tag
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from services.guarantee.routes.common import (
    CREATES,
    PREFIX,
    Bank,
    Ctx,
    FundReader,
    Manager,
    PoolReader,
    Repo,
)
from services.guarantee.schemas import pools as fs
from services.guarantee.schemas.common import Recovery
from services.guarantee.service import pools

router = APIRouter(prefix=PREFIX, tags=["pools"])
LOAN_404 = problems(s404="not-found (not a bank of this pool, or no such loan)")


@router.post(
    "/pools",
    **CREATES,
    responses=problems(s422="validation-error, invalid-bank-org-id", s503="dependency-unavailable"),
    operation_id="createPool",
    summary="Create a risk-compensation pool",
)
async def create_pool(body: fs.PoolCreate, principal: Manager, repo: Repo, ctx: Ctx) -> fs.Pool:
    """A risk-compensation pool (贷款风险分担和损失补偿资金池) with its cooperating banks (fund_manager)."""
    return await pools.create_pool(repo, ctx.internal, principal, body)


@router.get("/pools", operation_id="listPools", summary="List risk-compensation pools")
async def list_pools(
    principal: PoolReader, repo: Repo, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[fs.Pool]:
    """Pools: a fund manager its own, a bank those it is in, admin and regulator all."""
    return await pools.list_pools(repo, principal, cursor=cursor, limit=limit)


@router.get("/pools/{pool_id}", operation_id="getPool", summary="Get one risk-compensation pool")
async def get_pool(pool_id: UUID, principal: PoolReader, repo: Repo, response: Response) -> fs.Pool:
    """One risk-compensation pool (风险补偿资金池): its balance, the share of a loss it compensates and the
    overdue ratio at which a bank adds no loan; answered with an ETag."""
    return tag(response.headers, await pools.get_pool(repo, principal, str(pool_id)))


@router.get(
    "/pools/{pool_id}/position",
    operation_id="getPoolPosition",
    summary="A pool's balance, cover and compensations paid",
)
async def get_pool_position(pool_id: UUID, principal: FundReader, repo: Repo) -> fs.PoolPosition:
    """Balance, paid, recovered, outstanding and the overdue ratio, in all and by bank."""
    return await pools.pool_position(repo, principal, str(pool_id))


REGISTER_REFUSALS = problems(
    s404="not-found (not a bank of this pool)",
    s409="pool-suspended (with overdue_ratio_bp, stop_overdue_bp), duplicate-loan",
    s422="validation-error, invalid-uscc",
)


@router.post(
    "/pools/{pool_id}/loans",
    **CREATES,
    responses=REGISTER_REFUSALS,
    operation_id="createPoolLoan",
    summary="Register a loan covered by a pool",
)
async def register_pool_loan(
    pool_id: UUID, body: fs.PoolLoanCreate, principal: Bank, repo: Repo
) -> fs.PoolLoan:
    """A pool-covered loan (a bank of the pool); refused while its overdue ratio is at the stop line."""
    return await pools.register_loan(repo, principal, str(pool_id), body)


OVERDUE_REFUSALS = {
    **LOAN_404,
    **problems(s409="loan-already-defaulted", s422="outstanding-exceeds-principal, date-out-of-range"),
}


@router.post(
    "/pools/{pool_id}/loans/{loan_id}/overdue",
    responses=OVERDUE_REFUSALS,
    operation_id="markPoolLoanOverdue",
    summary="Report a covered loan overdue",
)
async def report_overdue(
    pool_id: UUID, loan_id: UUID, body: fs.OverdueReport, principal: Bank, repo: Repo
) -> fs.PoolLoan:
    """Report a covered loan overdue with its outstanding amount: it counts in the bank's overdue ratio,
    and a bank whose ratio reaches the pool's `stop_overdue_bp` adds no new loan."""
    return await pools.report_overdue(repo, principal, str(pool_id), str(loan_id), body)


@router.post(
    "/pools/{pool_id}/loans/{loan_id}/default",
    responses={**LOAN_404, **problems(s409="loan-already-defaulted", s422="date-out-of-range")},
    operation_id="defaultPoolLoan",
    summary="Report a covered loan's default and claim compensation",
)
async def report_default(
    pool_id: UUID, loan_id: UUID, body: fs.DefaultReport, principal: Bank, repo: Repo
) -> fs.PoolDefault:
    """Pays compensation_bp of the defaulted outstanding from the pool, never beyond its balance."""
    return await pools.report_default(repo, principal, str(pool_id), str(loan_id), body)


RECOVERY_REFUSALS = {
    **LOAN_404,
    **problems(s409="loan-not-defaulted", s422="recovery-exceeds-default, date-out-of-range"),
}


@router.post(
    "/pools/{pool_id}/loans/{loan_id}/recoveries",
    responses=RECOVERY_REFUSALS,
    operation_id="recoverPoolLoan",
    summary="Record money recovered on a compensated loan",
)
async def record_recovery(
    pool_id: UUID, loan_id: UUID, body: Recovery, principal: Bank, repo: Repo
) -> fs.PoolRecovery:
    """A recovery (追偿): the pool takes back its part in the proportion it paid, cumulatively."""
    return await pools.record_recovery(repo, principal, str(pool_id), str(loan_id), body)
