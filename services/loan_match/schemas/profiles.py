"""Enterprise profiles: a partner app's view of an enterprise, sized from it (CONTRACT §5)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, Strict

from kit.shapes import Fen, StrictBody
from services.loan_match.schemas.fields import Collaterals, Flags, IndustryCode, Name, RegionCode


class ProfileIn(StrictBody):
    """An enterprise as a partner app knows it; size is computed from it."""

    name: Name
    industry_code: IndustryCode
    region_code: RegionCode
    employees: Annotated[int, Strict(), Field(ge=0, le=10_000_000)]
    revenue_fen: Fen
    total_assets_fen: Fen
    established_on: date
    flags: Flags = Field(default_factory=list)
    collateral: Collaterals = Field(default_factory=list)

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "兰州示例机械制造有限公司",
                    "industry_code": "C3411",
                    "region_code": "620102",
                    "employees": 50,
                    "revenue_fen": 800_000_000,
                    "total_assets_fen": 1_200_000_000,
                    "established_on": "2018-03-01",
                    "flags": ["specialized_sme"],
                    "collateral": ["receivables"],
                }
            ]
        }
    )


class Profile(ProfileIn):
    uscc: str
    size: Literal["micro", "small", "medium", "large"]
    size_basis: str
    created_at: datetime
    updated_at: datetime

    # Not ProfileIn's request example: an answer carries the computed size and times too.
    model_config = ConfigDict(json_schema_extra=None)
