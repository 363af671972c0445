"""``GET /console/charts/{page}/{chart}.svg``: one chart of a console page, drawn by the gateway.

The caller's API key is checked as for any public call (gateway.auth: failed-key and rate
limits), then the chart's statistics endpoint is read from its service AS THAT CALLER, through the
proxy's own call (gateway.proxy.call): the service keeps deciding who may read the figures, and
its refusal (403), its 422 for a bad filter or its 404 is passed back as it answered. From the
answer the chart's series is taken (gateway.console.series) and drawn (gateway.console.svg).
"""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from gateway import proxy, repository, upstream
from gateway.auth import authenticated
from gateway.console import svg
from gateway.console.model import Chart, Page, Source
from gateway.console.pages import PAGES
from gateway.console.render import labels_of
from gateway.console.series import Series, series_of
from gateway.roles import ADMIN
from kit.db import get_session
from kit.principal import Principal, role_allowed
from kit.problems import Problem

SVG_MEDIA_TYPE = "image/svg+xml; charset=utf-8"
SVG_HEADERS = {
    "Cache-Control": "no-store",
    # The picture is put into the page as markup; opened on its own it may load nothing at all.
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
FILTERS = ("from", "to", "region_code")

router = APIRouter(include_in_schema=False)


@router.get("/charts/{slug}/{chart_id}.svg")
async def chart_svg(
    slug: str, chart_id: str, request: Request, session: Annotated[AsyncSession, Depends(get_session)]
) -> Response:
    page, chart = _find(slug, chart_id)
    principal = await authenticated(request)
    answer = await _read(request, principal, _target(page, chart, request))
    if not isinstance(answer, dict):
        return answer
    labels = labels_of(page)
    if chart.breakdown == "by_bank" and role_allowed(principal.role, (ADMIN,), "GET"):
        # Banks by name, as GET /v1/orgs (admin; a regulator reads it too) would name them.
        labels.update(await repository.org_names(session, _ids(answer.get("by_bank"))))
    series = series_of(chart, answer, labels)
    metric_label = labels.get(series.metric, series.metric)
    return Response(draw(page, chart, series, metric_label), media_type=SVG_MEDIA_TYPE, headers=SVG_HEADERS)


def draw(page: Page, chart: Chart, series: Series, metric_label: str = "") -> str:
    """The chart's SVG: bars, or a line by month; ``metric_label`` names the figure drawn."""
    title = f"{chart.title_zh} {chart.title_en}" + (f" — {metric_label}" if metric_label else "")
    attrs = {"data-page": page.slug, "data-chart": chart.id, "data-kind": series.kind}
    if series.metric:
        attrs |= {"data-metric": series.metric, "data-metric-label": metric_label}
    if series.absent:
        attrs["data-absent"] = "true"
    if chart.breakdown == "by_month":
        return svg.line_chart(title, series.points, series.kind, attrs)
    return svg.bar_chart(title, series.points, series.kind, chart.target_bp, attrs)


def _find(slug: str, chart_id: str) -> tuple[Page, Chart]:
    page = PAGES.get(slug)
    chart = next((c for c in page.charts if c.id == chart_id), None) if page else None
    if page is None or chart is None:
        raise Problem(404, "not-found", "No such console chart.")
    return page, chart


def _target(page: Page, chart: Chart, request: Request) -> str:
    """The chart's source as the page's script asks for it: with the filters it was given, passed
    on as they are (the service judges them)."""
    source: Source = next(s for s in page.sources if s.id == chart.source)
    if not source.filtered:
        return source.path
    params = [(name, value) for name in FILTERS if (value := request.query_params.get(name))]
    return source.path + ("?" + urlencode(params) if params else "")


async def _read(request: Request, principal: Principal, target: str) -> dict[str, Any] | Response:
    """The service's JSON answer, or its refusal as it gave it."""
    service = proxy.PREFIXES[target.split("/")[2]]
    headers = {"accept": "application/json"}
    if language := request.headers.get("accept-language"):
        headers["accept-language"] = language
    answer = await _shared_call(request, principal, service, target, headers)
    if answer.status != 200:
        response = Response(answer.body, status_code=answer.status)
        response.raw_headers.extend(answer.headers)
        return response
    try:
        body = json.loads(answer.body)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise Problem(
            502, "bad-gateway", f"The {service} service answered no JSON object.", title="Bad gateway"
        )
    return body


# Reads in flight, by caller and URL: the charts of a page come at once and share one source.
_in_flight: dict[tuple[str, str, str], asyncio.Future[upstream.Answer]] = {}


async def _shared_call(
    request: Request, principal: Principal, service: str, target: str, headers: dict[str, str]
) -> upstream.Answer:
    """The source read once for all the same caller's charts asking for it at the same moment:
    a page draws up to 11 charts from one statistics answer. Nothing is kept after the read ends,
    so a chart asked for later reads the figures anew (never an older answer than it asked for)."""
    key = (principal.identity, target, headers.get("accept-language", ""))
    running = _in_flight.get(key)
    if running is None:
        running = asyncio.ensure_future(proxy.call(request, principal, service, "GET", target, headers))
        _in_flight[key] = running
        running.add_done_callback(
            lambda done: _in_flight.pop(key, None) if _in_flight.get(key) is done else None
        )
    # shield: one caller hanging up does not cancel the read the others wait for.
    return await asyncio.shield(running)


def _ids(breakdown: Any) -> list[uuid.UUID]:
    ids = []
    for key in breakdown if isinstance(breakdown, dict) else ():
        try:
            ids.append(uuid.UUID(key))
        except ValueError:
            continue
    return ids
