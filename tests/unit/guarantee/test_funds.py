"""The policy-fund rules (CONTRACT §6): pool payouts and recoveries, overdue ratio, bridge fees."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.guarantee.rules import funds

fen = st.integers(min_value=0, max_value=10**13)
bp = st.integers(min_value=0, max_value=10_000)


def test_payout_is_the_share_of_the_outstanding_half_up() -> None:
    assert funds.pool_payout(1_000_001, 5_000, 10**9) == funds.Payout(500_001, 0)  # 500000.5 -> up
    assert funds.pool_payout(1_000_001, 4_999, 10**9) == funds.Payout(499_900, 0)  # 499900.4999 -> down


def test_payout_stops_at_the_balance_and_reports_the_rest() -> None:
    assert funds.pool_payout(1_000_000, 8_000, 300_000) == funds.Payout(300_000, 500_000)
    assert funds.pool_payout(1_000_000, 8_000, 0) == funds.Payout(0, 800_000)


@given(fen, bp, fen)
def test_payout_never_exceeds_the_balance_and_adds_up(defaulted: int, share: int, balance: int) -> None:
    payout = funds.pool_payout(defaulted, share, balance)
    assert 0 <= payout.compensation_fen <= balance
    assert payout.uncovered_fen >= 0
    assert payout.compensation_fen + payout.uncovered_fen == (defaulted * share * 2 + 10_000) // 20_000


def test_recovery_share_is_the_two_party_allocation_rule() -> None:
    # The pool bore 1/3 of 3 fen: 1 fen recovered gives it 0.333 -> 0, 2 fen 0.667 -> 1, 3 fen all 1.
    assert [funds.pool_recovery_share(t, 1, 3) for t in range(4)] == [0, 0, 1, 1]
    # A tie (half a fen) goes to the pool, listed first.
    assert funds.pool_recovery_share(1, 1, 2) == 1
    assert funds.pool_recovery_share(5, 0, 0) == 0


@given(
    st.integers(min_value=1, max_value=10**12),
    st.integers(min_value=0, max_value=10_000),
    st.lists(st.integers(min_value=1, max_value=10**11), min_size=1, max_size=12),
)
def test_recoveries_return_exactly_what_was_paid_in_proportion(
    defaulted: int, share: int, amounts: list[int]
) -> None:
    paid = funds.pool_payout(defaulted, share, 10**15).compensation_fen
    recovered, back = 0, 0
    for amount in amounts:
        amount = min(amount, defaulted - recovered)
        part = funds.pool_recovery(recovered, amount, paid, defaulted)
        assert 0 <= part <= amount
        recovered, back = recovered + amount, back + part
        assert back == funds.pool_recovery_share(recovered, paid, defaulted)  # cumulative: exact to the fen
    assert back <= paid
    # Recovering the rest returns all the pool paid, to the fen.
    rest = funds.pool_recovery(recovered, defaulted - recovered, paid, defaulted)
    assert back + rest == paid


@given(fen, fen)
def test_overdue_ratio_is_half_up_and_bounded(overdue: int, extra: int) -> None:
    outstanding = overdue + extra
    ratio = funds.overdue_ratio_bp(overdue, outstanding)
    assert 0 <= ratio <= 10_000
    if outstanding:
        assert abs(ratio * outstanding - overdue * 10_000) * 2 <= outstanding


def test_suspension_at_the_stop_line() -> None:
    assert funds.suspended(500, 10_000, 500)  # 5% reaches 5%
    assert not funds.suspended(499, 10_000, 500)
    assert not funds.suspended(0, 0, 1)  # nothing outstanding: nothing to stop


@pytest.mark.parametrize(
    ("amount", "daily_bp", "days", "fee"),
    [
        (1_000_000, 5, 10, 5_000),
        (1, 5, 1_000, 1),  # 0.5 fen -> up
        (1, 4, 1_000, 0),  # 0.4 fen -> down
        (333, 3, 5, 0),  # 0.4995 -> down
        (334, 3, 5, 1),  # 0.501 -> up
    ],
)
def test_bridge_fee_examples(amount: int, daily_bp: int, days: int, fee: int) -> None:
    assert funds.bridge_fee(amount, daily_bp, days) == fee


@given(fen, bp, st.integers(min_value=1, max_value=3650))
def test_bridge_fee_is_half_up(amount: int, daily_bp: int, days: int) -> None:
    exact2 = 2 * amount * daily_bp * days  # twice the fee in 1/10000 fen
    fee = funds.bridge_fee(amount, daily_bp, days)
    assert 2 * fee * 10_000 - 10_000 <= exact2 < 2 * fee * 10_000 + 10_000


def test_due_on_and_status() -> None:
    due = funds.bridge_due_on(dt.date(2026, 1, 31), 30)
    assert due == dt.date(2026, 3, 2)
    assert funds.bridge_status(False, due, due) == "active"  # due today is not yet overdue
    assert funds.bridge_status(False, due, due + dt.timedelta(days=1)) == "overdue"
    assert funds.bridge_status(True, due, due + dt.timedelta(days=99)) == "repaid"


@given(fen, fen, fen)
def test_fits_fund(outstanding: int, amount: int, size: int) -> None:
    assert funds.fits_fund(outstanding, amount, size) == (outstanding + amount <= size)
