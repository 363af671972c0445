"""credit_push use cases: ingest, consents, bank discovery and the event outbox. No HTTP here.

Every change that can alter who is entitled to an enterprise (an upload, a consent given,
revoked or expired, a new bank) runs under one transaction-scoped advisory lock and, in the
same transaction, writes the events it causes and their deliveries (the outbox). So an
event is never addressed and lost, nor sent and not recorded, and two such changes never
see each other half-done (which would lose or duplicate an event).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push import repository as repo
from services.credit_push.rules.entitlement import (
    PUBLIC_LEVEL,
    WITHDRAWN,
    Cause,
    Current,
    Planned,
    plan_for,
    route_event,
)
from services.credit_push.rules.ratings import Rejection, StoredRating, current_of, parse_batch, plan_batch

SHANGHAI = ZoneInfo("Asia/Shanghai")


def business_today(now: datetime) -> date:
    """CONTRACT §1: business dates are taken in Asia/Shanghai."""
    return now.astimezone(SHANGHAI).date()


@dataclass(frozen=True)
class IngestResult:
    accepted: int
    unchanged: int
    rejected: list[Rejection]


async def ingest(session: AsyncSession, items: Sequence[Any], now: datetime) -> IngestResult:
    """Store a batch; a fixed number of statements whatever its size (no per-item round trips)."""
    valid, rejected = parse_batch(items, business_today(now).year)
    if not valid:
        return IngestResult(0, 0, rejected)
    await repo.lock_entitlement(session)
    usccs = sorted({item.uscc for item in valid})
    before = await repo.ratings_of(session, usccs)
    by_key = {(r.uscc, r.year): r for r in before}
    last_version: dict[str, int] = {}
    for row in before:
        last_version[row.uscc] = max(last_version.get(row.uscc, 0), row.version)
    plan = plan_batch(valid, by_key, last_version)
    if plan.changed:
        await repo.upsert_ratings(session, plan.changed, now)
        moved = _current_moved(before, plan.changed)
        if moved:
            await reconcile(session, usccs=moved, bank_ids=None, cause="rating", now=now)
    return IngestResult(len(plan.changed), plan.unchanged, rejected)


def _current_moved(before: Sequence[StoredRating], changed: Sequence[StoredRating]) -> list[str]:
    """Enterprises whose current (latest-year) rating is a different row or version now."""
    rows: dict[str, dict[int, StoredRating]] = defaultdict(dict)
    for row in before:
        rows[row.uscc][row.year] = row
    old = {u: current_of(list(years.values())) for u, years in rows.items()}
    for row in changed:
        rows[row.uscc][row.year] = row
    moved = []
    for uscc in sorted({r.uscc for r in changed}):
        new = current_of(list(rows[uscc].values()))
        if new != old.get(uscc):
            moved.append(uscc)
    return moved


async def reconcile(
    session: AsyncSession,
    *,
    usccs: Sequence[str],
    bank_ids: Sequence[str] | None,
    cause: Cause,
    now: datetime,
) -> int:
    """Bring what banks hold about ``usccs`` in line with the entitlement rules; events written.

    Only pairs that can produce an event are looked at: banks that hold a copy, banks with
    a consent, and every bank for an enterprise on the A list.
    """
    if not usccs:
        return 0
    currents = await repo.current_ratings(session, usccs)
    consented = await repo.consented_pairs(session, usccs, bank_ids, business_today(now))
    seen = await repo.seen_views(session, usccs, bank_ids)
    pairs = set(seen) | consented
    a_list = [u for u in usccs if u in currents and currents[u].rating == PUBLIC_LEVEL]
    if a_list:
        every_bank = bank_ids if bank_ids is not None else await repo.all_banks(session)
        pairs |= {(bank, uscc) for bank in every_bank for uscc in a_list}
    planned = [
        p
        for bank, uscc in sorted(pairs)
        if (
            p := plan_for(
                bank, uscc, currents.get(uscc), (bank, uscc) in consented, seen.get((bank, uscc)), cause
            )
        )
    ]
    if planned:
        await _write_events(session, planned, currents, now)
    return len(planned)


async def _write_events(
    session: AsyncSession, planned: list[Planned], currents: dict[str, Current], now: datetime
) -> None:
    firsts = await repo.allocate_seqs(session, Counter(p.bank for p in planned))
    next_seq = dict(firsts)
    rows: list[repo.EventRow] = []
    for p in planned:  # sorted by (bank, uscc): each bank's seqs follow in one run
        rows.append(repo.EventRow(uuid.uuid4(), p.bank, next_seq[p.bank], p.type, p.uscc, p.version, p.data))
        next_seq[p.bank] += 1
    await repo.insert_events(session, rows, now)
    await repo.apply_views(
        session,
        [(p.bank, p.uscc, p.seen_after) for p in planned if p.seen_after is not None],
        [(p.bank, p.uscc) for p in planned if p.seen_after is None],
    )
    await _fan_out(session, rows, currents, now)


async def _fan_out(
    session: AsyncSession, rows: list[repo.EventRow], currents: dict[str, Current], now: datetime
) -> None:
    """Deliveries for the banks' subscriptions, in the same transaction as the events."""
    subs = await repo.subscriptions_of(session, sorted({r.bank for r in rows}))
    if not subs:
        return
    subs_by_bank: dict[str, list[Any]] = defaultdict(list)
    for sub in subs:
        subs_by_bank[sub.bank].append(sub)
    held = await repo.holding(session, [s.id for s in subs], sorted({r.uscc for r in rows}))
    deliveries: list[tuple[uuid.UUID, str, str]] = []
    adds: list[tuple[str, str]] = []
    removes: list[tuple[str, str]] = []
    for row in rows:
        current = currents.get(row.uscc)
        holding = {s for s, u in held if u == row.uscc}
        region = current.effective_region if current else row.uscc[2:8]
        targets = route_event(
            row.type, current.rating if current else None, region, subs_by_bank[row.bank], holding
        )
        for sub_id in targets:
            deliveries.append((row.id, sub_id, row.bank))
            (removes if row.type == WITHDRAWN else adds).append((sub_id, row.uscc))
    if deliveries:
        await repo.insert_deliveries(session, deliveries, now)
        await repo.apply_holding(session, adds, removes)


async def ensure_bank(session: AsyncSession, org_id: str, name: str, now: datetime) -> bool:
    """Record a bank; a new one is addressed the whole current A list (and its consents) at once.

    The caller holds the entitlement lock.
    """
    if not await repo.insert_bank(session, org_id, name, now):
        return False
    usccs = set(await repo.current_a_list(session))
    usccs |= set(await repo.consented_usccs(session, org_id, business_today(now)))
    await reconcile(session, usccs=sorted(usccs), bank_ids=[org_id], cause="bank", now=now)
    return True


async def learn_banks(session: AsyncSession, orgs: Sequence[tuple[str, str]], now: datetime) -> int:
    """Add banks the gateway knows and this service does not yet; the number added."""
    if not orgs:
        return 0
    known = await repo.known_banks(session, [org_id for org_id, _ in orgs])
    missing = [(org_id, name) for org_id, name in orgs if org_id not in known]
    if not missing:
        return 0
    await repo.lock_entitlement(session)
    added = 0
    for org_id, name in missing:
        added += await ensure_bank(session, org_id, name, now)
    return added


async def give_consent(session: AsyncSession, values: dict[str, Any], bank_name: str, now: datetime) -> None:
    """Store a consent; a B or M enterprise is published to the bank at once."""
    await repo.lock_entitlement(session)
    bank_id = str(values["bank_org_id"])
    await ensure_bank(session, bank_id, bank_name, now)
    await repo.insert_consent(session, values)
    await reconcile(session, usccs=[values["uscc"]], bank_ids=[bank_id], cause="consent", now=now)


async def revoke_consent(session: AsyncSession, consent: Any, now: datetime) -> None:
    await repo.lock_entitlement(session)
    await repo.end_consents(session, [consent.id], "revoked", now)
    await reconcile(
        session, usccs=[consent.uscc], bank_ids=[str(consent.bank_org_id)], cause="consent_revoked", now=now
    )


async def expire_consents(session: AsyncSession, today: date, now: datetime) -> int:
    """End every active consent whose last day is before ``today``; expiry withdraws like a revocation."""
    # Look before locking: the sweep runs every few seconds and usually finds nothing.
    if not await repo.lapsed_consents(session, today, lock=False):
        return 0
    await repo.lock_entitlement(session)
    lapsed = await repo.lapsed_consents(session, today, lock=True)
    await repo.end_consents(session, [row.id for row in lapsed], "expired", now)
    by_bank: dict[str, set[str]] = defaultdict(set)
    for row in lapsed:
        by_bank[str(row.bank_org_id)].add(row.uscc)
    for bank_id, usccs in sorted(by_bank.items()):
        await reconcile(session, usccs=sorted(usccs), bank_ids=[bank_id], cause="consent_expired", now=now)
    return len(lapsed)
