"""Consents: an enterprise lets one named bank see its rating and tax figure (税收征管法 第八条).

Giving one publishes a B or M enterprise to the bank at once; revoking or expiring one
withdraws what the bank is no longer entitled to. Both run under the entitlement lock.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import NotFound, RuleViolation
from kit.internal import InternalClient
from kit.orgs import require_org
from kit.shapes import business_date
from services.credit_push import repository as repo
from services.credit_push.repository.common import After
from services.credit_push.repository.consents import ConsentRow, OrgColumn
from services.credit_push.rules.validity import check_expires_on, shown_status
from services.credit_push.schemas.consents import ConsentIn, ConsentOut
from services.credit_push.service.authorisations import withdraw
from services.credit_push.service.banks import ensure_bank
from services.credit_push.service.expiry import lapsed_locked
from services.credit_push.service.outbox import reconcile


def consent_out(row: ConsentRow, today: date) -> ConsentOut:
    shown = replace(row, status=shown_status(row.status, row.expires_on, today))
    return ConsentOut.model_validate(shown, from_attributes=True)


async def give(session: AsyncSession, body: ConsentIn, partner_id: str, orgs: InternalClient) -> ConsentOut:
    """Record a consent for a bank the gateway knows; the bank is sent what it is now entitled to."""
    now = datetime.now(UTC)
    today = business_date(now)
    check_expires_on(body.expires_on, today)
    bank = await require_org(orgs, str(body.bank_org_id), "bank", "bank_org_id")
    row = _new_consent(body, partner_id, now)
    await _store(session, row, bank.name, now)
    return consent_out(await _get(session, row.id), today)


async def _require_authorisation(session: AsyncSession, partner_id: str, uscc: str, today: date) -> None:
    """The app acts for the enterprise only while it holds its authorisation (CONTRACT §3).

    Checked under the entitlement lock with the authorisation rows locked, so a revocation
    running in parallel either comes first (this is refused) or ends this consent too.
    """
    if not await repo.authorisations.lock_valid(session, partner_id, uscc, today):
        raise RuleViolation(
            f"You hold no active authorisation from {uscc}; record the enterprise's authorisation "
            "first (POST /v1/credit/authorisations).",
            slug="not-authorised-by-enterprise",
            field="uscc",
            field_msg="no active authorisation from this enterprise",
        )


def _new_consent(body: ConsentIn, partner_id: str, now: datetime) -> ConsentRow:
    # The body's fields (uscc, bank_org_id, evidence_ref, expires_on) are the row's, as they are.
    fields = body.model_dump()
    return ConsentRow(
        id=uuid.uuid4(),
        partner_org_id=uuid.UUID(partner_id),
        status="active",
        created_at=now,
        ended_at=None,
        **fields,
    )


async def _store(session: AsyncSession, row: ConsentRow, bank_name: str, now: datetime) -> None:
    """Store a consent; a B or M enterprise is published to the bank at once."""
    await repo.locks.lock_entitlement(session)
    await _require_authorisation(session, str(row.partner_org_id), row.uscc, business_date(now))
    bank_id = str(row.bank_org_id)
    await ensure_bank(session, bank_id, bank_name, now)
    await repo.consents.insert(session, row)
    await reconcile(session, usccs=[row.uscc], bank_ids=[bank_id], cause="consent", now=now)


async def _get(session: AsyncSession, consent_id: uuid.UUID) -> ConsentRow:
    row = await repo.consents.get(session, consent_id)
    if row is None:
        raise NotFound("consent")
    return row


async def revoke(session: AsyncSession, partner_id: str, consent_id: uuid.UUID) -> None:
    """Revoke a consent the partner app recorded; banks that were sent the enterprise get a `withdrawn`."""
    row = await repo.consents.get(session, consent_id)
    if row is None or str(row.partner_org_id) != partner_id:
        raise NotFound("consent")
    if row.status != "active":
        return
    now = datetime.now(UTC)
    await repo.locks.lock_entitlement(session)
    await repo.consents.end(session, [row.id], "revoked", now)
    await reconcile(
        session, usccs=[row.uscc], bank_ids=[str(row.bank_org_id)], cause="consent_revoked", now=now
    )


async def list_for(
    session: AsyncSession,
    role: str,
    org_id: str,
    uscc: str | None,
    after: After,
    limit: int,
) -> list[ConsentOut]:
    """Up to ``limit + 1`` consents a partner app recorded, or that were granted to a bank."""
    column: OrgColumn = "partner_org_id" if role == "partner_app" else "bank_org_id"
    rows = await repo.consents.list_for(
        session, column=column, org_id=org_id, uscc=uscc, after=after, limit=limit
    )
    today = business_date(datetime.now(UTC))
    return [consent_out(row, today) for row in rows]


async def expire(session: AsyncSession, now: datetime) -> int:
    """End every active consent past its last day (Asia/Shanghai); expiry withdraws like a revocation."""
    lapsed = await lapsed_locked(session, repo.consents.lapsed, business_date(now))
    await repo.consents.end(session, [row.id for row in lapsed], "expired", now)
    await withdraw(session, [(str(r.bank_org_id), r.uscc) for r in lapsed], "consent_expired", now)
    return len(lapsed)
