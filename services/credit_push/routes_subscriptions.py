"""Webhook subscriptions, their deliveries and the feed of credit_push (CONTRACT §3).

Each operation parses the request, calls one use case of ``service.subscriptions`` or
``service.deliveries`` and shapes the answer (the page and its cursor).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from kit.deps import IfMatch, Session
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, encode_cursor, page_of
from services.credit_push.deps import idempotent
from services.credit_push.paging import after_of, position_of, seq_of, with_etag
from services.credit_push.routes import Bank, _allow_private, _aware, _id, _org
from services.credit_push.schemas import (
    DeliveryOut,
    FeedPage,
    RecoverIn,
    RecoverOut,
    SecretOut,
    SubscriptionCreated,
    SubscriptionIn,
    SubscriptionOut,
    SubscriptionPatch,
)
from services.credit_push.service import deliveries, subscriptions

router = APIRouter(prefix="/v1/credit")


# --- subscriptions -------------------------------------------------------------------------


@router.post(
    "/subscriptions",
    status_code=201,
    response_model=SubscriptionCreated,
    dependencies=[idempotent],
    operation_id="createSubscription",
    summary="Subscribe a webhook to rating changes",
    tags=["subscriptions"],
)
async def subscribe(
    body: SubscriptionIn, principal: Bank, request: Request, session: Session
) -> SubscriptionCreated:
    """Receive events addressed to you from now on as signed Standard Webhooks."""
    return await subscriptions.subscribe(
        session, body, _org(principal), principal.name, _allow_private(request)
    )


@router.get(
    "/subscriptions",
    response_model=Page[SubscriptionOut],
    operation_id="listSubscriptions",
    summary="List your webhook subscriptions",
    tags=["subscriptions"],
)
async def list_subscriptions(
    principal: Bank, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> Page[SubscriptionOut]:
    """Your subscriptions, oldest first (secrets are never shown again)."""
    items = await subscriptions.list_for(session, _org(principal), after_of(cursor), limit)
    page, next_cursor = page_of(items, limit, position_of)
    return Page[SubscriptionOut](items=page, next_cursor=next_cursor)


@router.get(
    "/subscriptions/{sub_id}",
    response_model=SubscriptionOut,
    responses={404: {}},
    operation_id="getSubscription",
    summary="Get one subscription",
    tags=["subscriptions"],
)
async def get_subscription(sub_id: str, principal: Bank, session: Session) -> Response:
    """One of your webhook subscriptions: its URL, filter (`min_rating`, `region_codes`) and status;
    another bank's is a 404 (CONTRACT §3). Its `ETag` is what a PATCH's `If-Match` names."""
    return with_etag(await subscriptions.get(session, _org(principal), _id(sub_id, "subscription")))


@router.patch(
    "/subscriptions/{sub_id}",
    response_model=SubscriptionOut,
    responses={404: {}, **problems(s412="precondition-failed")},
    operation_id="updateSubscription",
    summary="Change a subscription (URL, filter, pause)",
    tags=["subscriptions"],
)
async def patch_subscription(
    sub_id: str,
    body: SubscriptionPatch,
    principal: Bank,
    request: Request,
    session: Session,
    if_match: IfMatch = None,
) -> SubscriptionOut:
    """Pause or resume (pending deliveries wait while paused), or change the URL or filters; with
    `If-Match`, a subscription changed since you read it is a 412 and nothing changes."""
    sub = _id(sub_id, "subscription")
    return await subscriptions.patch(session, _org(principal), sub, body, _allow_private(request), if_match)


@router.delete(
    "/subscriptions/{sub_id}",
    status_code=204,
    responses={404: {}},
    operation_id="deleteSubscription",
    summary="Delete a subscription",
    tags=["subscriptions"],
)
async def delete_subscription(sub_id: str, principal: Bank, session: Session) -> Response:
    """Stop the subscription; its pending deliveries are dropped, its events stay in the feed."""
    await subscriptions.delete(session, _org(principal), _id(sub_id, "subscription"))
    return Response(status_code=204)


@router.post(
    "/subscriptions/{sub_id}/rotate-secret",
    response_model=SecretOut,
    responses={404: {}},
    operation_id="rotateSubscriptionSecret",
    summary="Rotate a subscription's signing secret",
    tags=["subscriptions"],
)
async def rotate_secret(sub_id: str, principal: Bank, session: Session) -> SecretOut:
    """A new secret; the old one keeps signing too (both signatures) for 24 hours."""
    return await subscriptions.rotate_secret(session, _org(principal), _id(sub_id, "subscription"))


@router.post(
    "/subscriptions/{sub_id}/recover",
    status_code=202,
    response_model=RecoverOut,
    responses={404: {}},
    operation_id="recoverSubscription",
    summary="Resend a subscription's failed deliveries since a time",
    tags=["subscriptions"],
)
async def recover(sub_id: str, body: RecoverIn, principal: Bank, session: Session) -> RecoverOut:
    """Send every failed delivery of this subscription created since `since` again."""
    since = _aware(body.since)  # before the id: a naive `since` is refused even for an unknown id
    return await subscriptions.recover(session, _org(principal), _id(sub_id, "subscription"), since)


# --- deliveries and the feed ---------------------------------------------------------------


@router.get(
    "/deliveries",
    response_model=Page[DeliveryOut],
    operation_id="listDeliveries",
    summary="List webhook deliveries to your subscriptions",
    tags=["deliveries"],
)
async def list_deliveries(
    principal: Bank,
    session: Session,
    status: Annotated[Literal["pending", "delivered", "failed"] | None, Query()] = None,
    subscription_id: Annotated[uuid.UUID | None, Query()] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[DeliveryOut]:
    """Your webhook deliveries, oldest first."""
    items = await deliveries.list_for(
        session,
        _org(principal),
        status=status,
        subscription_id=subscription_id,
        after=after_of(cursor),
        limit=limit,
    )
    page, next_cursor = page_of(items, limit, position_of)
    return Page[DeliveryOut](items=page, next_cursor=next_cursor)


@router.post(
    "/deliveries/{delivery_id}/retry",
    status_code=202,
    response_model=DeliveryOut,
    responses={404: {}},
    operation_id="retryDelivery",
    summary="Retry a failed webhook delivery now",
    tags=["deliveries"],
)
async def retry_delivery(delivery_id: str, principal: Bank, session: Session) -> DeliveryOut:
    """Send this delivery again now (same webhook-id, signed with the current secret)."""
    return await deliveries.retry(session, _org(principal), _id(delivery_id, "delivery"))


@router.get(
    "/feed",
    response_model=FeedPage,
    operation_id="listFeed",
    summary="Read the rating-change feed you are entitled to",
    tags=["feed"],
)
async def feed(
    principal: Bank, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> FeedPage:
    """Every event addressed to you, in `seq` order, each once; poll again from `next_cursor` (the
    same events the webhooks carry; apply them per USCC by `seq`, docs/bank.md)."""
    after = seq_of(cursor)
    items = await deliveries.feed(session, _org(principal), principal.name, after, limit)
    page = items[:limit]
    # Always a cursor: a bank that has caught up polls again from here without a repeat or a gap.
    next_cursor = encode_cursor({"seq": page[-1].seq if page else after})
    return FeedPage(items=page, next_cursor=next_cursor, has_more=len(items) > limit)
