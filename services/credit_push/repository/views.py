"""What banks and subscriptions hold: the last `published` each was sent about an enterprise."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.common import uuids
from services.credit_push.rules.entitlement import Seen
from services.credit_push.tables import bank_views, subscription_views

# --- banks ---------------------------------------------------------------------------------


async def seen(
    session: AsyncSession, usccs: Sequence[str], bank_ids: Sequence[str] | None
) -> dict[tuple[str, str], Seen]:
    query = sa.select(bank_views.c.bank_org_id, bank_views.c.uscc, bank_views.c.version, bank_views.c.full)
    query = query.where(bank_views.c.uscc == sa.func.any(list(usccs)), bank_views.c.held)
    if bank_ids is not None:
        query = query.where(bank_views.c.bank_org_id == sa.func.any(uuids(bank_ids)))
    return {(str(r.bank_org_id), r.uscc): Seen(r.version, r.full) for r in await session.execute(query)}


_UPSERT_VIEWS = sa.text(
    """
    INSERT INTO credit_push.bank_views (bank_org_id, uscc, version, "full", held)
    SELECT *, true FROM unnest(CAST(:b AS uuid[]), CAST(:u AS text[]), CAST(:v AS int[]),
                               CAST(:f AS boolean[]))
    ON CONFLICT (uscc, bank_org_id)
    DO UPDATE SET version = excluded.version, "full" = excluded."full", held = true
    """
)
# A `withdrawn`: the bank holds nothing now, and the row stays to say it was pushed (v0012).
_DROP_VIEWS = sa.text(
    """
    UPDATE credit_push.bank_views v SET held = false
    FROM unnest(CAST(:b AS uuid[]), CAST(:u AS text[])) AS d(b, u)
    WHERE v.bank_org_id = d.b AND v.uscc = d.u
    """
)


async def apply_views(
    session: AsyncSession, upserts: Sequence[tuple[str, str, Seen]], deletes: Sequence[tuple[str, str]]
) -> None:
    """Banks now hold ``upserts`` (bank, uscc, what they were sent) and no longer ``deletes``."""
    if upserts:
        await session.execute(
            _UPSERT_VIEWS,
            {
                "b": uuids(b for b, _, _ in upserts),
                "u": [u for _, u, _ in upserts],
                "v": [s.version for _, _, s in upserts],
                "f": [s.full for _, _, s in upserts],
            },
        )
    if deletes:
        await session.execute(_DROP_VIEWS, {"b": uuids(b for b, _ in deletes), "u": [u for _, u in deletes]})


async def was_pushed(session: AsyncSession, bank_id: str, uscc: str) -> bool:
    """Whether the bank was ever sent a `published` of the enterprise (held now or not)."""
    query = sa.select(sa.literal(1)).where(
        bank_views.c.uscc == uscc, bank_views.c.bank_org_id == uuid.UUID(bank_id)
    )
    return (await session.execute(query)).first() is not None


# --- subscriptions -------------------------------------------------------------------------


async def forget_subscription(session: AsyncSession, sub_id: uuid.UUID) -> None:
    await session.execute(sa.delete(subscription_views).where(subscription_views.c.subscription_id == sub_id))
