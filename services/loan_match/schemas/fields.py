"""The field types loan_match's request bodies share: codes checked against their standards,
names, texts and the closed lists of CONTRACT §5. Money in fen, rates in bp, integers only."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, JsonValue, Strict

from services.loan_match.rules.codes import industry_problem, region_problem
from services.loan_match.rules.size import IndustryTooCoarse, outside_scope, row_for
from services.loan_match.rules.vocabulary import Collateral, Flag, SizeName

Months = Annotated[int, Strict(), Field(ge=1, le=600, description="A loan term in whole months.")]
Multiple = Annotated[int, Strict(), Field(ge=1, le=1000)]


def _region(code: str) -> str:
    reason = region_problem(code)
    if reason:
        raise ValueError(reason)
    return code


def _industry(code: str) -> str:
    reason = industry_problem(code)
    if reason:
        raise ValueError(reason)
    return code


def _enterprise_industry(code: str) -> str:
    _industry(code)
    if outside_scope(code):
        return code  # refused by the use case as industry-outside-scope, not as malformed
    try:
        row_for(code)
    except IndustryTooCoarse as exc:
        raise ValueError(str(exc)) from exc
    return code


RegionCode = Annotated[
    str,
    AfterValidator(_region),
    Field(description="A 6-digit GB/T 2260 division code.", examples=["620102"]),
]
IndustryPrefix = Annotated[
    str, AfterValidator(_industry), Field(description="A GB/T 4754-2017 code or prefix.", examples=["C"])
]
IndustryCode = Annotated[
    str,
    AfterValidator(_enterprise_industry),
    Field(
        description="The GB/T 4754-2017 industry code; it picks the size row of 工信部联企业〔2011〕300号.",
        examples=["C3411"],
    ),
]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Sizes = Annotated[
    list[SizeName], Field(max_length=3, description="Enterprise sizes served (工信部联企业〔2011〕300号).")
]
Regions = Annotated[
    list[RegionCode],
    Field(
        max_length=500,
        description="GB/T 2260 codes: 620000 is all Gansu, 620100 a prefecture (6201xx), a county code "
        "itself; empty: anywhere.",
    ),
]
Prefixes = Annotated[
    list[IndustryPrefix],
    Field(max_length=500, description="GB/T 4754-2017 sections or code prefixes (C, I65); empty: any."),
]
Years = Annotated[int, Strict(), Field(ge=0, le=200, description="Whole years since establishment.")]
Flags = Annotated[
    list[Flag],
    Field(
        max_length=3,
        description="高新技术企业 (high_tech), 专精特新 (specialized_sme), 农业产业化龙头 (agri_leading).",
    ),
]
Collaterals = Annotated[list[Collateral], Field(max_length=7, description="Kinds of collateral.")]
StrictBool = Annotated[bool, Strict()]

# The enterprise and loan that the examples of a query and of a demand both ask about.
ASKED: dict[str, JsonValue] = {"uscc": "91620100MA72RH3L12", "amount_fen": 100_000_000, "term_months": 12}
