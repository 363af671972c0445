"""Request and response bodies of credit_push (CONTRACT §3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema

from kit.shapes import MAX_FEN, StrictBody
from kit.uscc import USCC

Level = Literal["A", "B", "M", "C", "D"]
PushLevel = Literal["A", "B", "M"]
RegionCode = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{6}$"),
    Field(description="A 6-digit GB/T 2260 division code (USCC characters 3-8).", examples=["620100"]),
]
Evidence = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class RatingItem(BaseModel):
    """One item of an upload; an invalid item is rejected on its own, the rest are stored."""

    uscc: str = Field(
        description="统一社会信用代码 (GB 32100); lower case is normalised.", examples=["91620100MA72RH3L12"]
    )
    name: str = Field(examples=["兰州示例商贸有限公司"])
    rating: Level = Field(
        description="纳税信用级别 A, B, M, C or D (公告2025年第12号; M since 公告2018年第8号)."
    )
    year: int = Field(ge=2014, description="Evaluation year, 2014 to the previous calendar year.")
    region_code: str | None = Field(default=None, description="6-digit GB/T 2260 code.")
    avg_annual_tax_fen: int | None = Field(default=None, ge=0, description="Average annual tax paid, fen.")
    small_micro: bool | None = Field(
        default=None, description="The tax authority's small-micro mark; decides 受益户数比例 (CONTRACT §3)."
    )


# Items are checked one by one in the service so that one bad item does not fail the batch.
LooseItem = Annotated[Any, WithJsonSchema(RatingItem.model_json_schema())]


class RatingsUpload(StrictBody):
    items: Annotated[list[LooseItem], Field(min_length=1, max_length=10_000)]

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {
                            "uscc": "91620100MA72RH3L12",
                            "name": "兰州示例商贸有限公司",
                            "rating": "A",
                            "year": 2025,
                            "region_code": "620100",
                            "avg_annual_tax_fen": 12_000_000,
                            "small_micro": True,
                        }
                    ]
                }
            ]
        },
    )


class RejectedItem(BaseModel):
    index: int = Field(description="The item's position in `items`, from 0.")
    uscc: str | None
    detail: str


class IngestOut(BaseModel):
    accepted: int = Field(description="New or changed items (a change for the same year bumps version).")
    unchanged: int
    rejected: list[RejectedItem]


class RatingFields(BaseModel):
    uscc: str
    name: str
    rating: Level = Field(
        description="纳税信用级别 A, B, M, C or D (公告2025年第12号; M since 公告2018年第8号)."
    )
    year: int = Field(description="The evaluation year the rating is for.", examples=[2025])
    version: int = Field(description="1 for the year's first rating; each correction adds 1.", examples=[1])
    updated_at: datetime


class RatingOut(RatingFields):
    avg_annual_tax_fen: int | None = Field(
        default=None, description="Only for the tax authority, admins and banks holding a consent."
    )
    blacklisted: bool = Field(
        default=False, description="On the 红黑榜 now: `rating` is then D (国家税务总局令第54号)."
    )


class InternalRatingOut(RatingFields):
    avg_annual_tax_fen: int | None
    blacklisted: bool = False


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class BlacklistIn(StrictBody):
    uscc: USCC
    name: Name
    decision_served_on: date = Field(description="The day the 税务处理决定书 was served.")
    published_on: date = Field(description="The day the entry was published (today or earlier).")
    reason: Evidence = Field(description="The 重大税收违法失信 case, as published.")


class BlacklistOut(BaseModel):
    id: uuid.UUID
    uscc: str
    name: str
    decision_served_on: date
    published_on: date
    ends_on: date = Field(description="Three years after published_on; the entry ends by itself then.")
    reason: str
    status: Literal["active", "ended"]
    late: bool = Field(description="Published after the 15th of the month after the decision was served.")
    created_at: datetime


class AListItem(BaseModel):
    uscc: str
    name: str
    year: int


class StandingOut(BaseModel):
    uscc: str
    blacklisted: bool


class ConsentIn(StrictBody):
    uscc: USCC
    bank_org_id: uuid.UUID
    evidence_ref: Evidence = Field(
        description="Reference to the enterprise's signed authorization (e.g. 电子税务局 record number)."
    )
    expires_on: date | None = Field(
        default=None, description="Last day the consent is valid (Asia/Shanghai)."
    )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "uscc": "91620100MA72RH3L12",
                    "bank_org_id": "6f1c0c1e-0000-4000-8000-00000000b001",
                    "evidence_ref": "ETAX-2026-000123",
                    "expires_on": "2026-12-31",
                }
            ]
        }
    )


class ConsentOut(BaseModel):
    id: uuid.UUID
    uscc: str
    bank_org_id: uuid.UUID
    partner_org_id: uuid.UUID = Field(description="The partner app that recorded the consent.")
    evidence_ref: str = Field(
        description="The record of the enterprise's own act (e.g. its 电子税务局 number)."
    )
    status: Literal["active", "revoked", "expired"] = Field(
        description="`active` grants the bank the rating and tax figure; `revoked`, `expired` nothing."
    )
    expires_on: date | None = Field(description="Last valid day (Asia/Shanghai); null: until revoked.")
    created_at: datetime
    ended_at: datetime | None = Field(description="When it was revoked or expired.")


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


class OutcomeIn(StrictBody):
    uscc: USCC
    loan_ref: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)] = Field(
        description="The bank's own reference of the loan; unique per bank (a repeat is 409 duplicate-loan)."
    )
    # Not kit's PositiveFen: that one is strict and says `minimum: 1`, which would change the
    # contract (this field accepts "100" and documents `exclusiveMinimum: 0`).
    amount_fen: int = Field(gt=0, le=MAX_FEN)
    credit_type: Literal["pure_credit", "guaranteed", "collateral"]
    granted_on: date


class OutcomeOut(BaseModel):
    id: uuid.UUID
    uscc: str
    bank_org_id: uuid.UUID
    loan_ref: str | None = Field(description="Null only for loans reported before loan_ref was required.")
    amount_fen: int
    credit_type: str
    granted_on: date
    created_at: datetime


class AuthorisationIn(StrictBody):
    uscc: USCC
    evidence_ref: Evidence = Field(
        description="The record of the enterprise's own act, e.g. its 电子税务局 authorisation number."
    )
    expires_on: date | None = Field(default=None, description="Last valid day (Asia/Shanghai).")


class AuthorisationOut(BaseModel):
    id: uuid.UUID
    uscc: str
    status: Literal["active", "revoked", "expired"]
    expires_on: date | None
    evidence_ref: str
    created_at: datetime
    ended_at: datetime | None


What = Literal["rating", "tax_figure"]
Via = Literal["rating_read", "feed", "webhook", "match_query"]


class AccessEntryOut(BaseModel):
    id: uuid.UUID
    at: datetime
    uscc: str
    reader_org_id: uuid.UUID
    reader_role: str
    what: What = Field(description="`tax_figure` whenever the tax figure left, else `rating`.")
    via: Via
