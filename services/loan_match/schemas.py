"""API models of loan_match (CONTRACT §5). Money in fen, rates in bp, integers only."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict
from typing_extensions import TypedDict  # pydantic reads typing's TypedDict only from 3.12

from kit.shapes import Bp, Fen, PositiveFen, StrictBody
from kit.uscc import USCC
from services.loan_match.rules.codes import industry_problem, region_problem
from services.loan_match.rules.size import IndustryTooCoarse, outside_scope, row_for
from services.loan_match.vocabulary import Collateral, Decision, Flag, ProductType, RatingLevel, SizeName

Months = Annotated[int, Strict(), Field(ge=1, le=600, description="A loan term in whole months.")]
Multiple = Annotated[int, Strict(), Field(ge=1, le=1000)]
MatchLimit = Annotated[
    int, Strict(), Field(ge=1, le=1000, description="How many matches to show, at most 1000.")
]


def _region(code: str) -> str:
    reason = region_problem(code)
    if reason:
        raise ValueError(reason)
    return code


def _industry(code: str) -> str:
    reason = industry_problem(code)
    if reason:
        raise ValueError(reason)
    return code


def _enterprise_industry(code: str) -> str:
    _industry(code)
    if outside_scope(code):
        return code  # refused by the use case as industry-outside-scope, not as malformed
    try:
        row_for(code)
    except IndustryTooCoarse as exc:
        raise ValueError(str(exc)) from exc
    return code


RegionCode = Annotated[
    str,
    AfterValidator(_region),
    Field(description="A 6-digit GB/T 2260 division code.", examples=["620102"]),
]
IndustryPrefix = Annotated[
    str, AfterValidator(_industry), Field(description="A GB/T 4754-2017 code or prefix.", examples=["C"])
]
IndustryCode = Annotated[
    str,
    AfterValidator(_enterprise_industry),
    Field(
        description="The GB/T 4754-2017 industry code; it picks the size row of 工信部联企业〔2011〕300号.",
        examples=["C3411"],
    ),
]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Sizes = Annotated[
    list[SizeName], Field(max_length=3, description="Enterprise sizes served (工信部联企业〔2011〕300号).")
]
Regions = Annotated[
    list[RegionCode],
    Field(
        max_length=500,
        description="GB/T 2260 codes: 620000 is all Gansu, 620100 a prefecture (6201xx), a county code "
        "itself; empty: anywhere.",
    ),
]
Prefixes = Annotated[
    list[IndustryPrefix],
    Field(max_length=500, description="GB/T 4754-2017 sections or code prefixes (C, I65); empty: any."),
]
Years = Annotated[int, Strict(), Field(ge=0, le=200, description="Whole years since establishment.")]
Flags = Annotated[
    list[Flag],
    Field(
        max_length=3,
        description="高新技术企业 (high_tech), 专精特新 (specialized_sme), 农业产业化龙头 (agri_leading).",
    ),
]
Collaterals = Annotated[list[Collateral], Field(max_length=7, description="Kinds of collateral.")]
StrictBool = Annotated[bool, Strict()]


def _all_sizes() -> list[SizeName]:
    return ["micro", "small", "medium"]


class TaxMultiple(StrictBody):
    """Loan amount cap as a multiple of the average annual tax, per taxpayer credit rating."""

    A: Multiple | None = None
    B: Multiple | None = None
    M: Multiple | None = None


class ProductFields(StrictBody):
    name: Name
    product_type: ProductType
    min_amount_fen: PositiveFen
    max_amount_fen: PositiveFen
    min_term_months: Months
    max_term_months: Months
    annual_rate_bp: Bp
    min_rating: RatingLevel | None = Field(
        default=None, description="Lowest 纳税信用级别 accepted (A, B or M); none: no rating needed."
    )
    tax_multiple: TaxMultiple | None = Field(
        default=None, description="Amount cap as a multiple of the average annual tax, per level."
    )
    sizes: Sizes = Field(default_factory=_all_sizes)
    region_codes: Regions = Field(default_factory=list)
    industry_prefixes: Prefixes = Field(default_factory=list)
    min_years_in_business: Years = 0
    min_revenue_fen: Fen = 0
    required_flags: Flags = Field(default_factory=list)
    accepted_collateral: Collaterals = Field(default_factory=list)
    requires_guarantee: StrictBool = Field(
        default=False, description="Only with a guarantor's cover: matching checks guarantee capacity."
    )
    guarantee_fee_bp: Bp = 100
    interest_subsidy_bp: Bp = 0


class ProductCreate(ProductFields):
    """A loan product with its structured eligibility. Empty lists mean "any"."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "陇原科技贷",
                    "product_type": "guaranteed",
                    "min_amount_fen": 10_000_000,
                    "max_amount_fen": 500_000_000,
                    "min_term_months": 6,
                    "max_term_months": 36,
                    "annual_rate_bp": 385,
                    "min_rating": "B",
                    "tax_multiple": {"A": 10, "B": 5},
                    "sizes": ["micro", "small"],
                    "region_codes": ["620000"],
                    "industry_prefixes": ["C", "I65"],
                    "min_years_in_business": 2,
                    "min_revenue_fen": 100_000_000,
                    "required_flags": ["high_tech"],
                    "accepted_collateral": ["ip", "receivables"],
                    "requires_guarantee": True,
                    "guarantee_fee_bp": 100,
                    "interest_subsidy_bp": 0,
                }
            ]
        }
    )


class ProductPatch(StrictBody):
    """Any subset of a product's fields; the result must still be a consistent product."""

    name: Name | None = None
    product_type: ProductType | None = None
    min_amount_fen: PositiveFen | None = None
    max_amount_fen: PositiveFen | None = None
    min_term_months: Months | None = None
    max_term_months: Months | None = None
    annual_rate_bp: Bp | None = None
    min_rating: RatingLevel | None = None
    tax_multiple: TaxMultiple | None = None
    sizes: Sizes | None = None
    region_codes: Regions | None = None
    industry_prefixes: Prefixes | None = None
    min_years_in_business: Years | None = None
    min_revenue_fen: Fen | None = None
    required_flags: Flags | None = None
    accepted_collateral: Collaterals | None = None
    requires_guarantee: StrictBool | None = None
    guarantee_fee_bp: Bp | None = None
    interest_subsidy_bp: Bp | None = None


class Product(ProductFields):
    id: str
    bank_org_id: str
    created_at: datetime
    updated_at: datetime


class ProfileIn(StrictBody):
    """An enterprise as a partner app knows it; size is computed from it."""

    name: Name
    industry_code: IndustryCode
    region_code: RegionCode
    employees: Annotated[int, Strict(), Field(ge=0, le=10_000_000)]
    revenue_fen: Fen
    total_assets_fen: Fen
    established_on: date
    flags: Flags = Field(default_factory=list)
    collateral: Collaterals = Field(default_factory=list)

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "兰州示例机械制造有限公司",
                    "industry_code": "C3411",
                    "region_code": "620102",
                    "employees": 50,
                    "revenue_fen": 800_000_000,
                    "total_assets_fen": 1_200_000_000,
                    "established_on": "2018-03-01",
                    "flags": ["specialized_sme"],
                    "collateral": ["receivables"],
                }
            ]
        }
    )


class Profile(ProfileIn):
    uscc: str
    size: Literal["micro", "small", "medium", "large"]
    size_basis: str
    created_at: datetime
    updated_at: datetime

    # Not ProfileIn's request example: an answer carries the computed size and times too.
    model_config = ConfigDict(json_schema_extra=None)


class QueryIn(StrictBody):
    uscc: USCC
    amount_fen: PositiveFen
    term_months: Months
    include_excluded: StrictBool = False
    limit: Annotated[
        int, Strict(), Field(ge=1, le=1000, description="How many matches to show (CONTRACT §5).")
    ] = 20

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "uscc": "91620100MA72RH3L12",
                    "amount_fen": 100_000_000,
                    "term_months": 12,
                    "include_excluded": True,
                    "limit": 5,
                }
            ]
        }
    )


class CriterionResult(TypedDict):
    criterion: str
    detail: str


class Match(TypedDict):
    product_id: str
    bank_org_id: str
    product_name: str
    product_type: str
    annual_rate_bp: int
    estimated_interest_fen: int
    estimated_guarantee_fee_fen: int
    estimated_subsidy_fen: int
    estimated_total_cost_fen: int
    reasons: list[CriterionResult]


class Excluded(TypedDict):
    product_id: str
    bank_org_id: str
    product_name: str
    product_type: str
    failed: list[CriterionResult]


class RatingShown(TypedDict):
    rating: str
    year: int


class QueryResult(TypedDict):
    """The answer of a query: ``matches`` holds the first ``limit`` in ranking order and
    ``total_matches`` counts them all (CONTRACT §5)."""

    # Typed dicts, not models: an answer may carry thousands of entries, built as plain data
    # and serialised once.

    uscc: str
    size: str
    rating: RatingShown | None
    degraded: list[str]
    total_matches: int
    matches: list[Match]
    excluded: list[Excluded]


class DemandIn(StrictBody):
    uscc: USCC
    amount_fen: PositiveFen
    term_months: Months
    purpose: Text

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "uscc": "91620100MA72RH3L12",
                    "amount_fen": 100_000_000,
                    "term_months": 12,
                    "purpose": "购置生产设备",
                }
            ]
        }
    )


class ResponseIn(StrictBody):
    decision: Decision
    offered_amount_fen: PositiveFen | None = None
    annual_rate_bp: Bp | None = None
    reason: Text | None = None


class DemandResponse(BaseModel):
    id: str
    bank_org_id: str
    decision: Decision
    offered_amount_fen: int | None
    annual_rate_bp: int | None
    reason: str | None
    created_at: datetime


class EnterpriseSummary(BaseModel):
    name: str
    industry_code: str
    region_code: str
    size: str


class Demand(BaseModel):
    id: str
    uscc: str
    enterprise: EnterpriseSummary
    amount_fen: int
    term_months: int
    purpose: str
    status: Literal["unmatched", "open", "responded", "accepted"]
    routed_to: list[str]
    respond_by: date
    overdue: bool
    created_at: datetime
    responses: list[DemandResponse]


Days = Annotated[list[date], Field(max_length=366)]


class CalendarIn(StrictBody):
    """A 国务院办公厅 holiday notice: the rest days and the make-up working days (调休) it sets."""

    holidays: Days
    workdays: Days = Field(default_factory=list)


class Calendar(BaseModel):
    """The calendar in force for a year: ``holidays`` are weekday rest days, ``workdays``
    weekend days worked."""

    year: int
    source: Literal["loaded", "library", "statutory"]
    holidays: list[date]
    workdays: list[date]
