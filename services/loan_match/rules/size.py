"""Enterprise size by 工信部联企业〔2011〕300号 《中小企业划型标准规定》 (domain-facts §5).

The statistics office's 2017 table (国统字〔2017〕213号) has the same numbers. Rule (§5.1):
large, medium and small need *every* listed lower bound of the industry row met, else
the enterprise steps down a class; micro is any indicator below the small bound.

Indicators: X employees (从业人员, 人), Y operating revenue (营业收入) and Z total assets
(资产总额), both in 万元. We hold money in fen: 1 万元 = 10,000 元 = 1,000,000 fen, and
compare in fen, so no rounding happens anywhere.

GB/T 4754-2017 codes map to rows as follows (see :func:`row_for`):

* A (including A05, the 农林牧渔 support services: the 2017 table maps the row to the
  whole section) → 农、林、牧、渔业
* B, C, D → 工业; E → 建筑业; F51 → 批发业; F52 → 零售业
* G54–G58 and G591 装卸搬运 → 交通运输业 (装卸搬运 was in G58 under GB/T 4754-2011, the
  classification 300号's rows were written against); the rest of G59 → 仓储业; G60 → 邮政业.
* H61 → 住宿业; H62 → 餐饮业; I63, I64 → 信息传输业; I65 → 软件和信息技术服务业
* K701x → 房地产开发经营; K702x → 物业管理; K703 中介 and K709 其他房地产业 → 其他未列明行业,
  which the 2017 statistics note (国统字〔2017〕213号, 附表注) defines as including 房地产中介服务
  and 其他房地产业 but *not* 自有房地产经营活动 (K704, 房地产租赁经营 in GB/T 4754-2017): no row
  covers K704, so it is outside the standard's scope (below).
* L → 租赁和商务服务业; every other section → 其他未列明行业.

Outside 300号's scope (:func:`outside_scope`, domain-facts §9): section J 金融业, which is sized
by 《金融业企业划型标准规定》 (银发〔2015〕309号), and G53 铁路运输, which the 交通运输业 row
excludes; and K704 自有房地产经营活动, which the 2017 note leaves out of 其他未列明行业 and no other
row names. Such a profile is refused rather than sized by a row that was never meant for it.

A code too coarse to choose a row (``F``, ``G``, ``G59``, ``H``, ``I``, ``K``, ``K70``)
is refused by :func:`row_for` with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FEN_PER_WAN = 1_000_000

Size = Literal["large", "medium", "small", "micro"]
Indicator = Literal["employees", "revenue", "assets"]

SIZE_NAMES: dict[str, str] = {"large": "大型", "medium": "中型", "small": "小型", "micro": "微型"}
INDICATOR_NAMES: dict[Indicator, str] = {
    "employees": "从业人员",
    "revenue": "营业收入",
    "assets": "资产总额",
}


@dataclass(frozen=True)
class Bounds:
    """Lower bounds of one indicator for large, medium and small (人 or 万元)."""

    indicator: Indicator
    large: int
    medium: int
    small: int

    def lower_bound(self, size: Size) -> int:
        value: int = getattr(self, size)
        return value


@dataclass(frozen=True)
class Row:
    name: str
    bounds: tuple[Bounds, ...]


def _x(large: int, medium: int, small: int) -> Bounds:
    return Bounds("employees", large, medium, small)


def _y(large: int, medium: int, small: int) -> Bounds:
    return Bounds("revenue", large, medium, small)


def _z(large: int, medium: int, small: int) -> Bounds:
    return Bounds("assets", large, medium, small)


# domain-facts §5.2, row by row (Y and Z in 万元).
ROWS: dict[str, Row] = {
    row.name: row
    for row in (
        Row("农、林、牧、渔业", (_y(20000, 500, 50),)),
        Row("工业", (_x(1000, 300, 20), _y(40000, 2000, 300))),
        Row("建筑业", (_y(80000, 6000, 300), _z(80000, 5000, 300))),
        Row("批发业", (_x(200, 20, 5), _y(40000, 5000, 1000))),
        Row("零售业", (_x(300, 50, 10), _y(20000, 500, 100))),
        Row("交通运输业", (_x(1000, 300, 20), _y(30000, 3000, 200))),
        Row("仓储业", (_x(200, 100, 20), _y(30000, 1000, 100))),
        Row("邮政业", (_x(1000, 300, 20), _y(30000, 2000, 100))),
        Row("住宿业", (_x(300, 100, 10), _y(10000, 2000, 100))),
        Row("餐饮业", (_x(300, 100, 10), _y(10000, 2000, 100))),
        Row("信息传输业", (_x(2000, 100, 10), _y(100000, 1000, 100))),
        Row("软件和信息技术服务业", (_x(300, 100, 10), _y(10000, 1000, 50))),
        Row("房地产开发经营", (_y(200000, 1000, 100), _z(10000, 5000, 2000))),
        Row("物业管理", (_x(1000, 300, 100), _y(5000, 1000, 500))),
        Row("租赁和商务服务业", (_x(300, 100, 10), _z(120000, 8000, 100))),
        Row("其他未列明行业", (_x(300, 100, 10),)),
    )
}

OTHER = "其他未列明行业"
_BY_SECTION = {"A": "农、林、牧、渔业", "B": "工业", "C": "工业", "D": "工业", "E": "建筑业"}
_BY_DIVISION = {
    "F51": "批发业",
    "F52": "零售业",
    **{f"G{d}": "交通运输业" for d in range(54, 59)},
    "G60": "邮政业",
    "H61": "住宿业",
    "H62": "餐饮业",
    "I63": "信息传输业",
    "I64": "信息传输业",
    "I65": "软件和信息技术服务业",
    "L71": "租赁和商务服务业",
    "L72": "租赁和商务服务业",
}
_BY_GROUP = {"K701": "房地产开发经营", "K702": "物业管理"}
# G59 装卸搬运和仓储业 splits by group: G591 装卸搬运 sizes as transport (domain-facts §9).
_G59_GROUPS = {"G591": "交通运输业"}


class IndustryOutsideScope(ValueError):
    """The industry is not one 300号 sizes at all."""


# Why a GB/T 4754-2017 prefix is outside 300号 (domain-facts §9).
_OUTSIDE_SCOPE = {
    "J": (
        "section J (金融业): financial enterprises are sized by 《金融业企业划型标准规定》 "
        "(银发〔2015〕309号), not by 工信部联企业〔2011〕300号"
    ),
    "G53": (
        "group G53 (铁路运输): railway transport is outside 工信部联企业〔2011〕300号, whose "
        "交通运输业 row excludes it"
    ),
    "K704": (
        "group K704 (自有房地产经营活动, 房地产租赁经营): the 2017 statistics note (国统字〔2017〕213号) "
        "leaves it out of 其他未列明行业 and no other row of 工信部联企业〔2011〕300号 covers it"
    ),
}


def outside_scope(industry_code: str) -> str | None:
    """Why 300号 does not size an enterprise of ``industry_code``, or None when it does."""
    for prefix, why in _OUTSIDE_SCOPE.items():
        if industry_code.startswith(prefix):
            return f"{industry_code} is in {why}"
    return None


_NEEDS_DIVISION = {"F", "G", "H", "I"}


class IndustryTooCoarse(ValueError):
    """The industry code does not say enough to choose a 300号 row."""


# What to send instead of a code too coarse to choose a row: the finer codes and their rows.
_FINER_CODES = {
    "F": "F51 (批发业) or F52 (零售业)",
    "G": "G54-G58 or G591 (交通运输业), G592-G599 (仓储业) or G60 (邮政业); G53 railway is outside 300号",
    "H": "H61 (住宿业) or H62 (餐饮业)",
    "I": "I63 or I64 (信息传输业), or I65 (软件和信息技术服务业)",
    "K": "K701 (房地产开发经营), K702 (物业管理), K703 or K709 (其他未列明行业); K704 is outside 300号",
}


def _too_coarse(industry_code: str) -> IndustryTooCoarse:
    section = industry_code[0]
    return IndustryTooCoarse(
        f"{industry_code} spans several rows of the 300号 size standard; send the enterprise's "
        f"full code (e.g. from its business licence) or at least {_FINER_CODES[section]}"
    )


def row_for(industry_code: str) -> Row:
    """The 300号 row of a (valid) GB/T 4754-2017 code; IndustryTooCoarse when it cannot tell,
    IndustryOutsideScope when 300号 does not size the industry."""
    why = outside_scope(industry_code)
    if why is not None:
        raise IndustryOutsideScope(why)
    section = industry_code[0]
    if industry_code.startswith("G59"):
        return _g59_row(industry_code)
    if section in _BY_SECTION:
        return ROWS[_BY_SECTION[section]]
    if section == "L":
        return ROWS["租赁和商务服务业"]
    if section in _NEEDS_DIVISION:
        if len(industry_code) < 3:
            raise _too_coarse(industry_code)
        return ROWS[_BY_DIVISION.get(industry_code[:3], OTHER)]
    if section == "K":
        if len(industry_code) < 4:
            raise _too_coarse(industry_code)
        return ROWS[_BY_GROUP.get(industry_code[:4], OTHER)]
    return ROWS[OTHER]


def _g59_row(industry_code: str) -> Row:
    if len(industry_code) < 4:
        raise IndustryTooCoarse(
            f"{industry_code} spans several rows of the 300号 size standard; send at least "
            "G591 (装卸搬运: 交通运输业) or G592-G599 (仓储业)"
        )
    return ROWS[_G59_GROUPS.get(industry_code[:4], "仓储业")]


@dataclass(frozen=True)
class Figures:
    employees: int
    revenue_fen: int
    total_assets_fen: int

    def value(self, indicator: Indicator) -> int:
        """The figure in the unit of the table: 人, or fen for money (compared to 万元 x 10^6)."""
        if indicator == "employees":
            return self.employees
        return self.revenue_fen if indicator == "revenue" else self.total_assets_fen


@dataclass(frozen=True)
class Classification:
    size: Size
    row: str
    basis: str


def _meets(figures: Figures, bounds: Bounds, size: Size) -> bool:
    scale = 1 if bounds.indicator == "employees" else FEN_PER_WAN
    return figures.value(bounds.indicator) >= bounds.lower_bound(size) * scale


def classify(industry_code: str, figures: Figures) -> Classification:
    """Size by 300号: the first of large, medium, small whose every lower bound is met, else micro."""
    row = row_for(industry_code)
    size: Size = "micro"
    for candidate in ("large", "medium", "small"):
        if all(_meets(figures, bounds, candidate) for bounds in row.bounds):
            size = candidate
            break
    return Classification(size, row.name, _basis(industry_code, row, figures, size))


def format_wan(fen: int) -> str:
    """Fen as 万元 with every significant decimal and no float: 3,500,000 fen -> '3.5万元'."""
    whole, rest = divmod(fen, FEN_PER_WAN)
    decimals = f"{rest:06d}".rstrip("0")
    return f"{whole}.{decimals}万元" if decimals else f"{whole}万元"


def _describe(figures: Figures, bounds: Bounds) -> str:
    name = INDICATOR_NAMES[bounds.indicator]
    if bounds.indicator == "employees":
        value, unit = f"{figures.employees}人", "人"
    else:
        value, unit = format_wan(figures.value(bounds.indicator)), "万元"
    return (
        f"{name} {value} (small ≥ {bounds.small}{unit}, medium ≥ {bounds.medium}{unit}, "
        f"large ≥ {bounds.large}{unit})"
    )


def _basis(industry_code: str, row: Row, figures: Figures, size: Size) -> str:
    figures_text = "; ".join(_describe(figures, bounds) for bounds in row.bounds)
    if size == "micro":
        why = "an indicator is below the small lower bound"
    elif size == "large":
        why = "every large lower bound is met"
    else:
        upper: Size = "medium" if size == "small" else "large"
        why = f"every {size} lower bound is met, not every {upper} one"
    return (
        f"工信部联企业〔2011〕300号, row {row.name} (industry {industry_code}): {figures_text}. "
        f"{SIZE_NAMES[size]} ({size}): {why}."
    )
