"""Loans banks report for enterprises pushed to them (CONTRACT §3 "Outcomes")."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from kit.deps import Session
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from kit.principal import Principal, require_roles
from kit.uscc import USCC
from services.credit_push.routes.common import IDEMPOTENT, Bank, bank_of, org_of
from services.credit_push.routes.paging import after_of, keyset_page
from services.credit_push.schemas.outcomes import OutcomeIn, OutcomeOut
from services.credit_push.service import outcomes

router = APIRouter(prefix="/v1/credit")
OutcomeReader = Annotated[Principal, Depends(require_roles("bank", "tax_authority", "admin"))]


@router.post(
    "/outcomes",
    status_code=201,
    response_model=OutcomeOut,
    dependencies=[IDEMPOTENT],
    operation_id="createOutcome",
    summary="Report a loan granted to an enterprise pushed to you",
    tags=["outcomes"],
)
async def report_outcome(body: OutcomeIn, principal: Bank, session: Session) -> OutcomeOut:
    """Report a loan granted to an enterprise this platform pushed to you (粤信融-style feedback)."""
    return await outcomes.report(session, body, org_of(principal))


@router.get(
    "/outcomes",
    response_model=Page[OutcomeOut],
    operation_id="listOutcomes",
    summary="List reported loan outcomes",
    tags=["outcomes"],
)
async def list_outcomes(
    principal: OutcomeReader,
    session: Session,
    uscc: Annotated[USCC | None, Query()] = None,
    from_: Annotated[date | None, Query(alias="from", description="granted_on from (inclusive).")] = None,
    to: Annotated[date | None, Query(description="granted_on to (inclusive).")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[OutcomeOut]:
    """Loans reported: a bank its own, the tax authority and admins all; oldest first."""
    where = outcomes.OutcomeFilter(bank_of(principal), uscc, from_, to)
    items = await outcomes.list_for(session, where, after_of(cursor), limit)
    return keyset_page(items, limit)
