"""The facts eligibility works on: a product, an enterprise, a request, and what the other
services said (CONTRACT §5). Pure data; the rules are in ``eligibility``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal, get_args

from services.loan_match.rules.vocabulary import RatingLevel, SizeName

Criterion = Literal[
    "amount",
    "term",
    "rating",
    "tax_multiple",
    "size",
    "region",
    "industry",
    "years_in_business",
    "revenue",
    "flags",
    "collateral",
    "guarantee_capacity",
    "credit_standing",
]
CRITERIA: tuple[Criterion, ...] = get_args(Criterion)
# 纳税信用 levels that a product's min_rating may name, best first; C and D never pass one.
RATING_ORDER: tuple[RatingLevel, ...] = get_args(RatingLevel)
# The sizes a product may serve: 300号's, but for large enterprises (CONTRACT §5).
ALL_SIZES: tuple[SizeName, ...] = get_args(SizeName)


@dataclass(frozen=True)
class Product:
    id: str
    bank_org_id: str
    name: str
    product_type: str
    min_amount_fen: int
    max_amount_fen: int
    min_term_months: int
    max_term_months: int
    annual_rate_bp: int
    min_rating: str | None = None
    tax_multiple: Mapping[str, int] | None = None
    sizes: Sequence[str] = ()
    region_codes: Sequence[str] = ()
    industry_prefixes: Sequence[str] = ()
    min_years_in_business: int = 0
    min_revenue_fen: int = 0
    required_flags: Sequence[str] = ()
    accepted_collateral: Sequence[str] = ()
    requires_guarantee: bool = False
    guarantee_fee_bp: int = 100
    interest_subsidy_bp: int = 0


@dataclass(frozen=True)
class Enterprise:
    size: str
    region_code: str
    industry_code: str
    years_in_business: int
    revenue_fen: int
    flags: frozenset[str] = field(default_factory=frozenset)
    collateral: frozenset[str] = field(default_factory=frozenset)


class Answer(Enum):
    """What another service said: a value, nothing on record, a refusal, or no answer at all."""

    KNOWN = "known"
    NONE = "none"
    # credit_push holds no authorisation from the enterprise for the app the query is for.
    NOT_AUTHORISED = "not_authorised"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class Rating:
    answer: Answer
    rating: str | None = None
    avg_annual_tax_fen: int | None = None


@dataclass(frozen=True)
class Capacity:
    """Guarantee headroom with one bank for the guaranteed part of the amount."""

    answer: Answer
    sufficient_guarantors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Standing:
    """Whether the enterprise is on the 重大税收违法失信主体 list (credit_push's blacklist).

    ``KNOWN`` with ``blacklisted``; ``NONE`` when credit_push cannot say (an older build
    without the read) and ``UNAVAILABLE`` when it did not answer: neither invents a failure.
    """

    answer: Answer
    blacklisted: bool = False


NO_STANDING = Standing(Answer.NONE)


@dataclass(frozen=True)
class Request:
    amount_fen: int
    term_months: int


@dataclass(frozen=True)
class Check:
    criterion: Criterion
    detail: str
    # The stable code of the sentence and the values in it (rules/reasons.py), from which the
    # answer is put into the caller's language; the detail alone decides equality.
    code: str = field(default="", compare=False)
    values: tuple[tuple[str, str], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Outcome:
    passed: tuple[Check, ...]
    failed: tuple[Check, ...]

    @property
    def eligible(self) -> bool:
        return not self.failed


UNAVAILABLE_CAPACITY = Capacity(Answer.UNAVAILABLE)
