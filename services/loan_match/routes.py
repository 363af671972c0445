"""Public (`/v1/match`) and internal (`/internal/match`) operations of loan_match."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/v1/match", tags=["loan_match"])
internal_router = APIRouter(prefix="/internal/match", tags=["internal"])
