"""The 红黑榜 entries, the public A list and an enterprise's standing (CONTRACT §3 "Blacklist")."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from kit.shapes import StrictBody
from kit.uscc import USCC
from services.credit_push.schemas.common import Evidence

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
