"""An enterprise's authorisation of a partner app (CONTRACT §3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from kit.shapes import StrictBody
from kit.uscc import USCC
from services.credit_push.schemas.common import Evidence


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
