"""Financing demands: an enterprise's demand goes to every bank with a matching product, and
each routed bank accepts, declines or asks for more information within 10 working days."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import Conflict, NotFound, RuleViolation, Unavailable
from kit.pagination import Page, page_of
from kit.shapes import business_date, business_today
from services.loan_match.repository import demands as repo
from services.loan_match.repository.rows import DemandRow, Position, ResponseRow
from services.loan_match.rules import demand_state
from services.loan_match.rules.eligibility import Answer, Request
from services.loan_match.schemas import demands as schemas
from services.loan_match.service.calendars import respond_by
from services.loan_match.service.common import Caller, invalid, known_id, position, same_named
from services.loan_match.service.matching import Matcher, Shape, match

ENTERPRISE = ("industry_code", "region_code", "size")  # a demand keeps these of the profile
SHOWN = ("id", "uscc", "amount_fen", "term_months", "purpose", "respond_by", "created_at")


@dataclass(frozen=True)
class Viewer:
    """Who looks at demands: a partner app sees its own, a bank those routed to it."""

    partner_app_id: str | None = None
    bank_org_id: str | None = None


async def publish(
    session: AsyncSession, matcher: Matcher, partner_app_id: str, body: schemas.DemandIn
) -> schemas.Demand:
    """Publish a demand; it goes to every bank with a product matching it now."""
    now = datetime.now(UTC)
    ask = Request(body.amount_fen, body.term_months)
    shape = Shape(limit=1)  # routing needs only the banks
    profile, found = await match(session, matcher, partner_app_id, body.uscc, ask, shape, business_date(now))
    check_authorised(found.rating)
    new = DemandRow(
        id=str(uuid.uuid4()),
        partner_app_id=partner_app_id,
        **body.model_dump(),
        enterprise_name=profile.name,  # the enterprise as the demand was published
        **same_named(profile, ENTERPRISE),
        respond_by=await respond_by(session, now),
        created_at=now,
    )
    await repo.insert_demand(session, new, found.matched_banks)
    return await _get(session, Viewer(partner_app_id=partner_app_id), new.id)


def _viewer(caller: Caller) -> Viewer:
    if caller.role == "partner_app":
        return Viewer(partner_app_id=caller.org_id)
    return Viewer(bank_org_id=caller.org_id)


async def listed(
    session: AsyncSession, caller: Caller, *, after: Position | None, limit: int
) -> Page[schemas.Demand]:
    """A page of the demands the caller may see (:class:`Viewer`), oldest first."""
    viewer = _viewer(caller)
    rows = await repo.list_demands(
        session,
        partner_app_id=viewer.partner_app_id,
        bank_org_id=viewer.bank_org_id,
        after=after,
        limit=limit,
    )
    page, next_cursor = page_of(rows, limit, position)
    return Page[schemas.Demand](items=await _shown(session, page, viewer), next_cursor=next_cursor)


async def get(session: AsyncSession, caller: Caller, demand_id: str) -> schemas.Demand:
    return await _get(session, _viewer(caller), demand_id)


async def _get(session: AsyncSession, viewer: Viewer, demand_id: str) -> schemas.Demand:
    row = await repo.get_demand(
        session,
        known_id(demand_id, "demand"),
        partner_app_id=viewer.partner_app_id,
        bank_org_id=viewer.bank_org_id,
    )
    if row is None:
        raise NotFound("demand")
    return (await _shown(session, [row], viewer))[0]


async def respond(
    session: AsyncSession, bank_org_id: str, demand_id: str, body: schemas.ResponseIn
) -> schemas.DemandResponse:
    """A routed bank's answer; once it has accepted or declined, it has decided for good."""
    _check_response(body)
    found = known_id(demand_id, "demand")
    row = await repo.get_demand(session, found, bank_org_id=bank_org_id, lock=True)
    if row is None:
        raise NotFound("demand")
    answers = (await repo.responses_of(session, [row.id]))[row.id]
    if demand_state.has_decided(bank_org_id, _answers(answers)):
        raise Conflict(
            "Your bank has already accepted or declined this demand.", slug="demand-already-decided"
        )
    new = ResponseRow(
        id=str(uuid.uuid4()),
        demand_id=row.id,
        bank_org_id=bank_org_id,
        decision=body.decision,
        offered_amount_fen=body.offered_amount_fen,
        annual_rate_bp=body.annual_rate_bp,
        reason=body.reason,
        created_at=datetime.now(UTC),
    )
    return _response_out(await repo.insert_response(session, new))


def check_authorised(rating: Answer) -> None:
    """A partner app publishes a demand only while it acts for the enterprise: it holds the
    enterprise's active authorisation (CONTRACT §3; 税总发〔2019〕113号). Nothing is created
    otherwise, nor when credit_push cannot say."""
    if rating is Answer.NOT_AUTHORISED:
        raise RuleViolation(
            "The enterprise has not authorised this app: record its authorisation first "
            "(POST /v1/credit/authorisations).",
            slug="not-authorised-by-enterprise",
        )
    if rating is Answer.UNAVAILABLE:
        raise Unavailable("credit_push did not answer, so the enterprise's authorisation cannot be checked.")


def _check_response(body: schemas.ResponseIn) -> None:
    if body.decision == "declined" and body.reason is None:
        raise invalid(["reason"], "a reason is required when declining")
    if body.decision != "accepted" and body.offered_amount_fen is not None:
        raise invalid(["offered_amount_fen"], "only an acceptance offers an amount")
    if body.decision != "accepted" and body.annual_rate_bp is not None:
        raise invalid(["annual_rate_bp"], "only an acceptance offers a rate")


async def _shown(session: AsyncSession, rows: list[DemandRow], viewer: Viewer) -> list[schemas.Demand]:
    """Demands with their routes and responses, as the viewer may see them."""
    ids = [row.id for row in rows]
    routes = await repo.routes_of(session, ids)
    responses = await repo.responses_of(session, ids)
    today = business_today()
    return [_demand_out(row, routes[row.id], responses[row.id], viewer, today) for row in rows]


def _demand_out(
    row: DemandRow, routed: list[str], responses: list[ResponseRow], viewer: Viewer, today: date
) -> schemas.Demand:
    if viewer.bank_org_id is not None:
        # A bank sees the demand as it stands between the enterprise and itself: status
        # and overdue follow its own route and answers, so no competitor's move leaks.
        routed = [bank for bank in routed if bank == viewer.bank_org_id]
        responses = [r for r in responses if r.bank_org_id == viewer.bank_org_id]
    answers = _answers(responses)
    return schemas.Demand(
        **same_named(row, SHOWN),
        enterprise=schemas.EnterpriseSummary(name=row.enterprise_name, **same_named(row, ENTERPRISE)),
        status=demand_state.status(routed, answers),
        routed_to=routed,
        overdue=demand_state.is_overdue(routed, answers, row.respond_by, today),
        responses=[_response_out(r) for r in responses],
    )


def _answers(responses: Sequence[ResponseRow]) -> list[demand_state.Answer]:
    return [demand_state.Answer(r.bank_org_id, r.decision) for r in responses]


def _response_out(row: ResponseRow) -> schemas.DemandResponse:
    return schemas.DemandResponse.model_validate(row, from_attributes=True)
