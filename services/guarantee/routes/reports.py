"""The figures of guarantee (CONTRACT §1 "Statistics", §4, §6): the policy summary
`/v1/guarantee/reports/summary`, and the policy funds' `/reports/pools` and `/reports/bridge-funds`;
JSON, or CSV with ``Accept: text/csv``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from kit.csv import CSV_MEDIA_TYPE
from kit.figure_query import FigureQuery, figure_query, figure_responses
from kit.openapi_docs import problems
from kit.principal import Principal, require_roles
from services.guarantee.routes.common import PREFIX, AdminOrGuarantor, Repo
from services.guarantee.schemas.reports import BridgeReport, PoolReport, Summary
from services.guarantee.service import fund_reports, reports

router = APIRouter(prefix=f"{PREFIX}/reports", tags=["reports"])

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
SummaryQuery = Annotated[
    FigureQuery,
    Depends(
        figure_query(
            to_doc="Inclusive; balances are as of this day (default today), flows up to it.",
            region_doc="One 市州 (six digits): narrows the figures by the USCC.",
            region_pattern=r"^[0-9]{6}$",
        )
    ),
]


@router.get(
    "/summary",
    response_model=Summary,
    responses={
        200: {
            "content": {CSV_MEDIA_TYPE: {}},
            "description": "JSON, or with `Accept: text/csv` the same "
            "figures as CSV: a header row, the scope's row (region_code `all`), then one row per 市州, "
            "then one per bank (`bank_org_id`).",
        },
        **problems(s422="validation-error, invalid-period"),
    },
    operation_id="getGuaranteeSummary",
    summary="Guarantee business summary (balances, defaults, compensations)",
)
async def summary(principal: AdminOrGuarantor, repo: Repo, query: SummaryQuery) -> Summary | Response:
    """Policy figures: all for admin and the national fund, a provincial its subtree; balances as of
    `to` (default today), 代偿 and 追偿 from `from` to `to`; `by_region` per 市州."""
    report = await reports.summary(repo, principal, query.period, query.region_code)
    return query.answer(report, reports.csv_rows)


@router.get(
    "/pools",
    response_model=PoolReport,
    operation_id="getPoolReport",
    summary="Risk pools' figures: balances, compensation paid and recoveries",
    responses=figure_responses("pool, 市州, bank and month"),
)
async def pool_report(who: Reader, repo: Repo, query: Figures) -> PoolReport | Response:
    """Balances as of `to` (default today); loans registered, defaults, compensation paid and
    recoveries from `from` to `to`. A fund manager sees its own pools; admin and the regulator all."""
    report = await fund_reports.pools(repo, fund_reports.params(who, query.period, query.region_code))
    return query.answer(report, fund_reports.csv_rows)


@router.get(
    "/bridge-funds",
    response_model=BridgeReport,
    operation_id="getBridgeFundReport",
    summary="Bridge funds' figures: loans out, returned and overdue",
    responses=figure_responses("fund, 市州, bank and month"),
)
async def bridge_report(who: Reader, repo: Repo, query: Figures) -> BridgeReport | Response:
    """Outstanding, available and overdue as of `to` (default today); loans out, fees and loans
    returned from `from` to `to`. A fund manager sees its own funds; admin and the regulator all."""
    report = await fund_reports.bridges(repo, fund_reports.params(who, query.period, query.region_code))
    return query.answer(report, fund_reports.csv_rows)
