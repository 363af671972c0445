"""Webhook deliveries to a bank and its feed of events (CONTRACT §3 "Deliveries", "Feed").

Each operation parses the request, calls one use case of ``service.deliveries`` and shapes the
answer (the page and its cursor).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from kit.deps import Session
from kit.pagination import DEFAULT_LIMIT, Cursor, Limit, Page, encode_cursor
from services.credit_push.routes.common import Bank, org_of, uuid_of
from services.credit_push.routes.paging import after_of, keyset_page, seq_of
from services.credit_push.schemas.deliveries import DeliveryOut, FeedPage
from services.credit_push.service import deliveries

router = APIRouter(prefix="/v1/credit", tags=["deliveries"])
# The feed has a tag of its own in the docs; ROUTERS mounts it after the deliveries.
feed_router = APIRouter(prefix="/v1/credit", tags=["feed"])


@router.get(
    "/deliveries", operation_id="listDeliveries", summary="List webhook deliveries to your subscriptions"
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
    where = deliveries.DeliveryFilter(org_of(principal), status, subscription_id)
    items = await deliveries.list_for(session, where, after_of(cursor), limit)
    return keyset_page(items, limit)


@router.post(
    "/deliveries/{delivery_id}/retry",
    status_code=202,
    responses={404: {}},
    operation_id="retryDelivery",
    summary="Retry a failed webhook delivery now",
)
async def retry_delivery(delivery_id: str, principal: Bank, session: Session) -> DeliveryOut:
    """Send this delivery again now (same webhook-id, signed with the current secret)."""
    return await deliveries.retry(session, org_of(principal), uuid_of(delivery_id, "delivery"))


@feed_router.get("/feed", operation_id="listFeed", summary="Read the rating-change feed you are entitled to")
async def feed(
    principal: Bank, session: Session, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> FeedPage:
    """Every event addressed to you, in `seq` order, each once; poll again from `next_cursor` (the
    same events the webhooks carry; apply them per USCC by `seq`, docs/bank.md)."""
    after = seq_of(cursor)
    items = await deliveries.feed(session, org_of(principal), principal.name, after, limit)
    page = items[:limit]
    # Always a cursor: a bank that has caught up polls again from here without a repeat or a gap.
    next_cursor = encode_cursor({"seq": page[-1].seq if page else after})
    return FeedPage(items=page, next_cursor=next_cursor, has_more=len(items) > limit)
