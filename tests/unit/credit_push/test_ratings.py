"""rules/ratings.py: item validation and the batch plan of a ratings upload."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.credit_push.rules.ratings import RatingItem, StoredRating, parse_batch, parse_item, plan_batch
from tests.support.api import make_uscc

LEVELS = ("A", "B", "M", "C", "D")
USCC = make_uscc()


def good(**overrides: Any) -> dict[str, Any]:
    return {"uscc": USCC, "name": "兰州某某有限公司", "rating": "A", "year": 2024, **overrides}


def test_a_valid_item_is_normalised() -> None:
    parsed = parse_item(good(uscc=USCC.lower(), rating="b", name="  x  "), 2026)
    assert parsed == RatingItem(USCC, "x", "B", 2024, None, None)


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"uscc": USCC[:-1] + ("0" if USCC[-1] != "0" else "1")}, "check character"),
        ({"uscc": "123"}, "18 characters"),
        ({"uscc": 12}, "uscc"),
        ({"rating": "E"}, "unknown level"),
        ({"rating": None}, "unknown level"),
        ({"year": 2013}, "before 2014"),
        ({"year": 2026}, "not evaluated yet"),
        ({"year": 2027}, "not evaluated yet"),
        ({"year": "2024"}, "evaluation year"),
        ({"year": True}, "evaluation year"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"region_code": "62010"}, "region_code"),
        ({"avg_annual_tax_fen": -1}, "avg_annual_tax_fen"),
        ({"avg_annual_tax_fen": 1.5}, "avg_annual_tax_fen"),
        ({"avg_annual_tax_fen": True}, "avg_annual_tax_fen"),
        ({"colour": "red"}, "unknown fields"),
    ],
)
def test_an_invalid_item_gives_a_reason(overrides: dict[str, Any], reason: str) -> None:
    parsed = parse_item(good(**overrides), 2026)
    assert isinstance(parsed, str)
    assert reason in parsed


def test_not_an_object_is_rejected() -> None:
    assert parse_item(["A"], 2026) == "item must be an object"


def test_a_second_item_for_the_same_year_is_rejected_naming_the_first() -> None:
    valid, rejected = parse_batch([good(), good(rating="B"), good(year=2023), "x"], 2026)
    assert [v.year for v in valid] == [2024, 2023]
    assert [(r.index, r.uscc) for r in rejected] == [(1, USCC), (3, None)]
    assert "item 0" in rejected[0].detail


@given(
    st.lists(st.sampled_from([good(), good(year=2023), good(rating="Q"), 3, good(year=2099)]), max_size=30)
)
def test_every_item_is_accounted_for(items: list[Any]) -> None:
    valid, rejected = parse_batch(items, 2026)
    assert len(valid) + len(rejected) == len(items)
    assert sorted(r.index for r in rejected) == [r.index for r in rejected]


def stored(year: int = 2024, version: int = 1, **kw: Any) -> StoredRating:
    values: dict[str, Any] = {"name": "n", "rating": "A", "region_code": None, "avg_annual_tax_fen": 100}
    values.update(kw)
    return StoredRating(
        USCC,
        year,
        values["name"],
        values["rating"],
        values["region_code"],
        values["avg_annual_tax_fen"],
        version,
    )


def test_identical_reupload_is_unchanged_and_a_change_bumps_the_version() -> None:
    before = stored(version=3)
    same = RatingItem(USCC, "n", "A", 2024, None, 100)
    adjusted = RatingItem(USCC, "n", "A", 2024, None, 200)
    assert plan_batch([same], {(USCC, 2024): before}, {USCC: 3}).unchanged == 1
    plan = plan_batch([adjusted], {(USCC, 2024): before}, {USCC: 3})
    assert [(r.version, r.avg_annual_tax_fen) for r in plan.changed] == [(4, 200)]


@given(st.lists(st.tuples(st.integers(2014, 2026), st.sampled_from(LEVELS)), max_size=12), st.integers(0, 50))
def test_versions_of_an_enterprise_only_grow(changes: list[tuple[int, str]], last: int) -> None:
    items = {year: RatingItem(USCC, "n", level, year, None, None) for year, level in changes}
    plan = plan_batch(list(items.values()), {}, {USCC: last} if last else {})
    versions = [r.version for r in plan.changed]
    assert versions == list(range(last + 1, last + 1 + len(items)))
    assert len(plan.changed) + plan.unchanged == len(items)


@given(st.integers(1990, 2100), st.integers(2015, 2100))
def test_an_item_is_accepted_only_for_a_published_evaluation_year(year: int, this_year: int) -> None:
    """2014 to the previous calendar year (year Y is published from April of Y+1), else rejected."""
    parsed = parse_item(good(year=year), this_year)
    assert isinstance(parsed, RatingItem) == (2014 <= year < this_year)
