"""The entitlement lock: every write that changes who is entitled to what takes it first.

See service/outbox.py for why.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

ENTITLEMENT_LOCK = "credit_push.entitlement"


async def lock_entitlement(session: AsyncSession) -> None:
    """A transaction-scoped advisory lock: it is released when the transaction ends."""
    await session.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(ENTITLEMENT_LOCK))))
