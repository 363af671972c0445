"""Ratings: the tax authority's uploads, and who reads an enterprise's current rating."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, Final

from sqlalchemy.ext.asyncio import AsyncSession

from kit.db import single_statement
from kit.errors import NotFound
from kit.i18n import localise_sentence
from kit.shapes import business_date
from services.credit_push import repository as repo
from services.credit_push.rules.entitlement import Current, rating_data, read_view
from services.credit_push.rules.rating_years import is_current
from services.credit_push.rules.ratings import RatingItem, parse_batch
from services.credit_push.schemas.ratings import (
    IngestOut,
    InternalRatingOut,
    MatchFactsOut,
    RatingOut,
    RejectedItem,
)
from services.credit_push.service import access_log, dispatch

NOT_AUTHORISED: Final = "not-authorised-by-enterprise"


async def ingest(session: AsyncSession, items: Sequence[Any], rows: Sequence[int] | None = None) -> IngestOut:
    """Store a batch; a fixed number of statements whatever its size (no per-item round trips).

    ``rows``: the items' row numbers in a rating file (service/uploads.py), named by rejections.
    """
    now = datetime.now(UTC)
    valid, rejected = parse_batch(items, business_date(now).year, rows)
    accepted, unchanged = await _store(session, valid, now) if valid else (0, 0)
    return IngestOut(
        accepted=accepted,
        unchanged=unchanged,
        rejected=[
            RejectedItem(index=r.index, uscc=r.uscc, detail=localise_sentence(r.detail)) for r in rejected
        ],
    )


async def _store(session: AsyncSession, valid: list[RatingItem], now: datetime) -> tuple[int, int]:
    """Store the valid items and write the events they cause; (accepted, unchanged).

    Set-based (repository/ingest.py): the batch is COPied into a staging table, and a few
    statements store what changed, plan the events of the enterprises whose current rating
    moved, and write them for every addressed bank (the dispatcher makes their deliveries
    afterwards, repository/routing.py). The entitlement lock
    is held for this one batch's transaction only (it orders seq assignment, service/outbox.py).
    The process's webhook dispatcher claims no new deliveries meanwhile (dispatch.GiveWay).
    """
    with dispatch.storing_upload():
        await repo.locks.lock_entitlement(session)
        await repo.ingest.stage(session, valid)
        changed, moved = await repo.ingest.store(session, now)
        if moved:
            await repo.ingest.stage_consents(session, business_date(now))
            await repo.ingest.write(session, now)
    return changed, len(valid) - changed


async def store_batch(session: AsyncSession, valid: list[RatingItem], now: datetime) -> tuple[int, int]:
    """One batch of a rating file processed in the background (service/uploads.py); see ``_store``."""
    return await _store(session, valid, now) if valid else (0, 0)


async def rating_for(session: AsyncSession, uscc: str, bank_id: str | None) -> RatingOut:
    """An enterprise's current rating; a bank (``bank_id``) sees it only when entitled: the tax
    figure too with a consent, the public fields for today's A list, else 404.

    One statement reads the rating and the bank's consent. A bank's read of non-public data is
    recorded in the access log (税收征管法 第八条).
    """
    today = business_date(datetime.now(UTC))
    await single_statement(session)  # the access-log entry is buffered, not written here
    found = await repo.ratings.read(session, uscc, bank_id, today)
    if found is None:
        raise NotFound("rating")
    current, updated_at, consented = found
    full = bank_id is None or _bank_sees_all(current, consented, today)
    out = RatingOut(**_public_fields(current, updated_at))
    if full:  # set only then: the answer leaves out a field never set (response_model_exclude_unset)
        out.avg_annual_tax_fen = current.avg_annual_tax_fen
    if bank_id is not None:
        access_log.rating_left(
            session, uscc, current.rating, out.avg_annual_tax_fen, (bank_id, "bank"), "rating_read"
        )
    return out


def _bank_sees_all(current: Current, consented: bool, today: date) -> bool:
    """True: the tax figure too (a consent); False: the public fields (the A list); else 404."""
    # A list from years ago is not today's A list (rules/rating_years.py): it entitles no one.
    view = read_view(current.rating if is_current(current.year, today) else "", consented)
    if view is None:
        raise NotFound("rating")
    return view == "full"


async def internal_rating(session: AsyncSession, uscc: str, for_org_id: str) -> InternalRatingOut:
    """The current rating (latest year, any level) with the tax figure, for loan_match.

    Only for a query of a partner app the enterprise authorised (CONTRACT §3); the read is
    logged with that app as the reader.
    """
    if not await repo.authorisations.is_held(session, for_org_id, uscc, business_date(datetime.now(UTC))):
        raise NotFound("authorisation", slug=NOT_AUTHORISED)
    current, updated_at = await _current(session, uscc)
    if not is_current(current.year, business_date(datetime.now(UTC))):
        raise NotFound("rating")
    return _shown_to_app(session, current, updated_at, for_org_id)


async def match_facts(session: AsyncSession, uscc: str, for_org_id: str) -> MatchFactsOut:
    """The internal rating read and the standing read in one answer and one statement, for a
    match: the same rules, and the same access-log entry when the rating is shown. A refusal
    is the slug the rating read's 404 would carry (authorisation checked first)."""
    await single_statement(session)  # the access-log entry is buffered, not written here
    found = await repo.ratings.facts(session, uscc, for_org_id, business_date(datetime.now(UTC)))
    if not found.authorised:
        return MatchFactsOut(uscc=uscc, blacklisted=found.listed, rating=None, refusal=NOT_AUTHORISED)
    if found.current is None or found.current[0].lapsed:
        return MatchFactsOut(uscc=uscc, blacklisted=found.listed, rating=None, refusal="not-found")
    shown = _shown_to_app(session, *found.current, for_org_id)
    return MatchFactsOut(uscc=uscc, blacklisted=found.listed, rating=shown, refusal=None)


def _shown_to_app(
    session: AsyncSession, current: Current, updated_at: datetime, for_org_id: str
) -> InternalRatingOut:
    """The rating with its tax figure as a partner app's match query sees it, access-logged."""
    access_log.rating_left(
        session,
        current.uscc,
        current.rating,
        current.avg_annual_tax_fen,
        (for_org_id, "partner_app"),
        "match_query",
    )
    return InternalRatingOut(
        **_public_fields(current, updated_at), avg_annual_tax_fen=current.avg_annual_tax_fen
    )


def _public_fields(current: Current, updated_at: datetime) -> dict[str, Any]:
    """The fields every reader of a rating sees (RatingFields)."""
    return {**rating_data(current, "public"), "updated_at": updated_at, "blacklisted": current.blacklisted}


async def _current(session: AsyncSession, uscc: str) -> tuple[Current, datetime]:
    found = await repo.ratings.current(session, uscc)
    if found is None:
        raise NotFound("rating")
    return found
