"""rules/ranking.ranked: the lane merge gives exactly the order of sorting every match by
CONTRACT §5's key (total cost net of subsidies, then rate, then product id), first ``limit``."""

from __future__ import annotations

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from services.loan_match.rules import cost, eligibility, subsidy
from services.loan_match.rules.ranking import Entry, ranked, snapshot_of

WAN = 1_000_000
TYPES = ("pure_credit", "guaranteed", "collateral")


def _entry(i: int, rate: int, kind: str, guarantee: bool, fee: int, off: int, low: int) -> Entry:
    product = eligibility.Product(
        id=str(uuid.UUID(int=i * 7919 % 10_007)),  # ids out of creation order
        bank_org_id=f"bank-{i % 3}",
        name=f"p{i}",
        product_type=kind,
        min_amount_fen=low * WAN,
        max_amount_fen=500 * WAN,
        min_term_months=6,
        max_term_months=36,
        annual_rate_bp=rate,
        requires_guarantee=guarantee,
        guarantee_fee_bp=fee,
        interest_subsidy_bp=off,
    )
    price = cost.pricing(
        annual_rate_bp=rate, interest_subsidy_bp=off, requires_guarantee=guarantee, guarantee_fee_bp=fee
    )
    return Entry(product, eligibility.plan(product), price)


products = st.lists(
    st.tuples(
        st.integers(300, 310),  # few rates, so totals and rates tie often
        st.sampled_from(TYPES),
        st.booleans(),
        st.sampled_from((50, 100)),
        st.sampled_from((0, 1000, 5000)),
        st.sampled_from((10, 200)),  # two amount floors: two criteria groups
    ),
    max_size=60,
)
offers = st.lists(
    st.builds(
        subsidy.Offer,
        st.builds(subsidy.Terms, st.sampled_from((2000, 5000)), st.none() | st.just(50_000), st.none()),
        st.builds(subsidy.Eligible, st.sampled_from(((), ("guaranteed",), ("pure_credit", "collateral")))),
        st.builds(subsidy.Used, st.just(0), st.sampled_from((10**12, 30_000))),
    ),
    max_size=2,
)


@settings(max_examples=200, deadline=None)
@given(products, offers, st.integers(1, 70), st.sampled_from((50 * WAN, 100 * WAN)))
def test_ranked_is_the_sorted_order_of_every_match(
    rows: list[tuple[int, str, bool, int, int, int]], offered: list[subsidy.Offer], limit: int, amount: int
) -> None:
    entries = sorted((_entry(i, *row) for i, row in enumerate(rows)), key=lambda e: e.product.id)
    snapshot = snapshot_of(tuple(entries))
    request = eligibility.Request(amount, 12)
    evaluator = eligibility.Evaluator(
        eligibility.Enterprise("small", "620102", "C3411", 5, 800 * WAN),
        request,
        eligibility.Rating(eligibility.Answer.NONE),
        {},
    )
    matching = [g for g in snapshot.groups if evaluator.eligible(g.sample, g.tests)]

    def key(i: int) -> tuple[int, int, str]:
        p = snapshot.entries[i].product
        estimate = cost.estimate(amount, 12, snapshot.entries[i].price)
        net = estimate.total_fen - subsidy.estimate(estimate.interest_fen, p.product_type, offered)
        return cost.rank_key(net, p.annual_rate_bp, p.id)

    every = sorted((i for g in matching for i in g.members), key=key)
    assert ranked(snapshot, request, matching, limit, offered) == every[:limit]
