"""Shapes every service's API shares: money and rate types, the strict body, the business date.

Money is integer fen and rates are basis points, never floats (CONTRACT §1). ``Strict()`` refuses
``"100"`` for an integer so a client's string never passes as money by accident.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, Strict

SHANGHAI = ZoneInfo("Asia/Shanghai")

# Far above any amount the platform handles, and any product of it with a rate in bp stays
# inside PostgreSQL's BIGINT.
MAX_FEN = 10**15
FEN = "An amount of money in fen (分; 100 fen = 1 yuan), an integer, never a float (CONTRACT §1)."
BP = "A rate in basis points (1 bp = 0.01 %; 10,000 bp = 100 %), an integer (CONTRACT §1)."
Fen = Annotated[int, Strict(), Field(ge=0, le=MAX_FEN, description=FEN, examples=[50_000_000])]
PositiveFen = Annotated[int, Strict(), Field(ge=1, le=MAX_FEN, description=FEN, examples=[50_000_000])]
Bp = Annotated[int, Strict(), Field(ge=0, le=10_000, description=BP, examples=[435])]


class StrictBody(BaseModel):
    """A request body: unknown fields are refused (422), so a misspelt field never passes silently."""

    model_config = ConfigDict(extra="forbid")


def business_date(moment: datetime) -> date:
    """The calendar date of an aware timestamp in Asia/Shanghai (CONTRACT §1: business dates)."""
    return moment.astimezone(SHANGHAI).date()


def business_today() -> date:
    return business_date(datetime.now(UTC))
