"""Every SQL statement of credit_push. Bulk paths are set-based: arrays in, one statement out."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.rules.entitlement import Current, Seen, Sub
from services.credit_push.rules.ratings import StoredRating
from services.credit_push.tables import (
    bank_views,
    banks,
    consents,
    deliveries,
    events,
    outcomes,
    ratings,
    subscription_views,
    subscriptions,
)
from services.credit_push.webhooks import event_json

# All writes that change who is entitled to what take this lock first (see service.py).
ENTITLEMENT_LOCK = "credit_push.entitlement"


def _uuids(values: Iterable[str]) -> list[uuid.UUID]:
    return [uuid.UUID(v) for v in values]


async def lock_entitlement(session: AsyncSession) -> None:
    await session.execute(sa.select(sa.func.pg_advisory_xact_lock(sa.func.hashtext(ENTITLEMENT_LOCK))))


# --- ratings -------------------------------------------------------------------------------


def _stored(row: Any) -> StoredRating:
    return StoredRating(
        row.uscc, row.year, row.name, row.rating, row.region_code, row.avg_annual_tax_fen, row.version
    )


async def ratings_of(session: AsyncSession, usccs: Sequence[str]) -> list[StoredRating]:
    """Every stored year of these enterprises, in one statement."""
    result = await session.execute(sa.select(ratings).where(ratings.c.uscc == sa.func.any(list(usccs))))
    return [_stored(row) for row in result]


async def upsert_ratings(session: AsyncSession, rows: Sequence[StoredRating], now: datetime) -> None:
    await session.execute(
        sa.text(
            """
            INSERT INTO credit_push.ratings
                (uscc, year, name, rating, region_code, avg_annual_tax_fen, version, created_at, updated_at)
            SELECT u, y, n, r, g, t, v, :now, :now
            FROM unnest(CAST(:u AS text[]), CAST(:y AS int[]), CAST(:n AS text[]), CAST(:r AS text[]),
                        CAST(:g AS text[]), CAST(:t AS bigint[]), CAST(:v AS int[]))
                 AS i(u, y, n, r, g, t, v)
            ON CONFLICT (uscc, year) DO UPDATE SET
                name = excluded.name, rating = excluded.rating, region_code = excluded.region_code,
                avg_annual_tax_fen = excluded.avg_annual_tax_fen, version = excluded.version,
                updated_at = excluded.updated_at
            """
        ),
        {
            "u": [r.uscc for r in rows],
            "y": [r.year for r in rows],
            "n": [r.name for r in rows],
            "r": [r.rating for r in rows],
            "g": [r.region_code for r in rows],
            "t": [r.avg_annual_tax_fen for r in rows],
            "v": [r.version for r in rows],
            "now": now,
        },
    )


def _current(row: Any) -> Current:
    return Current(
        row.uscc, row.name, row.rating, row.year, row.version, row.region_code, row.avg_annual_tax_fen
    )


_CURRENT_SQL = """
    SELECT DISTINCT ON (uscc) uscc, name, rating, year, version, region_code, avg_annual_tax_fen, updated_at
    FROM credit_push.ratings
"""


async def current_ratings(session: AsyncSession, usccs: Sequence[str]) -> dict[str, Current]:
    result = await session.execute(
        sa.text(_CURRENT_SQL + " WHERE uscc = ANY(CAST(:u AS text[])) ORDER BY uscc, year DESC"),
        {"u": list(usccs)},
    )
    return {row.uscc: _current(row) for row in result}


async def current_rating(session: AsyncSession, uscc: str) -> tuple[Current, datetime] | None:
    row = (
        await session.execute(
            sa.text(_CURRENT_SQL + " WHERE uscc = :u ORDER BY uscc, year DESC"), {"u": uscc}
        )
    ).first()
    return (_current(row), row.updated_at) if row else None


async def current_a_list(session: AsyncSession) -> list[str]:
    result = await session.execute(sa.text(_CURRENT_SQL + " ORDER BY uscc, year DESC"))
    return [row.uscc for row in result if row.rating == "A"]


# --- banks ---------------------------------------------------------------------------------


async def known_banks(session: AsyncSession, org_ids: Sequence[str]) -> set[str]:
    result = await session.execute(
        sa.select(banks.c.org_id).where(banks.c.org_id == sa.func.any(_uuids(org_ids)))
    )
    return {str(row.org_id) for row in result}


async def insert_bank(session: AsyncSession, org_id: str, name: str, now: datetime) -> bool:
    """True when the bank is new to this service (and so must be sent the A list)."""
    stmt = (
        pg_insert(banks)
        .values(org_id=uuid.UUID(org_id), name=name, next_seq=1, created_at=now)
        .on_conflict_do_nothing(index_elements=[banks.c.org_id])
        .returning(banks.c.org_id)
    )
    return (await session.execute(stmt)).first() is not None


async def all_banks(session: AsyncSession) -> list[str]:
    return [str(v) for v in (await session.scalars(sa.select(banks.c.org_id)))]


async def allocate_seqs(session: AsyncSession, counts: Mapping[str, int]) -> dict[str, int]:
    """Reserve ``counts[bank]`` consecutive seqs per bank under its row lock; the first of each.

    The row lock is held to commit, so a bank's events commit in seq order and a feed
    reader never sees seq n+1 before seq n.
    """
    ordered = sorted(counts)
    result = await session.execute(
        sa.text(
            """
            UPDATE credit_push.banks b SET next_seq = b.next_seq + c.n
            FROM unnest(CAST(:ids AS uuid[]), CAST(:ns AS bigint[])) AS c(id, n)
            WHERE b.org_id = c.id
            RETURNING b.org_id, b.next_seq - c.n AS first
            """
        ),
        {"ids": _uuids(ordered), "ns": [counts[b] for b in ordered]},
    )
    return {str(row.org_id): int(row.first) for row in result}


# --- consents ------------------------------------------------------------------------------


def _valid_consent(today: date) -> sa.ColumnElement[bool]:
    return sa.and_(
        consents.c.status == "active",
        sa.or_(consents.c.expires_on.is_(None), consents.c.expires_on >= today),
    )


async def consented_pairs(
    session: AsyncSession, usccs: Sequence[str], bank_ids: Sequence[str] | None, today: date
) -> set[tuple[str, str]]:
    query = sa.select(consents.c.bank_org_id, consents.c.uscc).where(
        consents.c.uscc == sa.func.any(list(usccs)), _valid_consent(today)
    )
    if bank_ids is not None:
        query = query.where(consents.c.bank_org_id == sa.func.any(_uuids(bank_ids)))
    return {(str(r.bank_org_id), r.uscc) for r in await session.execute(query)}


async def consented_usccs(session: AsyncSession, bank_id: str, today: date) -> list[str]:
    query = sa.select(consents.c.uscc).where(
        consents.c.bank_org_id == uuid.UUID(bank_id), _valid_consent(today)
    )
    return list(await session.scalars(query.distinct()))


async def has_consent(session: AsyncSession, bank_id: str, uscc: str, today: date) -> bool:
    query = sa.select(sa.literal(1)).where(
        consents.c.bank_org_id == uuid.UUID(bank_id), consents.c.uscc == uscc, _valid_consent(today)
    )
    return (await session.execute(query.limit(1))).first() is not None


async def insert_consent(session: AsyncSession, values: dict[str, Any]) -> None:
    await session.execute(sa.insert(consents).values(**values))


async def get_consent(session: AsyncSession, consent_id: uuid.UUID, *, for_update: bool = False) -> Any:
    query = sa.select(consents).where(consents.c.id == consent_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).first()


async def end_consents(session: AsyncSession, ids: Sequence[uuid.UUID], status: str, now: datetime) -> None:
    await session.execute(
        sa.update(consents)
        .where(consents.c.id == sa.func.any(list(ids)), consents.c.status == "active")
        .values(status=status, ended_at=now)
    )


async def lapsed_consents(session: AsyncSession, today: date, *, lock: bool) -> list[Any]:
    """Active consents whose last day is before ``today`` (the sweep ends them)."""
    query = sa.select(consents.c.id, consents.c.uscc, consents.c.bank_org_id).where(
        consents.c.status == "active", consents.c.expires_on < today
    )
    if lock:
        query = query.with_for_update()
    return list(await session.execute(query))


async def list_consents(
    session: AsyncSession,
    *,
    column: str,
    org_id: str,
    uscc: str | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> list[Any]:
    query = sa.select(consents).where(consents.c[column] == uuid.UUID(org_id))
    if uscc:
        query = query.where(consents.c.uscc == uscc)
    if after:
        query = query.where(sa.tuple_(consents.c.created_at, consents.c.id) > sa.tuple_(*after))
    query = query.order_by(consents.c.created_at, consents.c.id).limit(limit + 1)
    return list(await session.execute(query))


# --- what banks and subscriptions hold -----------------------------------------------------


async def seen_views(
    session: AsyncSession, usccs: Sequence[str], bank_ids: Sequence[str] | None
) -> dict[tuple[str, str], Seen]:
    query = sa.select(bank_views).where(bank_views.c.uscc == sa.func.any(list(usccs)))
    if bank_ids is not None:
        query = query.where(bank_views.c.bank_org_id == sa.func.any(_uuids(bank_ids)))
    return {(str(r.bank_org_id), r.uscc): Seen(r.version, r.full) for r in await session.execute(query)}


async def apply_views(
    session: AsyncSession, upserts: Sequence[tuple[str, str, Seen]], deletes: Sequence[tuple[str, str]]
) -> None:
    if upserts:
        await session.execute(
            sa.text(
                """
                INSERT INTO credit_push.bank_views (bank_org_id, uscc, version, "full")
                SELECT * FROM unnest(CAST(:b AS uuid[]), CAST(:u AS text[]), CAST(:v AS int[]),
                                     CAST(:f AS boolean[]))
                ON CONFLICT (bank_org_id, uscc)
                DO UPDATE SET version = excluded.version, "full" = excluded."full"
                """
            ),
            {
                "b": _uuids(b for b, _, _ in upserts),
                "u": [u for _, u, _ in upserts],
                "v": [s.version for _, _, s in upserts],
                "f": [s.full for _, _, s in upserts],
            },
        )
    if deletes:
        await session.execute(
            sa.text(
                """
                DELETE FROM credit_push.bank_views v
                USING unnest(CAST(:b AS uuid[]), CAST(:u AS text[])) AS d(b, u)
                WHERE v.bank_org_id = d.b AND v.uscc = d.u
                """
            ),
            {"b": _uuids(b for b, _ in deletes), "u": [u for _, u in deletes]},
        )


async def subscriptions_of(session: AsyncSession, bank_ids: Sequence[str]) -> list[Sub]:
    query = sa.select(subscriptions).where(
        subscriptions.c.bank_org_id == sa.func.any(_uuids(bank_ids)), subscriptions.c.status != "deleted"
    )
    return [
        Sub(str(r.id), str(r.bank_org_id), r.min_rating, list(r.region_codes) if r.region_codes else None)
        for r in await session.execute(query)
    ]


async def holding(
    session: AsyncSession, sub_ids: Sequence[str], usccs: Sequence[str]
) -> set[tuple[str, str]]:
    query = sa.select(subscription_views).where(
        subscription_views.c.subscription_id == sa.func.any(_uuids(sub_ids)),
        subscription_views.c.uscc == sa.func.any(list(usccs)),
    )
    return {(str(r.subscription_id), r.uscc) for r in await session.execute(query)}


async def apply_holding(
    session: AsyncSession, adds: Sequence[tuple[str, str]], removes: Sequence[tuple[str, str]]
) -> None:
    if adds:
        await session.execute(
            sa.text(
                """
                INSERT INTO credit_push.subscription_views (subscription_id, uscc)
                SELECT * FROM unnest(CAST(:s AS uuid[]), CAST(:u AS text[])) ON CONFLICT DO NOTHING
                """
            ),
            {"s": _uuids(s for s, _ in adds), "u": [u for _, u in adds]},
        )
    if removes:
        await session.execute(
            sa.text(
                """
                DELETE FROM credit_push.subscription_views v
                USING unnest(CAST(:s AS uuid[]), CAST(:u AS text[])) AS d(s, u)
                WHERE v.subscription_id = d.s AND v.uscc = d.u
                """
            ),
            {"s": _uuids(s for s, _ in removes), "u": [u for _, u in removes]},
        )


# --- events --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventRow:
    id: uuid.UUID
    bank: str
    seq: int
    type: str
    uscc: str
    version: int
    data: dict[str, Any]


async def insert_events(session: AsyncSession, rows: Sequence[EventRow], now: datetime) -> None:
    await session.execute(
        sa.text(
            """
            INSERT INTO credit_push.events (id, bank_org_id, seq, type, uscc, version, data, created_at)
            SELECT i, b, s, t, u, v, CAST(d AS jsonb), :now
            FROM unnest(CAST(:i AS uuid[]), CAST(:b AS uuid[]), CAST(:s AS bigint[]), CAST(:t AS text[]),
                        CAST(:u AS text[]), CAST(:v AS int[]), CAST(:d AS text[])) AS e(i, b, s, t, u, v, d)
            """
        ),
        {
            "i": [r.id for r in rows],
            "b": _uuids(r.bank for r in rows),
            "s": [r.seq for r in rows],
            "t": [r.type for r in rows],
            "u": [r.uscc for r in rows],
            "v": [r.version for r in rows],
            "d": [json.dumps(r.data, ensure_ascii=False) for r in rows],
            "now": now,
        },
    )


async def feed(session: AsyncSession, bank_id: str, after_seq: int, limit: int) -> list[Any]:
    query = (
        sa.select(events)
        .where(events.c.bank_org_id == uuid.UUID(bank_id), events.c.seq > after_seq)
        .order_by(events.c.seq)
        .limit(limit + 1)
    )
    return list(await session.execute(query))


async def was_published(session: AsyncSession, bank_id: str, uscc: str) -> bool:
    query = sa.select(sa.literal(1)).where(
        events.c.bank_org_id == uuid.UUID(bank_id),
        events.c.uscc == uscc,
        events.c.type == "credit.rating.published",
    )
    return (await session.execute(query.limit(1))).first() is not None


# --- subscriptions -------------------------------------------------------------------------


async def insert_subscription(session: AsyncSession, values: dict[str, Any]) -> None:
    await session.execute(sa.insert(subscriptions).values(**values))


async def get_subscription(
    session: AsyncSession, bank_id: str, sub_id: uuid.UUID, *, for_update: bool = False
) -> Any:
    query = sa.select(subscriptions).where(
        subscriptions.c.id == sub_id,
        subscriptions.c.bank_org_id == uuid.UUID(bank_id),
        subscriptions.c.status != "deleted",
    )
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).first()


async def list_subscriptions(
    session: AsyncSession, bank_id: str, after: tuple[datetime, uuid.UUID] | None, limit: int
) -> list[Any]:
    query = sa.select(subscriptions).where(
        subscriptions.c.bank_org_id == uuid.UUID(bank_id), subscriptions.c.status != "deleted"
    )
    if after:
        query = query.where(sa.tuple_(subscriptions.c.created_at, subscriptions.c.id) > sa.tuple_(*after))
    return list(
        await session.execute(query.order_by(subscriptions.c.created_at, subscriptions.c.id).limit(limit + 1))
    )


async def update_subscription(session: AsyncSession, sub_id: uuid.UUID, values: dict[str, Any]) -> None:
    await session.execute(sa.update(subscriptions).where(subscriptions.c.id == sub_id).values(**values))


async def drop_pending_deliveries(session: AsyncSession, sub_id: uuid.UUID) -> None:
    """A deleted subscription's pending deliveries would never be sent; its history stays."""
    await session.execute(
        sa.delete(deliveries).where(deliveries.c.subscription_id == sub_id, deliveries.c.status == "pending")
    )
    await session.execute(sa.delete(subscription_views).where(subscription_views.c.subscription_id == sub_id))


# --- deliveries ----------------------------------------------------------------------------


async def insert_deliveries(
    session: AsyncSession, rows: Sequence[tuple[uuid.UUID, str, str]], now: datetime
) -> None:
    """(event id, subscription id, bank id) rows, all due now."""
    await session.execute(
        sa.text(
            """
            INSERT INTO credit_push.deliveries (id, event_id, subscription_id, bank_org_id, status, attempts,
                round_failures, next_attempt_at, created_at, updated_at)
            SELECT gen_random_uuid(), e, s, b, 'pending', 0, 0, :now, :now, :now
            FROM unnest(CAST(:e AS uuid[]), CAST(:s AS uuid[]), CAST(:b AS uuid[])) AS d(e, s, b)
            """
        ),
        {
            "e": [e for e, _, _ in rows],
            "s": _uuids(s for _, s, _ in rows),
            "b": _uuids(b for _, _, b in rows),
            "now": now,
        },
    )


@dataclass(frozen=True)
class Claimed:
    id: uuid.UUID
    round_failures: int
    subscription_id: uuid.UUID
    url: str
    secret: str
    previous_secret: str | None
    previous_secret_until: datetime | None
    event: dict[str, Any]
    lease_until: datetime | None = None


async def claim_due(session: AsyncSession, now: datetime, lease_until: datetime, n: int) -> list[Claimed]:
    """Lease up to ``n`` subscriptions that have a due delivery; the earliest due one of each.

    The lease (``sending_until``) is committed before anything is sent, so no transaction
    stays open during the HTTP call, and a subscription has at most one delivery in flight:
    a receiver that hangs holds up one send, not the dispatcher, and its events go out in
    ``seq`` order. Replicas skip subscriptions another one is leasing (``SKIP LOCKED`` while
    the claim runs, the lease afterwards); a lease left by a dead process runs out.
    """
    rows = await session.execute(
        sa.text(
            """
            WITH due AS (
                SELECT s.id AS subscription_id, d.id AS delivery_id, d.next_attempt_at, d.seq
                FROM credit_push.subscriptions s
                CROSS JOIN LATERAL (
                    SELECT d.id, d.next_attempt_at, e.seq
                    FROM credit_push.deliveries d
                    JOIN credit_push.events e ON e.id = d.event_id
                    WHERE d.subscription_id = s.id AND d.status = 'pending' AND d.next_attempt_at <= :now
                    ORDER BY d.next_attempt_at, e.seq
                    LIMIT 1
                ) d
                WHERE s.status = 'active' AND (s.sending_until IS NULL OR s.sending_until <= :now)
                ORDER BY d.next_attempt_at, d.seq
                LIMIT :n
                FOR UPDATE OF s SKIP LOCKED
            ), leased AS (
                UPDATE credit_push.subscriptions s SET sending_until = :lease
                FROM due WHERE s.id = due.subscription_id
                RETURNING s.id AS subscription_id, s.url, s.secret, s.previous_secret,
                          s.previous_secret_until, due.delivery_id
            )
            SELECT l.*, d.round_failures, e.id AS event_id, e.type, e.seq, e.created_at, e.data
            FROM leased l
            JOIN credit_push.deliveries d ON d.id = l.delivery_id
            JOIN credit_push.events e ON e.id = d.event_id
            ORDER BY d.next_attempt_at, e.seq
            """
        ),
        {"now": now, "lease": lease_until, "n": n},
    )
    return [
        Claimed(
            row.delivery_id,
            row.round_failures,
            row.subscription_id,
            row.url,
            row.secret,
            row.previous_secret,
            row.previous_secret_until,
            event_json(str(row.event_id), row.type, row.seq, row.created_at, row.data),
            lease_until,
        )
        for row in rows
    ]


async def record_attempt(
    session: AsyncSession,
    claimed: Claimed,
    *,
    status: str,
    round_failures: int,
    next_attempt_at: datetime | None,
    status_code: int | None,
    error: str | None,
    now: datetime,
) -> None:
    """Store how the attempt ended and give the subscription's lease back.

    Only a delivery still pending is updated: one dropped meanwhile (its subscription was
    deleted) stays dropped. A retry the bank asked for while it was in flight still counts.
    """
    values: dict[str, Any] = {
        "status": status,
        "attempts": deliveries.c.attempts + 1,
        "round_failures": round_failures,
        "next_attempt_at": next_attempt_at,
        "last_status_code": status_code,
        "last_error": error,
        "updated_at": now,
    }
    if status == "delivered":
        values["delivered_at"] = now
    await session.execute(
        sa.update(deliveries)
        .where(deliveries.c.id == claimed.id, deliveries.c.status == "pending")
        .values(**values)
    )
    await session.execute(
        sa.update(subscriptions)
        .where(
            subscriptions.c.id == claimed.subscription_id,
            subscriptions.c.sending_until == claimed.lease_until,
        )
        .values(sending_until=None)
    )


async def pause_subscription(session: AsyncSession, sub_id: uuid.UUID, reason: str, now: datetime) -> None:
    await session.execute(
        sa.update(subscriptions)
        .where(subscriptions.c.id == sub_id, subscriptions.c.status == "active")
        .values(status="paused", paused_reason=reason, updated_at=now)
    )


def _requeue_values(now: datetime) -> dict[str, Any]:
    return {"status": "pending", "round_failures": 0, "next_attempt_at": now, "updated_at": now}


async def requeue_delivery(
    session: AsyncSession, bank_id: str, delivery_id: uuid.UUID, now: datetime
) -> bool:
    result = await session.execute(
        sa.update(deliveries)
        .where(
            deliveries.c.id == delivery_id,
            deliveries.c.bank_org_id == uuid.UUID(bank_id),
            # A deleted subscription's deliveries can no longer be sent.
            deliveries.c.subscription_id.in_(
                sa.select(subscriptions.c.id).where(subscriptions.c.status != "deleted")
            ),
        )
        .values(**_requeue_values(now))
        .returning(deliveries.c.id)
    )
    return result.first() is not None


async def recover(session: AsyncSession, sub_id: uuid.UUID, since: datetime, now: datetime) -> int:
    result = await session.execute(
        sa.update(deliveries)
        .where(
            deliveries.c.subscription_id == sub_id,
            deliveries.c.status == "failed",
            deliveries.c.created_at >= since,
        )
        .values(**_requeue_values(now))
        .returning(deliveries.c.id)
    )
    return len(result.all())


async def get_delivery(session: AsyncSession, bank_id: str, delivery_id: uuid.UUID) -> Any:
    query = sa.select(deliveries).where(
        deliveries.c.id == delivery_id, deliveries.c.bank_org_id == uuid.UUID(bank_id)
    )
    return (await session.execute(query)).first()


async def list_deliveries(
    session: AsyncSession,
    bank_id: str,
    *,
    status: str | None,
    subscription_id: uuid.UUID | None,
    after: tuple[datetime, uuid.UUID] | None,
    limit: int,
) -> list[Any]:
    query = sa.select(deliveries).where(deliveries.c.bank_org_id == uuid.UUID(bank_id))
    if status:
        query = query.where(deliveries.c.status == status)
    if subscription_id:
        query = query.where(deliveries.c.subscription_id == subscription_id)
    if after:
        query = query.where(sa.tuple_(deliveries.c.created_at, deliveries.c.id) > sa.tuple_(*after))
    return list(
        await session.execute(query.order_by(deliveries.c.created_at, deliveries.c.id).limit(limit + 1))
    )


# --- outcomes and stats --------------------------------------------------------------------


async def insert_outcome(session: AsyncSession, values: dict[str, Any]) -> None:
    await session.execute(sa.insert(outcomes).values(**values))


async def stats(session: AsyncSession) -> Any:
    return (
        await session.execute(
            sa.text(
                """
                SELECT
                  (SELECT count(DISTINCT uscc) FROM credit_push.ratings) AS enterprises_rated,
                  (SELECT count(DISTINCT uscc) FROM credit_push.events
                    WHERE type = 'credit.rating.published') AS enterprises_pushed,
                  (SELECT count(DISTINCT bank_org_id) FROM credit_push.subscriptions
                    WHERE status = 'active') AS banks_subscribed,
                  (SELECT count(*) FROM credit_push.deliveries WHERE status = 'pending') AS pending,
                  (SELECT count(*) FROM credit_push.deliveries WHERE status = 'delivered') AS delivered,
                  (SELECT count(*) FROM credit_push.deliveries WHERE status = 'failed') AS failed,
                  o.loans_count, o.loans_total_fen, o.pure_credit_total_fen, o.enterprises_with_loans
                FROM (
                  SELECT count(*) AS loans_count,
                         coalesce(sum(amount_fen), 0) AS loans_total_fen,
                         coalesce(sum(amount_fen) FILTER (WHERE credit_type = 'pure_credit'), 0)
                           AS pure_credit_total_fen,
                         count(DISTINCT uscc) AS enterprises_with_loans
                  FROM credit_push.outcomes
                ) o
                """
            )
        )
    ).one()
