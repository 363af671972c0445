"""Pure rules of the ratings upload (CONTRACT §3): item validation and the batch plan. No I/O.

Levels A/B/M/C/D (国家税务总局公告2014年第40号, level M added by 公告2018年第8号); a year is an
evaluation year from 2014 (the first under 2014年第40号) to the previous calendar year
(rules/rating_years.py: year Y is published from April of Y+1). A re-upload of
an identical item is unchanged; any difference for the same year is a dynamic adjustment
(动态调整, 纳税缴费信用管理办法 2025年第12号 "何时记载何时评价") and gets a new version.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from kit.i18n import Sentence
from kit.shapes import MAX_FEN
from kit.uscc import InvalidUSCC, normalize_uscc
from services.credit_push.rules.rating_years import FIRST_YEAR, year_problem

RATINGS = ("A", "B", "M", "C", "D")
MAX_NAME = 200
_REGION = re.compile(r"^[0-9]{6}$")


class RatingItem(NamedTuple):
    """A valid item (a NamedTuple: 10,000 of them are made per upload, a frozen dataclass's
    ``__init__`` cost ~1 us each)."""

    uscc: str
    name: str
    rating: str
    year: int
    region_code: str | None
    avg_annual_tax_fen: int | None
    # The tax authority's own small-micro mark (CONTRACT §3): it decides 受益户数比例, not the version.
    small_micro: bool | None = None


@dataclass(frozen=True)
class Rejection:
    index: int
    uscc: str | None
    detail: str


_FIELDS = ("uscc", "name", "rating", "year", "region_code", "avg_annual_tax_fen", "small_micro")
_KNOWN = frozenset(_FIELDS)


@dataclass(frozen=True)
class StoredRating:
    uscc: str
    year: int
    name: str
    rating: str
    region_code: str | None
    avg_annual_tax_fen: int | None
    version: int


@dataclass(frozen=True)
class BatchPlan:
    """What to store: the new or changed rows (with their new versions) and the counts."""

    changed: list[StoredRating]
    unchanged: int


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def storable(text: str) -> bool:
    """Text PostgreSQL can store and JSON can carry: no NUL, no lone surrogate (invalid UTF-8)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(text: str) -> str:
    """``text`` safe to echo in an answer: a lone surrogate becomes its escape, a NUL ``\\x00``."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def _unstorable_fields(raw: dict[Any, Any]) -> list[str]:
    """Fields (shown safely) whose name or text value could not be stored or answered."""
    bad = [k for k, v in raw.items() if not storable(str(k)) or (isinstance(v, str) and not storable(v))]
    return sorted(shown(str(k)) for k in bad)


def parse_item(raw: Any, this_year: int) -> RatingItem | Sentence:
    """The item, or the reason it is rejected (a sentence a tax clerk can act on)."""
    if not isinstance(raw, dict):
        return Sentence("rejection:not-an-object", "item must be an object")
    # One check over all the item's text first: a 10,000-item upload is almost always clean.
    if not storable("".join([*raw, *[v for v in raw.values() if isinstance(v, str)]])):
        unstorable = sorted(
            shown(k) for k, v in raw.items() if not storable(k) or (isinstance(v, str) and not storable(v))
        )
        fields = ", ".join(unstorable)
        english = f"{fields}: text with a NUL byte or an invalid character (lone surrogate)"
        return Sentence("rejection:unstorable-text", english, fields=fields)
    uscc_raw = raw.get("uscc")
    if not isinstance(uscc_raw, str):
        return Sentence("rejection:uscc-required", "uscc: required, a string")
    try:
        uscc = normalize_uscc(uscc_raw)
    except InvalidUSCC as exc:
        return Sentence("rejection:uscc-invalid", f"uscc: invalid USCC: {exc}", why=str(exc))
    name = raw.get("name")
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        return Sentence("rejection:name-required", "name: required, a non-empty string")
    if len(name) > MAX_NAME:
        return Sentence("rejection:name-too-long", f"name: at most {MAX_NAME} characters", max=MAX_NAME)
    rating = raw.get("rating")
    if not isinstance(rating, str) or (level := rating.strip().upper()) not in RATINGS:
        english = f"rating: unknown level {rating!r}; one of A, B, M, C, D"
        return Sentence("rejection:rating-unknown", english, level=repr(rating))
    year = raw.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        english = (
            f"year: {year!r} is not an evaluation year (a whole number, {FIRST_YEAR} to {this_year - 1})"
        )
        return Sentence(
            "rejection:year-not-a-number", english, year=repr(year), first=FIRST_YEAR, latest=this_year - 1
        )
    problem = year_problem(year, _new_year(this_year))
    if problem is not None:
        return Sentence(problem.key, f"year: {problem}", **problem.members)
    region = raw.get("region_code")
    if region is not None and (not isinstance(region, str) or not _REGION.match(region)):
        return Sentence("rejection:region-invalid", "region_code: a 6-digit GB/T 2260 code")
    tax = raw.get("avg_annual_tax_fen")
    if tax is not None and (not _is_int(tax) or not 0 <= tax <= MAX_FEN):
        return Sentence("rejection:tax-invalid", "avg_annual_tax_fen: a non-negative whole number of fen")
    small_micro = raw.get("small_micro")
    if small_micro is not None and not isinstance(small_micro, bool):
        return Sentence("rejection:small-micro-invalid", "small_micro: true or false")
    if not _KNOWN.issuperset(raw):
        unknown = [shown(k) for k in sorted(set(raw) - _KNOWN)]
        return Sentence(
            "rejection:unknown-fields", f"unknown fields: {', '.join(unknown)}", fields=", ".join(unknown)
        )
    return RatingItem(uscc, name, level, year, region, tax, small_micro)


@lru_cache(maxsize=4)
def _new_year(this_year: int) -> date:
    return date(this_year, 1, 1)


def parse_batch(
    items: Sequence[Any], this_year: int, rows: Sequence[int] | None = None
) -> tuple[list[RatingItem], list[Rejection]]:
    """Valid items and the rejected ones; a second item for the same USCC and year is rejected.

    ``rows``: the row number in a rating file of each item, which a rejection then names.
    """
    valid: list[RatingItem] = []
    rejected: list[Rejection] = []
    first_index: dict[tuple[str, int], int] = {}
    what = "item" if rows is None else "row"
    for position, raw in enumerate(items):
        index = position if rows is None else rows[position]
        parsed = parse_item(raw, this_year)
        if isinstance(parsed, str):
            rejected.append(Rejection(index, _echoed_uscc(raw), parsed))
            continue
        key = (parsed.uscc, parsed.year)
        if key in first_index:
            english = f"duplicate of {what} {first_index[key]} (same uscc and year in one upload)"
            detail = Sentence(f"rejection:duplicate-{what}", english, first=first_index[key])
            rejected.append(Rejection(index, parsed.uscc, detail))
            continue
        first_index[key] = index
        valid.append(parsed)
    return valid, rejected


def _echoed_uscc(raw: Any) -> str | None:
    """The rejected item's uscc as sent, when it is text an answer can carry (else null)."""
    uscc = raw.get("uscc") if isinstance(raw, dict) else None
    return uscc if isinstance(uscc, str) and storable(uscc) and len(uscc) <= MAX_NAME else None


def same_content(item: RatingItem, stored: StoredRating) -> bool:
    return (item.name, item.rating, item.region_code, item.avg_annual_tax_fen) == (
        stored.name,
        stored.rating,
        stored.region_code,
        stored.avg_annual_tax_fen,
    )


def plan_batch(
    items: Sequence[RatingItem],
    stored: Mapping[tuple[str, int], StoredRating],
    last_version: Mapping[str, int],
) -> BatchPlan:
    """Which items change something, and their versions.

    ``version`` counts every stored change of an enterprise's ratings (any year), so a
    receiver comparing versions never sees one go backwards when the current year moves on.
    """
    versions = dict(last_version)
    changed: list[StoredRating] = []
    unchanged = 0
    for item in sorted(items, key=lambda i: (i.uscc, i.year)):
        before = stored.get((item.uscc, item.year))
        if before is not None and same_content(item, before):
            unchanged += 1
            continue
        versions[item.uscc] = versions.get(item.uscc, 0) + 1
        row = StoredRating(
            item.uscc,
            item.year,
            item.name,
            item.rating,
            item.region_code,
            item.avg_annual_tax_fen,
            versions[item.uscc],
        )
        changed.append(row)
    return BatchPlan(changed, unchanged)


def current_of(rows: Sequence[StoredRating]) -> StoredRating | None:
    """The current rating: the one with the latest year."""
    return max(rows, key=lambda r: r.year, default=None)
