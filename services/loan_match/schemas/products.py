"""Loan products: what a bank publishes, changes and reads back (CONTRACT §5)."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from kit.shapes import Bp, Fen, PositiveFen, StrictBody
from services.loan_match.rules.vocabulary import ProductType, RatingLevel, SizeName
from services.loan_match.schemas.fields import (
    Collaterals,
    Flags,
    Months,
    Multiple,
    Name,
    Prefixes,
    Regions,
    Sizes,
    StrictBool,
    Years,
)


def _all_sizes() -> list[SizeName]:
    return ["micro", "small", "medium"]


class TaxMultiple(StrictBody):
    """Loan amount cap as a multiple of the average annual tax, per taxpayer credit rating."""

    A: Multiple | None = None
    B: Multiple | None = None
    M: Multiple | None = None


class ProductFields(StrictBody):
    """What a bank says of a product: the body of a create, and all but the ids and times of an
    answer; a patch names the same fields."""

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


class Product(ProductFields):
    id: str
    bank_org_id: str
    created_at: datetime
    updated_at: datetime


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
