"""kit.csv: figures as CSV (CONTRACT §1 "Statistics")."""

from __future__ import annotations

import csv
import io

from kit.csv import flatten, render, wants_csv


def test_wants_csv_only_when_asked_before_json() -> None:
    assert wants_csv("text/csv")
    assert wants_csv("text/csv; charset=utf-8, application/json;q=0.5")
    assert not wants_csv(None)
    assert not wants_csv("application/json, text/csv")
    assert not wants_csv("*/*")


def test_flatten_names_nested_figures_with_dots() -> None:
    assert flatten({"a": 1, "t": {"x": {"y": 2}, "z": None}}) == {"a": 1, "t.x.y": 2, "t.z": None}


def test_render_a_header_then_one_line_per_row() -> None:
    text = render([{"region": "all", "n": 3, "note": None}, {"region": "620100", "n": 1, "extra": "a,b"}])
    assert text.splitlines()[0] == "region,n,note,extra"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1:] == [["all", "3", "", ""], ["620100", "1", "", "a,b"]]
