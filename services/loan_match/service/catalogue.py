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
from dataclasses import fields

from sqlalchemy.ext.asyncio import AsyncSession

from services.loan_match.repository import products as repo
from services.loan_match.repository.rows import ProductRow
from services.loan_match.rules import cost, eligibility
from services.loan_match.rules.ranking import EMPTY, Entry, Snapshot, snapshot_of

PRODUCT_RULE_FIELDS = tuple(f.name for f in fields(eligibility.Product))


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
            version = await repo.catalogue_version(session)
        if version != self._loaded:
            async with self._lock:
                if version != self._loaded:
                    await self._reload(session, version)
        return self._snapshot

    async def _reload(self, session: AsyncSession, version: int) -> None:
        if version < self._loaded:  # a database rebuilt under us: start over
            self._loaded, self._entries = -1, {}
        changed = await repo.products_changed_since(session, self._loaded)
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
