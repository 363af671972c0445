"""Response bodies from typed rows: the last step of a use case, field by field where a field is
converted or renamed (so mypy checks each), ``model_validate`` where the body is the row's fields."""

from __future__ import annotations

import datetime as dt

from kit.shapes import business_today
from services.guarantee.repository.rows import (
    AgreementRow,
    BridgeFundRow,
    BridgeLoanRow,
    ExposureRow,
    PoolLoanRow,
    PoolRow,
)
from services.guarantee.rules import funds
from services.guarantee.rules.allocation import DefaultOutcome
from services.guarantee.rules.chain import Split
from services.guarantee.schemas.agreements import Agreement
from services.guarantee.schemas.bridge_funds import BridgeFund, BridgeLoan
from services.guarantee.schemas.common import Parties
from services.guarantee.schemas.exposures import DefaultResult, Exposure, RecoveryResult
from services.guarantee.schemas.pools import Pool, PoolLoan


def agreement(row: AgreementRow) -> Agreement:
    return Agreement.model_validate(row, from_attributes=True)


def exposure(row: ExposureRow) -> Exposure:
    return Exposure(
        id=row.id,
        agreement_id=row.agreement_id,
        guarantor_id=row.guarantor_id,
        bank_org_id=row.bank_org_id,
        loan_ref=row.loan_ref,
        uscc=row.uscc,
        status=row.status,
        small_micro=row.small_micro,
        agri=row.agri,
        principal_fen=row.principal_fen,
        outstanding_fen=row.outstanding_fen,
        guaranteed_fen=row.guaranteed_fen,
        weighted_liability_fen=row.weighted_liability_fen,
        shares_fen=Parties(**row.shares_fen),
        shares_bp=Parties(**row.shares_bp),
        fee_rate_bp=row.fee_rate_bp,
        start_date=row.start_date,
        maturity_date=row.maturity_date,
        ended_on=row.ended_on,
        defaulted_fen=row.defaulted_fen,
        compensation_fen=row.compensation_fen,
        losses_fen=Parties(**row.losses_fen) if row.losses_fen is not None else None,
        recovered_fen=Parties(**row.recovered_fen),
        total_recovered_fen=sum(row.recovered_fen.values()),
        created_at=row.created_at,
    )


def default_result(row: ExposureRow, outcome: DefaultOutcome) -> DefaultResult:
    return DefaultResult(
        exposure=exposure(row),
        compensation_fen=outcome.compensation_fen,
        losses_fen=Parties(**outcome.losses_fen),
    )


def recovery_result(allocation: Split, total_recovered_fen: int) -> RecoveryResult:
    return RecoveryResult(allocation_fen=Parties(**allocation), total_recovered_fen=total_recovered_fen)


def pool(row: PoolRow) -> Pool:
    return Pool(
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


def pool_loan(row: PoolLoanRow) -> PoolLoan:
    # Every field of the body is the row's, by the same name (the row also keeps defaulted_fen).
    return PoolLoan.model_validate(row, from_attributes=True)


def bridge_fund(row: BridgeFundRow) -> BridgeFund:
    fields = {name: getattr(row, name) for name in BridgeFund.model_fields if name != "fund_manager_org_id"}
    return BridgeFund(**fields, fund_manager_org_id=row.manager_org_id)


def status_of(loan: BridgeLoanRow, today: dt.date | None = None) -> funds.BridgeStatus:
    return funds.bridge_status(loan.repaid_on is not None, loan.due_on, today or business_today())


def bridge_loan(row: BridgeLoanRow) -> BridgeLoan:
    fields = {name: getattr(row, name) for name in BridgeLoan.model_fields if name != "status"}
    return BridgeLoan(**fields, status=status_of(row))
