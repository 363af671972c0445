"""Public (`/v1/guarantee`) and internal (`/internal/guarantee`) operations of guarantee."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/v1/guarantee", tags=["guarantee"])
internal_router = APIRouter(prefix="/internal/guarantee", tags=["internal"])
