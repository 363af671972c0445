"""Cost estimation: exact integer arithmetic, half up to the fen (CONTRACT §5)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from services.loan_match.rules.cost import (
    Pricing,
    estimate,
    estimates,
    guarantee_fee_fen,
    interest_fen,
    pricing,
    rank_key,
)


def half_up(value: Fraction) -> int:
    return int(value + Fraction(1, 2)) if value >= 0 else -1


def test_worked_example() -> None:
    # 100万元 at 3.85% for 12 months: 38,500.00 元 interest.
    assert interest_fen(100_000_000, 385, 0, 12) == 3_850_000
    # With a 50% subsidy, 9 months: 1,000,000 x 0.0385 x 0.5 x 0.75 = 14,437.50 元.
    assert interest_fen(100_000_000, 385, 5000, 9) == 1_443_750
    # Guarantee fee 1% for 18 months on 100万: 15,000.00 元.
    assert guarantee_fee_fen(100_000_000, 100, 18) == 1_500_000


def test_rounding_is_half_up_once() -> None:
    # 1 fen x 5000 bp x 12/12 = 0.5 fen -> 1; 1 fen x 4999 bp -> 0.4999 -> 0.
    assert interest_fen(1, 5000, 0, 12) == 1
    assert interest_fen(1, 4999, 0, 12) == 0
    # 3 fen at 100 bp for 1 month = 0.0025 fen -> 0; 200 fen x 300bp x 1/12 = 0.5 -> 1.
    assert interest_fen(3, 100, 0, 1) == 0
    assert interest_fen(200, 300, 0, 1) == 1


def test_guarantee_fee_only_when_required() -> None:
    common: dict[str, int] = {"annual_rate_bp": 400, "interest_subsidy_bp": 0, "guarantee_fee_bp": 100}
    with_guarantee = estimate(100_000_000, 12, pricing(**common, requires_guarantee=True))
    without = estimate(100_000_000, 12, pricing(**common, requires_guarantee=False))
    assert (with_guarantee.guarantee_fee_fen, without.guarantee_fee_fen) == (1_000_000, 0)
    assert with_guarantee.total_fen == 4_000_000 + 1_000_000


@given(
    amount=st.integers(1, 10**12),
    rate=st.integers(0, 10_000),
    subsidy=st.integers(0, 10_000),
    term=st.integers(1, 600),
)
def test_interest_equals_exact_fraction_rounded_half_up(
    amount: int, rate: int, subsidy: int, term: int
) -> None:
    exact = Fraction(amount) * Fraction(rate, 10_000) * (1 - Fraction(subsidy, 10_000)) * Fraction(term, 12)
    assert interest_fen(amount, rate, subsidy, term) == half_up(exact)


@given(amount=st.integers(1, 10**12), fee=st.integers(0, 10_000), term=st.integers(1, 600))
def test_fee_equals_exact_fraction_rounded_half_up(amount: int, fee: int, term: int) -> None:
    exact = Fraction(amount) * Fraction(fee, 10_000) * Fraction(term, 12)
    assert guarantee_fee_fen(amount, fee, term) == half_up(exact)


def test_rank_key_orders_cost_then_rate_then_id() -> None:
    keys = [rank_key(100, 400, "b"), rank_key(100, 300, "c"), rank_key(90, 900, "z"), rank_key(100, 300, "a")]
    assert sorted(keys) == [(90, 900, "z"), (100, 300, "a"), (100, 300, "c"), (100, 400, "b")]


@given(
    amount=st.integers(1, 10**12),
    rate=st.integers(0, 10_000),
    subsidy=st.integers(0, 10_000),
    fee=st.integers(0, 10_000),
    term=st.integers(1, 600),
    guaranteed=st.booleans(),
)
def test_estimate_from_pricing_equals_the_formulas(
    amount: int, rate: int, subsidy: int, fee: int, term: int, guaranteed: bool
) -> None:
    """A product's pricing is worked out once; the estimate must equal the contract formulas."""
    price = pricing(
        annual_rate_bp=rate, interest_subsidy_bp=subsidy, requires_guarantee=guaranteed, guarantee_fee_bp=fee
    )
    found = estimate(amount, term, price)
    assert found.interest_fen == interest_fen(amount, rate, subsidy, term)
    assert found.guarantee_fee_fen == (guarantee_fee_fen(amount, fee, term) if guaranteed else 0)


prices = st.builds(Pricing, st.integers(0, 10_000 * 10_000), st.integers(0, 10_000))


@given(amount=st.integers(0, 10**13), term=st.integers(1, 600), prices=st.lists(prices, max_size=20))
def test_estimates_equal_estimate_of_each_price(amount: int, term: int, prices: list[Pricing]) -> None:
    assert estimates(amount, term, prices) == [estimate(amount, term, p) for p in prices]
