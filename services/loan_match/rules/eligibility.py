"""Which products an enterprise qualifies for, and why not (CONTRACT §5). Pure: no I/O.

:func:`evaluate` checks all thirteen criteria of a product and returns every failure, not
just the first, so a partner app can tell the enterprise everything that stands in the
way. Facts that come from other services (the rating from credit_push, guarantee
headroom from guarantee) carry whether the service answered: when it did not, only the
criteria that needed it fail, with a detail that says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from services.loan_match.rules.codes import region_covers
from services.loan_match.rules.facts import (
    ALL_SIZES,
    CRITERIA,
    NO_STANDING,
    RATING_ORDER,
    UNAVAILABLE_CAPACITY,
    Answer,
    Capacity,
    Check,
    Criterion,
    Enterprise,
    Outcome,
    Product,
    Rating,
    Request,
    Standing,
)
from services.loan_match.rules.reasons import REASONS, reason

__all__ = [
    "ALL_SIZES",
    "CRITERIA",
    "NO_STANDING",
    "RATING_ORDER",
    "UNAVAILABLE_CAPACITY",
    "Answer",
    "Capacity",
    "Check",
    "Criterion",
    "Enterprise",
    "Evaluator",
    "Outcome",
    "Product",
    "Rating",
    "Request",
    "Standing",
    "Test",
    "evaluate",
    "full_years",
    "plan",
    "rating_at_least",
]


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
    standing: Standing = NO_STANDING,
) -> Outcome:
    """Every criterion ``product`` sets for this enterprise and request, in CONTRACT order."""
    return Evaluator(enterprise, request, rating, capacity, standing).evaluate(product)


CheckFn = Callable[["Product", "Evaluator"], tuple[bool, Check]]


@dataclass(frozen=True)
class Test:
    """One criterion of one product: ``key`` names everything its check depends on besides the
    query, so two products with equal keys get the same check within a query. ``shown``: the
    product sets it, so a match names it among its reasons (a failure is always named)."""

    key: tuple[object, ...]
    check: CheckFn
    shown: bool = True


def plan(p: Product) -> tuple[Test, ...]:
    """The criteria ``p`` sets, in CONTRACT order; amount, term, size and credit standing always.

    Size is always checked (a product's sizes default to the three SME sizes, so a large
    enterprise never qualifies) but named in reasons only when the product narrows it.
    """
    tests = [
        Test(("amount", p.min_amount_fen, p.max_amount_fen), _amount),
        Test(("term", p.min_term_months, p.max_term_months), _term),
    ]
    optional: tuple[tuple[object, tuple[object, ...], CheckFn], ...] = (
        (p.min_rating, ("rating", p.min_rating), _rating),
        (p.tax_multiple, ("tax_multiple", tuple(sorted((p.tax_multiple or {}).items()))), _tax_multiple),
    )
    tests += [Test(key, fn) for sets, key, fn in optional if sets]
    sizes = tuple(p.sizes) or ALL_SIZES
    tests.append(Test(("size", sizes), _size, shown=set(sizes) != set(ALL_SIZES)))
    optional = (
        (p.region_codes, ("region", tuple(p.region_codes)), _region),
        (p.industry_prefixes, ("industry", tuple(p.industry_prefixes)), _industry),
        (p.min_years_in_business, ("years", p.min_years_in_business), _years),
        (p.min_revenue_fen, ("revenue", p.min_revenue_fen), _revenue),
        (p.required_flags, ("flags", tuple(p.required_flags)), _flags),
        (p.accepted_collateral, ("collateral", tuple(p.accepted_collateral)), _collateral),
        (p.requires_guarantee, ("guarantee", p.bank_org_id), _guarantee),
    )
    tests += [Test(key, fn) for sets, key, fn in optional if sets]
    # Every product, set or not; named in reasons never, in failures always.
    tests.append(Test(("credit_standing",), _standing, shown=False))
    return tuple(tests)


@dataclass(eq=False)
class Evaluator:
    """Evaluates many products for one enterprise, request, rating and capacity.

    Within one query only the product varies, and products repeat the same constraints
    (the same amount range, the same bank's guarantee headroom): each criterion's check is
    therefore worked out once per distinct :class:`Test` key and reused, which keeps a query
    against thousands of products cheap. The result is exactly that of evaluating each
    product on its own.
    """

    enterprise: Enterprise
    request: Request
    rating: Rating
    capacity: Mapping[str, Capacity]
    standing: Standing = NO_STANDING
    _memo: dict[tuple[object, ...], tuple[bool, Check]] = field(default_factory=dict, init=False, repr=False)

    def _result(self, p: Product, test: Test) -> tuple[bool, Check]:
        found = self._memo.get(test.key)
        if found is None:
            found = self._memo[test.key] = test.check(p, self)
        return found

    def eligible(self, p: Product, tests: Sequence[Test]) -> bool:
        """Whether ``p`` (whose plan is ``tests``) passes; stops at the first failure."""
        memo = self._memo
        for test in tests:
            found = memo.get(test.key)
            if found is None:
                found = memo[test.key] = test.check(p, self)
            if not found[0]:
                return False
        return True

    def outcome(self, p: Product, tests: Sequence[Test]) -> Outcome:
        """The passed criteria ``p`` sets and every failed one, in CONTRACT order."""
        results = [(test.shown, self._result(p, test)) for test in tests]
        return Outcome(
            passed=tuple(check for shown, (ok, check) in results if ok and shown),
            failed=tuple(check for _, (ok, check) in results if not ok),
        )

    def evaluate(self, p: Product) -> Outcome:
        return self.outcome(p, plan(p))


def _yuan(fen: int) -> str:
    whole, cents = divmod(fen, 100)
    return f"{whole:,}.{cents:02d} 元"


def _amount(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    r = ev.request
    ok = p.min_amount_fen <= r.amount_fen <= p.max_amount_fen
    values = {"amount": _yuan(r.amount_fen), "min": _yuan(p.min_amount_fen), "max": _yuan(p.max_amount_fen)}
    return ok, reason("amount", "amount.within" if ok else "amount.outside", **values)


def _term(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    r = ev.request
    ok = p.min_term_months <= r.term_months <= p.max_term_months
    values = {"term": r.term_months, "min": p.min_term_months, "max": p.max_term_months}
    return ok, reason("term", "term.within" if ok else "term.outside", **values)


def rating_at_least(rating: str, minimum: str) -> bool:
    """A > B > M; C and D (and anything else) never meet a minimum."""
    if rating not in RATING_ORDER or minimum not in RATING_ORDER:
        return False
    return RATING_ORDER.index(rating) <= RATING_ORDER.index(minimum)


# Without the enterprise's authorisation its tax data may not be used for this app (税收征管法
# 第八条; 税总发〔2019〕113号): one detail for every amount, so asking again learns nothing.
NOT_AUTHORISED_DETAIL = REASONS["rating.not_authorised"]


def _rating_missing(criterion: Criterion, rating: Rating, **values: object) -> Check | None:
    """Why ``criterion`` cannot be decided from ``rating``, or None when it can."""
    if rating.answer is Answer.NOT_AUTHORISED:
        return reason(criterion, f"{criterion}.not_authorised")
    if rating.answer is Answer.UNAVAILABLE:
        return reason(criterion, f"{criterion}.unavailable", **values)
    if rating.answer is Answer.NONE or rating.rating is None:
        return reason(criterion, f"{criterion}.none", **values)
    return None


def _rating(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    rating = ev.rating
    if p.min_rating is None:
        return True, reason("rating", "rating.any")
    missing = _rating_missing("rating", rating, minimum=p.min_rating)
    if missing is not None or rating.rating is None:
        return False, missing or reason("rating", "rating.none", minimum=p.min_rating)
    ok = rating_at_least(rating.rating, p.min_rating)
    return ok, reason(
        "rating", "rating.meets" if ok else "rating.below", rating=rating.rating, minimum=p.min_rating
    )


def _tax_multiple(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    r, rating = ev.request, ev.rating
    # The tax figure is used but never shown (CONTRACT §5): details name only the multiple.
    if not p.tax_multiple:
        return True, reason("tax_multiple", "tax_multiple.any")
    missing = _rating_missing("tax_multiple", rating)
    if missing is not None or rating.rating is None:
        return False, missing or reason("tax_multiple", "tax_multiple.none")
    multiple = p.tax_multiple.get(rating.rating)
    if multiple is None:
        return False, reason("tax_multiple", "tax_multiple.no_multiple", rating=rating.rating)
    if rating.avg_annual_tax_fen is None:
        return False, reason("tax_multiple", "tax_multiple.no_figure")
    ok = r.amount_fen <= multiple * rating.avg_annual_tax_fen
    code = "tax_multiple.within" if ok else "tax_multiple.above"
    return ok, reason("tax_multiple", code, multiple=multiple, rating=rating.rating)


def _size(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    e = ev.enterprise
    sizes = tuple(p.sizes) or ALL_SIZES
    ok = e.size in sizes
    return ok, reason("size", "size.in" if ok else "size.out", size=e.size, sizes=", ".join(sizes))


def _region(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    e = ev.enterprise
    if not p.region_codes:
        return True, reason("region", "region.any")
    ok = any(region_covers(code, e.region_code) for code in p.region_codes)
    code = "region.covered" if ok else "region.not_covered"
    return ok, reason("region", code, region=e.region_code, codes=", ".join(p.region_codes))


def _industry(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    e = ev.enterprise
    if not p.industry_prefixes:
        return True, reason("industry", "industry.any")
    ok = any(e.industry_code.startswith(prefix) for prefix in p.industry_prefixes)
    code = "industry.under" if ok else "industry.not_under"
    return ok, reason("industry", code, industry=e.industry_code, prefixes=", ".join(p.industry_prefixes))


def _years(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    e = ev.enterprise
    ok = e.years_in_business >= p.min_years_in_business
    values = {"years": e.years_in_business, "needed": p.min_years_in_business}
    return ok, reason("years_in_business", "years_in_business.count", **values)


def _revenue(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    e = ev.enterprise
    ok = e.revenue_fen >= p.min_revenue_fen
    values = {"revenue": _yuan(e.revenue_fen), "needed": _yuan(p.min_revenue_fen)}
    return ok, reason("revenue", "revenue.amount", **values)


def _flags(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    e = ev.enterprise
    missing = [flag for flag in p.required_flags if flag not in e.flags]
    if not p.required_flags:
        return True, reason("flags", "flags.any")
    if missing:
        return False, reason("flags", "flags.missing", missing=", ".join(missing))
    return True, reason("flags", "flags.held", flags=", ".join(p.required_flags))


def _collateral(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    e = ev.enterprise
    if not p.accepted_collateral:
        return True, reason("collateral", "collateral.any")
    held = [kind for kind in p.accepted_collateral if kind in e.collateral]
    if held:
        return True, reason("collateral", "collateral.held", held=", ".join(held))
    return False, reason("collateral", "collateral.missing", accepted=", ".join(p.accepted_collateral))


def _guarantee(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    capacity = ev.capacity.get(p.bank_org_id, UNAVAILABLE_CAPACITY)
    if not p.requires_guarantee:
        return True, reason("guarantee_capacity", "guarantee_capacity.any")
    if capacity.answer is Answer.UNAVAILABLE:
        return False, reason("guarantee_capacity", "guarantee_capacity.unavailable")
    # Pass or fail for the asked amount only: no guarantor's name or headroom figure, which
    # repeated queries could otherwise narrow down.
    if capacity.sufficient_guarantors:
        return True, reason("guarantee_capacity", "guarantee_capacity.headroom")
    return False, reason("guarantee_capacity", "guarantee_capacity.no_headroom")


# 重大税收违法失信主体信息公布管理办法 (国家税务总局令第54号): the list is public, so it applies
# whether or not the enterprise has authorised the app (CONTRACT §5 ``credit_standing``).
BLACKLISTED_DETAIL = REASONS["credit_standing.blacklisted"]


def _standing(p: Product, ev: Evaluator) -> tuple[bool, Check]:
    if ev.standing.answer is Answer.KNOWN and ev.standing.blacklisted:
        return False, reason("credit_standing", "credit_standing.blacklisted")
    return True, reason("credit_standing", "credit_standing.clear")
