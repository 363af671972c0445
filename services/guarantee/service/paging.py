"""Cursor paging of the list use cases (CONTRACT §1): the positions a cursor carries, and a page.

A cursor is read only when the use case asks (after the caller's scope is known where that
decides a 403); a position that is not one we hand out is 422 ``invalid-cursor``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from kit.pagination import Page, decode_cursor, invalid_cursor, page_of

Row = TypeVar("Row")
Answer = TypeVar("Answer")


def is_uuid(value: object) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


def after_id(cursor: str | None) -> str | None:
    """The id (a UUID) a cursor resumes after."""
    position = decode_cursor(cursor)
    after = position.get("id") if position is not None else None
    if position is not None and not is_uuid(after):
        raise invalid_cursor()
    return str(after) if after else None


def after_seq(cursor: str | None) -> int | None:
    """The seq a cursor resumes after."""
    position = decode_cursor(cursor)
    after = position.get("seq") if position is not None else None
    if position is not None and not isinstance(after, int):
        raise invalid_cursor()
    return after


def after_created(cursor: str | None) -> tuple[dt.datetime, str] | None:
    """The (created_at, id) a cursor resumes after."""
    position = decode_cursor(cursor)
    if position is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(position.get("t")))
    except ValueError as exc:
        raise invalid_cursor() from exc
    after = position.get("id")
    # Ours are aware and near now; an extreme date would overflow on its way to the database.
    if moment.tzinfo is None or not 2000 <= moment.year <= 9000 or not is_uuid(after):
        raise invalid_cursor()
    return moment, str(after)


def by_seq(row: Any) -> dict[str, Any]:
    return {"seq": row.seq}


def page(
    rows: list[Row], limit: int, position: Callable[[Row], dict[str, Any]], answer: Callable[[Row], Answer]
) -> Page[Answer]:
    """Given up to ``limit + 1`` rows, the page of their answers and the cursor after the last."""
    items, next_cursor = page_of(rows, limit, position)
    return Page[Any](items=[answer(row) for row in items], next_cursor=next_cursor)
