"""What the repository modules share: typed rows from table columns, and arrays of ids."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def uuids(values: Iterable[str]) -> list[uuid.UUID]:
    return [uuid.UUID(v) for v in values]


def columns(table: sa.Table, row_type: type[DataclassInstance]) -> list[sa.ColumnElement[Any]]:
    """The columns named like ``row_type``'s fields, in field order, so ``row_type(*row)`` builds one."""
    return [table.c[field.name] for field in fields(row_type)]


def keyset_page(
    query: sa.Select[Any], table: sa.Table, after: tuple[datetime, uuid.UUID] | None, limit: int
) -> sa.Select[Any]:
    """``query`` ordered by (created_at, id), from after the keyset position ``after``, ``limit + 1`` rows."""
    if after:
        query = query.where(sa.tuple_(table.c.created_at, table.c.id) > sa.tuple_(*after))
    return query.order_by(table.c.created_at, table.c.id).limit(limit + 1)
