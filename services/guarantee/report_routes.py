"""The policy funds' figures, `/v1/guarantee/reports/pools` and `/reports/bridge-funds` (CONTRACT §1
"Statistics", §6): JSON, or CSV with ``Accept: text/csv``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Header, Query, Response

from kit.csv import CSV_MEDIA_TYPE, response_body, wants_csv
from kit.deps import Session
from kit.openapi_docs import problems
from kit.period import period
from kit.principal import Principal, require_roles
from services.guarantee import report_schemas as rs
from services.guarantee.repository import Repository
from services.guarantee.service import fund_reports

Report = TypeVar("Report", rs.PoolReport, rs.BridgeReport)
reports_router = APIRouter(prefix="/v1/guarantee/reports", tags=["reports"])

Reader = Annotated[Principal, Depends(require_roles("admin", "fund_manager"))]
Accept = Annotated[str | None, Header()]
Year = Annotated[int | None, Query(ge=2000, le=2100, description="Short for from=Y-01-01&to=Y-12-31.")]
From = Annotated[date | None, Query(alias="from", description="Inclusive, Asia/Shanghai.")]
To = Annotated[date | None, Query(description="Inclusive; balances and positions are as of this day.")]
Region = Annotated[
    str | None, Query(pattern=r"^[0-9]{4}00$", description="One 市州: narrows the flows by the USCC.")
]


def _doc(rows: str) -> dict[int | str, dict[str, object]]:
    return {
        200: {
            "content": {CSV_MEDIA_TYPE: {}},
            "description": "JSON, or with `Accept: text/csv` the same figures as CSV: a header row, "
            f"the overall row (breakdown `all`), then one row per {rows}, 市州, bank and month.",
        },
        **problems(s422="validation-error, invalid-period"),
    }


def _answer(report: Report, accept: str | None) -> Report | Response:
    if not wants_csv(accept):
        return report
    text, media_type = response_body(fund_reports.csv_rows(report))
    return Response(text, media_type=media_type)


@reports_router.get(
    "/pools",
    response_model=rs.PoolReport,
    operation_id="getPoolReport",
    summary="Risk pools' figures: balances, compensation paid and recoveries",
    responses=_doc("pool"),
)
async def pool_report(
    who: Reader,
    session: Session,
    accept: Accept = None,
    year: Year = None,
    from_: From = None,
    to: To = None,
    region_code: Region = None,
) -> rs.PoolReport | Response:
    """Balances as of `to` (default today); loans registered, defaults, compensation paid and
    recoveries from `from` to `to`. A fund manager sees its own pools; admin and the regulator all."""
    report = await fund_reports.pools(Repository(session), who, period(year, from_, to), region_code)
    return _answer(report, accept)


@reports_router.get(
    "/bridge-funds",
    response_model=rs.BridgeReport,
    operation_id="getBridgeFundReport",
    summary="Bridge funds' figures: loans out, returned and overdue",
    responses=_doc("fund"),
)
async def bridge_report(
    who: Reader,
    session: Session,
    accept: Accept = None,
    year: Year = None,
    from_: From = None,
    to: To = None,
    region_code: Region = None,
) -> rs.BridgeReport | Response:
    """Outstanding, available and overdue as of `to` (default today); loans out, fees and loans
    returned from `from` to `to`. A fund manager sees its own funds; admin and the regulator all."""
    report = await fund_reports.bridges(Repository(session), who, period(year, from_, to), region_code)
    return _answer(report, accept)
