"""`GET /v1/credit/stats`, the 银税互动 figures (CONTRACT §1 "Statistics", §3): JSON, or CSV with
``Accept: text/csv``; admin, the regulator and the tax authority read them."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Response

from kit.csv import CSV_MEDIA_TYPE, response_body, wants_csv
from kit.deps import Session
from kit.openapi_docs import problems
from kit.period import period
from kit.principal import Principal, require_roles
from services.credit_push.schemas_stats import StatsOut
from services.credit_push.service import stats as stats_service

router = APIRouter(prefix="/v1/credit", tags=["stats"])

Reader = Annotated[Principal, Depends(require_roles("admin", "tax_authority"))]
Year = Annotated[int | None, Query(ge=2000, le=2100, description="Short for from=Y-01-01&to=Y-12-31.")]
From = Annotated[date | None, Query(alias="from", description="Inclusive, Asia/Shanghai.")]
To = Annotated[date | None, Query(description="Inclusive, Asia/Shanghai.")]
Region = Annotated[
    str | None, Query(pattern=r"^[0-9]{4}00$", description="One 市州 (a `xxxx00` GB/T 2260 code).")
]


@router.get(
    "/stats",
    response_model=StatsOut,
    responses={
        200: {
            "content": {CSV_MEDIA_TYPE: {}},
            "description": "JSON, or with `Accept: text/csv` the same figures as CSV: a header row, "
            "the overall row (breakdown `all`), then one row per 市州, bank, month, rating level, "
            "evaluation year and credit type.",
        },
        **problems(s422="validation-error, invalid-period"),
    },
    operation_id="getCreditStats",
    summary="Credit-push statistics for a period",
)
async def stats(
    _: Reader,
    session: Session,
    accept: Annotated[str | None, Header()] = None,
    year: Year = None,
    from_: From = None,
    to: To = None,
    region_code: Region = None,
) -> StatsOut | Response:
    """银税互动 figures of the period (all time without one), of one 市州 with `region_code`:
    enterprises rated (by level and evaluation year) and pushed, authorisations and consents,
    banks subscribed, delivery health, loans with the 纯信用贷款比例, the 受益户数比例, and all of
    them per 市州, bank and month."""
    figures = await stats_service.stats(session, period(year, from_, to), region_code)
    if not wants_csv(accept):
        return figures
    text, media_type = response_body(stats_service.csv_rows(figures))
    return Response(text, media_type=media_type)
