"""The query every figure endpoint takes (CONTRACT §1 "Statistics"): ``?year=`` or ``?from=&to=``,
``?region_code=`` and ``Accept: text/csv``; and the answer it gives, JSON or CSV.

A route dependency, like kit.deps: the routes of every process that publishes figures declare
these five parameters once here instead of once per route.
"""

# No ``from __future__ import annotations``: FastAPI reads the parameters' annotations at
# decoration time, and the descriptions below are values of the enclosing call.

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import Header, Query, Response

from kit.csv import CSV_MEDIA_TYPE, response_body, wants_csv
from kit.openapi_docs import problems
from kit.period import Period, period

PREFECTURE = r"^[0-9]{4}00$"
PREFECTURE_DOC = "One 市州 (a `xxxx00` GB/T 2260 code)."
TO_DOC = "Inclusive, Asia/Shanghai."
Answer = TypeVar("Answer")
Rows = Callable[[Answer], Sequence[Mapping[str, Any]]]
Year = Annotated[int | None, Query(ge=2000, le=2100, description="Short for from=Y-01-01&to=Y-12-31.")]
From = Annotated[date | None, Query(alias="from", description="Inclusive, Asia/Shanghai.")]


@dataclass(frozen=True)
class FigureQuery:
    """What a figure request asked for: the period, one 市州 or all, and whether CSV."""

    period: Period
    region_code: str | None
    csv: bool

    def answer(self, figures: Answer, rows: Rows[Answer]) -> Answer | Response:
        """The figures as they are (JSON), or ``rows(figures)`` as CSV when CSV was asked for."""
        if not self.csv:
            return figures
        text, media_type = response_body(rows(figures))
        return Response(text, media_type=media_type)


def figure_query(
    *, to_doc: str = TO_DOC, region_doc: str = PREFECTURE_DOC, region_pattern: str = PREFECTURE
) -> Callable[..., Awaitable[FigureQuery]]:
    """The dependency reading the five parameters; ``to_doc`` and ``region_doc`` say what ``to``
    and ``region_code`` mean for this endpoint's figures."""

    async def read(
        accept: Annotated[str | None, Header()] = None,
        year: Year = None,
        from_: From = None,
        to: Annotated[date | None, Query(description=to_doc)] = None,
        region_code: Annotated[str | None, Query(pattern=region_pattern, description=region_doc)] = None,
    ) -> FigureQuery:
        return FigureQuery(period(year, from_, to), region_code, wants_csv(accept))

    return read


def figure_responses(rows: str) -> dict[int | str, dict[str, Any]]:
    """The 200 (JSON or CSV) and the 422 of a figure endpoint; ``rows`` names what the CSV rows
    after the overall one break the figures down by."""
    return {
        200: {
            "content": {CSV_MEDIA_TYPE: {}},
            "description": "JSON, or with `Accept: text/csv` the same figures as CSV: a header row, "
            f"the overall row (breakdown `all`), then one row per {rows}.",
        },
        **problems(s422="validation-error, invalid-period"),
    }
