"""What every part of the repository shares: scopes, typed rows from mappings, the session."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.guarantee.rules.chain import PARTIES, Split
from services.guarantee.tables import exposure

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Row = TypeVar("Row", bound="DataclassInstance")
ScopeKind = Literal["all", "guarantor", "provincial", "bank"]


@dataclass(frozen=True)
class Scope:
    """Which exposures a caller may see: all, one local guarantor's, a provincial's locals', a bank's."""

    kind: ScopeKind
    id: str | None = None


class Taken(Exception):
    """The database refused a new row (a unique key already held); ``reason`` is its message."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# The column naming who a row belongs to, for each kind of scope but "all".
SCOPE_COLUMNS = {"guarantor": "guarantor_id", "provincial": "provincial_id", "bank": "bank_org_id"}


def scope_clause(scope: Scope, table: sa.Table = exposure) -> sa.ColumnElement[bool]:
    """The rows of ``table`` (exposure or agreement: both name the guarantor, its provincial and
    the bank) a scope covers: a local guarantor's own, a provincial's locals', a bank's, or all."""
    column = SCOPE_COLUMNS.get(scope.kind)
    return table.c[column] == scope.id if column else sa.true()


def as_int(value: Any) -> int:
    # SUM over BIGINT is NUMERIC in PostgreSQL, and NULL over no rows.
    return int(value or 0)


def split_of(row: Mapping[Any, Any], column: str) -> Split:
    """A split kept as four columns, ``column`` naming them: ``share_{}_bp``."""
    return {p: row[column.format(p)] for p in PARTIES}


def columns_of(column: str, split: Mapping[str, int]) -> dict[str, int]:
    """The four columns that keep a split, ``column`` naming them as in ``split_of``."""
    return {column.format(p): split[p] for p in PARTIES}


def typed(cls: type[Row], row: Mapping[Any, Any], **grouped: Any) -> Row:
    """``cls`` from a row: each field from the column of its name, unless ``grouped`` gives it."""
    plain = {f.name: row[f.name] for f in fields(cls) if f.name not in grouped}
    return cls(**plain, **grouped)


class Queries:
    """The session and the three ways a statement is run."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def holds_connection(self) -> bool:
        """Whether this request's transaction has begun, i.e. it holds a pooled connection."""
        return self.session.in_transaction()

    async def _one(self, stmt: sa.Executable) -> RowMapping | None:
        return (await self.session.execute(stmt)).mappings().first()

    async def _all(self, stmt: sa.Executable) -> list[RowMapping]:
        return list((await self.session.execute(stmt)).mappings().all())

    async def _page(
        self, stmt: sa.Select[Any], key: sa.ColumnElement[Any], after: object | None, limit: int
    ) -> list[RowMapping]:
        """One page ordered by ``key``, resuming after ``after``, with one row more than ``limit``
        (to tell whether another page follows)."""
        if after is not None:
            stmt = stmt.where(key > after)
        return await self._all(stmt.order_by(key).limit(limit + 1))

    async def _inserted(self, stmt: sa.Executable) -> RowMapping:
        """The row an INSERT ... RETURNING wrote; ``Taken`` when a key refused it."""
        try:
            row = await self._one(stmt)
        except IntegrityError as exc:
            raise Taken(str(exc.orig)) from exc
        assert row is not None
        return row
