"""Bridge (续贷转贷, 过桥) funds (CONTRACT §6): a fund manager lends an enterprise the money to repay a
maturing loan until the bank's committed renewal comes, for a daily fee.

The fund's outstanding is kept on its row and changed only under that row's lock, so concurrent
bridge loans can never jointly take it beyond the fund's size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from kit.errors import Conflict, NotFound, RuleViolation
from kit.internal import InternalClient
from kit.orgs import require_org
from kit.pagination import Page
from kit.principal import Principal
from kit.shapes import business_today
from services.guarantee.repository import Repository
from services.guarantee.repository.rows import BridgeFundRow
from services.guarantee.rules import funds
from services.guarantee.schemas import bridge_funds as fs
from services.guarantee.service import answers
from services.guarantee.service.access import funds_manager
from services.guarantee.service.paging import after_seq, by_seq, page


async def create_fund(repo: Repository, principal: Principal, body: fs.BridgeFundCreate) -> fs.BridgeFund:
    assert principal.org_id is not None
    row = await repo.insert_bridge_fund({**body.model_dump(), "manager_org_id": principal.org_id})
    return answers.bridge_fund(row)


def _check_fund(principal: Principal, row: BridgeFundRow | None) -> BridgeFundRow:
    """Its fund manager, admin and regulator; any other fund manager gets 404."""
    if row is None or (principal.role == "fund_manager" and row.manager_org_id != principal.org_id):
        raise NotFound("bridge fund")
    return row


async def visible_fund(
    repo: Repository, principal: Principal, fund_id: str, *, lock: bool = False
) -> BridgeFundRow:
    return _check_fund(principal, await repo.bridge_fund(fund_id, lock=lock))


async def get_fund(repo: Repository, principal: Principal, fund_id: str) -> fs.BridgeFund:
    return answers.bridge_fund(await visible_fund(repo, principal, fund_id))


async def list_funds(
    repo: Repository, principal: Principal, *, cursor: str | None, limit: int
) -> Page[fs.BridgeFund]:
    rows = await repo.bridge_funds(manager=funds_manager(principal), after=after_seq(cursor), limit=limit)
    return page(rows, limit, by_seq, answers.bridge_fund)


def _eligible(fund: BridgeFundRow, body: fs.BridgeLoanCreate) -> None:
    """300号 micro, small and medium only; no longer than the fund's max_days."""
    if body.size not in funds.BRIDGE_SIZES:
        raise RuleViolation(
            "Bridge funds serve micro, small and medium enterprises (工信部联企业〔2011〕300号) only.",
            slug="size-not-eligible",
            field="size",
        )
    if body.days > fund.max_days:
        raise RuleViolation(
            f"days may be at most the fund's max_days ({fund.max_days}).",
            slug="bridge-too-long",
            field="days",
        )


async def lend(
    repo: Repository, internal: InternalClient, principal: Principal, fund_id: str, body: fs.BridgeLoanCreate
) -> fs.BridgeLoan:
    """Checks in order: the caller's fund (404), eligibility (422), the bank (422), the fund's size (409)."""
    _eligible(await visible_fund(repo, principal, fund_id), body)
    await require_org(internal, str(body.bank_org_id), "bank", "bank_org_id")
    fund = await visible_fund(repo, principal, fund_id, lock=True)
    if not funds.fits_fund(fund.outstanding_fen, body.amount_fen, fund.size_fen):
        raise Conflict(
            f"The fund has {fund.size_fen - fund.outstanding_fen} fen left of its {fund.size_fen}.",
            slug="bridge-fund-exhausted",
            limit_fen=fund.size_fen,
            current_fen=fund.outstanding_fen,
            requested_fen=body.amount_fen,
        )
    values = body.model_dump()
    values.update(
        fund_id=fund.id,
        bank_org_id=str(body.bank_org_id),
        fee_fen=funds.bridge_fee(body.amount_fen, fund.daily_fee_bp, body.days),
        due_on=funds.bridge_due_on(body.start_date, body.days),
    )
    await repo.move_bridge_outstanding(fund.id, body.amount_fen)
    return answers.bridge_loan(await repo.insert_bridge_loan(values))


async def repaid(
    repo: Repository, principal: Principal, fund_id: str, loan_id: str, repaid_on: dt.date
) -> fs.BridgeLoan:
    """The renewal came: the loan is repaid and its amount leaves the fund's outstanding."""
    fund = await visible_fund(repo, principal, fund_id, lock=True)
    loan = await repo.bridge_loan(fund.id, loan_id, lock=True)
    if loan is None:
        raise NotFound("bridge loan")
    if loan.repaid_on is not None:
        raise Conflict("This bridge loan is already repaid.", slug="loan-already-repaid")
    if repaid_on < loan.start_date:
        detail = f"repaid_on may not be before the loan's start_date ({loan.start_date})."
        raise RuleViolation(detail, slug="date-out-of-range", field="repaid_on")
    await repo.move_bridge_outstanding(fund.id, -loan.amount_fen)
    return answers.bridge_loan(await repo.mark_bridge_repaid(loan.id, repaid_on))


async def fund_position(repo: Repository, principal: Principal, fund_id: str) -> fs.BridgePosition:
    fund = await visible_fund(repo, principal, fund_id)
    figures = await repo.bridge_figures(fund.id, business_today())
    return fs.BridgePosition(
        fund_id=fund.id,
        size_fen=fund.size_fen,
        outstanding_fen=fund.outstanding_fen,
        available_fen=fund.size_fen - fund.outstanding_fen,
        **asdict(figures),
    )


async def list_loans(
    repo: Repository, principal: Principal, fund_id: str, *, cursor: str | None, limit: int
) -> Page[fs.BridgeLoan]:
    after = after_seq(cursor)
    fund = await visible_fund(repo, principal, fund_id)
    rows = await repo.bridge_loans(fund.id, after=after, limit=limit)
    return page(rows, limit, by_seq, answers.bridge_loan)
