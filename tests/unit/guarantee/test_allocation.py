"""rules.allocation: splitting amounts, defaults and recoveries along the chain, to the fen."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.money import yuan
from services.guarantee.rules import allocation, chain
from tests.unit.guarantee.strategies import S2422, amounts, valid_shares

P = chain.PARTIES


class TestSplit:
    def test_2422_on_an_awkward_amount(self) -> None:
        # 1 fen goes to the largest remainder; all four remainders tie except the guarantor's.
        assert allocation.split(1, S2422) == {"bank": 0, "guarantor": 1, "provincial": 0, "national": 0}
        assert allocation.split(3, S2422) == {"bank": 1, "guarantor": 1, "provincial": 1, "national": 0}
        assert allocation.split(7, S2422) == {"bank": 2, "guarantor": 3, "provincial": 1, "national": 1}

    def test_ties_follow_the_party_order(self) -> None:
        shares = {"bank": 2500, "guarantor": 2500, "provincial": 2500, "national": 2500}
        assert allocation.split(3, shares) == {"bank": 1, "guarantor": 1, "provincial": 1, "national": 0}
        # Order of the mapping given does not matter: the rule's order does.
        reversed_shares = dict(reversed(list(shares.items())))
        assert allocation.split(3, reversed_shares) == {
            "bank": 1,
            "guarantor": 1,
            "provincial": 1,
            "national": 0,
        }

    @settings(max_examples=400)
    @given(amount=amounts, shares=valid_shares())
    def test_parts_sum_to_the_whole_within_one_fen_of_exact(
        self, amount: int, shares: dict[str, int]
    ) -> None:
        parts = allocation.split(amount, shares)
        assert list(parts) == list(P)
        assert sum(parts.values()) == amount
        for p in P:
            exact_floor = amount * shares[p] // 10_000
            assert exact_floor <= parts[p] <= exact_floor + 1

    @given(amount=amounts, shares=valid_shares())
    def test_deterministic(self, amount: int, shares: dict[str, int]) -> None:
        assert allocation.split(amount, shares) == allocation.split(amount, dict(shares))


class TestFigures:
    def test_figures_of_a_2422_million_yuan_loan(self) -> None:
        f = allocation.figures(yuan(1_000_000), S2422)
        assert f.shares_fen == {
            "bank": yuan(200_000),
            "guarantor": yuan(400_000),
            "provincial": yuan(200_000),
            "national": yuan(200_000),
        }
        assert f.guaranteed_fen == yuan(800_000)

    @given(before=amounts, paid=amounts, shares=valid_shares())
    def test_releases_add_up_to_the_amount_repaid(
        self, before: int, paid: int, shares: dict[str, int]
    ) -> None:
        after = max(0, before - paid)
        released = allocation.released(allocation.split(before, shares), allocation.split(after, shares))
        assert sum(released.values()) == before - after


class TestDefaultAndRecovery:
    def test_default_of_a_2422_loan(self) -> None:
        out = allocation.default_outcome(yuan(600_000) + 3, S2422)
        assert out.losses_fen == {
            "bank": 12_000_001,
            "guarantor": 24_000_001,
            "provincial": 12_000_001,
            "national": 12_000_000,
        }
        assert out.compensation_fen == yuan(600_000) + 3 - 12_000_001

    def test_alabama_paradox_never_takes_money_back(self) -> None:
        shares = {"bank": 3206, "guarantor": 213, "provincial": 3650, "national": 2931}
        losses = allocation.split(1000, shares)
        # The literal rule would give the guarantor 1 fen at 20 and 0 at 21.
        assert allocation.split(20, shares)["guarantor"] == 1
        assert allocation.split(21, shares)["guarantor"] == 0
        first = allocation.recovery_allocation(
            recovered_before=dict.fromkeys(P, 0), amount_fen=20, losses_fen=losses, shares_bp=shares
        )
        assert first == allocation.split(20, shares)
        second = allocation.recovery_allocation(
            recovered_before=first, amount_fen=1, losses_fen=losses, shares_bp=shares
        )
        assert all(v >= 0 for v in second.values())
        assert sum(second.values()) == 1

    @settings(max_examples=300)
    @given(
        shares=valid_shares(),
        defaulted=st.integers(0, 10**9),
        cuts=st.lists(st.integers(0, 10**9), max_size=8),
    )
    def test_recovery_laws(self, shares: dict[str, int], defaulted: int, cuts: list[int]) -> None:
        losses = allocation.split(defaulted, shares)
        points = sorted({min(c, defaulted) for c in cuts} | {defaulted})
        got = dict.fromkeys(P, 0)
        total = 0
        for point in points:
            amount = point - total
            before = dict(got)
            alloc = allocation.recovery_allocation(
                recovered_before=got, amount_fen=amount, losses_fen=losses, shares_bp=shares
            )
            assert sum(alloc.values()) == amount  # every fen recovered goes to someone
            assert all(v >= 0 for v in alloc.values())  # nobody pays back
            got = {p: got[p] + alloc[p] for p in P}
            assert all(got[p] <= losses[p] for p in P)  # nobody gets back more than its loss
            target = allocation.split(point, shares)
            if all(before[p] <= target[p] <= losses[p] for p in P):
                assert got == target  # the contract's rule, exactly, whenever it is well behaved
            total = point
        assert got == losses  # recovering everything makes every party whole

    def test_recovery_beyond_the_default_is_refused(self) -> None:
        with pytest.raises(ValueError, match="within the defaulted"):
            allocation.recovery_allocation(
                recovered_before=dict.fromkeys(P, 0),
                amount_fen=11,
                losses_fen=allocation.split(10, S2422),
                shares_bp=S2422,
            )
