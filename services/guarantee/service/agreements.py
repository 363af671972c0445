"""Risk-share agreements between a bank and a local guarantor, under 国办发〔2019〕6号."""

from __future__ import annotations

from kit.errors import Conflict, NotFound, RuleViolation
from kit.internal import InternalClient
from kit.orgs import require_org
from kit.pagination import Page
from kit.principal import Principal
from services.guarantee.repository import Repository, Taken
from services.guarantee.repository.rows import AgreementRow
from services.guarantee.rules.shares import check_shares
from services.guarantee.schemas.agreements import Agreement, AgreementCreate
from services.guarantee.service import answers
from services.guarantee.service.access import caller_institution, exposure_scope, sees_all
from services.guarantee.service.paging import after_created, page


async def create_agreement(repo: Repository, internal: InternalClient, body: AgreementCreate) -> Agreement:
    """The shares are checked first: a split 国办发〔2019〕6号 refuses costs no call to the gateway."""
    shares = body.shares_bp.model_dump()
    violation = check_shares(shares)
    if violation is not None:
        raise RuleViolation(violation.detail, slug=violation.slug, rule=violation.slug, shares_bp=shares)
    bank_org_id = str(body.bank_org_id)
    await require_org(internal, bank_org_id, "bank", "bank_org_id")
    guarantor = await repo.institution(str(body.guarantor_id))
    if guarantor is None or guarantor.tier != "local":
        detail = "guarantor_id must be a local guarantor institution."
        raise RuleViolation(detail, slug="invalid-guarantor-id", field="guarantor_id")
    assert guarantor.parent_id is not None  # a local's provincial, held by a database check
    try:
        row = await repo.insert_agreement(
            bank_org_id=bank_org_id,
            guarantor_id=guarantor.id,
            provincial_id=guarantor.parent_id,
            shares_bp=shares,
        )
    except Taken as exc:
        raise Conflict(
            "This bank already has an agreement with this guarantor.", slug="agreement-exists"
        ) from exc
    return answers.agreement(row)


async def visible_agreement(repo: Repository, principal: Principal, agreement_id: str) -> Agreement:
    """An agreement seen by admin, its bank, its guarantor and the guarantor's ancestors."""
    return answers.agreement(await _visible(repo, principal, agreement_id))


async def _visible(repo: Repository, principal: Principal, agreement_id: str) -> AgreementRow:
    row = await repo.agreement(agreement_id)
    if sees_all(principal):
        if row is None:
            raise NotFound("agreement")
        return row
    if principal.role == "bank":
        if row is None or row.bank_org_id != principal.org_id:
            raise NotFound("agreement")
        return row
    me = await caller_institution(repo, principal)
    related = me.tier == "national_fund" or me.id in (row.guarantor_id, row.provincial_id) if row else False
    if row is None or not related:
        raise NotFound("agreement")
    return row


async def list_agreements(
    repo: Repository,
    principal: Principal,
    *,
    cursor: str | None,
    limit: int,
) -> Page[Agreement]:
    """The agreements the caller may see (CONTRACT §4): admin and the national fund all, a bank
    its own, a local guarantor its own, a provincial those of its locals; oldest first.

    The cursor is read once the caller's scope is known (a guarantor org outside the chain hears
    403 whatever cursor it sent).
    """
    scope = await exposure_scope(repo, principal)
    rows = await repo.agreements(scope, after=after_created(cursor), limit=limit)
    return page(rows, limit, lambda row: {"t": row.created_at.isoformat(), "id": row.id}, answers.agreement)
