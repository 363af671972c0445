"""Reconciliation and the event outbox: what every change of entitlement writes.

Every change that can alter who is entitled to an enterprise (an upload, a consent given,
revoked or expired, a new bank) runs under one transaction-scoped advisory lock and, in the
same transaction, writes the events it causes (the outbox). So an event is never addressed
and lost, and two such changes never see each other half-done (which would lose or duplicate
an event). The dispatcher routes each bank's events to its subscriptions afterwards, in feed
order (repository/routing.py), so a delivery is never made without its event.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.shapes import business_date
from services.credit_push import repository as repo
from services.credit_push.repository.events import EventRow
from services.credit_push.rules.entitlement import (
    PUBLIC_LEVEL,
    Cause,
    Current,
    Planned,
    plan_for,
)

Pair = tuple[str, str]  # (bank id, uscc)


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
    currents = await repo.ratings.currents(session, usccs, business_date(now))
    consented = await repo.consents.consented_pairs(session, usccs, bank_ids, business_date(now))
    seen = await repo.views.seen(session, usccs, bank_ids)
    pairs = set(seen) | consented | await _a_list_pairs(session, usccs, bank_ids, currents)
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


async def _a_list_pairs(
    session: AsyncSession, usccs: Sequence[str], bank_ids: Sequence[str] | None, currents: dict[str, Current]
) -> set[Pair]:
    """Every bank is entitled to an A enterprise's public fields (the A list is published)."""
    a_list = [u for u in usccs if u in currents and currents[u].rating == PUBLIC_LEVEL]
    if not a_list:
        return set()
    every_bank = bank_ids if bank_ids is not None else await repo.banks.all_ids(session)
    return {(bank, uscc) for bank in every_bank for uscc in a_list}


async def _write_events(
    session: AsyncSession, planned: list[Planned], currents: dict[str, Current], now: datetime
) -> None:
    next_seq = await repo.banks.allocate_seqs(session, Counter(p.bank for p in planned))
    rows: list[EventRow] = []
    for p in planned:  # sorted by (bank, uscc): each bank's seqs follow in one run
        region = _region_of(p.uscc, currents.get(p.uscc))
        seq = next_seq[p.bank]
        rows.append(EventRow(uuid.uuid4(), p.bank, seq, p.type, p.uscc, p.version, p.data, region))
        next_seq[p.bank] += 1
    await repo.events.insert(session, rows, now)
    await repo.views.apply_views(
        session,
        [(p.bank, p.uscc, p.seen_after) for p in planned if p.seen_after is not None],
        [(p.bank, p.uscc) for p in planned if p.seen_after is None],
    )


def _region_of(uscc: str, current: Current | None) -> str:
    """What a subscription's region filter reads: without a rating, the registration region
    inside the USCC (GB 32100, characters 3-8)."""
    return current.effective_region if current else uscc[2:8]
