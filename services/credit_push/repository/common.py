"""What the repository modules share: typed rows from table columns, and arrays of ids."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def uuids(values: Iterable[str]) -> list[uuid.UUID]:
    return [uuid.UUID(v) for v in values]


def columns(table: sa.Table, row_type: type[DataclassInstance]) -> list[sa.ColumnElement[Any]]:
    """The columns named like ``row_type``'s fields, in field order, so ``row_type(*row)`` builds one."""
    return [table.c[field.name] for field in fields(row_type)]
