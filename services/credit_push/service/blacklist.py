"""The 红黑榜 (重大税收违法失信主体信息公布管理办法, 国家税务总局令第54号; CONTRACT §3 "Blacklist").

While an entry is in force the enterprise's rating counts as D for every rule here: the
current-rating reads overlay it (repository/ratings.py), so reconciling the enterprise under
the entitlement lock sends each bank holding it a `withdrawn` (reason `blacklisted`), in the
same transaction as the entry. Ending an entry (信用修复, or its three years running out, 第十四条)
reconciles again: banks entitled once more are sent `published`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import NotFound, RuleViolation
from kit.shapes import business_date
from services.credit_push import repository as repo
from services.credit_push.repository.blacklist import EntryRow
from services.credit_push.repository.common import After
from services.credit_push.rules import blacklist as rules
from services.credit_push.rules.rating_years import year_problem
from services.credit_push.schemas.blacklist import AListItem, BlacklistIn, BlacklistOut, StandingOut
from services.credit_push.service.expiry import lapsed_locked
from services.credit_push.service.outbox import reconcile


def entry_out(row: EntryRow, today: date) -> BlacklistOut:
    listed = row.status == "active" and rules.is_listed(row.published_on, None, today)
    shown = replace(row, status="active" if listed else "ended")
    return BlacklistOut.model_validate(shown, from_attributes=True)


def _check_dates(body: BlacklistIn, today: date) -> None:
    problem = rules.dates_problem(body.decision_served_on, body.published_on)
    if problem is None and body.published_on > today:
        problem = f"published_on {body.published_on} is in the future (today is {today}, Asia/Shanghai)"
    if problem is not None:
        raise RuleViolation(f"{problem}.", slug="validation-error", field="published_on", field_msg=problem)


async def add(session: AsyncSession, body: BlacklistIn) -> BlacklistOut:
    """Record an entry; banks holding the enterprise get `withdrawn` (reason `blacklisted`) at once."""
    now = datetime.now(UTC)
    today = business_date(now)
    _check_dates(body, today)
    row = EntryRow(
        id=uuid.uuid4(),
        uscc=body.uscc,
        name=body.name,
        decision_served_on=body.decision_served_on,
        published_on=body.published_on,
        ends_on=rules.ends_on(body.published_on),
        reason=body.reason,
        late=rules.is_late(body.decision_served_on, body.published_on),
        status="active",
        created_at=now,
        ended_at=None,
    )
    await repo.locks.lock_entitlement(session)
    await repo.blacklist.insert(session, row)
    await reconcile(session, usccs=[row.uscc], bank_ids=None, cause="blacklist", now=now)
    return entry_out(row, today)


async def remove(session: AsyncSession, entry_id: uuid.UUID) -> None:
    """信用修复: end the entry early; entitled banks are sent the enterprise's rating again."""
    await repo.locks.lock_entitlement(session)
    row = await repo.blacklist.get(session, entry_id, lock=True)
    if row is None:
        raise NotFound("blacklist entry")
    if row.status == "active":
        await _end(session, [row], datetime.now(UTC))


async def _end(session: AsyncSession, rows: Sequence[EntryRow], now: datetime) -> None:
    """The caller holds the entitlement lock."""
    await repo.blacklist.end(session, [r.id for r in rows], now)
    usccs = sorted({r.uscc for r in rows})
    await reconcile(session, usccs=usccs, bank_ids=None, cause="blacklist", now=now)


async def expire(session: AsyncSession, now: datetime) -> int:
    """End every entry whose three years are over, with the same effects as a DELETE (第十四条)."""
    lapsed = await lapsed_locked(session, repo.blacklist.lapsed, business_date(now))
    if lapsed:
        await _end(session, lapsed, now)
    return len(lapsed)


async def listed(session: AsyncSession, after: After, limit: int) -> list[BlacklistOut]:
    """Up to ``limit + 1`` entries in force, oldest first (the list is public, 第十三条)."""
    today = business_date(datetime.now(UTC))
    return [entry_out(row, today) for row in await repo.blacklist.listed(session, today, after, limit)]


async def standing(session: AsyncSession, uscc: str) -> StandingOut:
    """Whether the enterprise is on the 红黑榜 now (public: needs no authorisation)."""
    today = business_date(datetime.now(UTC))
    return StandingOut(uscc=uscc, blacklisted=await repo.blacklist.is_listed(session, uscc, today))


def a_list_year(year: int | None) -> int:
    """The evaluation year asked for, else the latest published one (year Y is out from April of Y+1)."""
    today = business_date(datetime.now(UTC))
    if year is None:
        return today.year - 1
    problem = year_problem(year, today)
    if problem is not None:
        raise RuleViolation(f"year: {problem}.", slug="validation-error", field="year", field_msg=problem)
    return year


async def a_list(session: AsyncSession, year: int | None, after: str, limit: int) -> list[AListItem]:
    """Up to ``limit + 1`` enterprises on the public A list of ``year``, by uscc; blacklisted left out."""
    rows = await repo.public_list.a_list(session, a_list_year(year), after, limit)
    return [AListItem(uscc=r.uscc, name=r.name, year=r.year) for r in rows]
