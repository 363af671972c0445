"""The console's charts as SVG text, drawn on the server (pure: no I/O).

A bar chart (one bar per label, the value beside it, an optional target line) and a line chart
(one point per month). Every text is escaped; the picture scales by its viewBox, from a phone to a
1280 px screen. Each bar or point carries ``data-key`` and ``data-value``: the API's own integer.
Colours are presentation attributes, so a chart looks the same opened on its own; the console's
stylesheet may restyle the classes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from gateway.console.model import Kind

WIDTH = 320
FONT = 12
ROW = 36
BAR = 12
LINE_HEIGHT = 190
MARGIN = 14
NO_DATA = "无数据 No data"
INK, MUTED, BAR_FILL, WARN, RULE = "#1d2733", "#5d6b7a", "#2f7ec9", "#a33a00", "#d9dee4"
FONTS = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, system-ui, sans-serif"


@dataclass(frozen=True)
class Point:
    """One bar or point: ``key`` is its place in the answer (a 市州 code, a month, a path)."""

    key: str
    label: str
    value: int


def format_value(value: int | None, kind: Kind) -> str:
    """As the console shows it: fen as 元, bp as a percentage, minutes as hours, counts grouped."""
    if value is None:
        return "—"
    if kind == "text":
        return str(value)
    sign = "-" if value < 0 else ""
    whole, part = divmod(abs(value), 100)
    if kind == "fen":
        return f"{sign}{whole:,}.{part:02d} 元"
    if kind == "bp":
        return f"{sign}{whole}.{part:02d}%"
    if kind == "minutes":
        if value < 60:
            return f"{value} 分钟 min"
        return f"{value // 60:,} 小时 h {value % 60} 分 min"
    return f"{sign}{abs(value):,}"


def text_width(text: str) -> float:
    """About how wide ``text`` is at the chart's font size: a CJK character is square, others
    a little over half of one."""
    return sum(FONT if ord(char) > 0x2E7F else FONT * 0.56 for char in text)


def _fit(text: str, room: float) -> str:
    """``text`` cut with an ellipsis to about ``room`` wide (the whole label stays in the title)."""
    if text_width(text) <= room:
        return text
    while text and text_width(text + "…") > room:
        text = text[:-1]
    return text + "…"


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _attrs(attrs: Mapping[str, object]) -> str:
    return "".join(f' {name}="{escape(str(value), quote=True)}"' for name, value in attrs.items())


def _el(name: str, attrs: Mapping[str, object], inner: str = "") -> str:
    return f"<{name}{_attrs(attrs)}>{inner}</{name}>"


def _text(x: float, y: float, content: str, cls: str, **attrs: object) -> str:
    fill = INK if cls == "amount" else MUTED
    return _el("text", {"x": _num(x), "y": _num(y), "class": cls, "fill": fill, **attrs}, escape(content))


def _svg(title: str, height: int, body: str, attrs: Mapping[str, str], points: int) -> str:
    root = {
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": f"0 0 {WIDTH} {height}",
        "width": "100%",
        "role": "img",
        "aria-label": title,
        "font-family": FONTS,
        "font-size": FONT,
        "data-points": points,
        **attrs,
    }
    return f"<svg{_attrs(root)}><title>{escape(title)}</title>{body}</svg>"


def no_data(title: str, attrs: Mapping[str, str] | None = None) -> str:
    """A chart with nothing to draw says so, rather than showing an empty frame."""
    message = _text(WIDTH / 2, 34, NO_DATA, "axis", **{"text-anchor": "middle"})
    return _svg(f"{title}: {NO_DATA}", 56, message, attrs or {}, 0)


def _tip(point: Point, kind: Kind) -> str:
    return f"<title>{escape(point.label)}: {escape(format_value(point.value, kind))}</title>"


def bar_chart(
    title: str,
    points: Sequence[Point],
    kind: Kind,
    target_bp: int | None = None,
    attrs: Mapping[str, str] | None = None,
) -> str:
    """Horizontal bars from a zero line (left of it for a negative value), each label above its bar
    and its value at the right; ``target_bp`` draws a dashed target line with its value."""
    if not points:
        return no_data(title, attrs)
    low = min(0, *(p.value for p in points))
    high = max(0, target_bp or 0, *(p.value for p in points))
    if target_bp is not None:
        # Room right of the target line, so it never runs through the values at the right edge.
        high = high * 5 // 4
    scale = (WIDTH - 2 * MARGIN) / ((high - low) or 1)
    zero = MARGIN - low * scale
    rows = [_bar_row(index, point, kind, zero, scale) for index, point in enumerate(points)]
    height = len(points) * ROW + (30 if target_bp is not None else 8)
    if target_bp is not None:
        rows.append(_target(zero + target_bp * scale, height, target_bp))
    return _svg(title, height, "".join(rows), attrs or {}, len(points))


def _bar_row(index: int, point: Point, kind: Kind, zero: float, scale: float) -> str:
    top = index * ROW + 4
    amount = format_value(point.value, kind)
    label_room = WIDTH - 2 * MARGIN - text_width(amount) - 8
    length = abs(point.value) * scale
    bar = {
        "x": _num(zero - length if point.value < 0 else zero),
        "y": top + 17,
        "width": _num(length),
        "height": BAR,
        "class": "bar negative" if point.value < 0 else "bar",
        "fill": WARN if point.value < 0 else BAR_FILL,
        "data-key": point.key,
        "data-value": point.value,
    }
    return (
        _text(MARGIN, top + 12, _fit(point.label, label_room), "axis")
        + _text(WIDTH - MARGIN, top + 12, amount, "amount", **{"text-anchor": "end"})
        + _el("rect", bar, _tip(point, kind))
    )


def _target(x: float, height: int, target_bp: int) -> str:
    line = {"x1": _num(x), "x2": _num(x), "y1": 0, "y2": height - 18, "class": "target"}
    line.update({"stroke": WARN, "stroke-width": 2, "stroke-dasharray": "4 3"})
    label = f"目标 target {format_value(target_bp, 'bp')}"
    # The label sits beside the line, on the side where it fits.
    right = x + 4 + text_width(label) <= WIDTH
    anchor = {"text-anchor": "start" if right else "end"}
    return _el("line", line) + _text(x + 4 if right else x - 4, height - 6, label, "axis", **anchor)


def line_chart(
    title: str, points: Sequence[Point], kind: Kind, attrs: Mapping[str, str] | None = None
) -> str:
    """A line through one point per month, in the order given, the highest value named at the top
    and the months along the bottom (as many as fit without overlapping)."""
    if not points:
        return no_data(title, attrs)
    y_of = _y_scale([p.value for p in points])
    spots = [(_x_of(index, len(points)), y_of(point.value)) for index, point in enumerate(points)]
    zero_y = y_of(0)
    baseline = {"x1": MARGIN, "x2": WIDTH - MARGIN, "y1": _num(zero_y), "y2": _num(zero_y)}
    line = {"points": " ".join(f"{_num(x)},{_num(y)}" for x, y in spots), "class": "line"}
    highest = format_value(max(p.value for p in points), kind)
    parts = [
        _el("line", {**baseline, "class": "baseline", "stroke": RULE}),
        _el("polyline", {**line, "fill": "none", "stroke": BAR_FILL, "stroke-width": 2}),
        _text(MARGIN, 14, f"最高 max {highest}", "axis"),
    ]
    every = -(-len(points) // int((WIDTH - 2 * MARGIN) // 64))
    for index, (point, (x, y)) in enumerate(zip(points, spots, strict=True)):
        dot = {"cx": _num(x), "cy": _num(y), "r": 4, "class": "dot", "fill": BAR_FILL}
        parts.append(
            _el("circle", {**dot, "data-key": point.key, "data-value": point.value}, _tip(point, kind))
        )
        if index % every == 0:
            parts.append(_month(x, point.label, index, len(points)))
    return _svg(title, LINE_HEIGHT, "".join(parts), attrs or {}, len(points))


def _y_scale(values: Sequence[int]) -> Callable[[int], float]:
    """Where a value stands: the range runs from zero (or the lowest value) up to the highest."""
    top, bottom = 26, 34
    low, high = min(0, *values), max(1, *values)
    scale = (LINE_HEIGHT - top - bottom) / (high - low)
    return lambda value: top + (high - value) * scale


def _x_of(index: int, count: int) -> float:
    """Points spread evenly across the width; a single one stands in the middle."""
    if count == 1:
        return WIDTH / 2
    return MARGIN + index * (WIDTH - 2 * MARGIN) / (count - 1)


def _month(x: float, label: str, index: int, count: int) -> str:
    # The first and last labels are anchored inward so they are never cut at the edge.
    anchor = "start" if index == 0 and count > 1 else "end" if index == count - 1 and count > 1 else "middle"
    return _text(x, LINE_HEIGHT - 12, label, "axis", **{"text-anchor": anchor})
