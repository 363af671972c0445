"""What the query modules share: a result row as its typed record, and keyset pages."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar, TypeVarTuple

import sqlalchemy as sa
from sqlalchemy.engine import Row

from services.loan_match.repository.rows import Position

Record = TypeVar("Record")
Columns = TypeVarTuple("Columns")
# A result row of any columns: what a record is read from, by column name.
AnyRow = Row[*tuple[Any, ...]]


def one_as(record: type[Record], row: AnyRow) -> Record:
    """A row as its typed record: the record's fields are the selected columns, by name."""
    return record(**row._mapping)


def all_as(record: type[Record], rows: Sequence[AnyRow]) -> list[Record]:
    return [one_as(record, row) for row in rows]


def maybe_as(record: type[Record], row: AnyRow | None) -> Record | None:
    return None if row is None else one_as(record, row)


def figures_as(record: type[Record], rows: Sequence[AnyRow]) -> list[Record]:
    """Rows of counts and sums as records: PostgreSQL's ``sum`` of bigints is numeric, read as
    ``Decimal``; the records hold whole numbers (fen, counts)."""
    return [
        record(**{k: int(v) if isinstance(v, Decimal) else v for k, v in row._mapping.items()})
        for row in rows
    ]


def page(
    stmt: sa.Select[*Columns], table: sa.Table, after: Position | None, limit: int
) -> sa.Select[*Columns]:
    """``stmt`` narrowed to up to ``limit + 1`` rows after ``after`` in (created_at, id) order:
    one more than a page tells whether another follows."""
    created_at, id_ = table.c.created_at, table.c.id
    if after is not None:
        values = sa.tuple_(sa.literal(after[0], created_at.type), sa.literal(after[1], id_.type))
        stmt = stmt.where(sa.tuple_(created_at, id_) > values)
    return stmt.order_by(created_at, id_).limit(limit + 1)
