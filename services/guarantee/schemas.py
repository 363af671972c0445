"""Request and response bodies of the guarantee API (CONTRACT §4). Money in fen, shares in bp."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, model_validator

from kit.shapes import MAX_FEN, Bp, Fen, StrictBody
from kit.uscc import USCC
from services.guarantee.rows import Institution as Institution  # the row is the body
from services.guarantee.rules import DEFAULT_LEVERAGE_MULTIPLE, MAX_LEVERAGE_MULTIPLE, Status, Tier

# An amount that moves money: above 0. Not kit's PositiveFen (ge=1): the published contract says
# exclusiveMinimum 0 and a refusal reads "greater than 0"; both stay as they were.
AmountFen = Annotated[int, Strict(), Field(gt=0, le=MAX_FEN)]


class InstitutionCreate(StrictBody):
    org_id: UUID
    name: str = Field(min_length=1, max_length=200)
    tier: Tier = Field(
        description="Place in the chain: `national_fund`, `provincial` re-guarantor or `local`."
    )
    parent_id: UUID | None = Field(
        default=None, description="The institution one tier up (a local's provincial, a provincial's fund)."
    )
    net_assets_fen: Fen
    leverage_multiple: int = Field(
        default=DEFAULT_LEVERAGE_MULTIPLE,
        ge=1,
        le=MAX_LEVERAGE_MULTIPLE,
        description="放大倍数: 融资担保责任余额 may reach net assets × this; 10, up to 15 (国务院令第683号).",
    )


class InstitutionUpdate(StrictBody):
    net_assets_fen: Fen | None = None
    leverage_multiple: int | None = Field(default=None, ge=1, le=MAX_LEVERAGE_MULTIPLE)


class Position(BaseModel):
    """One institution's own book: a local guarantor answers to the bank for the whole guaranteed
    part of its loans, a re-guarantor (provincial, national fund) to the local for its share."""

    institution_id: str
    tier: Tier
    net_assets_fen: int
    leverage_multiple: int
    capacity_fen: int = Field(description="net_assets_fen × leverage_multiple.")
    liability_fen: int = Field(
        description="Over active exposures. A local guarantor: its weighted_liability_fen total "
        "(融资担保责任余额, the figure the limits use). A provincial re-guarantor or the national "
        "fund: its own share of the outstanding amounts below it, unweighted (100%)."
    )
    headroom_fen: int = Field(description="capacity_fen − liability_fen, never below 0.")
    single_client_cap_fen: int = Field(description="10% of net assets, rounded down.")
    active_exposures: int
    compensated_fen: int = Field(
        description="代偿 paid. A local guarantor: the whole compensation_fen it paid the banks "
        "(outstanding at default − the bank's loss). A re-guarantor: its own loss share."
    )
    recovered_fen: int = Field(
        description="追偿 on what it paid. A local guarantor: recoveries on the guaranteed part "
        "(every party's but the bank's). A re-guarantor: its own recovery share."
    )
    compensation_rate_bp: int = Field(
        description="代偿率 = 代偿额 ÷ 解除担保额, cumulatively: compensations paid ÷ guaranteed amounts "
        "released by repayment or compensation, both at the institution's own share (a local "
        "guarantor: the guaranteed part; a re-guarantor: its own share), half up; 0 when nothing "
        "was released."
    )
    year: int = Field(description="The year of compensation_rate_year_bp (`?year=`, default this year).")
    compensation_rate_year_bp: int = Field(
        description="代偿率 over the releases and compensations dated in `year` (Asia/Shanghai)."
    )


class Parties(BaseModel):
    """One amount per party of the chain."""

    bank: int
    guarantor: int
    provincial: int
    national: int


class AgreementCreate(StrictBody):
    bank_org_id: UUID
    guarantor_id: UUID
    # Plain integers here: the 国办发〔2019〕6号 rules are checked one by one, each with its own slug.
    shares_bp: Parties = Field(
        description="Risk shares in bp summing to 10,000: the bank and the national fund at least 2,000 "
        "each, the provincial no less than the fund; commonly 2:4:2:2 (国办发〔2019〕6号)."
    )


class Agreement(BaseModel):
    id: str
    bank_org_id: str
    guarantor_id: str
    provincial_id: str
    shares_bp: Parties = Field(
        description="Risk shares in bp per party, summing to 10,000 (国办发〔2019〕6号)."
    )
    created_at: dt.datetime


class ExposureCreate(StrictBody):
    agreement_id: UUID
    # Trimmed, so that " L-1" cannot slip past the one-guarantee-per-bank-loan rule as a new loan.
    loan_ref: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)] = Field(
        description="The bank's own loan reference; one guarantee per bank loan.", examples=["LN-2026-0001"]
    )
    uscc: USCC
    principal_fen: AmountFen
    small_micro: bool = Field(
        description="小微企业 by 工信部联企业〔2011〕300号; counts in the 支小支农 figures."
    )
    agri: bool = Field(default=False, description="三农 business; counts in the 支小支农 figures.")
    fee_rate_bp: Bp
    start_date: dt.date
    maturity_date: dt.date

    @model_validator(mode="after")
    def _maturity_after_start(self) -> ExposureCreate:
        if self.maturity_date <= self.start_date:
            raise ValueError("maturity_date must be after start_date")
        return self

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "agreement_id": "6f1c0c1e-0000-4000-8000-000000000001",
                    "loan_ref": "LN-2026-0001",
                    "uscc": "91620100MA72RH3L12",
                    "principal_fen": 100_000_000,
                    "small_micro": True,
                    "agri": False,
                    "fee_rate_bp": 80,
                    "start_date": "2026-01-10",
                    "maturity_date": "2027-01-10",
                }
            ]
        }
    )


class Exposure(BaseModel):
    id: str
    agreement_id: str
    guarantor_id: str = Field(description="The local guarantor that registered it.")
    bank_org_id: str = Field(description="The lending bank (the agreement's).")
    loan_ref: str = Field(description="The bank's own loan reference; one guarantee per bank loan.")
    uscc: str
    status: Status = Field(
        description="`active` while outstanding, `repaid` in full, or `compensated` after a default (代偿)."
    )
    small_micro: bool
    agri: bool
    principal_fen: int
    outstanding_fen: int
    guaranteed_fen: int = Field(description="Outstanding minus the bank's share: what the chain answers for.")
    weighted_liability_fen: int = Field(
        description="融资担保责任余额 weighted per the 计量办法 (银保监发〔2018〕1号): 75% for a small-micro "
        "client whose 单户在保余额 is ≤ 5,000,000 yuan, otherwise 100%."
    )
    shares_fen: Parties = Field(description="The outstanding amount split by shares_bp, per party.")
    shares_bp: Parties = Field(description="The agreement's risk shares in bp, summing to 10,000.")
    fee_rate_bp: int = Field(
        description="Annual guarantee fee rate in bp (policy target ≤ 100, 国办发〔2019〕6号)."
    )
    start_date: dt.date
    maturity_date: dt.date
    ended_on: dt.date | None = Field(description="When it was repaid in full or defaulted.")
    defaulted_fen: int | None = Field(description="The outstanding amount at default (代偿 basis).")
    compensation_fen: int | None = Field(description="代偿 paid by the guarantor to the bank.")
    losses_fen: Parties | None
    recovered_fen: Parties = Field(description="追偿 so far, per party (cumulative).")
    total_recovered_fen: int
    created_at: dt.datetime


class Repayment(StrictBody):
    amount_fen: AmountFen
    paid_on: dt.date


class Default(StrictBody):
    defaulted_on: dt.date


class DefaultResult(BaseModel):
    exposure: Exposure
    compensation_fen: int = Field(
        description="代偿 the guarantor pays the bank: outstanding − the bank's loss."
    )
    losses_fen: Parties = Field(
        description="The outstanding amount at default split by the shares, per party."
    )


class Recovery(StrictBody):
    amount_fen: AmountFen
    recovered_on: dt.date


class RecoveryResult(BaseModel):
    allocation_fen: Parties = Field(description="This recovery split by the exposure's shares, per party.")
    total_recovered_fen: int


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


class CapacityGuarantor(BaseModel):
    guarantor_id: str
    name: str
    agreement_id: str
    guaranteed_fen: int = Field(description="The guaranteed part under this agreement's shares.")
    headroom_fen: int = Field(
        description="With guaranteed_fen: leverage headroom. With amount_fen: the smaller of leverage "
        "headroom and what the single-client cap leaves for this client."
    )
    sufficient: bool = Field(
        description="With amount_fen: a registration of this loan by this guarantor would pass now."
    )


class Capacity(BaseModel):
    bank_org_id: str
    guaranteed_fen: int = Field(
        description="As asked; with amount_fen, the largest guaranteed part any agreement leaves."
    )
    guarantors: list[CapacityGuarantor]
