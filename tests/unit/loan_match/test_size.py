"""工信部联企业〔2011〕300号 size classification: every boundary of every row (domain-facts §5.2)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from services.loan_match.rules.size import (
    FEN_PER_WAN,
    ROWS,
    Bounds,
    Figures,
    IndustryOutsideScope,
    IndustryTooCoarse,
    classify,
    format_wan,
    outside_scope,
    row_for,
)

# One real GB/T 4754-2017 code per row.
CODE_OF_ROW = {
    "农、林、牧、渔业": "A0111",
    "工业": "C1311",
    "建筑业": "E4710",
    "批发业": "F5111",
    "零售业": "F5211",
    "交通运输业": "G5411",
    "仓储业": "G5920",
    "邮政业": "G6010",
    "住宿业": "H6110",
    "餐饮业": "H6210",
    "信息传输业": "I6311",
    "软件和信息技术服务业": "I6510",
    "房地产开发经营": "K7010",
    "物业管理": "K7020",
    "租赁和商务服务业": "L7111",
    "其他未列明行业": "M7310",
}
HUGE = Figures(employees=10**7, revenue_fen=10**14, total_assets_fen=10**14)
LOWER = {"large": "medium", "medium": "small", "small": "micro"}


def test_every_row_has_a_code() -> None:
    assert set(CODE_OF_ROW) == set(ROWS)
    for name, code in CODE_OF_ROW.items():
        assert row_for(code).name == name


def _with(figures: Figures, bounds: Bounds, value: int) -> Figures:
    if bounds.indicator == "employees":
        return replace(figures, employees=value)
    if bounds.indicator == "revenue":
        return replace(figures, revenue_fen=value)
    return replace(figures, total_assets_fen=value)


CASES = [
    pytest.param(row.name, bounds, tier, id=f"{row.name}-{bounds.indicator}-{tier}")
    for row in ROWS.values()
    for bounds in row.bounds
    for tier in ("large", "medium", "small")
]


@pytest.mark.parametrize(("row_name", "bounds", "tier"), CASES)
def test_boundary_of_each_indicator(row_name: str, bounds: Bounds, tier: str) -> None:
    """At the lower bound the enterprise is in the tier; one unit below, one tier down."""
    unit = 1 if bounds.indicator == "employees" else FEN_PER_WAN
    at_bound = bounds.lower_bound(tier) * unit  # type: ignore[arg-type]
    code = CODE_OF_ROW[row_name]
    assert classify(code, _with(HUGE, bounds, at_bound)).size == tier
    # One person, or one fen, short of the bound.
    assert classify(code, _with(HUGE, bounds, at_bound - 1)).size == LOWER[tier]


def test_every_lower_bound_is_needed() -> None:
    """工业: 1000 staff but 1999万元 revenue is not large, nor medium: small."""
    figures = Figures(employees=1000, revenue_fen=1999 * FEN_PER_WAN, total_assets_fen=0)
    assert classify("C1311", figures).size == "small"


def test_any_indicator_below_small_is_micro() -> None:
    figures = Figures(employees=19, revenue_fen=40000 * FEN_PER_WAN, total_assets_fen=0)
    assert classify("C1311", figures).size == "micro"


def test_software_small_bound_is_50_wan() -> None:
    figures = Figures(employees=10, revenue_fen=50 * FEN_PER_WAN, total_assets_fen=0)
    assert classify("I6510", figures).size == "small"


def test_indicators_not_in_the_row_are_ignored() -> None:
    """农林牧渔 uses revenue only: no staff and no assets does not make it micro."""
    figures = Figures(employees=0, revenue_fen=500 * FEN_PER_WAN, total_assets_fen=0)
    assert classify("A0111", figures).size == "medium"


@pytest.mark.parametrize(
    ("code", "row"),
    [
        ("A", "农、林、牧、渔业"),
        ("A0511", "农、林、牧、渔业"),  # A05 support services stay in the section's row
        ("B0610", "工业"),
        ("D4411", "工业"),
        ("E", "建筑业"),
        ("G54", "交通运输业"),
        ("G5411", "交通运输业"),
        ("G55", "交通运输业"),
        ("G56", "交通运输业"),
        ("G57", "交通运输业"),
        ("G58", "交通运输业"),
        ("G5810", "交通运输业"),
        ("G591", "交通运输业"),  # 装卸搬运: in G58 under GB/T 4754-2011
        ("G5910", "交通运输业"),
        ("G592", "仓储业"),
        ("G5920", "仓储业"),
        ("G5941", "仓储业"),
        ("G599", "仓储业"),
        ("G60", "邮政业"),
        ("I64", "信息传输业"),
        ("K7030", "其他未列明行业"),
        ("K709", "其他未列明行业"),
        ("K701", "房地产开发经营"),
        ("L72", "租赁和商务服务业"),
        ("T9700", "其他未列明行业"),
    ],
)
def test_code_to_row(code: str, row: str) -> None:
    assert row_for(code).name == row


@pytest.mark.parametrize("code", ["F", "G", "G59", "H", "I", "K", "K70"])
def test_codes_too_coarse_for_a_row(code: str) -> None:
    with pytest.raises(IndustryTooCoarse):
        row_for(code)


def test_g59_too_coarse_names_both_rows() -> None:
    with pytest.raises(IndustryTooCoarse, match="G591") as refused:
        row_for("G59")
    assert "仓储业" in str(refused.value) and "交通运输业" in str(refused.value)


@pytest.mark.parametrize(
    "code", ["J", "J66", "J662", "J6621", "J68", "J6911", "G53", "G531", "G5311", "G5320", "K704", "K7040"]
)
def test_finance_railway_and_own_property_are_outside_300(code: str) -> None:
    why = outside_scope(code)
    assert why is not None and code in why and "300号" in why
    expected = {"J": ("金融业", "309号"), "G": ("铁路运输",), "K": ("自有房地产经营活动", "2017")}
    assert all(word in why for word in expected[code[0]]), why
    with pytest.raises(IndustryOutsideScope):
        row_for(code)
    with pytest.raises(IndustryOutsideScope):
        classify(code, HUGE)


@pytest.mark.parametrize(
    "code", ["G54", "G5411", "G58", "G591", "G60", "K7010", "K7030", "K7090", "I6510", "C1311", "L7111"]
)
def test_neighbours_of_the_excluded_codes_are_in_scope(code: str) -> None:
    assert outside_scope(code) is None


def test_g591_sizes_with_the_transport_thresholds() -> None:
    # 交通运输业 small: X ≥ 20 and Y ≥ 200万; 仓储业 small needs Y ≥ 100万 only, medium X ≥ 100.
    figures = Figures(employees=150, revenue_fen=1500 * FEN_PER_WAN, total_assets_fen=0)
    assert classify("G5910", figures).size == "small"
    assert classify("G5920", figures).size == "medium"
    loader = classify("G5910", Figures(employees=300, revenue_fen=3000 * FEN_PER_WAN, total_assets_fen=0))
    assert loader.size == "medium" and loader.row == "交通运输业"


def test_size_basis_names_row_figures_and_rule() -> None:
    figures = Figures(employees=50, revenue_fen=3_500_000, total_assets_fen=0)
    result = classify("C1311", figures)
    assert result.size == "micro"
    assert "工信部联企业〔2011〕300号" in result.basis
    assert "row 工业" in result.basis
    assert "从业人员 50人" in result.basis
    assert "营业收入 3.5万元" in result.basis
    assert "below the small lower bound" in result.basis


def test_large_basis() -> None:
    result = classify("C1311", HUGE)
    assert result.size == "large"
    assert "every large lower bound is met" in result.basis


@pytest.mark.parametrize(
    ("fen", "text"), [(0, "0万元"), (1, "0.000001万元"), (3_500_000, "3.5万元"), (50 * FEN_PER_WAN, "50万元")]
)
def test_format_wan(fen: int, text: str) -> None:
    assert format_wan(fen) == text
