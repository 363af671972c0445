"""The step the expiry sweeps share: what has lapsed, read again under the entitlement lock."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from services.credit_push import repository as repo

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)


class Lapsed(Protocol[R_co]):
    """A repository query of the rows past their last day, optionally locking them."""

    async def __call__(self, session: AsyncSession, today: date, *, lock: bool) -> Sequence[R_co]: ...


async def lapsed_locked(session: AsyncSession, lapsed: Lapsed[R], today: date) -> Sequence[R]:
    """The rows ``lapsed`` finds, locked after the entitlement lock; none (and no lock) if none.

    Looking before locking: the sweeps run every second and usually find nothing.
    """
    if not await lapsed(session, today, lock=False):
        return []
    await repo.locks.lock_entitlement(session)
    return await lapsed(session, today, lock=True)
