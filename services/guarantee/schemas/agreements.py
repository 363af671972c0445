"""Bodies of the bank-guarantor risk-share agreements (CONTRACT §4). Shares in bp."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from pydantic import BaseModel, Field

from kit.shapes import StrictBody
from services.guarantee.schemas.common import Parties


class AgreementCreate(StrictBody):
    bank_org_id: UUID
    guarantor_id: UUID
    # Plain integers here: the 国办发〔2019〕6号 rules are checked one by one, each with its own slug.
    shares_bp: Parties = Field(
        description="Risk shares in bp summing to 10,000: the bank and the national fund at least 2,000 "
        "each, the provincial no less than the fund; commonly 2:4:2:2 (国办发〔2019〕6号)."
    )


class Agreement(BaseModel):
    id: str
    bank_org_id: str
    guarantor_id: str
    provincial_id: str
    shares_bp: Parties = Field(
        description="Risk shares in bp per party, summing to 10,000 (国办发〔2019〕6号)."
    )
    created_at: dt.datetime
