"""Cursor pagination (CONTRACT §1): ``?limit=`` (default 50, max 1000) and an opaque ``?cursor=``.

Cursors are keyset positions (never offsets), so a page never repeats or skips a row
while new rows arrive.
"""

from __future__ import annotations

import base64
import json
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field

from kit.errors import RuleViolation

T = TypeVar("T")

Limit = Annotated[int, Query(ge=1, le=1000, description="Page size (default 50, max 1000).")]
Cursor = Annotated[str | None, Query(description="Opaque cursor from a previous page's next_cursor.")]
DEFAULT_LIMIT = 50


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` for the next page; null on the last page."
    )


def encode_cursor(position: dict[str, Any]) -> str:
    raw = json.dumps(position, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_cursor(cursor: str | None) -> dict[str, Any] | None:
    if cursor is None:
        return None
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError) as exc:
        raise invalid_cursor() from exc
    if not isinstance(value, dict):
        raise invalid_cursor()
    return value


def invalid_cursor() -> RuleViolation:
    return RuleViolation(
        "cursor is not one this API handed out.",
        slug="invalid-cursor",
        errors=[{"loc": ["query", "cursor"], "msg": "invalid cursor"}],
    )


def page_of(rows: list[T], limit: int, position: Any) -> tuple[list[T], str | None]:
    """Given up to ``limit + 1`` rows, the page and the cursor after its last row.

    ``position(row)`` returns the keyset position of a row as a JSON-able dict.
    """
    if len(rows) <= limit:
        return rows, None
    page = rows[:limit]
    return page, encode_cursor(position(page[-1]))
