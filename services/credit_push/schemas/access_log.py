"""Who read which enterprise's non-public data (CONTRACT §3 "Access log")."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

What = Literal["rating", "tax_figure"]
Via = Literal["rating_read", "feed", "webhook", "match_query"]


class AccessEntryOut(BaseModel):
    id: uuid.UUID
    at: datetime
    uscc: str
    reader_org_id: uuid.UUID
    reader_role: str
    what: What = Field(description="`tax_figure` whenever the tax figure left, else `rating`.")
    via: Via
