"""SQL on risk-compensation pools and the loans they cover (CONTRACT §6)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping

from services.guarantee.repository.base import Queries, as_int, typed
from services.guarantee.repository.rows import BankBook, PoolLoanRow, PoolRow
from services.guarantee.tables import pool, pool_bank, pool_loan, pool_recovery

# Loans whose outstanding counts as overdue for the stop line: reported overdue, or defaulted.
BAD = ("overdue", "defaulted")


class PoolQueries(Queries):
    async def _pool(self, row: RowMapping | None) -> PoolRow | None:
        if row is None:
            return None
        banks = await self._all(
            sa.select(pool_bank.c.bank_org_id).where(pool_bank.c.pool_id == row["id"]).order_by("bank_org_id")
        )
        return typed(PoolRow, row, bank_org_ids=tuple(str(b["bank_org_id"]) for b in banks))

    async def pool(self, pool_id: str, *, lock: bool = False) -> PoolRow | None:
        """The pool; with ``lock`` its row is held (FOR UPDATE) until the transaction ends."""
        stmt = sa.select(pool).where(pool.c.id == pool_id)
        return await self._pool(await self._one(stmt.with_for_update() if lock else stmt))

    async def pools(
        self, *, manager: str | None, bank: str | None, after: int | None, limit: int
    ) -> list[PoolRow]:
        stmt = sa.select(pool)
        if manager is not None:
            stmt = stmt.where(pool.c.manager_org_id == manager)
        if bank is not None:
            member = sa.select(pool_bank.c.pool_id).where(pool_bank.c.bank_org_id == bank)
            stmt = stmt.where(pool.c.id.in_(member))
        rows = await self._page(stmt, pool.c.seq, after, limit)
        return [p for p in [await self._pool(r) for r in rows] if p is not None]

    async def insert_pool(self, *, values: dict[str, Any], bank_org_ids: list[str]) -> PoolRow:
        pool_id = str(uuid.uuid4())
        balance = values["balance_fen"]
        stmt = pool.insert().values(id=pool_id, initial_balance_fen=balance, **values).returning(pool)
        row = await self._inserted(stmt)
        if bank_org_ids:
            await self.session.execute(
                pool_bank.insert(), [{"pool_id": pool_id, "bank_org_id": b} for b in bank_org_ids]
            )
        created = await self._pool(row)
        assert created is not None
        return created

    async def settle_pool(self, pool_id: str, *, paid_fen: int = 0, recovered_fen: int = 0) -> None:
        """A payout leaves the pool's balance, a recovery returns to it (under the pool's row lock)."""
        change = {
            "balance_fen": pool.c.balance_fen - paid_fen + recovered_fen,
            "paid_fen": pool.c.paid_fen + paid_fen,
            "recovered_fen": pool.c.recovered_fen + recovered_fen,
        }
        await self.session.execute(pool.update().where(pool.c.id == pool_id).values(**change))

    async def record_pool_recovery(
        self, loan: PoolLoanRow, amount_fen: int, pool_fen: int, on: dt.date
    ) -> None:
        """The recovery with its day, for the figures of a period (the loan keeps the totals)."""
        values = {"pool_id": loan.pool_id, "loan_id": loan.id, "amount_fen": amount_fen, "pool_fen": pool_fen}
        await self.session.execute(pool_recovery.insert().values(**values, recovered_on=on))

    async def pool_loan(self, pool_id: str, loan_id: str, *, lock: bool = False) -> PoolLoanRow | None:
        stmt = sa.select(pool_loan).where(pool_loan.c.id == loan_id, pool_loan.c.pool_id == pool_id)
        row = await self._one(stmt.with_for_update() if lock else stmt)
        return typed(PoolLoanRow, row) if row is not None else None

    async def insert_pool_loan(self, values: dict[str, Any]) -> PoolLoanRow:
        """The new loan; ``Taken`` when the bank already registered this loan_ref."""
        stmt = pool_loan.insert().values(id=str(uuid.uuid4()), status="active", **values).returning(pool_loan)
        return typed(PoolLoanRow, await self._inserted(stmt))

    async def update_pool_loan(self, loan_id: str, **values: Any) -> PoolLoanRow:
        stmt = pool_loan.update().where(pool_loan.c.id == loan_id).values(**values).returning(pool_loan)
        row = await self._one(stmt)
        assert row is not None
        return typed(PoolLoanRow, row)

    async def bank_books(self, pool_id: str, bank_org_id: str | None = None) -> list[BankBook]:
        """Per bank of the pool: outstanding, overdue outstanding, paid and recovered."""
        bad = pool_loan.c.status.in_(BAD)
        stmt = (
            sa.select(
                pool_bank.c.bank_org_id,
                sa.func.sum(pool_loan.c.outstanding_fen).label("outstanding_fen"),
                sa.func.sum(sa.case((bad, pool_loan.c.outstanding_fen), else_=0)).label("overdue_fen"),
                sa.func.sum(pool_loan.c.compensation_fen).label("paid_fen"),
                sa.func.sum(pool_loan.c.recovered_pool_fen).label("recovered_fen"),
            )
            .select_from(pool_bank)
            .outerjoin(
                pool_loan,
                (pool_loan.c.pool_id == pool_bank.c.pool_id)
                & (pool_loan.c.bank_org_id == pool_bank.c.bank_org_id),
            )
            .where(pool_bank.c.pool_id == pool_id)
            .group_by(pool_bank.c.bank_org_id)
            .order_by(pool_bank.c.bank_org_id)
        )
        if bank_org_id is not None:
            stmt = stmt.where(pool_bank.c.bank_org_id == bank_org_id)
        return [_book(r) for r in await self._all(stmt)]


def _book(row: RowMapping) -> BankBook:
    return BankBook(
        bank_org_id=str(row["bank_org_id"]),
        outstanding_fen=as_int(row["outstanding_fen"]),
        overdue_fen=as_int(row["overdue_fen"]),
        paid_fen=as_int(row["paid_fen"]),
        recovered_fen=as_int(row["recovered_fen"]),
    )
