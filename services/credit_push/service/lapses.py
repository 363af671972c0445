"""Ratings that lapse by time (CONTRACT §3 "Ratings"; rules/rating_years.py).

A rating of year Y stays current through 31 March of Y+3 at the latest (a list from years ago
is not today's A list, 税总发〔2019〕113号). On 1 April an enterprise whose latest rating is that
old leaves the push set without any upload: each bank holding it is sent `withdrawn` (reason
`rating_changed`). The sweep runs under the entitlement lock and looks only at enterprises some
bank still holds, so running it twice, or in two replicas at once, sends nothing twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.shapes import business_date
from services.credit_push import repository as repo
from services.credit_push.rules.rating_years import oldest_current_year
from services.credit_push.service.outbox import reconcile

BATCH = 1_000  # enterprises reconciled per transaction


async def sweep(session: AsyncSession, now: datetime) -> tuple[int, int]:
    """Withdraw up to BATCH lapsed enterprises from the banks holding them: (enterprises, events).

    The caller commits and calls again until no enterprise is left.
    """
    oldest = oldest_current_year(business_date(now))
    # Look before locking: on most days nothing lapses.
    if not await repo.lapses.held_lapsed(session, oldest, 1):
        return 0, 0
    await repo.locks.lock_entitlement(session)
    usccs = await repo.lapses.held_lapsed(session, oldest, BATCH)
    events = await reconcile(session, usccs=usccs, bank_ids=None, cause="rating", now=now)
    return len(usccs), events
