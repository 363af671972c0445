"""Outcomes: loans banks report for enterprises pushed to them (粤信融-style feedback)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import Conflict, RuleViolation
from kit.shapes import business_date
from services.credit_push import repository as repo
from services.credit_push.repository.common import After
from services.credit_push.repository.outcomes import OutcomeFilter, OutcomeRow
from services.credit_push.schemas.outcomes import OutcomeIn, OutcomeOut

__all__ = ["OutcomeFilter", "list_for", "report"]


async def report(session: AsyncSession, body: OutcomeIn, bank_id: str) -> OutcomeOut:
    """Record a loan the bank granted to an enterprise this platform pushed to it."""
    now = datetime.now(UTC)
    _check_granted_on(body, business_date(now))
    if not await repo.views.was_pushed(session, bank_id, body.uscc):
        raise RuleViolation(
            f"{body.uscc} was never pushed to your bank; report loans made through 银税互动 only.",
            slug="enterprise-not-pushed",
            field="uscc",
            field_msg="not an enterprise pushed to you",
        )
    # The body's fields (uscc, loan_ref, amount_fen, credit_type, granted_on) are the row's.
    row = OutcomeRow(id=uuid.uuid4(), bank_org_id=uuid.UUID(bank_id), created_at=now, **body.model_dump())
    if not await repo.outcomes.insert(session, row):
        raise Conflict(
            f"You already reported the loan {body.loan_ref!r}; each loan_ref once per bank.",
            slug="duplicate-loan",
            field="loan_ref",
        )
    return _outcome_out(row)


def _check_granted_on(body: OutcomeIn, today: date) -> None:
    if body.granted_on > today:
        raise RuleViolation(
            f"granted_on {body.granted_on} is in the future (today is {today}, Asia/Shanghai).",
            slug="invalid-granted-on",
            field="granted_on",
            field_msg="must not be in the future",
        )


def _outcome_out(row: OutcomeRow) -> OutcomeOut:
    # The answer's fields are the row's, one to one.
    return OutcomeOut.model_validate(row, from_attributes=True)


async def list_for(session: AsyncSession, where: OutcomeFilter, after: After, limit: int) -> list[OutcomeOut]:
    """Up to ``limit + 1`` reported loans (a bank's own, or all), oldest first."""
    return [_outcome_out(row) for row in await repo.outcomes.list_for(session, where, after, limit)]
