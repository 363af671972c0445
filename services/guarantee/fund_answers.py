"""Typed rows of the policy funds to answer bodies (CONTRACT §6)."""

from __future__ import annotations

from services.guarantee import fund_schemas as fs
from services.guarantee.fund_rows import BridgeFundRow, BridgeLoanRow, PoolLoanRow, PoolRow
from services.guarantee.service.bridges import status_of


def pool(row: PoolRow) -> fs.Pool:
    return fs.Pool(
        id=row.id,
        name=row.name,
        region_code=row.region_code,
        fund_manager_org_id=row.manager_org_id,
        initial_balance_fen=row.initial_balance_fen,
        balance_fen=row.balance_fen,
        bank_org_ids=list(row.bank_org_ids),
        compensation_bp=row.compensation_bp,
        stop_overdue_bp=row.stop_overdue_bp,
        created_at=row.created_at,
    )


def pool_loan(row: PoolLoanRow) -> fs.PoolLoan:
    fields = {name: getattr(row, name) for name in fs.PoolLoan.model_fields}
    return fs.PoolLoan(**fields)


def bridge_fund(row: BridgeFundRow) -> fs.BridgeFund:
    fields = {
        name: getattr(row, name) for name in fs.BridgeFund.model_fields if name != "fund_manager_org_id"
    }
    return fs.BridgeFund(**fields, fund_manager_org_id=row.manager_org_id)


def bridge_loan(row: BridgeLoanRow) -> fs.BridgeLoan:
    fields = {name: getattr(row, name) for name in fs.BridgeLoan.model_fields if name != "status"}
    return fs.BridgeLoan(**fields, status=status_of(row))
