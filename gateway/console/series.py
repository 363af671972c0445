"""What a chart draws from its source's answer: the points and how their values read (pure).

A chart of figures (``paths``) has one bar per figure the answer carries; a breakdown chart one
per entry, in key order, of the figure ``metric`` (or the first known one an entry carries);
``count:<field>`` counts a list's items per value of ``field``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from gateway.console.model import Chart, Kind
from gateway.console.svg import Point

# The figure a breakdown chart draws when it names none: the first of these an entry carries.
METRICS = (
    "loans_total_fen",
    "outstanding_share_fen",
    "guaranteed_fen",
    "active_principal_fen",
    "outstanding_fen",
    "demands",
    "enterprises_pushed",
    "loans_count",
    "active_exposures",
)


@dataclass(frozen=True)
class Series:
    points: tuple[Point, ...]
    kind: Kind
    # The figure of each breakdown entry drawn ("" for figures and counts).
    metric: str = ""
    # The answer has no such breakdown at all (a service older than the chart).
    absent: bool = False


def dig(body: Any, path: str) -> Any:
    """The member at a dotted ``path`` (``deliveries.pending``), or None."""
    at = body
    for part in path.split("."):
        at = at.get(part) if isinstance(at, Mapping) else None
    return at


def is_number(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def kind_of(key: str) -> Kind:
    """How a field reads, by its name's ending (``_fen`` money, ``_bp`` a ratio)."""
    if key.endswith("_fen"):
        return "fen"
    if key.endswith("_bp"):
        return "bp"
    return "minutes" if key.endswith("_minutes") else "count"


def series_of(chart: Chart, body: Mapping[str, Any], labels: Mapping[str, str]) -> Series:
    if not chart.breakdown:
        return _figures(chart, body, labels)
    if chart.breakdown.startswith("count:"):
        return _counts(chart.breakdown.removeprefix("count:"), body, labels)
    return _breakdown(chart, body, labels)


def _figures(chart: Chart, body: Mapping[str, Any], labels: Mapping[str, str]) -> Series:
    found = ((path, dig(body, path)) for path in chart.paths)
    points = tuple(Point(path, labels.get(path, path), value) for path, value in found if is_number(value))
    return Series(points, chart.kind)


def _counts(field: str, body: Mapping[str, Any], labels: Mapping[str, str]) -> Series:
    items = body.get("items")
    if not isinstance(items, list):
        return Series((), "count", absent=True)
    counts = Counter(str(item.get(field)) for item in items if isinstance(item, Mapping))
    points = tuple(Point(key, labels.get(key, key), counts[key]) for key in sorted(counts))
    return Series(points, "count")


def _breakdown(chart: Chart, body: Mapping[str, Any], labels: Mapping[str, str]) -> Series:
    found = body.get(chart.breakdown)
    if not isinstance(found, Mapping):
        return Series((), chart.kind, absent=True)
    entries = sorted(found.items())
    metric = chart.metric or _metric_of(entries)
    points = []
    for key, entry in entries:
        value = entry if is_number(entry) else dig(entry, metric) if metric else None
        if is_number(value):
            points.append(Point(key, _label(chart.breakdown, key, entry, labels), value))
    kind = chart.kind if chart.metric else kind_of(metric) if metric else "count"
    return Series(tuple(points), kind, metric)


def _label(breakdown: str, key: str, entry: Any, labels: Mapping[str, str]) -> str:
    # An entry that carries a name (a programme, a pool) is labelled by it rather than by its id.
    if isinstance(entry, Mapping) and entry.get("name"):
        return str(entry["name"])
    return key if breakdown == "by_month" else labels.get(key, key)


def _metric_of(entries: list[tuple[str, Any]]) -> str:
    first = next((entry for _, entry in entries if isinstance(entry, Mapping)), None)
    if first is None:
        return ""
    numeric = [key for key, value in first.items() if is_number(value)]
    return next((metric for metric in METRICS if metric in numeric), numeric[0] if numeric else "")
