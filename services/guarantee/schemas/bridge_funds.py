"""Request and answer bodies of the bridge (续贷转贷) funds (CONTRACT §6). Money in fen, rates in bp."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from pydantic import BaseModel, Field

from kit.shapes import Bp, StrictBody
from kit.uscc import USCC
from services.guarantee.rules.funds import BridgeStatus, Size
from services.guarantee.schemas.common import AmountFen, Name, Ref


class BridgeFundCreate(StrictBody):
    name: Name
    size_fen: AmountFen
    max_days: int = Field(ge=1, le=3650)
    daily_fee_bp: Bp


class BridgeFund(BaseModel):
    id: str
    name: str
    fund_manager_org_id: str
    size_fen: int
    max_days: int
    daily_fee_bp: int
    outstanding_fen: int
    created_at: dt.datetime


class BridgeLoanCreate(StrictBody):
    uscc: USCC
    size: Size = Field(
        description="The enterprise's 工信部联企业〔2011〕300号 size as the manager verified it."
    )
    bank_org_id: UUID
    maturing_loan_ref: Ref
    amount_fen: AmountFen
    renewal_commitment_ref: Ref
    start_date: dt.date
    days: int = Field(ge=1, le=3650)


class BridgeLoan(BaseModel):
    id: str
    fund_id: str
    status: BridgeStatus
    uscc: str
    size: str
    bank_org_id: str
    maturing_loan_ref: str
    renewal_commitment_ref: str
    amount_fen: int
    fee_fen: int
    start_date: dt.date
    days: int
    due_on: dt.date
    repaid_on: dt.date | None


class Repaid(StrictBody):
    repaid_on: dt.date


class BridgePosition(BaseModel):
    fund_id: str
    size_fen: int
    outstanding_fen: int = Field(description="Bridge loans not yet repaid.")
    available_fen: int = Field(description="size_fen − outstanding_fen.")
    active_loans: int
    overdue_loans: int = Field(description="Unpaid past due_on.")
    overdue_fen: int
    repaid_fen: int
    fees_fen: int = Field(description="Fees over every loan of the fund.")
