"""Financing demands and the routed banks' responses (CONTRACT §5)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from kit.shapes import Bp, PositiveFen, StrictBody
from kit.uscc import USCC
from services.loan_match.rules.vocabulary import Decision
from services.loan_match.schemas.fields import ASKED, Months, Text


class DemandIn(StrictBody):
    uscc: USCC
    amount_fen: PositiveFen
    term_months: Months
    purpose: Text

    model_config = ConfigDict(json_schema_extra={"examples": [{**ASKED, "purpose": "购置生产设备"}]})


class ResponseIn(StrictBody):
    decision: Decision
    offered_amount_fen: PositiveFen | None = None
    annual_rate_bp: Bp | None = None
    reason: Text | None = None


class DemandResponse(BaseModel):
    id: str
    bank_org_id: str
    decision: Decision
    offered_amount_fen: int | None
    annual_rate_bp: int | None
    reason: str | None
    created_at: datetime


class EnterpriseSummary(BaseModel):
    name: str
    industry_code: str
    region_code: str
    size: str


class Demand(BaseModel):
    id: str
    uscc: str
    enterprise: EnterpriseSummary
    amount_fen: int
    term_months: int
    purpose: str
    status: Literal["unmatched", "open", "responded", "accepted"]
    routed_to: list[str]
    respond_by: date
    overdue: bool
    created_at: datetime
    responses: list[DemandResponse]
