"""The regulator's console in a real browser: sign-in, every page's figures equal the API's answer,
its charts are the gateway's SVG of the same numbers, CSV offered, no write ever sent, a bad key
told so (CONTRACT §1, §2)."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
from playwright.async_api import Page, Response

from gateway.console.pages import PAGES as CONSOLE_PAGES
from tests.console.charts import assert_charts_match, dig
from tests.console.conftest import Figures, Tab
from tests.support.api import Api
from tests.support.stack import ADMIN_KEY, Stack

NOT_RECOGNISED = "API key not recognised / API 密钥无效"
PAGES = {
    "credit": "/v1/credit/stats",
    "guarantee": "/v1/guarantee/reports/summary",
    "match": "/v1/match/stats",
    "funds": "/v1/match/stats/programmes",
}


def shown(value: Any, kind: str) -> str:
    """The text the console shows for a value: fen as 元, bp as a percentage, counts grouped."""
    if value is None:
        return "—"
    if not isinstance(value, int) or kind == "text":
        return str(value)
    sign = "-" if value < 0 else ""
    whole, part = divmod(abs(value), 100)
    if kind == "fen":
        return f"{sign}{whole:,}.{part:02d} 元"
    if kind == "bp":
        return f"{sign}{whole}.{part:02d}%"
    if kind == "minutes":
        hours, minutes = divmod(value, 60)
        return f"{value} 分钟 min" if value < 60 else f"{hours:,} 小时 h {minutes} 分 min"
    return f"{sign}{abs(value):,}"


async def open_page(tab: Tab, key: str, slug: str, query: str = "") -> dict[str, Any]:
    """Sign in on a page; the JSON answer of its statistics endpoint the page itself received."""
    endpoint = PAGES[slug]

    def is_stats(response: Response) -> bool:
        return endpoint in response.url and response.request.method == "GET"

    async with tab.page.expect_response(is_stats) as answer:
        await tab.sign_in(key, f"/console/{slug}{query}")
    await tab.loaded()
    response = await answer.value
    assert response.status == 200, await response.text()
    body: dict[str, Any] = await response.json()
    return body


async def figures_on(page: Page) -> list[dict[str, str]]:
    shown_figures: list[dict[str, str]] = await page.eval_on_selector_all(
        ".figure",
        """els => els.map(el => ({
             path: el.dataset.path, alt: el.dataset.alt, kind: el.dataset.kind, source: el.dataset.source,
             value: el.querySelector('output').dataset.value,
             text: el.querySelector('output').textContent}))""",
    )
    return shown_figures


async def assert_figures_match(page: Page, body: dict[str, Any], source: str = "") -> int:
    """Every figure of ``source`` (default: the page's main one) is the answer's number,
    formatted; returns how many were shown."""
    compared = 0
    slug = await page.evaluate("document.body.dataset.page")
    for figure in await figures_on(page):
        if figure["source"] != (source or CONSOLE_PAGES[slug].figure_source):
            continue
        value = dig(body, figure["path"])
        if value is None and figure["alt"]:
            value = dig(body, figure["alt"])
        if value is None:
            assert figure["value"] == "" and figure["text"] == "—", figure
            continue
        assert figure["value"] == str(value), figure
        assert figure["text"] == shown(value, figure["kind"]), figure
        compared += 1
    return compared


async def bars(page: Page) -> int:
    return await page.locator("figure.chart:not([hidden]) svg rect.bar").count()


def assert_read_only(tab: Tab) -> None:
    """The console only reads: every call it made to the API was a GET."""
    methods = {(r.method, r.url) for r in tab.api_requests()}
    assert methods, "the console made no API call"
    assert all(method == "GET" for method, _ in methods), methods


async def assert_key_kept_in_tab_only(tab: Tab, key: str) -> None:
    assert key not in tab.page.url
    assert all(key not in r.url for r in tab.requests)
    assert await tab.page.evaluate("sessionStorage.getItem('finmatch.console.key')") == key
    assert await tab.page.context.cookies() == []


async def test_pages_are_public_small_and_under_a_strict_csp(stack: Stack) -> None:
    async with httpx.AsyncClient(base_url=stack.url("gateway")) as client:
        total = 0
        for path in ("/console", *(f"/console/{slug}" for slug in PAGES)):
            page = await client.get(path)
            assert page.status_code == 200, path
            csp = page.headers["content-security-policy"]
            assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
            assert page.headers["x-content-type-options"] == "nosniff"
            assert not re.search(r"(src|href)=\"(https?:)?//", page.text), "no other origin is loaded"
            total = max(total, len(page.content))
        for asset in ("format.js", "console.js", "console.css"):
            served = await client.get(f"/console/static/{asset}?v=1")
            assert (
                served.status_code == 200
                and "default-src 'self'" in served.headers["content-security-policy"]
            )
            total += len(served.content)
            again = await client.get(
                f"/console/static/{asset}", headers={"If-None-Match": served.headers["etag"]}
            )
            assert again.status_code == 304
        assert total < 200_000, f"first page weighs {total} bytes"
        assert (await client.get("/console/static/../app.py")).status_code == 404
        assert (await client.get("/console/nothing-here")).status_code == 404
        data = await client.get("/v1/credit/stats")
        assert data.status_code == 401, "the data itself still needs a key"


async def test_a_bad_key_is_told_clearly(tab: Tab) -> None:
    await tab.sign_in("fmk_not-a-real-key")
    error = tab.page.locator("#sign-in-error")
    await error.wait_for(state="visible")
    assert (await error.text_content()) == NOT_RECOGNISED
    assert await tab.page.evaluate("sessionStorage.getItem('finmatch.console.key')") is None
    assert await tab.page.locator("#content").is_hidden()
    await tab.shot("bad-key")
    assert_read_only(tab)
    chart = await tab.page.evaluate(
        """async () => {
             const r = await fetch('/console/charts/credit/by-month.svg',
               {headers: {Authorization: 'Bearer fmk_not-a-real-key'}});
             return {status: r.status, type: r.headers.get('content-type'), body: await r.json()};
           }"""
    )
    assert chart["status"] == 401 and chart["type"].startswith("application/problem+json"), chart
    assert chart["body"]["type"].endswith("/unauthorized"), chart


def flat(value: Any, prefix: str = "") -> dict[str, Any]:
    """``{"deliveries": {"pending": 1}}`` -> ``{"deliveries.pending": 1}``; a number is ``value``."""
    if not isinstance(value, dict):
        return {"value": value}
    out: dict[str, Any] = {}
    for key, part in value.items():
        if isinstance(part, dict):
            out.update(flat(part, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = part
    return out


async def assert_table_matches(page: Page, table_id: str, entries: dict[str, Any]) -> int:
    """Every row of a breakdown table shows its entry of the answer: each cell's value, formatted.
    Returns the cells compared."""
    rows = page.locator(f"#{table_id} tbody tr")
    assert await rows.count() == len(entries), table_id
    compared = 0
    for index, key in enumerate(sorted(entries)):
        row = rows.nth(index)
        assert await row.locator('td[data-key="@key"]').get_attribute("data-value") == key
        values = flat(entries[key])
        cells = await row.locator('td:not([data-key="@key"])').evaluate_all(
            "tds => tds.map(td => ({key: td.dataset.key, value: td.dataset.value, text: td.textContent}))",
        )
        header = await page.eval_on_selector_all(
            f"#{table_id} thead th", "ths => ths.map(th => [th.dataset.key, th.dataset.kind || 'count'])"
        )
        kinds = dict(header)
        for cell in cells:
            expected = values.get(cell["key"])
            assert cell["value"] == ("" if expected is None else str(expected)), (table_id, key, cell)
            assert cell["text"] == shown(expected, kinds[cell["key"]]), (table_id, key, cell)
            compared += 1
    return compared


CREDIT_TABLES = {
    "credit-region": "by_region",
    "credit-month": "by_month",
    "credit-bank": "by_bank",
    "credit-levels": "rated_by_level",
    "credit-years": "rated_by_year",
    "credit-types": "loans_by_credit_type",
}


async def test_credit_page_shows_the_stats_answer(tab: Tab, figures: Figures) -> None:
    body = await open_page(tab, ADMIN_KEY, "credit")
    assert await tab.page.locator("#who-name").text_content() == "Platform operator (admin)"
    assert await assert_figures_match(tab.page, body) >= 20
    assert body["enterprises_rated"] >= len(figures.usccs) and body["loans_count"] >= 1
    assert body["authorisations"]["active"] >= 0 and "oldest_pending_age_seconds" in body
    for table_id, member in CREDIT_TABLES.items():
        assert body[member], f"the demo data has {member}"
        assert await assert_table_matches(tab.page, table_id, body[member]) >= len(body[member]), table_id
    bank = tab.page.locator(f'#credit-bank tbody tr:has(td[data-value="{figures.bank.org_id}"]) td').first
    assert await bank.text_content() == figures.bank.name, "banks by name"
    assert await assert_charts_match(tab, "credit") >= 8
    assert await bars(tab.page) >= 3, "delivery health and loan amounts are drawn as bars"
    # Loans, the 受益户数比例 to date and the 纯信用贷款比例, each by month as a line.
    assert await tab.page.locator("figure.chart svg polyline.line").count() == 3
    for metric in ("beneficiary_ratio_bp", "pure_credit_ratio_bp"):
        by_region = tab.page.locator(f'figure.chart[data-breakdown="by_region"][data-metric="{metric}"]')
        assert await by_region.locator("rect.bar").count() == len(body["by_region"]), metric
    levels = tab.page.locator('figure.chart[data-breakdown="rated_by_level"] rect.bar')
    assert await levels.count() == len(body["rated_by_level"])
    async with tab.page.expect_download() as download_info:
        await tab.page.click('button.csv[data-table="credit-region"]')
    text = (await (await download_info.value).path()).read_text(encoding="utf-8-sig")
    assert text.startswith("breakdown,key,") and "rated_by_level" not in text.splitlines()[0]
    assert any(line.startswith("region,620100,") for line in text.splitlines()), "the endpoint's own CSV"
    await assert_key_kept_in_tab_only(tab, ADMIN_KEY)
    await tab.shot("credit")
    assert_read_only(tab)


async def test_guarantee_page_shows_the_summary_and_positions(tab: Tab, figures: Figures) -> None:
    body = await open_page(tab, ADMIN_KEY, "guarantee")
    assert await assert_figures_match(tab.page, body) >= 3
    tiers = tab.page.locator("#guarantee-tiers tbody tr")
    assert await tiers.count() == 3
    for tier, figures_of in body["tiers"].items():
        row = tab.page.locator(f'#guarantee-tiers tbody tr:has(td[data-value="{tier}"])')
        cell = row.locator('td[data-key="outstanding_share_fen"]')
        assert await cell.get_attribute("data-value") == str(figures_of["outstanding_share_fen"])
        assert await cell.text_content() == shown(figures_of["outstanding_share_fen"], "fen")
    assert await assert_charts_match(tab, "guarantee") >= 2
    assert await bars(tab.page) >= 4, "outstanding by tier and the fee against its target"
    assert await tab.page.locator("figure.chart svg line.target").count() == 1
    positions = tab.page.locator("#guarantee-positions")
    await positions.locator(f'td:text-is("{figures.local_name}")').wait_for()
    await tab.shot("guarantee")
    assert_read_only(tab)


async def test_match_page_shows_the_funnel_and_products(tab: Tab, figures: Figures) -> None:
    body = await open_page(tab, ADMIN_KEY, "match")
    assert await assert_figures_match(tab.page, body) >= 6
    assert body["products"] >= 1
    assert await assert_charts_match(tab, "match") >= 5
    assert await bars(tab.page) >= 4, "the demand funnel and products by type"
    await tab.page.locator(f'#match-products td:text-is("{figures.product_name}")').wait_for()
    await tab.shot("match")
    assert_read_only(tab)


async def test_match_page_shows_answer_times_by_bank(tab: Tab, figures: Figures) -> None:
    body = await open_page(tab, ADMIN_KEY, "match")
    mine = body["by_bank"][figures.bank.org_id]
    assert mine["answered"] >= 1 and mine["median_answer_minutes"] is not None
    row = tab.page.locator(f'#match-bank tbody tr:has(td[data-value="{figures.bank.org_id}"])')
    assert await row.locator("td").first.text_content() == figures.bank.name, "banks by name"
    cell = row.locator('td[data-key="median_answer_minutes"]')
    assert await cell.get_attribute("data-value") == str(mine["median_answer_minutes"])
    assert await cell.text_content() == shown(mine["median_answer_minutes"], "minutes")
    timed = tab.page.locator('figure.chart[data-metric="median_answer_minutes"]')
    assert await timed.is_visible() and await timed.locator("rect.bar").count() >= 1
    assert await tab.page.locator('figure.chart[data-metric="overdue"] rect.bar').count() >= 1
    assert figures.bank.name in (await timed.locator("svg").text_content() or ""), "banks by name"
    await tab.shot("match-answer-times")
    assert_read_only(tab)


async def test_funds_page_shows_programmes_pools_and_bridge_funds(
    tab: Tab, api: Api, figures: Figures
) -> None:
    programmes = await open_page(tab, ADMIN_KEY, "funds")
    assert await assert_figures_match(tab.page, programmes) >= 6
    assert programmes["paid_to_date_fen"] > 0 and programmes["approved_count"] >= 1
    for source, path in (
        ("pools", "/v1/guarantee/reports/pools"),
        ("bridge", "/v1/guarantee/reports/bridge-funds"),
    ):
        answer = await api.client.get(path, headers=api.admin_headers)
        assert await assert_figures_match(tab.page, answer.json(), source) >= 3, source
    await tab.page.locator(f'#funds-programmes td:text-is("{figures.programme_name}")').wait_for()
    await tab.page.locator(f'#funds-pools tbody tr:has(td[data-value="{figures.pool_id}"])').wait_for()
    await tab.page.locator(f'#funds-bridge tbody tr:has(td[data-value="{figures.bridge_id}"])').wait_for()
    assert await assert_charts_match(tab, "funds") >= 4
    assert await bars(tab.page) >= 4, "budget and paid, the pools' balances, the bridge funds"
    async with tab.page.expect_download() as download_info:
        await tab.page.click('button.csv[data-table="funds-pools"]')
    text = (await (await download_info.value).path()).read_text(encoding="utf-8-sig")
    assert text.startswith("breakdown,key,") and figures.pool_id in text, "the endpoint's own CSV"
    await tab.shot("funds")
    assert_read_only(tab)


async def test_filters_reach_the_api_and_survive_navigation(tab: Tab, figures: Figures) -> None:
    query = "?from=2026-01-01&to=2026-12-31&region_code=620100"
    await open_page(tab, ADMIN_KEY, "credit", query)
    stats_calls = [r.url for r in tab.api_requests() if "/v1/credit/stats" in r.url]
    assert any(
        "from=2026-01-01" in u and "to=2026-12-31" in u and "region_code=620100" in u for u in stats_calls
    )
    assert await tab.page.locator("#region-select").input_value() == "620100"
    nav = await tab.page.locator('nav a[href^="/console/guarantee"]').get_attribute("href")
    assert nav == "/console/guarantee" + query
    await tab.page.click('nav a[href^="/console/guarantee"]')
    await tab.loaded()
    summary_calls = [r.url for r in tab.api_requests() if "/reports/summary" in r.url]
    assert any("region_code=620100" in u for u in summary_calls), "signed in still, filters kept"
    assert_read_only(tab)


async def test_each_table_offers_its_csv(tab: Tab, figures: Figures) -> None:
    await open_page(tab, ADMIN_KEY, "guarantee")
    async with tab.page.expect_download() as download_info:
        await tab.page.click('button.csv[data-table="guarantee-tiers"]')
    download = await download_info.value
    assert download.suggested_filename == "guarantee-tiers.csv"
    text = (await download.path()).read_text(encoding="utf-8-sig")
    header = text.splitlines()[0]
    assert "," in header and len(text.splitlines()) >= 2, text
    csv_calls = [r for r in tab.api_requests() if r.headers.get("accept") == "text/csv"]
    assert csv_calls and all(r.method == "GET" for r in csv_calls), "the endpoint was asked for CSV"
    assert_read_only(tab)


async def test_a_regulator_reads_every_page_and_writes_nothing(tab: Tab, api: Api, figures: Figures) -> None:
    created = await api.client.post(
        "/v1/orgs", json={"name": "甘肃省工信厅", "role": "regulator"}, headers=api.admin_headers
    )
    assert created.status_code == 201, created.text
    keys = f"/v1/orgs/{created.json()['id']}/keys"
    key = (await api.client.post(keys, headers=api.admin_headers)).json()["key"]
    for slug in PAGES:
        body = await open_page(tab, key, slug)
        assert await assert_figures_match(tab.page, body) >= 3
        assert await tab.page.locator("#notice").is_hidden(), await tab.page.locator("#notice").text_content()
        assert await bars(tab.page) >= 1
        assert await assert_charts_match(tab, slug) >= 2, slug
        await tab.shot(f"regulator-{slug}")
        await tab.page.evaluate("sessionStorage.clear()")
    assert_read_only(tab)


async def test_the_console_fits_a_phone(tab: Tab, figures: Figures) -> None:
    await tab.page.set_viewport_size({"width": 390, "height": 844})
    await open_page(tab, ADMIN_KEY, "credit")
    overflow = await tab.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page is {overflow}px wider than the phone"
    widths = await tab.page.eval_on_selector_all(
        "figure.chart:not([hidden]) .plot > svg", "svgs => svgs.map(s => s.getBoundingClientRect().width)"
    )
    assert widths and all(300 <= w <= 390 for w in widths), f"charts scaled to the phone: {widths}"
    await tab.shot("credit-phone")


async def test_docs_render_without_any_other_origin(tab: Tab) -> None:
    outside: list[str] = []

    async def refuse_outside(route: Any) -> None:
        if not route.request.url.startswith(tab.gateway):
            outside.append(route.request.url)
            await route.abort()
        else:
            await route.continue_()

    await tab.page.route("**/*", refuse_outside)
    await tab.page.goto(tab.gateway + "/docs")
    await tab.page.locator(".swagger-ui .info .title").wait_for(timeout=20_000)
    assert "finmatch" in (await tab.page.locator(".swagger-ui .info .title").text_content() or "")
    assert outside == [], f"/docs loaded {json.dumps(outside)}"
    await tab.shot("docs")
