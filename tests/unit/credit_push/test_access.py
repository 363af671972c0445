"""rules/access.py: which answers and events carry non-public data, so the access log records them."""

from __future__ import annotations

import pytest

from services.credit_push.rules.access import what_event_carries, what_left


@pytest.mark.parametrize(
    ("rating", "tax_figure", "expected"),
    [
        ("A", None, None),  # the published A list: public
        ("A", 12_000_000, "tax_figure"),
        ("B", None, "rating"),
        ("M", None, "rating"),
        ("D", 0, "tax_figure"),  # a figure of 0 fen is still the figure
    ],
)
def test_what_an_answer_gives_away(rating: str, tax_figure: int | None, expected: str | None) -> None:
    assert what_left(rating, tax_figure) == expected


def test_a_published_event_carries_its_rating_and_figure() -> None:
    assert what_event_carries("credit.rating.published", {"rating": "B"}) == "rating"
    assert what_event_carries("credit.rating.published", {"rating": "A"}) is None
    data = {"rating": "A", "avg_annual_tax_fen": 500}
    assert what_event_carries("credit.rating.published", data) == "tax_figure"


def test_a_withdrawn_event_carries_nothing() -> None:
    data = {"rating": "B", "avg_annual_tax_fen": 500}
    assert what_event_carries("credit.rating.withdrawn", data) is None
