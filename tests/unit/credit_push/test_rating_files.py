"""Reading rating files (services/credit_push/rules/rating_files.py): columns, encodings, cell values."""

from __future__ import annotations

import pytest

from kit.errors import PayloadTooLarge, RuleViolation
from services.credit_push.rules import rating_files
from services.credit_push.rules.rating_files import columns_of, decode, item_of, media_kind, read


def test_columns_are_named_in_chinese_or_english_in_any_case_and_spacing() -> None:
    header = [" 统一社会信用代码 ", "NAME", "信用级别", "Year", "年均纳税额(分)", "", "小微企业"]
    assert columns_of(header) == ["uscc", "name", "rating", "year", "avg_annual_tax_fen", None, "small_micro"]


@pytest.mark.parametrize(
    ("header", "says"),
    [
        (["uscc", "name", "rating"], "missing 评价年度/year"),
        (["uscc", "name", "rating", "year", "序号"], "unknown 序号"),
        (["uscc", "name", "rating", "year", "评价年度"], "named twice year"),
    ],
)
def test_a_header_row_that_does_not_name_the_columns_is_refused(header: list[str], says: str) -> None:
    with pytest.raises(RuleViolation) as refused:
        columns_of(header)
    assert refused.value.slug == "invalid-rating-columns"
    assert says in refused.value.detail


def test_utf8_with_or_without_bom_and_gbk_decode() -> None:
    assert decode("纳税人名称".encode()) == "纳税人名称"
    assert decode(b"\xef\xbb\xbf" + "纳税人名称".encode()) == "纳税人名称"
    assert decode("纳税人名称".encode("gbk")) == "纳税人名称"
    with pytest.raises(RuleViolation) as refused:
        decode(b"\x81\x20\xff")
    assert refused.value.slug == "unreadable-rating-file"


def test_cells_convert_and_what_does_not_convert_stays_text_for_the_item_rules() -> None:
    fields = ["uscc", "name", "rating", "year", "region_code", "avg_annual_tax_fen", "small_micro"]
    assert item_of(fields, ["91X", " 某公司 ", "a", 2024.0, 620100.0, "1200", "是"]) == {
        "uscc": "91X",
        "name": "某公司",
        "rating": "a",
        "year": 2024,
        "region_code": "620100",
        "avg_annual_tax_fen": 1200,
        "small_micro": True,
    }
    assert item_of(fields, ["91X", "n", "A", "2024年", "", 12.5, "maybe"]) == {
        "uscc": "91X",
        "name": "n",
        "rating": "A",
        "year": "2024年",
        "avg_annual_tax_fen": "12.5",
        "small_micro": "maybe",
    }
    assert item_of(fields, ["91X", "n", "A", 2024, None, None, "否"])["small_micro"] is False


def test_rows_are_numbered_as_in_the_file_and_empty_lines_skipped() -> None:
    text = "uscc,name,rating,year\r\n91A,a,A,2024\r\n\r\n,,,\r\n91B,b,B,2023\r\n"
    parsed = read("csv", text.encode())
    assert parsed.rows == [2, 5]
    assert [i["uscc"] for i in parsed.items] == ["91A", "91B"]


def test_a_file_with_too_many_rows_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rating_files, "MAX_ROWS", 2)
    with pytest.raises(PayloadTooLarge) as refused:
        read("csv", b"uscc,name,rating,year\n1,a,A,2024\n2,b,A,2024\n3,c,A,2024\n")
    assert refused.value.slug == "too-many-rows"


def test_media_types() -> None:
    assert media_kind("text/csv; charset=GBK") == "csv"
    assert media_kind(rating_files.XLSX_TYPE) == "xlsx"
    assert media_kind(None) == "json"
    assert media_kind("application/json") == "json"
    assert media_kind("text/plain") is None
