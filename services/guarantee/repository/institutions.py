"""SQL on institutions: the chain national fund → provincial re-guarantors → local guarantors."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from services.guarantee.repository.base import Queries, typed
from services.guarantee.repository.rows import Book, Institution
from services.guarantee.rules.chain import Tier
from services.guarantee.rules.weights import Guarantor, Held
from services.guarantee.tables import institution

_LOCK_BOOK = sa.text("SELECT * FROM guarantee.lock_book(CAST(:g AS uuid), :u)")


class InstitutionQueries(Queries):
    async def _institution(self, stmt: sa.Executable) -> Institution | None:
        row = await self._one(stmt)
        return typed(Institution, row) if row is not None else None

    async def institution(self, institution_id: str, *, lock: bool = False) -> Institution | None:
        """``lock``: the row stays locked until the transaction ends (a PATCH with If-Match)."""
        stmt = sa.select(institution).where(institution.c.id == institution_id)
        return await self._institution(stmt.with_for_update() if lock else stmt)

    async def institution_of_org(self, org_id: str) -> Institution | None:
        return await self._institution(sa.select(institution).where(institution.c.org_id == org_id))

    async def institutions(
        self, *, tier: Tier | None, parent_id: str | None, after_id: str | None, limit: int
    ) -> list[Institution]:
        """One page by id (and one row more, to tell whether another page follows)."""
        stmt = sa.select(institution)
        if tier is not None:
            stmt = stmt.where(institution.c.tier == tier)
        if parent_id is not None:
            stmt = stmt.where(institution.c.parent_id == parent_id)
        rows = await self._page(stmt, institution.c.id, after_id, limit)
        return [typed(Institution, row) for row in rows]

    async def national_fund(self) -> Institution | None:
        return await self._institution(sa.select(institution).where(institution.c.tier == "national_fund"))

    async def lock_book(self, guarantor_id: str, uscc: str) -> Book | None:
        """The guarantor's row, locked until the transaction ends (every change to its exposures
        queues here, so limits judged under it are exact) with its running weighted total; then
        the client's active exposures with it (a client holds a few; the weights need each one).

        One round trip (migration guarantee_0007, ``guarantee.lock_book``): the function locks,
        then reads the exposures in a second statement, which sees what the lock holder before
        us committed (a read folded into the locking statement could miss it)."""
        rows = (await self.session.execute(_LOCK_BOOK, {"g": guarantor_id, "u": uscc})).all()
        if not rows:
            return None
        first = rows[0]
        guarantor = Guarantor(first.net_assets_fen, first.leverage_multiple, first.liability_fen)
        held = {
            str(r.id): Held(r.outstanding_fen, r.guaranteed_fen, r.small_micro, r.principal_fen,
                            r.weighted_liability_fen)
            for r in rows if r.id is not None
        }  # fmt: skip
        return Book(guarantor, held)

    async def add_liability(self, guarantor_id: str, delta_fen: int) -> None:
        """Move the guarantor's running weighted total (its row is locked by ``lock_book``)."""
        if delta_fen:
            stmt = institution.update().where(institution.c.id == guarantor_id)
            await self.session.execute(stmt.values(liability_fen=institution.c.liability_fen + delta_fen))

    async def insert_institution(
        self,
        *,
        org_id: str,
        name: str,
        tier: Tier,
        parent_id: str | None,
        net_assets_fen: int,
        leverage_multiple: int,
    ) -> Institution:
        """The new institution; ``Taken`` when its org (or the one national fund) is already there."""
        values = {
            "org_id": org_id,
            "name": name,
            "tier": tier,
            "parent_id": parent_id,
            "net_assets_fen": net_assets_fen,
            "leverage_multiple": leverage_multiple,
        }
        stmt = institution.insert().values(id=str(uuid.uuid4()), **values).returning(institution)
        return typed(Institution, await self._inserted(stmt))

    async def update_institution(
        self, institution_id: str, *, net_assets_fen: int | None, leverage_multiple: int | None
    ) -> Institution | None:
        """Set the figures given (not None); with none given, the row as it is."""
        values = {"net_assets_fen": net_assets_fen, "leverage_multiple": leverage_multiple}
        given = {key: value for key, value in values.items() if value is not None}
        if not given:
            return await self.institution(institution_id)
        stmt = (
            institution.update()
            .where(institution.c.id == institution_id)
            .values(**given, updated_at=sa.func.now())
            .returning(institution)
        )
        return await self._institution(stmt)
