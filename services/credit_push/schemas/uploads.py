"""Bodies of the rating-file uploads processed in the background (CONTRACT §3 "Rating files")."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from services.credit_push.schemas.ratings import RejectedItem


class UploadAccepted(BaseModel):
    upload_id: uuid.UUID = Field(description="Poll `GET /v1/credit/uploads/{upload_id}` for progress.")


class UploadOut(BaseModel):
    id: uuid.UUID
    org_id: uuid.UUID = Field(description="The tax authority org that sent the file.")
    media_type: str
    status: Literal["running", "finished", "failed"]
    rows: int = Field(
        description="Items, or data rows of a file (the header row and empty rows not counted)."
    )
    done: int = Field(description="Data rows judged so far; `rows` when finished.")
    accepted: int
    unchanged: int
    rejected: list[RejectedItem] = Field(
        description="Every rejected item; for a file `index` is its row number (the header is row 1)."
    )
    error: str | None = Field(description="Why a `failed` upload stopped; null otherwise.")
    created_at: datetime
    finished_at: datetime | None
