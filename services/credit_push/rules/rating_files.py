"""Rating files (CONTRACT §3 "Rating files"): a CSV or .xlsx body read into rating items.

Tax systems exchange spreadsheets, not JSON: 金税 exports are GBK CSV or Excel workbooks whose
header row names the columns in Chinese. This module turns such a body into the same raw items a
JSON upload carries (rules/ratings.py ``parse_item`` then judges each one), each with its row
number in the file (the header is row 1). The whole file is refused only when it cannot be read
at all: bytes that are neither UTF-8 nor GBK, a broken workbook, a header row that does not name
the columns, or more rows than one upload may hold. No I/O: it works on the bytes it is given.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from kit.errors import PayloadTooLarge, RuleViolation

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# More data rows than this in one file is refused (413): a 10 MiB workbook can expand to far more.
MAX_ROWS = 1_000_000

# Header text (case-insensitive, spaces removed) -> item field.
COLUMNS: dict[str, str] = {
    "统一社会信用代码": "uscc",
    "uscc": "uscc",
    "纳税人名称": "name",
    "name": "name",
    "信用级别": "rating",
    "rating": "rating",
    "评价年度": "year",
    "year": "year",
    "行政区划代码": "region_code",
    "region_code": "region_code",
    "年均纳税额（分）": "avg_annual_tax_fen",
    "年均纳税额(分)": "avg_annual_tax_fen",
    "avg_annual_tax_fen": "avg_annual_tax_fen",
    "小微企业": "small_micro",
    "small_micro": "small_micro",
}
HEADERS_HELP = (
    "统一社会信用代码/uscc, 纳税人名称/name, 信用级别/rating, 评价年度/year, 行政区划代码/region_code, "
    "年均纳税额（分）/avg_annual_tax_fen, 小微企业/small_micro"
)
REQUIRED = ("uscc", "name", "rating", "year")
_CHINESE = {"uscc": "统一社会信用代码", "name": "纳税人名称", "rating": "信用级别", "year": "评价年度"}
_WHOLE = ("year", "avg_annual_tax_fen")
_YES = {"是", "y", "yes", "true", "1"}
_NO = {"否", "n", "no", "false", "0"}


@dataclass(frozen=True)
class RatingFile:
    """The data rows of a file: ``items[i]`` is row ``rows[i]`` of the file (header = row 1)."""

    items: list[dict[str, Any]]
    rows: list[int]


def media_kind(content_type: str | None) -> str | None:
    """``csv``, ``xlsx``, ``json`` or None (not a type this upload takes)."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media == CSV_TYPE:
        return "csv"
    if media == XLSX_TYPE:
        return "xlsx"
    if media in ("application/json", ""):
        return "json"
    return None


def read(kind: str, data: bytes) -> RatingFile:
    """The items of a ``csv`` or ``xlsx`` body, or a RuleViolation/PayloadTooLarge saying why not."""
    rows = _csv_rows(data) if kind == "csv" else _xlsx_rows(data)
    header = next(rows, None)
    if header is None:
        raise _empty()
    fields = columns_of(header)
    items: list[dict[str, Any]] = []
    numbers: list[int] = []
    for number, cells in enumerate(rows, start=2):
        if all(_blank(c) for c in cells):
            continue  # an empty line (a trailing one, or a spacer) is no item
        if len(items) == MAX_ROWS:
            raise PayloadTooLarge(
                f"The file has more than {MAX_ROWS} data rows; split it into several uploads.",
                slug="too-many-rows",
                max_rows=MAX_ROWS,
            )
        items.append(item_of(fields, cells))
        numbers.append(number)
    if not items:
        raise _empty()
    return RatingFile(items, numbers)


def _empty() -> RuleViolation:
    return RuleViolation(
        "The file has no data rows: row 1 names the columns, each following row is one rating.",
        slug="empty-rating-file",
    )


def _unreadable(why: str) -> RuleViolation:
    return RuleViolation(
        f"The file cannot be read ({why}). Send a CSV in UTF-8 (with or without BOM) or GBK, or an "
        ".xlsx workbook whose first sheet holds the ratings.",
        slug="unreadable-rating-file",
        reason=why,
    )


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped), else GBK: GB 18030, its superset, so every GBK file decodes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise _unreadable("neither UTF-8 nor GBK text") from exc


def _csv_rows(data: bytes) -> Iterator[list[Any]]:
    text = decode(data)
    if "\x00" in text:
        raise _unreadable("a NUL byte: this is not a text file")
    try:
        # Read eagerly: a malformed file is refused before any row is judged.
        return iter(list(csv.reader(io.StringIO(text, newline=""))))
    except csv.Error as exc:
        raise _unreadable(f"not CSV: {exc}") from exc


def _xlsx_rows(data: bytes) -> Iterator[list[Any]]:
    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
        rows = sheet.iter_rows()
    except (CalamineError, ValueError, IndexError) as exc:
        raise _unreadable("not an .xlsx workbook") from exc
    return _guarded(rows)


def _guarded(rows: Iterable[list[Any]]) -> Iterator[list[Any]]:
    try:
        yield from rows
    except CalamineError as exc:
        raise _unreadable("a damaged .xlsx workbook") from exc


def _key(header: Any) -> str:
    return "".join(str(header).split()).lstrip("\ufeff").lower()


def columns_of(header: Sequence[Any]) -> list[str | None]:
    """The field of each column (None: an empty column), or why the header row is not usable."""
    fields: list[str | None] = []
    unknown: list[str] = []
    for cell in header:
        key = _key(cell)
        field = COLUMNS.get(key)
        if field is None and key:
            unknown.append(str(cell).strip())
        fields.append(field)
    named = [f for f in fields if f]
    twice = sorted({f for f in named if named.count(f) > 1})
    missing = [f for f in REQUIRED if f not in named]
    if unknown or twice or missing:
        raise _bad_columns(missing, unknown, twice)
    return fields


def _bad_columns(missing: list[str], unknown: list[str], twice: list[str]) -> RuleViolation:
    parts = []
    if missing:
        parts.append("missing " + ", ".join(f"{_CHINESE[f]}/{f}" for f in missing))
    if unknown:
        parts.append("unknown " + ", ".join(unknown))
    if twice:
        parts.append("named twice " + ", ".join(twice))
    return RuleViolation(
        f"Row 1 must name the columns: {'; '.join(parts)}. Columns: {HEADERS_HELP}.",
        slug="invalid-rating-columns",
        missing=", ".join(_CHINESE[f] for f in missing) or "-",
        unknown=", ".join(unknown) or "-",
        repeated=", ".join(twice) or "-",
    )


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def item_of(fields: Sequence[str | None], cells: Sequence[Any]) -> dict[str, Any]:
    """One row as a raw item; an empty cell is absent; a value that does not convert stays as
    text, so ``parse_item`` rejects the row with its usual reason."""
    item: dict[str, Any] = {}
    for field, cell in zip(fields, cells, strict=False):
        if field is None or _blank(cell):
            continue
        item[field] = _value(field, cell)
    return item


def _value(field: str, cell: Any) -> Any:
    if field == "small_micro":
        return _flag(cell)
    if field in _WHOLE:
        return _whole(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a code typed into a number cell (a region code, a digits-only USCC)
    return str(cell).strip()


def _whole(cell: Any) -> Any:
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):
        return int(cell) if cell.is_integer() else str(cell)
    text = str(cell).strip()
    return int(text) if text.isascii() and text.isdigit() else text


def _flag(cell: Any) -> Any:
    if isinstance(cell, bool):
        return cell
    key = str(int(cell) if isinstance(cell, float) and cell.is_integer() else cell).strip().lower()
    if key in _YES:
        return True
    if key in _NO:
        return False
    return key
