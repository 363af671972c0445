"""SQL totals: an institution's position and 代偿率, the policy summary, the capacity loan_match asks for."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping

from services.guarantee.repository.base import Queries, Scope, as_int, scope_clause, split_of, typed
from services.guarantee.repository.rows import CapacityRow, PositionFigures, RegionFigures, Releases
from services.guarantee.rules.chain import PARTIES
from services.guarantee.rules.limits import SMALL_LOAN_MAX_FEN
from services.guarantee.rules.weights import Held
from services.guarantee.tables import agreement, exposure, exposure_event, institution

ev = exposure_event
RELEASES = ("repayment", "default")  # what ends a guarantee, in part or in full (解除担保)


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


def own_part(party: str) -> sa.ColumnElement[Any]:
    """An event's amount at an institution's own share: a local guarantor answers for every part but
    the bank's (the guaranteed part), a re-guarantor for its own."""
    if party == "guarantor":
        return sum((ev.c[f"part_{p}_fen"] for p in PARTIES if p != "bank"), sa.literal(0))
    return ev.c[f"part_{party}_fen"]


def _within(day: sa.ColumnElement[Any], start: dt.date | None, end: dt.date | None) -> sa.ColumnElement[bool]:
    clauses = [day >= start] if start else []
    clauses += [day <= end] if end else []
    return sa.and_(sa.true(), *clauses)


def _sum(value: sa.ColumnElement[Any], *where: sa.ColumnElement[bool]) -> sa.ColumnElement[Any]:
    return sa.func.coalesce(sa.func.sum(value).filter(*where), 0)


def _per_exposure(start: dt.date | None, end: dt.date) -> sa.Subquery:
    """Per exposure, from its events: each party's outstanding share as of ``end``, and the 代偿 and
    追偿 of each party between ``start`` and ``end``."""
    by_end = ev.c.on_date <= end
    period = _within(ev.c.on_date, start, end)
    columns: list[sa.ColumnElement[Any]] = [ev.c.exposure_id]
    for p in PARTIES:
        part = ev.c[f"part_{p}_fen"]
        opened = _sum(part, ev.c.kind == "registration", by_end)
        columns += [
            (opened - _sum(part, ev.c.kind.in_(RELEASES), by_end)).label(f"out_{p}"),
            _sum(part, ev.c.kind == "default", period).label(f"comp_{p}"),
            _sum(part, ev.c.kind == "recovery", period).label(f"rec_{p}"),
        ]
    # Only exposures that had started by ``end``: a later one is no part of that day's figures.
    started = sa.func.min(ev.c.on_date) <= end
    return sa.select(*columns).group_by(ev.c.exposure_id).having(started).subquery("per_exposure")


def region_of(uscc: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    """The 市州 of an enterprise from USCC characters 3–8: the first 4 digits and "00" (CONTRACT §1)."""
    return sa.func.substr(uscc, 3, 4).concat("00")


class FigureQueries(Queries):
    async def _totals(self, stmt: sa.Executable) -> dict[str, int]:
        row = (await self.session.execute(stmt)).mappings().one()
        return {key: as_int(value) for key, value in row.items()}

    async def position_figures(self, scope: Scope, party: str) -> PositionFigures:
        """Totals for one institution's position: ``party`` is its column group in the split."""
        active = exposure.c.status == "active"
        liability = (
            exposure.c.weighted_liability_fen
            if party == "guarantor"
            else exposure.c[f"outstanding_{party}_fen"]
        )
        compensated, recovered = _compensated_and_recovered(party)
        stmt = sa.select(
            _sum(liability, active).label("liability"),
            sa.func.count().filter(active).label("active"),
            sa.func.coalesce(sa.func.sum(compensated), 0).label("compensated"),
            sa.func.coalesce(sa.func.sum(recovered), 0).label("recovered"),
        ).where(scope_clause(scope))
        return typed(PositionFigures, await self._totals(stmt))

    async def releases(
        self, scope: Scope, party: str, start: dt.date | None, end: dt.date | None
    ) -> Releases:
        """代偿率's sums at ``party``'s own share: defaults (代偿) and repayments plus defaults (解除担保)."""
        day = _within(ev.c.on_date, start, end)
        own = own_part(party)
        stmt = (
            sa.select(
                _sum(own, ev.c.kind == "default", day).label("compensated"),
                _sum(own, ev.c.kind.in_(RELEASES), day).label("released"),
            )
            .select_from(ev.join(exposure, exposure.c.id == ev.c.exposure_id))
            .where(scope_clause(scope))
        )
        return typed(Releases, await self._totals(stmt))

    async def region_figures(
        self,
        scope: Scope,
        *,
        start: dt.date | None,
        end: dt.date,
        region_code: str | None,
        by_bank: bool = False,
    ) -> list[RegionFigures]:
        """The summary's sums per 市州 (with ``by_bank``, per lending bank: its org id is then the
        row's key): balances as of ``end``, 代偿 and 追偿 between the two days."""
        per = _per_exposure(start, end)
        guaranteed = sum((per.c[f"out_{p}"] for p in PARTIES if p != "bank"), sa.literal(0))
        outstanding = per.c.out_bank + guaranteed
        client = (exposure.c.guarantor_id, exposure.c.uscc)
        joined = (
            sa.select(
                per,
                region_of(exposure.c.uscc).label("region_code"),
                sa.cast(exposure.c.bank_org_id, sa.Text).label("bank_key"),
                exposure.c.principal_fen,
                exposure.c.fee_rate_bp,
                (exposure.c.small_micro | exposure.c.agri).label("small_micro_agri"),
                guaranteed.label("guaranteed"),
                outstanding.label("outstanding"),
                sa.func.sum(outstanding).over(partition_by=client).label("client_balance"),
            )
            .select_from(per.join(exposure, exposure.c.id == per.c.exposure_id))
            .where(scope_clause(scope))
            .subquery("joined")
        )
        j = joined.c
        active = j.outstanding > 0
        key = j.bank_key if by_bank else j.region_code
        stmt = sa.select(
            key.label("region_code"),
            sa.func.count().filter(active).label("active"),
            _sum(j.principal_fen, active).label("principal"),
            _sum(j.guaranteed).label("guaranteed"),
            _sum(j.guaranteed * j.fee_rate_bp).label("guaranteed_x_fee"),
            _sum(j.guaranteed, j.small_micro_agri).label("small_micro_agri"),
            # 单户在保余额 ≤ 500万 (国办发〔2019〕6号, 财金〔2025〕11号: of 支小支农 business ≥ 50%).
            _sum(j.guaranteed, j.client_balance <= SMALL_LOAN_MAX_FEN).label("upto_5m_clients"),
            *(
                _sum(j[f"{name}_{p}"]).label(f"{name}_{p}")
                for name in ("out", "comp", "rec")
                for p in PARTIES
            ),
        ).group_by(key)
        if region_code is not None:
            stmt = stmt.where(j.region_code == region_code)
        rows = await self._all(stmt.order_by(key))
        return [_region(row) for row in rows]

    async def client_exposures(self, uscc: str, guarantor_ids: list[str]) -> dict[str, list[Held]]:
        """A client's active exposures with each of these guarantors (for the capacity read)."""
        e = exposure.c
        stmt = sa.select(
            e.guarantor_id,
            e.outstanding_fen,
            e.guaranteed_fen,
            e.small_micro,
            e.principal_fen,
            e.weighted_liability_fen,
        ).where(e.uscc == uscc, e.status == "active", e.guarantor_id.in_(guarantor_ids))
        held: dict[str, list[Held]] = {}
        for row in await self._all(stmt.order_by(e.seq)):
            held.setdefault(row["guarantor_id"], []).append(_held(row))
        return held

    async def capacity_rows(self, bank_org_id: str) -> list[CapacityRow]:
        """Local guarantors with an agreement with the bank: the agreement's shares, their limits
        and their running weighted total."""
        stmt = (
            sa.select(
                institution.c.id.label("guarantor_id"),
                institution.c.name,
                institution.c.net_assets_fen,
                institution.c.leverage_multiple,
                institution.c.liability_fen,
                agreement.c.id.label("agreement_id"),
                *(agreement.c[f"share_{p}_bp"] for p in PARTIES),
            )
            .select_from(agreement)
            .join(institution, institution.c.id == agreement.c.guarantor_id)
            .where(agreement.c.bank_org_id == bank_org_id, institution.c.tier == "local")
        )
        rows = await self._all(stmt)
        return [typed(CapacityRow, row, shares_bp=split_of(row, "share_{}_bp")) for row in rows]


def _held(row: RowMapping) -> Held:
    return typed(Held, row, weighted_fen=row["weighted_liability_fen"])


def _region(row: RowMapping) -> RegionFigures:
    figures = {key: as_int(value) for key, value in row.items() if key != "region_code"}
    splits = {
        name: {p: figures[f"{short}_{p}"] for p in PARTIES}
        for name, short in (("outstanding", "out"), ("compensated", "comp"), ("recovered", "rec"))
    }
    return typed(RegionFigures, {**figures, "region_code": row["region_code"]}, **splits)
