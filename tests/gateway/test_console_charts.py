"""The console's charts drawn by the gateway (GET /console/charts/{page}/{chart}.svg): the
caller's key as for the API, the service's own answer on who may read, the API's numbers drawn."""

from __future__ import annotations

import asyncio
import xml.etree.ElementTree as ET
from typing import Any

import httpx
import pytest

from tests.support.api import Actor, Api, make_uscc
from tests.support.stack import Stack

NS = {"s": "http://www.w3.org/2000/svg"}
PROBLEM = "application/problem+json"


def drawn(text: str) -> dict[str, str]:
    """Each bar or point of a chart: its key in the answer and the integer it stands for."""
    root = ET.fromstring(text)  # noqa: S314  (our gateway's own answer, under test)
    marks = root.findall(".//s:rect[@data-value]", NS) + root.findall(".//s:circle[@data-value]", NS)
    return {mark.get("data-key", ""): mark.get("data-value", "") for mark in marks}


@pytest.fixture
async def rated(api: Api) -> list[str]:
    """Two rated enterprises in two 市州 (the tax authority's upload)."""
    tax = await api.org("tax_authority")
    usccs = [make_uscc(region="620100"), make_uscc(region="620500")]
    items = [
        {"uscc": u, "name": f"图表样例{i}", "rating": "AB"[i], "year": 2024, "region_code": u[2:8]}
        for i, u in enumerate(usccs)
    ]
    answer = await api.call(tax, "POST", "/v1/credit/ratings", json={"items": items})
    assert answer.status_code == 200 and answer.json()["rejected"] == [], answer.text
    return usccs


async def stats(api: Api, actor: Actor | None, **params: str) -> dict[str, Any]:
    headers = {} if actor else api.admin_headers
    answer = await api.call(actor, "GET", "/v1/credit/stats", params=params, headers=headers)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


async def test_a_chart_draws_the_apis_numbers(api: Api, rated: list[str]) -> None:
    chart = await api.client.get("/console/charts/credit/rated-by-level.svg", headers=api.admin_headers)
    assert chart.status_code == 200, chart.text
    assert chart.headers["content-type"] == "image/svg+xml; charset=utf-8"
    assert chart.headers["cache-control"] == "no-store"
    assert chart.headers["x-content-type-options"] == "nosniff"
    levels = (await stats(api, None))["rated_by_level"]
    assert levels and drawn(chart.text) == {level: str(count) for level, count in levels.items()}
    assert "评级分布 Rated by level" in chart.text


async def test_filters_reach_the_service(api: Api, rated: list[str]) -> None:
    query = {"from": "2020-01-01", "to": "2030-12-31", "region_code": "620100"}
    chart = await api.client.get(
        "/console/charts/credit/by-region.svg", params=query, headers=api.admin_headers
    )
    assert chart.status_code == 200, chart.text
    by_region = (await stats(api, None, **query))["by_region"]
    metric = ET.fromstring(chart.text).get("data-metric")  # noqa: S314
    assert metric, "the figure drawn is named"
    assert drawn(chart.text) == {key: str(entry[metric]) for key, entry in by_region.items()}
    assert set(drawn(chart.text)) <= {"620100"}


async def test_a_regulator_key_reads_charts(api: Api, rated: list[str]) -> None:
    regulator = await api.org("regulator")
    chart = await api.call(regulator, "GET", "/console/charts/credit/rated-by-level.svg")
    assert chart.status_code == 200, chart.text
    levels = (await stats(api, regulator))["rated_by_level"]
    assert drawn(chart.text) == {level: str(count) for level, count in levels.items()}


async def test_a_bad_or_missing_key_is_a_401_problem(api: Api) -> None:
    for headers in ({"Authorization": "Bearer fmk_not-a-real-key"}, {}):
        chart = await api.client.get("/console/charts/credit/by-month.svg", headers=headers)
        assert chart.status_code == 401, chart.text
        assert chart.headers["content-type"].startswith(PROBLEM)
        assert chart.json()["type"].endswith("/unauthorized")


async def test_the_service_decides_who_may_read_the_figures(api: Api) -> None:
    bank = await api.org("bank")
    refused = await api.call(bank, "GET", "/console/charts/credit/by-month.svg")
    direct = await api.call(bank, "GET", "/v1/credit/stats")
    assert refused.status_code == direct.status_code == 403, refused.text
    assert refused.headers["content-type"].startswith(PROBLEM)
    assert refused.json()["type"] == direct.json()["type"]


async def test_bad_filters_and_unknown_charts_are_problems(api: Api) -> None:
    bad = await api.client.get(
        "/console/charts/credit/by-month.svg", params={"from": "yesterday"}, headers=api.admin_headers
    )
    assert bad.status_code == 422 and bad.headers["content-type"].startswith(PROBLEM), bad.text
    region = await api.client.get(
        "/console/charts/guarantee/by-region.svg", params={"region_code": "<x>"}, headers=api.admin_headers
    )
    assert region.status_code == 422, region.text
    for path in ("/console/charts/credit/no-such-chart.svg", "/console/charts/nowhere/by-month.svg"):
        missing = await api.client.get(path, headers=api.admin_headers)
        assert missing.status_code == 404 and missing.headers["content-type"].startswith(PROBLEM), path


async def test_bad_keys_on_chart_urls_count_towards_the_failed_key_limit(stack: Stack, api: Api) -> None:
    regulator = await api.org("regulator")
    url, stop = await asyncio.to_thread(stack.spawn, "gateway", failed_auth_limit=3)
    try:
        async with httpx.AsyncClient(base_url=url) as client:
            path = "/console/charts/credit/by-month.svg"
            bad = {"Authorization": "Bearer fmk_not-a-real-key"}
            statuses = [(await client.get(path, headers=bad)).status_code for _ in range(6)]
            assert statuses[:3] == [401] * 3 and statuses[-1] == 429, statuses
            refused = await client.get(path, headers=bad)
            assert refused.json()["type"].endswith("/too-many-failed-attempts")
            assert (await client.get(path, headers=regulator.headers)).status_code == 200
    finally:
        await asyncio.to_thread(stop)


async def test_a_pages_charts_asked_at_once_share_one_read_and_a_later_one_reads_anew(
    api: Api, rated: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spy counts the gateway's real calls to credit_push; it changes none of them."""
    from gateway import proxy

    reads: list[str] = []
    real_call = proxy.call

    async def counted(*args: Any, **kwargs: Any) -> Any:
        if args[4].startswith("/v1/credit/stats"):
            reads.append(args[4])
        await asyncio.sleep(0.2)  # a slow statistics read, so that the charts overlap it
        return await real_call(*args, **kwargs)

    monkeypatch.setattr(proxy, "call", counted)
    charts = ("rated-by-level", "by-region", "by-month", "loans-by-credit-type", "loan-amounts")
    answers = await asyncio.gather(
        *(api.client.get(f"/console/charts/credit/{c}.svg", headers=api.admin_headers) for c in charts)
    )
    assert [a.status_code for a in answers] == [200] * len(charts), [a.text for a in answers]
    assert reads == ["/v1/credit/stats"], reads
    # Figures change; the next chart reads them anew rather than an answer kept from before.
    tax = await api.org("tax_authority")
    item = {"uscc": make_uscc(region="620100"), "name": "图表样例新", "rating": "A", "year": 2024}
    assert (await api.call(tax, "POST", "/v1/credit/ratings", json={"items": [item]})).status_code == 200
    again = await api.client.get("/console/charts/credit/rated-by-level.svg", headers=api.admin_headers)
    assert len(reads) == 2
    levels = (await stats(api, None))["rated_by_level"]
    assert drawn(again.text) == {level: str(count) for level, count in levels.items()}
