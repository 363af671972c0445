"""Claims on subsidy programmes: a bank or an authorised partner app files one for an
enterprise's loan, the programme's fund manager approves or refuses it (CONTRACT §6).

An approval pays under the programme row's lock and the enterprise-year total's lock, so
concurrent approvals never jointly pass the budget or an enterprise's annual cap
(甘工信发〔2019〕114号: at most 200,000 yuan per enterprise per year for IP-pledge interest).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import Conflict, NotFound, RuleViolation
from kit.internal import InternalClient
from kit.orgs import require_org
from services.loan_match import clients
from services.loan_match.repository import claims as repo
from services.loan_match.repository import programmes as programme_repo
from services.loan_match.repository.profiles import profiles_of
from services.loan_match.repository.rows import ClaimRow, ProgrammeRow
from services.loan_match.rules import subsidy
from services.loan_match.schemas import claims as schemas
from services.loan_match.service import programmes
from services.loan_match.service.common import Caller, invalid, known_id
from services.loan_match.service.demands import check_authorised

READ_ALL_ROLES = frozenset({"admin", "regulator"})


async def file(
    session: AsyncSession, internal: InternalClient, caller: Caller, programme_id: str, body: schemas.ClaimIn
) -> schemas.Claim:
    """File a claim valued at what the programme would pay now; it pays nothing until approved."""
    row = await programmes.found(session, programme_id)
    _check_period(row, body)
    bank_org_id = await _bank(internal, caller, str(body.bank_org_id))
    if caller.role == "partner_app":
        # Only an app acting for the enterprise: the check demands make (CONTRACT §3, §6).
        rating, _ = await clients.current_rating(internal, body.uscc, caller.org_id)
        check_authorised(rating.answer)
    region_code = await _eligible_region(session, row, body.uscc)
    used = await _used(session, row, body.uscc, body.period_to.year, lock=False)
    new = ClaimRow(
        id=str(uuid.uuid4()),
        programme_id=row.id,
        filed_by_org_id=caller.org_id,
        **body.model_dump(include={"uscc", "loan_ref", "period_from", "period_to"}),
        bank_org_id=bank_org_id,
        claimed_on_fen=body.paid_fen,
        region_code=region_code,
        claimable_fen=subsidy.claimable(body.paid_fen, programmes.terms(row), used),
        status="filed",
        paid_fen=0,
        reason=None,
        created_at=datetime.now(UTC),
        decided_at=None,
    )
    return out(await repo.insert_claim(session, new))


async def _used(
    session: AsyncSession, row: ProgrammeRow, uscc: str, year: int, *, lock: bool
) -> subsidy.Used:
    """What the programme has paid the enterprise in ``year`` and what is left of its budget."""
    paid = await repo.enterprise_paid(session, row.id, uscc, year, lock=lock)
    return subsidy.Used(paid, row.budget_fen - row.paid_fen)


async def listed(session: AsyncSession, caller: Caller, programme_id: str) -> list[schemas.Claim]:
    """Every claim for the programme's own fund manager (and admin, regulator); a filer's own else."""
    row = await programmes.found(session, programme_id)
    everything = caller.role in READ_ALL_ROLES or (
        caller.role == "fund_manager" and caller.org_id == row.fund_manager_org_id
    )
    if caller.role == "fund_manager" and not everything:
        raise NotFound("programme")
    filer = None if everything else caller.org_id
    return [out(claim) for claim in await repo.list_claims(session, row.id, filer)]


async def decide(
    session: AsyncSession, fund_manager_org_id: str, claim_id: str, body: schemas.DecisionIn
) -> schemas.DecisionOut:
    """Approve (paying what is left under every cap) or refuse (with a reason) a filed claim."""
    if body.decision == "refused" and body.reason is None:
        raise invalid(["reason"], "a reason is required when refusing")
    claim = await repo.get_claim(session, known_id(claim_id, "claim"))
    if claim is None:
        raise NotFound("claim")
    # Lock order: programme, then claim, then enterprise-year, for every approval alike.
    row = await programmes.found(session, claim.programme_id, lock=True)
    if row.fund_manager_org_id != fund_manager_org_id:
        raise NotFound("claim")
    claim = await repo.get_claim(session, claim.id, lock=True) or claim
    if claim.status != "filed":
        raise Conflict(f"The claim is {claim.status} already.", slug="claim-already-decided")
    now = datetime.now(UTC)
    if body.decision == "refused":
        await programme_repo.add_paid(session, row.id, None)
        decided = await repo.decide_claim(
            session, claim.id, status="refused", paid_fen=0, reason=body.reason, at=now
        )
    else:
        decided = await _approve(session, row, claim, body.reason, now)
    return schemas.DecisionOut.model_validate(decided, from_attributes=True)


async def _approve(
    session: AsyncSession, row: ProgrammeRow, claim: ClaimRow, reason: str | None, now: datetime
) -> ClaimRow:
    year = claim.period_to.year
    used = await _used(session, row, claim.uscc, year, lock=True)
    pay = subsidy.payable(claim.claimed_on_fen, programmes.terms(row), used)
    if pay == 0:
        raise Conflict(_nothing_left(row, used), slug="budget-exhausted")
    await repo.add_enterprise_paid(session, row.id, claim.uscc, year, pay)
    await programme_repo.add_paid(session, row.id, pay)
    return await repo.decide_claim(session, claim.id, status="approved", paid_fen=pay, reason=reason, at=now)


def _nothing_left(row: ProgrammeRow, used: subsidy.Used) -> str:
    if used.budget_left_fen <= 0:
        return f"The programme's budget of {row.budget_fen} fen is spent; nothing can be paid."
    return "The enterprise has used its annual cap of this programme; nothing can be paid."


def _check_period(row: ProgrammeRow, body: schemas.ClaimIn) -> None:
    if body.period_from > body.period_to:
        raise invalid(["period_to"], "must not be before period_from")
    if body.period_to.year != row.year:
        raise invalid(["period_to"], f"must fall in the programme's year {row.year}")


async def _bank(internal: InternalClient, caller: Caller, bank_org_id: str) -> str:
    """A bank files for its own loans; an app names a bank that exists (CONTRACT §2)."""
    if caller.role == "bank":
        if bank_org_id != caller.org_id:
            raise invalid(["bank_org_id"], "a bank files claims for its own loans only")
        return bank_org_id
    await require_org(internal, bank_org_id, "bank", "bank_org_id")
    return bank_org_id


async def _eligible_region(session: AsyncSession, row: ProgrammeRow, uscc: str) -> str:
    """The region of the first profile (any partner app's) on which the enterprise qualifies."""
    rule = programmes.eligible(row)
    for facts in await profiles_of(session, uscc):
        if subsidy.enterprise_eligible(rule, facts.size, facts.region_code, facts.collateral):
            return facts.region_code
    raise RuleViolation(
        "No profile of the enterprise holds the programme's collateral and size in a region it covers.",
        slug="not-eligible",
    )


def out(row: ClaimRow) -> schemas.Claim:
    # Every field of the answer is the row's field of the same name (repository/rows.py).
    return schemas.Claim.model_validate(row, from_attributes=True)
