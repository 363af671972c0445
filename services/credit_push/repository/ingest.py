"""A ratings upload, planned and written set-based: COPY into a staging table, then a few statements.

The statements here apply, for one upload (cause ``rating``), the same rules as the row-by-row
path every other change of entitlement takes (rules/ratings.py ``plan_batch``, rules/entitlement.py
``plan_for``, through service/outbox.py ``reconcile``; the dispatcher routes both paths' events
with ``route_event``'s rule, repository/routing.py); tests/credit_push/
test_ingest.py pins that both give the same answer and the same events. Each comment names the
rule a clause mirrors, so a change to one is made to both.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push.repository.blacklist import LISTED_NOW
from services.credit_push.repository.consents import consented_among
from services.credit_push.rules.entitlement import PUBLISHED, WITHDRAWN
from services.credit_push.rules.ratings import RatingItem

# JIT off for the batch: the CTEs' row estimates (millions for 15,000 rows) put the write over
# jit_above_cost, and compiling it took ~27 ms of each 10,000-item batch, more than it saved.
# work_mem for the batch: at the default 4 MB the plan's sort of 15,000 events spilled to disk.
# ingest_items has no key: parse_batch already refused a second item of one (uscc, year) in the
# upload, and building the key took half of the COPY's ~40 ms.
_STAGING = """
    SET LOCAL jit = off;
    SET LOCAL work_mem = '32MB';
    CREATE TEMP TABLE ingest_items (uscc text NOT NULL, year int NOT NULL, name text NOT NULL,
        rating text NOT NULL, region_code text, avg_annual_tax_fen bigint, small_micro boolean)
        ON COMMIT DROP;
    CREATE TEMP TABLE ingest_moved (uscc text NOT NULL, name text NOT NULL, rating text NOT NULL,
        year int NOT NULL, version int NOT NULL, region_code text, avg_annual_tax_fen bigint,
        known boolean NOT NULL) ON COMMIT DROP;
    CREATE TEMP TABLE ingest_consented (bank uuid NOT NULL, uscc text NOT NULL) ON COMMIT DROP;
"""
_ITEM_COLUMNS = ("uscc", "year", "name", "rating", "region_code", "avg_annual_tax_fen", "small_micro")


async def stage(session: AsyncSession, items: Sequence[RatingItem]) -> None:
    """The batch's valid items into ``ingest_items`` (COPY), in the request's transaction.

    The temporary tables go when the transaction ends. asyncpg's COPY is the raw connection's;
    it runs inside the transaction the session already began (the entitlement lock).
    """
    driver = await _driver(session)
    await driver.execute(_STAGING)
    records = [
        (i.uscc, i.year, i.name, i.rating, i.region_code, i.avg_annual_tax_fen, i.small_micro) for i in items
    ]
    await driver.copy_records_to_table("ingest_items", records=records, columns=_ITEM_COLUMNS)
    # The plans need the batch's size and its enterprises' spread, not the other columns' (a
    # full ANALYZE of 10,000 rows took ~10 ms, this one ~5).
    await driver.execute("ANALYZE ingest_items (uscc, year)")


async def _driver(session: AsyncSession) -> Any:
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    return raw.driver_connection


# rules/ratings.py plan_batch: an item identical to the stored row of its year is unchanged;
# every other one is stored with the enterprise's next version (versions count every change,
# any year, in (uscc, year) order). An enterprise's current rating (the latest year) moves when
# a changed item is of its latest stored year or later (service/ratings.py, before this path).
_STORE = sa.text(
    """
    WITH old AS (
        -- Every stored year of the batch's enterprises, once each (two items of one enterprise
        -- must not double its rows: that made a changed one "affect a row a second time").
        SELECT r.uscc, r.year, r.name, r.rating, r.region_code, r.avg_annual_tax_fen, r.version
        FROM credit_push.ratings r WHERE r.uscc IN (SELECT uscc FROM ingest_items)
    ), last AS (
        SELECT uscc, max(version) AS version, max(year) AS year FROM old GROUP BY uscc
    ), changed AS (
        SELECT i.*, coalesce(l.version, 0) + row_number() OVER (PARTITION BY i.uscc ORDER BY i.year)
                    AS version,
               (l.year IS NULL OR i.year >= l.year) AS moves, o.uscc IS NOT NULL AS stored,
               l.uscc IS NOT NULL AS known
        FROM ingest_items i
        LEFT JOIN old o ON o.uscc = i.uscc AND o.year = i.year
        LEFT JOIN last l ON l.uscc = i.uscc
        WHERE o.uscc IS NULL
           OR ROW(o.name, o.rating, o.region_code, o.avg_annual_tax_fen)
              IS DISTINCT FROM ROW(i.name, i.rating, i.region_code, i.avg_annual_tax_fen)
    ), adjusted AS (
        -- Ratings are written by uploads alone, under the entitlement lock: a stored year is
        -- updated, a new one inserted as it is (no ON CONFLICT's speculative insertion).
        UPDATE credit_push.ratings r SET
            name = c.name, rating = c.rating, region_code = c.region_code,
            small_micro = coalesce(c.small_micro, r.small_micro),
            avg_annual_tax_fen = c.avg_annual_tax_fen, version = c.version, updated_at = :now
        FROM changed c WHERE c.stored AND r.uscc = c.uscc AND r.year = c.year
    ), added AS (
        INSERT INTO credit_push.ratings
            (uscc, year, name, rating, region_code, avg_annual_tax_fen, small_micro, version, created_at,
             updated_at)
        SELECT uscc, year, name, rating, region_code, avg_annual_tax_fen, small_micro, version, :now, :now
        FROM changed WHERE NOT stored
    ), moved AS (
        -- The enterprise's latest year as it is now stored: its latest changed item that moves
        -- (no stored year is later), kept for the plan instead of read back from the ratings.
        -- One row per enterprise (DISTINCT ON), so the table needs no key. ``known``: it had a
        -- rating before this batch (only such an enterprise can be held by a bank).
        INSERT INTO ingest_moved
        SELECT DISTINCT ON (uscc) uscc, name, rating, year, version, region_code, avg_annual_tax_fen, known
        FROM changed WHERE moves ORDER BY uscc, year DESC
        RETURNING uscc
    )
    SELECT (SELECT count(*) FROM changed) AS changed, (SELECT count(*) FROM moved) AS moved
    """
)


# An otherwise identical item may still carry a new small-micro mark: kept, with no new version.
_MARK = sa.text(
    """
    UPDATE credit_push.ratings r SET small_micro = i.small_micro
    FROM ingest_items i
    WHERE r.uscc = i.uscc AND r.year = i.year AND i.small_micro IS NOT NULL
      AND r.small_micro IS DISTINCT FROM i.small_micro
    """
)


async def store(session: AsyncSession, now: datetime) -> tuple[int, int]:
    """Store the staged items that change something; (how many, how many enterprises' current
    rating moved: those are in ``ingest_moved``)."""
    row = (await session.execute(_STORE, {"now": now})).one()
    await session.execute(_MARK)
    # Without statistics the plan guessed half the rows and merge-joined all of bank_views in
    # index order (~85 ms of a 10,000-item batch); with them it sees how few are ``known`` and
    # looks up only their views.
    await session.execute(sa.text("ANALYZE ingest_moved (uscc, known)"))
    return int(row.changed), int(row.moved)


# rules/entitlement.py plan_for (cause "rating"): the pairs that can produce an event are banks
# holding a copy, consented banks, and every bank for an A; the view is `full` with a consent
# and a level in the push set (A, B, M), `public` for an A, else none; a `published` when the
# view or version differs from what the bank holds, a `withdrawn` (reason rating_changed) when
# it holds one and may no longer. Each bank's events are numbered in uscc order (rn).
_PLAN = """
    WITH listed AS (
        -- Entries in force, joined once (a few against a batch's thousands of enterprises).
        SELECT DISTINCT b.uscc FROM credit_push.blacklist b WHERE {listed}
    ), cur AS (
        -- The same rule as repository/ratings.py: a listed enterprise counts as D (令第54号), and
        -- a rating past 31 March of Y+3 is no longer current (outside the push set).
        SELECT l.uscc, l.name,
               CASE WHEN b.uscc IS NOT NULL THEN 'D'
                    WHEN make_date(l.year + 3, 3, 31) < CAST(now() AT TIME ZONE 'Asia/Shanghai' AS date)
                    THEN 'lapsed'
                    ELSE l.rating END AS rating,
               l.year, l.version, l.region_code, l.avg_annual_tax_fen
        FROM ingest_moved l LEFT JOIN listed b ON b.uscc = l.uscc
    ), shown AS (
        -- The public data of an A, built once per enterprise rather than once per bank.
        SELECT cur.*, CASE WHEN rating = 'A' THEN jsonb_build_object('uscc', uscc, 'name', name,
                               'rating', rating, 'year', year, 'version', version) END AS public
        FROM cur
    ), consented AS (
        SELECT bank, uscc FROM ingest_consented
    ), viewed AS (
        -- Every pair below is of a moved enterprise (so are the consented pairs staged). A bank
        -- holds only what it was sent, and it was sent only rated enterprises: those rated
        -- before this batch are looked up, so a batch of new enterprises reads no views at all.
        SELECT v.bank_org_id AS bank, v.uscc, v.version, v."full", v.held
        FROM credit_push.bank_views v JOIN ingest_moved m USING (uscc) WHERE m.known
    ), seen AS (
        SELECT * FROM viewed WHERE held
    ), pairs AS (
        SELECT bank, uscc FROM seen
        UNION SELECT bank, uscc FROM consented
        UNION SELECT b.org_id, shown.uscc FROM shown CROSS JOIN credit_push.banks b WHERE shown.rating = 'A'
    ), judged AS (
        SELECT p.bank, p.uscc, cur.name, cur.rating, cur.year, cur.version, cur.region_code,
               cur.avg_annual_tax_fen, cur.public, v.version AS seen_version, v."full" AS seen_full,
               r.bank IS NOT NULL AS has_row,
               CASE WHEN cur.rating IN ('A', 'B', 'M') AND c.bank IS NOT NULL THEN 'full'
                    WHEN cur.rating = 'A' THEN 'public' END AS view
        FROM pairs p
        LEFT JOIN shown cur ON cur.uscc = p.uscc
        LEFT JOIN consented c ON c.bank = p.bank AND c.uscc = p.uscc
        LEFT JOIN seen v ON v.bank = p.bank AND v.uscc = p.uscc
        LEFT JOIN viewed r ON r.bank = p.bank AND r.uscc = p.uscc
    ), planned AS (
        SELECT * FROM judged
        WHERE CASE WHEN view IS NULL THEN seen_version IS NOT NULL
                   ELSE seen_version IS DISTINCT FROM version
                        OR seen_full IS DISTINCT FROM (view = 'full') END
    ), todo AS (
    SELECT CAST(:ids || lpad(to_hex(row_number() OVER (ORDER BY bank, uscc COLLATE "C")), 12, '0') AS uuid)
               AS id,
           bank, uscc,
           CASE WHEN view IS NULL THEN :withdrawn ELSE :published END AS type,
           coalesce(version, seen_version) AS version,
           CASE WHEN view IS NULL
                THEN jsonb_build_object('uscc', uscc, 'version', coalesce(version, seen_version),
                                        'reason', 'rating_changed')
                WHEN view = 'full'
                THEN jsonb_build_object('uscc', uscc, 'name', name, 'rating', rating, 'year', year,
                                        'version', version, 'avg_annual_tax_fen', avg_annual_tax_fen)
                ELSE public
           END AS data,
           CASE WHEN view IS NOT NULL THEN view = 'full' END AS full_after, has_row,
           coalesce(region_code, substr(uscc, 3, 6)) AS region,
           row_number() OVER (PARTITION BY bank ORDER BY uscc COLLATE "C") AS rn
    FROM planned
    )""".replace("{listed}", LISTED_NOW)


_MOVED = sa.table("ingest_moved", sa.column("uscc", sa.Text))
_CONSENTED = sa.table("ingest_consented", sa.column("bank", sa.Uuid), sa.column("uscc", sa.Text))


async def stage_consents(session: AsyncSession, today: date) -> None:
    """The consented (bank, uscc) pairs among the moved enterprises, into ``ingest_consented``,
    by the consents' own rule (repository/consents.py), in the database: 10,000 moved USCCs no
    longer travel to Python and back as arrays (~20 ms of a batch)."""
    pairs = consented_among(sa.select(_MOVED.c.uscc), today)
    await session.execute(sa.insert(_CONSENTED).from_select(["bank", "uscc"], pairs))


def id_prefix(now: datetime) -> str:
    """The first four groups of a UUIDv7 (RFC 9562: the millisecond, then 24 random bits) to
    which a statement appends a 48-bit counter as the last group (RFC 9562 6.2, method 1).

    A batch's event ids (and a routing's delivery ids, repository/routing.py) then increase in
    the order they are inserted, so each index on an id takes them at its right edge instead of
    at 15,000 random leaf pages (inserting 15,000 deliveries: ~150 -> ~100 ms). They stay
    unique: an upload's batches are written one at a time under the entitlement lock, and no
    other writer makes version-7 ids. Two routings in one millisecond (two replicas) would also
    need the same 24 random bits, one chance in 16 million; the later one then fails on the
    key, changes nothing, and is tried again.
    """
    ms = int(now.timestamp() * 1000) & (1 << 48) - 1
    rand = secrets.randbits(24)
    hex_ = f"{ms:012x}7{rand >> 12 & 0xFFF:03x}{0x8 | rand >> 10 & 0x3:x}{rand & 0x3FF:03x}"
    return f"{hex_[:8]}-{hex_[8:12]}-{hex_[12:16]}-{hex_[16:20]}-"


# One statement plans (``todo``, _PLAN), numbers and writes the events, and moves the banks'
# views: the plan stays in the statement instead of a temporary table (~20 ms of a batch).
# banks.allocate_seqs: each bank's seqs are reserved under its row lock, held to commit. The
# events alone: the dispatcher routes them to the subscriptions (repository/routing.py).
# views.apply_views: a bank holds what it was last sent a `published` of, and nothing after a
# `withdrawn` (the row stays, not held: it says the enterprise was pushed, migration v0012).
# What each bank already has was read by this transaction under the entitlement lock, which
# every writer of this table takes (service/outbox.py): so an existing row is updated, a new
# one inserted as it is (ON CONFLICT's speculative insertion cost ~35 ms per 15,000 rows).
_WRITE = sa.text(
    _PLAN  # noqa: S608 (constants)
    + """, counts AS (
        SELECT bank, count(*) AS n FROM todo GROUP BY bank
    ), alloc AS (
        UPDATE credit_push.banks b SET next_seq = b.next_seq + c.n
        FROM counts c WHERE b.org_id = c.bank
        RETURNING b.org_id, b.next_seq - c.n AS first
    ), ev AS (
        INSERT INTO credit_push.events (id, bank_org_id, seq, type, uscc, version, data, created_at, region)
        SELECT p.id, p.bank, a.first + p.rn - 1, p.type, p.uscc, p.version, p.data, :now, p.region
        FROM todo p JOIN alloc a ON a.org_id = p.bank
        RETURNING 1
    ), kept AS (
        UPDATE credit_push.bank_views v
        SET version = p.version, "full" = coalesce(p.full_after, v."full"), held = p.full_after IS NOT NULL
        FROM todo p
        WHERE p.has_row AND v.bank_org_id = p.bank AND v.uscc = p.uscc
    ), added AS (
        INSERT INTO credit_push.bank_views (bank_org_id, uscc, version, "full", held)
        SELECT bank, uscc, version, full_after, true FROM todo WHERE NOT has_row AND full_after IS NOT NULL
    )
    SELECT count(*) FROM ev
    """
)


async def write(session: AsyncSession, now: datetime) -> int:
    """Plan the events the moved enterprises cause, write them, and move what the banks hold;
    how many events."""
    params = {"now": now, "published": PUBLISHED, "withdrawn": WITHDRAWN, "ids": id_prefix(now)}
    written = (await session.execute(_WRITE, params)).scalar_one()
    return int(written)
