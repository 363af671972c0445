"""The matching and subsidy figures, `/v1/match/stats[/programmes]` (CONTRACT §1 "Statistics",
§5, §6): JSON, or CSV with ``Accept: text/csv``; admin and the regulator read them."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Response

from kit.csv import CSV_MEDIA_TYPE, response_body, wants_csv
from kit.deps import Session
from kit.openapi_docs import problems
from kit.period import period
from kit.principal import Principal, require_roles
from services.loan_match import schemas_stats
from services.loan_match.service import programme_stats as programme_stats_service
from services.loan_match.service import stats as stats_service

router = APIRouter(prefix="/v1/match", tags=["stats"])

Admin = Annotated[Principal, Depends(require_roles("admin"))]
Accept = Annotated[str | None, Header()]
Year = Annotated[int | None, Query(ge=2000, le=2100, description="Short for from=Y-01-01&to=Y-12-31.")]
From = Annotated[date | None, Query(alias="from", description="Inclusive, Asia/Shanghai.")]
To = Annotated[date | None, Query(description="Inclusive, Asia/Shanghai; snapshots are as of this day.")]
Region = Annotated[
    str | None, Query(pattern=r"^[0-9]{4}00$", description="One 市州 (a `xxxx00` GB/T 2260 code).")
]


def answer_doc(rows: str) -> dict[int | str, dict[str, Any]]:
    """The 200 (JSON or CSV) and the 422 of a figure endpoint, for the OpenAPI description."""
    return {
        200: {
            "content": {CSV_MEDIA_TYPE: {}},
            "description": "JSON, or with `Accept: text/csv` the same figures as CSV: a header row, "
            f"the overall row (breakdown `all`), then one row per {rows}.",
        },
        **problems(s422="validation-error, invalid-period"),
    }


def csv_response(rows: list[dict[str, Any]]) -> Response:
    text, media_type = response_body(rows)
    return Response(text, media_type=media_type)


@router.get(
    "/stats",
    response_model=schemas_stats.Stats,
    operation_id="getMatchStats",
    summary="Matching figures: the demand funnel and banks' answer times",
    responses=answer_doc("市州, bank and month"),
)
async def stats(
    _: Admin,
    session: Session,
    accept: Accept = None,
    year: Year = None,
    from_: From = None,
    to: To = None,
    region_code: Region = None,
) -> schemas_stats.Stats | Response:
    """Products and enterprises as of `to` (default today); queries, demands and the banks' answers
    of demands created from `from` to `to`: how many were answered, in time (10 working days) and
    how fast (median and 90th percentile minutes), per 市州, bank and month."""
    figures = await stats_service.stats(session, period(year, from_, to), region_code)
    if not wants_csv(accept):
        return figures
    return csv_response(stats_service.csv_rows(figures))


ProgrammeReader = Annotated[Principal, Depends(require_roles("admin", "fund_manager"))]


@router.get(
    "/stats/programmes",
    response_model=schemas_stats.ProgrammeStats,
    operation_id="getProgrammeStats",
    summary="Subsidy figures: budgets, claims, approvals, payments and refusals",
    responses=answer_doc("programme, budget year, 市州, bank, month and refusal reason"),
)
async def programme_stats(
    who: ProgrammeReader,
    session: Session,
    accept: Accept = None,
    year: Year = None,
    from_: From = None,
    to: To = None,
    region_code: Region = None,
) -> schemas_stats.ProgrammeStats | Response:
    """Claims filed, approved (with what they paid) and refused (by reason) from `from` to `to`;
    each programme's budget, paid to date and remaining budget as of `to` (default today). A fund
    manager sees its own programmes; admin and the regulator every one."""
    manager = who.org_id if who.role == "fund_manager" else None
    figures = await programme_stats_service.stats(session, period(year, from_, to), region_code, manager)
    if not wants_csv(accept):
        return figures
    return csv_response(programme_stats_service.csv_rows(figures))
