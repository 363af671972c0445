"""The pure rules: allocation, weighting, limits, default and recovery laws."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kit.money import yuan
from services.guarantee import rules

P = rules.PARTIES
S2422 = {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2000}


@st.composite
def valid_shares(draw: st.DrawFn) -> dict[str, int]:
    national = draw(st.integers(2000, 4000))
    bank = draw(st.integers(2000, 10_000 - 2 * national))
    provincial = draw(st.integers(national, 10_000 - bank - national))
    return {
        "bank": bank,
        "guarantor": 10_000 - bank - national - provincial,
        "provincial": provincial,
        "national": national,
    }


amounts = st.integers(0, 10**12)


class TestSplit:
    def test_2422_on_an_awkward_amount(self) -> None:
        # 1 fen goes to the largest remainder; all four remainders tie except the guarantor's.
        assert rules.split(1, S2422) == {"bank": 0, "guarantor": 1, "provincial": 0, "national": 0}
        assert rules.split(3, S2422) == {"bank": 1, "guarantor": 1, "provincial": 1, "national": 0}
        assert rules.split(7, S2422) == {"bank": 2, "guarantor": 3, "provincial": 1, "national": 1}

    def test_ties_follow_the_party_order(self) -> None:
        shares = {"bank": 2500, "guarantor": 2500, "provincial": 2500, "national": 2500}
        assert rules.split(3, shares) == {"bank": 1, "guarantor": 1, "provincial": 1, "national": 0}
        # Order of the mapping given does not matter: the rule's order does.
        reversed_shares = dict(reversed(list(shares.items())))
        assert rules.split(3, reversed_shares) == {"bank": 1, "guarantor": 1, "provincial": 1, "national": 0}

    @settings(max_examples=400)
    @given(amount=amounts, shares=valid_shares())
    def test_parts_sum_to_the_whole_within_one_fen_of_exact(
        self, amount: int, shares: dict[str, int]
    ) -> None:
        parts = rules.split(amount, shares)
        assert list(parts) == list(P)
        assert sum(parts.values()) == amount
        for p in P:
            exact_floor = amount * shares[p] // 10_000
            assert exact_floor <= parts[p] <= exact_floor + 1

    @given(amount=amounts, shares=valid_shares())
    def test_deterministic(self, amount: int, shares: dict[str, int]) -> None:
        assert rules.split(amount, shares) == rules.split(amount, dict(shares))


class TestShares:
    def test_2422_is_valid(self) -> None:
        assert rules.check_shares(S2422) is None

    @pytest.mark.parametrize(
        ("shares", "slug"),
        [
            ({"bank": 1999, "guarantor": 4001, "provincial": 2000, "national": 2000}, "bank-share-too-low"),
            (
                {"bank": 2000, "guarantor": 4001, "provincial": 2000, "national": 1999},
                "national-share-out-of-range",
            ),
            (
                {"bank": 2000, "guarantor": 0, "provincial": 3900, "national": 4100},
                "national-share-out-of-range",
            ),
            (
                {"bank": 2000, "guarantor": 4100, "provincial": 1900, "national": 2000},
                "provincial-share-below-national",
            ),
            (
                {"bank": 2000, "guarantor": 4000, "provincial": 2000, "national": 2001},
                "provincial-share-below-national",
            ),
            (
                {"bank": 2000, "guarantor": 4001, "provincial": 2000, "national": 2000},
                "shares-do-not-sum-to-10000",
            ),
            (
                {"bank": 2000, "guarantor": 3999, "provincial": 2000, "national": 2000},
                "shares-do-not-sum-to-10000",
            ),
            ({"bank": 6000, "guarantor": -1, "provincial": 2001, "national": 2000}, "negative-share"),
        ],
    )
    def test_each_rule_has_its_slug(self, shares: dict[str, int], slug: str) -> None:
        violation = rules.check_shares(shares)
        assert violation is not None
        assert violation.slug == slug

    def test_edges_are_allowed(self) -> None:
        assert (
            rules.check_shares({"bank": 2000, "guarantor": 0, "provincial": 4000, "national": 4000}) is None
        )
        assert (
            rules.check_shares({"bank": 6000, "guarantor": 0, "provincial": 2000, "national": 2000}) is None
        )

    @given(shares=valid_shares())
    def test_generated_shares_are_valid(self, shares: dict[str, int]) -> None:
        assert rules.check_shares(shares) is None


class TestFigures:
    def test_figures_of_a_2422_million_yuan_loan(self) -> None:
        f = rules.figures(yuan(1_000_000), S2422)
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
        released = rules.released(rules.split(before, shares), rules.split(after, shares))
        assert sum(released.values()) == before - after


class TestLimits:
    def test_leverage_first_then_single_client(self) -> None:
        both = rules.check_limits(
            net_assets_fen=1000,
            leverage_multiple=10,
            liability_fen=9990,
            client_liability_fen=100,
            requested_fen=11,
        )
        assert both is not None
        assert (both.slug, both.limit_fen, both.current_fen, both.requested_fen) == (
            "leverage-limit-exceeded",
            10_000,
            9990,
            11,
        )
        client = rules.check_limits(
            net_assets_fen=1000,
            leverage_multiple=10,
            liability_fen=0,
            client_liability_fen=99,
            requested_fen=2,
        )
        assert client is not None
        assert (client.slug, client.limit_fen, client.current_fen) == (
            "single-client-limit-exceeded",
            100,
            99,
        )

    def test_exactly_at_the_limits_passes(self) -> None:
        assert (
            rules.check_limits(
                net_assets_fen=1000,
                leverage_multiple=10,
                liability_fen=9900,
                client_liability_fen=0,
                requested_fen=100,
            )
            is None
        )

    def test_single_client_cap_rounds_down(self) -> None:
        assert rules.single_client_cap(1009) == 100
        assert rules.headroom(100, 10, 1500) == 0


class TestDefaultAndRecovery:
    def test_default_of_a_2422_loan(self) -> None:
        out = rules.default_outcome(yuan(600_000) + 3, S2422)
        assert out.losses_fen == {
            "bank": 12_000_001,
            "guarantor": 24_000_001,
            "provincial": 12_000_001,
            "national": 12_000_000,
        }
        assert out.compensation_fen == yuan(600_000) + 3 - 12_000_001

    def test_alabama_paradox_never_takes_money_back(self) -> None:
        shares = {"bank": 3206, "guarantor": 213, "provincial": 3650, "national": 2931}
        losses = rules.split(1000, shares)
        # The literal rule would give the guarantor 1 fen at 20 and 0 at 21.
        assert rules.split(20, shares)["guarantor"] == 1
        assert rules.split(21, shares)["guarantor"] == 0
        first = rules.recovery_allocation(
            recovered_before=dict.fromkeys(P, 0), amount_fen=20, losses_fen=losses, shares_bp=shares
        )
        assert first == rules.split(20, shares)
        second = rules.recovery_allocation(
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
        losses = rules.split(defaulted, shares)
        points = sorted({min(c, defaulted) for c in cuts} | {defaulted})
        got = dict.fromkeys(P, 0)
        total = 0
        for point in points:
            amount = point - total
            before = dict(got)
            alloc = rules.recovery_allocation(
                recovered_before=got, amount_fen=amount, losses_fen=losses, shares_bp=shares
            )
            assert sum(alloc.values()) == amount  # every fen recovered goes to someone
            assert all(v >= 0 for v in alloc.values())  # nobody pays back
            got = {p: got[p] + alloc[p] for p in P}
            assert all(got[p] <= losses[p] for p in P)  # nobody gets back more than its loss
            target = rules.split(point, shares)
            if all(before[p] <= target[p] <= losses[p] for p in P):
                assert got == target  # the contract's rule, exactly, whenever it is well behaved
            total = point
        assert got == losses  # recovering everything makes every party whole

    def test_recovery_beyond_the_default_is_refused(self) -> None:
        with pytest.raises(ValueError, match="within the defaulted"):
            rules.recovery_allocation(
                recovered_before=dict.fromkeys(P, 0),
                amount_fen=11,
                losses_fen=rules.split(10, S2422),
                shares_bp=S2422,
            )
