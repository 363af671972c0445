"""The compiled catalogue and the ranking of matches (CONTRACT §5: total cost net of policy
subsidies, then rate, then product id). Pure: no I/O.

The active products are compiled once per catalogue version into a :class:`Snapshot`: grouped
by equal criteria (one evaluation decides a group) and, within a group, into lanes of equal
price, type and rate (one total cost per query), so a query's work is per group and per lane,
never per matching product.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from services.loan_match.rules import cost, eligibility, subsidy


@dataclass(frozen=True)
class Entry:
    """One active product as matching uses it: its rule value, the criteria it sets, its price."""

    product: eligibility.Product
    tests: tuple[eligibility.Test, ...]
    price: cost.Pricing


@dataclass(frozen=True)
class Lane:
    """Members of one group with the same price, product type and rate: within a query they
    have one total cost, so they rank by product id alone (CONTRACT §5), an order fixed when
    the catalogue is loaded. A query ranks lanes, not products."""

    price: int  # position in Snapshot.prices
    product_type: str
    annual_rate_bp: int
    members: tuple[tuple[str, int], ...]  # (product id, position in Snapshot.entries), id order


@dataclass(frozen=True)
class Group:
    """Products whose criteria have equal keys, so one evaluation decides them all: products
    repeat the same constraints, and a catalogue of thousands has a few dozen groups."""

    sample: eligibility.Product
    tests: tuple[eligibility.Test, ...]
    members: tuple[int, ...]  # positions in Snapshot.entries
    banks: frozenset[str]
    lanes: tuple[Lane, ...] = ()


@dataclass(frozen=True)
class Snapshot:
    """The catalogue at one version: products in id order, grouped by criteria, each with the
    position of its price among the distinct ``prices``; and the banks whose products need
    guarantee headroom (one capacity call each per query)."""

    entries: tuple[Entry, ...]
    groups: tuple[Group, ...]
    prices: tuple[cost.Pricing, ...]
    price_of: tuple[int, ...]
    group_of: tuple[int, ...]  # each entry's position in ``groups``
    guarantee_banks: frozenset[str]


def snapshot_of(entries: tuple[Entry, ...]) -> Snapshot:
    by_keys: dict[tuple[object, ...], list[int]] = {}
    prices: dict[cost.Pricing, int] = {}
    price_of = []
    for i, entry in enumerate(entries):
        by_keys.setdefault(tuple(t.key for t in entry.tests), []).append(i)
        price_of.append(prices.setdefault(entry.price, len(prices)))
    groups = tuple(
        Group(
            entries[members[0]].product,
            entries[members[0]].tests,
            tuple(members),
            frozenset(entries[i].product.bank_org_id for i in members),
            _lanes(entries, members, price_of),
        )
        for members in by_keys.values()
    )
    group_of = [0] * len(entries)
    for g, group in enumerate(groups):
        for i in group.members:
            group_of[i] = g
    banks = frozenset(e.product.bank_org_id for e in entries if e.product.requires_guarantee)
    return Snapshot(entries, groups, tuple(prices), tuple(price_of), tuple(group_of), banks)


def _lanes(entries: tuple[Entry, ...], members: list[int], price_of: list[int]) -> tuple[Lane, ...]:
    by_lane: dict[tuple[int, str, int], list[tuple[str, int]]] = {}
    for i in members:  # entries are in id order, so each lane's members are too
        p = entries[i].product
        by_lane.setdefault((price_of[i], p.product_type, p.annual_rate_bp), []).append((p.id, i))
    return tuple(Lane(*key, tuple(found)) for key, found in by_lane.items())


EMPTY = snapshot_of(())


def ranked(
    snapshot: Snapshot,
    request: eligibility.Request,
    matching: Sequence[Group],
    limit: int,
    offers: Sequence[subsidy.Offer] = (),
) -> list[int]:
    """Positions of the first ``limit`` matches of the ``matching`` groups in ranking order
    (CONTRACT §5: total cost net of policy subsidies, then rate, then product id).

    Products of one lane share their total and rate and are already in id order, so each
    lane is one sorted run: a heap of the lanes' heads yields the first ``limit`` in order.
    The work is per distinct price, per lane and per shown match, never per matching product.
    """
    costs = cost.estimates(request.amount_fen, request.term_months, snapshot.prices)
    totals: dict[tuple[int, str], int] = {}
    heads: list[tuple[int, int, str, int, Lane]] = []
    for group in matching:
        for lane in group.lanes:
            if offers:
                key = (lane.price, lane.product_type)
                total = totals.get(key)
                if total is None:
                    total = totals[key] = _net_total(costs[lane.price], lane.product_type, offers)
            else:
                total = costs[lane.price].total_fen
            heads.append((total, lane.annual_rate_bp, lane.members[0][0], 0, lane))
    heapq.heapify(heads)
    out: list[int] = []
    while heads and len(out) < limit:
        total, rate, _, at, lane = heads[0]
        out.append(lane.members[at][1])
        if at + 1 < len(lane.members):
            heapq.heapreplace(heads, (total, rate, lane.members[at + 1][0], at + 1, lane))
        else:
            heapq.heappop(heads)
    return out


def _net_total(estimate: cost.Cost, product_type: str, offers: Sequence[subsidy.Offer]) -> int:
    return estimate.total_fen - subsidy.estimate(estimate.interest_fen, product_type, offers)
