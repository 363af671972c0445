"""Enterprise profiles: a partner app's view of an enterprise, sized by 工信部联企业〔2011〕300号."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import NotFound, RuleViolation
from kit.shapes import business_date
from services.loan_match.repository import profiles as repo
from services.loan_match.repository.rows import ProfileRow
from services.loan_match.rules.size import Figures, classify, outside_scope
from services.loan_match.schemas import profiles as schemas
from services.loan_match.service.common import dedupe, invalid


async def put(
    session: AsyncSession, partner_app_id: str, uscc: str, body: schemas.ProfileIn
) -> schemas.Profile:
    """Create or replace the app's profile of an enterprise, with its size computed from it."""
    now = datetime.now(UTC)
    if body.established_on > business_date(now):
        raise invalid(["established_on"], "must not be in the future")
    _check_in_scope(body.industry_code)
    sized = classify(body.industry_code, Figures(body.employees, body.revenue_fen, body.total_assets_fen))
    fields = body.model_dump()
    fields.update(flags=dedupe(body.flags), collateral=dedupe(body.collateral))
    profile = ProfileRow(
        **fields,
        partner_app_id=partner_app_id,
        uscc=uscc,
        size=sized.size,
        size_basis=sized.basis,
        created_at=now,
        updated_at=now,
    )
    return profile_out(await repo.upsert_profile(session, profile))


def _check_in_scope(industry_code: str) -> None:
    """300号 sizes neither finance (J), railway transport (G53) nor 自有房地产经营活动 (K704, by the
    2017 statistics note) (domain-facts §5, §9)."""
    why = outside_scope(industry_code)
    if why is not None:
        raise RuleViolation(
            f"{why}, so this platform cannot size the enterprise.",
            slug="industry-outside-scope",
            field="industry_code",
            industry_code=industry_code,  # for the translated detail
        )


async def get(session: AsyncSession, partner_app_id: str, uscc: str) -> schemas.Profile:
    row = await repo.get_profile(session, partner_app_id, uscc)
    if row is None:
        raise NotFound("enterprise profile")
    return profile_out(row)


def profile_out(row: ProfileRow) -> schemas.Profile:
    return schemas.Profile.model_validate(row, from_attributes=True)
