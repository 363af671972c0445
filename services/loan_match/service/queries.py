"""Match queries: which products an enterprise qualifies for now, ranked by cost."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.shapes import business_date
from services.loan_match import repository, schemas
from services.loan_match.rules.eligibility import Request
from services.loan_match.service.matching import Matcher, Shape, match


async def run(session: AsyncSession, matcher: Matcher, partner_app_id: str, body: schemas.QueryIn) -> bytes:
    """The answer (schemas.QueryResult, already JSON); every query is counted for the stats."""
    now = datetime.now(UTC)
    _, found = await match(
        session,
        matcher,
        partner_app_id,
        body.uscc,
        Request(body.amount_fen, body.term_months),
        Shape(body.limit, body.include_excluded),
        business_date(now),
    )
    await repository.record_query(
        session,
        partner_app_id=partner_app_id,
        uscc=body.uscc,
        amount_fen=body.amount_fen,
        term_months=body.term_months,
        matched=found.matched,
        degraded=found.degraded,
        created_at=now,
    )
    return found.body
