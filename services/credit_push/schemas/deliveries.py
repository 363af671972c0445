"""Webhook deliveries and the feed of events (CONTRACT §3)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field


class DeliveryOut(BaseModel):
    id: uuid.UUID
    event_id: uuid.UUID
    subscription_id: uuid.UUID
    status: Literal["pending", "delivered", "failed"]
    attempts: int = Field(description="Every HTTP attempt, the first included.")
    last_status_code: int | None = Field(description="The receiver's HTTP status at the last attempt.")
    last_error: str | None = Field(
        description="The last attempt's error, if any (a timeout, a refused connection, ...)."
    )
    next_attempt_at: datetime | None = Field(
        description="When the retry schedule sends it next; null: no more."
    )
    created_at: datetime
    delivered_at: datetime | None


class EventOut(BaseModel):
    id: uuid.UUID
    type: Literal["credit.rating.published", "credit.rating.withdrawn"]
    seq: int = Field(description="Your own event sequence; apply per USCC only an event newer than the last.")
    created_at: str
    data: dict[str, Any]


class FeedPage(BaseModel):
    """A feed page. Unlike other lists, `next_cursor` is never null: it is where to poll from next."""

    items: list[EventOut]
    next_cursor: str = Field(
        description="After the last event of this page (or your cursor when the page is empty): store it "
        "and poll from it; it never repeats or skips an event."
    )
    has_more: bool = Field(description="More events are waiting now; false when you have caught up.")
