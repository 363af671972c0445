"""Request and answer shapes of subsidy programmes and claims (CONTRACT §6)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, Strict

from kit.shapes import PositiveFen, StrictBody
from kit.uscc import USCC
from services.loan_match.schemas import Collaterals, Name, Regions, Sizes, Text
from services.loan_match.vocabulary import ProductType

Kind = Literal["interest", "fee"]
Status = Literal["filed", "approved", "refused"]
Year = Annotated[int, Strict(), Field(ge=2000, le=2100)]
Ref = Annotated[str, Field(min_length=1, max_length=200)]


class Eligibility(StrictBody):
    """Who a programme is for; an empty or absent list means any."""

    product_types: Annotated[list[ProductType], Field(max_length=4)] = Field(default_factory=list)
    collateral: Collaterals = Field(default_factory=list)
    sizes: Sizes = Field(default_factory=list)
    region_codes: Regions = Field(default_factory=list)


class ProgrammeIn(StrictBody):
    name: Name
    kind: Kind
    share_bp: Annotated[int, Strict(), Field(ge=1, le=10_000)]
    cap_per_enterprise_year_fen: PositiveFen | None = None
    cap_per_item_fen: PositiveFen | None = None
    budget_fen: PositiveFen
    year: Year
    eligible: Eligibility = Eligibility()


class Figure(BaseModel):
    key: str
    paid_fen: int
    approved_count: int


class Programme(BaseModel):
    id: str
    fund_manager_org_id: str
    name: str
    kind: Kind
    share_bp: int
    cap_per_enterprise_year_fen: int | None
    cap_per_item_fen: int | None
    budget_fen: int
    year: int
    eligible: Eligibility
    paid_fen: int
    approved_count: int
    refused_count: int
    remaining_budget_fen: int
    created_at: datetime
    by_region: list[Figure] | None = Field(
        default=None, description="Paid by 市州 (region code xxxx00); on the single-programme read."
    )
    by_month: list[Figure] | None = Field(
        default=None, description="Paid by month of approval (YYYY-MM, Asia/Shanghai); single read."
    )


class ClaimIn(StrictBody):
    uscc: USCC
    loan_ref: Ref
    bank_org_id: uuid.UUID
    period_from: date
    period_to: date
    paid_fen: Annotated[PositiveFen, Field(description="Interest or fee the enterprise actually paid.")]


class Claim(BaseModel):
    id: str
    programme_id: str
    uscc: str
    loan_ref: str
    bank_org_id: str
    period_from: date
    period_to: date
    claimed_on_fen: int = Field(description="The interest or fee paid that the claim is for.")
    claimable_fen: int
    status: Status
    paid_fen: int = Field(description="The subsidy paid: 0 until approved.")
    reason: str | None
    created_at: datetime
    decided_at: datetime | None


class DecisionIn(StrictBody):
    decision: Literal["approved", "refused"]
    reason: Text | None = None


class DecisionOut(BaseModel):
    id: str
    status: Status
    paid_fen: int
    reason: str | None
