"""SQL on bridge (续贷转贷) funds and their loans (CONTRACT §6)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa

from services.guarantee.repository.base import Queries, as_int, typed
from services.guarantee.repository.rows import BridgeFigures, BridgeFundRow, BridgeLoanRow
from services.guarantee.tables import bridge_fund, bridge_loan


class BridgeQueries(Queries):
    async def bridge_fund(self, fund_id: str, *, lock: bool = False) -> BridgeFundRow | None:
        """The fund; with ``lock`` its row is held (FOR UPDATE) until the transaction ends."""
        stmt = sa.select(bridge_fund).where(bridge_fund.c.id == fund_id)
        row = await self._one(stmt.with_for_update() if lock else stmt)
        return typed(BridgeFundRow, row) if row is not None else None

    async def bridge_funds(
        self, *, manager: str | None, after: int | None, limit: int
    ) -> list[BridgeFundRow]:
        stmt = sa.select(bridge_fund)
        if manager is not None:
            stmt = stmt.where(bridge_fund.c.manager_org_id == manager)
        return [typed(BridgeFundRow, r) for r in await self._page(stmt, bridge_fund.c.seq, after, limit)]

    async def insert_bridge_fund(self, values: dict[str, Any]) -> BridgeFundRow:
        stmt = bridge_fund.insert().values(id=str(uuid.uuid4()), **values).returning(bridge_fund)
        return typed(BridgeFundRow, await self._inserted(stmt))

    async def move_bridge_outstanding(self, fund_id: str, change_fen: int) -> None:
        values = {"outstanding_fen": bridge_fund.c.outstanding_fen + change_fen}
        await self.session.execute(bridge_fund.update().where(bridge_fund.c.id == fund_id).values(**values))

    async def insert_bridge_loan(self, values: dict[str, Any]) -> BridgeLoanRow:
        stmt = bridge_loan.insert().values(id=str(uuid.uuid4()), **values).returning(bridge_loan)
        return typed(BridgeLoanRow, await self._inserted(stmt))

    async def bridge_loan(self, fund_id: str, loan_id: str, *, lock: bool = False) -> BridgeLoanRow | None:
        stmt = sa.select(bridge_loan).where(bridge_loan.c.id == loan_id, bridge_loan.c.fund_id == fund_id)
        row = await self._one(stmt.with_for_update() if lock else stmt)
        return typed(BridgeLoanRow, row) if row is not None else None

    async def mark_bridge_repaid(self, loan_id: str, repaid_on: dt.date) -> BridgeLoanRow:
        stmt = bridge_loan.update().where(bridge_loan.c.id == loan_id).values(repaid_on=repaid_on)
        row = await self._one(stmt.returning(bridge_loan))
        assert row is not None
        return typed(BridgeLoanRow, row)

    async def bridge_loans(self, fund_id: str, *, after: int | None, limit: int) -> list[BridgeLoanRow]:
        stmt = sa.select(bridge_loan).where(bridge_loan.c.fund_id == fund_id)
        return [typed(BridgeLoanRow, r) for r in await self._page(stmt, bridge_loan.c.seq, after, limit)]

    async def bridge_figures(self, fund_id: str, today: dt.date) -> BridgeFigures:
        """Unpaid loans past due_on (as of ``today``) are the overdue ones."""
        unpaid = bridge_loan.c.repaid_on.is_(None)
        overdue = unpaid & (bridge_loan.c.due_on < today)
        amount = bridge_loan.c.amount_fen
        stmt = sa.select(
            sa.func.count().filter(unpaid).label("active_loans"),
            sa.func.count().filter(overdue).label("overdue_loans"),
            sa.func.sum(amount).filter(overdue).label("overdue_fen"),
            sa.func.sum(amount).filter(~unpaid).label("repaid_fen"),
            sa.func.sum(bridge_loan.c.fee_fen).label("fees_fen"),
        ).where(bridge_loan.c.fund_id == fund_id)
        row = await self._one(stmt)
        assert row is not None
        return BridgeFigures(**{name: as_int(value) for name, value in row.items()})
