"""GB/T 2260 region and GB/T 4754-2017 industry code checks."""

from __future__ import annotations

import pytest

from services.loan_match.rules.codes import GANSU_PREFECTURES, industry_problem, region_covers, region_problem


def test_gansu_has_14_prefectures() -> None:
    assert len(GANSU_PREFECTURES) == 14


@pytest.mark.parametrize(
    "code", ["620000", "620100", "620102", "622900", "623001", "110000", "440300", "650100"]
)
def test_valid_regions(code: str) -> None:
    assert region_problem(code) is None


@pytest.mark.parametrize(
    "code",
    ["62010", "6201000", "62A100", "990000", "000000", "621300", "622100", "622600", "620012", " 62010"],
)
def test_invalid_regions(code: str) -> None:
    assert region_problem(code) is not None


@pytest.mark.parametrize(
    ("product", "enterprise", "covers"),
    [
        ("620000", "620102", True),
        ("620000", "610102", False),
        ("620100", "620102", True),
        ("620100", "620202", False),
        ("620102", "620102", True),
        ("620102", "620103", False),
    ],
)
def test_region_coverage(product: str, enterprise: str, covers: bool) -> None:
    assert region_covers(product, enterprise) is covers


@pytest.mark.parametrize("code", ["A", "C", "C13", "C131", "C1311", "A05", "T97", "I65", "K7010", "S96"])
def test_valid_industry_codes(code: str) -> None:
    assert industry_problem(code) is None


@pytest.mark.parametrize(
    "code",
    ["U", "c13", "C1", "C12", "A06", "B05", "C44", "T98", "I66", "C13111", "13", "", "CC13", "K71"],
)
def test_invalid_industry_codes(code: str) -> None:
    assert industry_problem(code) is not None
