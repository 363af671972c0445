"""What the repository reads back: one frozen record per table row, typed column by column.

Each mirrors its table in ``tables.py`` (same names, same order), so a row converts with no
mapping by hand and mypy checks every use of a column from the SQL to the API schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from services.loan_match.rules.size import Size
from services.loan_match.rules.vocabulary import (
    ClaimStatus,
    Collateral,
    Decision,
    Flag,
    ProductType,
    ProgrammeKind,
    RatingLevel,
    SizeName,
)

# Where a list resumes: the (created_at, id) of the last row of the previous page.
Position = tuple[datetime, str]


@dataclass(frozen=True)
class ProductRow:
    id: str
    bank_org_id: str
    name: str
    product_type: ProductType
    min_amount_fen: int
    max_amount_fen: int
    min_term_months: int
    max_term_months: int
    annual_rate_bp: int
    min_rating: RatingLevel | None
    tax_multiple: dict[str, int] | None
    sizes: list[SizeName]
    region_codes: list[str]
    industry_prefixes: list[str]
    min_years_in_business: int
    min_revenue_fen: int
    required_flags: list[Flag]
    accepted_collateral: list[Collateral]
    requires_guarantee: bool
    guarantee_fee_bp: int
    interest_subsidy_bp: int
    active: bool
    created_at: datetime
    updated_at: datetime
    retired_at: datetime | None
    change_no: int


@dataclass(frozen=True)
class ProfileRow:
    partner_app_id: str
    uscc: str
    name: str
    industry_code: str
    region_code: str
    employees: int
    revenue_fen: int
    total_assets_fen: int
    established_on: date
    flags: list[Flag]
    collateral: list[Collateral]
    size: Size
    size_basis: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class QueryRow:
    """One match query as counted for the figures (the table numbers it)."""

    partner_app_id: str
    uscc: str
    amount_fen: int
    term_months: int
    matched: int
    degraded: list[str]
    created_at: datetime


@dataclass(frozen=True)
class DemandRow:
    id: str
    partner_app_id: str
    uscc: str
    enterprise_name: str
    industry_code: str
    region_code: str
    size: str
    amount_fen: int
    term_months: int
    purpose: str
    respond_by: date
    created_at: datetime


@dataclass(frozen=True)
class ResponseRow:
    id: str
    demand_id: str
    bank_org_id: str
    decision: Decision
    offered_amount_fen: int | None
    annual_rate_bp: int | None
    reason: str | None
    created_at: datetime


@dataclass(frozen=True)
class CalendarRow:
    """A loaded holiday notice: weekday rest days and weekend days worked of one year."""

    year: int
    holidays: list[date]
    workdays: list[date]
    loaded_at: datetime


@dataclass(frozen=True)
class ProgrammeRow:
    id: str
    fund_manager_org_id: str
    name: str
    kind: ProgrammeKind
    share_bp: int
    cap_per_enterprise_year_fen: int | None
    cap_per_item_fen: int | None
    budget_fen: int
    year: int
    product_types: list[str]
    collateral: list[str]
    sizes: list[str]
    region_codes: list[str]
    paid_fen: int
    approved_count: int
    refused_count: int
    created_at: datetime


@dataclass(frozen=True)
class ClaimRow:
    id: str
    programme_id: str
    filed_by_org_id: str
    uscc: str
    loan_ref: str
    bank_org_id: str
    period_from: date
    period_to: date
    claimed_on_fen: int
    region_code: str
    claimable_fen: int
    status: ClaimStatus
    paid_fen: int
    reason: str | None
    created_at: datetime
    decided_at: datetime | None
