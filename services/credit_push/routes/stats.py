"""`GET /v1/credit/stats`, the 银税互动 figures (CONTRACT §1 "Statistics", §3): JSON, or CSV with
``Accept: text/csv``; admin, the regulator and the tax authority read them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from kit.deps import Session
from kit.figure_query import FigureQuery, figure_query, figure_responses
from kit.principal import Principal, require_roles
from services.credit_push.schemas.stats import StatsOut
from services.credit_push.service import stats as stats_service

router = APIRouter(prefix="/v1/credit", tags=["stats"])

Reader = Annotated[Principal, Depends(require_roles("admin", "tax_authority"))]
Figures = Annotated[FigureQuery, Depends(figure_query())]


@router.get(
    "/stats",
    response_model=StatsOut,
    responses=figure_responses("市州, bank, month, rating level, evaluation year and credit type"),
    operation_id="getCreditStats",
    summary="Credit-push statistics for a period",
)
async def stats(_: Reader, session: Session, query: Figures) -> StatsOut | Response:
    """银税互动 figures of the period (all time without one), of one 市州 with `region_code`:
    enterprises rated (by level and evaluation year) and pushed, authorisations and consents,
    banks subscribed, delivery health, loans with the 纯信用贷款比例, the 受益户数比例, and all of
    them per 市州, bank and month."""
    figures = await stats_service.stats(session, query.period, query.region_code)
    return query.answer(figures, stats_service.csv_rows)
