"""Risk-share agreements between a bank and a local guarantor, under 国办发〔2019〕6号."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from kit.errors import Conflict, NotFound, RuleViolation
from kit.internal import InternalClient
from kit.orgs import require_org
from kit.principal import Principal
from services.guarantee import rules, schemas
from services.guarantee.repository import Repository, Taken
from services.guarantee.rows import AgreementRow
from services.guarantee.service.access import caller_institution, exposure_scope, sees_all


async def create_agreement(
    repo: Repository, internal: InternalClient, body: schemas.AgreementCreate
) -> AgreementRow:
    """The shares are checked first: a split 国办发〔2019〕6号 refuses costs no call to the gateway."""
    shares = body.shares_bp.model_dump()
    violation = rules.check_shares(shares)
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
        return await repo.insert_agreement(
            bank_org_id=bank_org_id,
            guarantor_id=guarantor.id,
            provincial_id=guarantor.parent_id,
            shares_bp=shares,
        )
    except Taken as exc:
        raise Conflict(
            "This bank already has an agreement with this guarantor.", slug="agreement-exists"
        ) from exc


async def visible_agreement(repo: Repository, principal: Principal, agreement_id: str) -> AgreementRow:
    """An agreement seen by admin, its bank, its guarantor and the guarantor's ancestors."""
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
    after: Callable[[], tuple[dt.datetime, str] | None],
    limit: int,
) -> list[AgreementRow]:
    """The agreements the caller may see (CONTRACT §4): admin and the national fund all, a bank
    its own, a local guarantor its own, a provincial those of its locals; oldest first.

    ``after`` reads the cursor once the caller's scope is known (a guarantor org outside the
    chain hears 403 whatever cursor it sent).
    """
    scope = await exposure_scope(repo, principal)
    return await repo.agreements(scope, after=after(), limit=limit)
