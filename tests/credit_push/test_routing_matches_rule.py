"""The dispatcher's routing SQL (repository/routing.py ``route_due``) agrees with the pure rule it
implements (rules/entitlement.py ``route_event``, ``subscription_wants``, ``region_covers``).

The rule is unit-tested on its own and the statement restates it in SQL (min_rating by RANK,
region_codes by ``region_covers`` on the event's effective region, holdings moved by each routed
event); nothing else checks that the two say the same. Here hypothesis draws one or two banks'
subscriptions (active, paused, deleted; filters; holdings; a routed_seq somewhere in the feed)
and feeds, stores them with SQL, and routes them with ``route_due`` until it finds nothing. After
every pass the deliveries and the holdings must be the rule's replay of each bank's feed, in seq
order, up to where each subscription's routed_seq now stands; each pass moves a subscription
that has events waiting by 1 to ``per_subscription`` seqs, never a deleted one; at the end every
live subscription has been routed its whole feed. One explicit example, ``grid``, puts every
filter code and min_rating against every region and rating, whatever hypothesis draws.

The module has a database of its own, migrated for credit_push only; each example starts from
empty tables, so ``route_due`` sees that example's rows alone.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from kit.migrations import upgrade
from services.credit_push.repository.routing import route_due
from services.credit_push.rules.entitlement import PUBLISHED, WITHDRAWN, Sub, route_event
from tests.support.api import make_uscc
from tests.support.postgres import PgTestServer

RATINGS = ("A", "B", "M", "C", "D")
# Enterprises' regions (GB/T 2260): counties of 兰州 620100, 嘉峪关 620200, 定西 621100, 乌鲁木齐
# 650100 and 北京. For each prefix a filter compares (2 or 4 digits, or all 6) some pair differs
# just past it and some just before it, so a comparison a digit too short or too long shows.
REGIONS = ("620102", "620103", "620111", "620201", "621102", "650102", "110101")
# Filters: provinces (xx0000), prefectures (xxxx00), counties.
FILTERS = ("620000", "650000", "110000", "620100", "620200", "650100", "620102", "620103", "620201")
STATUSES = ("active", "paused", "deleted")
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
_CLOCK = itertools.count(1)  # each pass its own millisecond: its delivery ids' prefix (id_prefix)

Delivery = tuple[uuid.UUID, uuid.UUID, int]  # subscription, event, seq
Holding = tuple[uuid.UUID, str]  # subscription, uscc


@dataclass(frozen=True)
class Event:
    id: uuid.UUID
    seq: int
    type: str
    uscc: str
    rating: str | None  # a `published`'s; a `withdrawn` has none
    region: str | None  # events.region; None: the USCC's (chars 3-8)


@dataclass(frozen=True)
class Subscription:
    id: uuid.UUID
    status: str
    min_rating: str | None
    region_codes: list[str] | None
    routed_seq: int
    holds: frozenset[str]


@dataclass(frozen=True)
class Bank:
    id: uuid.UUID
    subs: list[Subscription]
    events: list[Event]  # seq 1..len, so next_seq is len + 1


@dataclass(frozen=True)
class State:
    routed: dict[uuid.UUID, int]
    deliveries: list[Delivery]
    holdings: list[Holding]


# Drawing ----------------------------------------------------------------------------------------
@st.composite
def _subscription(draw: st.DrawFn, usccs: list[str], last_seq: int) -> Subscription:
    return Subscription(
        id=uuid.uuid4(),
        status=draw(st.sampled_from(STATUSES)),
        min_rating=draw(st.none() | st.sampled_from(RATINGS)),
        region_codes=draw(st.none() | st.lists(st.sampled_from(FILTERS), max_size=2)),
        routed_seq=draw(st.integers(0, last_seq)),
        holds=frozenset(draw(st.sets(st.sampled_from(usccs), max_size=2))),
    )


@st.composite
def _bank(draw: st.DrawFn, usccs: list[str]) -> Bank:
    drawn = draw(
        st.lists(
            st.tuples(
                st.sampled_from((PUBLISHED, WITHDRAWN)),
                st.sampled_from(usccs),
                st.sampled_from(RATINGS),
                st.none() | st.sampled_from(REGIONS),
            ),
            max_size=24,
        )
    )
    events = [
        Event(uuid.uuid4(), seq, kind, uscc, rating if kind == PUBLISHED else None, region)
        for seq, (kind, uscc, rating, region) in enumerate(drawn, 1)
    ]
    subs = draw(st.lists(_subscription(usccs, len(events)), min_size=1, max_size=4))
    return Bank(uuid.uuid4(), subs, events)


@st.composite
def worlds(draw: st.DrawFn) -> list[Bank]:
    """One or two banks whose feeds share a few enterprises (so one enterprise recurs in a feed)."""
    regions = draw(st.lists(st.sampled_from(REGIONS), min_size=1, max_size=5))
    usccs = [make_uscc(f"{i:09d}", region) for i, region in enumerate(regions)]
    return [draw(_bank(usccs)) for _ in range(draw(st.integers(1, 2)))]


def grid() -> list[Bank]:
    """One bank: a subscription per filter code and per min_rating, and an enterprise per (its
    USCC's region, the event's region, rating), each published then withdrawn: every branch of
    the rule, whatever hypothesis draws. A deleted subscription holds the first enterprise."""
    cells = itertools.product(REGIONS, RATINGS, (None, *REGIONS))
    firms = [(make_uscc(f"{i:09d}", own), rating, stated) for i, (own, rating, stated) in enumerate(cells)]
    events = [Event(uuid.uuid4(), seq, PUBLISHED, *firm) for seq, firm in enumerate(firms, 1)]
    n = len(events)
    events += [Event(uuid.uuid4(), n + seq, WITHDRAWN, u, None, r) for seq, (u, _, r) in enumerate(firms, 1)]
    filters: list[tuple[str | None, list[str] | None]] = [(None, [code]) for code in FILTERS]
    filters += [(rating, None) for rating in RATINGS] + [(None, None), (None, [])]
    subs = [Subscription(uuid.uuid4(), STATUSES[i % 2], *f, 0, frozenset()) for i, f in enumerate(filters)]
    subs.append(Subscription(uuid.uuid4(), "deleted", None, None, 0, frozenset({firms[0][0]})))
    return [Bank(uuid.uuid4(), subs, events)]


# The rule ---------------------------------------------------------------------------------------
def replay(world: list[Bank], upto: dict[uuid.UUID, int]) -> tuple[list[Delivery], list[Holding]]:
    """What ``route_event`` sends and leaves held when each bank's events are routed in seq order,
    each to the live subscriptions past whose routed_seq it is and not past ``upto``."""
    deliveries: list[Delivery] = []
    holdings: set[Holding] = set()
    for bank in world:
        held = {(s.id, uscc) for s in bank.subs for uscc in s.holds}
        for e in bank.events:
            live = [s for s in bank.subs if s.status != "deleted" and s.routed_seq < e.seq <= upto[s.id]]
            subs = [Sub(str(s.id), str(bank.id), s.min_rating, s.region_codes) for s in live]
            holding = {str(s.id) for s in live if (s.id, e.uscc) in held}
            region = e.region or e.uscc[2:8]  # Current.effective_region
            for receiver in route_event(e.type, e.rating, region, subs, holding):
                sub_id = uuid.UUID(receiver)
                deliveries.append((sub_id, e.id, e.seq))
                if e.type == PUBLISHED:
                    held.add((sub_id, e.uscc))
                else:
                    held.discard((sub_id, e.uscc))
        holdings |= held
    return sorted(deliveries), sorted(holdings)


def assert_progress(
    world: list[Bank], before: dict[uuid.UUID, int], after: dict[uuid.UUID, int], n: int, looked: int
) -> None:
    """One pass: a live subscription with events waiting moves 1..n seqs, within its feed; the rest
    stay; ``route_due`` counts the events it looked at."""
    for bank in world:
        for s in bank.subs:
            waiting = s.status != "deleted" and before[s.id] < len(bank.events)
            moved = after[s.id] - before[s.id]
            assert (1 <= moved <= n) if waiting else moved == 0, (s, before[s.id], after[s.id])
            assert after[s.id] <= len(bank.events)
    assert looked == sum(after[i] - before[i] for i in before)


# The database -----------------------------------------------------------------------------------
_CLEAR = sa.text(
    "TRUNCATE credit_push.deliveries, credit_push.subscription_views, credit_push.events, "
    "credit_push.subscriptions, credit_push.banks"
)
_BANK = sa.text(
    "INSERT INTO credit_push.banks (org_id, name, next_seq, created_at) VALUES (:id, 'bank', :next_seq, :at)"
)
_SUBSCRIPTION = sa.text(
    """
    INSERT INTO credit_push.subscriptions (id, bank_org_id, url, status, min_rating, region_codes,
        secret, created_at, updated_at, routed_seq)
    VALUES (:id, :bank, 'https://hooks.bank.example/credit', :status, :min_rating, :region_codes,
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', :at, :at, :routed_seq)
    """
)
_VIEW = sa.text("INSERT INTO credit_push.subscription_views (subscription_id, uscc) VALUES (:sub, :uscc)")
_EVENT = sa.text(
    """
    INSERT INTO credit_push.events (id, bank_org_id, seq, type, uscc, version, data, created_at, region)
    VALUES (:id, :bank, :seq, :type, :uscc, 1, CAST(:data AS jsonb), :at, :region)
    """
)


def _event_data(e: Event) -> str:
    if e.type == WITHDRAWN:
        return json.dumps({"uscc": e.uscc, "version": 1, "reason": "rating_changed"})
    return json.dumps({"uscc": e.uscc, "name": "企业", "rating": e.rating, "year": 2025, "version": 1})


async def _insert(session: AsyncSession, statement: sa.TextClause, rows: list[dict[str, object]]) -> None:
    if rows:
        await session.execute(statement, rows)


async def store(session: AsyncSession, world: list[Bank]) -> None:
    await session.execute(_CLEAR)
    subs = [(b, s) for b in world for s in b.subs]
    banks = [{"id": b.id, "next_seq": len(b.events) + 1, "at": AT} for b in world]
    await _insert(session, _BANK, banks)
    await _insert(session, _SUBSCRIPTION, [_subscription_row(b, s) for b, s in subs])
    await _insert(session, _VIEW, [{"sub": s.id, "uscc": u} for _, s in subs for u in sorted(s.holds)])
    events = [_event_row(b, e) for b in world for e in b.events]
    await _insert(session, _EVENT, events)


def _subscription_row(bank: Bank, s: Subscription) -> dict[str, object]:
    return {
        "id": s.id,
        "bank": bank.id,
        "status": s.status,
        "min_rating": s.min_rating,
        "region_codes": s.region_codes,
        "routed_seq": s.routed_seq,
        "at": AT,
    }


def _event_row(bank: Bank, e: Event) -> dict[str, object]:
    row = {"id": e.id, "bank": bank.id, "seq": e.seq, "type": e.type, "uscc": e.uscc}
    return {**row, "data": _event_data(e), "at": AT, "region": e.region}


async def read(session: AsyncSession) -> State:
    subs = await session.execute(sa.text("SELECT id, routed_seq FROM credit_push.subscriptions"))
    sent = await session.execute(sa.text("SELECT subscription_id, event_id, seq FROM credit_push.deliveries"))
    held = await session.execute(sa.text("SELECT subscription_id, uscc FROM credit_push.subscription_views"))
    return State(
        routed={row[0]: row[1] for row in subs},
        deliveries=sorted((row[0], row[1], row[2]) for row in sent),
        holdings=sorted((row[0], row[1]) for row in held),
    )


async def route_pass(sessions: async_sessionmaker[AsyncSession], per_subscription: int) -> int:
    async with sessions.begin() as session:
        return await route_due(session, AT + timedelta(milliseconds=next(_CLOCK)), per_subscription)


@pytest.fixture(scope="module")
async def sessions(pg_server: PgTestServer) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    url = await pg_server.create_database()
    await upgrade(url, ("credit_push",))
    engine = create_async_engine(url)
    yield async_sessionmaker(engine, expire_on_commit=False)
    await engine.dispose()


# The test ---------------------------------------------------------------------------------------
# No example database: failing examples are not saved under .hypothesis/ between runs.
@settings(max_examples=100, deadline=None, database=None)
@given(world=worlds(), per_subscription=st.integers(1, 8))
@example(world=grid(), per_subscription=64)
async def test_route_due_routes_and_holds_as_route_event_says(
    sessions: async_sessionmaker[AsyncSession], world: list[Bank], per_subscription: int
) -> None:
    async with sessions.begin() as session:
        await store(session, world)
    before = {s.id: s.routed_seq for b in world for s in b.subs}
    while True:
        looked = await route_pass(sessions, per_subscription)
        async with sessions() as session:
            state = await read(session)
        assert_progress(world, before, state.routed, per_subscription, looked)
        deliveries, holdings = replay(world, state.routed)
        assert state.deliveries == deliveries
        assert state.holdings == holdings
        before = state.routed
        if looked == 0:
            break
    for bank in world:
        assert all(before[s.id] == len(bank.events) for s in bank.subs if s.status != "deleted")
