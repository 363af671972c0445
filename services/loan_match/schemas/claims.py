"""Claims on subsidy programmes and the fund manager's decision (CONTRACT §6)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from kit.shapes import PositiveFen, StrictBody
from kit.uscc import USCC
from services.loan_match.rules.vocabulary import ClaimStatus
from services.loan_match.schemas.fields import Text

Ref = Annotated[str, Field(min_length=1, max_length=200)]


class ClaimIn(StrictBody):
    uscc: USCC
    loan_ref: Ref
    bank_org_id: uuid.UUID
    period_from: date
    period_to: date
    paid_fen: Annotated[PositiveFen, Field(description="Interest or fee the enterprise actually paid.")]


class Claim(BaseModel):
    id: str
    programme_id: str
    uscc: str
    loan_ref: str
    bank_org_id: str
    period_from: date
    period_to: date
    claimed_on_fen: int = Field(description="The interest or fee paid that the claim is for.")
    claimable_fen: int
    status: ClaimStatus
    paid_fen: int = Field(description="The subsidy paid: 0 until approved.")
    reason: str | None
    created_at: datetime
    decided_at: datetime | None


class DecisionIn(StrictBody):
    decision: Literal["approved", "refused"]
    reason: Text | None = None


class DecisionOut(BaseModel):
    id: str
    status: ClaimStatus
    paid_fen: int
    reason: str | None
