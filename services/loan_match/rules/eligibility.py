"""Which products an enterprise qualifies for, and why not (CONTRACT §5). Pure: no I/O.

:func:`evaluate` checks all twelve criteria of a product and returns every failure, not
just the first, so a partner app can tell the enterprise everything that stands in the
way. Facts that come from other services (the rating from credit_push, guarantee
headroom from guarantee) carry whether the service answered: when it did not, only the
criteria that needed it fail, with a detail that says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Literal, get_args

from services.loan_match.rules.codes import region_covers

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
]
CRITERIA: tuple[Criterion, ...] = get_args(Criterion)
# 纳税信用 levels that a product's min_rating may name, best first; C and D never pass one.
RATING_ORDER = ("A", "B", "M")
ALL_SIZES = ("micro", "small", "medium")


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
    """What another service said: a value, nothing on record, or no answer at all."""

    KNOWN = "known"
    NONE = "none"
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
class Request:
    amount_fen: int
    term_months: int


@dataclass(frozen=True)
class Check:
    criterion: Criterion
    detail: str


@dataclass(frozen=True)
class Outcome:
    passed: tuple[Check, ...]
    failed: tuple[Check, ...]

    @property
    def eligible(self) -> bool:
        return not self.failed


UNAVAILABLE_CAPACITY = Capacity(Answer.UNAVAILABLE)


def full_years(start: date, today: date) -> int:
    """Whole years from ``start`` to ``today`` (an anniversary completes a year)."""
    years = today.year - start.year - ((today.month, today.day) < (start.month, start.day))
    return max(years, 0)


def evaluate(
    product: Product,
    enterprise: Enterprise,
    request: Request,
    rating: Rating,
    capacity: Mapping[str, Capacity],
) -> Outcome:
    """Every criterion of ``product`` for this enterprise and request, in CONTRACT order."""
    return Evaluator(enterprise, request, rating, capacity).evaluate(product)


class Evaluator:
    """Evaluates many products for one enterprise, request, rating and capacity.

    Within one query only the product varies, and products repeat the same constraints
    ("any region", the same amount range, the same bank's guarantee headroom): each
    criterion's check is therefore worked out once per distinct constraint and reused,
    which keeps a query against thousands of products cheap. The result is exactly that
    of evaluating each product on its own.
    """

    def __init__(
        self, enterprise: Enterprise, request: Request, rating: Rating, capacity: Mapping[str, Capacity]
    ) -> None:
        self.enterprise = enterprise
        self.request = request
        self.rating = rating
        self.capacity = capacity
        self._memo: dict[tuple[object, ...], tuple[bool, Check]] = {}

    def _once(self, key: tuple[object, ...], check: Callable[[], tuple[bool, Check]]) -> tuple[bool, Check]:
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = check()
        return found

    def evaluate(self, p: Product) -> Outcome:
        e, r, rating = self.enterprise, self.request, self.rating
        multiples = tuple(sorted(p.tax_multiple.items())) if p.tax_multiple else None
        guarantor_bank = p.bank_org_id if p.requires_guarantee else None
        capacity = self.capacity.get(p.bank_org_id, UNAVAILABLE_CAPACITY)
        once = self._once
        checks = (
            once(("amount", p.min_amount_fen, p.max_amount_fen), lambda: _amount(p, r)),
            once(("term", p.min_term_months, p.max_term_months), lambda: _term(p, r)),
            once(("rating", p.min_rating), lambda: _rating(p, rating)),
            once(("tax_multiple", multiples), lambda: _tax_multiple(p, r, rating)),
            once(("size", tuple(p.sizes)), lambda: _size(p, e)),
            once(("region", tuple(p.region_codes)), lambda: _region(p, e)),
            once(("industry", tuple(p.industry_prefixes)), lambda: _industry(p, e)),
            once(("years", p.min_years_in_business), lambda: _years(p, e)),
            once(("revenue", p.min_revenue_fen), lambda: _revenue(p, e)),
            once(("flags", tuple(p.required_flags)), lambda: _flags(p, e)),
            once(("collateral", tuple(p.accepted_collateral)), lambda: _collateral(p, e)),
            once(("guarantee", guarantor_bank), lambda: _guarantee(p, capacity)),
        )
        return Outcome(
            passed=tuple(check for ok, check in checks if ok),
            failed=tuple(check for ok, check in checks if not ok),
        )


def _yuan(fen: int) -> str:
    whole, cents = divmod(fen, 100)
    return f"{whole:,}.{cents:02d} 元"


def _amount(p: Product, r: Request) -> tuple[bool, Check]:
    ok = p.min_amount_fen <= r.amount_fen <= p.max_amount_fen
    where = "within" if ok else "outside"
    return ok, Check(
        "amount",
        f"amount {_yuan(r.amount_fen)} is {where} {_yuan(p.min_amount_fen)} to {_yuan(p.max_amount_fen)}",
    )


def _term(p: Product, r: Request) -> tuple[bool, Check]:
    ok = p.min_term_months <= r.term_months <= p.max_term_months
    where = "within" if ok else "outside"
    return ok, Check(
        "term", f"term {r.term_months} months is {where} {p.min_term_months} to {p.max_term_months} months"
    )


def rating_at_least(rating: str, minimum: str) -> bool:
    """A > B > M; C and D (and anything else) never meet a minimum."""
    if rating not in RATING_ORDER or minimum not in RATING_ORDER:
        return False
    return RATING_ORDER.index(rating) <= RATING_ORDER.index(minimum)


def _rating(p: Product, rating: Rating) -> tuple[bool, Check]:
    if p.min_rating is None:
        return True, Check("rating", "no minimum taxpayer credit rating")
    if rating.answer is Answer.UNAVAILABLE:
        return False, Check("rating", "the credit rating service did not answer, so the rating is unknown")
    if rating.answer is Answer.NONE or rating.rating is None:
        return False, Check(
            "rating", f"the enterprise has no current taxpayer credit rating; {p.min_rating} or better needed"
        )
    ok = rating_at_least(rating.rating, p.min_rating)
    verb = "meets" if ok else "is below"
    return ok, Check("rating", f"rating {rating.rating} {verb} the minimum {p.min_rating}")


def _tax_multiple(p: Product, r: Request, rating: Rating) -> tuple[bool, Check]:
    # The tax figure is used but never shown (CONTRACT §5): details name only the multiple.
    if not p.tax_multiple:
        return True, Check("tax_multiple", "no tax-based amount limit")
    if rating.answer is Answer.UNAVAILABLE:
        return False, Check(
            "tax_multiple", "the credit rating service did not answer, so the tax-based limit is unknown"
        )
    if rating.answer is Answer.NONE or rating.rating is None:
        return False, Check("tax_multiple", "the enterprise has no current rating, so no tax-based limit")
    multiple = p.tax_multiple.get(rating.rating)
    if multiple is None:
        return False, Check("tax_multiple", f"the product sets no tax multiple for rating {rating.rating}")
    if rating.avg_annual_tax_fen is None:
        return False, Check("tax_multiple", "no average annual tax figure is on record for the enterprise")
    ok = r.amount_fen <= multiple * rating.avg_annual_tax_fen
    verb = "within" if ok else "above"
    return ok, Check(
        "tax_multiple",
        f"amount is {verb} {multiple} x the enterprise's average annual tax (rating {rating.rating})",
    )


def _size(p: Product, e: Enterprise) -> tuple[bool, Check]:
    sizes = tuple(p.sizes) or ALL_SIZES
    ok = e.size in sizes
    verb = "is" if ok else "is not"
    return ok, Check("size", f"size {e.size} {verb} one of {', '.join(sizes)}")


def _region(p: Product, e: Enterprise) -> tuple[bool, Check]:
    if not p.region_codes:
        return True, Check("region", "any region")
    ok = any(region_covers(code, e.region_code) for code in p.region_codes)
    verb = "is covered by" if ok else "is not covered by"
    return ok, Check("region", f"region {e.region_code} {verb} {', '.join(p.region_codes)}")


def _industry(p: Product, e: Enterprise) -> tuple[bool, Check]:
    if not p.industry_prefixes:
        return True, Check("industry", "any industry")
    ok = any(e.industry_code.startswith(prefix) for prefix in p.industry_prefixes)
    verb = "is under" if ok else "is not under"
    return ok, Check("industry", f"industry {e.industry_code} {verb} {', '.join(p.industry_prefixes)}")


def _years(p: Product, e: Enterprise) -> tuple[bool, Check]:
    ok = e.years_in_business >= p.min_years_in_business
    return ok, Check(
        "years_in_business",
        f"{e.years_in_business} full years in business, {p.min_years_in_business} needed",
    )


def _revenue(p: Product, e: Enterprise) -> tuple[bool, Check]:
    ok = e.revenue_fen >= p.min_revenue_fen
    return ok, Check("revenue", f"revenue {_yuan(e.revenue_fen)}, at least {_yuan(p.min_revenue_fen)} needed")


def _flags(p: Product, e: Enterprise) -> tuple[bool, Check]:
    missing = [flag for flag in p.required_flags if flag not in e.flags]
    if not p.required_flags:
        return True, Check("flags", "no qualification required")
    if missing:
        return False, Check("flags", f"missing required qualification: {', '.join(missing)}")
    return True, Check("flags", f"holds {', '.join(p.required_flags)}")


def _collateral(p: Product, e: Enterprise) -> tuple[bool, Check]:
    if not p.accepted_collateral:
        return True, Check("collateral", "no collateral needed")
    held = [kind for kind in p.accepted_collateral if kind in e.collateral]
    if held:
        return True, Check("collateral", f"holds accepted collateral: {', '.join(held)}")
    return False, Check(
        "collateral", f"holds none of the accepted collateral: {', '.join(p.accepted_collateral)}"
    )


def _guarantee(p: Product, capacity: Capacity) -> tuple[bool, Check]:
    if not p.requires_guarantee:
        return True, Check("guarantee_capacity", "no guarantee needed")
    if capacity.answer is Answer.UNAVAILABLE:
        return False, Check(
            "guarantee_capacity", "the guarantee service did not answer, so guarantee headroom is unknown"
        )
    if capacity.sufficient_guarantors:
        names = ", ".join(capacity.sufficient_guarantors)
        return True, Check("guarantee_capacity", f"guarantor with headroom for the guaranteed part: {names}")
    return False, Check(
        "guarantee_capacity",
        "no guarantor with an agreement with this bank has headroom for the guaranteed part (80%)",
    )
