"""SQL on risk-share agreements (bank × local guarantor)."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping

from services.guarantee.repository.base import Queries, Scope, columns_of, scope_clause, split_of, typed
from services.guarantee.repository.rows import AgreementRow
from services.guarantee.rules.chain import Split
from services.guarantee.tables import agreement


def _agreement(row: RowMapping) -> AgreementRow:
    return typed(AgreementRow, row, shares_bp=split_of(row, "share_{}_bp"))


class AgreementQueries(Queries):
    async def agreement(self, agreement_id: str) -> AgreementRow | None:
        row = await self._one(sa.select(agreement).where(agreement.c.id == agreement_id))
        return _agreement(row) if row is not None else None

    async def insert_agreement(
        self, *, bank_org_id: str, guarantor_id: str, provincial_id: str, shares_bp: Split
    ) -> AgreementRow:
        """The new agreement; ``Taken`` when the bank already has one with the guarantor."""
        values = {"bank_org_id": bank_org_id, "guarantor_id": guarantor_id, "provincial_id": provincial_id}
        shares = columns_of("share_{}_bp", shares_bp)
        stmt = agreement.insert().values(id=str(uuid.uuid4()), **values, **shares).returning(agreement)
        return _agreement(await self._inserted(stmt))

    async def agreements(
        self, scope: Scope, *, after: tuple[dt.datetime, str] | None, limit: int
    ) -> list[AgreementRow]:
        """One page of the agreements in ``scope``, oldest first (one row more than ``limit``)."""
        stmt = sa.select(agreement).where(scope_clause(scope, agreement))
        if after is not None:
            at, after_id = after
            position = sa.tuple_(
                sa.literal(at, agreement.c.created_at.type), sa.cast(after_id, agreement.c.id.type)
            )
            stmt = stmt.where(sa.tuple_(agreement.c.created_at, agreement.c.id) > position)
        stmt = stmt.order_by(agreement.c.created_at, agreement.c.id).limit(limit + 1)
        return [_agreement(row) for row in await self._all(stmt)]
