"""Figures as CSV (CONTRACT §1 "Statistics": with ``Accept: text/csv``, a header row, then one row
per breakdown entry). Domain-free: nested answers are flattened to dotted column names."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

CSV_MEDIA_TYPE = "text/csv"


def wants_csv(accept: str | None) -> bool:
    """Whether an Accept header asks for CSV (before JSON, when it names both)."""
    types = [part.split(";")[0].strip().lower() for part in (accept or "").split(",")]
    return CSV_MEDIA_TYPE in types and (
        "application/json" not in types or types.index(CSV_MEDIA_TYPE) < types.index("application/json")
    )


def flatten(figures: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"tiers": {"local": {"x": 1}}}`` -> ``{"tiers.local.x": 1}``; lists and scalars stay as they are."""
    flat: dict[str, Any] = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def render(rows: Sequence[Mapping[str, Any]]) -> str:
    """A header row (the union of the rows' keys, in first-seen order), then one line per row;
    a missing or None value is an empty cell."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return out.getvalue()


def breakdown_rows(
    figures: Mapping[str, Any], breakdowns: Mapping[str, str], heading: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """The overall row (``breakdown`` ``all``), then one row per entry of each breakdown member
    (``{"region": "by_region"}``: a row per key of ``figures["by_region"]``), same columns.
    ``heading`` (the period, the scope) starts every row; nested figures are flattened."""
    start = {"breakdown": "all", "key": "", **heading}
    overall = {k: v for k, v in figures.items() if k not in breakdowns.values() and k not in heading}
    rows = [{**start, **flatten(overall)}]
    for kind, member in breakdowns.items():
        for key, part in (figures.get(member) or {}).items():
            values = flatten(part) if isinstance(part, Mapping) else {"value": part}
            rows.append({**start, "breakdown": kind, "key": key, **values})
    return rows


def response_body(rows: Sequence[Mapping[str, Any]]) -> tuple[str, str]:
    """The CSV text and its media type, as a figure endpoint answers ``Accept: text/csv``."""
    return render(rows), f"{CSV_MEDIA_TYPE}; charset=utf-8"
