"""Match queries: which products an enterprise qualifies for now, ranked by cost."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import single_statement
from kit.shapes import business_date
from services.loan_match.repository import queries as repo
from services.loan_match.repository.rows import QueryRow
from services.loan_match.rules.eligibility import Request
from services.loan_match.schemas import queries as schemas
from services.loan_match.service.matching import Matcher, Shape, match


async def run(session: AsyncSession, matcher: Matcher, partner_app_id: str, body: schemas.QueryIn) -> bytes:
    """The answer (schemas.QueryResult, already JSON); every query is counted for the stats."""
    # Without BEGIN and COMMIT, two round trips fewer: the query writes one row, its record,
    # in one statement; the reads before it change nothing, and at READ COMMITTED each statement
    # of a transaction saw its own snapshot anyway. A failed record fails the query
    # (kit.db's handler answers it), as a failed commit did.
    await single_statement(session)
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
    asked = body.model_dump(include={"uscc", "amount_fen", "term_months"})
    await repo.record_query(
        session,
        QueryRow(partner_app_id, **asked, matched=found.matched, degraded=found.degraded, created_at=now),
    )
    return found.body
