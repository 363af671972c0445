"""Request and answer bodies of the risk-compensation pools (CONTRACT §6). Money in fen, rates in bp."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AfterValidator, BaseModel, Field, model_validator

from kit.shapes import Bp, Fen, StrictBody
from kit.uscc import PROVINCES, USCC
from services.guarantee.schemas.common import AmountFen, Name, Ref


def _region(code: str) -> str:
    # GB/T 2260: six digits, the first two a province.
    if len(code) != 6 or not code.isdigit() or code[:2] not in PROVINCES:
        raise ValueError("must be a 6-digit GB/T 2260 region code")
    return code


RegionCode = Annotated[str, AfterValidator(_region)]


class PoolCreate(StrictBody):
    name: Name
    region_code: RegionCode
    balance_fen: Fen
    bank_org_ids: list[UUID] = Field(min_length=1, max_length=200)
    compensation_bp: Bp
    stop_overdue_bp: int = Field(
        ge=1, le=10_000, description="The overdue ratio at which a bank adds no loan."
    )


class PoolBank(BaseModel):
    outstanding_fen: int
    overdue_fen: int
    overdue_ratio_bp: int
    paid_fen: int
    recovered_fen: int
    suspended: bool = Field(description="overdue_ratio_bp has reached stop_overdue_bp: no new loans.")


class Pool(BaseModel):
    id: str
    name: str
    region_code: str
    fund_manager_org_id: str
    initial_balance_fen: int
    balance_fen: int
    bank_org_ids: list[str]
    compensation_bp: int
    stop_overdue_bp: int
    created_at: dt.datetime


class PoolPosition(BaseModel):
    pool_id: str
    balance_fen: int = Field(description="What the pool holds now: initial − paid + recovered.")
    paid_fen: int = Field(description="Compensation paid to banks on defaults.")
    recovered_fen: int = Field(description="The pool's part of recoveries, returned to it.")
    outstanding_fen: int = Field(
        description="Still owed on the pool's loans: principal or the last overdue report, and for a "
        "defaulted loan its defaulted outstanding less recoveries."
    )
    overdue_fen: int = Field(description="The part of outstanding_fen on overdue or defaulted loans.")
    overdue_ratio_bp: int
    by_bank: dict[str, PoolBank]


class PoolLoanCreate(StrictBody):
    loan_ref: Ref
    uscc: USCC
    principal_fen: AmountFen
    start_date: dt.date
    maturity_date: dt.date

    @model_validator(mode="after")
    def _dates(self) -> PoolLoanCreate:
        if self.maturity_date <= self.start_date:
            raise ValueError("maturity_date must be after start_date")
        return self


class PoolLoan(BaseModel):
    id: str
    pool_id: str
    bank_org_id: str
    loan_ref: str
    uscc: str
    status: Literal["active", "overdue", "defaulted"]
    principal_fen: int
    outstanding_fen: int
    start_date: dt.date
    maturity_date: dt.date
    overdue_on: dt.date | None
    defaulted_on: dt.date | None
    compensation_fen: int | None
    uncovered_fen: int | None
    recovered_total_fen: int
    recovered_pool_fen: int


class OverdueReport(StrictBody):
    overdue_on: dt.date
    outstanding_fen: AmountFen


class DefaultReport(StrictBody):
    defaulted_on: dt.date


class PoolDefault(BaseModel):
    loan: PoolLoan
    compensation_fen: int = Field(description="Paid to the bank from the pool, never beyond its balance.")
    uncovered_fen: int = Field(description="compensation_bp × the defaulted outstanding − compensation_fen.")


class PoolRecovery(BaseModel):
    loan: PoolLoan
    pool_fen: int = Field(description="What this recovery returned to the pool.")
    bank_fen: int = Field(description="What of it stays with the bank.")
    total_recovered_fen: int
