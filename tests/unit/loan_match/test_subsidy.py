"""rules/subsidy.py: what a claim may get and what matching may promise (CONTRACT §6)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from services.loan_match.rules.subsidy import (
    Eligible,
    Offer,
    Terms,
    Used,
    claimable,
    enterprise_eligible,
    estimate,
    payable,
    product_eligible,
)

YUAN = 100
# 甘工信发〔2019〕114号: IP-pledge interest 50%, at most 200,000 yuan per enterprise per year.
IP_INTEREST = Terms(share_bp=5000, cap_per_item_fen=None, cap_per_enterprise_year_fen=200_000 * YUAN)
# Patent valuation fee 50%, at most 30,000 yuan per item.
VALUATION_FEE = Terms(share_bp=5000, cap_per_item_fen=30_000 * YUAN, cap_per_enterprise_year_fen=None)
PLENTY = Used(enterprise_year_fen=0, budget_left_fen=10**12)

fen = st.integers(min_value=0, max_value=10**11)
caps = st.none() | st.integers(min_value=1, max_value=10**10)
terms = st.builds(Terms, st.integers(min_value=0, max_value=10_000), caps, caps)
used = st.builds(Used, fen, st.integers(min_value=-(10**6), max_value=10**11))


def test_half_of_the_interest_paid() -> None:
    assert payable(123_457, IP_INTEREST, PLENTY) == 61_729  # 61,728.5 rounds half up


def test_the_annual_cap_of_200000_yuan() -> None:
    assert payable(500_000 * YUAN, IP_INTEREST, PLENTY) == 200_000 * YUAN
    assert payable(500_000 * YUAN, IP_INTEREST, Used(150_000 * YUAN, 10**12)) == 50_000 * YUAN
    assert payable(500_000 * YUAN, IP_INTEREST, Used(200_000 * YUAN, 10**12)) == 0


def test_the_item_cap_of_30000_yuan() -> None:
    assert payable(80_000 * YUAN, VALUATION_FEE, PLENTY) == 30_000 * YUAN
    assert payable(40_000 * YUAN, VALUATION_FEE, PLENTY) == 20_000 * YUAN


def test_the_budget_left() -> None:
    assert payable(100_000 * YUAN, IP_INTEREST, Used(0, 7 * YUAN)) == 7 * YUAN
    assert payable(100_000 * YUAN, IP_INTEREST, Used(0, 0)) == 0


def test_claimable_is_the_same_rule_as_payable() -> None:
    assert claimable(500_000 * YUAN, IP_INTEREST, Used(150_000 * YUAN, 10**12)) == 50_000 * YUAN


@given(fen, terms, used)
def test_never_above_a_cap_or_the_budget(paid: int, t: Terms, u: Used) -> None:
    pay = payable(paid, t, u)
    assert 0 <= pay <= max(0, u.budget_left_fen)
    assert pay * 10_000 <= paid * t.share_bp + 5_000
    if t.cap_per_item_fen is not None:
        assert pay <= t.cap_per_item_fen
    if t.cap_per_enterprise_year_fen is not None:
        assert pay <= max(0, t.cap_per_enterprise_year_fen - u.enterprise_year_fen)


@given(fen, fen, terms, used)
def test_more_paid_never_pays_less(a: int, b: int, t: Terms, u: Used) -> None:
    low, high = sorted((a, b))
    assert payable(low, t, u) <= payable(high, t, u)


@given(fen, terms, used, fen)
def test_more_used_never_pays_more(paid: int, t: Terms, u: Used, extra: int) -> None:
    more_used = Used(u.enterprise_year_fen + extra, u.budget_left_fen - extra)
    assert payable(paid, t, more_used) <= payable(paid, t, u)


@given(terms, st.lists(st.integers(min_value=0, max_value=10**9), max_size=20), fen)
def test_successive_payments_never_pass_the_caps(t: Terms, claims: list[int], budget: int) -> None:
    """Paying claims one after another, each on what is left, never passes the annual cap or budget."""
    year, left = 0, budget
    for claim in claims:
        pay = payable(claim, t, Used(year, left))
        year, left = year + pay, left - pay
    assert left >= 0
    if t.cap_per_enterprise_year_fen is not None:
        assert year <= t.cap_per_enterprise_year_fen


def test_enterprise_eligibility() -> None:
    ip_in_lanzhou = Eligible(collateral=("ip",), sizes=("micro", "small"), region_codes=("620100",))
    assert enterprise_eligible(ip_in_lanzhou, "small", "620102", ["receivables", "ip"])
    assert not enterprise_eligible(ip_in_lanzhou, "small", "620102", ["receivables"])
    assert not enterprise_eligible(ip_in_lanzhou, "medium", "620102", ["ip"])
    assert not enterprise_eligible(ip_in_lanzhou, "small", "620202", ["ip"])
    assert enterprise_eligible(Eligible(region_codes=("620000",)), "medium", "620202", [])
    assert enterprise_eligible(Eligible(), "medium", "110101", [])


def test_product_types_only_narrow_estimates() -> None:
    assert product_eligible(Eligible(product_types=("collateral",)), "collateral")
    assert not product_eligible(Eligible(product_types=("collateral",)), "pure_credit")
    assert product_eligible(Eligible(), "pure_credit")


def offer(t: Terms = IP_INTEREST, u: Used = PLENTY, types: tuple[str, ...] = ()) -> Offer:
    return Offer(t, Eligible(product_types=types), u)


def test_estimate_sums_eligible_programmes_and_drops_once_the_cap_is_used() -> None:
    assert estimate(40_000 * YUAN, "collateral", [offer()]) == 20_000 * YUAN
    assert estimate(40_000 * YUAN, "collateral", [offer(u=Used(195_000 * YUAN, 10**12))]) == 5_000 * YUAN
    assert estimate(40_000 * YUAN, "collateral", [offer(u=Used(200_000 * YUAN, 10**12))]) == 0
    assert estimate(40_000 * YUAN, "pure_credit", [offer(types=("collateral",))]) == 0
    assert estimate(40_000 * YUAN, "collateral", []) == 0


def test_estimate_never_exceeds_the_interest() -> None:
    assert estimate(1_000, "collateral", [offer(), offer(), offer()]) == 1_000


@given(fen, st.lists(st.builds(Offer, terms, st.just(Eligible()), used), max_size=5))
def test_estimate_is_bounded_by_interest_and_by_each_payment(interest: int, offers: list[Offer]) -> None:
    total = estimate(interest, "collateral", offers)
    assert 0 <= total <= interest
    assert total <= sum(payable(interest, o.terms, o.used) for o in offers)


@given(fen, fen, st.lists(st.builds(Offer, terms, st.just(Eligible()), used), max_size=5))
def test_estimate_is_monotonic_in_the_interest(a: int, b: int, offers: list[Offer]) -> None:
    low, high = sorted((a, b))
    assert estimate(low, "collateral", offers) <= estimate(high, "collateral", offers)
