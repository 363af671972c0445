"""Bodies of the guarantee chain's institutions and their positions (CONTRACT §4). Money in fen."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, Field

from kit.shapes import Fen, StrictBody
from services.guarantee.repository.rows import Institution as Institution  # the row is the body
from services.guarantee.rules.chain import Tier
from services.guarantee.rules.limits import DEFAULT_LEVERAGE_MULTIPLE, MAX_LEVERAGE_MULTIPLE


class InstitutionCreate(StrictBody):
    org_id: UUID
    name: str = Field(min_length=1, max_length=200)
    tier: Tier = Field(
        description="Place in the chain: `national_fund`, `provincial` re-guarantor or `local`."
    )
    parent_id: UUID | None = Field(
        default=None, description="The institution one tier up (a local's provincial, a provincial's fund)."
    )
    net_assets_fen: Fen
    leverage_multiple: int = Field(
        default=DEFAULT_LEVERAGE_MULTIPLE,
        ge=1,
        le=MAX_LEVERAGE_MULTIPLE,
        description="放大倍数: 融资担保责任余额 may reach net assets × this; 10, up to 15 (国务院令第683号).",
    )


class InstitutionUpdate(StrictBody):
    net_assets_fen: Fen | None = None
    leverage_multiple: int | None = Field(default=None, ge=1, le=MAX_LEVERAGE_MULTIPLE)


class Position(BaseModel):
    """One institution's own book: a local guarantor answers to the bank for the whole guaranteed
    part of its loans, a re-guarantor (provincial, national fund) to the local for its share."""

    institution_id: str
    tier: Tier
    net_assets_fen: int
    leverage_multiple: int
    capacity_fen: int = Field(description="net_assets_fen × leverage_multiple.")
    liability_fen: int = Field(
        description="Over active exposures. A local guarantor: its weighted_liability_fen total "
        "(融资担保责任余额, the figure the limits use). A provincial re-guarantor or the national "
        "fund: its own share of the outstanding amounts below it, unweighted (100%)."
    )
    headroom_fen: int = Field(description="capacity_fen − liability_fen, never below 0.")
    single_client_cap_fen: int = Field(description="10% of net assets, rounded down.")
    active_exposures: int
    compensated_fen: int = Field(
        description="代偿 paid. A local guarantor: the whole compensation_fen it paid the banks "
        "(outstanding at default − the bank's loss). A re-guarantor: its own loss share."
    )
    recovered_fen: int = Field(
        description="追偿 on what it paid. A local guarantor: recoveries on the guaranteed part "
        "(every party's but the bank's). A re-guarantor: its own recovery share."
    )
    compensation_rate_bp: int = Field(
        description="代偿率 = 代偿额 ÷ 解除担保额, cumulatively: compensations paid ÷ guaranteed amounts "
        "released by repayment or compensation, both at the institution's own share (a local "
        "guarantor: the guaranteed part; a re-guarantor: its own share), half up; 0 when nothing "
        "was released."
    )
    year: int = Field(description="The year of compensation_rate_year_bp (`?year=`, default this year).")
    compensation_rate_year_bp: int = Field(
        description="代偿率 over the releases and compensations dated in `year` (Asia/Shanghai)."
    )
