"""All SQL of the gateway: orgs, API keys and the shared limit counters."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlmodel import col

from gateway.keys import NewKey
from gateway.roles import ADMIN
from gateway.tables import ApiKey, Org, limit_counters

# Every gateway replica LISTENs here (gateway.keycache); the payload is the key id that changed.
KEY_CHANNEL = "finmatch_api_keys"

# The org that the bootstrap FINMATCH_ADMIN_KEY acts as; the same id in every deployment.
BOOTSTRAP_ADMIN_ID = uuid.UUID("00000000-0000-4000-8000-000000000001")


async def ensure_bootstrap_admin(session: AsyncSession) -> None:
    stmt = pg_insert(Org).values(
        id=BOOTSTRAP_ADMIN_ID, name="Platform operator", role=ADMIN, created_at=datetime.now(UTC)
    )
    await session.execute(stmt.on_conflict_do_nothing(index_elements=["id"]))


async def create_org(session: AsyncSession, name: str, role: str) -> Org:
    org = Org(name=name, role=role, created_at=datetime.now(UTC))
    session.add(org)
    await session.flush()
    return org


async def get_org(session: AsyncSession, org_id: uuid.UUID) -> Org | None:
    return await session.get(Org, org_id)


async def list_orgs(
    session: AsyncSession, *, role: str | None, after: tuple[datetime, uuid.UUID] | None, limit: int
) -> list[Org]:
    """Oldest first, keyset-paged on (created_at, id); returns up to ``limit + 1`` rows."""
    stmt = sa.select(Org).order_by(col(Org.created_at), col(Org.id)).limit(limit + 1)
    if role is not None:
        stmt = stmt.where(col(Org.role) == role)
    if after is not None:
        stmt = stmt.where(sa.tuple_(col(Org.created_at), col(Org.id)) > sa.tuple_(*after))
    return list((await session.scalars(stmt)).all())


async def org_names(session: AsyncSession, org_ids: list[uuid.UUID]) -> dict[str, str]:
    """The names of those of ``org_ids`` that exist, by id (as text)."""
    if not org_ids:
        return {}
    stmt = sa.select(col(Org.id), col(Org.name)).where(col(Org.id).in_(org_ids))
    return {str(org_id): name for org_id, name in (await session.execute(stmt)).all()}


async def notify_key_change(session: AsyncSession, key_id: uuid.UUID) -> None:
    """Tell every replica's key cache, in this transaction: PostgreSQL delivers it on commit only."""
    await session.execute(sa.select(sa.func.pg_notify(KEY_CHANNEL, str(key_id))))


async def add_key(session: AsyncSession, org_id: uuid.UUID, key: NewKey) -> ApiKey:
    row = ApiKey(id=key.id, org_id=org_id, secret_hash=key.secret_hash, created_at=datetime.now(UTC))
    session.add(row)
    await session.flush()
    # A replica may have cached this id as unknown (someone tried it before it existed).
    await notify_key_change(session, key.id)
    return row


async def revoke_key(session: AsyncSession, org_id: uuid.UUID, key_id: uuid.UUID) -> bool:
    result = await session.execute(
        sa.update(ApiKey)
        .where(col(ApiKey.id) == key_id, col(ApiKey.org_id) == org_id, col(ApiKey.revoked_at).is_(None))
        .values(revoked_at=datetime.now(UTC))
        .returning(col(ApiKey.id))
    )
    revoked = result.first() is not None
    if revoked:
        await notify_key_change(session, key_id)
    return revoked


async def list_keys(
    session: AsyncSession, org_id: uuid.UUID, *, after: tuple[datetime, uuid.UUID] | None, limit: int
) -> list[ApiKey]:
    """The org's unrevoked keys, oldest first, keyset-paged; up to ``limit + 1`` rows."""
    stmt = (
        sa.select(ApiKey)
        .where(col(ApiKey.org_id) == org_id, col(ApiKey.revoked_at).is_(None))
        .order_by(col(ApiKey.created_at), col(ApiKey.id))
        .limit(limit + 1)
    )
    if after is not None:
        stmt = stmt.where(sa.tuple_(col(ApiKey.created_at), col(ApiKey.id)) > sa.tuple_(*after))
    return list((await session.scalars(stmt)).all())


async def mark_used(conn: AsyncConnection, key_ids: list[uuid.UUID], at: datetime) -> None:
    """One statement for every key used since the last flush (gateway.keycache)."""
    await conn.execute(sa.update(ApiKey).where(col(ApiKey.id).in_(key_ids)).values(last_used_at=at))


# Every API call runs this: plain columns on a bare connection, about a third of the cost of
# loading ORM objects through a session.
_ACTIVE_KEY = (
    sa.select(col(ApiKey.secret_hash), col(Org.id), col(Org.name), col(Org.role))
    .join(Org, col(Org.id) == col(ApiKey.org_id))
    .where(col(ApiKey.id) == sa.bindparam("key_id"), col(ApiKey.revoked_at).is_(None))
)


async def active_key(conn: AsyncConnection, key_id: uuid.UUID) -> sa.Row[str, uuid.UUID, str, str] | None:
    """(secret_hash, org id, org name, org role) of an unrevoked key."""
    return (await conn.execute(_ACTIVE_KEY, {"key_id": key_id})).first()


# One statement per sync: add each replica's counts (rows in one order, so two replicas' batches
# never deadlock) and read back the totals, also of the rows sent with 0 (read only, not written).
_SYNC_COUNTERS = sa.text(
    """
    WITH sent AS (
        SELECT * FROM unnest(
            CAST(:scopes AS text[]), CAST(:buckets AS text[]), CAST(:windows AS bigint[]),
            CAST(:hits AS bigint[]), CAST(:expires AS double precision[])
        ) AS s(scope, bucket, window_index, hits, expires_s)
    ), added AS (
        INSERT INTO gateway.limit_counters AS c (scope, bucket, window_index, hits, expires_at)
        SELECT scope, bucket, window_index, hits, to_timestamp(expires_s) FROM sent
        WHERE hits > 0 ORDER BY scope, bucket, window_index
        ON CONFLICT (scope, bucket, window_index) DO UPDATE SET hits = c.hits + EXCLUDED.hits
        RETURNING c.scope, c.bucket, c.window_index, c.hits
    )
    SELECT scope, bucket, window_index, hits FROM added
    UNION ALL
    SELECT c.scope, c.bucket, c.window_index, c.hits
    FROM gateway.limit_counters AS c JOIN sent AS s USING (scope, bucket, window_index)
    WHERE s.hits = 0
    """
)


@dataclass(frozen=True)
class CounterRow:
    scope: str
    bucket: str
    window_index: int
    hits: int


async def sync_counters(
    conn: AsyncConnection, rows: list[CounterRow], expires_s: list[float]
) -> list[CounterRow]:
    """Add ``rows``' hits to the shared counters; the totals of every row sent."""
    result = await conn.execute(
        _SYNC_COUNTERS,
        {
            "scopes": [row.scope for row in rows],
            "buckets": [row.bucket for row in rows],
            "windows": [row.window_index for row in rows],
            "hits": [row.hits for row in rows],
            "expires": expires_s,
        },
    )
    return [CounterRow(scope, bucket, int(window), int(hits)) for scope, bucket, window, hits in result]


async def purge_counters(conn: AsyncConnection) -> None:
    await conn.execute(sa.delete(limit_counters).where(limit_counters.c.expires_at < sa.func.now()))
