"""CONTRACT §4 allocation rule and the half-up arithmetic every figure uses."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kit.money import allocate, apply_bp, div_half_up, ratio_bp

ORDER = ("bank", "guarantor", "provincial", "national")


@st.composite
def shares(draw: st.DrawFn) -> dict[str, int]:
    cuts = sorted(draw(st.lists(st.integers(0, 10_000), min_size=3, max_size=3)))
    bounds = [0, *cuts, 10_000]
    return {name: bounds[i + 1] - bounds[i] for i, name in enumerate(ORDER)}


@given(st.integers(0, 10**13), shares())
def test_parts_sum_to_the_whole_and_stay_within_one_fen_of_the_exact_share(
    amount: int, bp: dict[str, int]
) -> None:
    parts = allocate(amount, bp)
    assert sum(parts.values()) == amount
    for name in ORDER:
        exact_times_10000 = amount * bp[name]
        assert abs(parts[name] * 10_000 - exact_times_10000) < 10_000
        assert parts[name] >= amount * bp[name] // 10_000


@given(st.integers(0, 10**13), shares())
def test_allocation_is_deterministic(amount: int, bp: dict[str, int]) -> None:
    assert allocate(amount, bp) == allocate(amount, dict(bp))


def _split(amount_fen: int, *bp: int) -> tuple[int, ...]:
    """allocate() over the contract's four parties, in their order."""
    parts = allocate(amount_fen, dict(zip(ORDER, bp, strict=True)))
    assert list(parts) == list(ORDER)
    return tuple(parts.values())


def test_leftover_fen_go_to_largest_remainders_ties_in_contract_order() -> None:
    # 1 fen at 25% each: all remainders tie, the bank gets it.
    assert _split(1, 2500, 2500, 2500, 2500) == (1, 0, 0, 0)
    # 3 fen: bank, guarantor, provincial.
    assert _split(3, 2500, 2500, 2500, 2500) == (1, 1, 1, 0)
    # 2:4:2:2 on 7 fen: exact 1.4/2.8/1.4/1.4; floors 1/2/1/1 leave 2 fen:
    # guarantor (.8), then bank (.4, first of the ties).
    assert _split(7, 2000, 4000, 2000, 2000) == (2, 3, 1, 1)


def test_million_yuan_two_four_two_two() -> None:
    assert _split(100_000_000, 2000, 4000, 2000, 2000) == (20_000_000, 40_000_000, 20_000_000, 20_000_000)


@pytest.mark.parametrize("bad", [{"a": 5000, "b": 4999}, {"a": 10_001, "b": -1}])
def test_shares_must_be_a_whole(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="10000"):
        allocate(100, bad)


def test_half_up() -> None:
    assert div_half_up(5, 2) == 3
    assert div_half_up(4, 2) == 2
    assert div_half_up(7, 3) == 2
    assert apply_bp(1, 7500) == 1  # 0.75 fen rounds up
    assert apply_bp(2, 7500) == 2  # 1.5 fen rounds up
    assert apply_bp(333, 7500) == 250  # 249.75
    assert ratio_bp(1, 3) == 3333
    assert ratio_bp(2, 3) == 6667
    assert ratio_bp(1, 0) == 0


@given(st.integers(0, 10**12), st.integers(1, 10**6))
def test_div_half_up_is_nearest(numerator: int, denominator: int) -> None:
    result = div_half_up(numerator, denominator)
    assert abs(2 * (result * denominator - numerator)) <= denominator
