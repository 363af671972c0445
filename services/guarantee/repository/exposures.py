"""SQL on exposures (guaranteed loans) and the audit trail of their money movements."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError

from services.guarantee.repository.base import (
    Queries,
    Scope,
    Taken,
    columns_of,
    scope_clause,
    split_of,
    typed,
)
from services.guarantee.repository.rows import ExposureRow, NewExposure
from services.guarantee.rules.allocation import DefaultOutcome, Figures
from services.guarantee.rules.chain import PARTIES, Split, Status
from services.guarantee.tables import exposure, exposure_event


def _exposure(row: RowMapping) -> ExposureRow:
    defaulted = row["defaulted_fen"] is not None
    return typed(
        ExposureRow,
        row,
        shares_bp=split_of(row, "share_{}_bp"),
        shares_fen=split_of(row, "outstanding_{}_fen"),
        losses_fen=split_of(row, "loss_{}_fen") if defaulted else None,
        recovered_fen=split_of(row, "recovered_{}_fen"),
    )


def _figure_values(figures: Figures, weighted_fen: int) -> dict[str, int]:
    return {
        "guaranteed_fen": figures.guaranteed_fen,
        "weighted_liability_fen": weighted_fen,
        **columns_of("outstanding_{}_fen", figures.shares_fen),
    }


def _new_values(new: NewExposure) -> dict[str, Any]:
    """The columns of a new exposure: the agreement's parties and shares, the loan, its figures."""
    terms = {
        "agreement_id": new.agreement.id,
        "guarantor_id": new.agreement.guarantor_id,
        "provincial_id": new.agreement.provincial_id,
        "bank_org_id": new.agreement.bank_org_id,
        **columns_of("share_{}_bp", new.agreement.shares_bp),
    }
    loan = {
        "loan_ref": new.loan_ref,
        "uscc": new.uscc,
        "small_micro": new.small_micro,
        "agri": new.agri,
        "principal_fen": new.principal_fen,
        "fee_rate_bp": new.fee_rate_bp,
        "start_date": new.start_date,
        "maturity_date": new.maturity_date,
    }
    figures = _figure_values(new.figures, new.weighted_liability_fen)
    return {**terms, **loan, "status": "active", "outstanding_fen": new.principal_fen, **figures}


def _event_values(
    exposure_id: str, kind: str, amount_fen: int, on_date: dt.date, parts: Split
) -> dict[str, Any]:
    return {
        "exposure_id": exposure_id,
        "kind": kind,
        "amount_fen": amount_fen,
        "on_date": on_date,
        **columns_of("part_{}_fen", parts),
    }


# Built once per set of columns (there is one) and reused, as SQL text: building it with Core (a
# CTE over every column of exposure) was the largest Python cost of a registration (bench/README.md
# "Profiles"); tests/guarantee cover the rows and the running total it writes.
_REGISTRATIONS: dict[tuple[str, ...], sa.TextualSelect] = {}


def _registration(keys: tuple[str, ...]) -> sa.TextualSelect:
    """INSERT the exposure (a parameter per column in ``keys``), its registration event (the same
    parameters: the principal on the start date, split as the opening shares) and move the
    guarantor's running total by ``delta``; answers the exposure."""
    stmt = _REGISTRATIONS.get(keys)
    if stmt is None:
        parts = ", ".join(f"part_{p}_fen" for p in PARTIES)
        shares = ", ".join(f":outstanding_{p}_fen" for p in PARTIES)
        sql = f"""
            WITH e AS (
                INSERT INTO guarantee.exposure ({", ".join(keys)}) VALUES ({", ".join(":" + k for k in keys)})
                RETURNING *
            ), ev AS (
                INSERT INTO guarantee.exposure_event (exposure_id, kind, amount_fen, on_date, {parts})
                VALUES (CAST(:id AS uuid), 'registration', :principal_fen, :start_date, {shares})
            ), total AS (
                UPDATE guarantee.institution SET liability_fen = liability_fen + :delta
                WHERE id = CAST(:guarantor_id AS uuid)
            )
            SELECT * FROM e
        """  # noqa: S608 - the names are exposure's own columns, the values parameters
        stmt = _REGISTRATIONS[keys] = sa.text(sql).columns(*exposure.c)
    return stmt


# Built once: registering a loan may re-weigh the client's other exposures (py-spy: building
# this statement on every registration was ~3% of guarantee's time, even with nothing to send).
_REWEIGH = (
    exposure.update()
    .where(exposure.c.id == sa.bindparam("exposure_id"))
    .values(weighted_liability_fen=sa.bindparam("weight"))
)


class ExposureQueries(Queries):
    async def exposure(self, exposure_id: str, scope: Scope, *, lock: bool = False) -> ExposureRow | None:
        stmt = sa.select(exposure).where(exposure.c.id == exposure_id, scope_clause(scope))
        row = await self._one(stmt.with_for_update() if lock else stmt)
        return _exposure(row) if row is not None else None

    async def exposures(
        self,
        scope: Scope,
        *,
        status: Status | None,
        uscc: str | None,
        after_seq: int | None,
        limit: int,
    ) -> list[ExposureRow]:
        """One page by seq (and one row more, to tell whether another page follows)."""
        stmt = sa.select(exposure).where(scope_clause(scope))
        if status is not None:
            stmt = stmt.where(exposure.c.status == status)
        if uscc is not None:
            stmt = stmt.where(exposure.c.uscc == uscc)
        return [_exposure(row) for row in await self._page(stmt, exposure.c.seq, after_seq, limit)]

    async def loan_ref_taken(self, bank_org_id: str, loan_ref: str) -> bool:
        stmt = sa.select(
            sa.exists().where(exposure.c.bank_org_id == bank_org_id, exposure.c.loan_ref == loan_ref)
        )
        return bool(await self.session.scalar(stmt))

    async def insert_exposure(self, new: NewExposure) -> ExposureRow:
        """One statement: the new active exposure, its registration event and the guarantor's new
        running total; ``Taken`` when the bank's loan is already under guarantee (unique key)."""
        values = {"id": str(uuid.uuid4()), **_new_values(new)}
        stmt = _registration(tuple(values))
        try:
            result = await self.session.execute(stmt, {**values, "delta": new.liability_delta_fen})
        except IntegrityError as exc:
            raise Taken(str(exc.orig)) from exc
        return _exposure(result.mappings().one())

    async def reweigh(self, weights: Mapping[str, int]) -> None:
        """New weights for a client's other exposures (its 单户在保余额 crossed 500万)."""
        if weights:  # most registrations change no other weight: nothing to send, nothing to build
            params = [{"exposure_id": key, "weight": value} for key, value in weights.items()]
            await self.session.execute(_REWEIGH, params)

    async def _update_exposure(self, exposure_id: str, values: Mapping[str, Any]) -> ExposureRow:
        stmt = (
            exposure.update()
            .where(exposure.c.id == exposure_id)
            .values(**values, updated_at=sa.func.now())
            .returning(exposure)
        )
        row = await self._one(stmt)
        assert row is not None
        return _exposure(row)

    async def set_outstanding(
        self,
        exposure_id: str,
        outstanding_fen: int,
        figures: Figures,
        weighted_fen: int,
        *,
        repaid_on: dt.date | None,
    ) -> ExposureRow:
        """A repayment's new balance; ``repaid_on`` ends the exposure as repaid."""
        values: dict[str, Any] = {"outstanding_fen": outstanding_fen, **_figure_values(figures, weighted_fen)}
        if repaid_on is not None:
            values |= {"status": "repaid", "ended_on": repaid_on}
        return await self._update_exposure(exposure_id, values)

    async def set_defaulted(
        self, exposure_id: str, defaulted_fen: int, outcome: DefaultOutcome, *, on: dt.date
    ) -> ExposureRow:
        """The default: nothing stays outstanding, the losses and the 代偿 are recorded."""
        nothing = Figures({p: 0 for p in PARTIES}, 0)
        values = {
            "status": "compensated",
            "ended_on": on,
            "defaulted_fen": defaulted_fen,
            "compensation_fen": outcome.compensation_fen,
            "outstanding_fen": 0,
            **_figure_values(nothing, 0),
            **columns_of("loss_{}_fen", outcome.losses_fen),
        }
        return await self._update_exposure(exposure_id, values)

    async def set_recovered(self, exposure_id: str, recovered_fen: Split) -> ExposureRow:
        """The cumulative 追偿 of each party."""
        return await self._update_exposure(exposure_id, columns_of("recovered_{}_fen", recovered_fen))

    async def add_event(
        self, exposure_id: str, kind: str, amount_fen: int, on_date: dt.date, parts: Split
    ) -> None:
        """One money movement (repayment, default, recovery) and how it splits by party."""
        values = _event_values(exposure_id, kind, amount_fen, on_date, parts)
        await self.session.execute(exposure_event.insert().values(values))
