"""Subscriptions: a bank receives the events addressed to it as signed Standard Webhooks."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from kit.errors import Conflict, NotFound, RuleViolation
from kit.etags import require_match
from services.credit_push import repository as repo
from services.credit_push.clients.ssrf import check_url
from services.credit_push.clients.webhooks import ROTATION_OVERLAP, new_secret
from services.credit_push.repository.common import After
from services.credit_push.repository.subscriptions import SubscriptionRow
from services.credit_push.rules.urls import UnsafeUrl
from services.credit_push.schemas import subscriptions as schemas
from services.credit_push.service.banks import learn_banks

PAUSED_BY_THE_BANK = "paused by the bank"
# CONTRACT §3: a bank has at most 10 subscriptions (deleted ones do not count).
MAX_SUBSCRIPTIONS = 10


def subscription_out(row: SubscriptionRow) -> schemas.SubscriptionOut:
    # No region filter is shown as null, never as an empty list.
    shown = replace(row, region_codes=row.region_codes or None)
    return schemas.SubscriptionOut.model_validate(shown, from_attributes=True)


async def _check_url(url: str, allow_private: bool) -> None:
    try:
        await check_url(url, allow_private)
    except UnsafeUrl as exc:
        raise RuleViolation(
            f"url: {exc}.", slug="unsafe-webhook-url", field="url", field_msg=str(exc)
        ) from exc


async def _own(
    session: AsyncSession, bank_id: str, sub_id: uuid.UUID, *, lock: bool = False
) -> SubscriptionRow:
    row = await repo.subscriptions.get(session, bank_id, sub_id, for_update=lock)
    if row is None:
        raise NotFound("subscription")
    return row


async def subscribe(
    session: AsyncSession, body: schemas.SubscriptionIn, bank_id: str, bank_name: str, allow_private: bool
) -> schemas.SubscriptionCreated:
    """A new subscription; its secret is shown this once."""
    await _check_url(body.url, allow_private)
    now = datetime.now(UTC)
    await learn_banks(session, [(bank_id, bank_name)], now)
    await _check_room(session, bank_id)
    row = _new_subscription(body, bank_id, now)
    await repo.subscriptions.insert(session, row)
    stored = await _own(session, bank_id, row.id)
    return schemas.SubscriptionCreated(**subscription_out(stored).model_dump(), secret=row.secret)


async def _check_room(session: AsyncSession, bank_id: str) -> None:
    """Counted under the bank's row lock, so parallel creates cannot jointly pass the cap."""
    await repo.banks.lock(session, bank_id)
    if await repo.subscriptions.count_live(session, bank_id) >= MAX_SUBSCRIPTIONS:
        raise Conflict(
            f"You have {MAX_SUBSCRIPTIONS} subscriptions already, the most a bank may have; "
            "delete one first.",
            slug="too-many-subscriptions",
            limit=MAX_SUBSCRIPTIONS,
        )


def _new_subscription(body: schemas.SubscriptionIn, bank_id: str, now: datetime) -> SubscriptionRow:
    return SubscriptionRow(
        id=uuid.uuid4(),
        bank_org_id=uuid.UUID(bank_id),
        url=body.url,
        status="active",
        paused_reason=None,
        min_rating=body.min_rating,
        region_codes=body.region_codes,
        secret=new_secret(),
        previous_secret=None,
        previous_secret_until=None,
        sending_until=None,
        created_at=now,
        updated_at=now,
    )


async def list_for(
    session: AsyncSession, bank_id: str, after: After, limit: int
) -> list[schemas.SubscriptionOut]:
    """Up to ``limit + 1`` of the bank's subscriptions, oldest first."""
    rows = await repo.subscriptions.list_for(session, bank_id, after, limit)
    return [subscription_out(row) for row in rows]


async def get(session: AsyncSession, bank_id: str, sub_id: uuid.UUID) -> schemas.SubscriptionOut:
    return subscription_out(await _own(session, bank_id, sub_id))


async def patch(
    session: AsyncSession,
    bank_id: str,
    sub_id: uuid.UUID,
    body: schemas.SubscriptionPatch,
    allow_private: bool,
    if_match: str | None = None,
) -> schemas.SubscriptionOut:
    """Pause or resume, or change the URL or filters; a null URL or status changes nothing.

    ``if_match``: the ETag the bank read; another version (the dispatcher paused it on a 410,
    another client changed it) is a 412 (kit/etags.py).
    """
    row = await _own(session, bank_id, sub_id, lock=True)
    require_match(if_match, subscription_out(row))
    if body.url is not None:
        await _check_url(body.url, allow_private)
    if _changes_something(body):
        await repo.subscriptions.save_settings(session, _patched(row, body, datetime.now(UTC)))
    return subscription_out(await _own(session, bank_id, sub_id))


def _changes_something(body: schemas.SubscriptionPatch) -> bool:
    """Any field sent, except a null URL or status: then ``updated_at`` moves, even to the same values."""
    sent = body.model_fields_set
    return body.url is not None or body.status is not None or bool(sent & {"min_rating", "region_codes"})


def _patched(row: SubscriptionRow, body: schemas.SubscriptionPatch, now: datetime) -> SubscriptionRow:
    """The row with the patch applied; the filters may be set back to null (no filter)."""
    sent = body.model_fields_set
    return replace(
        row,
        url=body.url if body.url is not None else row.url,
        status=body.status if body.status is not None else row.status,
        paused_reason=_paused_reason(row, body),
        min_rating=body.min_rating if "min_rating" in sent else row.min_rating,
        region_codes=body.region_codes if "region_codes" in sent else row.region_codes,
        updated_at=now,
    )


def _paused_reason(row: SubscriptionRow, body: schemas.SubscriptionPatch) -> str | None:
    """Resuming clears the reason; a bank pausing an active subscription gives its own."""
    if body.status == "active":
        return None
    if body.status == "paused" and row.status == "active":
        return PAUSED_BY_THE_BANK
    return row.paused_reason


async def delete(session: AsyncSession, bank_id: str, sub_id: uuid.UUID) -> None:
    """Stop the subscription; its pending deliveries are dropped, its events stay in the feed."""
    row = await _own(session, bank_id, sub_id)
    # Deliveries first, then the subscription: the dispatcher's record step locks in that order too.
    await repo.deliveries.drop_pending(session, row.id)
    await repo.views.forget_subscription(session, row.id)
    await repo.subscriptions.mark_deleted(session, row.id, datetime.now(UTC))


async def rotate_secret(session: AsyncSession, bank_id: str, sub_id: uuid.UUID) -> schemas.SecretOut:
    """A new secret; the old one keeps signing too (both signatures) for 24 hours."""
    row = await _own(session, bank_id, sub_id, lock=True)
    now = datetime.now(UTC)
    secret = new_secret()
    until = now + ROTATION_OVERLAP
    await repo.subscriptions.rotate_secret(session, row, secret, until, now)
    return schemas.SecretOut(secret=secret, previous_secret_valid_until=until)


async def recover(
    session: AsyncSession, bank_id: str, sub_id: uuid.UUID, since: datetime
) -> schemas.RecoverOut:
    """Send every failed delivery of this subscription created since ``since`` again."""
    row = await _own(session, bank_id, sub_id)
    return schemas.RecoverOut(
        requeued=await repo.deliveries.requeue_failed(session, row.id, since, datetime.now(UTC))
    )
