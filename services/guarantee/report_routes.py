"""The policy funds' figures, `/v1/guarantee/reports/pools` and `/reports/bridge-funds` (CONTRACT §1
"Statistics", §6): JSON, or CSV with ``Accept: text/csv``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from kit.deps import Session
from kit.figure_query import FigureQuery, figure_query, figure_responses
from kit.principal import Principal, require_roles
from services.guarantee import report_schemas as rs
from services.guarantee.repository import Repository
from services.guarantee.service import fund_reports

reports_router = APIRouter(prefix="/v1/guarantee/reports", tags=["reports"])

Reader = Annotated[Principal, Depends(require_roles("admin", "fund_manager"))]
Figures = Annotated[
    FigureQuery,
    Depends(
        figure_query(
            to_doc="Inclusive; balances and positions are as of this day.",
            region_doc="One 市州: narrows the flows by the USCC.",
        )
    ),
]


@reports_router.get(
    "/pools",
    response_model=rs.PoolReport,
    operation_id="getPoolReport",
    summary="Risk pools' figures: balances, compensation paid and recoveries",
    responses=figure_responses("pool, 市州, bank and month"),
)
async def pool_report(who: Reader, session: Session, query: Figures) -> rs.PoolReport | Response:
    """Balances as of `to` (default today); loans registered, defaults, compensation paid and
    recoveries from `from` to `to`. A fund manager sees its own pools; admin and the regulator all."""
    report = await fund_reports.pools(Repository(session), who, query.period, query.region_code)
    return query.answer(report, fund_reports.csv_rows)


@reports_router.get(
    "/bridge-funds",
    response_model=rs.BridgeReport,
    operation_id="getBridgeFundReport",
    summary="Bridge funds' figures: loans out, returned and overdue",
    responses=figure_responses("fund, 市州, bank and month"),
)
async def bridge_report(who: Reader, session: Session, query: Figures) -> rs.BridgeReport | Response:
    """Outstanding, available and overdue as of `to` (default today); loans out, fees and loans
    returned from `from` to `to`. A fund manager sees its own funds; admin and the regulator all."""
    report = await fund_reports.bridges(Repository(session), who, query.period, query.region_code)
    return query.answer(report, fund_reports.csv_rows)
