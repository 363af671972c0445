"""The active products, compiled for matching and kept in memory between queries.

Every product change (publish, edit, retire) takes the next number of the one-row
``catalogue`` counter under its lock and stores it on the product (repository
``_next_change``). A query reads that counter (one indexed row, with the profile) and, only when it moved,
the products changed since the number this process has loaded: so every replica on the
database sees each change on its next query, and a query against thousands of products
reads none of them in the steady state. The database stays the source of truth.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, fields

from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match import repository
from services.loan_match.rows import ProductRow
from services.loan_match.rules import cost, eligibility

PRODUCT_RULE_FIELDS = tuple(f.name for f in fields(eligibility.Product))


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


def product_rules(row: ProductRow) -> eligibility.Product:
    """The rule's plain product: the row's fields of the same names."""
    return eligibility.Product(**{name: getattr(row, name) for name in PRODUCT_RULE_FIELDS})


def compile_entry(row: ProductRow) -> Entry:
    product = product_rules(row)
    price = cost.pricing(
        annual_rate_bp=row.annual_rate_bp,
        interest_subsidy_bp=row.interest_subsidy_bp,
        requires_guarantee=row.requires_guarantee,
        guarantee_fee_bp=row.guarantee_fee_bp,
    )
    return Entry(product, eligibility.plan(product), price)


class Catalogue:
    """One per process. ``current`` answers the snapshot as of the database's catalogue version."""

    def __init__(self) -> None:
        self._loaded = -1  # the change number loaded so far; -1: nothing yet
        self._entries: dict[str, Entry] = {}
        self._snapshot = EMPTY
        self._lock = asyncio.Lock()  # one reload at a time; concurrent queries wait for it

    async def current(self, session: AsyncSession, version: int | None = None) -> Snapshot:
        """The snapshot at ``version`` (read now when not given), reloaded only when it moved."""
        if version is None:
            version = await repository.catalogue_version(session)
        if version != self._loaded:
            async with self._lock:
                if version != self._loaded:
                    await self._reload(session, version)
        return self._snapshot

    async def _reload(self, session: AsyncSession, version: int) -> None:
        if version < self._loaded:  # a database rebuilt under us: start over
            self._loaded, self._entries = -1, {}
        changed = await repository.products_changed_since(session, self._loaded)
        entries = dict(self._entries)
        for row in changed:
            if row.active:
                entries[row.id] = compile_entry(row)
            else:
                entries.pop(row.id, None)
        # Changes committed after `version` was read may be in `changed` already: count them.
        self._loaded = max([version, *(row.change_no for row in changed)])
        self._entries = entries
        self._snapshot = snapshot_of(tuple(entries[pid] for pid in sorted(entries)))
