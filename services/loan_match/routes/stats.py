"""The matching and subsidy figures, `/v1/match/stats[/programmes]` (CONTRACT §1 "Statistics",
§5, §6): JSON, or CSV with ``Accept: text/csv``; admin and the regulator read them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from kit.deps import Session
from kit.figure_query import FigureQuery, figure_query, figure_responses
from services.loan_match.routes.common import PREFIX, caller
from services.loan_match.routes.roles import Admin, ProgrammeReader
from services.loan_match.schemas import stats as schemas
from services.loan_match.service import programme_stats as programme_stats_service
from services.loan_match.service import stats as stats_service

router = APIRouter(prefix=PREFIX, tags=["stats"])

Figures = Annotated[
    FigureQuery, Depends(figure_query(to_doc="Inclusive, Asia/Shanghai; snapshots are as of this day."))
]


@router.get(
    "/stats",
    response_model=schemas.Stats,
    operation_id="getMatchStats",
    summary="Matching figures: the demand funnel and banks' answer times",
    responses=figure_responses("市州, bank and month"),
)
async def stats(_: Admin, session: Session, query: Figures) -> schemas.Stats | Response:
    """Products and enterprises as of `to` (default today); queries, demands and the banks' answers
    of demands created from `from` to `to`: how many were answered, in time (10 working days) and
    how fast (median and 90th percentile minutes), per 市州, bank and month."""
    figures = await stats_service.stats(session, query.period, query.region_code)
    return query.answer(figures, stats_service.csv_rows)


@router.get(
    "/stats/programmes",
    response_model=schemas.ProgrammeStats,
    operation_id="getProgrammeStats",
    summary="Subsidy figures: budgets, claims, approvals, payments and refusals",
    responses=figure_responses("programme, budget year, 市州, bank, month and refusal reason"),
)
async def programme_stats(
    who: ProgrammeReader, session: Session, query: Figures
) -> schemas.ProgrammeStats | Response:
    """Claims filed, approved (with what they paid) and refused (by reason) from `from` to `to`;
    each programme's budget, paid to date and remaining budget as of `to` (default today). A fund
    manager sees its own programmes; admin and the regulator every one."""
    figures = await programme_stats_service.stats(session, query.period, query.region_code, caller(who))
    return query.answer(figures, programme_stats_service.csv_rows)
