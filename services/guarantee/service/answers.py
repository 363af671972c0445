"""Response bodies from typed rows: the last step of a use case. A body is validated from the row's
fields by name, with the renamed or computed ones given explicitly; fields of the row the body does
not publish (seq, the manager's org id) are ignored."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

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


def _fields_of(row: Any) -> dict[str, Any]:
    """A row's fields by name, as they are: ``dataclasses.asdict`` deep-copies every dict and
    list in it (the shares of an exposure), which the validation copies again anyway. py-spy of
    the exposure line: asdict and deepcopy were ~5% of guarantee's time per registration."""
    return {f.name: getattr(row, f.name) for f in fields(row)}


def agreement(row: AgreementRow) -> Agreement:
    return Agreement.model_validate(row, from_attributes=True)


def exposure(row: ExposureRow) -> Exposure:
    # The row's fields by name (each split validated into Parties); it also keeps seq and provincial_id.
    return Exposure.model_validate(
        {**_fields_of(row), "total_recovered_fen": sum(row.recovered_fen.values())}
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
    return Pool.model_validate({**_fields_of(row), "fund_manager_org_id": row.manager_org_id})


def pool_loan(row: PoolLoanRow) -> PoolLoan:
    # Every field of the body is the row's, by the same name (the row also keeps defaulted_fen).
    return PoolLoan.model_validate(row, from_attributes=True)


def bridge_fund(row: BridgeFundRow) -> BridgeFund:
    return BridgeFund.model_validate({**_fields_of(row), "fund_manager_org_id": row.manager_org_id})


def status_of(loan: BridgeLoanRow, today: dt.date | None = None) -> funds.BridgeStatus:
    return funds.bridge_status(loan.repaid_on is not None, loan.due_on, today or business_today())


def bridge_loan(row: BridgeLoanRow) -> BridgeLoan:
    return BridgeLoan.model_validate({**_fields_of(row), "status": status_of(row)})
