"""The console in a real browser against the running platform with the demo data: `finmatch up
--demo` as real processes, signed in with the REGULATOR key the demo prints (issue 13, item 5).

Every page renders its figures and charts, the numbers equal the API's answer, the charts are the
gateway's SVG, and the regulator's tab sends nothing but GETs; a write with that key is a 403.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser

from tests.console.charts import assert_charts_match
from tests.console.conftest import Tab
from tests.console.test_console import PAGES, assert_figures_match, assert_read_only, bars, open_page
from tests.support.platform import Up
from tests.support.postgres import PgTestServer
from tests.support.stack import process_env

pytestmark = pytest.mark.e2e
Demo = tuple[str, dict[str, str]]  # the gateway's URL, the demo's keys by role


def _demo_keys(env_file: Path) -> dict[str, str]:
    """The ``export ROLE=key`` lines the demo writes to var/demo.env."""
    pairs = (line.removeprefix("export ").split("=", 1) for line in env_file.read_text().splitlines())
    return {role: key for role, key in pairs}


@pytest.fixture(scope="module")
def demo(
    pg_server: PgTestServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, dict[str, str]]]:
    """The gateway's URL of a platform started with the demo data, and the demo's keys by role."""
    env, ports = process_env(asyncio.run(pg_server.create_database()), db_pool_size="3")
    up = Up(env, tmp_path_factory.mktemp("demo-console"), "--demo")
    up.wait_until_up()
    try:
        yield f"http://127.0.0.1:{ports['gateway']}", _demo_keys(up.cwd / "var" / "demo.env")
    finally:
        up.stop()


@pytest.fixture
async def demo_tab(browser: Browser, demo: Demo) -> AsyncIterator[Tab]:
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    opened = Tab(page, demo[0])
    page.on("request", lambda request: opened.requests.append(request))
    page.on("response", lambda response: opened.responses.append(response))
    yield opened
    await context.close()


async def test_every_page_shows_the_demos_figures_and_charts_to_the_regulator(
    demo_tab: Tab, demo: Demo
) -> None:
    key = demo[1]["REGULATOR"]
    for slug in PAGES:
        body = await open_page(demo_tab, key, slug)
        assert await demo_tab.page.locator("#notice").is_hidden(), await demo_tab.page.locator(
            "#notice"
        ).text_content()
        assert await assert_figures_match(demo_tab.page, body) >= 3, slug
        assert await bars(demo_tab.page) >= 1, slug
        assert await assert_charts_match(demo_tab, slug) >= 1, slug
        await demo_tab.shot(f"demo-{slug}")
        await demo_tab.page.evaluate("sessionStorage.clear()")
    assert_read_only(demo_tab)


async def test_the_demos_regulator_key_cannot_write(demo: Demo) -> None:
    gateway, keys = demo
    headers = {"Authorization": f"Bearer {keys['REGULATOR']}"}
    async with httpx.AsyncClient(base_url=gateway, headers=headers) as client:
        assert (await client.get("/v1/credit/stats")).status_code == 200
        refused = await client.post("/v1/orgs", json={"name": "不应创建", "role": "bank"})
    assert refused.status_code == 403, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
