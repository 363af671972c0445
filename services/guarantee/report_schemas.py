"""Answer shapes of the policy funds' figures (CONTRACT §1 "Statistics", §6)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class PoolFlows(BaseModel):
    """What happened in the period, each on its own day."""

    loans_registered: int = Field(description="Pool-covered loans started in the period.")
    principal_registered_fen: int
    defaults: int
    defaulted_fen: int = Field(description="The defaulted outstanding of the period's defaults.")
    compensation_paid_fen: int = Field(description="Paid by the pool to the banks for those defaults.")
    uncovered_fen: int = Field(
        description="compensation_bp × defaulted outstanding the balance did not cover."
    )
    recoveries: int
    recovered_fen: int = Field(description="Recovered by the banks (追偿) in the period.")
    recovered_to_pool_fen: int = Field(description="Of that, what returned to the pool.")


class PoolPositionFigures(PoolFlows):
    name: str
    region_code: str
    compensation_bp: int
    stop_overdue_bp: int
    initial_balance_fen: int
    balance_fen: int = Field(description="As of the snapshot day.")
    outstanding_fen: int = Field(description="Today's (pool loans keep no history of it).")
    overdue_fen: int = Field(description="Today's outstanding of overdue or defaulted loans.")
    overdue_ratio_bp: int


class PoolReport(PoolFlows):
    """Risk-compensation pools: balances as of the snapshot day, flows of the period."""

    model_config = ConfigDict(populate_by_name=True)

    from_: date | None = Field(default=None, alias="from", serialization_alias="from")
    to: date | None = None
    as_of: date
    region_code: str | None = Field(default=None, description="Narrows the flows (by the USCC's 市州).")
    pools: int
    initial_balance_fen: int
    balance_fen: int
    outstanding_fen: int
    overdue_fen: int
    overdue_ratio_bp: int
    by_pool: dict[str, PoolPositionFigures]
    by_region: dict[str, PoolFlows]
    by_bank: dict[str, PoolFlows]
    by_month: dict[str, PoolFlows]


class BridgeFlows(BaseModel):
    loans_out: int = Field(description="Bridge loans that started in the period.")
    lent_fen: int
    fees_fen: int = Field(description="Fees of the loans that started in the period.")
    loans_returned: int = Field(description="Bridge loans repaid in the period (the renewal came).")
    returned_fen: int


class BridgeFundFigures(BridgeFlows):
    name: str
    size_fen: int
    max_days: int
    daily_fee_bp: int
    active_loans: int = Field(description="Out and not repaid at the snapshot day.")
    outstanding_fen: int
    available_fen: int
    overdue_loans: int = Field(description="Unpaid past due_on at the snapshot day.")
    overdue_fen: int


class BridgeReport(BridgeFlows):
    """Bridge (续贷转贷) funds: positions as of the snapshot day, flows of the period."""

    model_config = ConfigDict(populate_by_name=True)

    from_: date | None = Field(default=None, alias="from", serialization_alias="from")
    to: date | None = None
    as_of: date
    region_code: str | None = Field(default=None, description="Narrows the flows (by the USCC's 市州).")
    funds: int
    size_fen: int
    outstanding_fen: int
    available_fen: int
    active_loans: int
    overdue_loans: int
    overdue_fen: int
    by_fund: dict[str, BridgeFundFigures]
    by_region: dict[str, BridgeFlows]
    by_bank: dict[str, BridgeFlows]
    by_month: dict[str, BridgeFlows]
