"""The capacity loan_match asks for (`/internal/guarantee/capacity`)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class CapacityGuarantor(BaseModel):
    guarantor_id: str
    name: str
    agreement_id: str
    guaranteed_fen: int = Field(description="The guaranteed part under this agreement's shares.")
    headroom_fen: int = Field(
        description="With guaranteed_fen: leverage headroom. With amount_fen: the smaller of leverage "
        "headroom and what the single-client cap leaves for this client."
    )
    sufficient: bool = Field(
        description="With amount_fen: a registration of this loan by this guarantor would pass now."
    )


class Capacity(BaseModel):
    bank_org_id: str
    guaranteed_fen: int = Field(
        description="As asked; with amount_fen, the largest guaranteed part any agreement leaves."
    )
    guarantors: list[CapacityGuarantor]
