"""What the console's charts must be: the gateway's SVG (an ``image/svg+xml`` answer of the chart's
URL), its bars or points carrying the numbers of the API answer the page itself received."""

from __future__ import annotations

from collections import Counter
from typing import Any

from gateway.console.model import Chart
from gateway.console.pages import PAGES as CONSOLE_PAGES
from tests.console.conftest import Tab


def dig(body: dict[str, Any], path: str) -> Any:
    at: Any = body
    for part in path.split("."):
        at = at.get(part) if isinstance(at, dict) else None
    return at


SVG = "image/svg+xml; charset=utf-8"


def expected_marks(chart: Chart, body: dict[str, Any], metric: str) -> list[list[Any]]:
    """The [key, value] of each bar or point a chart should draw from its source's answer."""
    if not chart.breakdown:
        return [[path, dig(body, path)] for path in chart.paths if isinstance(dig(body, path), int)]
    if chart.breakdown.startswith("count:"):
        counts = Counter(str(item[chart.breakdown[6:]]) for item in body["items"])
        return [[key, counts[key]] for key in sorted(counts)]
    assert metric == chart.metric or not chart.metric, (chart.id, metric)
    marks = []
    for key, entry in sorted(body[chart.breakdown].items()):
        value = entry if isinstance(entry, int) else dig(entry, metric)
        if isinstance(value, int):
            marks.append([key, value])
    return marks


async def assert_charts_match(tab: Tab, slug: str) -> int:
    """Every chart shown is an <svg> the gateway drew (an image/svg+xml answer of its chart URL),
    and its bars or points carry the numbers of the answer the page received for its source.
    Returns how many charts were compared."""
    definition = CONSOLE_PAGES[slug]
    compared = 0
    for chart in definition.charts:
        figure = tab.page.locator(f"#chart-{slug}-{chart.id}")
        if await figure.is_hidden():
            continue
        served = tab.since_opened(f"/console/charts/{slug}/{chart.id}.svg")
        assert served and served[-1].status == 200, chart.id
        assert served[-1].headers["content-type"] == SVG, chart.id
        drawn = await figure.locator(".plot > svg").evaluate(
            """svg => ({metric: svg.getAttribute('data-metric') || '', chart: svg.getAttribute('data-chart'),
                      marks: [...svg.querySelectorAll('[data-value]')]
                        .map(m => [m.getAttribute('data-key'), Number(m.getAttribute('data-value'))])})"""
        )
        assert drawn["chart"] == chart.id
        source = next(s for s in definition.sources if s.id == chart.source)
        answered = tab.since_opened(source.path.split("?")[0])
        assert answered and answered[-1].status == 200, source.path
        body = await answered[-1].json()
        assert drawn["marks"] == expected_marks(chart, body, drawn["metric"]), chart.id
        compared += 1
    return compared
