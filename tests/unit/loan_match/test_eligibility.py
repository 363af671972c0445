"""The pure eligibility module: each criterion fails on its own, and every failure is returned."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.loan_match.rules.eligibility import (
    ALL_SIZES,
    BLACKLISTED_DETAIL,
    CRITERIA,
    NOT_AUTHORISED_DETAIL,
    Answer,
    Capacity,
    Check,
    Enterprise,
    Evaluator,
    Product,
    Rating,
    Request,
    Standing,
    evaluate,
    plan,
    rating_at_least,
)

BANK = "bank-1"
# A product that constrains every criterion, and an enterprise that meets all of them.
PRODUCT = Product(
    id="p1",
    bank_org_id=BANK,
    name="全条件产品",
    product_type="guaranteed",
    min_amount_fen=100,
    max_amount_fen=1000,
    min_term_months=6,
    max_term_months=24,
    annual_rate_bp=400,
    min_rating="B",
    tax_multiple={"A": 10, "B": 5},
    sizes=("small",),
    region_codes=("620100",),
    industry_prefixes=("C13",),
    min_years_in_business=2,
    min_revenue_fen=5000,
    required_flags=("high_tech",),
    accepted_collateral=("ip", "equipment"),
    requires_guarantee=True,
)
ENTERPRISE = Enterprise(
    size="small",
    region_code="620102",
    industry_code="C1311",
    years_in_business=2,
    revenue_fen=5000,
    flags=frozenset({"high_tech", "agri_leading"}),
    collateral=frozenset({"equipment"}),
)
REQUEST = Request(amount_fen=500, term_months=12)
RATING = Rating(Answer.KNOWN, "B", avg_annual_tax_fen=100)
CAPACITY = {BANK: Capacity(Answer.KNOWN, ("平凉市融资担保",))}
CLEAN = Standing(Answer.KNOWN, blacklisted=False)
BLACKLISTED = Standing(Answer.KNOWN, blacklisted=True)


def failed(**changes: Any) -> list[str]:
    product = replace(PRODUCT, **changes.pop("product", {}))
    enterprise = replace(ENTERPRISE, **changes.pop("enterprise", {}))
    request = replace(REQUEST, **changes.pop("request", {}))
    rating = changes.pop("rating", RATING)
    capacity = changes.pop("capacity", CAPACITY)
    standing = changes.pop("standing", CLEAN)
    assert not changes
    outcome = evaluate(product, enterprise, request, rating, capacity, standing)
    return [check.criterion for check in outcome.failed]


def test_baseline_passes_every_criterion() -> None:
    outcome = evaluate(PRODUCT, ENTERPRISE, REQUEST, RATING, CAPACITY, CLEAN)
    assert outcome.eligible
    # credit_standing is checked for every product but is no criterion a product sets.
    assert [check.criterion for check in outcome.passed] == [c for c in CRITERIA if c != "credit_standing"]


@pytest.mark.parametrize(
    ("criterion", "changes"),
    [
        ("amount", {"request": {"amount_fen": 99}}),
        ("amount", {"request": {"amount_fen": 1001}, "product": {"tax_multiple": None}}),
        ("term", {"request": {"term_months": 5}}),
        ("term", {"request": {"term_months": 25}}),
        ("rating", {"rating": Rating(Answer.KNOWN, "M", 1000), "product": {"tax_multiple": {"M": 5}}}),
        ("rating", {"rating": Rating(Answer.KNOWN, "C", 1000), "product": {"tax_multiple": {"C": 5}}}),
        ("tax_multiple", {"rating": Rating(Answer.KNOWN, "B", 99)}),
        ("tax_multiple", {"rating": Rating(Answer.KNOWN, "B", None)}),
        ("tax_multiple", {"rating": Rating(Answer.KNOWN, "A", 1000), "product": {"tax_multiple": {"B": 5}}}),
        ("size", {"enterprise": {"size": "medium"}}),
        ("size", {"enterprise": {"size": "large"}, "product": {"sizes": ()}}),
        ("region", {"enterprise": {"region_code": "620202"}}),
        ("industry", {"enterprise": {"industry_code": "C1411"}}),
        ("years_in_business", {"enterprise": {"years_in_business": 1}}),
        ("revenue", {"enterprise": {"revenue_fen": 4999}}),
        ("flags", {"enterprise": {"flags": frozenset({"agri_leading"})}}),
        ("collateral", {"enterprise": {"collateral": frozenset({"real_estate"})}}),
        ("guarantee_capacity", {"capacity": {BANK: Capacity(Answer.KNOWN, ())}}),
        ("guarantee_capacity", {"capacity": {BANK: Capacity(Answer.NONE)}}),
        ("guarantee_capacity", {"capacity": {}}),
        ("credit_standing", {"standing": BLACKLISTED}),
    ],
)
def test_each_criterion_fails_on_its_own(criterion: str, changes: dict[str, Any]) -> None:
    assert failed(**changes) == [criterion]


def test_every_failure_is_returned_in_contract_order() -> None:
    everything_wrong = {
        "request": {"amount_fen": 5000, "term_months": 60},
        "rating": Rating(Answer.KNOWN, "D", 1),
        "enterprise": {
            "size": "large",
            "region_code": "110101",
            "industry_code": "A0111",
            "years_in_business": 0,
            "revenue_fen": 0,
            "flags": frozenset(),
            "collateral": frozenset(),
        },
        "capacity": {BANK: Capacity(Answer.KNOWN, ())},
        "standing": BLACKLISTED,
    }
    assert failed(**everything_wrong) == list(CRITERIA)


def test_no_rating_fails_rating_and_tax_multiple_only() -> None:
    assert failed(rating=Rating(Answer.NONE)) == ["rating", "tax_multiple"]


def test_credit_push_down_fails_only_the_criteria_that_need_it() -> None:
    outcome = evaluate(PRODUCT, ENTERPRISE, REQUEST, Rating(Answer.UNAVAILABLE), CAPACITY)
    assert [c.criterion for c in outcome.failed] == ["rating", "tax_multiple"]
    assert all("did not answer" in c.detail for c in outcome.failed)


def test_credit_push_down_does_not_matter_to_products_without_rating_rules() -> None:
    product = replace(PRODUCT, min_rating=None, tax_multiple=None)
    assert evaluate(product, ENTERPRISE, REQUEST, Rating(Answer.UNAVAILABLE), CAPACITY).eligible


def test_guarantee_down_fails_only_guarantee_capacity() -> None:
    outcome = evaluate(PRODUCT, ENTERPRISE, REQUEST, RATING, {BANK: Capacity(Answer.UNAVAILABLE)})
    assert [(c.criterion, "did not answer" in c.detail) for c in outcome.failed] == [
        ("guarantee_capacity", True)
    ]


def test_tax_figure_is_never_shown() -> None:
    rating = Rating(Answer.KNOWN, "B", avg_annual_tax_fen=98765)
    outcome = evaluate(PRODUCT, ENTERPRISE, replace(REQUEST, amount_fen=1000), rating, CAPACITY)
    assert all("98765" not in c.detail and "98,765" not in c.detail for c in outcome.passed + outcome.failed)


def test_boundaries_are_inclusive() -> None:
    assert failed(request={"amount_fen": 100}) == []
    assert failed(request={"amount_fen": 1000}, rating=Rating(Answer.KNOWN, "A", 100)) == []
    assert failed(request={"term_months": 24}) == []
    # amount == multiple x tax exactly passes
    assert failed(request={"amount_fen": 500}, rating=Rating(Answer.KNOWN, "B", 100)) == []


def test_empty_lists_mean_any() -> None:
    product = replace(
        PRODUCT,
        sizes=(),
        region_codes=(),
        industry_prefixes=(),
        required_flags=(),
        accepted_collateral=(),
    )
    enterprise = replace(
        ENTERPRISE, region_code="110101", industry_code="A0111", flags=frozenset(), collateral=frozenset()
    )
    assert evaluate(product, enterprise, REQUEST, RATING, CAPACITY).eligible


@pytest.mark.parametrize(
    ("rating", "minimum", "ok"),
    [
        ("A", "A", True),
        ("A", "M", True),
        ("B", "A", False),
        ("B", "B", True),
        ("M", "M", True),
        ("M", "B", False),
        ("C", "M", False),
        ("D", "M", False),
    ],
)
def test_rating_order(rating: str, minimum: str, ok: bool) -> None:
    assert rating_at_least(rating, minimum) is ok


def test_one_evaluator_for_many_products_equals_each_on_its_own() -> None:
    """A query evaluates thousands of products with one Evaluator, which reuses a check for
    products sharing a constraint; that must never change any product's outcome."""
    variants: list[Product] = [PRODUCT]
    changed: list[dict[str, Any]] = [
        {"min_amount_fen": 600},
        {"max_term_months": 10},
        {"min_rating": "A"},
        {"min_rating": None, "tax_multiple": None},
        {"tax_multiple": {"B": 4}},
        {"sizes": ("micro", "small")},
        {"region_codes": ("620000",)},
        {"region_codes": ("620200",)},
        {"industry_prefixes": ("C",)},
        {"industry_prefixes": ("C14", "I65")},
        {"min_years_in_business": 3},
        {"min_revenue_fen": 5001},
        {"required_flags": ("high_tech", "specialized_sme")},
        {"accepted_collateral": ("ip",)},
        {"requires_guarantee": False},
        {"bank_org_id": "bank-2"},
        {"bank_org_id": "bank-3", "requires_guarantee": False},
    ]
    for changes in changed:
        variants.append(replace(PRODUCT, id=f"p{len(variants)}", **changes))
    capacity = {BANK: CAPACITY[BANK], "bank-2": Capacity(Answer.KNOWN, ())}
    shared = Evaluator(ENTERPRISE, REQUEST, RATING, capacity)
    for product in variants * 2:
        assert shared.evaluate(product) == evaluate(product, ENTERPRISE, REQUEST, RATING, capacity)
    outcomes = {p.id: [c.criterion for c in shared.evaluate(p).failed] for p in variants}
    assert outcomes["p1"] == ["amount"] and outcomes["p16"] == ["guarantee_capacity"]
    assert outcomes["p17"] == []


@given(amount=st.integers(1, 10**12), tax=st.integers(0, 10**10))
def test_without_authorisation_the_details_do_not_depend_on_the_amount(amount: int, tax: int) -> None:
    """No authorisation: rating and tax_multiple fail with one fixed detail, whatever the
    amount or the (unseen) tax figure, so a search over amounts learns nothing."""
    rating = Rating(Answer.NOT_AUTHORISED, None, tax)
    outcome = evaluate(PRODUCT, ENTERPRISE, Request(amount, 12), rating, CAPACITY)
    wanted = [Check("rating", NOT_AUTHORISED_DETAIL), Check("tax_multiple", NOT_AUTHORISED_DETAIL)]
    assert [c for c in outcome.failed if c.criterion in ("rating", "tax_multiple")] == wanted


def test_reasons_name_only_the_criteria_the_product_sets() -> None:
    bare = Product("p", BANK, "x", "pure_credit", 100, 1000, 6, 24, 400, sizes=ALL_SIZES)
    outcome = evaluate(bare, ENTERPRISE, REQUEST, RATING, CAPACITY)
    assert [c.criterion for c in outcome.passed] == ["amount", "term"]
    narrowed = replace(bare, sizes=("small",), min_revenue_fen=1, requires_guarantee=True)
    passed = evaluate(narrowed, ENTERPRISE, REQUEST, RATING, CAPACITY).passed
    assert [c.criterion for c in passed] == ["amount", "term", "size", "revenue", "guarantee_capacity"]
    # The default sizes are no constraint to show, but a large enterprise still fails them.
    large = evaluate(bare, replace(ENTERPRISE, size="large"), REQUEST, RATING, CAPACITY)
    assert [c.criterion for c in large.failed] == ["size"]


def test_plan_keys_name_their_criterion_and_amount_and_term_come_first() -> None:
    tests = plan(PRODUCT)
    assert len(tests) == len(CRITERIA) and [t.key[0] for t in tests[:2]] == ["amount", "term"]


def test_guarantee_detail_names_no_guarantor_and_no_figure() -> None:
    capacity = {BANK: Capacity(Answer.KNOWN, ("平凉市融资担保",))}
    for amount in (100, 500, 1000):
        outcome = evaluate(PRODUCT, ENTERPRISE, Request(amount, 12), RATING, capacity)
        [check] = [c for c in outcome.passed if c.criterion == "guarantee_capacity"]
        assert "平凉" not in check.detail and not any(ch.isdigit() for ch in check.detail.replace("80%", ""))


BARE = Product(
    id="p2",
    bank_org_id=BANK,
    name="无条件产品",
    product_type="pure_credit",
    min_amount_fen=100,
    max_amount_fen=1000,
    min_term_months=6,
    max_term_months=24,
    annual_rate_bp=400,
)


@pytest.mark.parametrize("product", [PRODUCT, BARE])
@pytest.mark.parametrize("rating", [RATING, Rating(Answer.NOT_AUTHORISED), Rating(Answer.UNAVAILABLE)])
def test_a_blacklisted_enterprise_fails_every_product_authorised_or_not(
    product: Product, rating: Rating
) -> None:
    outcome = evaluate(product, ENTERPRISE, REQUEST, rating, CAPACITY, BLACKLISTED)
    assert not outcome.eligible
    [standing] = [c for c in outcome.failed if c.criterion == "credit_standing"]
    assert standing.detail == BLACKLISTED_DETAIL and "重大税收违法失信主体" in standing.detail


@pytest.mark.parametrize("standing", [Standing(Answer.NONE), Standing(Answer.UNAVAILABLE), CLEAN])
def test_an_unknown_or_clean_standing_invents_no_failure(standing: Standing) -> None:
    outcome = evaluate(BARE, ENTERPRISE, REQUEST, RATING, CAPACITY, standing)
    assert outcome.eligible
    assert "credit_standing" not in [c.criterion for c in outcome.passed]  # never a reason


def test_a_blacklisted_enterprise_fails_only_credit_standing_otherwise() -> None:
    assert failed(standing=BLACKLISTED) == ["credit_standing"]
    assert failed(standing=Standing(Answer.KNOWN, blacklisted=False)) == []
