"""Risk-compensation pools (贷款风险分担和损失补偿资金池, CONTRACT §6): a fund manager's pool pays
cooperating banks a share of defaulted loans and takes back recoveries in the same proportion.

Every change of a pool's money or of what its stop line reads runs under the pool's row lock (then
the loan's), so concurrent defaults can never jointly pay beyond the balance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from kit.errors import Conflict, NotFound, RuleViolation
from kit.internal import InternalClient
from kit.orgs import require_org
from kit.pagination import Page
from kit.principal import Principal
from services.guarantee.repository import Repository, Taken
from services.guarantee.repository.rows import BankBook, PoolLoanRow, PoolRow
from services.guarantee.rules import funds
from services.guarantee.schemas import pools as fs
from services.guarantee.schemas.common import Recovery
from services.guarantee.service import answers
from services.guarantee.service.access import funds_manager
from services.guarantee.service.paging import after_seq, by_seq, page

READERS = ("admin", "regulator")


async def create_pool(
    repo: Repository, internal: InternalClient, principal: Principal, body: fs.PoolCreate
) -> fs.Pool:
    """Each bank id is checked at the gateway's directory: a bank_org_id that is not a bank is a 422."""
    banks = sorted({str(b) for b in body.bank_org_ids})
    for bank in banks:
        await require_org(internal, bank, "bank", "bank_org_id")
    values = body.model_dump(exclude={"bank_org_ids"})
    assert principal.org_id is not None
    row = await repo.insert_pool(values={**values, "manager_org_id": principal.org_id}, bank_org_ids=banks)
    return answers.pool(row)


def _may_read(principal: Principal, row: PoolRow) -> bool:
    if principal.role in READERS:
        return True
    if principal.role == "bank":
        return principal.org_id in row.bank_org_ids
    return row.manager_org_id == principal.org_id


async def visible_pool(repo: Repository, principal: Principal, pool_id: str) -> PoolRow:
    """Its fund manager, admin and regulator, and a bank of the pool. Others: 404."""
    row = await repo.pool(pool_id)
    if row is None or not _may_read(principal, row):
        raise NotFound("pool")
    return row


async def get_pool(repo: Repository, principal: Principal, pool_id: str) -> fs.Pool:
    return answers.pool(await visible_pool(repo, principal, pool_id))


async def list_pools(
    repo: Repository, principal: Principal, *, cursor: str | None, limit: int
) -> Page[fs.Pool]:
    bank = principal.org_id if principal.role == "bank" else None
    rows = await repo.pools(manager=funds_manager(principal), bank=bank, after=after_seq(cursor), limit=limit)
    return page(rows, limit, by_seq, answers.pool)


async def _locked_pool(repo: Repository, principal: Principal, pool_id: str) -> PoolRow:
    """The pool under its row lock, for a bank of it; 404 for any other bank."""
    row = await repo.pool(pool_id, lock=True)
    if row is None or principal.org_id not in row.bank_org_ids:
        raise NotFound("pool")
    return row


async def register_loan(
    repo: Repository, principal: Principal, pool_id: str, body: fs.PoolLoanCreate
) -> fs.PoolLoan:
    """A bank whose overdue ratio has reached the stop line adds nothing (409 pool-suspended)."""
    pool = await _locked_pool(repo, principal, pool_id)
    assert principal.org_id is not None
    [book] = await repo.bank_books(pool.id, principal.org_id)
    if funds.suspended(book.overdue_fen, book.outstanding_fen, pool.stop_overdue_bp):
        ratio = funds.overdue_ratio_bp(book.overdue_fen, book.outstanding_fen)
        raise Conflict(
            f"This bank's overdue ratio in the pool is {ratio} bp, at or above the stop line of "
            f"{pool.stop_overdue_bp} bp: the pool takes no new loans from it.",
            slug="pool-suspended",
            overdue_ratio_bp=ratio,
            stop_overdue_bp=pool.stop_overdue_bp,
        )
    values = body.model_dump()
    values.update(pool_id=pool.id, bank_org_id=principal.org_id, outstanding_fen=body.principal_fen)
    try:
        return answers.pool_loan(await repo.insert_pool_loan(values))
    except Taken as exc:
        raise Conflict(
            "This bank already registered a loan with this loan_ref.", slug="duplicate-loan"
        ) from exc


async def _locked_loan(
    repo: Repository, principal: Principal, pool_id: str, loan_id: str
) -> tuple[PoolRow, PoolLoanRow]:
    """Pool first, then the loan: every writer takes the locks in this order, so none deadlock."""
    pool = await _locked_pool(repo, principal, pool_id)
    loan = await repo.pool_loan(pool.id, loan_id, lock=True)
    if loan is None or loan.bank_org_id != principal.org_id:
        raise NotFound("loan")
    return pool, loan


def _not_before(day: dt.date, earliest: dt.date, field: str, what: str) -> None:
    if day < earliest:
        raise RuleViolation(
            f"{field} may not be before the loan's {what} ({earliest}).",
            slug="date-out-of-range",
            field=field,
        )


async def _open_loan(
    repo: Repository, principal: Principal, pool_id: str, loan_id: str, day: dt.date, field: str
) -> tuple[PoolRow, PoolLoanRow]:
    """The pool and a loan not yet defaulted, both locked; ``day`` (named ``field``) not before its start."""
    pool, loan = await _locked_loan(repo, principal, pool_id, loan_id)
    if loan.status == "defaulted":
        raise Conflict("This loan has already defaulted.", slug="loan-already-defaulted")
    _not_before(day, loan.start_date, field, "start_date")
    return pool, loan


async def report_overdue(
    repo: Repository, principal: Principal, pool_id: str, loan_id: str, body: fs.OverdueReport
) -> fs.PoolLoan:
    _, loan = await _open_loan(repo, principal, pool_id, loan_id, body.overdue_on, "overdue_on")
    if body.outstanding_fen > loan.principal_fen:
        raise RuleViolation(
            f"outstanding_fen may not exceed the principal ({loan.principal_fen}).",
            slug="outstanding-exceeds-principal",
            field="outstanding_fen",
        )
    row = await repo.update_pool_loan(
        loan.id, status="overdue", overdue_on=body.overdue_on, outstanding_fen=body.outstanding_fen
    )
    return answers.pool_loan(row)


async def report_default(
    repo: Repository, principal: Principal, pool_id: str, loan_id: str, body: fs.DefaultReport
) -> fs.PoolDefault:
    """Pays compensation_bp of the defaulted outstanding, never beyond the balance read under the lock."""
    pool, loan = await _open_loan(repo, principal, pool_id, loan_id, body.defaulted_on, "defaulted_on")
    payout = funds.pool_payout(loan.outstanding_fen, pool.compensation_bp, pool.balance_fen)
    await repo.settle_pool(pool.id, paid_fen=payout.compensation_fen)
    row = await repo.update_pool_loan(
        loan.id,
        status="defaulted",
        defaulted_on=body.defaulted_on,
        defaulted_fen=loan.outstanding_fen,
        compensation_fen=payout.compensation_fen,
        uncovered_fen=payout.uncovered_fen,
    )
    return fs.PoolDefault(
        loan=answers.pool_loan(row),
        compensation_fen=payout.compensation_fen,
        uncovered_fen=payout.uncovered_fen,
    )


async def record_recovery(
    repo: Repository, principal: Principal, pool_id: str, loan_id: str, body: Recovery
) -> fs.PoolRecovery:
    """The pool's part, cumulatively: share(total after) − share(total before), so parts sum exactly."""
    pool, loan = await _locked_loan(repo, principal, pool_id, loan_id)
    if loan.status != "defaulted" or loan.defaulted_fen is None or loan.defaulted_on is None:
        raise Conflict("Only a defaulted loan takes recoveries.", slug="loan-not-defaulted")
    _not_before(body.recovered_on, loan.defaulted_on, "recovered_on", "defaulted_on")
    if loan.recovered_total_fen + body.amount_fen > loan.defaulted_fen:
        raise RuleViolation(
            f"Recoveries may not exceed the defaulted outstanding ({loan.defaulted_fen}); "
            f"{loan.recovered_total_fen} recovered so far.",
            slug="recovery-exceeds-default",
            field="amount_fen",
        )
    paid = loan.compensation_fen or 0
    part = funds.pool_recovery(loan.recovered_total_fen, body.amount_fen, paid, loan.defaulted_fen)
    await repo.settle_pool(pool.id, recovered_fen=part)
    await repo.record_pool_recovery(loan, body.amount_fen, part, body.recovered_on)
    row = await repo.update_pool_loan(
        loan.id,
        recovered_total_fen=loan.recovered_total_fen + body.amount_fen,
        recovered_pool_fen=loan.recovered_pool_fen + part,
        outstanding_fen=loan.outstanding_fen - body.amount_fen,
    )
    return fs.PoolRecovery(
        loan=answers.pool_loan(row),
        pool_fen=part,
        bank_fen=body.amount_fen - part,
        total_recovered_fen=row.recovered_total_fen,
    )


def _bank(book: BankBook, stop_overdue_bp: int) -> fs.PoolBank:
    return fs.PoolBank(
        outstanding_fen=book.outstanding_fen,
        overdue_fen=book.overdue_fen,
        overdue_ratio_bp=funds.overdue_ratio_bp(book.overdue_fen, book.outstanding_fen),
        paid_fen=book.paid_fen,
        recovered_fen=book.recovered_fen,
        suspended=funds.suspended(book.overdue_fen, book.outstanding_fen, stop_overdue_bp),
    )


async def pool_position(repo: Repository, principal: Principal, pool_id: str) -> fs.PoolPosition:
    """For its fund manager, admin and regulator (routes refuse a bank its role: a 403)."""
    pool = await visible_pool(repo, principal, pool_id)
    books = await repo.bank_books(pool.id)
    return fs.PoolPosition(
        pool_id=pool.id,
        balance_fen=pool.balance_fen,
        paid_fen=pool.paid_fen,
        recovered_fen=pool.recovered_fen,
        **asdict(funds.overdue_over(books)),
        by_bank={b.bank_org_id: _bank(b, pool.stop_overdue_bp) for b in books},
    )
