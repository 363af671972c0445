"""Route helpers of credit_push: the cursors its lists hand out and read back, pages, and ETags.

A cursor is opaque to clients; one that this API did not hand out (tampered, truncated,
extreme values) is a 422 ``invalid-cursor``, never a 500.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Any, Protocol, TypeVar

from fastapi import Response
from pydantic import BaseModel

from kit.etags import body_of, etag_of
from kit.pagination import Page, decode_cursor, invalid_cursor, page_of


class Keyed(Protocol):
    @property
    def id(self) -> uuid.UUID: ...
    @property
    def created_at(self) -> datetime: ...


K = TypeVar("K", bound=Keyed)


def _decoded(cursor: str | None) -> dict[str, Any] | None:
    try:
        return decode_cursor(cursor)
    except RecursionError as exc:  # JSON nested deeper than the parser goes
        raise invalid_cursor() from exc


def after_of(cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    """The keyset position in a cursor this API handed out; anything else is 422 invalid-cursor."""
    position = _decoded(cursor)
    if position is None:
        return None
    at, row_id = position.get("t"), position.get("id")
    if not isinstance(at, str) or not isinstance(row_id, str):
        raise invalid_cursor()
    try:
        moment, parsed_id = datetime.fromisoformat(at), uuid.UUID(row_id)
    except ValueError as exc:
        raise invalid_cursor() from exc
    # Ours are aware and near now; an extreme date would overflow in the database driver.
    if moment.tzinfo is None or not MIN_CURSOR_YEAR <= moment.year <= MAX_CURSOR_YEAR:
        raise invalid_cursor()
    return moment, parsed_id


MIN_CURSOR_YEAR, MAX_CURSOR_YEAR = 2000, 9000
MAX_SEQ = 2**63 - 1  # seq is a bigint


def uscc_after_of(cursor: str | None) -> str:
    """The position in an A-list cursor this API handed out; anything else is 422 invalid-cursor."""
    position = _decoded(cursor)
    if position is None:
        return ""
    after = position.get("uscc")
    if not isinstance(after, str) or not _USCC_SHAPE.match(after):
        raise invalid_cursor()
    return after


_USCC_SHAPE = re.compile(r"^[0-9A-Z]{18}$")


def position_of(item: Keyed) -> dict[str, str]:
    return {"t": item.created_at.isoformat(), "id": str(item.id)}


def seq_of(cursor: str | None) -> int:
    position = _decoded(cursor)
    if position is None:
        return 0
    seq = position.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or not 0 <= seq <= MAX_SEQ:
        raise invalid_cursor()
    return seq


def with_etag(item: BaseModel) -> Response:
    """A JSON answer with a strong ETag (CONTRACT §1: every GET of a single object sends one)."""
    return Response(body_of(item), media_type="application/json", headers={"ETag": etag_of(item)})


def keyset_page(items: list[K], limit: int) -> Page[K]:
    """The page of up to ``limit + 1`` items (oldest first) and the cursor after its last one."""
    page, next_cursor = page_of(items, limit, position_of)
    return Page(items=page, next_cursor=next_cursor)
