"""Public (`/v1/credit`) and internal (`/internal/credit`) operations of credit_push."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/v1/credit", tags=["credit_push"])
internal_router = APIRouter(prefix="/internal/credit", tags=["internal"])
