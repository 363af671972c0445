"""Answer shapes of the guarantee figures (CONTRACT §1 "Statistics", §4, §6): the policy summary,
the pools' and the bridge funds' reports."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class TierFigures(BaseModel):
    """One tier over the report's scope; compensated and recovered add up its positions."""

    outstanding_share_fen: int = Field(description="The tier's share of active outstanding amounts.")
    active_exposures: int
    compensated_fen: int = Field(
        description="代偿 paid, as in a position: the local tier the whole compensation paid to the "
        "banks, a re-guarantor tier its own loss share (a part of what the locals paid)."
    )
    recovered_fen: int = Field(
        description="追偿, as in a position: the local tier every party's recoveries but the bank's, "
        "a re-guarantor tier its own share."
    )


class SummaryTiers(BaseModel):
    national_fund: TierFigures
    provincial: TierFigures
    local: TierFigures


class SummaryFigures(BaseModel):
    """The policy figures of 国办发〔2019〕6号 and 财金〔2025〕11号 over one scope or one 市州."""

    tiers: SummaryTiers
    active_exposures: int
    active_principal_fen: int
    guaranteed_balance_fen: int = Field(description="Outstanding minus the banks' shares (在保余额).")
    avg_fee_rate_bp: int = Field(description="Weighted by guaranteed balance (target ≤ 100).")
    small_micro_agri_share_bp: int = Field(
        description="支小支农: small-micro or agri guaranteed balance ÷ all (target ≥ 8000)."
    )
    upto_5m_client_share_bp: int = Field(
        description="Guaranteed balance of clients whose 单户在保余额 with their guarantor is ≤ "
        "5,000,000 yuan ÷ all (target ≥ 5000 of 支小支农)."
    )


class Summary(SummaryFigures):
    scope: str = Field(description="`all`, or the provincial institution id whose subtree is covered.")
    from_: dt.date | None = Field(
        alias="from", description="Flows (代偿, 追偿) from this day; none: all time."
    )
    to: dt.date = Field(description="Balances are as of this day (default today); flows up to it.")
    region_code: str | None = Field(description="The one 市州 the report is narrowed to, if any.")
    by_region: dict[str, SummaryFigures] = Field(description="Keyed by 市州 code (USCC characters 3–8).")
    by_bank: dict[str, SummaryFigures] = Field(
        default_factory=dict, description="Keyed by the lending bank's org id."
    )

    model_config = {"populate_by_name": True, "serialize_by_alias": True}


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

    from_: dt.date | None = Field(default=None, alias="from", serialization_alias="from")
    to: dt.date | None = None
    as_of: dt.date
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

    from_: dt.date | None = Field(default=None, alias="from", serialization_alias="from")
    to: dt.date | None = None
    as_of: dt.date
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
