"""Column factories for a service's tables: the shapes every table repeats, spelled once.

Each returns a new ``sa.Column`` (a column belongs to one table), NOT NULL unless ``nullable``.
Times are ``timestamptz``; amounts of money are integer fen in a ``bigint`` (never float).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

TIMESTAMP = sa.DateTime(timezone=True)


def _uuid_type(as_text: bool) -> UUID[Any]:
    return UUID(as_uuid=False) if as_text else UUID(as_uuid=True)


def id_key(name: str = "id", *, as_text: bool = False) -> sa.Column[Any]:
    """A UUID primary key; ``as_text``: read and written as its string form."""
    return sa.Column(name, _uuid_type(as_text), primary_key=True)


def uuid(
    name: str, *, nullable: bool = False, as_text: bool = False, references: str | None = None
) -> sa.Column[Any]:
    """A UUID; ``references``: a foreign key to that column (``schema.table.id``)."""
    keys = [sa.ForeignKey(references)] if references else []
    return sa.Column(name, _uuid_type(as_text), *keys, nullable=nullable)


def text(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Text, nullable=nullable)


def integer(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Integer, nullable=nullable)


def big(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    """A ``bigint``: a counter or sequence number that may outgrow 2**31."""
    return sa.Column(name, sa.BigInteger, nullable=nullable)


def fen(name: str, *, nullable: bool = False, zero: bool = False) -> sa.Column[Any]:
    """An amount of money in integer fen; ``zero``: a new row starts at 0."""
    return sa.Column(name, sa.BigInteger, nullable=nullable, server_default="0" if zero else None)


def flag(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Boolean, nullable=nullable)


def day(name: str, *, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, sa.Date, nullable=nullable)


def moment(name: str, *, nullable: bool = False, now: bool = False) -> sa.Column[Any]:
    """A ``timestamptz``; ``now``: a new row gets the time of its transaction."""
    return sa.Column(name, TIMESTAMP, nullable=nullable, server_default=sa.text("now()") if now else None)


def created_at() -> sa.Column[Any]:
    return moment("created_at")


def updated_at() -> sa.Column[Any]:
    return moment("updated_at")
