"""Webhook subscriptions of a bank (CONTRACT §3 "Subscriptions").

Each operation parses the request, calls one use case of ``service.subscriptions`` and shapes the
answer.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from kit.deps import IfMatch, Session
from kit.openapi_docs import problems
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page
from services.credit_push.routes.common import IDEMPOTENT, Bank, allow_private, aware, org_of, uuid_of
from services.credit_push.routes.paging import after_of, keyset_page, with_etag
from services.credit_push.schemas.subscriptions import (
    RecoverIn,
    RecoverOut,
    SecretOut,
    SubscriptionCreated,
    SubscriptionIn,
    SubscriptionOut,
    SubscriptionPatch,
)
from services.credit_push.service import subscriptions

router = APIRouter(prefix="/v1/credit")


@router.post(
    "/subscriptions",
    status_code=201,
    response_model=SubscriptionCreated,
    dependencies=[IDEMPOTENT],
    operation_id="createSubscription",
    summary="Subscribe a webhook to rating changes",
    tags=["subscriptions"],
)
async def subscribe(
    body: SubscriptionIn, principal: Bank, request: Request, session: Session
) -> SubscriptionCreated:
    """Receive events addressed to you from now on as signed Standard Webhooks."""
    return await subscriptions.subscribe(
        session, body, org_of(principal), principal.name, allow_private(request)
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
    items = await subscriptions.list_for(session, org_of(principal), after_of(cursor), limit)
    return keyset_page(items, limit)


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
    return with_etag(await subscriptions.get(session, org_of(principal), uuid_of(sub_id, "subscription")))


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
    sub = uuid_of(sub_id, "subscription")
    return await subscriptions.patch(session, org_of(principal), sub, body, allow_private(request), if_match)


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
    await subscriptions.delete(session, org_of(principal), uuid_of(sub_id, "subscription"))
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
    return await subscriptions.rotate_secret(session, org_of(principal), uuid_of(sub_id, "subscription"))


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
    since = aware(body.since)  # before the id: a naive `since` is refused even for an unknown id
    return await subscriptions.recover(session, org_of(principal), uuid_of(sub_id, "subscription"), since)
