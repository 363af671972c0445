"""Webhook subscriptions of a bank: filter, secret and recovery (CONTRACT §3)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kit.shapes import StrictBody

PushLevel = Literal["A", "B", "M"]
RegionCode = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{6}$"),
    Field(description="A 6-digit GB/T 2260 division code (USCC characters 3-8).", examples=["620100"]),
]


class SubscriptionIn(StrictBody):
    url: Annotated[str, StringConstraints(min_length=1, max_length=2000)] = Field(
        description="An https URL on a public address; private, loopback and reserved ones are refused."
    )
    min_rating: PushLevel | None = Field(
        default=None, description="Only published events at this level or better."
    )
    region_codes: Annotated[list[RegionCode], Field(min_length=1, max_length=100)] | None = Field(
        default=None,
        description="Only enterprises in these regions (`xx0000` a province, `xxxx00` a prefecture).",
    )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"url": "https://hooks.bank.example/credit", "min_rating": "B", "region_codes": ["620000"]}
            ]
        }
    )


class SubscriptionPatch(StrictBody):
    status: Literal["active", "paused"] | None = None
    url: Annotated[str, StringConstraints(min_length=1, max_length=2000)] | None = None
    min_rating: PushLevel | None = None
    region_codes: Annotated[list[RegionCode], Field(min_length=1, max_length=100)] | None = None


class SubscriptionOut(BaseModel):
    id: uuid.UUID
    url: str
    status: Literal["active", "paused"] = Field(
        description="`paused`: events addressed meanwhile wait and are sent on resuming."
    )
    paused_reason: str | None = Field(description="Why it paused, e.g. the receiver answered 410.")
    min_rating: PushLevel | None
    region_codes: list[str] | None
    created_at: datetime
    updated_at: datetime


class SubscriptionCreated(SubscriptionOut):
    secret: str = Field(description="`whsec_` + base64; shown once.")


class SecretOut(BaseModel):
    secret: str
    previous_secret_valid_until: datetime = Field(description="The old secret keeps signing until then.")


class RecoverIn(StrictBody):
    since: datetime = Field(
        description="Requeue the failed deliveries created since then (RFC 3339, with zone)."
    )


class RecoverOut(BaseModel):
    requeued: int = Field(description="How many failed deliveries were queued again.")
