"""All SQL of the guarantee service."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from services.guarantee.tables import PARTIES, agreement, exposure, exposure_event, institution

ScopeKind = Literal["all", "guarantor", "provincial", "bank"]


@dataclass(frozen=True)
class Scope:
    """Which exposures a caller may see: all, one local guarantor's, a provincial's locals', a bank's."""

    kind: ScopeKind
    id: str | None = None


def _scope_clause(scope: Scope) -> sa.ColumnElement[bool]:
    if scope.kind == "guarantor":
        return exposure.c.guarantor_id == scope.id
    if scope.kind == "provincial":
        return exposure.c.provincial_id == scope.id
    if scope.kind == "bank":
        return exposure.c.bank_org_id == scope.id
    return sa.true()


def _int(value: Any) -> int:
    return int(value or 0)


def _compensated_and_recovered(party: str) -> tuple[sa.ColumnElement[Any], sa.ColumnElement[Any]]:
    """Per exposure, the 代偿 a party paid and the 追偿 it got back.

    The local guarantor pays the bank the whole compensation (outstanding − the bank's loss)
    and collects the recoveries on that part, which it shares on with the provincial
    re-guarantor and the fund; these two (and the bank) count only their own share.
    """
    if party == "guarantor":
        recovered = sum((exposure.c[f"recovered_{p}_fen"] for p in PARTIES if p != "bank"), sa.literal(0))
        return exposure.c.compensation_fen, recovered
    return exposure.c[f"loss_{party}_fen"], exposure.c[f"recovered_{party}_fen"]


class Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _one(self, stmt: sa.Executable) -> RowMapping | None:
        return (await self.session.execute(stmt)).mappings().first()

    # Institutions

    async def institution(self, institution_id: str) -> RowMapping | None:
        return await self._one(sa.select(institution).where(institution.c.id == institution_id))

    async def institution_of_org(self, org_id: str) -> RowMapping | None:
        return await self._one(sa.select(institution).where(institution.c.org_id == org_id))

    async def institutions(
        self, *, tier: str | None, parent_id: str | None, after_id: str | None, limit: int
    ) -> Sequence[RowMapping]:
        stmt = sa.select(institution)
        if tier is not None:
            stmt = stmt.where(institution.c.tier == tier)
        if parent_id is not None:
            stmt = stmt.where(institution.c.parent_id == parent_id)
        if after_id is not None:
            stmt = stmt.where(institution.c.id > after_id)
        return (await self.session.execute(stmt.order_by(institution.c.id).limit(limit + 1))).mappings().all()

    async def national_fund(self) -> RowMapping | None:
        return await self._one(sa.select(institution).where(institution.c.tier == "national_fund"))

    async def lock_institution(self, institution_id: str) -> RowMapping | None:
        """The row, locked until the transaction ends: limits are checked and written under it."""
        stmt = sa.select(institution).where(institution.c.id == institution_id).with_for_update()
        return await self._one(stmt)

    async def insert_institution(self, values: Mapping[str, Any]) -> RowMapping:
        stmt = institution.insert().values(id=str(uuid.uuid4()), **values).returning(institution)
        row = await self._one(stmt)
        assert row is not None
        return row

    async def update_institution(self, institution_id: str, values: Mapping[str, Any]) -> RowMapping | None:
        stmt = (
            institution.update()
            .where(institution.c.id == institution_id)
            .values(**values, updated_at=sa.func.now())
            .returning(institution)
        )
        return await self._one(stmt)

    # Agreements

    async def agreement(self, agreement_id: str) -> RowMapping | None:
        return await self._one(sa.select(agreement).where(agreement.c.id == agreement_id))

    async def insert_agreement(self, values: Mapping[str, Any]) -> RowMapping:
        stmt = agreement.insert().values(id=str(uuid.uuid4()), **values).returning(agreement)
        row = await self._one(stmt)
        assert row is not None
        return row

    # Exposures

    async def exposure(self, exposure_id: str, scope: Scope, *, lock: bool = False) -> RowMapping | None:
        stmt = sa.select(exposure).where(exposure.c.id == exposure_id, _scope_clause(scope))
        return await self._one(stmt.with_for_update() if lock else stmt)

    async def loan_ref_taken(self, bank_org_id: str, loan_ref: str) -> bool:
        stmt = sa.select(
            sa.exists().where(exposure.c.bank_org_id == bank_org_id, exposure.c.loan_ref == loan_ref)
        )
        return bool(await self.session.scalar(stmt))

    async def active_liability(self, guarantor_id: str, uscc: str) -> tuple[int, int]:
        """(all active weighted liability, that of one USCC) of a local guarantor."""
        w = exposure.c.weighted_liability_fen
        stmt = sa.select(
            sa.func.coalesce(sa.func.sum(w), 0),
            sa.func.coalesce(sa.func.sum(w).filter(exposure.c.uscc == uscc), 0),
        ).where(exposure.c.guarantor_id == guarantor_id, exposure.c.status == "active")
        row = (await self.session.execute(stmt)).one()
        return _int(row[0]), _int(row[1])

    async def insert_exposure(self, values: Mapping[str, Any]) -> RowMapping:
        stmt = exposure.insert().values(id=str(uuid.uuid4()), **values).returning(exposure)
        row = await self._one(stmt)
        assert row is not None
        return row

    async def update_exposure(self, exposure_id: str, values: Mapping[str, Any]) -> RowMapping:
        stmt = (
            exposure.update()
            .where(exposure.c.id == exposure_id)
            .values(**values, updated_at=sa.func.now())
            .returning(exposure)
        )
        row = await self._one(stmt)
        assert row is not None
        return row

    async def add_event(self, exposure_id: str, kind: str, amount_fen: int, on_date: Any) -> None:
        await self.session.execute(
            exposure_event.insert().values(
                exposure_id=exposure_id, kind=kind, amount_fen=amount_fen, on_date=on_date
            )
        )

    async def exposures(
        self,
        scope: Scope,
        *,
        status: str | None,
        uscc: str | None,
        after_seq: int | None,
        limit: int,
    ) -> Sequence[RowMapping]:
        stmt = sa.select(exposure).where(_scope_clause(scope))
        if status is not None:
            stmt = stmt.where(exposure.c.status == status)
        if uscc is not None:
            stmt = stmt.where(exposure.c.uscc == uscc)
        if after_seq is not None:
            stmt = stmt.where(exposure.c.seq > after_seq)
        stmt = stmt.order_by(exposure.c.seq).limit(limit + 1)
        return (await self.session.execute(stmt)).mappings().all()

    # Figures

    async def position_figures(self, scope: Scope, party: str) -> dict[str, int]:
        """Totals for one institution's position: ``party`` is its column group in the split."""
        active = exposure.c.status == "active"
        ended = exposure.c.status != "active"
        liability = (
            exposure.c.weighted_liability_fen
            if party == "guarantor"
            else exposure.c[f"outstanding_{party}_fen"]
        )
        compensated, recovered = _compensated_and_recovered(party)
        stmt = sa.select(
            sa.func.coalesce(sa.func.sum(liability).filter(active), 0).label("liability"),
            sa.func.count().filter(active).label("active"),
            sa.func.coalesce(sa.func.sum(compensated), 0).label("compensated"),
            sa.func.coalesce(sa.func.sum(recovered), 0).label("recovered"),
            sa.func.coalesce(sa.func.sum(exposure.c.principal_fen).filter(ended), 0).label("ended_principal"),
        ).where(_scope_clause(scope))
        row = (await self.session.execute(stmt)).mappings().one()
        return {key: _int(value) for key, value in row.items()}

    async def summary_figures(self, scope: Scope, small_loan_max_fen: int) -> dict[str, int]:
        """Policy figures over active exposures, and per tier (``party``) the same 代偿 and 追偿
        figures a position shows, summed over the scope."""
        active = exposure.c.status == "active"
        principal = exposure.c.principal_fen
        columns: list[sa.ColumnElement[Any]] = [
            sa.func.count().filter(active).label("active"),
            sa.func.sum(principal).filter(active).label("principal"),
            sa.func.sum(principal * exposure.c.fee_rate_bp).filter(active).label("principal_x_fee"),
            sa.func.sum(principal).filter(active, exposure.c.small_micro).label("small_micro"),
            sa.func.sum(principal).filter(active, principal <= small_loan_max_fen).label("upto_5m"),
        ]
        for p in PARTIES:
            compensated, recovered = _compensated_and_recovered(p)
            columns += [
                sa.func.sum(exposure.c[f"outstanding_{p}_fen"]).filter(active).label(f"outstanding_{p}"),
                sa.func.sum(compensated).label(f"compensated_{p}"),
                sa.func.sum(recovered).label(f"recovered_{p}"),
            ]
        stmt = sa.select(*columns).where(_scope_clause(scope))
        row = (await self.session.execute(stmt)).mappings().one()
        return {key: _int(value) for key, value in row.items()}

    async def capacity_rows(self, bank_org_id: str) -> Sequence[RowMapping]:
        """Local guarantors with an agreement with the bank, and their active weighted liability."""
        partners = sa.select(agreement.c.guarantor_id).where(agreement.c.bank_org_id == bank_org_id)
        liability = (
            sa.select(
                exposure.c.guarantor_id,
                sa.func.sum(exposure.c.weighted_liability_fen).label("liability_fen"),
            )
            .where(exposure.c.status == "active", exposure.c.guarantor_id.in_(partners))
            .group_by(exposure.c.guarantor_id)
            .subquery()
        )
        stmt = (
            sa.select(
                institution.c.id.label("guarantor_id"),
                institution.c.name,
                institution.c.net_assets_fen,
                institution.c.leverage_multiple,
                agreement.c.id.label("agreement_id"),
                sa.func.coalesce(liability.c.liability_fen, 0).label("liability_fen"),
            )
            .select_from(agreement)
            .join(institution, institution.c.id == agreement.c.guarantor_id)
            .outerjoin(liability, liability.c.guarantor_id == institution.c.id)
            .where(agreement.c.bank_org_id == bank_org_id, institution.c.tier == "local")
        )
        return (await self.session.execute(stmt)).mappings().all()
