"""rules.weights: the client's weights (融资担保责任余额计量办法) and the registration's judgement."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kit.money import yuan
from services.guarantee.rules.weights import Guarantor, Held, client_weights, judge_registration, weight

FIVE_M = yuan(5_000_000)


@st.composite
def held(draw: st.DrawFn) -> Held:
    outstanding = draw(st.integers(0, yuan(6_000_000)))
    guaranteed = draw(st.integers(0, outstanding))
    return Held(outstanding, guaranteed, draw(st.booleans()), outstanding)


books = st.lists(held(), max_size=6)


def stored(items: list[Held]) -> list[Held]:
    """The same exposures with the weights a consistent store holds for them."""
    return [
        Held(h.outstanding_fen, h.guaranteed_fen, h.small_micro, h.principal_fen, w)
        for h, w in zip(items, client_weights(items), strict=True)
    ]


class TestWeight:
    def test_the_clients_balance_decides_not_the_loan(self) -> None:
        one = Held(yuan(1_000_000), yuan(800_000), small_micro=True)
        assert weight(one, client_outstanding_fen=FIVE_M) == yuan(600_000)
        assert weight(one, client_outstanding_fen=FIVE_M + 1) == yuan(800_000)

    def test_half_up_and_not_small_micro(self) -> None:
        assert weight(Held(4, 3, small_micro=True), 4) == 2  # 2.25
        assert weight(Held(4, 2, small_micro=True), 4) == 2  # 1.5 -> 2
        assert weight(Held(4, 3, small_micro=False), 4) == 3

    @given(books)
    def test_weights_never_exceed_100_percent_and_are_75_or_100(self, items: list[Held]) -> None:
        balance = sum(h.outstanding_fen for h in items)
        for h, w in zip(items, client_weights(items), strict=True):
            assert 0 <= w <= h.guaranteed_fen
            if h.small_micro and balance <= FIVE_M:
                assert -2 < 4 * w - 3 * h.guaranteed_fen <= 2  # |w - 0.75 g| <= 1/2, halves up
            else:
                assert w == h.guaranteed_fen

    @given(books, st.randoms())
    def test_recomputation_is_order_independent(self, items: list[Held], rnd: object) -> None:
        shuffled = list(range(len(items)))
        rnd.shuffle(shuffled)  # type: ignore[attr-defined]
        weights = client_weights(items)
        again = client_weights([items[i] for i in shuffled])
        assert [weights[i] for i in shuffled] == again


ROOMY = Guarantor(net_assets_fen=yuan(100_000_000), leverage_multiple=10, liability_fen=0)


class TestJudgement:
    def test_lifting_a_client_over_5m_is_judged_with_the_new_weights(self) -> None:
        # Held: 4m outstanding, 3.2m guaranteed at 75% = 2.4m. New: 2m (1.6m guaranteed).
        before = stored([Held(yuan(4_000_000), yuan(3_200_000), True, yuan(4_000_000))])
        new = Held(yuan(2_000_000), yuan(1_600_000), True, yuan(2_000_000))
        j = judge_registration(ROOMY, before, new)
        assert j.weights == [yuan(3_200_000), yuan(1_600_000)]  # both at 100% now
        assert j.requested_fen == yuan(4_800_000) - yuan(2_400_000)
        cap = Guarantor(yuan(24_000_000), 10, 0)  # single-client cap 2.4m: the old weights fill it
        refused = judge_registration(cap, before, new)
        assert refused.breach is not None and refused.breach.slug == "single-client-limit-exceeded"
        assert (refused.breach.current_fen, refused.breach.requested_fen) == (
            yuan(2_400_000),
            yuan(2_400_000),
        )

    @given(books, held(), st.integers(0, yuan(1_000_000)), st.integers(1, 15))
    def test_requested_is_the_rise_of_the_total_and_judged_as_check_limits(
        self, items: list[Held], new: Held, net: int, multiple: int
    ) -> None:
        before = stored(items)
        g = Guarantor(net, multiple, liability_fen=sum(h.weighted_fen for h in before))
        j = judge_registration(g, before, new)
        assert j.requested_fen == sum(client_weights([*items, new])) - g.liability_fen
        assert j.requested_fen >= 0  # more outstanding never weighs less
        total = g.liability_fen + j.requested_fen
        assert (j.breach is None) == (total <= net * multiple and total <= net // 10)

    def test_policy_scope_is_the_clients_principal(self) -> None:
        held_ = stored([Held(yuan(4_000_000), 0, False, yuan(9_000_000))])
        assert judge_registration(ROOMY, held_, Held(1, 0, False, yuan(1_000_000))).in_scope
        assert not judge_registration(ROOMY, held_, Held(1, 0, False, yuan(1_000_000) + 1)).in_scope
