"""Loans reported by banks for enterprises pushed to them (CONTRACT §3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from kit.shapes import MAX_FEN, StrictBody
from kit.uscc import USCC


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
