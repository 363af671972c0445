"""An enterprise's consent for one bank to see its rating and tax figure (CONTRACT §3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kit.shapes import StrictBody
from kit.uscc import USCC
from services.credit_push.schemas.common import Evidence


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
