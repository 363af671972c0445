"""Pure paging steps shared by the sync and async clients (CONTRACT §1, Lists; §3, feed)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Params = Mapping[str, str | int | bool | None]

FEED_PATH = "/v1/credit/feed"


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None
    has_more: bool


def page_params(params: Params | None, cursor: str | None, limit: int | None) -> dict[str, str | int | bool]:
    """The query of one page request: the caller's filters, then the cursor and the page size."""
    query = {k: v for k, v in (params or {}).items() if v is not None}
    if cursor:
        query["cursor"] = cursor
    if limit is not None:
        query["limit"] = limit
    return query


def read_page(body: Any) -> Page:
    """A list answer ``{items, next_cursor}``; the feed adds ``has_more`` (its cursor is never null)."""
    if not isinstance(body, dict) or not isinstance(body.get("items"), list):
        raise ValueError("not a list answer: expected {items: [...], next_cursor}")
    cursor = body.get("next_cursor")
    has_more = body.get("has_more", cursor is not None)
    return Page(body["items"], str(cursor) if cursor else None, bool(has_more))
