"""What the repository modules share: typed rows from table columns, arrays for ``unnest``, pages."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# A keyset position in a list (the row's time, then its id); None: from the start.
After = tuple[datetime, uuid.UUID] | None


def uuids(values: Iterable[str]) -> list[uuid.UUID]:
    return [uuid.UUID(v) for v in values]


def arrays(rows: Sequence[object], **fields: str) -> dict[str, list[Any]]:
    """Parameters of an ``unnest`` statement: per parameter, that field of every row (one array each)."""
    return {param: [getattr(row, field) for row in rows] for param, field in fields.items()}


def columns(table: sa.Table, row_type: type[DataclassInstance]) -> list[sa.ColumnElement[Any]]:
    """The columns named like ``row_type``'s fields, in field order, so ``row_type(*row)`` builds one."""
    return [table.c[field.name] for field in fields(row_type)]


def keyset_page(query: sa.Select[Any], table: sa.Table, after: After, limit: int) -> sa.Select[Any]:
    """``query`` ordered by (created_at, id), from after the keyset position ``after``, ``limit + 1`` rows."""
    if after:
        query = query.where(sa.tuple_(table.c.created_at, table.c.id) > sa.tuple_(*after))
    return query.order_by(table.c.created_at, table.c.id).limit(limit + 1)
