"""The console's charts as the server draws them (gateway.console.svg, .series): what a reader of
the picture, or a screen reader, gets."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from gateway.console.charts import draw
from gateway.console.model import Chart
from gateway.console.pages import PAGES
from gateway.console.series import series_of
from gateway.console.svg import WIDTH, Point, bar_chart, format_value, line_chart, no_data

NS = {"s": "http://www.w3.org/2000/svg"}


def parse(text: str) -> ET.Element:
    # Our own drawing, not outside input; it must be well-formed XML, or this raises.
    root = ET.fromstring(text)  # noqa: S314
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def bars(root: ET.Element) -> list[ET.Element]:
    return root.findall("s:rect", NS)


def test_bars_are_as_long_as_their_values_and_carry_them() -> None:
    points = [Point("a", "甲 A", 100), Point("b", "乙 B", 250), Point("c", "丙 C", 50)]
    root = parse(bar_chart("贷款金额 Loan amounts", points, "fen"))
    drawn = bars(root)
    assert [b.get("data-value") for b in drawn] == ["100", "250", "50"]
    assert [b.get("data-key") for b in drawn] == ["a", "b", "c"]
    widths = [float(b.get("width", "")) for b in drawn]
    assert widths[1] == pytest.approx(widths[0] * 2.5, rel=0.01)
    assert widths[2] == pytest.approx(widths[0] / 2, rel=0.01)
    assert max(widths) <= WIDTH
    tips = [b.find("s:title", NS) for b in drawn]
    assert [t.text for t in tips if t is not None] == ["甲 A: 1.00 元", "乙 B: 2.50 元", "丙 C: 0.50 元"]
    amounts = [t.text for t in root.findall("s:text[@class='amount']", NS)]
    assert amounts == ["1.00 元", "2.50 元", "0.50 元"]


def test_the_picture_names_itself_and_scales() -> None:
    root = parse(bar_chart("投递状态 Delivery health", [Point("x", "x", 1)], "count"))
    assert root.get("role") == "img"
    assert root.get("aria-label") == "投递状态 Delivery health"
    assert root.findtext("s:title", namespaces=NS) == "投递状态 Delivery health"
    assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox", ""))
    assert root.get("width") == "100%" and root.get("height") is None


def test_a_zero_bar_has_no_length_and_a_negative_one_goes_left_of_zero() -> None:
    points = [Point("z", "zero", 0), Point("p", "plus", 300), Point("n", "minus", -100)]
    root = parse(bar_chart("剩余预算 Remaining", points, "fen"))
    zero, plus, minus = bars(root)
    assert float(zero.get("width", "")) == 0
    assert float(minus.get("width", "")) == pytest.approx(float(plus.get("width", "")) / 3, rel=0.01)
    origin = float(zero.get("x", ""))
    assert float(plus.get("x", "")) == pytest.approx(origin)
    assert float(minus.get("x", "")) + float(minus.get("width", "")) == pytest.approx(origin)
    assert "negative" in (minus.get("class") or "")
    assert minus.find("s:title", NS) is not None
    assert minus.findtext("s:title", namespaces=NS) == "minus: -1.00 元"


def test_labels_and_titles_are_escaped() -> None:
    hostile = "A<b>&\"c'</b>"
    text = bar_chart(hostile, [Point(hostile, hostile, 5)], "count", attrs={"data-x": hostile})
    assert "<b>" not in text
    root = parse(text)
    assert root.get("aria-label") == hostile and root.get("data-x") == hostile
    assert root.findtext("s:title", namespaces=NS) == hostile
    bar = bars(root)[0]
    assert bar.get("data-key") == hostile
    assert bar.findtext("s:title", namespaces=NS) == f"{hostile}: 5"
    line = parse(line_chart(hostile, [Point("2026-01", hostile, 1)], "count"))
    assert line.findtext("s:title", namespaces=NS) == hostile


def test_a_long_label_is_cut_in_the_picture_but_whole_in_its_title() -> None:
    long = "临夏回族自治州" * 6
    root = parse(bar_chart("t", [Point("k", long, 1_000_000_000)], "fen"))
    shown = root.findall("s:text[@class='axis']", NS)[0].text or ""
    assert shown.endswith("…") and len(shown) < len(long)
    assert bars(root)[0].findtext("s:title", namespaces=NS) == f"{long}: 10,000,000.00 元"


def test_an_empty_series_says_there_is_no_data() -> None:
    for text in (bar_chart("按市州 By 市州", [], "count"), line_chart("按月 By month", [], "fen")):
        root = parse(text)
        assert bars(root) == [] and root.findall("s:circle", NS) == []
        assert root.get("data-points") == "0"
        assert "无数据 No data" in "".join(root.itertext())
        assert "无数据 No data" in (root.get("aria-label") or "")
    assert parse(no_data("x")).get("role") == "img"


def test_the_target_line_stands_at_its_value() -> None:
    root = parse(bar_chart("平均费率 Average fee", [Point("avg_fee_rate_bp", "平均", 50)], "bp", 100))
    bar = bars(root)[0]
    line = root.find("s:line[@class='target']", NS)
    assert line is not None
    origin, length = float(bar.get("x", "")), float(bar.get("width", ""))
    assert float(line.get("x1", "")) - origin == pytest.approx(2 * length, rel=0.01)
    assert "目标 target 1.00%" in "".join(root.itertext())
    above = parse(bar_chart("t", [Point("k", "k", 300)], "bp", 100))
    target = above.find("s:line[@class='target']", NS)
    assert target is not None
    assert float(target.get("x1", "")) - float(bars(above)[0].get("x", "")) == pytest.approx(
        float(bars(above)[0].get("width", "")) / 3, rel=0.01
    )


def test_a_line_has_one_point_per_month_higher_for_more() -> None:
    points = [
        Point("2026-01", "2026-01", 10),
        Point("2026-02", "2026-02", 40),
        Point("2026-03", "2026-03", 0),
    ]
    root = parse(line_chart("按月 By month", points, "count"))
    dots = root.findall("s:circle", NS)
    assert [d.get("data-value") for d in dots] == ["10", "40", "0"]
    ys = [float(d.get("cy", "")) for d in dots]
    assert ys[1] < ys[0] < ys[2], "higher values stand higher (smaller y)"
    xs = [float(d.get("cx", "")) for d in dots]
    assert xs == sorted(xs) and xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])
    assert root.find("s:polyline", NS) is not None
    assert [d.findtext("s:title", namespaces=NS) for d in dots][1] == "2026-02: 40"


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (123456789, "fen", "1,234,567.89 元"),
        (-5, "fen", "-0.05 元"),
        (9050, "bp", "90.50%"),
        (45, "minutes", "45 分钟 min"),
        (125, "minutes", "2 小时 h 5 分 min"),
        (1234567, "count", "1,234,567"),
        (None, "count", "—"),
    ],
)
def test_values_read_as_in_the_console(value: int | None, kind: str, text: str) -> None:
    assert format_value(value, kind) == text  # type: ignore[arg-type]


def test_chart_ids_are_unique_and_url_safe() -> None:
    for page in PAGES.values():
        ids = [chart.id for chart in page.charts]
        assert len(ids) == len(set(ids)), page.slug
        assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids), ids
        assert all(any(s.id == c.source for s in page.sources) for c in page.charts)


def test_a_breakdown_is_drawn_in_key_order_with_its_metric() -> None:
    chart = Chart("r", "按市州", "By 市州", "stats", breakdown="by_region")
    body = {
        "by_region": {
            "620500": {"loans_total_fen": 300, "demands": 1},
            "620100": {"loans_total_fen": 100, "demands": 2},
        }
    }
    series = series_of(chart, body, {"620100": "兰州市 620100"})
    assert series.metric == "loans_total_fen" and series.kind == "fen"
    assert [(p.key, p.label, p.value) for p in series.points] == [
        ("620100", "兰州市 620100", 100),
        ("620500", "620500", 300),
    ]
    root = parse(draw(PAGES["credit"], chart, series, "贷款金额 Loan amount"))
    assert root.get("data-metric") == "loans_total_fen"
    assert root.get("data-metric-label") == "贷款金额 Loan amount"


def test_named_entries_null_values_and_absent_breakdowns() -> None:
    chart = Chart(
        "m", "用时", "Time", "stats", kind="minutes", breakdown="by_bank", metric="median_answer_minutes"
    )
    body = {
        "by_bank": {
            "b1": {"median_answer_minutes": None},
            "b2": {"median_answer_minutes": 90, "name": "陇银"},
        }
    }
    series = series_of(chart, body, {})
    assert [(p.key, p.label, p.value) for p in series.points] == [("b2", "陇银", 90)]
    assert series.kind == "minutes"
    gone = series_of(chart, {"products": 3}, {})
    assert gone.absent and gone.points == ()
    assert parse(draw(PAGES["match"], chart, gone)).get("data-absent") == "true"


def test_figures_and_counts() -> None:
    figures = Chart("f", "投递", "Delivery", "stats", ("deliveries.pending", "deliveries.failed", "absent"))
    series = series_of(figures, {"deliveries": {"pending": 2, "failed": 0}}, {"deliveries.pending": "待投递"})
    assert [(p.key, p.label, p.value) for p in series.points] == [
        ("deliveries.pending", "待投递", 2),
        ("deliveries.failed", "deliveries.failed", 0),
    ]
    counts = Chart("c", "类型", "Type", "products", breakdown="count:product_type")
    items = {
        "items": [{"product_type": "pure_credit"}, {"product_type": "ip"}, {"product_type": "pure_credit"}]
    }
    assert [(p.key, p.value) for p in series_of(counts, items, {}).points] == [("ip", 1), ("pure_credit", 2)]


def test_a_single_month_stands_in_the_middle_and_a_negative_one_below_zero() -> None:
    alone = parse(line_chart("按月 By month", [Point("2026-01", "2026-01", 7)], "count"))
    (dot,) = alone.findall("s:circle", NS)
    assert float(dot.get("cx", "")) == pytest.approx(WIDTH / 2)
    mixed = parse(line_chart("t", [Point("a", "a", 5), Point("b", "b", -5)], "fen"))
    baseline = mixed.find("s:line[@class='baseline']", NS)
    assert baseline is not None
    up, down = (float(d.get("cy", "")) for d in mixed.findall("s:circle", NS))
    assert up < float(baseline.get("y1", "")) < down
    assert "最高 max 0.05 元" in "".join(mixed.itertext())
