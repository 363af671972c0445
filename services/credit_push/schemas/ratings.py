"""Ratings: an upload's items and its outcome, and a rating as it is read (CONTRACT §3)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from kit.shapes import StrictBody
from services.credit_push.schemas.common import Level


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


# Why ``rating`` is null: the slugs of the internal rating read's 404 problems.
Refusal = Literal["not-authorised-by-enterprise", "not-found"]


class MatchFactsOut(BaseModel):
    """What a match needs from credit_push about an enterprise, in one answer."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "uscc": "91620100MA72RH3L12",
                    "blacklisted": False,
                    "rating": None,
                    "refusal": "not-authorised-by-enterprise",
                }
            ]
        }
    )

    uscc: str
    blacklisted: bool = Field(description="On the 红黑榜 now (the standing read's answer).")
    rating: InternalRatingOut | None = Field(
        description="The internal rating read's answer, when the app may see it; else null."
    )
    refusal: Refusal | None = Field(
        description="Why `rating` is null: the problem slug the internal rating read answers 404 with."
    )
