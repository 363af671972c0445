"""Subsidy programmes of policy funds: a fund manager publishes one, anyone reads it with its
figures (CONTRACT §6; the demo's follow 甘工信发〔2019〕114号)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import NotFound
from services.loan_match.repository import programmes as repo
from services.loan_match.repository.rows import ProgrammeRow
from services.loan_match.rules import subsidy
from services.loan_match.schemas import programmes as schemas
from services.loan_match.service.common import dedupe, known_id

ELIGIBILITY = tuple(schemas.Eligibility.model_fields)  # the columns that say who a programme is for


# A programme's terms and eligibility, as its row and a match's interest offer both carry them.
Programmed = ProgrammeRow | repo.InterestOffer


async def create(
    session: AsyncSession, fund_manager_org_id: str, body: schemas.ProgrammeIn
) -> schemas.Programme:
    """Publish a programme of the calling fund manager, with nothing paid yet."""
    new = ProgrammeRow(
        id=str(uuid.uuid4()),
        fund_manager_org_id=fund_manager_org_id,
        **body.model_dump(exclude={"eligible"}),
        product_types=dedupe(body.eligible.product_types),
        collateral=dedupe(body.eligible.collateral),
        sizes=dedupe(body.eligible.sizes),
        region_codes=dedupe(body.eligible.region_codes),
        paid_fen=0,
        approved_count=0,
        refused_count=0,
        created_at=datetime.now(UTC),
    )
    return out(await repo.insert_programme(session, new))


async def listed(session: AsyncSession) -> list[schemas.Programme]:
    return [out(row) for row in await repo.list_programmes(session)]


async def get(session: AsyncSession, programme_id: str) -> schemas.Programme:
    """One programme with what it has paid by 市州 and by month."""
    row = await found(session, programme_id)
    shown = out(row)
    shown.by_region = _figures(await repo.paid_by(session, row.id, repo.by_region_key()))
    shown.by_month = _figures(await repo.paid_by(session, row.id, repo.by_month_key()))
    return shown


async def found(session: AsyncSession, programme_id: str, *, lock: bool = False) -> ProgrammeRow:
    row = await repo.get_programme(session, known_id(programme_id, "programme"), lock=lock)
    if row is None:
        raise NotFound("programme")
    return row


def terms(row: Programmed) -> subsidy.Terms:
    return subsidy.Terms(row.share_bp, row.cap_per_item_fen, row.cap_per_enterprise_year_fen)


def eligible(row: Programmed) -> subsidy.Eligible:
    return subsidy.Eligible(row.product_types, row.collateral, row.sizes, row.region_codes)


def out(row: ProgrammeRow) -> schemas.Programme:
    """The row's columns, those of eligibility nested, and what is left of the budget."""
    values = asdict(row)
    who = schemas.Eligibility.model_validate({name: values.pop(name) for name in ELIGIBILITY})
    return schemas.Programme(**values, eligible=who, remaining_budget_fen=row.budget_fen - row.paid_fen)


def _figures(rows: list[repo.Figure]) -> list[schemas.Figure]:
    return [schemas.Figure(key=f.key, paid_fen=f.paid_fen, approved_count=f.approved_count) for f in rows]


def offers_for(
    found: Sequence[repo.InterestOffer], size: str, region_code: str, collateral: list[str]
) -> list[subsidy.Offer]:
    """The year's ``interest`` programmes (read with the profile, once per query whatever the
    number of products) the enterprise qualifies for, with what each has paid it and has left."""
    offers = []
    for row in found:
        rule = eligible(row)
        if subsidy.enterprise_eligible(rule, size, region_code, collateral):
            used = subsidy.Used(row.enterprise_paid_fen, row.budget_left_fen)
            offers.append(subsidy.Offer(terms(row), rule, used))
    return offers
