"""Banks: learned from the gateway; a new one is sent the whole A list (and its consents) at once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.shapes import business_date
from services.credit_push import repository as repo
from services.credit_push.service.outbox import reconcile


async def ensure_bank(session: AsyncSession, org_id: str, name: str, now: datetime) -> bool:
    """Record a bank; a new one is addressed the whole current A list (and its consents) at once.

    The caller holds the entitlement lock.
    """
    if not await repo.banks.insert(session, org_id, name, now):
        return False
    usccs = set(await repo.ratings.a_list(session))
    usccs |= set(await repo.consents.consented_usccs(session, org_id, business_date(now)))
    await reconcile(session, usccs=sorted(usccs), bank_ids=[org_id], cause="bank", now=now)
    return True


async def learn_banks(session: AsyncSession, orgs: Sequence[tuple[str, str]], now: datetime) -> int:
    """Add banks the gateway knows and this service does not yet; the number added."""
    if not orgs:
        return 0
    known = await repo.banks.known(session, [org_id for org_id, _ in orgs])
    missing = [(org_id, name) for org_id, name in orgs if org_id not in known]
    if not missing:
        return 0
    await repo.locks.lock_entitlement(session)
    added = 0
    for org_id, name in missing:
        added += await ensure_bank(session, org_id, name, now)
    return added
