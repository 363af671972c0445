"""SQL totals: an institution's position, the policy summary, the capacity loan_match asks for."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from services.guarantee.repository.base import Queries, Scope, as_int, scope_clause, typed
from services.guarantee.rows import CapacityRow, PositionFigures, SummaryFigures
from services.guarantee.rules import PARTIES
from services.guarantee.tables import agreement, exposure, institution


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


def _per_party(figures: dict[str, int], name: str) -> dict[str, int]:
    return {p: figures[f"{name}_{p}"] for p in PARTIES}


class FigureQueries(Queries):
    async def _totals(self, stmt: sa.Executable) -> dict[str, int]:
        row = (await self.session.execute(stmt)).mappings().one()
        return {key: as_int(value) for key, value in row.items()}

    async def position_figures(self, scope: Scope, party: str) -> PositionFigures:
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
        ).where(scope_clause(scope))
        return typed(PositionFigures, await self._totals(stmt))

    async def summary_figures(self, scope: Scope, small_loan_max_fen: int) -> SummaryFigures:
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
        totals = await self._totals(sa.select(*columns).where(scope_clause(scope)))
        splits = {name: _per_party(totals, name) for name in ("outstanding", "compensated", "recovered")}
        return typed(SummaryFigures, totals, **splits)

    async def capacity_rows(self, bank_org_id: str) -> list[CapacityRow]:
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
        rows = await self._all(stmt)
        return [typed(CapacityRow, row, liability_fen=as_int(row["liability_fen"])) for row in rows]
