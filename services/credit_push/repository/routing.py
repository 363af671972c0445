"""Routing: each subscription's deliveries, made by the dispatcher from its bank's feed.

A writer of events (an upload, a consent, a new bank, a lapse) writes the events alone; this
statement turns the events past each subscription's ``routed_seq`` into its deliveries and moves
what the subscription holds, as Svix makes its attempts from stored messages (migration v0011).
It applies rules/entitlement.py ``route_event``: a `withdrawn` goes to the subscriptions holding
the enterprise; a `published` to those holding it and those whose filters select it (min_rating
by RANK, region_codes by ``region_covers`` on the event's effective region).

Why no event is lost or routed twice: a bank's events commit in seq order (banks.allocate_seqs
holds the bank's row lock to commit), so a seq this statement does not see yet is above every
seq it sees; ``routed_seq`` moves to the last seq routed, in the same statement as the
deliveries, under the subscription's row lock (two replicas never route one subscription at
once: SKIP LOCKED).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.ingest import id_prefix
from services.credit_push.rules.entitlement import PUBLISHED, WITHDRAWN

# ``due``: up to :n events of each subscription's bank past its routed_seq, in seq order.
# ``taken``: of those, the ones before an enterprise's second event. What a subscription holds
# moves with each event, and the statement reads the holdings once, so an enterprise's next
# event waits for the next statement (at least one event is always taken).
# A delivery's created_at is its event's: the outbox's age and `recover {since}` count from when
# the event was addressed, not from when it was routed.
_ROUTE = sa.text(
    """
    WITH subs AS (
        SELECT s.id, s.bank_org_id, s.routed_seq, s.min_rating, s.region_codes
        FROM credit_push.subscriptions s JOIN credit_push.banks b ON b.org_id = s.bank_org_id
        WHERE s.status <> 'deleted' AND s.routed_seq < b.next_seq - 1
        FOR UPDATE OF s SKIP LOCKED
    ), due AS (
        SELECT s.id AS sub_id, s.min_rating, s.region_codes, e.id AS event_id, e.seq, e.bank_org_id AS bank,
               e.type, e.uscc, e.created_at, e.data ->> 'rating' AS rating,
               coalesce(e.region, substr(e.uscc, 3, 6)) AS region,
               row_number() OVER (PARTITION BY s.id, e.uscc ORDER BY e.seq) AS nth
        FROM subs s CROSS JOIN LATERAL (
            SELECT e.id, e.seq, e.bank_org_id, e.type, e.uscc, e.created_at, e.data, e.region
            FROM credit_push.events e
            WHERE e.bank_org_id = s.bank_org_id AND e.seq > s.routed_seq
            ORDER BY e.seq LIMIT :n
        ) e
    ), cut AS (
        SELECT sub_id, min(seq) AS repeat FROM due WHERE nth > 1 GROUP BY sub_id
    ), taken AS (
        SELECT d.* FROM due d LEFT JOIN cut c USING (sub_id) WHERE c.repeat IS NULL OR d.seq < c.repeat
    ), addressed AS (
        -- One key probe per event (a LATERAL with LIMIT: EXISTS let the planner hash all of
        -- subscription_views, which grows with every enterprise every subscription holds).
        SELECT t.*, h.held IS NOT NULL AS holds
        FROM taken t LEFT JOIN LATERAL (
            SELECT true AS held FROM credit_push.subscription_views h
            WHERE h.subscription_id = t.sub_id AND h.uscc = t.uscc LIMIT 1
        ) h ON true
    ), routed AS (
        SELECT event_id, seq, bank, type, uscc, sub_id, holds, created_at FROM addressed p
        WHERE holds OR (
            p.type = :published
            AND (p.min_rating IS NULL OR array_position(ARRAY['A', 'B', 'M', 'C', 'D'], p.rating)
                                         <= array_position(ARRAY['A', 'B', 'M', 'C', 'D'], p.min_rating))
            AND (coalesce(cardinality(p.region_codes), 0) = 0 OR EXISTS (
                SELECT 1 FROM unnest(p.region_codes) f
                WHERE CASE WHEN f LIKE '%0000' THEN left(f, 2) = left(p.region, 2)
                           WHEN f LIKE '%00' THEN left(f, 4) = left(p.region, 4)
                           ELSE f = p.region END)))
    ), sent AS (
        INSERT INTO credit_push.deliveries (id, event_id, subscription_id, bank_org_id, seq, status,
            attempts, round_failures, next_attempt_at, created_at, updated_at)
        SELECT CAST(:ids || lpad(to_hex(row_number() OVER (ORDER BY sub_id, seq)), 12, '0') AS uuid),
               event_id, sub_id, bank, seq, 'pending', 0, 0, :now, created_at, :now
        FROM routed
    ), held AS (
        INSERT INTO credit_push.subscription_views (subscription_id, uscc)
        SELECT sub_id, uscc FROM routed WHERE type = :published AND NOT holds
    ), dropped AS (
        DELETE FROM credit_push.subscription_views v USING routed r
        WHERE r.type = :withdrawn AND v.subscription_id = r.sub_id AND v.uscc = r.uscc
    ), moved AS (
        UPDATE credit_push.subscriptions s SET routed_seq = t.last
        FROM (SELECT sub_id, max(seq) AS last FROM taken GROUP BY sub_id) t
        WHERE s.id = t.sub_id
    )
    SELECT count(*) FROM taken
    """
)


async def route_due(session: AsyncSession, now: datetime, per_subscription: int) -> int:
    """Route up to ``per_subscription`` events to each subscription that has some waiting; how
    many events were looked at. Paused subscriptions are routed too (their deliveries wait);
    deleted ones never."""
    params = {
        "n": per_subscription,
        "now": now,
        "ids": id_prefix(now),
        "published": PUBLISHED,
        "withdrawn": WITHDRAWN,
    }
    return int((await session.execute(_ROUTE, params)).scalar_one())
