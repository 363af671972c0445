"""The figures of guarantee (CONTRACT §1 "Statistics", §4, §6): the policy summary
`/v1/guarantee/reports/summary`, and the policy funds' `/reports/pools` and `/reports/bridge-funds`;
JSON, or CSV with ``Accept: text/csv``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Response

from kit.csv import CSV_MEDIA_TYPE
from kit.figure_query import FigureQuery, figure_query, figure_responses
from kit.openapi_docs import problems
from kit.principal import Principal, require_roles
from services.guarantee.repository import Repository
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


Report = PoolReport | BridgeReport


@dataclass(frozen=True)
class FundReport:
    """One policy-fund report: its path, answer, use case and OpenAPI words."""

    path: str
    answer: type[Report]
    build: Callable[[Repository, fund_reports.FundParams], Awaitable[Report]]
    operation_id: str
    summary: str
    rows: str  # what the CSV rows after the overall one break the figures down by
    description: str


FUND_REPORTS = (
    FundReport(
        "/pools",
        PoolReport,
        fund_reports.pools,
        "getPoolReport",
        "Risk pools' figures: balances, compensation paid and recoveries",
        "pool, 市州, bank and month",
        "Balances as of `to` (default today); loans registered, defaults, compensation paid and\n"
        "recoveries from `from` to `to`. A fund manager sees its own pools; admin and the regulator all.",
    ),
    FundReport(
        "/bridge-funds",
        BridgeReport,
        fund_reports.bridges,
        "getBridgeFundReport",
        "Bridge funds' figures: loans out, returned and overdue",
        "fund, 市州, bank and month",
        "Outstanding, available and overdue as of `to` (default today); loans out, fees and loans\n"
        "returned from `from` to `to`. A fund manager sees its own funds; admin and the regulator all.",
    ),
)


def _fund_report(report: FundReport) -> Callable[..., Awaitable[Report | Response]]:
    """The route of one policy-fund report: JSON, or CSV with ``Accept: text/csv``."""

    async def read(who: Reader, repo: Repo, query: Figures) -> Report | Response:
        figures = await report.build(repo, fund_reports.params(who, query.period, query.region_code))
        return query.answer(figures, fund_reports.csv_rows)

    return read


for _report in FUND_REPORTS:
    router.get(
        _report.path,
        response_model=_report.answer,
        operation_id=_report.operation_id,
        summary=_report.summary,
        description=_report.description,
        responses=figure_responses(_report.rows),
    )(_fund_report(_report))
