"""SQL on risk-share agreements (bank × local guarantor)."""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping

from services.guarantee.repository.base import Queries, Scope, columns_of, split_of, typed
from services.guarantee.rows import AgreementRow
from services.guarantee.rules import Split
from services.guarantee.tables import agreement


def _agreement(row: RowMapping) -> AgreementRow:
    return typed(AgreementRow, row, shares_bp=split_of(row, "share_{}_bp"))


class AgreementQueries(Queries):
    async def agreement(self, agreement_id: str) -> AgreementRow | None:
        row = await self._one(sa.select(agreement).where(agreement.c.id == agreement_id))
        return _agreement(row) if row is not None else None

    async def agreements(self, scope: Scope, *, after_id: str | None, limit: int) -> list[AgreementRow]:
        """One page by id of the agreements in ``scope`` (and one row more, when another follows)."""
        stmt = sa.select(agreement)
        if scope.kind == "guarantor":
            stmt = stmt.where(agreement.c.guarantor_id == scope.id)
        elif scope.kind == "provincial":
            stmt = stmt.where(agreement.c.provincial_id == scope.id)
        elif scope.kind == "bank":
            stmt = stmt.where(agreement.c.bank_org_id == scope.id)
        return [_agreement(row) for row in await self._page(stmt, agreement.c.id, after_id, limit)]

    async def insert_agreement(
        self, *, bank_org_id: str, guarantor_id: str, provincial_id: str, shares_bp: Split
    ) -> AgreementRow:
        """The new agreement; ``Taken`` when the bank already has one with the guarantor."""
        values = {"bank_org_id": bank_org_id, "guarantor_id": guarantor_id, "provincial_id": provincial_id}
        shares = columns_of("share_{}_bp", shares_bp)
        stmt = agreement.insert().values(id=str(uuid.uuid4()), **values, **shares).returning(agreement)
        return _agreement(await self._inserted(stmt))
