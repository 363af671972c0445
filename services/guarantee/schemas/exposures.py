"""Request and response bodies of the guarantee exposures (CONTRACT §4). Money in fen, shares in bp."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from kit.shapes import Bp, StrictBody
from kit.uscc import USCC
from services.guarantee.rules.chain import Status
from services.guarantee.schemas.common import AmountFen, Parties


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


class RecoveryResult(BaseModel):
    allocation_fen: Parties = Field(description="This recovery split by the exposure's shares, per party.")
    total_recovered_fen: int
