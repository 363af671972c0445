"""Policy funds of guarantee (CONTRACT §6): risk-compensation pools and bridge (续贷转贷) funds."""

from __future__ import annotations

import hashlib
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Response
from pydantic import BaseModel

from kit.deps import Session, idempotent
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, decode_cursor, invalid_cursor, page_of
from kit.principal import Principal, require_roles
from services.guarantee import fund_answers as answers
from services.guarantee import fund_schemas as fs
from services.guarantee.repository import Repository
from services.guarantee.routes import Ctx
from services.guarantee.service import bridges, pools
from services.guarantee.tables import idempotency_keys

funds_router = APIRouter(prefix="/v1/guarantee")

Manager = Annotated[Principal, Depends(require_roles("fund_manager"))]
Bank = Annotated[Principal, Depends(require_roles("bank"))]
FundReader = Annotated[Principal, Depends(require_roles("fund_manager", "admin", "regulator"))]
PoolReader = Annotated[Principal, Depends(require_roles("fund_manager", "admin", "regulator", "bank"))]
idempotency = idempotent(idempotency_keys)
LOAN_404 = problems(s404="not-found (not a bank of this pool, or no such loan)")


def _tagged(body: BaseModel, response: Response) -> None:
    """CONTRACT §1: a GET of one object sends an ETag (a hash of the answer)."""
    digest = hashlib.sha256(body.model_dump_json().encode()).hexdigest()[:32]
    response.headers["ETag"] = f'"{digest}"'


def _after(cursor: str | None) -> int | None:
    position = decode_cursor(cursor)
    after = position.get("seq") if position is not None else None
    if position is not None and not isinstance(after, int):
        raise invalid_cursor()
    return after


@funds_router.post(
    "/pools",
    status_code=201,
    dependencies=[idempotency],
    responses=problems(s422="validation-error, invalid-bank-org-id", s503="dependency-unavailable"),
    operation_id="createPool",
    summary="Create a risk-compensation pool",
    tags=["pools"],
)
async def create_pool(body: fs.PoolCreate, principal: Manager, session: Session, ctx: Ctx) -> fs.Pool:
    """A risk-compensation pool (贷款风险分担和损失补偿资金池) with its cooperating banks (fund_manager)."""
    return answers.pool(await pools.create_pool(Repository(session), ctx.internal, principal, body))


@funds_router.get(
    "/pools",
    operation_id="listPools",
    summary="List risk-compensation pools",
    tags=["pools"],
)
async def list_pools(
    principal: PoolReader, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[fs.Pool]:
    """Pools: a fund manager its own, a bank those it is in, admin and regulator all."""
    rows = await pools.list_pools(Repository(session), principal, after=_after(cursor), limit=limit)
    page, next_cursor = page_of(rows, limit, lambda row: {"seq": row.seq})
    return Page[fs.Pool](items=[answers.pool(r) for r in page], next_cursor=next_cursor)


@funds_router.get(
    "/pools/{pool_id}",
    operation_id="getPool",
    summary="Get one risk-compensation pool",
    tags=["pools"],
)
async def get_pool(pool_id: UUID, principal: PoolReader, session: Session, response: Response) -> fs.Pool:
    """One risk-compensation pool (风险补偿资金池): its balance, the share of a loss it compensates and the
    overdue ratio at which a bank adds no loan; answered with an ETag."""
    body = answers.pool(await pools.visible_pool(Repository(session), principal, str(pool_id)))
    _tagged(body, response)
    return body


@funds_router.get(
    "/pools/{pool_id}/position",
    operation_id="getPoolPosition",
    summary="A pool's balance, cover and compensations paid",
    tags=["pools"],
)
async def get_pool_position(pool_id: UUID, principal: FundReader, session: Session) -> fs.PoolPosition:
    """Balance, paid, recovered, outstanding and the overdue ratio, in all and by bank."""
    return await pools.pool_position(Repository(session), principal, str(pool_id))


@funds_router.post(
    "/pools/{pool_id}/loans",
    status_code=201,
    dependencies=[idempotency],
    responses=problems(
        s404="not-found (not a bank of this pool)",
        s409="pool-suspended (with overdue_ratio_bp, stop_overdue_bp), duplicate-loan",
        s422="validation-error, invalid-uscc",
    ),
    operation_id="createPoolLoan",
    summary="Register a loan covered by a pool",
    tags=["pools"],
)
async def register_pool_loan(
    pool_id: UUID, body: fs.PoolLoanCreate, principal: Bank, session: Session
) -> fs.PoolLoan:
    """A pool-covered loan (a bank of the pool); refused while its overdue ratio is at the stop line."""
    return answers.pool_loan(await pools.register_loan(Repository(session), principal, str(pool_id), body))


@funds_router.post(
    "/pools/{pool_id}/loans/{loan_id}/overdue",
    responses={
        **LOAN_404,
        **problems(s409="loan-already-defaulted", s422="outstanding-exceeds-principal, date-out-of-range"),
    },
    operation_id="markPoolLoanOverdue",
    summary="Report a covered loan overdue",
    tags=["pools"],
)
async def report_overdue(
    pool_id: UUID, loan_id: UUID, body: fs.OverdueReport, principal: Bank, session: Session
) -> fs.PoolLoan:
    """Report a covered loan overdue with its outstanding amount: it counts in the bank's overdue ratio,
    and a bank whose ratio reaches the pool's `stop_overdue_bp` adds no new loan."""
    row = await pools.report_overdue(Repository(session), principal, str(pool_id), str(loan_id), body)
    return answers.pool_loan(row)


@funds_router.post(
    "/pools/{pool_id}/loans/{loan_id}/default",
    responses={**LOAN_404, **problems(s409="loan-already-defaulted", s422="date-out-of-range")},
    operation_id="defaultPoolLoan",
    summary="Report a covered loan's default and claim compensation",
    tags=["pools"],
)
async def report_default(
    pool_id: UUID, loan_id: UUID, body: fs.DefaultReport, principal: Bank, session: Session
) -> fs.PoolDefault:
    """Pays compensation_bp of the defaulted outstanding from the pool, never beyond its balance."""
    row, payout = await pools.report_default(Repository(session), principal, str(pool_id), str(loan_id), body)
    return fs.PoolDefault(
        loan=answers.pool_loan(row),
        compensation_fen=payout.compensation_fen,
        uncovered_fen=payout.uncovered_fen,
    )


@funds_router.post(
    "/pools/{pool_id}/loans/{loan_id}/recoveries",
    responses={
        **LOAN_404,
        **problems(s409="loan-not-defaulted", s422="recovery-exceeds-default, date-out-of-range"),
    },
    operation_id="recoverPoolLoan",
    summary="Record money recovered on a compensated loan",
    tags=["pools"],
)
async def record_recovery(
    pool_id: UUID, loan_id: UUID, body: fs.Recovery, principal: Bank, session: Session
) -> fs.PoolRecovery:
    """A recovery (追偿): the pool takes back its part in the proportion it paid, cumulatively."""
    row, part = await pools.record_recovery(Repository(session), principal, str(pool_id), str(loan_id), body)
    return fs.PoolRecovery(
        loan=answers.pool_loan(row),
        pool_fen=part,
        bank_fen=body.amount_fen - part,
        total_recovered_fen=row.recovered_total_fen,
    )


@funds_router.post(
    "/bridge-funds",
    status_code=201,
    dependencies=[idempotency],
    responses=problems(s422="validation-error"),
    operation_id="createBridgeFund",
    summary="Create a bridge (转贷) fund",
    tags=["bridge funds"],
)
async def create_bridge_fund(
    body: fs.BridgeFundCreate, principal: Manager, session: Session
) -> fs.BridgeFund:
    """A bridge (续贷转贷) fund of the calling fund manager."""
    return answers.bridge_fund(await bridges.create_fund(Repository(session), principal, body))


@funds_router.get(
    "/bridge-funds",
    operation_id="listBridgeFunds",
    summary="List bridge (转贷) funds",
    tags=["bridge funds"],
)
async def list_bridge_funds(
    principal: FundReader, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[fs.BridgeFund]:
    """The bridge (转贷, 应急转贷) funds visible to the caller, paged by cursor (CONTRACT §4)."""
    rows = await bridges.list_funds(Repository(session), principal, after=_after(cursor), limit=limit)
    page, next_cursor = page_of(rows, limit, lambda row: {"seq": row.seq})
    return Page[fs.BridgeFund](items=[answers.bridge_fund(r) for r in page], next_cursor=next_cursor)


@funds_router.get(
    "/bridge-funds/{fund_id}",
    operation_id="getBridgeFund",
    summary="Get one bridge fund",
    tags=["bridge funds"],
)
async def get_bridge_fund(
    fund_id: UUID, principal: FundReader, session: Session, response: Response
) -> fs.BridgeFund:
    """One bridge (转贷) fund: its size, daily fee in bp and what is lent out; answered with an ETag."""
    body = answers.bridge_fund(await bridges.visible_fund(Repository(session), principal, str(fund_id)))
    _tagged(body, response)
    return body


@funds_router.get(
    "/bridge-funds/{fund_id}/position",
    operation_id="getBridgeFundPosition",
    summary="A bridge fund's balance and loans out",
    tags=["bridge funds"],
)
async def get_bridge_position(fund_id: UUID, principal: FundReader, session: Session) -> fs.BridgePosition:
    """Outstanding, what is left, and the loans unpaid past due_on (overdue)."""
    return await bridges.fund_position(Repository(session), principal, str(fund_id))


@funds_router.post(
    "/bridge-funds/{fund_id}/loans",
    status_code=201,
    dependencies=[idempotency],
    responses=problems(
        s409="bridge-fund-exhausted (with limit_fen, current_fen, requested_fen)",
        s422="validation-error, invalid-uscc, size-not-eligible, bridge-too-long, invalid-bank-org-id",
        s503="dependency-unavailable",
    ),
    operation_id="createBridgeLoan",
    summary="Lend from a bridge fund to repay a maturing bank loan",
    tags=["bridge funds"],
)
async def create_bridge_loan(
    fund_id: UUID, body: fs.BridgeLoanCreate, principal: Manager, session: Session, ctx: Ctx
) -> fs.BridgeLoan:
    """A bridge loan; fee = amount × daily_fee_bp × days / 10000 half up, due_on = start_date + days."""
    row = await bridges.lend(Repository(session), ctx.internal, principal, str(fund_id), body)
    return answers.bridge_loan(row)


@funds_router.get(
    "/bridge-funds/{fund_id}/loans",
    operation_id="listBridgeLoans",
    summary="List a bridge fund's loans",
    tags=["bridge funds"],
)
async def list_bridge_loans(
    fund_id: UUID,
    principal: FundReader,
    session: Session,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[fs.BridgeLoan]:
    """The fund's loans, oldest first; an unpaid loan past due_on reads `overdue`."""
    rows = await bridges.list_loans(
        Repository(session), principal, str(fund_id), after=_after(cursor), limit=limit
    )
    page, next_cursor = page_of(rows, limit, lambda row: {"seq": row.seq})
    return Page[fs.BridgeLoan](items=[answers.bridge_loan(r) for r in page], next_cursor=next_cursor)


@funds_router.post(
    "/bridge-funds/{fund_id}/loans/{loan_id}/repaid",
    responses=problems(s409="loan-already-repaid", s422="date-out-of-range"),
    operation_id="markBridgeLoanRepaid",
    summary="Mark a bridge loan repaid",
    tags=["bridge funds"],
)
async def mark_repaid(
    fund_id: UUID, loan_id: UUID, body: fs.Repaid, principal: Manager, session: Session
) -> fs.BridgeLoan:
    """The renewal was granted and the bridge repaid: its amount leaves the fund's outstanding."""
    row = await bridges.repaid(Repository(session), principal, str(fund_id), str(loan_id), body.repaid_on)
    return answers.bridge_loan(row)
