"""Bridge (续贷转贷) funds and their loans, `/v1/guarantee/bridge-funds[/...]` (CONTRACT §6)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response

from kit.etags import tag
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from services.guarantee.routes.common import CREATES, PREFIX, Ctx, FundReader, Manager, Repo
from services.guarantee.schemas import bridge_funds as fs
from services.guarantee.service import bridges

router = APIRouter(prefix=PREFIX, tags=["bridge funds"])


@router.post(
    "/bridge-funds",
    **CREATES,
    responses=problems(s422="validation-error"),
    operation_id="createBridgeFund",
    summary="Create a bridge (转贷) fund",
)
async def create_bridge_fund(body: fs.BridgeFundCreate, principal: Manager, repo: Repo) -> fs.BridgeFund:
    """A bridge (续贷转贷) fund of the calling fund manager."""
    return await bridges.create_fund(repo, principal, body)


@router.get("/bridge-funds", operation_id="listBridgeFunds", summary="List bridge (转贷) funds")
async def list_bridge_funds(
    principal: FundReader, repo: Repo, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[fs.BridgeFund]:
    """The bridge (转贷, 应急转贷) funds visible to the caller, paged by cursor (CONTRACT §4)."""
    return await bridges.list_funds(repo, principal, cursor=cursor, limit=limit)


@router.get("/bridge-funds/{fund_id}", operation_id="getBridgeFund", summary="Get one bridge fund")
async def get_bridge_fund(
    fund_id: UUID, principal: FundReader, repo: Repo, response: Response
) -> fs.BridgeFund:
    """One bridge (转贷) fund: its size, daily fee in bp and what is lent out; answered with an ETag."""
    return tag(response.headers, await bridges.get_fund(repo, principal, str(fund_id)))


@router.get(
    "/bridge-funds/{fund_id}/position",
    operation_id="getBridgeFundPosition",
    summary="A bridge fund's balance and loans out",
)
async def get_bridge_position(fund_id: UUID, principal: FundReader, repo: Repo) -> fs.BridgePosition:
    """Outstanding, what is left, and the loans unpaid past due_on (overdue)."""
    return await bridges.fund_position(repo, principal, str(fund_id))


LEND_REFUSALS = problems(
    s409="bridge-fund-exhausted (with limit_fen, current_fen, requested_fen)",
    s422="validation-error, invalid-uscc, size-not-eligible, bridge-too-long, invalid-bank-org-id",
    s503="dependency-unavailable",
)


@router.post(
    "/bridge-funds/{fund_id}/loans",
    **CREATES,
    responses=LEND_REFUSALS,
    operation_id="createBridgeLoan",
    summary="Lend from a bridge fund to repay a maturing bank loan",
)
async def create_bridge_loan(
    fund_id: UUID, body: fs.BridgeLoanCreate, principal: Manager, repo: Repo, ctx: Ctx
) -> fs.BridgeLoan:
    """A bridge loan; fee = amount × daily_fee_bp × days / 10000 half up, due_on = start_date + days."""
    return await bridges.lend(repo, ctx.internal, principal, str(fund_id), body)


@router.get(
    "/bridge-funds/{fund_id}/loans", operation_id="listBridgeLoans", summary="List a bridge fund's loans"
)
async def list_bridge_loans(
    fund_id: UUID,
    principal: FundReader,
    repo: Repo,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[fs.BridgeLoan]:
    """The fund's loans, oldest first; an unpaid loan past due_on reads `overdue`."""
    return await bridges.list_loans(repo, principal, str(fund_id), cursor=cursor, limit=limit)


@router.post(
    "/bridge-funds/{fund_id}/loans/{loan_id}/repaid",
    responses=problems(s409="loan-already-repaid", s422="date-out-of-range"),
    operation_id="markBridgeLoanRepaid",
    summary="Mark a bridge loan repaid",
)
async def mark_repaid(
    fund_id: UUID, loan_id: UUID, body: fs.Repaid, principal: Manager, repo: Repo
) -> fs.BridgeLoan:
    """The renewal was granted and the bridge repaid: its amount leaves the fund's outstanding."""
    return await bridges.repaid(repo, principal, str(fund_id), str(loan_id), body.repaid_on)
