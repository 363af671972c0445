"""Subsidy programmes of policy funds: what a fund manager publishes, with its figures (CONTRACT §6)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, Strict

from kit.shapes import PositiveFen, StrictBody
from services.loan_match.rules.vocabulary import ProductType, ProgrammeKind
from services.loan_match.schemas.fields import Collaterals, Name, Regions, Sizes

Year = Annotated[int, Strict(), Field(ge=2000, le=2100)]


class Eligibility(StrictBody):
    """Who a programme is for; an empty or absent list means any."""

    product_types: Annotated[list[ProductType], Field(max_length=4)] = Field(default_factory=list)
    collateral: Collaterals = Field(default_factory=list)
    sizes: Sizes = Field(default_factory=list)
    region_codes: Regions = Field(default_factory=list)


class ProgrammeIn(StrictBody):
    name: Name
    kind: ProgrammeKind
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
    kind: ProgrammeKind
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
