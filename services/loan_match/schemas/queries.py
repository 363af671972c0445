"""Match queries and their answer (CONTRACT §5)."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, Strict
from typing_extensions import TypedDict  # pydantic reads typing's TypedDict only from 3.12

from kit.shapes import PositiveFen, StrictBody
from kit.uscc import USCC
from services.loan_match.schemas.fields import ASKED, Months, StrictBool


class QueryIn(StrictBody):
    uscc: USCC
    amount_fen: PositiveFen
    term_months: Months
    include_excluded: StrictBool = False
    limit: Annotated[
        int, Strict(), Field(ge=1, le=1000, description="How many matches to show (CONTRACT §5).")
    ] = 20

    model_config = ConfigDict(
        json_schema_extra={"examples": [{**ASKED, "include_excluded": True, "limit": 5}]}
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
