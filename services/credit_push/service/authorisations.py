"""Authorisations: an enterprise lets a partner app act for it (税收征管法 第八条; CONTRACT §3).

While an app holds an active, unexpired authorisation it may record consents for the
enterprise and loan_match may read its rating for that app's queries. Revoking or expiring
one ends every consent the app recorded for the enterprise, in the same transaction and
under the entitlement lock, so each bank that was sent the enterprise gets its `withdrawn`.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import NotFound
from kit.shapes import business_date
from services.credit_push import repository as repo
from services.credit_push.repository.authorisations import AuthorisationRow
from services.credit_push.repository.common import After
from services.credit_push.repository.consents import ConsentStatus
from services.credit_push.rules.entitlement import Cause
from services.credit_push.rules.validity import check_expires_on, shown_status
from services.credit_push.schemas.authorisations import AuthorisationIn, AuthorisationOut
from services.credit_push.service.expiry import lapsed_locked
from services.credit_push.service.outbox import reconcile


def authorisation_out(row: AuthorisationRow, today: date) -> AuthorisationOut:
    shown = replace(row, status=shown_status(row.status, row.expires_on, today))
    return AuthorisationOut.model_validate(shown, from_attributes=True)


async def grant(session: AsyncSession, body: AuthorisationIn, partner_id: str) -> AuthorisationOut:
    """Record the enterprise's authorisation of the calling app."""
    now = datetime.now(UTC)
    check_expires_on(body.expires_on, business_date(now))
    # The body's fields (uscc, evidence_ref, expires_on) are the row's, as they are.
    fields = body.model_dump()
    row = AuthorisationRow(
        id=uuid.uuid4(),
        partner_org_id=uuid.UUID(partner_id),
        status="active",
        created_at=now,
        ended_at=None,
        **fields,
    )
    await repo.authorisations.insert(session, row)
    return authorisation_out(row, business_date(now))


async def get(session: AsyncSession, partner_id: str, auth_id: uuid.UUID) -> AuthorisationOut:
    row = await _own(session, partner_id, auth_id)
    return authorisation_out(row, business_date(datetime.now(UTC)))


async def _own(
    session: AsyncSession, partner_id: str, auth_id: uuid.UUID, *, lock: bool = False
) -> AuthorisationRow:
    row = await repo.authorisations.get(session, auth_id, lock=lock)
    if row is None or str(row.partner_org_id) != partner_id:
        raise NotFound("authorisation")
    return row


async def revoke(session: AsyncSession, partner_id: str, auth_id: uuid.UUID) -> None:
    """End the authorisation and every consent the app recorded for the enterprise.

    The entitlement lock first, then the row (the order consents.give takes them in), so a
    consent recorded in parallel is either refused or recorded and then ended here.
    """
    await _own(session, partner_id, auth_id)
    await repo.locks.lock_entitlement(session)
    row = await _own(session, partner_id, auth_id, lock=True)
    if row.status == "active":
        await end(session, [row], "revoked", datetime.now(UTC))


async def end(
    session: AsyncSession, rows: Sequence[AuthorisationRow], status: ConsentStatus, now: datetime
) -> None:
    """End ``rows`` and their apps' consents (status ``status``); banks get their `withdrawn`.

    The caller holds the entitlement lock.
    """
    await repo.authorisations.end(session, [r.id for r in rows], status, now)
    pairs = sorted({(str(r.partner_org_id), r.uscc) for r in rows})
    ended = await repo.consents.end_for_pairs(session, pairs, status, now)
    cause: Cause = "consent_revoked" if status == "revoked" else "consent_expired"
    await withdraw(session, ended, cause, now)


async def withdraw(
    session: AsyncSession, ended: Sequence[tuple[str, str]], cause: Cause, now: datetime
) -> None:
    """Reconcile each bank whose consents (bank, uscc) ended, one bank at a time."""
    by_bank: dict[str, set[str]] = defaultdict(set)
    for bank_id, uscc in ended:
        by_bank[bank_id].add(uscc)
    for bank_id, usccs in sorted(by_bank.items()):
        await reconcile(session, usccs=sorted(usccs), bank_ids=[bank_id], cause=cause, now=now)


async def expire(session: AsyncSession, now: datetime) -> int:
    """End every active authorisation past its last day (Asia/Shanghai), with its consents."""
    lapsed = await lapsed_locked(session, repo.authorisations.lapsed, business_date(now))
    await end(session, lapsed, "expired", now)
    return len(lapsed)


async def list_for(
    session: AsyncSession, partner_id: str, uscc: str | None, after: After, limit: int
) -> list[AuthorisationOut]:
    """Up to ``limit + 1`` of the app's authorisations, oldest first."""
    rows = await repo.authorisations.list_for(session, partner_id, uscc, after, limit)
    today = business_date(datetime.now(UTC))
    return [authorisation_out(row, today) for row in rows]
